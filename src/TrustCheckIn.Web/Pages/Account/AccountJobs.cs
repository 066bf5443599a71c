using Microsoft.AspNetCore.Identity;
using TrustCheckIn.Accounts;
using TrustCheckIn.Couples;
using TrustCheckIn.Email;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Account;

// What registration, reset and resend do after the page has answered, in the background queue: the page
// answers alike and as fast whether or not the address has an account, and only the owner's inbox learns which.
public static class AccountJobs
{
    // invite: the invitation code the person came with, kept in the links they are sent.
    public static Func<IServiceProvider, Task> Register(string displayName, string email, string password, bool asTherapist, string? invite = null) => async services =>
    {
        var registration = await services.GetRequiredService<AccountService>().RegisterAsync(displayName, email, password, asTherapist);
        var links = services.GetRequiredService<PublicLinks>();
        var mail = services.GetRequiredService<IEmailSender>();
        if (registration.EmailAlreadyRegistered)
        {
            var signIn = invite is null ? links.Page("/Account/Login") : links.Page("/Account/Login", new { returnUrl = JoinPath(invite) });
            await mail.SendAsync(AccountMail.AlreadyRegistered(email, signIn, links.Page("/Account/ForgotPassword")));
        }
        else if (registration.User is { } user)
        {
            await SendConfirmationAsync(services, user, invite);
        }
        else
        {
            services.GetRequiredService<ILogger<AccountService>>().LogWarning(
                "A registration that passed the page's checks was refused ({Codes})", string.Join(", ", registration.Errors.Select(e => e.Code)));
        }
    };

    public static Func<IServiceProvider, Task> ResetPassword(string email) => async services =>
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is { EmailConfirmed: true } user)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = services.GetRequiredService<PublicLinks>().Page("/Account/ResetPassword", new { code = AccountMail.EncodeToken(token) });
            await services.GetRequiredService<IEmailSender>().SendAsync(AccountMail.ResetPassword(user.Email!, link));
        }
    };

    public static Func<IServiceProvider, Task> ResendConfirmation(string email, string? invite = null) => async services =>
    {
        if (await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email) is { EmailConfirmed: false } user)
        {
            await SendConfirmationAsync(services, user, invite);
        }
    };

    public static string JoinPath(string invite) => $"/Couple/Join?code={Uri.EscapeDataString(invite)}";

    // An invitation code from a link's query: only a real one's preview, so nothing else is echoed into pages or mails.
    public static async Task<CoupleService.InvitationPreview?> ReadInvitationAsync(CoupleService couples, string? invite) =>
        string.IsNullOrWhiteSpace(invite) || invite.Length > 32 ? null : await couples.PreviewAsync(invite);

    private static async Task SendConfirmationAsync(IServiceProvider services, AppUser user, string? invite = null)
    {
        var token = await services.GetRequiredService<UserManager<AppUser>>().GenerateEmailConfirmationTokenAsync(user);
        var link = services.GetRequiredService<PublicLinks>().Page("/Account/ConfirmEmail", new { userId = user.Id, code = AccountMail.EncodeToken(token), invite });
        await services.GetRequiredService<IEmailSender>().SendAsync(AccountMail.Confirm(user.Email!, link));
    }
}

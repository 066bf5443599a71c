using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrustCheckIn.Accounts;

// Identity answers at once for an unknown or locked-out account but hashes the password for a known one: the
// difference in time tells who has an account. Those answers now hash the typed password too.
public sealed class EqualTimeSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is not { } user)
        {
            EqualTimePassword.Burn(UserManager, password);
            return SignInResult.Failed;
        }

        if (await UserManager.IsLockedOutAsync(user))
        {
            EqualTimePassword.Burn(UserManager, password);
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }
}

public static class EqualTimePassword
{
    private static readonly Lazy<string> Dummy = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    // As long as checking a real password: the same hasher on a hash of the same strength.
    public static void Burn(UserManager<AppUser> users, string password) =>
        users.PasswordHasher.VerifyHashedPassword(new AppUser(), Dummy.Value, password);
}

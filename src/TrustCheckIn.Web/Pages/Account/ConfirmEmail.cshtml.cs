using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Accounts;
using TrustCheckIn.Couples;

namespace TrustCheckIn.Web.Pages.Account;

// The link only shows a button: a GET never changes state, and mail scanners can't use up the link.
public sealed class ConfirmEmailModel(AccountService accounts, CoupleService couples) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Invite { get; set; }

    public CoupleService.InvitationPreview? Invitation { get; private set; }

    public bool? Confirmed { get; private set; }

    public string JoinPath => AccountJobs.JoinPath(Invitation!.Code);

    public async Task OnGetAsync() => await ReadInvitationAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await ReadInvitationAsync();
        var token = AccountMail.DecodeToken(Code);
        Confirmed = await accounts.ConfirmEmailAsync(UserId, token);
        return Page();
    }

    private async Task ReadInvitationAsync()
    {
        Invitation = await AccountJobs.ReadInvitationAsync(couples, Invite);
        Invite = Invitation?.Code;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrustCheckIn.Web.Pages.Account;

public sealed class RegisterConfirmationModel : PageModel
{
    // Handed on to "send the link again", which checks it before it goes into a mail.
    [BindProperty(SupportsGet = true)]
    public string? Invite { get; set; }

    public void OnGet()
    {
    }
}

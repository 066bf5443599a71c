using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrustCheckIn.Web.Pages.Account;

public sealed class ResetPasswordConfirmationModel : PageModel
{
    public void OnGet()
    {
    }
}

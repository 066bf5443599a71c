using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrustCheckIn.Web.Pages.Account;

public sealed class ForgotPasswordConfirmationModel : PageModel
{
    public void OnGet()
    {
    }
}

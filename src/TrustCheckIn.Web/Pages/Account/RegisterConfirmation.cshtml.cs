using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrustCheckIn.Web.Pages.Account;

public sealed class RegisterConfirmationModel : PageModel
{
    public void OnGet()
    {
    }
}

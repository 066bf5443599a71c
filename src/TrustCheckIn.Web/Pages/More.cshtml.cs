using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrustCheckIn.Web.Pages;

// The rest of the menu, as a plain page: it works without JavaScript and the bottom bar stays at five tabs.
public sealed class MoreModel : PageModel
{
    public void OnGet()
    {
    }
}

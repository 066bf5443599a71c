using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Couples;

namespace TrustCheckIn.Web.Pages;

// The link in an invitation: open to everyone, since the person invited may not have an account yet. The code is
// carried through registration, confirmation and sign-in in the links themselves, so it ends on Join.
public sealed class InvitationModel(CoupleService couples) : PageModel
{
    public CoupleService.InvitationPreview? Preview { get; private set; }

    public string JoinPath => $"/Couple/Join?code={Uri.EscapeDataString(Preview!.Code)}";

    public async Task<IActionResult> OnGetAsync(string code)
    {
        Preview = await couples.PreviewAsync(code);
        if (Preview is null)
        {
            return NotFound();
        }

        // Signed in already: straight to the Join confirmation, which says the same things.
        return User.Identity?.IsAuthenticated == true ? LocalRedirect(JoinPath) : Page();
    }
}

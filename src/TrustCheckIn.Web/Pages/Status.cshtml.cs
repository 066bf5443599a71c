using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrustCheckIn.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code) => (Heading, Explanation) = code switch
    {
        StatusCodes.Status404NotFound => ("We couldn't find that page", "It may have moved, or it may belong to someone else's account."),
        StatusCodes.Status403Forbidden => ("This page isn't open to your account", "If you think it should be, ask the person who runs this site."),
        StatusCodes.Status400BadRequest => ("That request didn't work", "The form may have been open for a long time. Please go back, reload the page and try again."),
        _ => ("Something went wrong", "Please go back and try again in a moment."),
    };
}

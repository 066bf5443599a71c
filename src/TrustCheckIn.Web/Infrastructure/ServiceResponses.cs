using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Common;

namespace TrustCheckIn.Web.Infrastructure;

// The one way from a service's answer to a page's response, chosen by the refusal's kind alone:
// not found is a bare 404; invalid, conflict and rule refusals come back with their message.
public static class ServiceResponses
{
    public const string StatusMessageKey = "StatusMessage";

    // A form: a refusal goes back to the form (showAgain reloads what the page shows), everything typed kept.
    public static Task<IActionResult> RespondAsync(this PageModel page, Result result, Func<IActionResult> done,
        Func<Task<IActionResult>> showAgain, string prefix = "Input") =>
        result.Succeeded ? Task.FromResult(done()) : RefuseAsync(page, result.Error, showAgain, prefix);

    public static Task<IActionResult> RespondAsync<T>(this PageModel page, Result<T> result, Func<T, IActionResult> done,
        Func<Task<IActionResult>> showAgain, string prefix = "Input") =>
        result.Succeeded ? Task.FromResult(done(result.Value)) : RefuseAsync(page, result.Error, showAgain, prefix);

    // A button: nothing was typed, so success and a refusal both go back (post-redirect-get) with a message.
    public static IActionResult Respond(this PageModel page, Result result, string? doneMessage, Func<IActionResult> back)
    {
        if (result.Error is { Kind: RefusalKind.NotFound })
        {
            return page.NotFound();
        }

        page.TempData[StatusMessageKey] = result.Error?.Message ?? doneMessage;
        return back();
    }

    public static IActionResult Respond<T>(this PageModel page, Result<T> result, Func<T, string> doneMessage, Func<IActionResult> back) =>
        page.Respond(new Result(result.Error), result.Succeeded ? doneMessage(result.Value) : "", back);

    // Service errors name the InputModel property; the form binds it under the prefix ("Input.").
    public static void AddServiceError(this ModelStateDictionary modelState, ServiceError error, string prefix = "Input") =>
        modelState.AddModelError(error.Field.Length == 0 || prefix.Length == 0 ? error.Field : $"{prefix}.{error.Field}", error.Message);

    private static async Task<IActionResult> RefuseAsync(PageModel page, ServiceError error, Func<Task<IActionResult>> showAgain, string prefix)
    {
        if (error.Kind == RefusalKind.NotFound)
        {
            return page.NotFound();
        }

        page.ModelState.AddServiceError(error, prefix);
        return await showAgain();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace TrustCheckIn.Web.Infrastructure;

// A post (or any other method) that matches none of a page's handlers would otherwise render the page without
// running OnGet, which fails on what OnGet never loaded (a 500). It is answered instead: 405 when the page takes
// no such method at all, 404 when it takes it only under handler names this request did not give.
public sealed class NoHandlerFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is not null || HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            return;
        }

        var methods = context.ActionDescriptor.HandlerMethods.Select(h => h.HttpMethod).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (methods.Contains(method, StringComparer.OrdinalIgnoreCase))
        {
            context.Result = new NotFoundResult();
            return;
        }

        // Every page renders on GET, with or without an OnGet.
        context.HttpContext.Response.Headers.Allow = string.Join(", ", new[] { "GET", "HEAD" }.Concat(methods.Select(m => m.ToUpperInvariant())).Distinct());
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}

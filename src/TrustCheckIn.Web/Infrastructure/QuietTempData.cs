using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace TrustCheckIn.Web.Infrastructure;

// The framework's cookie temp-data, less one habit: with nothing to keep it deletes its cookie on every response of
// a page that has a [TempData] property, whether the browser sent one or not, so nearly every signed-in page came
// back with a Set-Cookie (about a thirtieth of a signed-in request's CPU in a profile). Here an empty save writes
// nothing unless there is a cookie to delete; a message to pass on, or one read and gone, still goes through.
public sealed class QuietTempData(CookieTempDataProvider inner, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(options.Value.Cookie.Name!))
        {
            return;
        }

        inner.SaveTempData(context, values);
    }
}

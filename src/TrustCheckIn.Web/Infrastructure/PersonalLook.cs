using System.Globalization;
using Microsoft.AspNetCore.Localization;
using TrustCheckIn.Accounts;

namespace TrustCheckIn.Web.Infrastructure;

// The signed-in person's theme and date format, read with the session check (no extra query), and the
// culture every page formats dates with: their saved choice, else the browser's Accept-Language, else en-GB.
public static class PersonalLook
{
    private static readonly object Key = new();

    public static void Remember(HttpContext context, PersonalSettings settings) => context.Items[Key] = settings;

    public static PersonalSettings Settings(this HttpContext context) =>
        context.Items.TryGetValue(Key, out var value) && value is PersonalSettings settings ? settings : PersonalSettings.Default;

    // The class on <html>: none for "as my device", so the CSS media query decides.
    public static string? ThemeClass(this HttpContext context) => context.Settings().Theme switch
    {
        ThemeChoice.Light => "theme-light",
        ThemeChoice.Dark => "theme-dark",
        _ => null,
    };

    public static IApplicationBuilder UsePersonalCulture(this IApplicationBuilder app)
    {
        var cultures = PersonalSettings.Locales.Select(l => CultureInfo.GetCultureInfo(l.Name)).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(PersonalSettings.DefaultLocale),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            // A bare "en" from the browser picks en-GB's neighbour rules through the parent culture.
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders =
        [
            new CustomRequestCultureProvider(context => Task.FromResult(
                context.Settings().Locale is { } saved ? new ProviderCultureResult(saved) : null)),
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
        return app.UseRequestLocalization(options);
    }
}

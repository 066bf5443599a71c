using Microsoft.AspNetCore.Html;

namespace TrustCheckIn.Web.Infrastructure;

// Our own 24-px line icons, drawn in currentColor so they follow the theme; decorative, the label says it.
// Whole strings built once: every signed-in page draws the tab bar's icons, and a partial view per icon cost
// a view lookup and a buffer each time.
public static class Icons
{
    private static readonly Dictionary<string, HtmlString> ByName = new(StringComparer.Ordinal)
    {
        ["home"] = Svg("""<path d="M4 11.5 12 5l8 6.5V19a1 1 0 0 1-1 1h-4.5v-5h-5v5H5a1 1 0 0 1-1-1z" />"""),
        ["checkin"] = Svg("""<path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z" /><path d="m9 11 2 2 4-4" />"""),
        ["together"] = Svg("""<circle cx="9" cy="12" r="5" /><circle cx="15" cy="12" r="5" />"""),
        ["feel"] = Svg("""<path d="M5 5h14a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1h-7l-4 3.5V16H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z" /><path d="M8.5 9.5h7M8.5 12.5h4" />"""),
        ["journal"] = Svg("""<path d="M6 4h11a1 1 0 0 1 1 1v15H7a2 2 0 0 1-2-2V5a1 1 0 0 1 1-1z" /><path d="M5 18a2 2 0 0 1 2-2h11M9 8h5" />"""),
        ["more"] = Svg("""<circle cx="6" cy="12" r="1.3" /><circle cx="12" cy="12" r="1.3" /><circle cx="18" cy="12" r="1.3" />"""),
        ["couples"] = Svg("""<circle cx="8.5" cy="9" r="3" /><circle cx="16" cy="9.5" r="2.5" /><path d="M3.5 19a5 5 0 0 1 10 0M13.5 16.2A4.2 4.2 0 0 1 20.5 19" />"""),
        ["person"] = Svg("""<circle cx="12" cy="8.5" r="3.5" /><path d="M5 20a7 7 0 0 1 14 0" />"""),
        ["shield"] = Svg("""<path d="M12 4 5 7v5c0 4 3 6.8 7 8 4-1.2 7-4 7-8V7z" /><path d="m9 12 2 2 4-4" />"""),
        ["signin"] = Svg("""<path d="M14 4h4a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1h-4" /><path d="M4 12h10M10.5 8.5 14 12l-3.5 3.5" />"""),
        ["theme"] = Svg("""<circle cx="12" cy="12" r="7.5" /><path d="M12 4.5a7.5 7.5 0 0 1 0 15z" fill="currentColor" />"""),
    };

    private static readonly HtmlString Fallback = Svg("""<path d="M6 12h12M12 6v12" />""");

    public static HtmlString Of(string name) => ByName.GetValueOrDefault(name, Fallback);

    private static HtmlString Svg(string shapes) =>
        new($"""<svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">{shapes}</svg>""");
}

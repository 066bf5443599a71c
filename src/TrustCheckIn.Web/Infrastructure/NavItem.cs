using System.Security.Claims;
using TrustCheckIn.Accounts;

namespace TrustCheckIn.Web.Infrastructure;

// One tab of the main bar: the page it opens and the folders whose pages count as being "in" it.
public sealed record NavItem(string Label, string Href, string Icon, params string[] Sections)
{
    // "page" on the tab's own page, "true" anywhere else in its sections, nothing otherwise.
    public string? CurrentFor(string page)
    {
        var here = page.EndsWith("/Index", StringComparison.Ordinal) ? page[..^"Index".Length] : page;
        if (string.Equals(here.TrimEnd('/'), Href.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return "page";
        }

        return Sections.Any(s => page.StartsWith(s, StringComparison.OrdinalIgnoreCase)) ? "true" : null;
    }

    // Home holds the "For you" list, so its tab carries the count of what waits there.
    public bool CarriesUnread => Href == "/";

    public static IReadOnlyList<NavItem> ForPartner { get; } =
    [
        new("Home", "/", "home"),
        new("Check-in", "/CheckIns", "checkin", "/CheckIns/"),
        new("Together", "/Expectations", "together", "/Expectations/"),
        new("I feel", "/Feelings", "feel", "/Feelings/"),
        new("More", "/More", "more", "/Journal/", "/Couple/", "/Reminders/", "/Account/"),
    ];

    public static IReadOnlyList<NavItem> ForTherapist { get; } =
    [
        new("Home", "/", "home"),
        new("Couples", "/Therapist", "couples", "/Therapist/Couple", "/Therapist/Summary"),
        new("Profile", "/Therapist/Profile", "person"),
        new("More", "/More", "more", "/Account/"),
    ];

    public static IReadOnlyList<NavItem> ForAdministrator { get; } =
    [
        new("Home", "/", "home"),
        new("Approvals", "/Admin/Therapists", "shield", "/Admin/"),
        new("More", "/More", "more", "/Journal/", "/Couple/", "/Reminders/", "/Account/", "/CheckIns/", "/Expectations/", "/Feelings/"),
    ];

    // Signed in but without a role yet (a therapist waiting for approval).
    public static IReadOnlyList<NavItem> ForWaiting { get; } =
    [
        new("Home", "/", "home"),
        new("More", "/More", "more", "/Account/"),
    ];

    public static IReadOnlyList<NavItem> ForVisitor { get; } =
    [
        new("Home", "/", "home"),
        new("Sign in", "/Account/Login", "signin"),
        new("Create an account", "/Account/Register", "person"),
    ];

    public static IReadOnlyList<NavItem> For(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated != true ? ForVisitor
        : user.IsInRole(Roles.Therapist) ? ForTherapist
        : user.IsInRole(Roles.Administrator) ? ForAdministrator
        : user.IsInRole(Roles.Partner) ? ForPartner
        : ForWaiting;
}

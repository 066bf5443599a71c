using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Accounts;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Account.Manage;

public sealed class AppearanceModel(PersonalSettingsService settings) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    // What dates look like right now, in the culture this request was given.
    public string Example { get; private set; } = "";

    public async Task OnGetAsync()
    {
        var saved = await settings.GetAsync(User.GetUserId());
        Input = new InputModel { Theme = saved.Theme, Locale = saved.Locale ?? "" };
        Example = ExampleDate();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var locale = string.IsNullOrEmpty(Input.Locale) ? null : Input.Locale;
        if (locale is not null && !PersonalSettings.IsKnownLocale(locale))
        {
            ModelState.AddModelError("Input.Locale", "Please choose one of the places in the list.");
        }

        if (!ModelState.IsValid)
        {
            Example = ExampleDate();
            return Page();
        }

        await settings.SaveAsync(User.GetUserId(), new PersonalSettings(Input.Theme, locale));
        StatusMessage = "Saved. Pages now look the way you chose.";
        return RedirectToPage();
    }

    private static string ExampleDate() => $"{Dates.WeekdayAndDay(new DateTime(2026, 12, 1, 18, 30, 0, DateTimeKind.Unspecified))}, {Dates.Time(new TimeOnly(18, 30))} ({CultureInfo.CurrentCulture.Name})";

    public sealed class InputModel
    {
        [EnumDataType(typeof(ThemeChoice), ErrorMessage = "Please choose light, dark or as your device is set.")]
        public ThemeChoice Theme { get; set; }

        [StringLength(PersonalSettings.LocaleLength)]
        [Display(Name = "Dates and times written as in")]
        public string? Locale { get; set; } = "";
    }
}

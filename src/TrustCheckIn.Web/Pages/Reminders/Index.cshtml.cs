using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Reminders;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Reminders;

public sealed class IndexModel(ReminderService reminders, CalendarFeedService calendar) : PageModel
{
    public ReminderService.SettingsView? Settings { get; private set; }

    public CalendarFeedService.FeedView Feed { get; private set; } = new(false, null);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    // Shown once, right after it is made: only its hash is stored.
    [TempData]
    public string? NewFeedUrl { get; set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (Settings is { } view)
        {
            Input = InputModel.From(view.Settings);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var result = await reminders.SaveAsync(User.GetUserId(), Input.ToSettings());
        return await this.RespondAsync(result, () =>
        {
            StatusMessage = Input.CheckInEnabled
                ? $"Saved. Your check-in reminder comes on {Input.CheckInDay}s at {Dates.Time(Input.ToSettings().CheckInTime)}."
                : "Saved. Your weekly check-in reminder is off.";
            return RedirectToPage();
        }, async () =>
        {
            await LoadAsync();
            return Page();
        });
    }

    public async Task<IActionResult> OnPostCalendarAsync() =>
        this.Respond(await calendar.CreateOrRegenerateAsync(User.GetUserId()), url =>
        {
            NewFeedUrl = url;
            return "Your calendar address is ready. Any address you made before no longer works.";
        }, () => RedirectToPage());

    public async Task<IActionResult> OnPostRemoveCalendarAsync()
    {
        await calendar.RemoveAsync(User.GetUserId());
        StatusMessage = "Your calendar address is removed. Calendars that used it stop updating.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var userId = User.GetUserId();
        Settings = await reminders.GetSettingsAsync(userId);
        Feed = await calendar.GetAsync(userId);
    }

    public sealed class InputModel
    {
        [Display(Name = "E-mail me a weekly check-in reminder")]
        public bool CheckInEnabled { get; set; } = true;

        [EnumDataType(typeof(DayOfWeek), ErrorMessage = "Please choose a day of the week.")]
        [Display(Name = "Day")]
        public DayOfWeek CheckInDay { get; set; } = DayOfWeek.Sunday;

        [Required(ErrorMessage = "Please enter a time.")]
        [ClockTime(18)]
        [Display(Name = "Time")]
        public string Time { get; set; } = "18:00";

        [Display(Name = "E-mail us both when it's time to look over our expectations again")]
        public bool ReviewEnabled { get; set; } = true;

        public ReminderSettings ToSettings() => new(CheckInEnabled, CheckInDay, ClockTimeAttribute.Parse(Time), ReviewEnabled);

        public static InputModel From(ReminderSettings settings) => new()
        {
            CheckInEnabled = settings.CheckInEnabled,
            CheckInDay = settings.CheckInDay,
            Time = ClockTimeAttribute.FieldValue(settings.CheckInTime),
            ReviewEnabled = settings.ReviewEnabled,
        };
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Accounts;
using TrustCheckIn.Notifications;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Notifications;

public sealed class SettingsModel(NotificationSettingsService settings, PushDeviceService devices, VapidKeys vapid) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<NotificationKind> Kinds { get; private set; } = [];

    public int Devices { get; private set; }

    // The browser needs it to subscribe; it is public by design (the private half never leaves the server).
    public string VapidPublicKey => vapid.PublicKey;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync()
    {
        var view = await settings.GetAsync(User.GetUserId(), KindsForMe());
        Kinds = view.Kinds;
        Devices = await devices.CountAsync(User.GetUserId());
        Input = new InputModel
        {
            Email = [.. view.Email],
            Push = [.. view.Push],
            QuietHours = view.QuietHours,
            QuietFrom = ClockTimeAttribute.FieldValue(view.QuietFrom),
            QuietUntil = ClockTimeAttribute.FieldValue(view.QuietUntil),
            TimeZoneId = view.TimeZoneId,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Kinds = KindsForMe();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var input = new NotificationSettingsService.SettingsInput(
            Input.Email.Where(Kinds.Contains).ToList(), Input.Push.Where(Kinds.Contains).ToList(), Input.QuietHours, ClockTimeAttribute.Parse(Input.QuietFrom), ClockTimeAttribute.Parse(Input.QuietUntil), string.IsNullOrEmpty(Input.TimeZoneId) ? null : Input.TimeZoneId);
        return await this.RespondAsync(await settings.SaveAsync(User.GetUserId(), input), () =>
        {
            StatusMessage = "Saved. Everything still shows here in the app; e-mails follow your choices.";
            return RedirectToPage();
        }, () => Task.FromResult<IActionResult>(Page()));
    }

    // Posted by push.js with this browser's subscription (a form post, antiforgery included).
    public async Task<IActionResult> OnPostSubscribeAsync(string? endpoint, string? p256dh, string? auth) =>
        this.Respond(await devices.SubscribeAsync(User.GetUserId(), endpoint, p256dh, auth), "Push is on for this device. Choose below which kinds come by push.", () => RedirectToPage());

    public async Task<IActionResult> OnPostRemoveDevicesAsync() =>
        this.Respond(await devices.RemoveAllAsync(User.GetUserId()), "Push is off on all your devices.", () => RedirectToPage());

    private IReadOnlyList<NotificationKind> KindsForMe() =>
        NotificationSettingsService.KindsFor(User.IsInRole(Roles.Partner), User.IsInRole(Roles.Therapist), User.IsInRole(Roles.Administrator));

    public sealed class InputModel
    {
        public List<NotificationKind> Email { get; set; } = [];

        public List<NotificationKind> Push { get; set; } = [];

        [Display(Name = "Hold e-mails during quiet hours")]
        public bool QuietHours { get; set; } = true;

        [Required(ErrorMessage = "Please enter a time.")]
        [ClockTime(22)]
        [Display(Name = "Quiet from")]
        public string QuietFrom { get; set; } = "22:00";

        [Required(ErrorMessage = "Please enter a time.")]
        [ClockTime(7)]
        [Display(Name = "Quiet until")]
        public string QuietUntil { get; set; } = "07:00";

        [StringLength(64)]
        [Display(Name = "My time zone")]
        public string? TimeZoneId { get; set; }
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TrustCheckIn.Therapy;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Couple;

[EnableRateLimiting(RateLimits.Codes)]
public sealed class TherapistModel(PartnerConsentService therapy, ConsentRequestService requests) : PageModel
{
    public IReadOnlyList<ConsentRequestService.OpenRequest> Requests { get; private set; } = [];

    public PartnerConsentService.PartnerTherapyView? View { get; private set; }

    public PartnerConsentService.AccessLogPage Log { get; private set; } = new(TrustCheckIn.Couples.CheckInSchedule.DefaultTimeZoneId, []);

    [BindProperty(SupportsGet = true)]
    public int LogPage { get; set; } = 1;

    [BindProperty]
    public LinkInput Link { get; set; } = new();

    [BindProperty]
    public ConsentInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (View?.MyConsent is { } consent)
        {
            Input = ConsentInput.Of(consent);
        }
    }

    public async Task<IActionResult> OnPostLinkAsync()
    {
        ModelState.Clear();
        if (!TryValidateModel(Link, nameof(Link)))
        {
            return await ShowAgainAsync();
        }

        var result = await therapy.LinkAsync(User.GetUserId(), Link.Code);
        return await this.RespondAsync(result, () =>
        {
            StatusMessage = "Your therapist is linked. They see nothing until you choose what to share.";
            return RedirectToPage();
        }, ShowAgainAsync, prefix: nameof(Link));
    }

    public async Task<IActionResult> OnPostGrantAsync()
    {
        ModelState.Clear();
        if (!TryValidateModel(Input, nameof(Input)))
        {
            return await ShowAgainAsync();
        }

        var result = await therapy.GrantAsync(User.GetUserId(), Input.ToScopes(), Input.Start, Input.From);
        return await this.RespondAsync(result, () =>
        {
            StatusMessage = "Saved. Your therapist sees exactly what you chose, from their next page.";
            return RedirectToPage();
        }, ShowAgainAsync);
    }

    public async Task<IActionResult> OnPostRevokeAsync() =>
        this.Respond(await therapy.RevokeAsync(User.GetUserId()), "You've stopped sharing. Your therapist no longer sees any of your entries.", () => RedirectToPage());

    public async Task<IActionResult> OnPostAnswerRequestAsync(int requestId, bool accept) =>
        this.Respond(
            await requests.AnswerAsync(User.GetUserId(), requestId, accept),
            accept ? "Saved. Your therapist now sees this too, and you can stop sharing at any time." : "You said no, and your therapist is told. Nothing more is shared.",
            () => RedirectToPage());

    public async Task<IActionResult> OnPostUnlinkAsync() =>
        this.Respond(await therapy.UnlinkAsync(User.GetUserId()), "The therapist is unlinked, and all sharing with them has ended for both of you.", () => RedirectToPage());

    private async Task<IActionResult> ShowAgainAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var userId = User.GetUserId();
        View = await therapy.GetAsync(userId, HttpContext.RequestAborted);
        Log = View is null ? Log : await therapy.AccessLogAsync(userId, LogPage, HttpContext.RequestAborted);
        Requests = View?.Therapist is null ? [] : await requests.OpenForPartnerAsync(userId, HttpContext.RequestAborted);
    }

    public sealed class LinkInput
    {
        [Required(ErrorMessage = "Please enter the code your therapist gave you.")]
        [StringLength(32, ErrorMessage = "That code is too long. Codes have 10 letters and numbers.")]
        [Display(Name = "Therapist's code")]
        public string Code { get; set; } = "";
    }

    public sealed class ConsentInput
    {
        [Display(Name = "Our weekly check-ins (my answers)")]
        public bool CheckIns { get; set; }

        [Display(Name = "\"I feel\" statements I shared with my partner")]
        public bool Feelings { get; set; }

        [Display(Name = "Journal entries and reflections I marked shareable")]
        public bool Journal { get; set; }

        [Display(Name = "Our expectations table (shown only if we both agree)")]
        public bool Expectations { get; set; }

        [Display(Name = "What I add to our session agenda")]
        public bool Agenda { get; set; }

        [Display(Name = "Practice between sessions: suggestions, what we did, my line on how it went (only if we both agree)")]
        public bool Practice { get; set; }

        [EnumDataType(typeof(ConsentStart))]
        public ConsentStart Start { get; set; } = ConsentStart.Today;

        [DataType(DataType.Date)]
        [Display(Name = "Share from")]
        public DateOnly? From { get; set; }

        public ConsentScope ToScopes() =>
            (CheckIns ? ConsentScope.CheckIns : 0) | (Feelings ? ConsentScope.Feelings : 0)
            | (Journal ? ConsentScope.Journal : 0) | (Expectations ? ConsentScope.Expectations : 0)
            | (Agenda ? ConsentScope.Agenda : 0) | (Practice ? ConsentScope.Practice : 0);

        public static ConsentInput Of(PartnerConsentService.ConsentView consent) => new()
        {
            CheckIns = consent.Scopes.HasFlag(ConsentScope.CheckIns),
            Feelings = consent.Scopes.HasFlag(ConsentScope.Feelings),
            Journal = consent.Scopes.HasFlag(ConsentScope.Journal),
            Expectations = consent.Scopes.HasFlag(ConsentScope.Expectations),
            Agenda = consent.Scopes.HasFlag(ConsentScope.Agenda),
            Practice = consent.Scopes.HasFlag(ConsentScope.Practice),
            Start = consent.StartsOn is null ? ConsentStart.AllHistory : ConsentStart.FromDate,
            From = consent.StartsOn,
        };
    }
}

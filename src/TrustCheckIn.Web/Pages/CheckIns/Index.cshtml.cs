using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Couples;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.CheckIns;

public sealed class IndexModel(CheckInService checkIns, CoupleService couples) : PageModel
{
    public ThisWeekView? ThisWeek { get; private set; }

    public bool HasEarlier { get; private set; }

    public bool CoupleEnded { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (ThisWeek is not null)
        {
            Input = InputModel.From(ThisWeek);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (ThisWeek is null)
        {
            // The couple ended while this was being written: show the words back instead of losing them.
            CoupleEnded = await couples.HasHadACoupleAsync(User.GetUserId());
            return CoupleEnded ? Page() : NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var thisWeek = ThisWeek;
        var result = await checkIns.SubmitAsync(User.GetUserId(), Input.WeekKey, Input.ToAnswers());
        return await this.RespondAsync(result, state =>
        {
            if (state == WeekState.BothCheckedIn)
            {
                StatusMessage = "Thank you. You've both checked in, so here is your week side by side.";
                return RedirectToPage("Week", new { coupleId = thisWeek.CoupleId, week = thisWeek.Week.ToString() });
            }

            StatusMessage = $"Thank you for checking in. {thisWeek.PartnerDisplayName} will see your answers once they've checked in too.";
            return RedirectToPage();
        }, () =>
        {
            // A new week may have begun: the kept answers now go to this week when sent again.
            ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.WeekKey)}");
            Input.WeekKey = thisWeek.Week.Key;
            return Task.FromResult<IActionResult>(Page());
        });
    }

    private async Task LoadAsync()
    {
        ThisWeek = await checkIns.GetThisWeekAsync(User.GetUserId());
        HasEarlier = ThisWeek is null && await checkIns.HasEarlierAsync(User.GetUserId());
    }

    public sealed class InputModel
    {
        private const string RatingMessage = "Please choose a number from 1 to 5.";
        private const string TextMessage = "Please keep this to 2,000 characters or fewer. Everything you wrote is still here.";

        public int WeekKey { get; set; }

        [Required(ErrorMessage = RatingMessage)]
        [Range(Ratings.Lowest, Ratings.Highest, ErrorMessage = RatingMessage)]
        public int? Trust { get; set; }

        [Required(ErrorMessage = RatingMessage)]
        [Range(Ratings.Lowest, Ratings.Highest, ErrorMessage = RatingMessage)]
        public int? FeelingHeard { get; set; }

        [Required(ErrorMessage = RatingMessage)]
        [Range(Ratings.Lowest, Ratings.Highest, ErrorMessage = RatingMessage)]
        public int? Connection { get; set; }

        [Required(ErrorMessage = RatingMessage)]
        [Range(Ratings.Lowest, Ratings.Highest, ErrorMessage = RatingMessage)]
        public int? FollowThrough { get; set; }

        [Required(ErrorMessage = RatingMessage)]
        [Range(Ratings.Lowest, Ratings.Highest, ErrorMessage = RatingMessage)]
        public int? EmotionalSafety { get; set; }

        [StringLength(CheckInAnswers.TextLength, ErrorMessage = TextMessage)]
        [Display(Name = "What went well this week")]
        public string? WentWell { get; set; }

        [StringLength(CheckInAnswers.TextLength, ErrorMessage = TextMessage)]
        [Display(Name = "What is on my mind")]
        public string? OnMyMind { get; set; }

        [StringLength(CheckInAnswers.TextLength, ErrorMessage = TextMessage)]
        [Display(Name = "One small thing I will do this week")]
        public string? SmallStep { get; set; }

        public StepOutcome? LastStep { get; set; }

        public int? Rating(CheckInDimension dimension) => dimension switch
        {
            CheckInDimension.Trust => Trust,
            CheckInDimension.FeelingHeard => FeelingHeard,
            CheckInDimension.Connection => Connection,
            CheckInDimension.FollowThrough => FollowThrough,
            CheckInDimension.EmotionalSafety => EmotionalSafety,
            _ => null,
        };

        public CheckInAnswers ToAnswers() => new(
            new Ratings(Trust ?? 0, FeelingHeard ?? 0, Connection ?? 0, FollowThrough ?? 0, EmotionalSafety ?? 0),
            WentWell,
            OnMyMind,
            SmallStep) { LastStep = LastStep };

        public static InputModel From(ThisWeekView week) => week.Mine is not { } mine
            ? new() { WeekKey = week.Week.Key }
            : new()
            {
                WeekKey = week.Week.Key,
                Trust = mine.Ratings.Trust,
                FeelingHeard = mine.Ratings.FeelingHeard,
                Connection = mine.Ratings.Connection,
                FollowThrough = mine.Ratings.FollowThrough,
                EmotionalSafety = mine.Ratings.EmotionalSafety,
                WentWell = mine.WentWell,
                OnMyMind = mine.OnMyMind,
                SmallStep = mine.SmallStep,
                LastStep = mine.LastStepOutcome,
            };
    }
}

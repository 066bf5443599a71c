using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Journal;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Journal;

public sealed class ReflectionsModel(ReflectionService reflections) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public DateOnly ThisMonth => reflections.ThisMonth;

    public bool AlreadyReflected { get; private set; }

    public ReflectionService.Trend Trend { get; private set; } = new([], [], null);

    public async Task OnGetAsync()
    {
        var current = await reflections.GetThisMonthAsync(User.GetUserId());
        if (current is not null)
        {
            Input = InputModel.From(current);
        }

        await LoadAsync(current is not null);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        foreach (var pattern in TrustPatterns.All)
        {
            if (Input.Ratings.GetValueOrDefault(pattern) is not { } value || !TrustPatterns.IsFrequency(value))
            {
                ModelState.AddModelError($"Input.Ratings[{pattern}]", $"Please choose how often for \"{pattern.Describe().ToLowerInvariant()}\". Never is a fine answer.");
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var result = await reflections.SaveThisMonthAsync(User.GetUserId(), Input.ToReflection());
        return await this.RespondAsync(result, _ =>
        {
            StatusMessage = "Saved. Thank you for taking the time to notice.";
            return RedirectToPage();
        }, async () =>
        {
            await LoadAsync();
            return Page();
        });
    }

    private async Task LoadAsync(bool? alreadyReflected = null)
    {
        AlreadyReflected = alreadyReflected ?? await reflections.GetThisMonthAsync(User.GetUserId()) is not null;
        Trend = await reflections.GetTrendAsync(User.GetUserId());
    }

    public sealed class InputModel
    {
        // Keyed by pattern, so one unanswered pattern never drops the answers after it.
        public Dictionary<TrustPattern, int?> Ratings { get; set; } = [];

        [Display(Name = "Anything you'd like to remember about this month (optional)")]
        public string? Note { get; set; }

        public bool ShareableWithTherapist { get; set; }

        public ReflectionService.ReflectionInput ToReflection() =>
            new(PatternRatings.From(TrustPatterns.All.Select(p => Ratings[p]!.Value).ToList()), Note, ShareableWithTherapist);

        public static InputModel From(ReflectionService.ReflectionView view) => new()
        {
            Ratings = TrustPatterns.All.ToDictionary(p => p, p => (int?)view.Ratings[p]),
            Note = view.Note,
            ShareableWithTherapist = view.ShareableWithTherapist,
        };
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Couples;
using TrustCheckIn.Feelings;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Feelings;

public sealed class ComposeModel(FeelingService feelings, CoupleService couples) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromRoute]
    public int? Id { get; set; }

    public bool CanWrite { get; private set; }

    public bool CoupleEnded { get; private set; }

    public string? Preview { get; private set; }

    public IReadOnlyList<GentleLanguage.Finding> SituationHints { get; private set; } = [];

    public IReadOnlyList<GentleLanguage.Finding> NeedHints { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            var draft = await feelings.GetDraftAsync(User.GetUserId(), id);
            if (draft is null)
            {
                return NotFound();
            }

            Input = InputModel.From(draft);
            Advise();
        }

        CanWrite = await feelings.CanWriteAsync(User.GetUserId());
        return Page();
    }

    // Re-renders the sentence and the gentle hints; nothing is saved and every typed word is kept.
    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (!await CanComposeAsync())
        {
            return await RefusedAsync();
        }

        ModelState.Clear();
        Advise();
        var words = Input.ToWords();
        if (FeelingWords.Validate(words) is null)
        {
            Preview = words.Sentence;
        }
        else
        {
            ModelState.AddModelError("", "Choose a feeling and describe the moment to see your whole sentence.");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await CanComposeAsync())
        {
            return await RefusedAsync();
        }

        Advise();
        var words = Input.ToWords();
        if (FeelingWords.Validate(words) is { Field: nameof(FeelingWords.Feeling) } feelingError)
        {
            AddError(feelingError);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var userId = User.GetUserId();
        int id;
        if (Id is { } existing)
        {
            var revised = await feelings.ReviseDraftAsync(userId, existing, words);
            if (revised.Error is { } error)
            {
                AddError(error);
                return Page();
            }

            id = existing;
        }
        else
        {
            var saved = await feelings.SaveDraftAsync(userId, words);
            if (saved.Error is { } error)
            {
                AddError(error);
                return Page();
            }

            id = saved.Value;
        }

        StatusMessage = "Saved as a private draft. Only you can see it until you share it.";
        return RedirectToPage("Statement", new { id });
    }

    // Someone else's statement is not there (404); a new one whose couple just ended shows the words back.
    private async Task<IActionResult> RefusedAsync()
    {
        CoupleEnded = Id is null && await couples.HasHadACoupleAsync(User.GetUserId());
        return CoupleEnded ? Page() : NotFound();
    }

    private async Task<bool> CanComposeAsync()
    {
        // Own statements only; if it stopped being a draft meanwhile, the service says so and the words stay on screen.
        CanWrite = Id is { } id
            ? await feelings.GetAsync(User.GetUserId(), id) is { ByMe: true }
            : await feelings.CanWriteAsync(User.GetUserId());
        return CanWrite;
    }

    private void Advise()
    {
        SituationHints = GentleLanguage.Check(Input.Situation);
        NeedHints = GentleLanguage.Check(Input.Need);
    }

    // A problem with the feeling belongs to the field the person used: the list or their own word.
    private void AddError(TrustCheckIn.Common.ServiceError error) =>
        ModelState.AddServiceError(error.Field == nameof(FeelingWords.Feeling) && !string.IsNullOrWhiteSpace(Input.OwnFeeling)
            ? error with { Field = nameof(InputModel.OwnFeeling) }
            : error);

    public sealed class InputModel
    {
        [Display(Name = "Choose a feeling")]
        public string? Feeling { get; set; }

        [StringLength(FeelingStatement.FeelingLength, ErrorMessage = "Please use a word or two for the feeling (up to {1} characters).")]
        [Display(Name = "Or your own word")]
        public string? OwnFeeling { get; set; }

        [Required(ErrorMessage = "Please describe the moment: when does this feeling come up?")]
        [StringLength(FeelingStatement.SituationLength, ErrorMessage = "Please keep the moment to {1} characters.")]
        [Display(Name = "when …")]
        public string? Situation { get; set; }

        [StringLength(FeelingStatement.NeedLength, ErrorMessage = "Please keep what you'd like to {1} characters.")]
        [Display(Name = "I'd like … (optional)")]
        public string? Need { get; set; }

        public FeelingWords ToWords() =>
            new(string.IsNullOrWhiteSpace(OwnFeeling) ? Feeling?.Trim() ?? "" : OwnFeeling.Trim(), Situation ?? "", Need);

        public static InputModel From(FeelingWords words) => FeelingChoices.IsListed(words.Feeling)
            ? new() { Feeling = words.Feeling, Situation = words.Situation, Need = words.Need }
            : new() { OwnFeeling = words.Feeling, Situation = words.Situation, Need = words.Need };
    }
}

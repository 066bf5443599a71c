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
        // The feeling has no annotation of its own (list or own word): its problem joins the others.
        if (FeelingWords.ValidateFeeling(words) is { } feelingProblem)
        {
            ModelState.AddServiceError(feelingProblem);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var userId = User.GetUserId();
        return Id is { } existing
            ? await this.RespondAsync(await feelings.ReviseDraftAsync(userId, existing, words), () => Saved(existing), ShowAgainAsync)
            : await this.RespondAsync(await feelings.SaveDraftAsync(userId, words), Saved, ShowAgainAsync);
    }

    private IActionResult Saved(int id)
    {
        StatusMessage = "Saved as a private draft. Only you can see it until you share it.";
        return RedirectToPage("Statement", new { id });
    }

    private Task<IActionResult> ShowAgainAsync() => Task.FromResult<IActionResult>(Page());

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
            new(string.IsNullOrWhiteSpace(OwnFeeling) ? Feeling?.Trim() ?? "" : OwnFeeling.Trim(), Situation ?? "", Need) { OwnWord = !string.IsNullOrWhiteSpace(OwnFeeling) };

        public static InputModel From(FeelingWords words) => FeelingChoices.IsListed(words.Feeling)
            ? new() { Feeling = words.Feeling, Situation = words.Situation, Need = words.Need }
            : new() { OwnFeeling = words.Feeling, Situation = words.Situation, Need = words.Need };
    }
}

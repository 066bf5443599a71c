using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Conversations;
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

    // From "Talk it through": a new statement begins from that question's starter, for the person to finish.
    [FromQuery]
    public CheckInDimension? Starter { get; set; }

    public bool CanWrite { get; private set; }

    public bool CoupleEnded { get; private set; }

    public string? Preview { get; private set; }

    public string? PartnerName { get; private set; }

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
        else if (Starter is { } dimension && Enum.IsDefined(dimension))
        {
            Input = InputModel.From(TalkPrompts.For(dimension).Starter);
        }

        CanWrite = await feelings.CanWriteAsync(User.GetUserId());
        await FindPartnerAsync();
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

    public Task<IActionResult> OnPostAsync() => SaveAsync(share: false);

    // One step: the words are saved and shared at once, so nobody has to preview, save and share in turn.
    public Task<IActionResult> OnPostShareAsync() => SaveAsync(share: true);

    private async Task<IActionResult> SaveAsync(bool share)
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
        if (Id is { } existing)
        {
            var revised = await feelings.ReviseDraftAsync(userId, existing, words);
            return revised.Succeeded ? await SavedAsync(existing, share) : await this.RespondAsync(revised, Page, ShowAgainAsync);
        }

        var created = await feelings.SaveDraftAsync(userId, words);
        return created.Succeeded ? await SavedAsync(created.Value, share) : await this.RespondAsync(created, _ => Page(), ShowAgainAsync);
    }

    private async Task<IActionResult> SavedAsync(int id, bool share)
    {
        // If sharing is refused (the couple just ended), the words are kept as the draft just saved.
        var shared = share && (await feelings.ShareAsync(User.GetUserId(), id)).Succeeded;
        StatusMessage = shared
            ? $"Shared. {PartnerName ?? "Your partner"} can read it now."
            : share
                ? "Saved as a private draft, but it couldn't be shared just now."
                : "Saved as a private draft. Only you can see it until you share it.";
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
        await FindPartnerAsync();
        return CanWrite;
    }

    private async Task FindPartnerAsync() => PartnerName = (await couples.GetActiveAsync(User.GetUserId()))?.PartnerDisplayName;

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

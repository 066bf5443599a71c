using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Couples;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Couple;

public sealed class IndexModel(CoupleService couples, PublicLinks links) : PageModel
{
    public CoupleService.CoupleView? Couple { get; private set; }

    public IReadOnlyList<CoupleService.InvitationView> Invitations { get; private set; } = [];

    [BindProperty]
    public ScheduleInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public string InvitationLink(string code) => links.Page("/Invitation", new { code });

    // Which invitation's e-mail form a refusal belongs to, so the message and the address typed come back beside it.
    public int? EmailingInvitation { get; private set; }

    public string? TypedEmail { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (Couple is not null)
        {
            Input = ScheduleInput.From(Couple.Schedule);
        }
        else
        {
            Input.FillFromBrowser = true;
        }
    }

    public async Task<IActionResult> OnPostInviteAsync()
    {
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync();
        }

        var result = await couples.CreateInvitationAsync(User.GetUserId(), Input.ToSchedule());
        return await this.RespondAsync(result, _ =>
        {
            StatusMessage = "Your invitation is ready. Send the code or the link to your partner.";
            return RedirectToPage();
        }, ShowAgainAsync);
    }

    public async Task<IActionResult> OnPostEmailAsync(int id, string? email)
    {
        // Only the address counts here: the schedule fields belong to the other forms.
        ModelState.Clear();
        var result = await couples.EmailInvitationAsync(User.GetUserId(), id, email);
        (EmailingInvitation, TypedEmail) = (id, email);
        return await this.RespondAsync(result, () =>
        {
            StatusMessage = "Sent. The e-mail has your name and the link, nothing else.";
            return RedirectToPage();
        }, ShowAgainAsync, prefix: "");
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id) =>
        this.Respond(await couples.RevokeInvitationAsync(User.GetUserId(), id), "The invitation is withdrawn. Its code no longer works.", () => RedirectToPage());

    public async Task<IActionResult> OnPostScheduleAsync()
    {
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync();
        }

        var result = await couples.ChangeScheduleAsync(User.GetUserId(), Input.ToSchedule());
        return await this.RespondAsync(result, () =>
        {
            StatusMessage = "Saved. Your check-in day is updated for both of you.";
            return RedirectToPage();
        }, ShowAgainAsync);
    }

    private async Task<IActionResult> ShowAgainAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var userId = User.GetUserId();
        Couple = await couples.GetActiveAsync(userId);
        Invitations = Couple is null ? await couples.ListOpenInvitationsAsync(userId) : [];
    }
}

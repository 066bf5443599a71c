using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Couples;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Couple;

public sealed class PauseModel(CoupleService couples, PauseService pauses) : PageModel
{
    public CoupleService.CoupleView? Couple { get; private set; }

    public PauseService.PauseView Pause { get; private set; } = PauseService.PauseView.NoPause;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await ShowAgainAsync();

    public async Task<IActionResult> OnPostProposeAsync()
    {
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync();
        }

        var result = await pauses.ProposeAsync(User.GetUserId(), Input.Weeks);
        return await this.RespondAsync(result, () =>
        {
            TempData[ServiceResponses.StatusMessageKey] = "Your suggestion is on its way. The pause begins once your partner accepts it.";
            return RedirectToPage("/Index");
        }, ShowAgainAsync);
    }

    // Buttons: each goes home, where the pause (or its absence) shows, with a message.
    public async Task<IActionResult> OnPostWithdrawAsync(int id) =>
        this.Respond(await pauses.WithdrawAsync(User.GetUserId(), id), "Your suggestion is withdrawn. Check-ins carry on as usual.", Home);

    public async Task<IActionResult> OnPostAcceptAsync(int id) =>
        this.Respond(await pauses.AnswerAsync(User.GetUserId(), id, accept: true), "Your check-ins are paused. Take the time you both need.", Home);

    public async Task<IActionResult> OnPostDeclineAsync(int id) =>
        this.Respond(await pauses.AnswerAsync(User.GetUserId(), id, accept: false), "You declined the pause. Check-ins carry on as usual.", Home);

    public async Task<IActionResult> OnPostResumeAsync(int id) =>
        this.Respond(await pauses.ResumeAsync(User.GetUserId(), id), "Welcome back: check-ins are on again from this week.", Home);

    private IActionResult Home() => RedirectToPage("/Index");

    private async Task<IActionResult> ShowAgainAsync()
    {
        var userId = User.GetUserId();
        Couple = await couples.GetActiveAsync(userId);
        if (Couple is null)
        {
            return NotFound();
        }

        Pause = await pauses.GetAsync(userId) ?? PauseService.PauseView.NoPause;
        return Page();
    }

    public sealed class InputModel
    {
        public int Weeks { get; set; } = 2;
    }
}

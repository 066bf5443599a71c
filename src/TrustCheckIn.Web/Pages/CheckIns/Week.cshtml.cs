using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Conversations;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.CheckIns;

public sealed class WeekModel(CheckInService checkIns, ConversationService conversations) : PageModel
{
    public WeekView View { get; private set; } = null!;

    public bool CanTalk { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int coupleId, string week)
    {
        if (!await LoadAsync(coupleId, week))
        {
            return NotFound();
        }

        Input.Text = View.MyReplyToPartner;
        CanTalk = View.CanTalkItThrough && await conversations.CanTalkAsync(User.GetUserId(), coupleId, View.Week);
        return Page();
    }

    public async Task<IActionResult> OnPostNoticedAsync(int coupleId, string week)
    {
        if (!await LoadAsync(coupleId, week) || View is not { CanReply: true, Partner: { } partner })
        {
            return NotFound();
        }

        return this.Respond(await checkIns.NoticeStepAsync(User.GetUserId(), partner.CheckInId), "Thank you for noticing.", () => RedirectToPage(new { coupleId, week }));
    }

    public async Task<IActionResult> OnPostReplyAsync(int coupleId, string week)
    {
        if (!await LoadAsync(coupleId, week) || View is not { CanReply: true, Partner: { } partner })
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await checkIns.ReplyAsync(User.GetUserId(), partner.CheckInId, Input.Text);
        return await this.RespondAsync(result, () =>
        {
            StatusMessage = $"Your reply is saved. {View.PartnerDisplayName} will see it here.";
            return RedirectToPage(new { coupleId, week });
        }, () => Task.FromResult<IActionResult>(Page()));
    }

    private async Task<bool> LoadAsync(int coupleId, string week)
    {
        if (!IsoWeek.TryParse(week, out var isoWeek))
        {
            return false;
        }

        var view = await checkIns.GetWeekAsync(User.GetUserId(), coupleId, isoWeek);
        if (view is null)
        {
            return false;
        }

        View = view;
        return true;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please write a few words, or pick one of the suggestions.")]
        [StringLength(CheckInReply.TextLength, ErrorMessage = "Please keep a reply to 280 characters or fewer.")]
        [Display(Name = "Your reply")]
        public string? Text { get; set; }
    }
}

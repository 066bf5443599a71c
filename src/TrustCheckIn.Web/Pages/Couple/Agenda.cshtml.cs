using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Therapy;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Couple;

// "Something I'd like to bring to our next session": both partners read the list; each adds and removes their own.
public sealed class AgendaModel(AgendaService agenda) : PageModel
{
    public AgendaService.AgendaView View { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync() => await ShowAgainAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync();
        }

        var result = await agenda.AddAsync(User.GetUserId(), Input.Text);
        return await this.RespondAsync(result, _ =>
        {
            StatusMessage = "Added to the agenda.";
            return RedirectToPage();
        }, ShowAgainAsync);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id) =>
        this.Respond(await agenda.RemoveAsync(User.GetUserId(), id), "Taken off the agenda.", () => RedirectToPage());

    private async Task<IActionResult> ShowAgainAsync()
    {
        if (await agenda.GetAsync(User.GetUserId(), HttpContext.RequestAborted) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public sealed class InputModel
    {
        [Display(Name = "Something I'd like to bring to our next session")]
        [Required(ErrorMessage = "Please write what you'd like to bring to the session.")]
        [StringLength(AgendaItem.TextMaxLength, ErrorMessage = "Please keep it to {1} characters; the session is where it gets said in full.")]
        public string? Text { get; set; }
    }
}

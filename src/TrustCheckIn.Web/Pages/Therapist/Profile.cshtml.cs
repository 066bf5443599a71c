using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Therapy;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Therapist;

public sealed class ProfileModel(TherapistProfileService therapists) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? LinkCode { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync()
    {
        if (await therapists.GetProfileAsync(User.GetUserId()) is { } profile)
        {
            Input = new InputModel { DisplayName = profile.DisplayName, PracticeName = profile.PracticeName, Licence = profile.Licence };
            LinkCode = profile.LinkCode;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            LinkCode = (await therapists.GetProfileAsync(User.GetUserId()))?.LinkCode;
            return Page();
        }

        var result = await therapists.SaveProfileAsync(User.GetUserId(), Input.DisplayName, Input.PracticeName, Input.Licence);
        return this.Respond(result, "Your profile is saved.", () => RedirectToPage());
    }

    public async Task<IActionResult> OnPostNewCodeAsync() =>
        this.Respond(await therapists.NewLinkCodeAsync(User.GetUserId()),
            "You have a new code. The old one no longer links new couples; couples already linked stay linked.", () => RedirectToPage());

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter the name couples know you by.")]
        [StringLength(TherapistProfile.NameLength)]
        [Display(Name = "Your name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Please enter your practice's name.")]
        [StringLength(TherapistProfile.PracticeLength)]
        [Display(Name = "Practice")]
        public string PracticeName { get; set; } = "";

        [StringLength(TherapistProfile.LicenceLength)]
        [Display(Name = "Licence or registration (optional)")]
        public string? Licence { get; set; }
    }
}

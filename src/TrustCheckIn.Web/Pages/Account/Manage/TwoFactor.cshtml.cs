using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Accounts;

namespace TrustCheckIn.Web.Pages.Account.Manage;

public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    public bool Enabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public bool IsTherapist { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? RecoveryCodes { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        Enabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        IsTherapist = User.IsInRole(Roles.Therapist) || user.TherapistStatus != TherapistStatus.None;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        // A fresh sign-in, not a refresh: a refresh would carry "signed in with two steps" over, and keep a
        // therapist's access after the second step is gone.
        await signIn.SignInAsync(user, isPersistent: false);
        StatusMessage = "Two-step sign-in is off. Your authenticator app's entry no longer works.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostNewRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user || !await users.GetTwoFactorEnabledAsync(user))
        {
            return NotFound();
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        RecoveryCodes = string.Join('\n', codes ?? []);
        return RedirectToPage("ShowRecoveryCodes");
    }
}

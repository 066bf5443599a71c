using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using TrustCheckIn.Accounts;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Account.Manage;

public sealed class EnableAuthenticatorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IUserStore<AppUser> store, UrlEncoder urlEncoder) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string SharedKey { get; private set; } = "";

    public string QrCodeDataUri { get; private set; } = "";

    [TempData]
    public string? RecoveryCodes { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        // The key shown on the page is kept only now, when the person acts on it: a GET never writes.
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)) && IsKey(Input.Key) && store is IUserAuthenticatorKeyStore<AppUser> keys)
        {
            await keys.SetAuthenticatorKeyAsync(user, Input.Key!, HttpContext.RequestAborted);
            await users.UpdateSecurityStampAsync(user);
            await signIn.RefreshSignInAsync(user);
        }

        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Input.Code))
        {
            ModelState.AddModelError("Input.Code", "That code didn't match. Check the app shows TrustCheckIn and try the next code.");
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = string.Join('\n', await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []);
        // The person just proved the second factor: this session counts as a two-step sign-in.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(TwoFactorClaims.Type, TwoFactorClaims.MultiFactor)]);
        return RedirectToPage("ShowRecoveryCodes");
    }

    private async Task LoadKeyAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A candidate only, carried by the form; the first POST keeps it.
            key = users.GenerateNewAuthenticatorKey();
        }

        Input.Key = key;
        ModelState.Remove("Input.Key");

        SharedKey = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var uri = $"otpauth://totp/{urlEncoder.Encode("TrustCheckIn")}:{urlEncoder.Encode(user.Email!)}?secret={key}&issuer={urlEncoder.Encode("TrustCheckIn")}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    private static bool IsKey(string? key) => key is { Length: >= 16 and <= 64 } && key.All(c => c is (>= 'A' and <= 'Z') or (>= '2' and <= '7'));

    public sealed class InputModel
    {
        [StringLength(64)]
        public string? Key { get; set; }

        [Required(ErrorMessage = "Please enter the 6-digit code your app shows.")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "The code has 6 digits.")]
        [Display(Name = "Code from your authenticator app")]
        public string Code { get; set; } = "";
    }
}

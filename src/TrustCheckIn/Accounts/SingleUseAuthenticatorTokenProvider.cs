using Microsoft.AspNetCore.Identity;

namespace TrustCheckIn.Accounts;

// Identity's authenticator provider accepts the same code again within its window; this one remembers the
// last time step used and refuses that step and every earlier one, so a code works once.
public sealed class SingleUseAuthenticatorTokenProvider(TimeProvider time) : IUserTwoFactorTokenProvider<AppUser>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // Codes come from the person's authenticator app, never from us.
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var digits = token.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrWhiteSpace(key) || digits.Length != 6 || !int.TryParse(digits, out var code))
        {
            return false;
        }

        var now = Totp.TimeStepAt(time.GetUtcNow());
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (step > user.LastAuthenticatorTimeStep && Totp.Compute(key, step) == code)
            {
                user.LastAuthenticatorTimeStep = step;
                // Identity's concurrency stamp makes the second of two simultaneous uses fail here.
                return (await manager.UpdateAsync(user)).Succeeded;
            }
        }

        return false;
    }
}

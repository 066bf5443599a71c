using Microsoft.EntityFrameworkCore;
using TrustCheckIn.Data;

namespace TrustCheckIn.Accounts;

public sealed class PersonalSettingsService(AppDbContext db)
{
    public async Task<PersonalSettings> GetAsync(string actorId, CancellationToken ct = default) =>
        await db.Users.AsNoTracking().Where(u => u.Id == actorId).Select(u => new PersonalSettings(u.Theme, u.Locale)).SingleOrDefaultAsync(ct)
        ?? PersonalSettings.Default;

    // False for a locale outside the list; null clears it (dates follow the browser again).
    public async Task<bool> SaveAsync(string actorId, PersonalSettings settings, CancellationToken ct = default)
    {
        if ((settings.Locale is not null && !PersonalSettings.IsKnownLocale(settings.Locale)) || !Enum.IsDefined(settings.Theme))
        {
            return false;
        }

        await db.Users.Where(u => u.Id == actorId)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.Theme, settings.Theme).SetProperty(u => u.Locale, settings.Locale), ct);
        return true;
    }
}

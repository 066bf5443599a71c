using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TrustCheckIn.Data.Encryption;

// Encrypts each new or changed private text under its owner's key just before saving, and puts the plain
// words back on the tracked entity afterwards, so services keep reading and writing strings. A singleton:
// what it swaps is kept per context, which also holds for a pooled context reused by the next request.
public sealed class PrivateTextSealing(TextKeyRing keys) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<(PropertyEntry Property, string Plain)>> swapped = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Seal(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavingChanges(eventData, result));

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Unseal(eventData.Context, saved: true);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavedChanges(eventData, result));

    // A concurrency conflict skips SaveChangesFailed: the entity gets its plain words back here instead.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Unseal(eventData.Context, saved: false);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ThrowingConcurrencyException(eventData, result));

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Unseal(eventData.Context, saved: false);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private void Seal(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var list = new List<(PropertyEntry, string)>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var column in PrivateTexts.Of(entry.Metadata.ClrType))
            {
                var property = entry.Property(column.Property);
                if (property.CurrentValue is not string { Length: > 0 } plain || SealedText.LooksSealed(plain)
                    || (entry.State == EntityState.Modified && !property.IsModified))
                {
                    continue;
                }

                property.CurrentValue = keys.Seal(plain, PrivateTexts.OwnerOf(entry, column), context);
                list.Add((property, plain));
            }
        }

        swapped.AddOrUpdate(context, list);
    }

    private void Unseal(DbContext? context, bool saved)
    {
        if (context is null || !swapped.TryGetValue(context, out var list))
        {
            return;
        }

        swapped.Remove(context);
        foreach (var (property, plain) in list)
        {
            if (saved)
            {
                // Saved: the stored value is the ciphertext; the entity goes back to plain words, unchanged.
                property.OriginalValue = plain;
                property.CurrentValue = plain;
                property.IsModified = false;
            }
            else
            {
                property.CurrentValue = plain;
            }
        }
    }
}

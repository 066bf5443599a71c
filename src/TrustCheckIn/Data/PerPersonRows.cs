using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace TrustCheckIn.Data;

public static class PerPersonRows
{
    // A person's one settings row (a unique index on its owner): changed if it exists, else made and changed.
    public static async Task ChangeOrAddAsync<T>(this AppDbContext db, Expression<Func<T, bool>> mine, Func<T> create, Action<T> change)
        where T : class
    {
        var row = await db.Set<T>().SingleOrDefaultAsync(mine);
        if (row is null)
        {
            row = create();
            db.Set<T>().Add(row);
        }

        change(row);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException) when (db.Entry(row).State == EntityState.Added)
        {
            // Two first saves raced (the unique index held): apply this one to the row that won.
            db.Entry(row).State = EntityState.Detached;
            var saved = await db.Set<T>().SingleAsync(mine);
            change(saved);
            await db.SaveChangesAsync();
        }
    }
}

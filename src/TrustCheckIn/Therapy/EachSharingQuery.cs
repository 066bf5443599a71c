using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TrustCheckIn.Data;

namespace TrustCheckIn.Therapy;

// One reading of a couple's shared entries, compiled once for each of its two shapes: one consenting partner's rows,
// or both partners' in one statement (UNION ALL), each from their own consent start. rowsOf reads one author's rows of
// the couple from a lower bound (inclusive) to an upper one; chosen, when given, orders and limits the rows of both
// together; shown is what the page reads of each row. Both come after the union (SQL cannot unite rows already shaped
// in .NET).
internal sealed class EachSharingQuery<TEntity, TRow, TBound>
{
    private readonly CompiledPerModel<Func<AppDbContext, int, string, TBound, TBound, IAsyncEnumerable<TRow>>> one;
    private readonly CompiledPerModel<Func<AppDbContext, int, string, TBound, string, TBound, TBound, IAsyncEnumerable<TRow>>> both;

    public EachSharingQuery(
        Expression<Func<AppDbContext, int, string, TBound, TBound, IQueryable<TEntity>>> rowsOf,
        Expression<Func<TEntity, TRow>> shown,
        Expression<Func<IQueryable<TEntity>, IQueryable<TEntity>>>? chosen = null)
    {
        one = new(() => EF.CompileAsyncQuery(One(rowsOf, Shaping(chosen, shown))));
        both = new(() => EF.CompileAsyncQuery(Both(rowsOf, Shaping(chosen, shown))));
    }

    public async Task<List<TRow>> ReadAsync(AppDbContext db, int coupleId, IReadOnlyList<(string AuthorId, TBound From)> sharing, TBound upper, CancellationToken ct) =>
        sharing.Count switch
        {
            0 => [],
            1 => await one.For(db)(db, coupleId, sharing[0].AuthorId, sharing[0].From, upper).ToListAsync(ct),
            _ => await both.For(db)(db, coupleId, sharing[0].AuthorId, sharing[0].From, sharing[1].AuthorId, sharing[1].From, upper).ToListAsync(ct),
        };

    private static Expression<Func<AppDbContext, int, string, TBound, TBound, IQueryable<TRow>>> One(
        Expression<Func<AppDbContext, int, string, TBound, TBound, IQueryable<TEntity>>> rowsOf, Func<Expression, Expression> shaped)
    {
        var (db, coupleId, author, from, upper) = Parameters();
        var rows = InlinedQueries.Apply(rowsOf, db, coupleId, author, from, upper);
        return Expression.Lambda<Func<AppDbContext, int, string, TBound, TBound, IQueryable<TRow>>>(shaped(rows), db, coupleId, author, from, upper);
    }

    private static Expression<Func<AppDbContext, int, string, TBound, string, TBound, TBound, IQueryable<TRow>>> Both(
        Expression<Func<AppDbContext, int, string, TBound, TBound, IQueryable<TEntity>>> rowsOf, Func<Expression, Expression> shaped)
    {
        var (db, coupleId, authorA, fromA, upper) = Parameters();
        var (authorB, fromB) = (Expression.Parameter(typeof(string), "authorB"), Expression.Parameter(typeof(TBound), "fromB"));
        var union = Expression.Call(
            typeof(Queryable),
            nameof(Queryable.Concat),
            [typeof(TEntity)],
            InlinedQueries.Apply(rowsOf, db, coupleId, authorA, fromA, upper),
            InlinedQueries.Apply(rowsOf, db, coupleId, authorB, fromB, upper));
        return Expression.Lambda<Func<AppDbContext, int, string, TBound, string, TBound, TBound, IQueryable<TRow>>>(shaped(union), db, coupleId, authorA, fromA, authorB, fromB, upper);
    }

    private static (ParameterExpression Db, ParameterExpression CoupleId, ParameterExpression Author, ParameterExpression From, ParameterExpression Upper) Parameters() =>
        (Expression.Parameter(typeof(AppDbContext), "db"), Expression.Parameter(typeof(int), "coupleId"), Expression.Parameter(typeof(string), "author"),
            Expression.Parameter(typeof(TBound), "from"), Expression.Parameter(typeof(TBound), "upper"));

    // The rows chosen (ordered, limited) and then shaped into what the page reads.
    private static Func<Expression, Expression> Shaping(Expression<Func<IQueryable<TEntity>, IQueryable<TEntity>>>? chosen, Expression<Func<TEntity, TRow>> shown) =>
        rows => Expression.Call(
            typeof(Queryable),
            nameof(Queryable.Select),
            [typeof(TEntity), typeof(TRow)],
            chosen is null ? rows : InlinedQueries.Apply(chosen, rows),
            Expression.Quote(shown));
}

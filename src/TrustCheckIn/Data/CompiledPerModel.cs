using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TrustCheckIn.Data;

// A compiled query (EF.CompileAsyncQuery) kept per model: EF recompiles a compiled query whenever it meets another
// model, and each key ring has its own model (its converters), so a test process running many apps side by side
// would otherwise recompile on every call. In one app this is one compilation, then a hash lookup.
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> byModel = [];

    public TQuery For(AppDbContext db) => byModel.GetValue(db.Model, _ => compile());
}

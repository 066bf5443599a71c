using System.Reflection;
using Microsoft.EntityFrameworkCore;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Tests.Infrastructure;
using TrustCheckIn.Tests.Security;

namespace TrustCheckIn.Tests.Data;

// A query helper is written once, as an expression: its own calls and the compiled queries that expand it apply the
// same rule, and the person's id reaches SQL as a parameter either way.
public sealed class InlinedQueriesTests(TestApp app) : IClassFixture<TestApp>
{
    private const BindingFlags Statics = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    [Fact]
    public void EveryInlinedHelperNamesAnExpressionOfItsOwnShape()
    {
        var helpers = typeof(InlinedQueries).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(Statics))
            .Select(m => (Method: m, Inlined: m.GetCustomAttribute<InlinedFromAttribute>()))
            .Where(h => h.Inlined is not null)
            .ToList();

        Assert.Contains(helpers, h => h.Method.Name == nameof(CoupleQueries.ActiveFor));
        foreach (var (method, inlined) in helpers)
        {
            var lambda = (method.DeclaringType!.GetField(inlined!.Field, Statics)?.GetValue(null) as IInlined)?.Query;
            Assert.True(
                lambda is not null
                    && lambda.ReturnType == method.ReturnType
                    && lambda.Parameters.Select(p => p.Type).SequenceEqual(method.GetParameters().Select(p => p.ParameterType)),
                $"{method.DeclaringType.Name}.{method.Name} must name a static Inlined field whose lambda takes its parameters and returning its type; {inlined.Field} does not.");
        }
    }

    [Fact]
    public async Task ACompiledQueryFindsWhatTheHelpersFindWithTheIdAsAParameter()
    {
        var world = await SecurityWorld.BuildAsync(app);
        var query = InlinedQueries.Expand((AppDbContext db, string userId) => db.Couples.ActiveFor(userId).SeenBy(userId).Select(c => c.PartnerId).FirstOrDefault());
        Assert.DoesNotContain($".{nameof(CoupleQueries.ActiveFor)}(", query.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain($".{nameof(CoupleQueries.SeenBy)}(", query.ToString(), StringComparison.Ordinal);
        var compiled = EF.CompileAsyncQuery(query);
        var (a, b) = (world.Users[Actor.PartnerA].Id, world.Users[Actor.PartnerB].Id);

        await app.WithDbAsync(async db =>
        {
            Assert.Equal(b, await compiled(db, a));
            Assert.Equal(a, await compiled(db, b));
            foreach (var actor in new[] { Actor.PartnerA, Actor.OtherCouple, Actor.TherapistWithConsent })
            {
                var id = world.Users[actor].Id;
                Assert.Equal(await db.Couples.ActiveFor(id).SeenBy(id).Select(c => c.PartnerId).FirstOrDefaultAsync(), await compiled(db, id));
            }

            Assert.Null(await compiled(db, world.Users[Actor.TherapistWithConsent].Id));
            var sql = db.Couples.ActiveFor(a).Select(c => c.Id).ToQueryString();
            // The parameter declarations that ToQueryString prints first (SQLite: .param, PostgreSQL: --) are left out.
            var statement = string.Join("\n", sql.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal) && !line.StartsWith("--", StringComparison.Ordinal)));
            Assert.DoesNotContain(a, statement, StringComparison.Ordinal);
            Assert.Contains("@", statement, StringComparison.Ordinal);
            return true;
        });
    }
}

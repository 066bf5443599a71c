using Microsoft.Data.Sqlite;
using TrustCheckIn.Tests.Infrastructure;
using TrustCheckIn.Tests.Security;

namespace TrustCheckIn.Tests.Data;

// Not parallel: xunit runs this collection after every parallel one, so every other test class has
// disposed its app and had its statements explained by then.
[CollectionDefinition(nameof(FullScanTests), DisableParallelization = true)]
public sealed class AfterEveryOtherTestClass;

[Collection(nameof(FullScanTests))]
// Reads SQLite's EXPLAIN QUERY PLAN of the statements the SQLite run captured.
[Trait("Database", "SqliteOnly")]
public sealed class FullScanTests
{
    [Fact]
    public async Task NoRequestOfTheHttpSuiteScansATableThatGrowsWithUsersOrEntries()
    {
        // Its own tour too (every GET for every actor), so the test proves something when run alone.
        using (var app = new TestApp())
        {
            var world = await SecurityWorld.BuildAsync(app);
            var matrix = new MatrixRun(world);
            foreach (var row in AccessTable.Cases.Where(c => !c.IsPost))
            {
                foreach (var actor in Enum.GetValues<Actor>())
                {
                    await matrix.CheckAsync(row, actor);
                }
            }
        }

        Assert.True(SqlCapture.StatementsChecked >= 100, $"Only {SqlCapture.StatementsChecked} distinct statements were explained.");
        Assert.True(SqlCapture.FullScansFound.IsEmpty, $"{SqlCapture.FullScansFound.Count} statement(s) scan a table that grows with users or entries:\n" + string.Join("\n", SqlCapture.FullScansFound.Distinct()));
    }

    [Fact]
    public async Task ATherapistsReadOfSharedJournalEntriesSearchesTheSharedOnesAlone()
    {
        // An index search on (author, date) would still visit every private entry of the weeks shown: the partial
        // index holds only the shareable ones, so the page's cost follows what it shows.
        using var app = new TestApp();
        var world = await SecurityWorld.BuildAsync(app);
        var url = $"/Therapist/Couple/{world.CoupleId}";
        var page = await world.Browser(Actor.TherapistWithConsent).GetPageAsync(url);
        Assert.Contains(world["JournalShareableA"].Text, page.Html, StringComparison.Ordinal);

        var journalReads = SqlCapture.RequestsOn(app.StatementsKey).Last(r => r.Page == $"GET {url}").Statements
            .Where(s => s.Sql.Contains("\"JournalEntries\"", StringComparison.Ordinal)).ToList();
        using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var searches = journalReads.SelectMany(s => SqlCapture.PlanOf(connection, s)).Select(p => p.Detail).Where(d => d.Contains(" USING ", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(searches);
        Assert.All(searches, d => Assert.Contains("USING INDEX IX_JournalEntries_Shared ", d, StringComparison.Ordinal));
    }

    [Fact]
    public void TheCheckTellsAScanFromAnIndexedSearch()
    {
        var path = Path.Combine(Path.GetTempPath(), $"trustcheckin-scan-{Guid.NewGuid():N}.db");
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """CREATE TABLE "Notes" ("Id" INTEGER PRIMARY KEY, "Author" TEXT, "Text" TEXT); CREATE INDEX "IX_Notes_Author" ON "Notes" ("Author"); CREATE TABLE "AspNetRoles" ("Id" TEXT PRIMARY KEY, "Name" TEXT);""";
            create.ExecuteNonQuery();
        }

        HashSet<string> tables = ["Notes", "AspNetRoles"];
        SqlCapture.Statement Query(string where) => new($"""SELECT "n"."Id" FROM "Notes" AS "n" WHERE {where}""", [("@p", "x")]);

        var byAuthor = SqlCapture.ScansIn(connection, tables, Query("\"n\".\"Author\" = @p")).ToList();
        var byText = SqlCapture.ScansIn(connection, tables, Query("\"n\".\"Text\" = @p")).ToList();
        var eitherColumn = SqlCapture.ScansIn(connection, tables, Query("\"n\".\"Author\" = @p OR \"n\".\"Text\" = @p")).ToList();
        var fixedTable = SqlCapture.ScansIn(connection, tables, new("""SELECT "r"."Name" FROM "AspNetRoles" AS "r";""", [])).ToList();
        connection.Close();
        File.Delete(path);

        Assert.Empty(byAuthor);
        Assert.StartsWith("SCAN n (table Notes) in", Assert.Single(byText), StringComparison.Ordinal);
        Assert.Single(eitherColumn);
        Assert.Empty(fixedTable);
    }
}

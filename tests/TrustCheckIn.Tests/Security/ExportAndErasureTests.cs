using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Accounts;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Data;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Security;

public sealed class ExportAndErasureTests(TestApp app) : IClassFixture<TestApp>
{
    // Joint entries stay with the couple when one partner goes (PersonalData.Rules says why).
    private static readonly string[] KeptJoint = ["ExpectationNeed"];

    [Fact]
    public async Task MyJsonExportHoldsWhatIWroteAndWhatWeShareButNothingPrivateOfMyPartner()
    {
        var world = await SecurityWorld.BuildAsync(app, signIn: false);
        var a = await app.SignInAsync(world.Users[Actor.PartnerA]);

        var json = await (await a.GetAsync("/Account/Manage/PersonalData?handler=Download")).Content.ReadAsStringAsync();

        var mine = world.Canaries.Where(c => c.Author == Actor.PartnerA).Select(c => c.Name).ToList();
        var shared = new[] { "FeelingReplyB", "FeelingSharedB" };
        var notMine = world.Canaries.Where(c => !c.MaySee.Contains(Actor.PartnerA)).Select(c => c.Name).ToList();
        var missing = mine.Concat(shared).Where(n => !json.Contains(world[n].Text, StringComparison.Ordinal)).ToList();
        var leaked = notMine.Where(n => json.Contains(world[n].Text, StringComparison.Ordinal)).ToList();
        Assert.Empty(missing);
        Assert.Contains("FeelingDraftB", notMine);
        Assert.Contains("JournalPrivateB", notMine);
        Assert.Contains("CheckInBHidden", notMine);
        Assert.Empty(leaked);
    }

    [Fact]
    public async Task MyCheckInsDownloadAsCsvWithFormulasDefused()
    {
        var world = await SecurityWorld.BuildAsync(app, signIn: false);
        var a = world.Users[Actor.PartnerA];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var checkIns = scope.ServiceProvider.GetRequiredService<CheckInService>();
            var week = (await checkIns.GetThisWeekAsync(a.Id))!.Week;
            await checkIns.SubmitAsync(a.Id, week.Key, new CheckInAnswers(new Ratings(3, 3, 3, 3, 3), "=HYPERLINK(\"http://evil.test\",\"click\")", "+cmd|' /C calc'!A0", "@SUM(1,2), then \"-2\"\nnew line"));
        }

        var response = await (await app.SignInAsync(a)).GetAsync("/Account/Manage/PersonalData?handler=CheckInsCsv");
        var csv = await response.Content.ReadAsStringAsync();
        var cells = CsvCells(csv).ToList();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains(world["CheckInA"].Text, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(world["CheckInB"].Text, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(world["CheckInBHidden"].Text, csv, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK(\"http://evil.test\",\"click\")", cells);
        Assert.Contains("'+cmd|' /C calc'!A0", cells);
        Assert.Contains("'@SUM(1,2), then \"-2\"\nnew line", cells);
        Assert.DoesNotContain(cells, c => c.Length > 0 && "=+-@".Contains(c[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task ErasingAPartnerClearsEveryRowOfTheirsKeepsThePartnersAndLeavesNoTraceOnDisk()
    {
        var world = await SecurityWorld.BuildAsync(app, signIn: false);
        var a = world.Users[Actor.PartnerA];
        var b = world.Users[Actor.PartnerB];
        var aBrowser = await app.SignInAsync(a);
        var aElsewhere = await app.SignInAsync(a);
        var bBefore = await OwnRowCountsAsync(b.Id);
        var holdingBefore = await RowsStillHoldingAsync(a.Id);

        var deleted = await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/Account/Manage/DeleteAccount"), "#delete-account-form", new() { ["Input.Password"] = a.Password });

        Assert.Contains("Your account is deleted", deleted.Text, StringComparison.Ordinal);
        Assert.True(holdingBefore.Count >= 8, "The walk found too little before erasure: " + string.Join(", ", holdingBefore));
        Assert.Equal("/Account/Login", (await aElsewhere.GetPageAsync("/Account/Manage")).Url.AbsolutePath);
        Assert.Empty(await RowsStillHoldingAsync(a.Id));
        Assert.Equal(bBefore, await OwnRowCountsAsync(b.Id));
        var bJournal = await (await app.SignInAsync(b)).GetPageAsync($"/Journal/Entry/{world.JournalPrivateB}");
        Assert.Contains(world["JournalPrivateB"].Text, bJournal.Html, StringComparison.Ordinal);
        var traces = world.Canaries.Where(c => c.Author == Actor.PartnerA && !KeptJoint.Contains(c.Name)).Select(c => c.Text)
            .Append(a.Email).Append(a.DisplayName)
            .ToList();
        Assert.Empty(StoredFiles.LeftInDatabaseFiles(app, traces));
    }

    [Fact]
    public async Task ErasingATherapistKeepsTheCouplesAccessLogWithTheTherapistPseudonymised()
    {
        var world = await SecurityWorld.BuildAsync(app, signIn: false);
        var therapist = world.Users[Actor.TherapistWithConsent];
        var browser = await world.SignInAgainAsync(Actor.TherapistWithConsent);
        await browser.GetAsync($"/Therapist/Couple/{world.CoupleId}");
        await browser.GetAsync($"/Therapist/Summary/{world.CoupleId}");
        var logBefore = await CoupleLogAsync(world.CoupleId);

        var deleted = await browser.PostAsync("/Account/Manage/DeleteAccount", new FormUrlEncodedContent([
            new("__RequestVerificationToken", await SecurityWorld.TokenAsync(browser, signedIn: true)),
            new("Input.Password", therapist.Password),
        ]));
        var logAfter = await CoupleLogAsync(world.CoupleId);
        var partnersView = await (await app.SignInAsync(world.Users[Actor.PartnerA])).GetPageAsync("/Couple/Therapist");

        Assert.True(SecurityWorld.IsRedirectTo(deleted, "/"));
        Assert.True(logBefore.Count >= 2);
        Assert.Equal(logBefore.Count, logAfter.Count);
        Assert.All(logAfter, e => Assert.Null(e.TherapistId));
        Assert.All(logAfter, e => Assert.Equal("A former therapist", e.TherapistName));
        Assert.Contains("A former therapist", partnersView.Text, StringComparison.Ordinal);
        Assert.Empty(await RowsStillHoldingAsync(therapist.Id));
        Assert.Empty(StoredFiles.LeftInDatabaseFiles(app, [therapist.DisplayName]));
    }

    private async Task<List<(string? TherapistId, string TherapistName)>> CoupleLogAsync(int coupleId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().AccessLog.AsNoTracking()
            .Where(e => e.CoupleId == coupleId).OrderBy(e => e.Id).Select(e => new { e.TherapistId, e.TherapistName }).ToListAsync())
            .Select(e => (e.TherapistId, e.TherapistName)).ToList();
    }

    // Every column of every entity in the model that still holds the person's id, except the tombstoned
    // account row and the entities PersonalData.Rules keeps on purpose.
    private async Task<List<string>> RowsStillHoldingAsync(string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
        var found = new List<string>();
        await using var connection = app.OpenDatabase();
        foreach (var entity in model.GetEntityTypes().Where(t => !t.IsOwned()))
        {
            var rule = PersonalData.Rules[entity.ClrType];
            var kept = rule.KeptBecause is not null;
            var table = entity.GetTableName()!;
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string)))
            {
                var column = property.GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()))!;
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\" = @id";
                var id = command.CreateParameter();
                id.ParameterName = "@id";
                id.Value = userId;
                command.Parameters.Add(id);
                var count = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
                if (count > 0 && !kept)
                {
                    found.Add($"{entity.ClrType.Name}.{property.Name}: {count} rows");
                }
            }
        }

        return found;
    }

    private async Task<Dictionary<string, int>> OwnRowCountsAsync(string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return new Dictionary<string, int>
        {
            ["check-ins"] = await db.CheckIns.CountAsync(c => c.AuthorId == userId),
            ["journal"] = await db.JournalEntries.CountAsync(e => e.AuthorId == userId),
            ["feelings"] = await db.FeelingStatements.CountAsync(f => f.AuthorId == userId),
            ["follow-through"] = await db.FollowThroughs.CountAsync(f => f.DoneById == userId),
        };
    }

    private static IEnumerable<string> CsvCells(string csv)
    {
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c is ',' or '\n')
            {
                yield return cell.ToString().TrimStart('\uFEFF');
                cell.Clear();
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrustCheckIn.Common;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Expectations;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Expectations;

public sealed class ExpectationServiceTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly ExpectationContent Plans = new("Knowing each other's plans", "Share the day's plans at breakfast", ExpectationFrequency.Daily, null);
    private static readonly ExpectationContent Thanks = new("Feeling appreciated", "Say thank you for one small thing", ExpectationFrequency.Weekly, null);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AddEditMoveAndRemoveEachKeepWhatTheRowSaidBeforeAndAfter()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var first = (await WithAsync(s => s.AddAsync(a.Id, Plans))).Value;
        var second = (await WithAsync(s => s.AddAsync(b.Id, Thanks))).Value;
        var edited = Plans with { Action = "Send a short message about the day's plans", Frequency = ExpectationFrequency.Custom, CustomFrequency = "Every workday" };

        await WithAsync(s => s.EditAsync(b.Id, first, edited, expectedVersion: 1));
        await WithAsync(s => s.MoveAsync(a.Id, second, up: true));
        await WithAsync(s => s.RemoveAsync(b.Id, first));
        var revisions = await app.WithDbAsync(db => db.ExpectationRevisions.AsNoTracking()
            .Where(r => r.ExpectationId == first || r.ExpectationId == second).OrderBy(r => r.Id).ToListAsync());

        Assert.Equal([RevisionKind.Added, RevisionKind.Added, RevisionKind.Edited, RevisionKind.MovedUp, RevisionKind.Removed], revisions.Select(r => r.Kind));
        var edit = revisions[2];
        Assert.Equal((b.Id, "Share the day's plans at breakfast", ExpectationFrequency.Daily, (string?)null), (edit.ChangedById, edit.BeforeAction, edit.BeforeFrequency, edit.BeforeCustomFrequency));
        Assert.Equal(("Send a short message about the day's plans", ExpectationFrequency.Custom, "Every workday"), (edit.AfterAction, edit.AfterFrequency, edit.AfterCustomFrequency));
        var move = revisions[3];
        Assert.Equal((a.Id, 2, 1), (move.ChangedById, move.BeforePosition, move.AfterPosition));
        var removal = revisions[4];
        Assert.Equal(("Send a short message about the day's plans", (string?)null), (removal.BeforeAction, removal.AfterAction));
        Assert.Null(revisions[0].BeforeNeed);
        Assert.Equal(Plans.Need, revisions[0].AfterNeed);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, edit.ChangedAt);
    }

    [Fact]
    public async Task BothPartnersReadTheSameHistoryWithWhoChangedWhat()
    {
        var (a, b) = await app.CreateCoupleAsync("Ana", "Ben");
        var id = (await WithAsync(s => s.AddAsync(a.Id, Plans))).Value;
        await WithAsync(s => s.EditAsync(b.Id, id, Plans with { Need = "Knowing roughly where the day takes us" }, 1));

        var forA = await WithAsync(s => s.GetHistoryAsync(a.Id, 0));
        var forB = await WithAsync(s => s.GetHistoryAsync(b.Id, 0));

        Assert.Equal(["Ben", "You"], forA!.Revisions.Select(r => r.ChangedByName));
        Assert.Equal(["You", "Ana"], forB!.Revisions.Select(r => r.ChangedByName));
        Assert.Equal((Plans.Need, "Knowing roughly where the day takes us"), (forA.Revisions[0].Before!.Need, forA.Revisions[0].After!.Need));
    }

    [Fact]
    public async Task UndoingARemovalBringsTheRowBackAtTheEnd()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var first = (await WithAsync(s => s.AddAsync(a.Id, Plans))).Value;
        await WithAsync(s => s.AddAsync(a.Id, Thanks));
        await WithAsync(s => s.RemoveAsync(a.Id, first));
        var history = await WithAsync(s => s.GetHistoryAsync(b.Id, 0));

        var restored = await WithAsync(s => s.RestoreAsync(b.Id, first));
        var table = await WithAsync(s => s.GetTableAsync(a.Id));
        var after = await WithAsync(s => s.GetHistoryAsync(b.Id, 0));

        Assert.True(history!.Revisions.Single(r => r.Kind == RevisionKind.Removed).CanRestore);
        Assert.True(restored.Succeeded);
        Assert.Equal([Thanks.Need, Plans.Need], table!.Rows.Select(r => r.Need));
        Assert.Equal(RevisionKind.Restored, after!.Revisions[0].Kind);
        Assert.DoesNotContain(after.Revisions, r => r.CanRestore);
    }

    [Fact]
    public async Task StarterSetsAddTheirRowsOnceHoweverOftenTheyAreAdded()
    {
        var (a, b) = await app.CreateCoupleAsync();

        var firstTime = await WithAsync(s => s.AddStarterSetAsync(a.Id, StarterSet.PlaceToStart));
        var again = await WithAsync(s => s.AddStarterSetAsync(a.Id, StarterSet.PlaceToStart));
        var byPartner = await WithAsync(s => s.AddStarterSetAsync(b.Id, StarterSet.PlaceToStart));
        var digital = await WithAsync(s => s.AddStarterSetAsync(b.Id, StarterSet.DigitalBoundaries));
        var digitalAgain = await WithAsync(s => s.AddStarterSetAsync(a.Id, StarterSet.DigitalBoundaries));
        var table = await WithAsync(s => s.GetTableAsync(a.Id));

        Assert.Equal((3, 0, 0, 4, 0), (firstTime.Value, again.Value, byPartner.Value, digital.Value, digitalAgain.Value));
        Assert.Equal(7, table!.Rows.Count);
        Assert.Equal(("Daily", "Weekly", "Weekly"), (table.Rows[0].FrequencyText, table.Rows[1].FrequencyText, table.Rows[2].FrequencyText));
        Assert.Contains(table.Rows, r => r.Action.Contains("passwords", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARemovedStarterRowComesBackInsteadOfBeingDoubled()
    {
        var (a, _) = await app.CreateCoupleAsync();
        await WithAsync(s => s.AddStarterSetAsync(a.Id, StarterSet.PlaceToStart));
        var first = (await WithAsync(s => s.GetTableAsync(a.Id)))!.Rows[0];
        await WithAsync(s => s.RemoveAsync(a.Id, first.Id));

        var added = await WithAsync(s => s.AddStarterSetAsync(a.Id, StarterSet.PlaceToStart));
        var table = await WithAsync(s => s.GetTableAsync(a.Id));

        Assert.Equal(1, added.Value);
        Assert.Equal(3, table!.Rows.Count);
        Assert.Single(table.Rows, r => r.Id == first.Id);
    }

    [Fact]
    public async Task TheReviewIsMarkedOnlyWhenBothPartnersConfirm()
    {
        var (a, b) = await app.CreateCoupleAsync();
        await WithAsync(s => s.AddAsync(a.Id, Plans));

        var firstStep = await ReviewAsync(s => s.ConfirmReviewAsync(a.Id));
        var sameAgain = await ReviewAsync(s => s.ConfirmReviewAsync(a.Id));
        var waiting = await WithAsync(s => s.GetTableAsync(b.Id));
        var secondStep = await ReviewAsync(s => s.ConfirmReviewAsync(b.Id));
        var done = await WithAsync(s => s.GetTableAsync(a.Id));

        Assert.Equal((ReviewStep.WaitingForPartner, ReviewStep.WaitingForPartner, ReviewStep.ReviewedTogether), (firstStep.Value, sameAgain.Value, secondStep.Value));
        Assert.Null(waiting!.Review.LastReviewedAt);
        Assert.True(waiting.Review.ConfirmedByPartner);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, done!.Review.LastReviewedAt);
        Assert.False(done.Review.ConfirmedByMe || done.Review.ConfirmedByPartner);
    }

    [Fact]
    public async Task TheReviewReminderAppearsExactlyWhenTheIntervalHasPassed()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var coupleId = (await app.WithServiceAsync<CoupleService.CoupleView?, CoupleService>(c => c.GetActiveAsync(a.Id)))!.Id;
        await ReviewAsync(s => s.ChangeReviewIntervalAsync(b.Id, 2));
        var beforeAnyRow = await ReviewAsync(s => s.IsReviewOverdueAsync(coupleId));
        await WithAsync(s => s.AddAsync(a.Id, Plans));

        clock.Advance(TimeSpan.FromDays(14));
        var atTwoWeeks = await ReviewAsync(s => s.IsReviewOverdueAsync(coupleId));
        var reminderAtTwoWeeks = await ReviewAsync(s => s.GetReviewReminderAsync(a.Id));
        clock.Advance(TimeSpan.FromSeconds(1));
        var justAfter = await ReviewAsync(s => s.IsReviewOverdueAsync(coupleId));
        var reminderA = await ReviewAsync(s => s.GetReviewReminderAsync(a.Id));
        var reminderB = await ReviewAsync(s => s.GetReviewReminderAsync(b.Id));
        await ReviewAsync(s => s.ConfirmReviewAsync(a.Id));
        await ReviewAsync(s => s.ConfirmReviewAsync(b.Id));
        var afterReview = await ReviewAsync(s => s.IsReviewOverdueAsync(coupleId));
        clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        var twoWeeksAfterReview = await ReviewAsync(s => s.IsReviewOverdueAsync(coupleId));

        Assert.False(beforeAnyRow);
        Assert.False(atTwoWeeks);
        Assert.Null(reminderAtTwoWeeks);
        Assert.True(justAfter);
        Assert.True(reminderA!.IsOverdue && reminderB!.IsOverdue);
        Assert.Equal(2, reminderA.IntervalWeeks);
        Assert.False(afterReview);
        Assert.True(twoWeeksAfterReview);
    }

    [Fact]
    public async Task OnlyTheOfferedIntervalsCanBeChosen()
    {
        var (a, _) = await app.CreateCoupleAsync();

        var result = await ReviewAsync(s => s.ChangeReviewIntervalAsync(a.Id, 3));

        Assert.Equal("ReviewIntervalWeeks", result.Error?.Field);
    }

    [Fact]
    public async Task FollowThroughIsCountedOverTheLastFourWeeks()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var coupleId = (await app.WithServiceAsync<CoupleService.CoupleView?, CoupleService>(c => c.GetActiveAsync(a.Id)))!.Id;
        var id = (await WithAsync(s => s.AddAsync(a.Id, Plans))).Value;
        await FollowThroughAsync(s => s.RecordFollowThroughAsync(a.Id, id, "Texted at lunch"));
        await NoticeLatestAsync(b.Id, id);
        clock.Advance(TimeSpan.FromDays(10));
        await FollowThroughAsync(s => s.RecordFollowThroughAsync(b.Id, id, null));
        clock.Advance(TimeSpan.FromDays(10));
        await FollowThroughAsync(s => s.RecordFollowThroughAsync(a.Id, id, null));
        await NoticeLatestAsync(b.Id, id);

        var now = (await WithAsync(s => s.GetTableAsync(b.Id)))!.Rows.Single();
        clock.Advance(TimeSpan.FromDays(8) + TimeSpan.FromSeconds(1));
        var later = (await WithAsync(s => s.GetTableAsync(b.Id)))!.Rows.Single();
        var forTherapist = await FollowThroughAsync(s => s.GetFollowThroughCountsAsync(coupleId));

        Assert.Equal((3, 2), (now.DoneLately, now.NoticedLately));
        Assert.Equal("Done 3 times in the last 4 weeks, and noticed twice.", now.FollowThroughSentence);
        Assert.Equal((2, 1), (later.DoneLately, later.NoticedLately));
        Assert.Equal([new FollowThroughService.FollowThroughCount(id, 2, 1)], forTherapist);
    }

    [Fact]
    public async Task OnlyTheOtherPartnerCanNoticeAndOnlyOnce()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var id = (await WithAsync(s => s.AddAsync(a.Id, Plans))).Value;
        await FollowThroughAsync(s => s.RecordFollowThroughAsync(a.Id, id, null));
        var followThroughId = (await FollowThroughAsync(s => s.GetRowAsync(b.Id, id)))!.Recent.Single().Id;

        var byDoer = await FollowThroughAsync(s => s.NoticeAsync(a.Id, followThroughId));
        var byPartner = await FollowThroughAsync(s => s.NoticeAsync(b.Id, followThroughId));
        var again = await FollowThroughAsync(s => s.NoticeAsync(b.Id, followThroughId));
        var stored = await app.WithDbAsync(db => db.FollowThroughs.AsNoTracking().SingleAsync(f => f.Id == followThroughId));

        Assert.False(byDoer.Succeeded);
        Assert.True(byPartner.Succeeded && again.Succeeded);
        Assert.Equal(b.Id, stored.NoticedById);
        Assert.False((await FollowThroughAsync(s => s.GetRowAsync(b.Id, id)))!.Recent.Single().CanNotice);
    }

    [Theory]
    [InlineData(0, 0, "Nothing noted here in the last 4 weeks.")]
    [InlineData(1, 0, "Done once in the last 4 weeks.")]
    [InlineData(1, 1, "Done once in the last 4 weeks, and noticed too.")]
    [InlineData(2, 2, "Done twice in the last 4 weeks, and noticed each time.")]
    [InlineData(5, 1, "Done 5 times in the last 4 weeks, and noticed once.")]
    public void FollowThroughReadsAsAGentleSentence(int done, int noticed, string sentence)
    {
        var text = FollowThroughSummary.Sentence(done, noticed);

        Assert.Equal(sentence, text);
    }

    [Fact]
    public async Task ASecondSaveOverTheSameVersionIsRefusedWithBothVersions()
    {
        var (a, b) = await app.CreateCoupleAsync("Ana", "Ben");
        var id = (await WithAsync(s => s.AddAsync(a.Id, Plans))).Value;
        var loadedByA = await WithAsync(s => s.GetForEditAsync(a.Id, id));
        var loadedByB = await WithAsync(s => s.GetForEditAsync(b.Id, id));
        var anasWords = Plans with { Action = "Ana's words" };
        var bensWords = Plans with { Action = "Ben's words" };

        var first = await WithAsync(s => s.EditAsync(a.Id, id, anasWords, loadedByA!.Version));
        var second = await WithAsync(s => s.EditAsync(b.Id, id, bensWords, loadedByB!.Version));
        var stored = await WithAsync(s => s.GetForEditAsync(b.Id, id));
        var deliberate = await WithAsync(s => s.EditAsync(b.Id, id, bensWords, ConflictOf(second).TheirVersion));

        Assert.True(first.Succeeded);
        Assert.Equal(("Ana's words", "Ben's words", "Ana", false), (ConflictOf(second).Theirs!.Action, ConflictOf(second).Yours.Action, ConflictOf(second).ChangedByName, ConflictOf(second).ChangedByMe));
        Assert.Equal(("Ana's words", 2), (stored!.Content.Action, stored.Version));
        Assert.True(deliberate.Succeeded);
        Assert.Equal(3, (await WithAsync(s => s.GetForEditAsync(a.Id, id)))!.Version);
    }

    [Fact]
    public async Task EditingARowThePartnerRemovedIsAConflictThatKeepsTheText()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var id = (await WithAsync(s => s.AddAsync(a.Id, Plans))).Value;
        await WithAsync(s => s.RemoveAsync(a.Id, id));

        var result = await WithAsync(s => s.EditAsync(b.Id, id, Plans with { Action = "typed meanwhile" }, 1));

        Assert.True(ConflictOf(result).WasRemoved);
        Assert.Equal("typed meanwhile", ConflictOf(result).Yours.Action);
    }

    [Fact]
    public async Task TwoContextsSavingTheSameRowGiveOneSuccessAndOneConflictWithBothTextsKept()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var id = (await WithAsync(s => s.AddAsync(a.Id, Plans))).Value;
        await using var scopeA = app.Services.CreateAsyncScope();
        await using var scopeB = app.Services.CreateAsyncScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<AppDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<AppDbContext>();
        var rowA = await dbA.Expectations.SingleAsync(e => e.Id == id);
        var rowB = await dbB.Expectations.SingleAsync(e => e.Id == id);
        var now = clock.GetUtcNow().UtcDateTime;

        rowA.Edit(Plans with { Action = "first saved" }, now);
        await dbA.SaveChangesAsync();
        rowB.Edit(Plans with { Action = "second typed" }, now);
        var conflict = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => dbB.SaveChangesAsync());
        var databaseValues = await conflict.Entries.Single().GetDatabaseValuesAsync();

        Assert.Equal("first saved", databaseValues![nameof(Expectation.Action)]);
        Assert.Equal(2, databaseValues[nameof(Expectation.Version)]);
        Assert.Equal("second typed", rowB.Action);
        Assert.Equal("first saved", (await WithAsync(s => s.GetForEditAsync(a.Id, id)))!.Content.Action);
    }

    [Fact]
    public async Task AClosedCouplesTableCanBeReadButNotChanged()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var id = (await WithAsync(s => s.AddAsync(a.Id, Plans))).Value;
        await app.WithServiceAsync<Result, CoupleService>(c => c.LeaveAsync(a.Id));

        var table = await WithAsync(s => s.GetTableAsync(b.Id));
        var add = await WithAsync(s => s.AddAsync(b.Id, Thanks));
        var edit = await WithAsync(s => s.EditAsync(b.Id, id, Thanks, 1));
        var remove = await WithAsync(s => s.RemoveAsync(a.Id, id));
        var review = await ReviewAsync(s => s.ConfirmReviewAsync(b.Id));
        var did = await FollowThroughAsync(s => s.RecordFollowThroughAsync(b.Id, id, null));
        var starter = await WithAsync(s => s.AddStarterSetAsync(a.Id, StarterSet.PlaceToStart));

        Assert.True(table!.IsClosed);
        Assert.Equal(Plans.Need, table.Rows.Single().Need);
        Assert.All([add.Error, edit.Error, remove.Error, review.Error, did.Error, starter.Error], e => Assert.Equal(ExpectationService.ReadOnly, e));
        Assert.Equal(Plans.Action, (await WithAsync(s => s.GetForEditAsync(b.Id, id)))!.Content.Action);
    }

    [Fact]
    public async Task AnotherCouplesRowIsNotFound()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var (outsider, _) = await app.CreateCoupleAsync();
        var id = (await WithAsync(s => s.AddAsync(a.Id, Plans))).Value;
        await FollowThroughAsync(s => s.RecordFollowThroughAsync(a.Id, id, "private canary"));
        var followThroughId = (await FollowThroughAsync(s => s.GetRowAsync(b.Id, id)))!.Recent.Single().Id;

        var results = new[]
        {
            (await WithAsync(s => s.EditAsync(outsider.Id, id, Thanks, 1))).Error,
            (await WithAsync(s => s.MoveAsync(outsider.Id, id, up: false))).Error,
            (await WithAsync(s => s.RemoveAsync(outsider.Id, id))).Error,
            (await WithAsync(s => s.RestoreAsync(outsider.Id, id))).Error,
            (await FollowThroughAsync(s => s.RecordFollowThroughAsync(outsider.Id, id, null))).Error,
        };
        var notice = await FollowThroughAsync(s => s.NoticeAsync(outsider.Id, followThroughId));

        Assert.Null(await WithAsync(s => s.GetForEditAsync(outsider.Id, id)));
        Assert.Null(await FollowThroughAsync(s => s.GetRowAsync(outsider.Id, id)));
        Assert.All(results, e => Assert.Equal(ExpectationService.RowNotFound, e));
        Assert.Equal(ServiceError.NotFound("note"), notice.Error);
        Assert.Empty((await WithAsync(s => s.GetTableAsync(outsider.Id)))!.Rows);
        Assert.Equal(Plans.Action, (await WithAsync(s => s.GetForEditAsync(a.Id, id)))!.Content.Action);
    }

    [Fact]
    public async Task UnclearRowsAreRefusedWithTheFieldTheyBelongTo()
    {
        var (a, _) = await app.CreateCoupleAsync();

        var noNeed = await WithAsync(s => s.AddAsync(a.Id, Plans with { Need = "   " }));
        var longAction = await WithAsync(s => s.AddAsync(a.Id, Plans with { Action = new string('x', 301) }));
        var customWithoutWords = await WithAsync(s => s.AddAsync(a.Id, Plans with { Frequency = ExpectationFrequency.Custom }));

        Assert.Equal(["Need", "Action", "CustomFrequency"], new[] { noNeed.Error!.Field, longAction.Error!.Field, customWithoutWords.Error!.Field });
        Assert.Empty((await WithAsync(s => s.GetTableAsync(a.Id)))!.Rows);
    }

    private async Task NoticeLatestAsync(string userId, int rowId)
    {
        var latest = (await FollowThroughAsync(s => s.GetRowAsync(userId, rowId)))!.Recent[0];
        await FollowThroughAsync(s => s.NoticeAsync(userId, latest.Id));
    }

    private static ExpectationService.EditConflict ConflictOf(Result result) =>
        Assert.IsType<ConflictError<ExpectationService.EditConflict>>(result.Error).Current;

    private Task<T> WithAsync<T>(Func<ExpectationService, Task<T>> action) => app.WithServiceAsync(clock, action);

    private Task<T> ReviewAsync<T>(Func<ExpectationReviewService, Task<T>> action) => app.WithServiceAsync(clock, action);

    private Task<T> FollowThroughAsync<T>(Func<FollowThroughService, Task<T>> action) => app.WithServiceAsync(clock, action);
}

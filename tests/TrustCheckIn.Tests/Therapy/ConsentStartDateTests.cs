using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Couples;
using TrustCheckIn.Journal;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Therapy;

// A consent date is a day in the couple's time zone, not in UTC.
public sealed class ConsentStartDateTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task AnEntryWrittenTheEveningBeforeTheStartDateStaysHiddenInAZoneBehindUtc()
    {
        var (a, _) = await app.CreateCoupleAsync("Lia", "Max");
        await app.WithServiceAsync<TrustCheckIn.Common.Result, CoupleService>(c => c.ChangeScheduleAsync(a.Id, new CheckInSchedule("America/Los_Angeles", DayOfWeek.Sunday)));
        var (therapist, code, key) = await app.CreateTherapistAsync("Dr Dates");
        var aBrowser = await app.SignInAsync(a);
        await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#link-therapist-form", new() { ["Link.Code"] = code });
        var therapistBrowser = await app.SignInWithTwoFactorAsync(therapist, key);
        var coupleId = (await app.WithServiceAsync<CoupleService.CoupleView?, CoupleService>(c => c.GetActiveAsync(a.Id)))!.Id;

        // 02:00 UTC is the previous evening in Los Angeles.
        var utcDay = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(3);
        app.Clock.SetUtcNow(new DateTimeOffset(utcDay.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
        var evening = $"Evening{Guid.NewGuid():N}";
        await app.WithServiceAsync<TrustCheckIn.Common.Result<int>, JournalService>(j => j.CreateAsync(a.Id, new JournalService.EntryInput(null, evening, true)));
        app.Clock.Advance(TimeSpan.FromHours(12));
        var nextDay = $"NextDay{Guid.NewGuid():N}";
        await app.WithServiceAsync<TrustCheckIn.Common.Result<int>, JournalService>(j => j.CreateAsync(a.Id, new JournalService.EntryInput(null, nextDay, true)));
        await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#consent-form", new()
        {
            ["Input.Journal"] = "true",
            ["Input.Start"] = "FromDate",
            ["Input.From"] = utcDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        therapistBrowser = await app.SignInWithTwoFactorAsync(therapist, key);

        var page = await therapistBrowser.GetPageAsync($"/Therapist/Couple/{coupleId}");

        Assert.Contains(nextDay, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(evening, page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachPartnersStartDateHoldsForTheirOwnEntriesWhenBothShare()
    {
        var (a, b) = await app.CreateCoupleAsync("Oda", "Pim");
        var (therapist, code, key) = await app.CreateTherapistAsync("Dr Both");
        var aBrowser = await app.SignInAsync(a);
        var bBrowser = await app.SignInAsync(b);
        await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#link-therapist-form", new() { ["Link.Code"] = code });
        var coupleId = (await app.WithServiceAsync<CoupleService.CoupleView?, CoupleService>(c => c.GetActiveAsync(a.Id)))!.Id;
        var aOld = await WriteAsync(a, "AOld");
        var bOld = await WriteAsync(b, "BOld");
        app.Clock.Advance(TimeSpan.FromDays(3));
        await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#consent-form", new() { ["Input.Journal"] = "true", ["Input.Feelings"] = "true", ["Input.Start"] = "AllHistory" });
        await bBrowser.SubmitAsync(await bBrowser.GetPageAsync("/Couple/Therapist"), "#consent-form", new() { ["Input.Journal"] = "true", ["Input.Feelings"] = "true", ["Input.Start"] = "Today" });
        var bNew = await WriteAsync(b, "BNew");
        var therapistBrowser = await app.SignInWithTwoFactorAsync(therapist, key);

        var page = await therapistBrowser.GetPageAsync($"/Therapist/Couple/{coupleId}");

        Assert.All(aOld.Concat(bNew), text => Assert.Contains(text, page.Html, StringComparison.Ordinal));
        Assert.All(bOld, text => Assert.DoesNotContain(text, page.Html, StringComparison.Ordinal));
    }

    // One shareable journal entry and one shared "I feel" statement, each with its own canary.
    private async Task<string[]> WriteAsync(TestUser author, string label)
    {
        var (journal, feeling) = ($"{label}Journal{Guid.NewGuid():N}", $"{label}Feeling{Guid.NewGuid():N}");
        await app.WithServiceAsync<TrustCheckIn.Common.Result<int>, JournalService>(j => j.CreateAsync(author.Id, new JournalService.EntryInput(null, journal, true)));
        await using var scope = app.Services.CreateAsyncScope();
        var feelings = scope.ServiceProvider.GetRequiredService<TrustCheckIn.Feelings.FeelingService>();
        var draft = await feelings.SaveDraftAsync(author.Id, new TrustCheckIn.Feelings.FeelingWords("hopeful", feeling, null));
        await feelings.ShareAsync(author.Id, draft.Value);
        return [journal, feeling];
    }

    [Fact]
    public async Task TheTimeZoneCannotMoveWhileAWeekIsHalfAnswered()
    {
        var (a, b) = await app.CreateCoupleAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var checkIns = scope.ServiceProvider.GetRequiredService<TrustCheckIn.CheckIns.CheckInService>();
        var week = (await checkIns.GetThisWeekAsync(b.Id))!.Week;
        await checkIns.SubmitAsync(b.Id, week.Key, new TrustCheckIn.CheckIns.CheckInAnswers(new TrustCheckIn.CheckIns.Ratings(3, 3, 3, 3, 3), null, null, null));
        var couples = scope.ServiceProvider.GetRequiredService<CoupleService>();

        var moved = await couples.ChangeScheduleAsync(a.Id, new CheckInSchedule("Pacific/Kiritimati", DayOfWeek.Sunday));
        var dayOnly = await couples.ChangeScheduleAsync(a.Id, new CheckInSchedule("Europe/London", DayOfWeek.Wednesday));

        Assert.Equal("TimeZoneId", moved.Error?.Field);
        Assert.True(dayOnly.Succeeded);
    }

    [Fact]
    public async Task AnImpossibleSummaryDateIsExplainedNotACrash()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var (therapist, code, key) = await app.CreateTherapistAsync();
        var aBrowser = await app.SignInAsync(a);
        await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#link-therapist-form", new() { ["Link.Code"] = code });
        var coupleId = (await app.WithServiceAsync<CoupleService.CoupleView?, CoupleService>(c => c.GetActiveAsync(a.Id)))!.Id;
        var therapistBrowser = await app.SignInWithTwoFactorAsync(therapist, key);

        var page = await therapistBrowser.GetPageAsync($"/Therapist/Summary/{coupleId}?To=0001-01-05");

        Assert.Equal(System.Net.HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Contains("Please choose dates between 2000 and 2999", page.Text, StringComparison.Ordinal);
    }
}

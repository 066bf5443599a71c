using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Common;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Expectations;
using TrustCheckIn.Tests.Infrastructure;
using TrustCheckIn.Tests.Security;

namespace TrustCheckIn.Tests.Expectations;

public sealed class ExpectationAccessTests(TestApp app) : IClassFixture<TestApp>
{
    private const string Canary = "canary-7f3a-expectation";

    // Every expectations page; a new one must be added here (and to the 404 checks) to pass.
    private static readonly string[] KnownRoutes =
        ["/Expectations", "/Expectations/Index", "/Expectations/Add", "/Expectations/Edit/{id:int}", "/Expectations/Row/{id:int}", "/Expectations/History"];

    [Fact]
    public async Task AnotherCouplesMemberGetsNotFoundOnEveryExpectationsUrl()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var (keep, gone, followThrough) = await SeedAsync(a, b);
        var (c, _) = await app.CreateCoupleAsync();
        await ServiceAsync(s => s.AddAsync(c.Id, new ExpectationContent("Their own need", "Their own action", ExpectationFrequency.Weekly, null)));
        var loner = await app.CreateUserAsync();
        var failures = new List<string>();

        foreach (var outsider in new[] { c, loner })
        {
            var browser = await app.SignInAsync(outsider);
            var home = await browser.GetPageAsync("/More");
            var requests = new (string Url, Dictionary<string, string>? Form)[]
            {
                ($"/Expectations/Edit/{keep}", null),
                ($"/Expectations/Row/{keep}", null),
                ($"/Expectations/Edit/{gone}", null),
                ($"/Expectations/Row/{gone}", null),
                ($"/Expectations?handler=Move&id={keep}&up=false", []),
                ($"/Expectations?handler=Remove&id={keep}", []),
                ($"/Expectations/Edit/{keep}", new() { ["Input.Need"] = "Taken over", ["Input.Action"] = "Taken over", ["Input.Frequency"] = "Daily", ["Input.Version"] = "1" }),
                ($"/Expectations/Row/{keep}?handler=Did", new() { ["Input.Note"] = "Not mine" }),
                ($"/Expectations/Row/{keep}?handler=Noticed&followThroughId={followThrough}", []),
                ($"/Expectations/History?handler=Restore&id={gone}", []),
            };

            foreach (var (url, form) in requests)
            {
                var response = form is null ? await browser.GetAsync(url) : await PostAsync(browser, home, url, form);
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    failures.Add($"{(form is null ? "GET" : "POST")} {url}: {(int)response.StatusCode}");
                }
            }
        }

        var routes = PageRoutes.All(app.Services).Where(r => r.StartsWith("/Expectations", StringComparison.Ordinal)).ToList();
        Assert.Empty(failures);
        Assert.All(routes, r => Assert.Contains(r, KnownRoutes));
        Assert.Equal(["Need with " + Canary], (await ServiceAsync(s => s.GetTableAsync(b.Id)))!.Rows.Select(r => r.Need));
        Assert.Single((await app.WithServiceAsync((FollowThroughService s) => s.GetRowAsync(b.Id, keep)))!.Recent, f => f.NoticedAt is null);
        Assert.Equal(1, await app.WithDbAsync(db => db.Expectations.CountAsync(e => e.Id == gone && e.RemovedAt != null)));
    }

    [Fact]
    public async Task AnotherCouplesWordsNeverReachYourPages()
    {
        var (a, b) = await app.CreateCoupleAsync();
        await SeedAsync(a, b);
        var (c, _) = await app.CreateCoupleAsync();
        var outsider = await app.SignInAsync(c);
        var partner = await app.SignInAsync(b);

        var seen = new List<string>();
        foreach (var url in new[] { "/", "/Expectations", "/Expectations/History", "/Expectations/Add" })
        {
            seen.Add((await outsider.GetPageAsync(url)).Html);
        }

        Assert.All(seen, html => Assert.DoesNotContain(Canary, html, StringComparison.Ordinal));
        Assert.Contains(Canary, (await partner.GetPageAsync("/Expectations")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormerPartnerReadsTheClosedTableButCannotChangeIt()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var (keep, _, _) = await SeedAsync(a, b);
        await app.WithServiceAsync<Result, CoupleService>(c => c.LeaveAsync(a.Id));
        var browser = await app.SignInAsync(b);

        var table = await browser.GetPageAsync("/Expectations");
        var row = await browser.GetPageAsync($"/Expectations/Row/{keep}");
        var history = await browser.GetPageAsync("/Expectations/History");
        var edit = await browser.GetAsync($"/Expectations/Edit/{keep}");
        var add = await browser.GetAsync("/Expectations/Add");

        Assert.Contains("Your couple has closed", table.Text, StringComparison.Ordinal);
        Assert.Contains(Canary, table.Document.QuerySelector("#expectations")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(table.Document.QuerySelectorAll("main form"));
        Assert.Empty(row.Document.QuerySelectorAll("main form"));
        Assert.Empty(history.Document.QuerySelectorAll("main form"));
        Assert.Contains("removed a row", history.Text, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (edit.StatusCode, add.StatusCode));
    }

    private async Task<(int Keep, int Gone, int FollowThrough)> SeedAsync(TestUser a, TestUser b)
    {
        var keep = (await ServiceAsync(s => s.AddAsync(a.Id, new ExpectationContent("Need with " + Canary, "Action with " + Canary, ExpectationFrequency.Daily, null)))).Value;
        var gone = (await ServiceAsync(s => s.AddAsync(b.Id, new ExpectationContent("Removed need", "Removed action", ExpectationFrequency.Monthly, null)))).Value;
        await ServiceAsync(s => s.RemoveAsync(b.Id, gone));
        await app.WithServiceAsync((FollowThroughService s) => s.RecordFollowThroughAsync(a.Id, keep, "Note with " + Canary));
        var followThrough = (await app.WithServiceAsync((FollowThroughService s) => s.GetRowAsync(a.Id, keep)))!.Recent.Single().Id;
        return (keep, gone, followThrough);
    }

    // Posts with the person's own antiforgery token (taken from the sign-out form on the More page).
    private static Task<HttpResponseMessage> PostAsync(HttpClient browser, HtmlPage page, string url, Dictionary<string, string> fields)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>("#borrowed-form, form[action='/Account/Logout']")!;
        form.Id = "borrowed-form";
        form.SetAttribute("action", url);
        return browser.SubmitAsync(page, "#borrowed-form", fields);
    }

    private Task<T> ServiceAsync<T>(Func<ExpectationService, Task<T>> action) => app.WithServiceAsync(action);
}

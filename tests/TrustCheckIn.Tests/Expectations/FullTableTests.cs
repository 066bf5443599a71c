using System.Net;
using TrustCheckIn.Expectations;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Expectations;

public sealed class FullTableTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task TheAddPageOfAFullTableSaysTheTableIsFull()
    {
        var (a, _) = await app.CreateCoupleAsync();
        for (var i = 0; i < ExpectationService.MaxRows; i++)
        {
            await app.WithServiceAsync<Common.Result<int>, ExpectationService>(s => s.AddAsync(a.Id, new ExpectationContent($"Need {i}", $"Action {i}", ExpectationFrequency.Weekly, null)));
        }

        var browser = await app.SignInAsync(a);
        var page = await browser.GetPageAsync("/Expectations/Add");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal(ExpectationService.TableFullMessage, page.Document.QuerySelector("#table-full")!.TextContent);
        Assert.Null(page.Document.QuerySelector("#add-form"));
        Assert.DoesNotContain("someone else", page.Text, StringComparison.Ordinal);
    }
}

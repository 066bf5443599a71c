using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Expectations;

public static class ExpectationSeeding
{
    // Ana adds the starter rows; then both partners open the edit form of the first one.
    public static async Task<(HttpClient A, HttpClient B, HtmlPage AEdit, HtmlPage BEdit)> BothEditingOneRowAsync(this TestApp app)
    {
        var (a, b) = await app.CreateCoupleAsync("Ana", "Ben");
        var aBrowser = await app.SignInAsync(a);
        var bBrowser = await app.SignInAsync(b);
        await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/Expectations"), "#starter-start-form");
        var editUrl = (await aBrowser.GetPageAsync("/Expectations")).Document.QuerySelector("#expectations a[href^='/Expectations/Edit/']")!.GetAttribute("href")!;
        return (aBrowser, bBrowser, await aBrowser.GetPageAsync(editUrl), await bBrowser.GetPageAsync(editUrl));
    }
}

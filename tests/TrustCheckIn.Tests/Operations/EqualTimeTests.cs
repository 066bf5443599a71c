using System.Diagnostics;
using TrustCheckIn.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TrustCheckIn.Tests.Operations;

// Whether an account exists must not show in how long the answer takes. Measured as a ratio of medians over
// interleaved tries, so a busy machine slows both sides alike. What would give an account away is a password
// hash done on one side only (tens of milliseconds); a gap of a few milliseconds between answers that take a
// few milliseconds is the scheduler of a busy machine, so a ratio counts only above that floor.
public sealed class EqualTimeTests(TestApp app, ITestOutputHelper output) : IClassFixture<TestApp>
{
    private const int Tries = 30;
    private const double MaximumRatio = 1.5;
    private const double NoiseMilliseconds = 5;

    [Fact]
    public async Task SignInTakesAsLongForAnUnknownAddressAsForAWrongPassword()
    {
        var known = await app.CreateUserAsync();
        var browser = app.CreateBrowser();
        var login = await browser.GetPageAsync("/Account/Login");
        Task<HttpResponseMessage> Attempt(string email) =>
            browser.SubmitAsync(login, "#login-form", new() { ["Input.Email"] = email, ["Input.Password"] = "not the password at all" });

        var (existing, unknown) = await MedianMillisecondsAsync(
            () => Attempt(known.Email),
            () => Attempt($"{Guid.NewGuid():N}@example.test"));

        AssertSimilar(existing, unknown);
    }

    [Fact]
    public async Task RegistrationTakesAsLongForATakenAddressAsForANewOne()
    {
        var taken = await app.CreateUserAsync();
        var browser = app.CreateBrowser(followRedirects: false);
        var register = await browser.GetPageAsync("/Account/Register");
        Task<HttpResponseMessage> Attempt(string email) =>
            browser.SubmitAsync(register, "#register-form", new()
            {
                ["Input.DisplayName"] = "Sam", ["Input.Email"] = email, ["Input.Password"] = TestApp.Password, ["Input.ConfirmPassword"] = TestApp.Password,
            });

        var (existing, fresh) = await MedianMillisecondsAsync(
            () => Attempt(taken.Email),
            () => Attempt($"{Guid.NewGuid():N}@example.test"));

        AssertSimilar(existing, fresh);
    }

    private void AssertSimilar(double a, double b)
    {
        var ratio = Math.Max(a, b) / Math.Min(a, b);
        output.WriteLine($"Medians {a:F1} ms and {b:F1} ms: {ratio:F2}x");
        Assert.True(ratio <= MaximumRatio || Math.Abs(a - b) <= NoiseMilliseconds, $"Medians {a:F1} ms and {b:F1} ms differ by {ratio:F2}x.");
    }

    private async Task<(double First, double Second)> MedianMillisecondsAsync(Func<Task<HttpResponseMessage>> first, Func<Task<HttpResponseMessage>> second)
    {
        // One untimed round warms both paths (compiled views, the dummy hash, connection pools).
        await TimeAsync(first);
        await TimeAsync(second);
        var a = new List<double>();
        var b = new List<double>();
        for (var i = 0; i < Tries; i++)
        {
            a.Add(await TimeAsync(first));
            b.Add(await TimeAsync(second));
        }

        return (Median(a), Median(b));
    }

    // The answer's own time: the work the previous try left in the background queue is finished first.
    private async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> attempt)
    {
        app.WaitForBackgroundWork();
        var clock = Stopwatch.StartNew();
        using var response = await attempt();
        clock.Stop();
        Assert.True(response.IsSuccessStatusCode || (int)response.StatusCode == 302, $"Answered {(int)response.StatusCode}.");
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return (values[values.Count / 2] + values[(values.Count - 1) / 2]) / 2;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrustCheckIn.Accounts;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Couples;

// The pages a partner opens most, timed for a couple with a short and a long history. Pages read only what
// they show (paged history, SQL aggregates), so the long history should cost about the same.
// usage: dotnet run -c Release --project bench/TrustCheckIn.Bench [requests per page]
internal static class Benchmark
{
    public static async Task Main(string[] args)
    {
        var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        string[] pages = ["/", "/CheckIns", "/CheckIns/History", "/Expectations", "/Feelings"];
        Console.WriteLine($"{"history",8} {"page",-20} {"mean ms",8} {"p95 ms",8}");
        foreach (var weeks in new[] { 4, 156 })
        {
            using var app = new BenchApp(weeks);
            var client = await app.SeedAndSignInAsync();
            foreach (var page in pages)
            {
                for (var i = 0; i < 20; i++)
                {
                    (await client.GetAsync(page)).EnsureSuccessStatusCode();
                }

                var timings = new List<double>(requests);
                for (var i = 0; i < requests; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    (await client.GetAsync(page)).EnsureSuccessStatusCode();
                    timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                timings.Sort();
                Console.WriteLine($"{weeks + " wk",8} {page,-20} {timings.Average(),8:0.00} {timings[(int)(timings.Count * 0.95)],8:0.00}");
            }
        }
    }
}

internal sealed partial class BenchApp(int weeks) : WebApplicationFactory<Program>
{
    private const string Password = "a calm and long passphrase";
    private readonly string folder = Directory.CreateTempSubdirectory("trustcheckin-bench-").FullName;
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow.AddDays(-7 * weeks));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot("src/TrustCheckIn.Web", "TrustCheckIn.sln");
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(folder, "bench.db")}");
        builder.UseSetting("DataFolder", folder);
        builder.UseSetting("App:BaseUrl", "https://bench.test");
        builder.UseSetting("Reminders:Enabled", "false");
        builder.UseSetting("RateLimits:SensitivePostsPerMinute", "100000");
        builder.UseSetting("RateLimits:PerAccountPerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
    }

    // Two partners who have both checked in every week for the chosen number of weeks.
    public async Task<HttpClient> SeedAndSignInAsync()
    {
        var email = $"a-{Guid.NewGuid():N}@example.test";
        string a, b;
        await using (var scope = Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            a = await RegisterAsync(services, "Alex", email);
            b = await RegisterAsync(services, "Jo", $"b-{Guid.NewGuid():N}@example.test");
            var couples = services.GetRequiredService<CoupleService>();
            var invitation = await couples.CreateInvitationAsync(a, new CheckInSchedule("Europe/London", DayOfWeek.Sunday));
            await couples.AcceptAsync(b, invitation.Value!.Code);
        }

        for (var week = 0; week < weeks; week++)
        {
            await using var scope = Services.CreateAsyncScope();
            var checkIns = scope.ServiceProvider.GetRequiredService<CheckInService>();
            var key = (await checkIns.GetThisWeekAsync(a))!.Week.Key;
            await checkIns.SubmitAsync(a, key, new CheckInAnswers(new Ratings(4, 3, 4, 5, 4), "A good walk together.", null, null));
            await checkIns.SubmitAsync(b, key, new CheckInAnswers(new Ratings(3, 4, 4, 3, 5), "Dinner with friends.", null, null));
            clock.Advance(TimeSpan.FromDays(7));
        }

        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://bench.test") });
        var login = await client.GetStringAsync("/Account/Login");
        var token = Token().Match(login).Groups[1].Value;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        response.EnsureSuccessStatusCode();
        return client;
    }

    private static async Task<string> RegisterAsync(IServiceProvider services, string name, string email)
    {
        var registration = await services.GetRequiredService<AccountService>().RegisterAsync(name, email, Password, asTherapist: false);
        var users = services.GetRequiredService<UserManager<AppUser>>();
        await users.ConfirmEmailAsync(registration.User!, await users.GenerateEmailConfirmationTokenAsync(registration.User!));
        return registration.User!.Id;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

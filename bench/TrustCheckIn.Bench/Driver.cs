using System.Globalization;
using System.Net;
using System.Text;

namespace TrustCheckIn.Bench;

public sealed record DriverOptions(string AppFolder, string WorkFolder, int Couples, int Years, int Rounds, int Seconds, int Connections, int FirstSubmits, int BasePort, int WarmUpSeconds, string? BeforeApp = null, bool BeforePlain = false, string? Postgres = null, string? PagesLike = null);

// A seeded database as the app is pointed at it (environment settings), with the accounts to sign in as.
internal sealed record SeededDatabase(IReadOnlyDictionary<string, string> Settings, BenchAccounts Accounts);

// A page (or a form POST) as one signed-in person (or nobody) opens it, measured with wrk.
internal sealed record Page(string Name, string Actor, string? Url, Func<Target, Task<FormPost>>? Post = null, bool BothDatabases = true, bool Sequential = false);

// One running app (10,000 couples, or only the measured ones) with the measured people signed in.
internal sealed class Target(string name, AppProcess app, BenchAccounts accounts) : IDisposable
{
    public string Name { get; } = name;

    public AppProcess App { get; } = app;

    public BenchAccounts Accounts { get; } = accounts;

    public Dictionary<string, Browser> Browsers { get; } = [];

    public Dictionary<string, string> Urls { get; } = [];

    public Queue<string> FirstSubmitEmails { get; } = new(accounts.FirstSubmitEmails);

    public static async Task<Target> OpenAsync(string name, AppProcess app, BenchAccounts accounts)
    {
        var target = new Target(name, app, accounts);
        target.Browsers["anonymous"] = new Browser(app.Address);
        foreach (var (actor, email) in new[] { ("5-year A", accounts.FiveYears.EmailA), ("4-week A", accounts.FourWeeks.EmailA), ("writer A", accounts.Writer.EmailA) })
        {
            target.Browsers[actor] = new Browser(app.Address);
            await target.Browsers[actor].SignInAsync(email, accounts.Password);
        }

        target.Browsers["therapist"] = new Browser(app.Address);
        await target.Browsers["therapist"].SignInAsync(accounts.TherapistEmail, accounts.Password, accounts.TherapistKey);

        var landing = await target.Browsers["anonymous"].GetPageAsync("/");
        target.Urls["stylesheet"] = landing.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        // The deepest history page: follow "Earlier weeks" to the end.
        var deepest = "/CheckIns/History";
        while ((await target.Browsers["5-year A"].GetPageAsync(deepest)).QuerySelector("#older-weeks")?.GetAttribute("href") is { } older)
        {
            deepest = WebUtility.HtmlDecode(older);
        }

        target.Urls["deepest history"] = deepest;
        return target;
    }

    public void Dispose()
    {
        foreach (var browser in Browsers.Values)
        {
            browser.Dispose();
        }

        App.Dispose();
    }
}

internal static class Driver
{
    private const string Landing = "anonymous landing `/`";
    private const string NoData = "signed-in no-data `/Account/Manage/ChangePassword`";
    private const string SignInPost = "sign-in POST (sequential)";
    private const string FirstSubmit = "first check-in submit POST (sequential)";

    private static readonly string[] PartnerPaths =
        ["/", "/CheckIns", "/CheckIns/History", "deepest history", "/Expectations", "/Feelings", "/Feelings?list=SharedByMe", "/Feelings?list=SharedWithMe", "/Journal"];

    private static List<Page> Pages()
    {
        var pages = new List<Page>
        {
            new(Landing, "anonymous", "/"),
            new("stylesheet, anonymous", "anonymous", "stylesheet"),
            new("stylesheet, signed in", "5-year A", "stylesheet"),
            new(NoData, "5-year A", "/Account/Manage/ChangePassword"),
        };
        pages.AddRange(PartnerPaths.Select(p => new Page($"5-year couple `{p}`", "5-year A", p)));
        pages.AddRange(PartnerPaths.Where(p => p != "deepest history").Select(p => new Page($"4-week couple `{p}`", "4-week A", p, BothDatabases: false)));
        pages.Add(new("therapist dashboard `/Therapist`", "therapist", "/Therapist"));
        pages.Add(new("therapist couple view", "therapist", "therapist couple"));
        // Written as a couple no measured page reads: a round's thousands of follow-throughs on the 5-year couple's row
        // made its expectations page and both therapist pages count more rows every round.
        pages.Add(new("journal entry POST", "writer A", null, async t =>
            Browser.Form(await t.Browsers["writer A"].GetPageAsync("/Journal/New"), "/Journal/New", "#entry-form", new() { ["Input.Text"] = "A benchmark evening: we talked and it went well." })));
        pages.Add(new("follow-through POST", "writer A", null, async t =>
        {
            var url = $"/Expectations/Row/{t.Accounts.Writer.ExpectationId}";
            return Browser.Form(await t.Browsers["writer A"].GetPageAsync(url), url, "#did-form", new() { ["Input.Note"] = "Done on time." });
        }));
        pages.Add(new(SignInPost, "", null, Sequential: true));
        pages.Add(new(FirstSubmit, "", null, Sequential: true));
        return pages;
    }

    private static string UrlOf(Target target, string url) => url switch
    {
        "therapist couple" => $"/Therapist/Couple/{target.Accounts.FiveYears.CoupleId}",
        _ => target.Urls.GetValueOrDefault(url, url),
    };

    public static async Task<int> RunAsync(DriverOptions options)
    {
        if (options.Postgres is not null && options.BeforeApp is not null)
        {
            throw new InvalidOperationException("--before compares builds on SQLite only: an earlier build may not run on PostgreSQL.");
        }

        Directory.CreateDirectory(options.WorkFolder);
        var pool = (options.Rounds * options.FirstSubmits) + 2;
        var week = CheckIns.IsoWeek.Of(DateOnly.FromDateTime(DateTime.UtcNow)).Key;
        var big = await SeededCopyAsync(options, options.Couples, pool, week, "big");
        // With --before-app the second instance is that build over the same data (with --before-plain the words
        // left readable, as a database was before encryption at rest); otherwise this build over only the measured couples.
        var small = options.BeforeApp is null
            ? await SeededCopyAsync(options, 0, pool, week, "small")
            : await SeededCopyAsync(options, options.Couples, pool, week, "before", plain: options.BeforePlain);

        // The counting instance gets its own copy: a code of the therapist's authenticator works once, so the
        // measured instance must not find the time step the counting sign-in already used.
        var forCounting = await SeededCopyAsync(options, options.Couples, pool, week, "count");

        // --pages TEXT measures only the pages whose names contain it, beside the two the ratios are taken to.
        var pages = Pages().Where(p => options.PagesLike is not { } like || p.Name is Landing or NoData || p.Name.Contains(like, StringComparison.OrdinalIgnoreCase)).ToList();
        Console.WriteLine("counting SQL statements per page (one request each, EF command log on)");
        Dictionary<string, int> statements;
        using (var counting = await OpenAsync(options, "count", forCounting, options.BasePort + 2, logSql: true))
        {
            statements = await CountStatementsAsync(counting, pages);
        }

        using var onBig = await OpenAsync(options, $"{options.Couples:N0} couples", big, options.BasePort, logSql: false);
        using var onSmall = options.BeforeApp is null
            ? await OpenAsync(options, "measured couples only", small, options.BasePort + 1, logSql: false)
            : await OpenAsync(options with { AppFolder = options.BeforeApp }, "before", small, options.BasePort + 1, logSql: false);
        Target[] targets = [onBig, onSmall];

        Console.WriteLine("warming up");
        var posts = new Dictionary<(string, string), FormPost>();
        foreach (var target in targets)
        {
            foreach (var page in pages.Where(p => p.Post is not null))
            {
                posts[(target.Name, page.Name)] = await page.Post!(target);
            }

            foreach (var page in pages.Where(p => options.WarmUpSeconds > 0 && !p.Sequential && (p.BothDatabases || target == onBig)))
            {
                await MeasureAsync(target, page, posts, options with { Seconds = options.WarmUpSeconds });
            }

            await SequentialAsync(target, 1);
        }

        var results = new Dictionary<(string Target, string Page), List<Measurement>>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            Console.WriteLine($"round {round} of {options.Rounds}");
            foreach (var page in pages)
            {
                foreach (var target in targets.Where(t => page.BothDatabases || t == onBig))
                {
                    if (page.Sequential)
                    {
                        if (page.Name == SignInPost)
                        {
                            var (signIn, submit) = await SequentialAsync(target, options.FirstSubmits);
                            Add(results, (target.Name, SignInPost), signIn);
                            Add(results, (target.Name, FirstSubmit), submit);
                        }

                        continue;
                    }

                    var measured = await MeasureAsync(target, page, posts, options);
                    Add(results, (target.Name, page.Name), measured);
                    Console.WriteLine($"  {target.Name,-22} {page.Name,-55} {measured.CpuMsPerRequest,8:0.000} ms CPU/req {measured.RequestsPerSecond,9:0} req/s  p99 {measured.P99Ms,7:0.0} ms  errors {measured.Errors}");
                }
            }
        }

        var report = Report(options, pages, statements, results, onBig.Name, onSmall.Name);
        Console.WriteLine();
        Console.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(options.WorkFolder, "latest.md"), report);
        var errors = results.Values.SelectMany(m => m).Sum(m => m.Errors);
        if (errors > 0)
        {
            Console.Error.WriteLine($"{errors} requests failed (non-2xx/3xx answers, socket errors or no answer within 10 s).");
        }

        return errors == 0 ? 0 : 1;
    }

    private static void Add(Dictionary<(string, string), List<Measurement>> results, (string, string) key, Measurement measurement)
    {
        if (!results.TryGetValue(key, out var list))
        {
            results[key] = list = [];
        }

        list.Add(measurement);
    }

    // The seeded SQLite file is kept per scale and week (and on PostgreSQL a database copied from it); every run
    // gets a fresh copy of it, because the POSTs write.
    private static async Task<SeededDatabase> SeededCopyAsync(DriverOptions options, int couples, int pool, int week, string name, bool plain = false)
    {
        var seed = $"seed{Seeder.Version}-{couples}x{options.Years}-pool{pool}-week{week}{(plain ? "-plain" : "")}";
        var cached = Path.Combine(options.WorkFolder, seed + ".db");
        var fresh = !File.Exists(cached) || !File.Exists(Seeder.AccountsFile(cached));
        if (fresh)
        {
            Console.WriteLine($"seeding {cached}");
            await Seeder.SeedAsync(cached, couples, options.Years, pool, plain);
        }
        else
        {
            await Seeder.UpToDateAsync(cached, plain);
        }

        var copy = Path.Combine(options.WorkFolder, $"run-{name}.db");
        CopyFolder(Seeder.KeyFolder(cached), Seeder.KeyFolder(copy));
        var accounts = BenchAccounts.Read(Seeder.AccountsFile(cached));
        if (options.Postgres is { } server)
        {
            var seeded = seed.Replace('-', '_');
            if (fresh || !await PostgresCopy.ExistsAsync(server, seeded))
            {
                Console.WriteLine($"copying {cached} into PostgreSQL database {seeded}");
                await PostgresCopy.CopyAsync(cached, server, seeded, Seeder.KeyRing(Seeder.KeyFolder(cached)));
            }
            else
            {
                await PostgresCopy.UpToDateAsync(server, seeded, Seeder.KeyRing(Seeder.KeyFolder(cached)), plain);
            }

            var database = $"run_{name}";
            await PostgresCopy.CloneAsync(server, seeded, database);
            return new(new Dictionary<string, string>
            {
                ["Database__Provider"] = "PostgreSQL",
                ["ConnectionStrings__Default"] = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString,
                // The seeded words' keys stay in their folder: one instance per database here.
                ["Database__SharedKeys"] = "false",
                ["Encryption__KeyFolder"] = Seeder.KeyFolder(copy),
            }, accounts);
        }

        foreach (var file in new[] { copy, copy + "-wal", copy + "-shm" })
        {
            File.Delete(file);
        }

        File.Copy(cached, copy);
        return new(new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = $"Data Source={copy}",
            ["Encryption__KeyFolder"] = Seeder.KeyFolder(copy),
        }, accounts);
    }

    private static void CopyFolder(string from, string to)
    {
        if (Directory.Exists(to))
        {
            Directory.Delete(to, recursive: true);
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.Exists(from) ? Directory.GetFiles(from) : [])
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private static async Task<Target> OpenAsync(DriverOptions options, string name, SeededDatabase seeded, int port, bool logSql)
    {
        var app = await AppProcess.StartAsync(options.AppFolder, seeded.Settings, Path.Combine(options.WorkFolder, $"data-{port}"), port, logSql);
        return await Target.OpenAsync(name, app, seeded.Accounts);
    }

    private static async Task<Measurement> MeasureAsync(Target target, Page page, Dictionary<(string, string), FormPost> posts, DriverOptions options)
    {
        var browser = target.Browsers[page.Actor];
        var post = page.Post is null ? null : posts[(target.Name, page.Name)];
        var url = page.Url is null ? post!.Url : UrlOf(target, page.Url);
        var check = await browser.SendAsync(post is null ? HttpMethod.Get : HttpMethod.Post, url, post?.Body);
        var expected = post is null ? HttpStatusCode.OK : HttpStatusCode.Redirect;
        if (check.StatusCode != expected || (post is not null && check.Headers.Location?.OriginalString.Contains("Login", StringComparison.Ordinal) == true))
        {
            throw new InvalidOperationException($"{target.Name}: {page.Name} answered {(int)check.StatusCode} {check.Headers.Location}, not {(int)expected}.");
        }

        return await Wrk.RunAsync(target.App, url, page.Actor == "anonymous" ? null : browser.CookieHeader, post, options.Connections, options.Seconds, options.WorkFolder);
    }

    // Sign-ins and first check-ins one after another (each person's first of the week happens once).
    private static async Task<(Measurement SignIn, Measurement Submit)> SequentialAsync(Target target, int people)
    {
        var browsers = Enumerable.Range(0, people).Select(_ => (Email: target.FirstSubmitEmails.Dequeue(), Browser: new Browser(target.App.Address))).ToList();
        var logins = new List<FormPost>();
        foreach (var (email, browser) in browsers)
        {
            logins.Add(Browser.Form(await browser.GetPageAsync("/Account/Login"), "/Account/Login", "#login-form",
                new() { ["Input.Email"] = email, ["Input.Password"] = target.Accounts.Password }));
        }

        var signIn = await TimedAsync(target, browsers.Select((b, i) => (b.Browser, logins[i])).ToList());
        var forms = new List<FormPost>();
        foreach (var (_, browser) in browsers)
        {
            forms.Add(Browser.Form(await browser.GetPageAsync("/CheckIns"), "/CheckIns", "#checkin-form", new() { ["Input.WentWell"] = "We made time to talk." }));
        }

        var submit = await TimedAsync(target, browsers.Select((b, i) => (b.Browser, forms[i])).ToList());
        browsers.ForEach(b => b.Browser.Dispose());
        return (signIn, submit);
    }

    private static async Task<Measurement> TimedAsync(Target target, List<(Browser Browser, FormPost Post)> requests)
    {
        var latencies = new List<double>();
        var errors = 0;
        var before = target.App.CpuTime();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var (browser, post) in requests)
        {
            var sent = System.Diagnostics.Stopwatch.GetTimestamp();
            var response = await browser.SubmitAsync(post);
            latencies.Add(System.Diagnostics.Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            errors += response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("Login", StringComparison.Ordinal) != true ? 0 : 1;
        }

        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var cpu = target.App.CpuTime() - before;
        latencies.Sort();
        return new Measurement(cpu.TotalMilliseconds / requests.Count, requests.Count / elapsed.TotalSeconds, Percentile(latencies, 0.5), Percentile(latencies, 0.99), requests.Count, errors);
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];

    private static async Task<Dictionary<string, int>> CountStatementsAsync(Target target, List<Page> pages)
    {
        var counts = new Dictionary<string, int>();
        foreach (var page in pages.Where(p => !p.Sequential))
        {
            var browser = target.Browsers[page.Actor];
            var post = page.Post is null ? null : await page.Post(target);
            var before = await target.App.SettledCommandCountAsync();
            await browser.SendAsync(post is null ? HttpMethod.Get : HttpMethod.Post, page.Url is null ? post!.Url : UrlOf(target, page.Url), post?.Body);
            counts[page.Name] = await target.App.SettledCommandCountAsync() - before;
        }

        // The last account of the pool (the measured apps take theirs from the front).
        using var person = new Browser(target.App.Address);
        var login = Browser.Form(await person.GetPageAsync("/Account/Login"), "/Account/Login", "#login-form",
            new() { ["Input.Email"] = target.Accounts.FirstSubmitEmails[^1], ["Input.Password"] = target.Accounts.Password });
        var beforeSignIn = await target.App.SettledCommandCountAsync();
        await person.SubmitAsync(login);
        counts[SignInPost] = await target.App.SettledCommandCountAsync() - beforeSignIn;
        var checkIn = Browser.Form(await person.GetPageAsync("/CheckIns"), "/CheckIns", "#checkin-form");
        var beforeSubmit = await target.App.SettledCommandCountAsync();
        await person.SubmitAsync(checkIn);
        counts[FirstSubmit] = await target.App.SettledCommandCountAsync() - beforeSubmit;
        return counts;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Report(DriverOptions options, List<Page> pages, Dictionary<string, int> statements, Dictionary<(string Target, string Page), List<Measurement>> results, string big, string small)
    {
        double Cpu(string target, string page) => results.TryGetValue((target, page), out var m) ? Median(m.Select(x => x.CpuMsPerRequest)) : double.NaN;
        double P99(string target, string page) => results.TryGetValue((target, page), out var m) ? Median(m.Select(x => x.P99Ms)) : double.NaN;
        string F(double value, string format = "0.00") => double.IsNaN(value) ? "" : value.ToString(format, CultureInfo.InvariantCulture);

        var landing = Cpu(big, Landing);
        var noData = Cpu(big, NoData);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{options.Couples:N0} couples × {options.Years} years, wrk -c{options.Connections} -d{options.Seconds}s, medians of {options.Rounds} interleaved rounds; ratios to the anonymous landing page and the signed-in no-data page in the same run.");
        text.AppendLine();
        var beforeAfter = options.BeforeApp is not null;
        text.AppendLine(CultureInfo.InvariantCulture, $"| page | SQL | CPU ms/req | × landing | × no-data | req/s | p50 ms | p99 ms | errors | {(!beforeAfter ? "only measured couples" : options.BeforePlain ? "before encryption" : "before")}: CPU ms/req | × |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var page in pages)
        {
            var m = results.GetValueOrDefault((big, page.Name)) ?? [];
            var cpu = Cpu(big, page.Name);
            var alone = page.BothDatabases ? Cpu(small, page.Name) : double.NaN;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {page.Name} | {(statements.TryGetValue(page.Name, out var n) ? n.ToString(CultureInfo.InvariantCulture) : "")} | {F(cpu, "0.000")} | {F(cpu / landing, "0.0")} | {F(cpu / noData, "0.0")} | {F(Median(m.Select(x => x.RequestsPerSecond)), "0")} | {F(Median(m.Select(x => x.P50Ms)))} | {F(Median(m.Select(x => x.P99Ms)))} | {m.Sum(x => x.Errors)} | {F(alone, "0.000")} | {F(cpu / alone)} |");
        }

        text.AppendLine();
        if (options.PagesLike is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Only the pages named like \"{options.PagesLike}\" were measured: the done-when checks need every page.");
            return text.ToString();
        }

        text.AppendLine("Done-when checks (this run):");
        void Check(string what, bool holds) => text.AppendLine(CultureInfo.InvariantCulture, $"- {(holds ? "holds" : "DOES NOT HOLD")}: {what}");
        Check($"signed-in no-data page ≤ 3× landing ({F(noData / landing)}×)", noData / landing <= 3);
        var cssRatio = Cpu(big, "stylesheet, signed in") / Cpu(big, "stylesheet, anonymous");
        Check($"signed-in stylesheet ≤ 1.5× anonymous ({F(cssRatio)}×)", cssRatio <= 1.5);
        var partnerAndTherapist = pages.Where(p => p.Name.StartsWith("5-year", StringComparison.Ordinal) || p.Name.StartsWith("therapist", StringComparison.Ordinal)).ToList();
        var worst = partnerAndTherapist.MaxBy(p => Cpu(big, p.Name))!;
        Check($"every partner and therapist page ≤ 10× landing (worst {worst.Name}: {F(Cpu(big, worst.Name) / landing, "0.0")}×)", partnerAndTherapist.All(p => Cpu(big, p.Name) / landing <= 10));
        if (beforeAfter && options.BeforePlain)
        {
            var partner = pages.Where(p => p.Name.StartsWith("5-year", StringComparison.Ordinal)).ToList();
            var worstBefore = partner.MaxBy(p => Cpu(big, p.Name) / Cpu(small, p.Name))!;
            Check($"each partner page ≤ 1.10× its cost before encryption (worst {worstBefore.Name}: {F(Cpu(big, worstBefore.Name) / Cpu(small, worstBefore.Name))}×)",
                partner.All(p => Cpu(big, p.Name) / Cpu(small, p.Name) <= 1.10));
        }
        else if (!beforeAfter)
        {
            var worstAlone = partnerAndTherapist.MaxBy(p => Cpu(big, p.Name) / Cpu(small, p.Name))!;
            Check($"each page with {options.Couples:N0} other couples ≤ 1.15× only the measured couples (worst {worstAlone.Name}: {F(Cpu(big, worstAlone.Name) / Cpu(small, worstAlone.Name))}×)",
                partnerAndTherapist.All(p => Cpu(big, p.Name) / Cpu(small, p.Name) <= 1.15));
        }
        var paired = PartnerPaths.Where(p => p != "deepest history").Select(p => (p, Ratio: Cpu(big, $"5-year couple `{p}`") / Cpu(big, $"4-week couple `{p}`"))).ToList();
        var worstPair = paired.MaxBy(p => p.Ratio);
        Check($"a 5-year couple's page ≤ 1.15× a 4-week couple's (worst `{worstPair.p}`: {F(worstPair.Ratio)}×)", paired.All(p => p.Ratio <= 1.15));
        var depth = Cpu(big, "5-year couple `deepest history`") / Cpu(big, "5-year couple `/CheckIns/History`");
        Check($"deepest history page ≤ 1.10× the first ({F(depth)}×)", depth <= 1.10);
        var partnerStatements = pages.Where(p => p.Name.Contains("couple `", StringComparison.Ordinal) && statements.ContainsKey(p.Name)).Max(p => statements[p.Name]);
        var therapistStatements = pages.Where(p => p.Name.StartsWith("therapist", StringComparison.Ordinal)).Max(p => statements.GetValueOrDefault(p.Name));
        Check($"partner pages ≤ 5 SQL statements (most: {partnerStatements}), therapist pages ≤ 8 (most: {therapistStatements})", partnerStatements <= 5 && therapistStatements <= 8);
        var p99 = P99(big, "5-year couple `/`") / P99(big, NoData);
        var errors = results.Values.SelectMany(m => m).Sum(m => m.Errors);
        Check($"home p99 ≤ 3× the no-data page's p99 ({F(p99)}×), 0 errors ({errors})", p99 <= 3 && errors == 0);
        return text.ToString();
    }
}

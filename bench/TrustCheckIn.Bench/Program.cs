using System.Globalization;
using TrustCheckIn.Bench;

// usage: seed --db FILE [--couples N] [--years Y] [--first-submits K]
//        run --app PUBLISHED_APP_FOLDER --work FOLDER [--couples N] [--years Y] [--rounds R] [--duration S] [--connections C] [--first-submits K] [--port P] [--warm-up S] [--before-app FOLDER [--before-plain yes]] [--postgres SERVER_CONNECTION_STRING] [--pages TEXT]
var command = args.FirstOrDefault() ?? "";
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

int Number(string name, int fallback) => options.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
string Text(string name) => options.TryGetValue(name, out var text) ? Path.GetFullPath(text) : throw new ArgumentException($"--{name} is required.");

switch (command)
{
    case "seed":
        await Seeder.SeedAsync(Text("db"), Number("couples", 10_000), Number("years", 5), Number("first-submits", 20));
        return 0;
    case "run":
        // Caught here so that the started app processes are disposed (stopped) on the way out.
        try
        {
            return await Driver.RunAsync(new DriverOptions(Text("app"), Text("work"), Number("couples", 10_000), Number("years", 5), Number("rounds", 3),
                Number("duration", 5), Number("connections", 16), Number("first-submits", 20), Number("port", 18510), Number("warm-up", 1),
                options.ContainsKey("before-app") ? Text("before-app") : null, options.GetValueOrDefault("before-plain") == "yes",
                options.GetValueOrDefault("postgres"), options.GetValueOrDefault("pages")));
        }
        catch (InvalidOperationException failure)
        {
            Console.Error.WriteLine($"The benchmark stopped: {failure}");
            return 1;
        }

    default:
        Console.Error.WriteLine("usage: TrustCheckIn.Bench seed --db FILE [--couples N] [--years Y] | run --app FOLDER --work FOLDER [--couples N] [--years Y] [--rounds R] [--duration S]");
        return 2;
}

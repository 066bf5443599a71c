using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TrustCheckIn.Tests.Infrastructure;

// Records every SQL statement EF Core runs inside an HTTP request, with the request that ran it, per
// database (a SQLite file's full path, a PostgreSQL database's name). Listens to the framework's own diagnostic events, so the app under test is not changed.
public static partial class SqlCapture
{
    public sealed record Statement(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    public sealed class Request(string page)
    {
        public string Page { get; } = page;

        public ConcurrentQueue<Statement> Statements { get; } = new();
    }

    private const string RequestProperty = "TrustCheckIn.Tests.Request";

    // Tables whose size is fixed by the app, not by its users: scanning them is fine.
    // The Data Protection key ring (shared keys) gains one key every 90 days and is read whole by design.
    private static readonly HashSet<string> FixedTables = ["AspNetRoles", "__EFMigrationsHistory", "__EFMigrationsLock", "DataProtectionKeys"];

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<Request>> Requests = new(StringComparer.Ordinal);

    private static readonly Lazy<IDisposable> Subscription = new(() => DiagnosticListener.AllListeners.Subscribe(new ListenerObserver()));

    public static void Start() => _ = Subscription.Value;

    public static IReadOnlyList<Request> RequestsOn(string database) =>
        Requests.TryGetValue(database, out var requests) ? [.. requests] : [];

    public static string KeyOf(DbConnection connection) =>
        connection is SqliteConnection sqlite ? Path.GetFullPath(sqlite.DataSource) : connection.Database;

    public static ConcurrentQueue<string> FullScansFound { get; } = new();

    public static int StatementsChecked => statementsChecked;

    private static int statementsChecked;

    // Every distinct statement run by a request on this database, through EXPLAIN QUERY PLAN: one line per
    // full scan of a table that grows with users or entries, naming the statement and the page.
    public static void Check(string databasePath)
    {
        foreach (var finding in FullScans(databasePath))
        {
            FullScansFound.Enqueue(finding);
        }

        Forget(Path.GetFullPath(databasePath));
    }

    public static void Forget(string database) => Requests.TryRemove(database, out _);

    public static List<string> FullScans(string databasePath)
    {
        var findings = new List<string>();
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new HashSet<string>(StringComparer.Ordinal);
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in RequestsOn(databasePath))
        {
            foreach (var statement in request.Statements.Where(s => seen.Add(s.Sql)))
            {
                Interlocked.Increment(ref statementsChecked);
                findings.AddRange(ScansIn(connection, tables, statement).Select(scan => $"{request.Page}: {scan}"));
            }
        }

        return findings;
    }

    public static IEnumerable<string> ScansIn(SqliteConnection connection, IReadOnlySet<string> tables, Statement statement)
    {
        var aliases = AliasPattern().Matches(statement.Sql).ToDictionary(m => m.Groups["alias"].Value, m => m.Groups["table"].Value, StringComparer.Ordinal);
        foreach (var (sql, detail) in PlanOf(connection, statement))
        {
            if (ScanTarget().Match(detail) is { Success: true } scan)
            {
                var target = scan.Groups["name"].Value;
                var table = aliases.GetValueOrDefault(target) ?? (tables.Contains(target) ? target : null);
                if (table is not null && tables.Contains(table) && !FixedTables.Contains(table))
                {
                    yield return $"{detail} (table {table}) in\n    {sql.ReplaceLineEndings(" ")}";
                }
            }
        }
    }

    // SQLite's EXPLAIN QUERY PLAN of each part of a statement, one detail line ("SEARCH … USING INDEX …") at a time.
    public static IEnumerable<(string Sql, string Detail)> PlanOf(SqliteConnection connection, Statement statement)
    {
        // A constant-false WHERE (EF's answer to an empty list) is decided before SQLite opens the table.
        foreach (var sql in StatementEnd().Split(statement.Sql).Select(s => s.Trim()).Where(s => s.Length > 0 && !NotPlanned().IsMatch(s) && !NeverTrue().IsMatch(s)))
        {
            using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in statement.Parameters.Where(p => sql.Contains(p.Name, StringComparison.Ordinal)))
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            using var reader = explain.ExecuteReader();
            while (reader.Read())
            {
                yield return (sql, reader.GetString(3));
            }
        }
    }

    [GeneratedRegex("\"(?<table>\\w+)\" AS \"(?<alias>\\w+)\"")]
    private static partial Regex AliasPattern();

    [GeneratedRegex(@";\s*(\r?\n|$)")]
    private static partial Regex StatementEnd();

    [GeneratedRegex(@"^(PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotPlanned();

    [GeneratedRegex(@"\bWHERE 0\s*$")]
    private static partial Regex NeverTrue();

    [GeneratedRegex(@"^SCAN (?<name>\w+)")]
    private static partial Regex ScanTarget();

    private sealed class ListenerObserver : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.AspNetCore")
            {
                listener.Subscribe(new EventObserver(), name => name.StartsWith("Microsoft.AspNetCore.Hosting.HttpRequestIn", StringComparison.Ordinal));
            }
            else if (listener.Name == DbLoggerCategory.Name)
            {
                listener.Subscribe(new EventObserver(), name => name == RelationalEventId.CommandExecuted.Name);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class EventObserver : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is HttpContext http && value.Key.EndsWith(".Start", StringComparison.Ordinal) && Activity.Current is { } started)
            {
                started.SetCustomProperty(RequestProperty, new Request($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}"));
            }
            else if (value.Value is CommandExecutedEventData { Command: { Connection: { } connection } command } && CurrentRequest() is { } request)
            {
                request.Statements.Enqueue(new Statement(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
                var queue = Requests.GetOrAdd(KeyOf(connection), _ => new ConcurrentQueue<Request>());
                if (request.Statements.Count == 1)
                {
                    queue.Enqueue(request);
                }
            }
        }

        private static Request? CurrentRequest()
        {
            for (var activity = Activity.Current; activity is not null; activity = activity.Parent)
            {
                if (activity.GetCustomProperty(RequestProperty) is Request request)
                {
                    return request;
                }
            }

            return null;
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}

using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TrustCheckIn.Accounts;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Couples;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using TrustCheckIn.Data;
using TrustCheckIn.Data.Encryption;
using TrustCheckIn.Expectations;
using TrustCheckIn.Feelings;
using TrustCheckIn.Journal;
using TrustCheckIn.Therapy;

namespace TrustCheckIn.Bench;

public sealed record BenchCouple(string EmailA, string EmailB, int CoupleId, int ExpectationId, int Weeks);

// Writer is the couple the benchmark's POSTs write as: linked to no therapist and measured on no page, so the run's own
// writes never change what a measured page reads.
public sealed record BenchAccounts(
    string Password, BenchCouple FiveYears, BenchCouple OneYear, BenchCouple FourWeeks, BenchCouple Writer,
    string TherapistEmail, string TherapistKey, IReadOnlyList<string> FirstSubmitEmails, int BackgroundCouples)
{
    public static BenchAccounts Read(string path) => JsonSerializer.Deserialize<BenchAccounts>(File.ReadAllText(path))!;
}

// Fills a fresh database (the app's own migrations) with N couples × Y years of weekly check-ins, "I feel"
// statements, journal entries and follow-throughs in bulk, plus the accounts the driver signs in as.
internal static class Seeder
{
    public const string Password = "a calm and long bench passphrase";

    // Part of the seeded file's name: a change to what is seeded must not reuse a file seeded the old way.
    public const int Version = 2;

    private const int RowsPerTransaction = 50_000;

    private static readonly string[] Texts =
    [
        "We cooked together on Sunday and it felt easy again.",
        "I noticed you put your phone away at dinner, thank you.",
        "Work has been heavy and I have been quieter than I want to be.",
        "I will ask before making plans for the weekend.",
        "Walking after work helped us talk without rushing.",
        "I am still thinking about what was said on Thursday.",
        "One small thing: text when I am running late.",
        "We laughed a lot on the drive to your parents.",
    ];

    public static async Task<BenchAccounts> SeedAsync(string databasePath, int couples, int years, int firstSubmitCouples, bool plain = false)
    {
        var clock = Stopwatch.StartNew();
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        var connectionString = $"Data Source={databasePath};Pooling=False";
        var keys = KeyRingFor(databasePath);
        await using var db = ContextFor(connectionString, keys);
        await db.Database.MigrateAsync();

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000; PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=OFF;");
        var seeding = new Seeding(db, connection, DateTime.UtcNow, plain ? null : keys);

        var accounts = seeding.Run(couples, years, firstSubmitCouples);
        seeding.Dispose();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        await RecordSealedAsync(db, plain);
        Console.WriteLine($"seeded {couples} couples × {years} years (+ measured accounts) in {clock.Elapsed.TotalSeconds:0} s: {new FileInfo(databasePath).Length / 1_000_000} MB");
        File.WriteAllText(AccountsFile(databasePath), JsonSerializer.Serialize(accounts, new JsonSerializerOptions { WriteIndented = true }));
        return accounts;
    }

    // A seeded database kept from an earlier run gets the migrations added since; words sealed as the app seals them are
    // recorded as such, so the app's start does not read every row looking for words in the clear.
    public static async Task UpToDateAsync(AppDbContext db, bool plain)
    {
        await db.Database.MigrateAsync();
        await RecordSealedAsync(db, plain);
    }

    private static async Task RecordSealedAsync(AppDbContext db, bool plain)
    {
        if (!plain && !await PlainTextEncryption.IsSealedAsync(db))
        {
            PlainTextEncryption.RecordSealed(db, DateTime.UtcNow);
            await db.SaveChangesAsync();
        }
    }

    public static async Task UpToDateAsync(string databasePath, bool plain)
    {
        await using var db = ContextFor($"Data Source={databasePath};Pooling=False", KeyRing(KeyFolder(databasePath)));
        await UpToDateAsync(db, plain);
    }

    public static AppDbContext ContextFor(string sqliteConnection, TextKeyRing keys) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(sqliteConnection, sqlite => sqlite.MigrationsAssembly("TrustCheckIn.Migrations.Sqlite")).UseTextEncryption(keys).Options);

    public static string AccountsFile(string databasePath) => databasePath + ".accounts.json";

    // The seeded words' data keys and master key live beside the database; the app is pointed at this folder.
    public static string KeyFolder(string databasePath) => databasePath + ".text-keys";

    private static TextKeyRing KeyRingFor(string databasePath)
    {
        var folder = KeyFolder(databasePath);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return KeyRing(folder);
    }

    // The key ring over a key folder, as the app opens it with Encryption:KeyFolder.
    public static TextKeyRing KeyRing(string folder)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Encryption:KeyFolder"] = folder }).Build();
        return new TextKeyRing(configuration, new DataFolder(configuration, Path.GetDirectoryName(Path.GetFullPath(folder))!), TimeProvider.System, NullLogger<TextKeyRing>.Instance);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class Seeding : IDisposable
    {
        private readonly SqliteConnection connection;
        private readonly DateTime now;
        private readonly Random random = new(20261201);
        private readonly string passwordHash;
        private readonly Dictionary<string, string> roleIds = [];
        private readonly BulkTable users, userRoles, userTokens, roles, coupleRows, tables, expectations, checkIns, feelings, journal, followThroughs, profiles, links, consents;
        private readonly List<BulkTable> all;
        private SqliteTransaction transaction;
        private int pending;

        public Seeding(DbContext db, SqliteConnection connection, DateTime now, TextKeyRing? sealWith)
        {
            this.connection = connection;
            this.now = now;
            passwordHash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password);
            roles = new(db, connection, sealWith, typeof(IdentityRole), "Id", "Name", "NormalizedName", "ConcurrencyStamp");
            users = new(db, connection, sealWith, typeof(AppUser), "Id", "DisplayName", "CreatedAt", "TherapistStatus", "LastAuthenticatorTimeStep", "UserName", "NormalizedUserName",
                "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount");
            userRoles = new(db, connection, sealWith, typeof(IdentityUserRole<string>), "UserId", "RoleId");
            userTokens = new(db, connection, sealWith, typeof(IdentityUserToken<string>), "UserId", "LoginProvider", "Name", "Value");
            coupleRows = new(db, connection, sealWith, typeof(Couple), "PartnerAId", "PartnerBId", "TimeZoneId", "CheckInDay", "FormedAt");
            tables = new(db, connection, sealWith, typeof(ExpectationTable), "CoupleId", "ReviewIntervalWeeks", "LastReviewedAt", "Version");
            expectations = new(db, connection, sealWith, typeof(Expectation), "CoupleId", "Need", "Action", "Frequency", "Position", "CreatedAt", "UpdatedAt", "Version");
            checkIns = new(db, connection, sealWith, typeof(CheckIn), "CoupleId", "AuthorId", "WeekKey", "WeekStart", "MonthKey", "Trust", "FeelingHeard", "Connection", "FollowThrough",
                "EmotionalSafety", "WentWell", "OnMyMind", "SmallStep", "SubmittedAt", "UpdatedAt", "SealedAt");
            feelings = new(db, connection, sealWith, typeof(FeelingStatement), "CoupleId", "AuthorId", "Feeling", "Situation", "Need", "CreatedAt", "UpdatedAt", "SharedAt",
                "AcknowledgedAt", "AcknowledgedById", "Reply", "Version");
            journal = new(db, connection, sealWith, typeof(JournalEntry), "AuthorId", "Prompt", "Text", "CreatedAt", "UpdatedAt", "ShareableWithTherapist", "MarkedShareableAt");
            followThroughs = new(db, connection, sealWith, typeof(FollowThrough), "CoupleId", "ExpectationId", "DoneById", "DoneAt", "Note", "NoticedById", "NoticedAt");
            profiles = new(db, connection, sealWith, typeof(TherapistProfile), "UserId", "DisplayName", "PracticeName", "Licence", "LinkCode", "CreatedAt");
            links = new(db, connection, sealWith, typeof(TherapistLink), "CoupleId", "TherapistId", "LinkedById", "LinkedAt");
            consents = new(db, connection, sealWith, typeof(Consent), "LinkId", "PartnerId", "Scopes", "StartsOn", "GrantedAt");
            all = [roles, users, userRoles, userTokens, coupleRows, tables, expectations, checkIns, feelings, journal, followThroughs, profiles, links, consents];
            transaction = connection.BeginTransaction();
            all.ForEach(t => t.Transaction = transaction);
        }

        public BenchAccounts Run(int couples, int years, int firstSubmitCouples)
        {
            foreach (var role in Roles.All)
            {
                roleIds[role] = Guid.NewGuid().ToString();
                roles.Insert(roleIds[role], role, role.ToUpperInvariant(), Guid.NewGuid().ToString());
            }

            var fiveYears = Couple("five-years", 52 * 5, fullFirstPages: true);
            var oneYear = Couple("one-year", 52);
            var fourWeeks = Couple("four-weeks", 4, fullFirstPages: true);
            var writer = Couple("writer", 52);
            var firstSubmit = Enumerable.Range(0, firstSubmitCouples).Select(i => Couple($"first-submit-{i}", 52).EmailA).ToList();
            var (therapistEmail, therapistKey) = Therapist([fiveYears, oneYear, fourWeeks]);
            for (var i = 0; i < couples; i++)
            {
                Couple($"couple-{i}", 52 * years);
                if (i % 1000 == 999)
                {
                    Console.WriteLine($"  {i + 1} couples");
                }
            }

            transaction.Commit();
            return new BenchAccounts(Password, fiveYears, oneYear, fourWeeks, writer, therapistEmail, therapistKey, firstSubmit, couples);
        }

        private string User(string email, string name, TherapistStatus status = TherapistStatus.None, bool twoStep = false)
        {
            var id = Guid.NewGuid().ToString();
            users.Insert(id, name, now.AddYears(-6), status, 0L, email, email.ToUpperInvariant(), email, email.ToUpperInvariant(), true, passwordHash,
                RandomNumberGenerator.GetHexString(32), Guid.NewGuid().ToString(), false, twoStep, true, 0);
            Row();
            return id;
        }

        // fullFirstPages: the measured couples' lists each fill their first page in the last four weeks (shared statements
        // each way, the partner's own journal), so a 5-year and a 4-week couple's pages show the same amount and differ
        // only in the history behind it.
        private BenchCouple Couple(string name, int weeks, bool fullFirstPages = false)
        {
            var (emailA, emailB) = ($"{name}-a@bench.test", $"{name}-b@bench.test");
            var a = User(emailA, $"{name} A");
            var b = User(emailB, $"{name} B");
            userRoles.Insert(a, roleIds[Roles.Partner]);
            userRoles.Insert(b, roleIds[Roles.Partner]);
            var thisWeek = IsoWeek.Of(DateOnly.FromDateTime(now));
            var first = thisWeek.Start.AddDays(-7 * weeks);
            var formedAt = first.ToDateTime(new TimeOnly(9, 0));
            var coupleId = (int)coupleRows.InsertReturningId(a, b, "Europe/London", DayOfWeek.Sunday, formedAt);
            tables.Insert(coupleId, ExpectationTable.DefaultReviewIntervalWeeks, formedAt, 0);
            var rows = new List<int>();
            for (var position = 0; position < 6; position++)
            {
                rows.Add((int)expectations.InsertReturningId(coupleId, "To feel I can rely on you", Texts[position], ExpectationFrequency.Weekly, position, formedAt, formedAt, 0));
            }

            for (var w = 0; w < weeks; w++)
            {
                var week = IsoWeek.Of(first.AddDays(7 * w));
                var day = week.Start.ToDateTime(new TimeOnly(19, 30));
                foreach (var author in new[] { a, b })
                {
                    checkIns.Insert(coupleId, author, week.Key, week.Start, week.MonthKey, Rating(), Rating(), Rating(), Rating(), Rating(),
                        Text(), Text(), Text(), day, day, day.AddHours(1));
                    Row();
                }

                // About 10 "I feel" statements, 20 journal entries and 26 follow-throughs a year.
                if (w % 5 == 0)
                {
                    var author = w % 2 == 0 ? a : b;
                    var shared = w % 3 != 0;
                    var acknowledged = shared && w % 2 == 0;
                    feelings.Insert(coupleId, author, "worried", Text(), Text(), day, day, shared ? day : null, acknowledged ? day.AddDays(1) : null,
                        acknowledged ? (author == a ? b : a) : null, acknowledged ? Text() : null, 1);
                    Row();
                }

                foreach (var author in w % 5 < 2 ? new[] { a, b } : [])
                {
                    journal.Insert(author, w % 2 == 0 ? JournalPrompt.CoreValues : null, string.Join(" ", Texts.OrderBy(_ => random.Next())), day, day, w % 4 == 0, w % 4 == 0 ? day : null);
                    Row();
                }

                if (w % 2 == 0)
                {
                    followThroughs.Insert(coupleId, rows[w % rows.Count], w % 4 == 0 ? a : b, day, w % 6 == 0 ? Text() : null, null, null);
                    Row();
                }
            }

            if (fullFirstPages)
            {
                FillFirstPages(coupleId, a, b, thisWeek.Start.AddDays(-28).ToDateTime(new TimeOnly(20, 0)));
            }

            return new BenchCouple(emailA, emailB, coupleId, rows[0], weeks);
        }

        private void FillFirstPages(int coupleId, string a, string b, DateTime from)
        {
            foreach (var author in new[] { a, b })
            {
                for (var i = 0; i <= FeelingService.PageSize; i++)
                {
                    var at = from.AddHours(25 * i);
                    var acknowledged = i % 2 == 0;
                    feelings.Insert(coupleId, author, "worried", Text(), Text(), at, at, at, acknowledged ? at.AddHours(2) : null,
                        acknowledged ? (author == a ? b : a) : null, acknowledged ? Text() : null, 1);
                    Row();
                }

                for (var i = 0; i <= JournalService.PageSize; i++)
                {
                    var at = from.AddHours(50 * i);
                    journal.Insert(author, i % 2 == 0 ? JournalPrompt.CoreValues : null, string.Join(" ", Texts.OrderBy(_ => random.Next())), at, at, i % 4 == 0, i % 4 == 0 ? at : null);
                    Row();
                }
            }
        }

        private (string Email, string Key) Therapist(IEnumerable<BenchCouple> linked)
        {
            const string email = "therapist@bench.test";
            var id = User(email, "Dr Bench", TherapistStatus.Approved, twoStep: true);
            userRoles.Insert(id, roleIds[Roles.Therapist]);
            var key = Base32(RandomNumberGenerator.GetBytes(20));
            userTokens.Insert(id, "[AspNetUserStore]", "AuthenticatorKey", key);
            profiles.Insert(id, "Dr Bench", "Bench Practice", null, "BENCH23456", now.AddYears(-6));
            foreach (var couple in linked)
            {
                var (a, b) = PartnersOf(couple.CoupleId);
                var linkId = links.InsertReturningId(couple.CoupleId, id, a, now.AddDays(-7 * couple.Weeks));
                foreach (var partner in new[] { a, b })
                {
                    consents.Insert(linkId, partner, ConsentScope.CheckIns | ConsentScope.Feelings | ConsentScope.Journal | ConsentScope.Expectations, null, now.AddDays(-7 * couple.Weeks));
                }
            }

            return (email, key);
        }

        private (string A, string B) PartnersOf(int coupleId)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT PartnerAId, PartnerBId FROM Couples WHERE Id = @id";
            command.Parameters.AddWithValue("@id", coupleId);
            using var reader = command.ExecuteReader();
            reader.Read();
            return (reader.GetString(0), reader.GetString(1));
        }

        private int Rating() => random.Next(1, 6);

        private string Text() => Texts[random.Next(Texts.Length)];

        // One transaction per batch of rows: fast, and the file never holds a half-written batch.
        private void Row()
        {
            if (++pending < RowsPerTransaction)
            {
                return;
            }

            transaction.Commit();
            transaction = connection.BeginTransaction();
            all.ForEach(t => t.Transaction = transaction);
            pending = 0;
        }

        private static string Base32(byte[] bytes)
        {
            const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            var output = new System.Text.StringBuilder();
            for (var bit = 0; bit < bytes.Length * 8; bit += 5)
            {
                var value = 0;
                for (var i = 0; i < 5; i++)
                {
                    var index = bit + i;
                    value = (value << 1) | (index < bytes.Length * 8 ? (bytes[index / 8] >> (7 - (index % 8))) & 1 : 0);
                }

                output.Append(alphabet[value]);
            }

            return output.ToString();
        }

        public void Dispose()
        {
            all.ForEach(t => t.Dispose());
            transaction.Dispose();
        }
    }
}

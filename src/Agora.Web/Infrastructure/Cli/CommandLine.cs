using Agora.OpinionMap;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Infrastructure.Cli;

/// <summary>
/// The executable's subcommands. With none, the app serves. Configuration-style arguments
/// (--Agora:Database:Provider=Postgres) still reach the host in every mode.
/// </summary>
public static class CommandLine
{
    public const string Help = """
        Agora — Sofia's platform for e-government and citizen participation

        Usage: dotnet run --project src/Agora.Web [-- <command>]

        Without a command the portal serves (http://localhost:5080 by default).

        Commands:
          migrate                     apply the database migrations and exit
          seed demo                   add the Sofia demo content (running it twice changes nothing)
          search rebuild              recreate this node's search index from the database (stop the app first)
          repair counters             recount every stored counter (comments, supports, votes, places…) from its rows
                                      and print each one that was wrong: table, id, column, was, now
          seed scale --size small|city [--manifest bench.json]
                                      fill an EMPTY database with generated city-scale data for the benchmark
                                      (bench accounts' password: AGORA_BENCH_PASSWORD, or one is printed)
          admin create --email E      create an administrator; the password is read from standard input
          backup --to FILE            copy the SQLite database to FILE while the portal runs (SQLite's online backup;
                                      never copy the live file). On PostgreSQL use pg_dump (docs/operations.md)
          opinion-map --comments C.csv --votes V.csv --out groups.csv
                                      compute Pol.is-style opinion groups from Pol.is export files
          --help                      show this text

        Configuration (appsettings.json or environment; every setting: docs/operations.md):
          Agora__Database__Provider   Sqlite (default) or Postgres
          ConnectionStrings__Agora    the connection string (Development: Data Source=data/agora.db)
          Agora__Email__Smtp__Host    SMTP server; without it e-mails go to Agora__Email__PickupDirectory (data/mail)
          Outside Development a node also needs Agora__PublicUrl, Agora__Verification__CensusKey and
          Agora__OpenData__PseudonymKey, and says which are missing.
        """;

    private static readonly string[] Commands = ["migrate", "seed", "search", "repair", "admin", "backup", "opinion-map", "--help", "-h", "help"];

    /// <summary>Separates a subcommand and its arguments from the host's configuration arguments.</summary>
    public static (string[]? Command, string[] HostArgs) Split(string[] args)
    {
        if (args.Length == 0 || !Commands.Contains(args[0], StringComparer.OrdinalIgnoreCase))
            return (null, args);
        var hostArgs = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray();
        var command = args.Except(hostArgs).ToArray();
        return (command, hostArgs);
    }

    /// <summary>Commands that need no host (no database, no configuration).</summary>
    public static int? RunWithoutHost(string[] command)
    {
        switch (command[0].ToLowerInvariant())
        {
            case "--help" or "-h" or "help":
                Console.Out.WriteLine(Help);
                return 0;
            case "opinion-map":
                return OpinionMapTool.Run(command.Skip(1).ToList(), Console.Out, Console.Error);
            default:
                return null;
        }
    }

    public static async Task<int> RunAsync(WebApplication app, string[] command)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var ct = CancellationToken.None;
        // A module's own command (search rebuild, seed scale …), matched on its words.
        var own = sp.GetServices<ICliCommand>().FirstOrDefault(c => c.Words.Count <= command.Length
            && c.Words.Select((w, i) => string.Equals(w, command[i], StringComparison.OrdinalIgnoreCase)).All(x => x));
        if (own != null)
            return await own.RunAsync(sp, command, Console.Out, Console.Error, ct);
        switch (command[0].ToLowerInvariant())
        {
            case "migrate":
                await MigrateAsync(sp, ct);
                Console.Out.WriteLine("Database migrated.");
                return 0;
            case "seed" when command.Length > 1 && command[1] == "demo":
                await MigrateAsync(sp, ct);
                await sp.GetRequiredService<DemoSeed>().RunAsync(ct);
                Console.Out.WriteLine("Demo content seeded.");
                return 0;
            case "repair" when command.Length > 1 && command[1] == "counters":
                await MigrateAsync(sp, ct);
                return await RepairCountersAsync(sp, Console.Out, ct);
            case "admin" when command.Length > 1 && command[1] == "create":
                return await CreateAdministratorAsync(sp, command);
            case "backup":
                return await BackupAsync(sp, command, Console.Out, Console.Error);
            default:
                await Console.Error.WriteLineAsync($"Unknown command: {string.Join(' ', command)}\n\n{Help}");
                return 2;
        }
    }

    /// <summary>Applies the migrations: every command that reads or writes the database runs it first.</summary>
    public static async Task MigrateAsync(IServiceProvider sp, CancellationToken ct)
    {
        await sp.GetRequiredService<AgoraDb>().Database.MigrateAsync(ct);
        await sp.GetRequiredService<AdminBootstrap>().EnsureRolesAsync();
    }

    /// <summary>Recounts the stored counters and prints one tab-separated line per counter it fixed.</summary>
    public static async Task<int> RepairCountersAsync(IServiceProvider sp, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sp);
        ArgumentNullException.ThrowIfNull(output);
        var fixes = await sp.GetRequiredService<CounterRepair>().RunAsync(ct);
        if (fixes.Count > 0)
            await output.WriteLineAsync("table\tid\tcolumn\twas\tnow");
        foreach (var f in fixes)
            await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{f.Table}\t{f.Id}\t{f.Column}\t{f.Was}\t{f.Now}"));
        await output.WriteLineAsync(fixes.Count == 0 ? "Counters checked: all match their rows." : $"Counters repaired: {fixes.Count}.");
        return 0;
    }

    /// <summary>
    /// SQLite's online backup: a consistent copy taken page by page while other connections read and write (copying
    /// the file itself can catch a write half done, and misses what still sits in the write-ahead log).
    /// </summary>
    public static async Task<int> BackupAsync(IServiceProvider sp, string[] command, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(sp);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var i = Array.FindIndex(command, a => a == "--to");
        var target = i >= 0 && i + 1 < command.Length ? command[i + 1] : null;
        if (string.IsNullOrWhiteSpace(target))
        {
            await error.WriteLineAsync("backup needs --to FILE (a new file; an existing one is not overwritten).");
            return 2;
        }
        var db = sp.GetRequiredService<AgoraDb>();
        if (!db.Database.IsSqlite())
        {
            await error.WriteLineAsync("backup copies a SQLite database. On PostgreSQL use pg_dump -Fc (docs/operations.md, Backup and restore).");
            return 2;
        }
        target = Path.GetFullPath(target);
        if (File.Exists(target))
        {
            await error.WriteLineAsync($"{target} exists already: choose a new file name.");
            return 2;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var source = new Microsoft.Data.Sqlite.SqliteConnection(db.Database.GetConnectionString());
        await source.OpenAsync();
        await using (var destination = new Microsoft.Data.Sqlite.SqliteConnection(
            new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            await destination.OpenAsync();
            source.BackupDatabase(destination);
        }
        await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Database copied to {target} ({new FileInfo(target).Length} bytes)."));
        return 0;
    }

    private static async Task<int> CreateAdministratorAsync(IServiceProvider sp, string[] command)
    {
        var i = Array.FindIndex(command, a => a == "--email");
        var email = i >= 0 && i + 1 < command.Length ? command[i + 1] : null;
        if (string.IsNullOrWhiteSpace(email))
        {
            await Console.Error.WriteLineAsync("admin create needs --email E; the password is read from standard input.");
            return 2;
        }
        if (!Console.IsInputRedirected)
            Console.Out.Write($"Password for {email}: ");
        var password = Console.IsInputRedirected ? Console.In.ReadLine() : ReadHidden();
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("No password was given on standard input.");
            return 2;
        }
        await MigrateAsync(sp, CancellationToken.None);
        var errors = await sp.GetRequiredService<AdminBootstrap>().CreateAsync(email, password);
        if (errors.Count > 0)
        {
            foreach (var e in errors)
                await Console.Error.WriteLineAsync(e);
            return 1;
        }
        Console.Out.WriteLine($"Administrator {email} is ready. Two-factor sign-in will be set up at the first visit to /admin.");
        return 0;
    }

    private static string ReadHidden()
    {
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace && chars.Count > 0)
                chars.RemoveAt(chars.Count - 1);
            else if (!char.IsControl(key.KeyChar))
                chars.Add(key.KeyChar);
        }
        Console.Out.WriteLine();
        return new string(chars.ToArray());
    }
}

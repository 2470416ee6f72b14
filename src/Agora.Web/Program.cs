using Agora.Web.Features;
using Agora.Web.Infrastructure.Cli;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Email;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Observability;
using Agora.Web.Infrastructure.Web;

var (command, hostArgs) = CommandLine.Split(args);
if (command != null && CommandLine.RunWithoutHost(command) is { } exitCode)
    return exitCode;

// No inotify instance of our own: a node must not fail because a neighbour used up the machine's inotify instances
// (Debian allows 128 per user). Configuration files are read once, at start (a setting changes with a restart; a later
// --hostBuilder:reloadConfigOnChange=true on the command line turns watching back on), and the file providers that
// remain (static files' version hashes for asp-append-version) poll for changes instead of watching.
if (Environment.GetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER") is null)
    Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. hostArgs]);
// Outside Development a node does not start half-configured: every missing setting is named, one line each.
if (ProductionSettings.Problems(builder.Configuration, builder.Environment,
    serving: command == null, seeding: command?[0].Equals("seed", StringComparison.OrdinalIgnoreCase) == true) is { Count: > 0 } problems)
{
    await Console.Error.WriteLineAsync($"Agora cannot start in {builder.Environment.EnvironmentName}:");
    foreach (var problem in problems)
        await Console.Error.WriteLineAsync("  - " + problem);
    await Console.Error.WriteLineAsync("Set them in the environment file (see deploy/agora.env.example and docs/operations.md).");
    return 1;
}
builder.AddAgoraWeb(isCommand: command != null);
builder.AddAgoraData();
builder.AddAgoraIdentity();
builder.AddAgoraLocalization();
builder.AddAgoraEmail();
builder.AddAgoraRateLimits();
builder.AddAgoraMetrics();
builder.AddFeatures();

var app = builder.Build();
if (command != null)
    return await CommandLine.RunAsync(app, command);

app.UseAgoraPipeline();
app.MapFeatures();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

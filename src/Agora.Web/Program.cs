using Agora.Web.Features;
using Agora.Web.Infrastructure.Cli;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Email;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Web;

var (command, hostArgs) = CommandLine.Split(args);
if (command != null && CommandLine.RunWithoutHost(command) is { } exitCode)
    return exitCode;

var builder = WebApplication.CreateBuilder(hostArgs);
builder.AddAgoraWeb(isCommand: command != null);
builder.AddAgoraData();
builder.AddAgoraIdentity();
builder.AddAgoraLocalization();
builder.AddAgoraEmail();
builder.AddAgoraRateLimits();
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

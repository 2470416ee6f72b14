using Agora.Web.Features.Verification;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Agora.Tests.Features.Verification;

/// <summary>Tests that need their own app: the attempt limit, and a log capture proving identifiers never reach the logs.</summary>
public sealed class VerificationLimitTests
{
    private sealed class CapturingFactory : AgoraFactory
    {
        public List<string> Lines { get; } = [];

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(new Capture(Lines)));
        }

        private sealed class Capture(List<string> lines) : ILoggerProvider, ILogger
        {
            public ILogger CreateLogger(string categoryName) => this;
            public void Dispose() { }
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (lines)
                    lines.Add(formatter(state, exception) + " " + exception);
            }
        }
    }

    [Fact]
    public async Task Attempts_AreLimitedPerHour_AndIdentifiersNeverReachTheLogs()
    {
        await using var f = new CapturingFactory();
        f.Settings["Agora:Verification:AttemptsPerHour"] = "3";
        f.Settings["Logging:LogLevel:Default"] = "Trace"; // every line the app would log, to search for identifiers
        await f.InitializeAsync();
        const string id = "9099123456";
        var hash = await f.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<VerificationService>().Hash(id)));
        await f.DbAsync(async db =>
        {
            db.Add(new CensusRecord { IdentifierHash = hash, BirthDate = new DateOnly(1970, 1, 1), District = "izgrev", ImportedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var client = await f.SignedInAsync(await f.PersonAsync());
        HttpResponseMessage r = null!;
        for (var i = 0; i < 3; i++)
            r = await client.PostFormAsync("/verification", new Dictionary<string, string> { ["Input.Identifier"] = id, ["Input.BirthDate"] = "1970-01-0" + (i + 2) });
        Assert.Contains("не съвпадат", await r.TextAsync(), StringComparison.Ordinal);
        // The right details, but over the limit: refused.
        r = await client.PostFormAsync("/verification", new Dictionary<string, string> { ["Input.Identifier"] = id, ["Input.BirthDate"] = "1970-01-01" });
        Assert.Contains("Твърде много опити", await r.TextAsync(), StringComparison.Ordinal);
        lock (f.Lines)
        {
            Assert.NotEmpty(f.Lines);
            Assert.DoesNotContain(f.Lines, l => l.Contains(id, StringComparison.Ordinal));
        }
    }
}

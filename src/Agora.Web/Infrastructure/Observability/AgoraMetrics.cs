using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace Agora.Web.Infrastructure.Observability;

/// <summary>
/// The app's own measurements, beside ASP.NET Core's (request rates and durations, Kestrel connections, rate-limiter
/// rejections) and the runtime's (GC, thread pool): background-job runs and their outcome, the e-mail outbox backlog,
/// and how long ago each node's search index last caught up with the change log. Exported in Prometheus format on a
/// port of their own when Agora:Metrics:Port is set (docs/operations.md), never on the public one.
/// </summary>
public sealed class AgoraMetrics : IDisposable
{
    public const string MeterName = "Agora";
    private readonly Meter meter = new(MeterName);
    private readonly Counter<long> runs;
    private long outboxPending = -1;

    /// <param name="exported">Whether a scrape endpoint reads these measures (Agora:Metrics:Port is set).</param>
    public AgoraMetrics(bool exported = false)
    {
        Exported = exported;
        runs = meter.CreateCounter<long>("agora.background.runs", "{run}",
            "Rounds of a background job (outbox, search, open data, opinion maps, digests, reminders, imports), by outcome");
        meter.CreateObservableGauge("agora.outbox.pending", ObserveOutbox, "{message}",
            "E-mails waiting in the outbox (sampled by the outbox worker)");
    }

    /// <summary>Whether anyone reads the measures: a figure that costs a query is gathered only then.</summary>
    public bool Exported { get; }

    /// <summary>Counts one round of a background job; <paramref name="ok"/> false when it ended in an error.</summary>
    public void Ran(string job, bool ok) =>
        runs.Add(1, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", ok ? "ok" : "failed"));

    /// <summary>The outbox backlog as last counted.</summary>
    public void OutboxPending(long count) => Interlocked.Exchange(ref outboxPending, count);

    /// <summary>A gauge read when the metrics are scraped (e.g. a module's lag); the callback must be cheap.</summary>
    public void Gauge(string name, string unit, string description, Func<double?> read) =>
        meter.CreateObservableGauge(name, () => read() is { } v ? [new Measurement<double>(v)] : Array.Empty<Measurement<double>>(), unit, description);

    private IEnumerable<Measurement<long>> ObserveOutbox()
    {
        var value = Interlocked.Read(ref outboxPending);
        return value < 0 ? [] : [new Measurement<long>(value)];
    }

    public void Dispose() => meter.Dispose();
}

public static class MetricsSetup
{
    public static WebApplicationBuilder AddAgoraMetrics(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var port = builder.Configuration.GetValue("Agora:Metrics:Port", 0);
        builder.Services.AddSingleton(_ => new AgoraMetrics(exported: port > 0));
        if (port <= 0)
            return builder;
        // A listener of its own (http://127.0.0.1:9464/metrics): the scrape endpoint is for the operator's
        // Prometheus, not for the public behind the proxy, and it answers even when the app's pipeline is busy.
        var host = builder.Configuration["Agora:Metrics:Host"] is { Length: > 0 } h ? h : "127.0.0.1";
        builder.Services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(AgoraMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
                "Microsoft.AspNetCore.RateLimiting", "Microsoft.AspNetCore.Diagnostics", "System.Runtime", "System.Net.Http")
            .AddPrometheusHttpListener(o =>
            {
                o.Host = host;
                o.Port = port;
            }));
        return builder;
    }
}

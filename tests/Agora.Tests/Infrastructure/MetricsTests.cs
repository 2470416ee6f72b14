using System.Net;
using System.Net.Sockets;
using Agora.Web.Infrastructure.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Infrastructure;

/// <summary>A node with Agora:Metrics:Port set: Prometheus text on its own loopback port, with the app's measures.</summary>
public sealed class MetricsFactory : AgoraFactory
{
    public int Port { get; } = FreePort();

    public MetricsFactory() => Settings["Agora:Metrics:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class MetricsTests(MetricsFactory f) : IClassFixture<MetricsFactory>
{
    private async Task<string> ScrapeAsync()
    {
        using var http = new HttpClient();
        // The exporter caches a scrape for a moment; what a page just did shows in the next one.
        for (var i = 0; ; i++)
        {
            var text = await http.GetStringAsync($"http://127.0.0.1:{f.Port}/metrics");
            if (text.Contains("http_server_request_duration_seconds", StringComparison.Ordinal) && text.Contains("agora_background_runs", StringComparison.Ordinal) || i == 20)
                return text;
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task Scrape_ShowsRequestsJobRunsAndTheOutboxBacklog()
    {
        Assert.Equal(HttpStatusCode.OK, (await f.Browser().GetAsync("/about")).StatusCode);
        var metrics = f.Services.GetRequiredService<AgoraMetrics>();
        metrics.Ran("search", ok: true);
        metrics.Ran("outbox", ok: false);
        metrics.OutboxPending(7);

        var text = await ScrapeAsync();
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Matches("agora_background_runs(_total)?\\{[^}]*job=\"search\"[^}]*\\} 1", text);
        Assert.Matches("agora_background_runs(_total)?\\{[^}]*job=\"outbox\",outcome=\"failed\"[^}]*\\} 1", text);
        Assert.Matches("agora_outbox_pending(_messages)?(\\{[^}]*\\})? 7", text);
    }

    [Fact]
    public async Task PublicPort_HasNoMetricsPage() =>
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync("/metrics")).StatusCode);
}

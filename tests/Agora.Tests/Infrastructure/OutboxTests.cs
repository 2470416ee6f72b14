using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Agora.Tests.Infrastructure;

/// <summary>A real SMTP server in the test, that can refuse messages on demand.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    public int Port { get; }
    public ConcurrentBag<MimeMessage> Received { get; } = [];

    private int failNext;

    /// <summary>How many of the next deliveries to refuse with a temporary error.</summary>
    public int FailNext { get => Volatile.Read(ref failNext); set => Volatile.Write(ref failNext, value); }

    public TestSmtpServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Port(Port).Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try { await running; } catch (OperationCanceledException) { }
        stop.Dispose();
    }

    private bool TakeFailure() => Interlocked.Decrement(ref failNext) >= 0;

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (server.TakeFailure())
                return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "try later");
            await using var stream = new MemoryStream(buffer.ToArray());
            server.Received.Add(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}

public sealed class OutboxTests : IAsyncLifetime
{
    private readonly TestSmtpServer smtp = new();
    private readonly AgoraFactory f = new();

    public ValueTask InitializeAsync()
    {
        f.Settings["Agora:Email:Smtp:Host"] = "127.0.0.1";
        f.Settings["Agora:Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        f.Settings["Agora:Email:Smtp:Security"] = "None";
        return f.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await f.DisposeAsync();
        await smtp.DisposeAsync();
    }

    private Task EnqueueAsync(string to, string culture = "bg") => f.InScopeAsync(async sp =>
    {
        sp.GetRequiredService<Outbox>().Enqueue(to, culture, l => new EmailContent(l["Email.Confirm.Subject"], [l["Email.Confirm.Body"]]));
        await sp.GetRequiredService<AgoraDb>().SaveChangesAsync();
    });

    private Task<int> SendAsync() => f.InScopeAsync(sp => sp.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None));

    [Fact]
    public async Task Send_SmtpRefusesOnce_RetriesLaterAndDeliversExactlyOnce()
    {
        smtp.FailNext = 1;
        await EnqueueAsync("retry@example.bg");

        Assert.Equal(0, await SendAsync());
        var failed = await f.DbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Recipient == "retry@example.bg"));
        Assert.Equal(1, failed.Attempts);
        Assert.NotNull(failed.LastError);
        Assert.Null(failed.SentAt);
        Assert.True(failed.NextAttemptAt > DateTime.UtcNow, "the retry waits for its backoff");

        // Not due yet: nothing happens.
        Assert.Equal(0, await SendAsync());
        Assert.Empty(smtp.Received);

        // Time passes.
        await f.DbAsync(db => db.OutboxMessages.Where(m => m.Id == failed.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1))));
        Assert.Equal(1, await SendAsync());
        Assert.Equal(0, await SendAsync());

        var received = Assert.Single(smtp.Received);
        Assert.Equal("retry@example.bg", received.To.Mailboxes.Single().Address);
        Assert.Equal("Потвърдете имейл адреса си в Агора", received.Subject);
        Assert.False(string.IsNullOrEmpty(received.HtmlBody));
        Assert.False(string.IsNullOrEmpty(received.TextBody));
        var sent = await f.DbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == failed.Id));
        Assert.NotNull(sent.SentAt);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task Send_RecipientPrefersEnglish_ComposesInEnglish()
    {
        await EnqueueAsync("en@example.bg", "en");
        Assert.Equal(1, await SendAsync());
        var received = Assert.Single(smtp.Received, m => m.To.Mailboxes.Single().Address == "en@example.bg");
        Assert.Equal("Confirm your e-mail address on Agora", received.Subject);
        Assert.Contains("lang=\"en\"", received.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_TwoWorkersAtOnce_DeliverEachMessageOnce()
    {
        for (var i = 0; i < 12; i++)
            await EnqueueAsync($"many{i}@example.bg");
        var results = await Task.WhenAll(SendAsync(), SendAsync());
        Assert.Equal(12, results.Sum());
        Assert.Equal(12, smtp.Received.Count(m => m.To.Mailboxes.Single().Address.StartsWith("many", StringComparison.Ordinal)));
        Assert.Equal(12, smtp.Received.Select(m => m.MessageId).Distinct().Count(id => smtp.Received.First(m => m.MessageId == id).To.Mailboxes.Single().Address.StartsWith("many", StringComparison.Ordinal)));
        Assert.Equal(0, await SendAsync());
    }

    [Fact]
    public async Task Send_CappedMailQueuedByRequestsAtOnce_OnlyTheCapIsSent()
    {
        // Five requests at the same instant: each checks the cap before any of them has committed, so all five queue.
        var to = $"race-{Guid.NewGuid():N}@example.bg";
        var scopes = Enumerable.Range(0, 5).Select(_ => f.Services.CreateScope()).ToList();
        foreach (var scope in scopes)
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<Outbox>().EnqueueCappedAsync(MailKinds.PasswordReset, null, to, "bg",
                l => new EmailContent(l["Email.Confirm.Subject"], [l["Email.Confirm.Body"]])));
        }
        foreach (var scope in scopes)
        {
            await scope.ServiceProvider.GetRequiredService<AgoraDb>().SaveChangesAsync();
            scope.Dispose();
        }
        await EnqueueAsync(to); // mail nobody can trigger at will is not capped

        Assert.Equal(4, await SendAsync());
        Assert.Equal(4, smtp.Received.Count(m => m.To.Mailboxes.Single().Address == to));
        var kept = await f.DbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == to && m.SentAt == null).ToListAsync());
        Assert.Equal(2, kept.Count);
        Assert.All(kept, m => Assert.Equal(OutboxSender.OverCap, m.LastError));
        Assert.All(kept, m => Assert.NotNull(m.FailedAt));
        // The first three by time and id went out.
        var sentIds = await f.DbAsync(db => db.OutboxMessages.Where(m => m.Recipient == to && m.Kind != null && m.SentAt != null).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
        Assert.True(sentIds.Max() < kept.Min(m => m.Id));
        Assert.Equal(0, await SendAsync());
    }

    [Fact]
    public void Backoff_GrowsAndIsCapped()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), OutboxSender.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(60), OutboxSender.Backoff(2));
        Assert.Equal(TimeSpan.FromHours(1), OutboxSender.Backoff(20));
    }
}

public sealed class OutboxSmtpDownTests : IAsyncLifetime
{
    private readonly AgoraFactory f = new();

    public ValueTask InitializeAsync()
    {
        // Nothing listens on this port: the SMTP server is down.
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        f.Settings["Agora:Email:Smtp:Host"] = "127.0.0.1";
        f.Settings["Agora:Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        f.Settings["Agora:Email:Smtp:Security"] = "None";
        return f.InitializeAsync();
    }

    public ValueTask DisposeAsync() => f.DisposeAsync();

    [Fact]
    public async Task Send_SmtpDown_KeepsTheMessageForLater()
    {
        await f.InScopeAsync(async sp =>
        {
            sp.GetRequiredService<Outbox>().Enqueue("down@example.bg", "bg", l => new EmailContent("x", ["y"]));
            await sp.GetRequiredService<AgoraDb>().SaveChangesAsync();
        });
        var sent = await f.InScopeAsync(sp => sp.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None));
        Assert.Equal(0, sent);
        var message = await f.DbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        Assert.Null(message.SentAt);
        Assert.Null(message.FailedAt);
        Assert.Equal(1, message.Attempts);
        Assert.NotEmpty(message.Mime);
    }
}

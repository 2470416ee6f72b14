using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Agora.Web.Infrastructure.Email;

public static class EmailSetup
{
    public static WebApplicationBuilder AddAgoraEmail(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Agora:Email");
        builder.Services.Configure<EmailOptions>(section);
        var options = section.Get<EmailOptions>() ?? new EmailOptions();

        if (string.IsNullOrWhiteSpace(options.Smtp.Host))
            builder.Services.AddSingleton<IMailTransport, PickupDirectoryTransport>();
        else
            builder.Services.AddSingleton<IMailTransport, SmtpMailTransport>();

        builder.Services.AddSingleton<EmailComposer>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IInterceptor, OutboxCommitInterceptor>();
        builder.Services.AddScoped<Outbox>();
        builder.Services.AddScoped<OutboxSender>();
        if (options.WorkerEnabled)
            builder.Services.AddHostedService<OutboxWorker>();
        return builder;
    }
}

/// <summary>Pokes the worker after a save that added messages, so e-mails leave within a second, not a poll interval.</summary>
public sealed class OutboxCommitInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    private static readonly AsyncLocal<bool> Pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Flush(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    private static void Mark(DbContext? context)
    {
        if (context != null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
            Pending.Value = true;
    }

    private void Flush(DbContext? context)
    {
        // Inside an explicit transaction the worker may look before the commit; its next poll picks the message up.
        if (Pending.Value)
        {
            Pending.Value = false;
            signal.Poke();
        }
    }
}

using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Email;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Observability;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Agora.Web.Features.Commitments;

public sealed class CommitmentOptions
{
    /// <summary>Days between two reminders about the same overdue commitment.</summary>
    public int ReminderIntervalDays { get; set; } = 7;

    /// <summary>Whether this node runs the reminder worker (tests switch it off and call the act).</summary>
    public bool ReminderWorkerEnabled { get; set; } = true;
}

/// <summary>
/// E-mails the representatives of the pledging organisation and the author about each overdue commitment, at most
/// once per interval. Each commitment is claimed by a conditional update of <see cref="Commitment.LastRemindedAt"/>
/// in the same transaction as its e-mails, so on several nodes only one sends, and a failure sends nothing.
/// </summary>
public sealed class CommitmentReminders(AgoraDb db, Outbox outbox, PublicLinks links, TimeProvider clock, IOptions<CommitmentOptions> options)
{
    /// <summary>Returns how many commitments were reminded about.</summary>
    public async Task<int> SendAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(Format.ToSofia(now));
        var cutoff = now.AddDays(-Math.Max(1, options.Value.ReminderIntervalDays));
        var due = Due(today, cutoff);
        // Only in published processes: a draft's commitments are not public and their links would not open.
        var published = db.Set<Process>().Where(p => p.Published).Select(p => p.Id);
        var ids = await due.Where(c => published.Contains(c.ProcessId)).OrderBy(c => c.DueOn).ThenBy(c => c.Id)
            .Select(c => c.Id).Take(500).ToListAsync(ct);
        var reminded = 0;
        foreach (var id in ids)
        {
            if (await RemindAsync(id, today, cutoff, now, ct))
                reminded++;
        }
        return reminded;
    }

    private IQueryable<Commitment> Due(DateOnly today, DateTime cutoff) =>
        db.Set<Commitment>().Where(c => (c.Status == CommitmentStatus.Pledged || c.Status == CommitmentStatus.InProgress)
            && c.DueOn < today && c.HiddenAt == null && (c.LastRemindedAt == null || c.LastRemindedAt < cutoff));

    private async Task<bool> RemindAsync(Guid id, DateOnly today, DateTime cutoff, DateTime now, CancellationToken ct) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The claim comes first: it holds the row (PostgreSQL) or the write lock (SQLite) until commit, and a
            // second node's claim finds the reminder already taken.
            var claimed = await Due(today, cutoff).Where(c => c.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastRemindedAt, now), ct);
            if (claimed == 0)
                return false;
            var c = await db.Set<Commitment>().AsNoTracking().Where(x => x.Id == id)
                .Join(db.Set<Process>(), x => x.ProcessId, p => p.Id, (x, p) => new
                {
                    x.Id,
                    x.Title,
                    x.TitleEn,
                    x.Language,
                    x.DueOn,
                    x.OrganizationId,
                    x.AuthorId,
                    p.Slug,
                    ProcessTitle = p.Title,
                })
                .SingleAsync(ct);
            var organization = c.OrganizationId is Guid orgId
                ? await db.Set<Organization>().AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Name).SingleAsync(ct)
                : null;
            var representatives = db.Set<OrganizationRepresentative>()
                .Where(r => r.OrganizationId == c.OrganizationId && r.Status == RepresentativeStatus.Approved).Select(r => r.UserId);
            var people = await db.Users.AsNoTracking()
                .Where(u => (u.Id == c.AuthorId || representatives.Contains(u.Id)) && u.DeletedAt == null && u.BlockedAt == null && u.Email != null)
                .Select(u => new { u.Email, u.DisplayName, u.PreferredCulture }).ToListAsync(ct);
            var url = links.Absolute($"/processes/{c.Slug}/{CommitmentService.Segment}/{c.Id}");
            foreach (var p in people)
            {
                outbox.Enqueue(p.Email!, p.PreferredCulture, l =>
                {
                    var title = CommitmentRules.In(c.Title, c.Language, c.TitleEn);
                    var party = organization?.Current ?? l["Commitments.Municipality"];
                    return new EmailContent(
                        l["Commitments.Email.Overdue.Subject", title],
                        [l["Email.Greeting", p.DisplayName],
                         l["Commitments.Email.Overdue.Body", title, party, Format.Day(c.DueOn), c.ProcessTitle.Current],
                         l["Commitments.Email.Overdue.What"]])
                    {
                        ActionText = l["Commitments.Email.Overdue.Action"],
                        ActionUrl = url,
                    };
                });
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        });
}

/// <summary>Checks for overdue commitments every hour; any number of nodes may run it.</summary>
public sealed class CommitmentReminderWorker(IServiceScopeFactory scopes, TimeProvider clock, AgoraMetrics metrics, ILogger<CommitmentReminderWorker> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Every, clock, stoppingToken);
                using var scope = scopes.CreateScope();
                var reminded = await scope.ServiceProvider.GetRequiredService<CommitmentReminders>().SendAsync(stoppingToken);
                metrics.Ran("commitment-reminders", ok: true);
                if (reminded > 0)
                    log.LogInformation("Reminded about {Count} overdue commitments", reminded);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
            {
                metrics.Ran("commitment-reminders", ok: false);
                log.LogError(ex, "Reminding about overdue commitments failed");
            }
        }
    }
}

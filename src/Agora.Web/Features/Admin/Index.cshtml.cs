using Agora.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Admin;

public sealed class IndexModel(AgoraDb db) : PageModel
{
    public sealed record Counts(int Users, int Confirmed, int Blocked, int Staff, int MailPending, int MailFailed, int AuditEntries);

    public Counts Numbers { get; private set; } = new(0, 0, 0, 0, 0, 0, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // One round trip per number, on indexed columns; counts of a city-sized table stay cheap.
        Numbers = new Counts(
            await db.Users.CountAsync(u => u.DeletedAt == null, ct),
            await db.Users.CountAsync(u => u.DeletedAt == null && u.EmailConfirmed, ct),
            await db.Users.CountAsync(u => u.BlockedAt != null, ct),
            await db.UserRoles.Select(r => r.UserId).Distinct().CountAsync(ct),
            await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.FailedAt == null, ct),
            await db.OutboxMessages.CountAsync(m => m.FailedAt != null, ct),
            await db.AuditEntries.CountAsync(ct));
    }
}

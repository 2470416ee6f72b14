using Agora.Web.Features.Commitments;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Needs;

/// <summary>The process's needs as the commitments register offers them ("for which need"), in the reader's language
/// and in the facilitator's order.</summary>
public sealed class NeedsForCommitments(AgoraDb db) : ICommitmentNeedSource
{
    public async Task<IReadOnlyList<(Guid Id, string Title)>> NeedsAsync(Guid processId, CancellationToken ct)
    {
        var rows = await db.Set<Need>().AsNoTracking().Where(n => n.ProcessId == processId)
            .OrderBy(n => n.Position).ThenBy(n => n.CreatedAt)
            .Select(n => new { n.Id, Title = new LocalizedTextView(n.Title.Bg, n.Title.En) })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.Title.Current))];
    }
}

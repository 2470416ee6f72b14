using Agora.Web.Features.Needs;
using Agora.Web.Features.Swot;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Workshops;

/// <summary>The person's SWOT items, dots and needs ballots, for "download my data".</summary>
public sealed class WorkshopsPersonalData(AgoraDb db) : IPersonalDataSource
{
    public string Section => "workshops";

    public async Task<object?> CollectAsync(Guid userId, CancellationToken ct) => new
    {
        swotItems = await db.Set<SwotContribution>().AsNoTracking().Where(c => c.UserId == userId)
            .Join(db.Set<SwotItem>(), c => c.ItemId, i => i.Id, (c, i) => new { i.BoardId, quadrant = i.Quadrant.ToString(), i.Text, i.Explanation, c.CreatedAt })
            .ToListAsync(ct),
        swotDots = await db.Set<SwotDot>().AsNoTracking().Where(d => d.UserId == userId)
            .Select(d => new { d.BoardId, d.ItemId, d.Count }).ToListAsync(ct),
        needsBallots = await db.Set<NeedVote>().AsNoTracking().Where(v => v.UserId == userId)
            .Select(v => new { v.ProcessId, v.NeedId, v.Rank, v.Points }).ToListAsync(ct),
    };
}

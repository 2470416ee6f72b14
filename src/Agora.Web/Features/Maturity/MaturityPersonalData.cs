using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Maturity;

/// <summary>The person's maturity assessments (drafts and submitted) with every level and justification, for "download my data".</summary>
public sealed class MaturityPersonalData(Infrastructure.Data.AgoraDb db) : IPersonalDataSource
{
    public string Section => "maturity";

    public async Task<object?> CollectAsync(Guid userId, CancellationToken ct) =>
        await db.Set<MaturityAssessment>().AsNoTracking().Where(a => a.UserId == userId)
            .Join(db.Set<MaturityRound>(), a => a.RoundId, r => r.Id, (a, r) => new
            {
                a.Id,
                a.Group,
                a.CreatedAt,
                a.SubmittedAt,
                round = r.Slug,
                r.ProcessId,
                scores = a.Scores.Select(s => new { s.DimensionId, s.Current, s.Target, s.Justification, s.Evidence }).ToList(),
            })
            .ToListAsync(ct);
}

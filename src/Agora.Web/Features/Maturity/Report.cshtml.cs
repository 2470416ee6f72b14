using Agora.Web.Features.Commitments;
using Agora.Web.Features.Needs;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Swot;
using Agora.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Maturity;

/// <summary>
/// The maturity report of a round: a printable document assembling the round and who took part, the scores and
/// gaps with charts, the change since the previous round, the workshop toolkit's SWOT summary, ranked needs and
/// commitments, and the facilitators' conclusions. Public once published; facilitators see the draft.
/// </summary>
public sealed class ReportModel(MaturityService maturity, SwotService swot, NeedsService needs, CommitmentService commitments, AgoraDb db) : PageModel
{
    public sealed record CommitmentLine(string Title, string Language, string? TitleEn, string? PartyBg, string? PartyEn, CommitmentStatus Status, DateOnly DueOn);

    public MaturityScope Scope { get; private set; } = default!;
    public RoundFigures Figures { get; private set; } = default!;
    public SwotBoard? Board { get; private set; }
    public IReadOnlyList<SwotItemView> SwotItems { get; private set; } = [];
    public SwotResults? SwotResults { get; private set; }
    public NeedsRanking? Ranking { get; private set; }
    public IReadOnlyList<CommitmentLine> Commitments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, string round, CancellationToken ct)
    {
        var scope = await maturity.ScopeAsync(slug, User, ct);
        if (scope == null)
            return NotFound();
        var r = await maturity.RoundAsync(scope, round, ct);
        if (r == null || !MaturityService.MaySeeReport(scope, r))
            return NotFound();
        Scope = scope;
        Figures = await maturity.FiguresAsync(r, ct);
        var process = scope.Process;
        if (process.Has(SwotService.Key))
        {
            // The board of the round's workshop if it had one, else the process's latest board.
            Board = await db.Set<SwotBoard>().AsNoTracking().Where(b => b.ProcessId == process.Id)
                .OrderByDescending(b => r.EventId != null && b.EventId == r.EventId).ThenByDescending(b => b.CreatedAt).FirstOrDefaultAsync(ct);
            if (Board != null)
            {
                SwotItems = await swot.ItemsAsync(Board.Id, ct);
                SwotResults = await swot.ResultsAsync(Board.Id, SwotItems, ct);
            }
        }
        if (await needs.ScopeAsync(slug, User, ct) is { } needsScope)
            Ranking = await needs.RankingAsync(needsScope, ct);
        if (await commitments.ScopeAsync(slug, User, ct) is { } commitmentScope)
            Commitments = await commitments.Visible(commitmentScope).Where(c => c.HiddenAt == null)
                .OrderBy(c => c.DueOn).Take(100)
                .GroupJoin(db.Set<Organization>(), c => c.OrganizationId, o => o.Id, (c, os) => new { c, os })
                .SelectMany(x => x.os.DefaultIfEmpty(), (x, o) => new CommitmentLine(x.c.Title, x.c.Language, x.c.TitleEn,
                    o != null ? o.Name.Bg : null, o != null ? o.Name.En : null, x.c.Status, x.c.DueOn))
                .ToListAsync(ct);
        return Page();
    }
}

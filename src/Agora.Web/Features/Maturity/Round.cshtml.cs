using Agora.Web.Features.Events;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Maturity;

/// <summary>A round: what it is, who assesses, the reader's own assessment and — once public — its figures.</summary>
public sealed class RoundModel(MaturityService maturity, AgoraDb db) : PageModel
{
    public MaturityScope Scope { get; private set; } = default!;
    public MaturityRound Round { get; private set; } = default!;
    public RoundFigures? Figures { get; private set; }
    public MaturityAssessment? Mine { get; private set; }
    public string? EventTitle { get; private set; }
    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string round, CancellationToken ct)
    {
        var scope = await maturity.ScopeAsync(slug, User, ct);
        if (scope == null)
            return NotFound();
        var r = await maturity.RoundAsync(scope, round, ct);
        if (r == null)
            return NotFound();
        Scope = scope;
        Round = r;
        Now = maturity.Now;
        if (r.EventId is Guid e)
            EventTitle = (await db.Set<Event>().AsNoTracking().Where(x => x.Id == e).Select(x => x.Title).FirstOrDefaultAsync(ct))?.Current;
        if (User.UserId() is Guid uid)
            Mine = await db.Set<MaturityAssessment>().AsNoTracking().FirstOrDefaultAsync(a => a.RoundId == r.Id && a.UserId == uid, ct);
        if (maturity.MaySeeResults(scope, r))
            Figures = await maturity.FiguresAsync(r, ct);
        return Page();
    }
}

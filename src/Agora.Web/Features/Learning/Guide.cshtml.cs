using System.Globalization;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Learning;

/// <summary>One guide, with links into the live processes it is about. Drafts are 404 except for administrators.</summary>
public sealed class GuideModel(LearningCatalog catalog, ProcessAccess processes, AgoraDb db) : PageModel
{
    public Guide Guide { get; private set; } = default!;
    public int Minutes { get; private set; }

    public sealed record ProcessLink(string Slug, string Title, string Summary);

    public IReadOnlyList<ProcessLink> TakePart { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var guide = await catalog.VisibleGuides(User).AsNoTracking().FirstOrDefaultAsync(g => g.Slug == slug, ct);
        if (guide == null)
            return NotFound();
        Guide = guide;
        var en = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(guide.Body.En);
        Minutes = en ? guide.ReadingMinutesEn : guide.ReadingMinutesBg;
        var linked = db.Set<GuideProcess>().Where(x => x.GuideId == guide.Id).Select(x => x.ProcessId);
        var rows = await processes.Visible(User).AsNoTracking().Where(p => linked.Contains(p.Id))
            .OrderByDescending(p => p.StartsOn)
            .Select(p => new { p.Slug, p.Title, p.Summary })
            .ToListAsync(ct);
        TakePart = rows.Select(p => new ProcessLink(p.Slug, p.Title.Current, p.Summary.Current)).ToList();
        return Page();
    }
}

using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Learning;

/// <summary>The learner's courses: progress and completion codes. One query.</summary>
[Authorize]
public sealed class MyModel(AgoraDb db, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(Guid Id, string Slug, LocalizedText Title, int Lessons, int Passed, DateTime EnrolledAt, DateTime? CompletedAt,
        string? Code, bool HideName);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var uid = User.UserId() ?? Guid.Empty;
        Rows = await db.Set<Enrolment>().AsNoTracking().Where(e => e.UserId == uid)
            .Join(db.Set<Course>(), e => e.CourseId, c => c.Id, (e, c) => new { e, c })
            .OrderByDescending(x => x.e.EnrolledAt)
            .Select(x => new Row(x.e.Id, x.c.Slug, x.c.Title, x.c.Lessons.Count,
                db.Set<LessonPass>().Count(p => p.UserId == uid && x.c.Lessons.Select(l => l.Id).Contains(p.LessonId)),
                x.e.EnrolledAt, x.e.CompletedAt, x.e.CertificateCode, x.e.HideName))
            .ToListAsync(ct);
    }

    /// <summary>Show or hide the learner's name on the public check; the ownership check is in the update itself.</summary>
    public async Task<IActionResult> OnPostNameAsync(Guid enrolment, bool hide, CancellationToken ct)
    {
        var uid = User.UserId() ?? Guid.Empty;
        var changed = await db.Set<Enrolment>().Where(e => e.Id == enrolment && e.UserId == uid)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.HideName, hide), ct);
        if (changed == 0)
            return NotFound();
        TempData["Status"] = l[hide ? "Learning.NameNowHidden" : "Learning.NameNowShown"].Value;
        return RedirectToPage();
    }
}

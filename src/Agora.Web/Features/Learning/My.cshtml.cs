using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Learning;

/// <summary>The learner's courses: progress and completion codes. One query.</summary>
[Authorize]
public sealed class MyModel(AgoraDb db) : PageModel
{
    public sealed record Row(string Slug, LocalizedText Title, int Lessons, int Passed, DateTime EnrolledAt, DateTime? CompletedAt, string? Code);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var uid = User.UserId() ?? Guid.Empty;
        Rows = await db.Set<Enrolment>().AsNoTracking().Where(e => e.UserId == uid)
            .Join(db.Set<Course>(), e => e.CourseId, c => c.Id, (e, c) => new { e, c })
            .OrderByDescending(x => x.e.EnrolledAt)
            .Select(x => new Row(x.c.Slug, x.c.Title, x.c.Lessons.Count,
                db.Set<LessonPass>().Count(p => p.UserId == uid && x.c.Lessons.Select(l => l.Id).Contains(p.LessonId)),
                x.e.EnrolledAt, x.e.CompletedAt, x.e.CertificateCode))
            .ToListAsync(ct);
    }
}

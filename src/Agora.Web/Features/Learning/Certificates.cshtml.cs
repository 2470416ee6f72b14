using Agora.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Learning;

/// <summary>
/// The public check of a completion code: anyone (an employer, a municipal HR office) types a code and sees whose it
/// is, for which course and when. Unknown codes are "not found" with a 404, so a made-up code never looks valid.
/// </summary>
public sealed class CertificatesModel(AgoraDb db) : PageModel
{
    public sealed record Record(string Code, string Name, bool Erased, LocalizedText Course, string CourseSlug, bool CoursePublished, DateTime CompletedAt);

    public string? Typed { get; private set; }

    public Record? Found { get; private set; }
    public bool Checked { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var code = RouteData.Values["code"] as string;
        if (code == null)
        {
            // The form sends ?code=…: move it into the path, the address people share.
            var typed = Request.Query["code"].ToString().Trim();
            typed = typed[..Math.Min(typed.Length, 40)];
            if (typed.Length == 0)
                return Page();
            var normalized = CertificateCodes.Normalize(typed);
            return Redirect("/learn/certificates/" + Uri.EscapeDataString(normalized != null ? CertificateCodes.Formatted(normalized) : typed));
        }
        Checked = true;
        Typed = code;
        var stored = CertificateCodes.Normalize(code);
        if (stored != null)
        {
            var row = await db.Set<Enrolment>().AsNoTracking().Where(e => e.CertificateCode == stored && e.CompletedAt != null)
                .Join(db.Set<Course>(), e => e.CourseId, c => c.Id, (e, c) => new { e, c })
                .Join(db.Users, x => x.e.UserId, u => u.Id, (x, u) => new
                {
                    u.DisplayName,
                    Erased = u.DeletedAt != null,
                    Hidden = x.e.HideName,
                    x.c.Title,
                    x.c.Slug,
                    x.c.Published,
                    CompletedAt = x.e.CompletedAt!.Value,
                })
                .FirstOrDefaultAsync(ct);
            if (row != null)
                Found = new Record(CertificateCodes.Formatted(stored), row.Hidden || row.Erased ? "" : row.DisplayName, row.Erased, row.Title, row.Slug, row.Published, row.CompletedAt);
        }
        if (Found == null)
            Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}

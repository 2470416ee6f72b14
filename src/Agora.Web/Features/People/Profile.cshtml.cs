using Agora.Web.Features.Comments;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.People;

/// <summary>A participant's public profile: their name, public proposals and comments (newest first, fixed queries).</summary>
public sealed class ProfileModel(AgoraDb db, ProcessAccess access) : PageModel
{
    public const int Shown = 20;

    public sealed record ProposalRow(Guid Id, string Title, string Slug, ProposalState State, DateTime CreatedAt);
    public sealed record CommentRow(Guid Id, string Body, Guid TargetId, string Title, string Slug, DateTime CreatedAt);

    public string Name { get; private set; } = "";
    public DateTime Since { get; private set; }
    /// <summary>A verified resident of Sofia; the district stays private (it says roughly where the person lives).</summary>
    public bool VerifiedResident { get; private set; }
    public IReadOnlyList<ProposalRow> ProposalRows { get; private set; } = [];
    public IReadOnlyList<CommentRow> CommentRows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.Id == id && u.DeletedAt == null)
            .Select(u => new { u.DisplayName, u.CreatedAt }).FirstOrDefaultAsync(ct);
        if (person == null)
            return NotFound();
        Name = person.DisplayName;
        Since = person.CreatedAt;
        VerifiedResident = await db.Set<Verification.ResidentVerification>().AnyAsync(v => v.UserId == id, ct);
        var processes = access.Visible(User);
        ProposalRows = await db.Set<Proposal>().AsNoTracking()
            .Where(p => p.AuthorId == id && p.HiddenAt == null && p.State != ProposalState.Withdrawn)
            .Join(processes, p => p.ProcessId, pr => pr.Id, (p, pr) => new { p, pr.Slug })
            .OrderByDescending(x => x.p.CreatedAt).Take(Shown)
            .Select(x => new ProposalRow(x.p.Id, x.p.Title, x.Slug, x.p.State, x.p.CreatedAt)).ToListAsync(ct);
        // Comments on proposals the reader can see; other targets join here as they come.
        CommentRows = await db.Set<Comment>().AsNoTracking()
            .Where(c => c.AuthorId == id && c.DeletedAt == null && c.HiddenAt == null && c.TargetType == ProposalCommentTarget.TypeName)
            .Join(db.Set<Proposal>().Where(p => p.HiddenAt == null), c => c.TargetId, p => p.Id, (c, p) => new { c, p })
            .Join(processes, x => x.p.ProcessId, pr => pr.Id, (x, pr) => new { x.c, x.p, pr.Slug })
            .OrderByDescending(x => x.c.CreatedAt).Take(Shown)
            .Select(x => new CommentRow(x.c.Id, x.c.Body, x.p.Id, x.p.Title, x.Slug, x.c.CreatedAt)).ToListAsync(ct);
        return Page();
    }
}

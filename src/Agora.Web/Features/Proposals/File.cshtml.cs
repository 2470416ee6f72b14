using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Proposals;

/// <summary>Serves a proposal's attachment to those who may see the proposal; documents download, images show.</summary>
public sealed class FileModel(ProposalService proposals, AgoraDb db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, Guid id, Guid fileId, CancellationToken ct)
    {
        var scope = await proposals.ScopeAsync(slug, User, ct);
        if (scope == null)
            return NotFound();
        var p = await db.Set<Proposal>().AsNoTracking().Where(x => x.Id == id && x.ProcessId == scope.Process.Id)
            .Select(x => new { x.AuthorId, x.HiddenAt }).FirstOrDefaultAsync(ct);
        if (p == null || (p.HiddenAt != null && !scope.CanManage && p.AuthorId != User.UserId()))
            return NotFound();
        var file = await db.Set<ProposalAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == fileId && a.ProposalId == id, ct);
        if (file == null)
            return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        return file.IsImage ? File(file.Data, file.ContentType) : File(file.Data, file.ContentType, file.FileName);
    }
}

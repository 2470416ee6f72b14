using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Swot;

/// <summary>The facilitator's desk: edit and order items, merge duplicates, close or reopen the board.</summary>
[Authorize]
public sealed class ManageModel(SwotService swot, AgoraDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public SwotScope Scope { get; private set; } = default!;
    public IReadOnlyList<SwotItemView> Items { get; private set; } = [];
    public string? Error { get; private set; }

    public sealed class ItemEdit
    {
        public Guid Id { get; set; }
        public SwotQuadrant Quadrant { get; set; }
        [Required(ErrorMessage = V.Required), StringLength(SwotInput.TextMax, MinimumLength = 3, ErrorMessage = V.Length), Display(Name = "Swot.Field.Text")]
        public string Text { get; set; } = "";
        [StringLength(SwotInput.ExplanationMax, ErrorMessage = V.MaxLength), Display(Name = "Swot.Field.Explanation")]
        public string? Explanation { get; set; }
        [Range(0, 10_000, ErrorMessage = V.Range), Display(Name = "Swot.Field.Position")]
        public int Position { get; set; }
    }

    [BindProperty] public ItemEdit Edit { get; set; } = new();
    [BindProperty] public Guid MergeSource { get; set; }
    [BindProperty] public Guid MergeTarget { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct) => await LoadAsync(slug, id, ct) ?? Page();

    public async Task<IActionResult> OnPostEditAsync(string slug, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } fail)
            return fail;
        var item = await db.Set<SwotItem>().FirstOrDefaultAsync(i => i.Id == Edit.Id && i.BoardId == id && i.MergedIntoId == null, ct);
        if (item == null)
            return NotFound();
        if (!Enum.IsDefined(Edit.Quadrant))
            ModelState.AddModelError("Edit.Quadrant", l["Validation.ValueInvalidPlain"]);
        if (!ModelState.IsValid)
        {
            Error = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return Page();
        }
        item.Quadrant = Edit.Quadrant;
        item.Text = Edit.Text.Trim();
        item.Explanation = string.IsNullOrWhiteSpace(Edit.Explanation) ? null : Edit.Explanation.Trim();
        item.Position = Edit.Position;
        item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(User, "swot.item.edit", "swot-item", item.Id.ToString(), item.Text);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Swot.Saved"].Value;
        return Redirect(Scope.Path + "/manage");
    }

    public async Task<IActionResult> OnPostMergeAsync(string slug, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } fail)
            return fail;
        if (!await swot.MergeAsync(Scope, MergeSource, MergeTarget, ct))
        {
            Error = l["Swot.Refused.Merge"];
            return Page();
        }
        audit.Record(User, "swot.item.merge", "swot-item", MergeTarget.ToString(), MergeSource.ToString());
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Swot.Merged"].Value;
        return Redirect(Scope.Path + "/manage");
    }

    public Task<IActionResult> OnPostCloseAsync(string slug, Guid id, CancellationToken ct) => SetClosedAsync(slug, id, true, ct);

    public Task<IActionResult> OnPostReopenAsync(string slug, Guid id, CancellationToken ct) => SetClosedAsync(slug, id, false, ct);

    private async Task<IActionResult> SetClosedAsync(string slug, Guid id, bool close, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct, allowClosed: true) is { } fail)
            return fail;
        DateTime? at = close ? clock.GetUtcNow().UtcDateTime : null;
        await db.Set<SwotBoard>().Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.ClosedAt, at), ct);
        audit.Record(User, close ? "swot.board.close" : "swot.board.reopen", "swot-board", id.ToString());
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l[close ? "Swot.ClosedNow" : "Swot.Reopened"].Value;
        return Redirect(Scope.Path);
    }

    private async Task<IActionResult?> LoadAsync(string slug, Guid id, CancellationToken ct, bool allowClosed = false)
    {
        var scope = await swot.ScopeAsync(slug, id, User, ct);
        if (scope == null)
            return NotFound();
        if (!scope.CanManage)
            return Forbid();
        Scope = scope;
        Items = await swot.ItemsAsync(id, ct);
        var posting = HttpMethods.IsPost(Request.Method);
        if (posting && scope.Closed && !allowClosed)
        {
            // A closed board is frozen: edits and merges are refused with the reason.
            Error = l["Swot.Refused.Closed"];
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return null;
    }
}

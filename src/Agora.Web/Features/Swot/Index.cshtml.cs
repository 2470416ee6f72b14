using System.ComponentModel.DataAnnotations;
using Agora.Web.Features.Events;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Workshops;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Swot;

/// <summary>The SWOT boards of a process; facilitators open new ones here.</summary>
public sealed class IndexModel(SwotService swot, ProcessAccess access, AgoraDb db, AuditLog audit, TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<Resources.SharedResource> l) : PageModel
{
    public Process Process { get; private set; } = default!;
    public bool CanManage { get; private set; }
    public sealed record Row(Guid Id, LocalizedText Title, bool Closed, int Items, LocalizedText? Event);
    public IReadOnlyList<Row> Boards { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Title)> Events { get; private set; } = [];

    [BindProperty] public BoardInput Input { get; set; } = new();

    public sealed class BoardInput
    {
        [Required(ErrorMessage = V.Required), StringLength(200, MinimumLength = 3, ErrorMessage = V.Length), Display(Name = "Swot.Field.TitleBg")]
        public string TitleBg { get; set; } = "";

        [StringLength(200, ErrorMessage = V.MaxLength), Display(Name = "Swot.Field.TitleEn")]
        public string? TitleEn { get; set; }

        [Range(1, 50, ErrorMessage = V.Range), Display(Name = "Swot.Field.Dots")]
        public int Dots { get; set; } = 5;

        [Display(Name = "Workshops.Field.Eligibility")]
        public WorkshopEligibility Eligibility { get; set; }

        [Display(Name = "Workshops.Field.Event")]
        public Guid? EventId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        if (!CanManage)
            return Forbid();
        if (Input.EventId is Guid e && Events.All(x => x.Id != e))
            ModelState.AddModelError("Input.EventId", l["Validation.ValueInvalidPlain"]);
        if (!Enum.IsDefined(Input.Eligibility) || (Input.Eligibility == WorkshopEligibility.EventParticipants && Input.EventId == null))
            ModelState.AddModelError("Input.Eligibility", l["Workshops.Refused.EventNeeded"]);
        if (!ModelState.IsValid)
            return Page();
        var board = new SwotBoard
        {
            ProcessId = Process.Id,
            Title = new(Input.TitleBg.Trim(), Input.TitleEn?.Trim() ?? ""),
            DotsPerPerson = Input.Dots,
            Eligibility = Input.Eligibility,
            EventId = Input.EventId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(board);
        audit.Record(User, "swot.board.create", "swot-board", board.Id.ToString(), board.Title.Bg);
        await db.SaveChangesAsync(ct);
        return Redirect($"/processes/{Process.Slug}/swot/{board.Id}");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var process = await swot.ProcessAsync(slug, User, ct);
        if (process == null)
            return false;
        Process = process;
        CanManage = await access.CanManageAsync(User, process.Id, ct);
        Boards = await db.Set<SwotBoard>().AsNoTracking().Where(b => b.ProcessId == process.Id).OrderByDescending(b => b.CreatedAt)
            .Select(b => new Row(b.Id, b.Title, b.ClosedAt != null,
                db.Set<SwotItem>().Count(i => i.BoardId == b.Id && i.MergedIntoId == null),
                db.Set<Event>().Where(e => e.Id == b.EventId).Select(e => e.Title).FirstOrDefault()))
            .ToListAsync(ct);
        if (CanManage)
            Events = (await db.Set<Event>().AsNoTracking().Where(e => e.ProcessId == process.Id).OrderBy(e => e.StartsAt)
                .Select(e => new { e.Id, e.Title }).ToListAsync(ct)).Select(e => (e.Id, e.Title.Current)).ToList();
        return true;
    }
}

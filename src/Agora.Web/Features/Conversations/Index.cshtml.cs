using System.ComponentModel.DataAnnotations;
using Agora.OpinionMap;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Conversations;

/// <summary>The conversations of a process; its administrators also create and import them here.</summary>
public sealed class IndexModel(
    AgoraDb db, ConversationPages pages, ProcessAccess access, PolisInterchange polis, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public Process Process { get; private set; } = default!;
    public bool CanManage { get; private set; }
    public IReadOnlyList<Row> Conversations { get; private set; } = [];

    public sealed record Row(Guid Id, LocalizedText Topic, int Participants, int Votes, bool Closed, bool Published);

    [BindProperty]
    public CreateInput Create { get; set; } = new();

    [BindProperty]
    public ImportInput Import { get; set; } = new();

    public sealed class CreateInput
    {
        [Required(ErrorMessage = V.Required), StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Conversations.Field.TopicBg")]
        public string TopicBg { get; set; } = "";

        [StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Conversations.Field.TopicEn")]
        public string? TopicEn { get; set; }

        [StringLength(4000, ErrorMessage = V.MaxLength), Display(Name = "Conversations.Field.DescriptionBg")]
        public string? DescriptionBg { get; set; }

        [StringLength(4000, ErrorMessage = V.MaxLength), Display(Name = "Conversations.Field.DescriptionEn")]
        public string? DescriptionEn { get; set; }

        [Display(Name = "Conversations.Field.AllowAnonymous")]
        public bool AllowAnonymous { get; set; }

        [Display(Name = "Conversations.Field.ModerateStatements")]
        public bool ModerateStatements { get; set; }

        [Display(Name = "Conversations.Field.Published")]
        public bool Published { get; set; }
    }

    public sealed class ImportInput
    {
        [Required(ErrorMessage = V.Required), StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Conversations.Field.TopicBg")]
        public string TopicBg { get; set; } = "";

        [StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Conversations.Field.TopicEn")]
        public string? TopicEn { get; set; }

        [Required(ErrorMessage = V.Required), Display(Name = "Conversations.Field.CommentsCsv")]
        public IFormFile? Comments { get; set; }

        [Required(ErrorMessage = V.Required), Display(Name = "Conversations.Field.VotesCsv")]
        public IFormFile? Votes { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCreateAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        if (!CanManage)
            return Forbid();
        // Two forms on one page: validate only the one that was sent.
        ModelState.Clear();
        if (!TryValidateModel(Create, nameof(Create)))
            return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        var c = new Conversation
        {
            ProcessId = Process.Id,
            Topic = new(Create.TopicBg.Trim(), Create.TopicEn?.Trim() ?? ""),
            Description = new(Create.DescriptionBg?.Trim() ?? "", Create.DescriptionEn?.Trim() ?? ""),
            AllowAnonymous = Create.AllowAnonymous,
            ModerateStatements = Create.ModerateStatements,
            Published = Create.Published,
            CreatedById = User.UserId(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(c);
        audit.Record(User, "conversation.create", "conversation", c.Id.ToString(), c.Topic.Bg);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Conversations.Created"].Value;
        return Redirect($"/processes/{Process.Slug}/conversations/{c.Id}/manage");
    }

    public async Task<IActionResult> OnPostImportAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        if (!CanManage)
            return Forbid();
        ModelState.Clear();
        if (!TryValidateModel(Import, nameof(Import)))
            return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        var c = new Conversation
        {
            ProcessId = Process.Id,
            Topic = new(Import.TopicBg.Trim(), Import.TopicEn?.Trim() ?? ""),
            CreatedById = User.UserId(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        try
        {
            using var comments = new StreamReader(Import.Comments!.OpenReadStream());
            using var votes = new StreamReader(Import.Votes!.OpenReadStream());
            audit.Record(User, "conversation.import", "conversation", c.Id.ToString(), c.Topic.Bg);
            await polis.ImportAsync(c, comments, votes, ct);
        }
        catch (PolisCsvException e)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Import.Comments", l["Conversations.ImportFailed", e.Message]);
            return Page();
        }
        TempData["Status"] = l["Conversations.Imported"].Value;
        return Redirect($"/processes/{Process.Slug}/conversations/{c.Id}/manage");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var process = await pages.LoadProcessAsync(slug, User, ct);
        if (process == null)
            return false;
        Process = process;
        CanManage = await access.CanManageAsync(User, process.Id, ct);
        var canManage = CanManage;
        Conversations = await db.Set<Conversation>().AsNoTracking()
            .Where(c => c.ProcessId == process.Id && (c.Published || canManage))
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => new Row(c.Id, c.Topic, c.ParticipantCount, c.VoteCount, c.Closed, c.Published))
            .ToListAsync(ct);
        return true;
    }
}

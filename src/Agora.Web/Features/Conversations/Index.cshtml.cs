using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Agora.Web.Features.Imports;
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
[RequestSizeLimit(ImportOptions.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportOptions.RequestLimit)]
public sealed class IndexModel(
    AgoraDb db, ConversationPages pages, ProcessAccess access, ImportQueue imports, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public Process Process { get; private set; } = default!;
    public bool CanManage { get; private set; }
    public IReadOnlyList<Row> Conversations { get; private set; } = [];

    /// <summary>Recent Pol.is imports into this process, for its administrators: each links to its progress and result.</summary>
    public IReadOnlyList<ImportJob> Imports { get; private set; } = [];

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
        foreach (var (name, file) in new[] { ("Import.Comments", Import.Comments!), ("Import.Votes", Import.Votes!) })
        {
            if (file.Length > imports.MaxFileBytes)
                ModelState.AddModelError(name, l["Imports.TooLarge", ImportsText.Size(imports.MaxFileBytes)]);
        }
        if (!ModelState.IsValid)
            return Page();
        // Stored and imported by a background job: a 200,000-vote file no longer holds a request for minutes.
        var parameters = JsonSerializer.Serialize(new PolisImportParameters(Process.Id, Process.Slug, Import.TopicBg.Trim(), Import.TopicEn?.Trim() ?? ""));
        var job = await imports.EnqueueAsync(PolisImport.KindName, Import.TopicBg.Trim(), parameters,
            new Dictionary<string, IFormFile> { ["comments.csv"] = Import.Comments!, ["votes.csv"] = Import.Votes! }, Process.Id, User, ct);
        return Redirect($"/imports/{job.Id}");
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
        if (canManage)
        {
            Imports = await db.Set<ImportJob>().AsNoTracking()
                .Where(j => j.Kind == PolisImport.KindName && j.ProcessId == process.Id)
                .OrderByDescending(j => j.CreatedAt).Take(5).ToListAsync(ct);
        }
        return true;
    }
}

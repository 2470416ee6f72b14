using System.ComponentModel.DataAnnotations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Conversations;

/// <summary>For the process's administrators: seed statements, moderate, mark meta statements, settings, export.</summary>
[Authorize]
public sealed class ManageModel(
    AgoraDb db, ConversationPages pages, ConversationService service, OpinionMapRefresh refresh, AuditLog audit,
    TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Process Process { get; private set; } = default!;
    public Conversation Conversation { get; private set; } = default!;
    public IReadOnlyList<Row> Statements { get; private set; } = [];
    public DateTime? ComputedAt { get; private set; }

    public sealed record Row(Guid Id, int Number, string Text, string TranslationEn, StatementStatus Status, bool IsSeed, bool IsMeta,
        int Agree, int Disagree, int Pass, DateTime CreatedAt);

    [BindProperty]
    public SeedInput Seed { get; set; } = new();

    public sealed class SeedInput
    {
        [Required(ErrorMessage = V.Required), StringLength(ConversationService.StatementMaxLength, ErrorMessage = V.MaxLength)]
        [Display(Name = "Conversations.Field.Statement")]
        public string Text { get; set; } = "";

        [StringLength(ConversationService.StatementMaxLength, ErrorMessage = V.MaxLength), Display(Name = "Conversations.Field.TranslationEn")]
        public string? TranslationEn { get; set; }
    }

    [BindProperty]
    public DetailsInput Details { get; set; } = new();

    public sealed class DetailsInput
    {
        [Required(ErrorMessage = V.Required), StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Conversations.Field.TopicBg")]
        public string TopicBg { get; set; } = "";

        [StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Conversations.Field.TopicEn")]
        public string? TopicEn { get; set; }

        [StringLength(4000, ErrorMessage = V.MaxLength), Display(Name = "Conversations.Field.DescriptionBg")]
        public string? DescriptionBg { get; set; }

        [StringLength(4000, ErrorMessage = V.MaxLength), Display(Name = "Conversations.Field.DescriptionEn")]
        public string? DescriptionEn { get; set; }
    }

    public async Task<IActionResult> OnPostDetailsAsync(string slug, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
            return refused;
        // Two forms with fields on this page: validate only the one that was sent.
        ModelState.Clear();
        if (!TryValidateModel(Details, nameof(Details)))
            return Page();
        var c = await db.Set<Conversation>().FirstAsync(x => x.Id == Conversation.Id, ct);
        c.Topic = new(Details.TopicBg.Trim(), Details.TopicEn?.Trim() ?? "");
        c.Description = new(Details.DescriptionBg?.Trim() ?? "", Details.DescriptionEn?.Trim() ?? "");
        c.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(User, "conversation.edit", "conversation", c.Id.ToString(), c.Topic.Bg);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Conversations.Saved"].Value;
        return Redirect(Path);
    }

    private string Path => $"/processes/{Process.Slug}/conversations/{Conversation.Id}/manage";

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
            return refused;
        Details = new DetailsInput
        {
            TopicBg = Conversation.Topic.Bg,
            TopicEn = Conversation.Topic.En,
            DescriptionBg = Conversation.Description.Bg,
            DescriptionEn = Conversation.Description.En,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostSeedAsync(string slug, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
            return refused;
        ModelState.Clear();
        if (!TryValidateModel(Seed, nameof(Seed)))
            return Page();
        var s = await service.AddStatementAsync(Conversation, null, Seed.Text, seed: true, Seed.TranslationEn ?? "", ct);
        audit.Record(User, "conversation.seed", "statement", s.Id.ToString(), s.Text);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Conversations.StatementAdded"].Value;
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostModerateAsync(string slug, Guid id, Guid statementId, bool accept, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(slug, id, ct) is { } refused)
            return refused;
        var s = await db.Set<Statement>().FirstOrDefaultAsync(x => x.Id == statementId && x.ConversationId == Conversation.Id, ct);
        if (s == null)
            return NotFound();
        s.Status = accept ? StatementStatus.Accepted : StatementStatus.Rejected;
        audit.Record(User, accept ? "conversation.statement.accept" : "conversation.statement.reject", "statement", s.Id.ToString(), s.Text);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await service.BumpVersionAsync(Conversation.Id, ct);
        await tx.CommitAsync(ct);
        TempData["Status"] = l[accept ? "Conversations.Accepted" : "Conversations.Rejected"].Value;
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostMetaAsync(string slug, Guid id, Guid statementId, bool meta, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(slug, id, ct) is { } refused)
            return refused;
        var s = await db.Set<Statement>().FirstOrDefaultAsync(x => x.Id == statementId && x.ConversationId == Conversation.Id, ct);
        if (s == null)
            return NotFound();
        s.IsMeta = meta;
        audit.Record(User, "conversation.statement.meta", "statement", s.Id.ToString(), meta ? "true" : "false");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await service.BumpVersionAsync(Conversation.Id, ct);
        await tx.CommitAsync(ct);
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostSettingsAsync(string slug, Guid id, bool closed, bool published, bool allowAnonymous,
        bool moderateStatements, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(slug, id, ct) is { } refused)
            return refused;
        var c = await db.Set<Conversation>().FirstAsync(x => x.Id == Conversation.Id, ct);
        c.Closed = closed;
        c.Published = published;
        c.AllowAnonymous = allowAnonymous;
        c.ModerateStatements = moderateStatements;
        c.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(User, "conversation.settings", "conversation", c.Id.ToString(),
            $"closed={closed} published={published} anonymous={allowAnonymous} moderate={moderateStatements}");
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Conversations.Saved"].Value;
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostRecomputeAsync(string slug, Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(slug, id, ct) is { } refused)
            return refused;
        await refresh.RecomputeAsync(Conversation.Id, ct);
        TempData["Status"] = l["Conversations.Recomputed"].Value;
        return Redirect(Path);
    }

    /// <summary>Null when the page may be shown; otherwise the refusal (404 for readers who may not see it, 403 for
    /// those who see it but do not manage the process).</summary>
    private async Task<IActionResult?> LoadAsync(string slug, Guid id, CancellationToken ct)
    {
        var loaded = await pages.LoadAsync(slug, id, User, ct);
        if (loaded == null)
            return NotFound();
        if (!loaded.CanManage)
            return Forbid();
        (Process, Conversation, _) = loaded;
        var cid = Conversation.Id;
        Statements = await db.Set<Statement>().AsNoTracking()
            .Where(s => s.ConversationId == cid)
            .OrderBy(s => s.Status == StatementStatus.Pending ? 0 : 1).ThenBy(s => s.Number)
            .Select(s => new Row(s.Id, s.Number, s.Text, s.TranslationEn, s.Status, s.IsSeed, s.IsMeta,
                s.AgreeCount, s.DisagreeCount, s.PassCount, s.CreatedAt))
            .ToListAsync(ct);
        ComputedAt = await db.Set<ConversationResult>().Where(r => r.ConversationId == cid)
            .Select(r => (DateTime?)r.ComputedAt).FirstOrDefaultAsync(ct);
        return null;
    }
}

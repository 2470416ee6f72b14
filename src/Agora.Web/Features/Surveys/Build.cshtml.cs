using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Agora.Web.Features.Events;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Surveys;

/// <summary>
/// The survey builder for the process's administrators: settings, sections and questions (added one at a time,
/// moved with up/down buttons, deleted), publishing and closing. Plain forms; no JavaScript needed. Once a survey
/// has responses its questions are frozen, so the answers keep meaning what they meant; it can still be closed.
/// </summary>
public sealed class BuildModel(AgoraDb db, SurveyService surveys, AuditLog audit, TimeProvider clock,
    Infrastructure.Email.Outbox outbox, PublicLinks links, IStringLocalizer<SharedResource> l) : PageModel
{
    public Process Process { get; private set; } = default!;
    public Survey Survey { get; private set; } = default!;
    public SurveyDefinition Definition { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Events { get; private set; } = [];
    public int InviteeCount { get; private set; }

    [BindProperty]
    public SettingsInput Settings { get; set; } = new();

    [BindProperty]
    public QuestionInput Question { get; set; } = new();

    public sealed class SettingsInput
    {
        [Required(ErrorMessage = V.Required), StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Surveys.Field.TitleBg")]
        public string TitleBg { get; set; } = "";

        [StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Surveys.Field.TitleEn")]
        public string? TitleEn { get; set; }

        [StringLength(4000, ErrorMessage = V.MaxLength), Display(Name = "Surveys.Field.DescriptionBg")]
        public string? DescriptionBg { get; set; }

        [StringLength(4000, ErrorMessage = V.MaxLength), Display(Name = "Surveys.Field.DescriptionEn")]
        public string? DescriptionEn { get; set; }

        [Display(Name = "Surveys.Field.Audience")]
        public SurveyAudience Audience { get; set; }

        [Display(Name = "Surveys.Field.ClosesAt")]
        public DateTime? ClosesAt { get; set; }

        [Display(Name = "Surveys.Field.Event")]
        public Guid? EventId { get; set; }

        [Display(Name = "Surveys.Field.ResultsPublic")]
        public bool ResultsPublic { get; set; }

        [Display(Name = "Surveys.Field.AnswersPublic")]
        public bool AnswersPublic { get; set; }

        [StringLength(100_000, ErrorMessage = V.MaxLength), Display(Name = "Surveys.Field.Invitees")]
        public string? Invitees { get; set; }
    }

    public sealed class QuestionInput
    {
        [Display(Name = "Surveys.Field.Type")]
        public QuestionType Type { get; set; } = QuestionType.SingleChoice;

        [Required(ErrorMessage = V.Required), StringLength(1000, ErrorMessage = V.MaxLength), Display(Name = "Surveys.Field.TextBg")]
        public string TextBg { get; set; } = "";

        [StringLength(1000, ErrorMessage = V.MaxLength), Display(Name = "Surveys.Field.TextEn")]
        public string? TextEn { get; set; }

        [Display(Name = "Surveys.Field.Required")]
        public bool Required { get; set; }

        [StringLength(20_000, ErrorMessage = V.MaxLength), Display(Name = "Surveys.Field.Options")]
        public string? Options { get; set; }

        [Range(-1_000_000_000, 1_000_000_000, ErrorMessage = V.Range), Display(Name = "Surveys.Field.Min")]
        public int? Min { get; set; }

        [Range(-1_000_000_000, 1_000_000_000, ErrorMessage = V.Range), Display(Name = "Surveys.Field.Max")]
        public int? Max { get; set; }

        /// <summary>"1-5" or "0-10".</summary>
        [Display(Name = "Surveys.Field.Scale")]
        public string Scale { get; set; } = "1-5";

        /// <summary>"{questionId}:{optionId}" of an earlier choice question, or empty.</summary>
        [Display(Name = "Surveys.Field.Condition")]
        public string? Condition { get; set; }
    }

    private string Path => $"/processes/{Process.Slug}/surveys/{Survey.Id}/build";

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
            return refused;
        await FillSettingsAsync(ct);
        return Page();
    }

    /// <summary>The settings form as stored, so that a refused question form shows the settings unchanged below it.</summary>
    private async Task FillSettingsAsync(CancellationToken ct)
    {
        var id = Survey.Id;
        Settings = new SettingsInput
        {
            TitleBg = Survey.Title.Bg,
            TitleEn = Survey.Title.En,
            DescriptionBg = Survey.Description.Bg,
            DescriptionEn = Survey.Description.En,
            Audience = Survey.Audience,
            ClosesAt = Survey.ClosesAt is DateTime c ? Format.ToSofia(c) : null,
            EventId = Survey.EventId,
            ResultsPublic = Survey.ResultsPublic,
            AnswersPublic = Survey.AnswersPublic,
            Invitees = string.Join("\n", (await db.Set<SurveyInvitee>().AsNoTracking().Where(i => i.SurveyId == id)
                .OrderBy(i => i.NormalizedEmail).Select(i => i.NormalizedEmail).ToListAsync(ct)).Select(e => e.ToLowerInvariant())),
        };
    }

    public async Task<IActionResult> OnPostSettingsAsync(string slug, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
            return refused;
        ModelState.Clear();
        if (!TryValidateModel(Settings, nameof(Settings)))
            return Page();
        if (Settings.EventId is Guid ev && Events.All(e => e.Value != ev.ToString()))
            ModelState.AddModelError("Settings.EventId", l["Surveys.Error.UnknownEvent"]);
        var emails = (Settings.Invitees ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var bad = emails.FirstOrDefault(e => !new EmailAddressAttribute().IsValid(e) || e.Length > 256);
        if (bad != null)
            ModelState.AddModelError("Settings.Invitees", l["Surveys.Error.BadEmail", bad]);
        if (Settings.Audience == SurveyAudience.Invitees && emails.Count == 0)
            ModelState.AddModelError("Settings.Invitees", l["Surveys.Error.NoInvitees"]);
        if (!ModelState.IsValid)
            return Page();
        var survey = await db.Set<Survey>().FirstAsync(s => s.Id == id, ct);
        survey.Title = new(Settings.TitleBg.Trim(), Settings.TitleEn?.Trim() ?? "");
        survey.Description = new(Settings.DescriptionBg?.Trim() ?? "", Settings.DescriptionEn?.Trim() ?? "");
        survey.Audience = Settings.Audience;
        survey.ClosesAt = Settings.ClosesAt is DateTime local ? Format.FromSofia(local) : null;
        survey.EventId = Settings.EventId;
        survey.ResultsPublic = Settings.ResultsPublic;
        survey.AnswersPublic = Settings.AnswersPublic;
        survey.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        // Addresses that stay keep their invitation date, so sending invitations again reaches only the new ones.
        var existing = await db.Set<SurveyInvitee>().Where(i => i.SurveyId == id).ToListAsync(ct);
        var wanted = emails.Select(e => e.ToUpperInvariant()).ToHashSet();
        db.RemoveRange(existing.Where(i => !wanted.Contains(i.NormalizedEmail)));
        db.AddRange(wanted.Where(e => existing.All(i => i.NormalizedEmail != e)).Select(e => new SurveyInvitee { SurveyId = id, NormalizedEmail = e }));
        audit.Record(User, "survey.settings", "survey", id.ToString(), survey.Title.Bg);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        TempData["Status"] = l["Surveys.Saved"].Value;
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostQuestionAsync(string slug, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
            return refused;
        ModelState.Clear();
        if (Frozen() is { } frozen)
            return frozen;
        if (!TryValidateModel(Question, nameof(Question)))
        {
            await FillSettingsAsync(ct);
            return Page();
        }
        var q = Question;
        var options = (q.Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|', 2, StringSplitOptions.TrimEntries))
            .Select(parts => new LocalizedText(parts[0], parts.Length > 1 ? parts[1] : ""))
            .Where(t => t.Bg.Length > 0).ToList();
        var question = new SurveyQuestion
        {
            SurveyId = id,
            Position = Definition.Items.Count == 0 ? 0 : Definition.Items.Max(i => i.Position) + 1,
            Type = q.Type,
            Text = new(q.TextBg.Trim(), q.TextEn?.Trim() ?? ""),
            Required = q.Type != QuestionType.Section && q.Required,
            Min = q.Type is QuestionType.MultipleChoice or QuestionType.Number ? q.Min : null,
            Max = q.Type is QuestionType.MultipleChoice or QuestionType.Number ? q.Max : null,
            ScaleMin = q.Scale == "0-10" ? 0 : 1,
            ScaleMax = q.Scale == "0-10" ? 10 : 5,
        };
        if (question.HasOptions && options.Count < (q.Type == QuestionType.Matrix ? 1 : 2))
            ModelState.AddModelError("Question.Options", l[q.Type == QuestionType.Matrix ? "Surveys.Error.NeedRows" : "Surveys.Error.NeedOptions"]);
        if (options.Any(o => o.Bg.Length > 300 || o.En.Length > 300) || options.Count > 50)
            ModelState.AddModelError("Question.Options", l["Surveys.Error.OptionsTooLong"]);
        if (question.Min is int min && question.Max is int max && min > max)
            ModelState.AddModelError("Question.Max", l["Surveys.Error.MinAboveMax"]);
        if (q.Type == QuestionType.MultipleChoice && (question.Min < 0 || question.Max < 1 || question.Min > options.Count || question.Max > options.Count))
            ModelState.AddModelError("Question.Max", l["Surveys.Error.ChoiceLimits", options.Count]);
        if (!string.IsNullOrWhiteSpace(q.Condition))
        {
            var parts = q.Condition.Split(':');
            if (parts.Length == 2 && Guid.TryParse(parts[0], out var cq) && Guid.TryParse(parts[1], out var co)
                && Definition.Question(cq) is { Type: QuestionType.SingleChoice or QuestionType.MultipleChoice }
                && Definition.Option(co)?.QuestionId == cq && q.Type != QuestionType.Section)
            {
                question.ConditionQuestionId = cq;
                question.ConditionOptionId = co;
            }
            else
                ModelState.AddModelError("Question.Condition", l["Surveys.Error.BadCondition"]);
        }
        if (!ModelState.IsValid)
        {
            await FillSettingsAsync(ct);
            return Page();
        }
        db.Add(question);
        if (question.HasOptions)
            db.AddRange(options.Select((t, i) => new SurveyOption { QuestionId = question.Id, SurveyId = id, Position = i, Text = t }));
        audit.Record(User, "survey.question.add", "survey", id.ToString(), question.Text.Bg);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l[q.Type == QuestionType.Section ? "Surveys.SectionAdded" : "Surveys.QuestionAdded"].Value;
        return Redirect(Path + "#items");
    }

    public async Task<IActionResult> OnPostMoveAsync(string slug, Guid id, Guid item, bool up, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
            return refused;
        if (Frozen() is { } frozen)
            return frozen;
        var items = Definition.Items.ToList();
        var index = items.FindIndex(i => i.Id == item);
        var other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= items.Count)
            return Redirect(Path + "#items");
        (items[index], items[other]) = (items[other], items[index]);
        // A condition must point to an earlier question, or the form could not be read top to bottom.
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].ConditionQuestionId is Guid cq && items.FindIndex(x => x.Id == cq) > i)
            {
                TempData["Status"] = l["Surveys.Error.ConditionOrder"].Value;
                return Redirect(Path + "#items");
            }
        }
        var tracked = await db.Set<SurveyQuestion>().Where(q => q.SurveyId == id).ToListAsync(ct);
        for (var i = 0; i < items.Count; i++)
            tracked.First(t => t.Id == items[i].Id).Position = i;
        await db.SaveChangesAsync(ct);
        return Redirect(Path + "#items");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string slug, Guid id, Guid item, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
            return refused;
        if (Frozen() is { } frozen)
            return frozen;
        if (Definition.Items.Any(q => q.ConditionQuestionId == item))
        {
            TempData["Status"] = l["Surveys.Error.ConditionDepends"].Value;
            return Redirect(Path + "#items");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<SurveyOption>().Where(o => o.QuestionId == item && o.SurveyId == id).ExecuteDeleteAsync(ct);
        await db.Set<SurveyQuestion>().Where(q => q.Id == item && q.SurveyId == id).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        audit.Record(User, "survey.question.delete", "survey", id.ToString(), item.ToString());
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Surveys.Deleted"].Value;
        return Redirect(Path + "#items");
    }

    public async Task<IActionResult> OnPostPublishAsync(string slug, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
            return refused;
        if (!Definition.Questions.Any())
        {
            TempData["Status"] = l["Surveys.Error.NoQuestions"].Value;
            return Redirect(Path);
        }
        await SetStateAsync(id, published: true, closed: false, "survey.publish", ct);
        TempData["Status"] = l["Surveys.Published"].Value;
        return Redirect(Path);
    }

    /// <summary>Queues an invitation e-mail to every invitee not yet invited, in their own language when they have
    /// an account; the invitees are marked in the same transaction, so a second click sends nothing twice.</summary>
    public async Task<IActionResult> OnPostInviteAsync(string slug, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
            return refused;
        if (Survey.Audience != SurveyAudience.Invitees || !Survey.IsOpenAt(clock.GetUtcNow().UtcDateTime))
        {
            TempData["Status"] = l["Surveys.Error.InviteWhenOpen"].Value;
            return Redirect(Path);
        }
        var pending = await db.Set<SurveyInvitee>().Where(i => i.SurveyId == id && i.InvitedAt == null).ToListAsync(ct);
        var emails = pending.Select(i => i.NormalizedEmail).ToList();
        var cultures = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail))
            .Select(u => new { u.NormalizedEmail, u.PreferredCulture }).ToListAsync(ct);
        var url = links.Absolute($"/processes/{Process.Slug}/surveys/{id}");
        var now = clock.GetUtcNow().UtcDateTime;
        var survey = Survey;
        var process = Process;
        foreach (var invitee in pending)
        {
            var culture = cultures.FirstOrDefault(c => c.NormalizedEmail == invitee.NormalizedEmail)?.PreferredCulture ?? "bg";
            outbox.Enqueue(invitee.NormalizedEmail.ToLowerInvariant(), culture, t => new Infrastructure.Email.EmailContent(
                t["Surveys.Email.InviteSubject", survey.Title.Current].Value,
                [t["Surveys.Email.Invite", survey.Title.Current, process.Title.Current].Value, t["Surveys.Email.InviteHow"].Value])
            {
                ActionText = t["Surveys.Email.InviteAction"].Value,
                ActionUrl = url,
            });
            invitee.InvitedAt = now;
        }
        audit.Record(User, "survey.invite", "survey", id.ToString(), pending.Count.ToString(CultureInfo.InvariantCulture));
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        TempData["Status"] = l["Surveys.InvitationsSent", pending.Count].Value;
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostCloseAsync(string slug, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
            return refused;
        await SetStateAsync(id, published: Survey.Published, closed: true, "survey.close", ct);
        TempData["Status"] = l["Surveys.ClosedNow"].Value;
        return Redirect(Path);
    }

    private async Task SetStateAsync(Guid id, bool published, bool closed, string action, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<Survey>().Where(s => s.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Published, published).SetProperty(x => x.Closed, closed).SetProperty(x => x.UpdatedAt, now), ct);
        audit.Record(User, action, "survey", id.ToString());
        db.Add(Search.SearchChange.For(SurveySearchSource.KindName, id));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Questions of a survey with responses cannot change: refused with a message.</summary>
    private RedirectResult? Frozen()
    {
        if (Survey.ResponseCount == 0)
            return null;
        TempData["Status"] = l["Surveys.Error.HasResponses"].Value;
        return Redirect(Path + "#items");
    }

    /// <summary>Choices of earlier questions a new question can depend on.</summary>
    public IEnumerable<SelectListItem> ConditionChoices() =>
        new[] { new SelectListItem(l["Surveys.NoCondition"], "") }.Concat(
            Definition.Questions.Where(q => q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice)
                .SelectMany(q => Definition.OptionsOf(q.Id).Select(o => new SelectListItem(
                    l["Surveys.ConditionChoice", Definition.NumberOf(q.Id), o.Text.Current], $"{q.Id}:{o.Id}"))));

    public IEnumerable<SelectListItem> TypeChoices() =>
        Enum.GetValues<QuestionType>().Select(t => new SelectListItem(l["Surveys.Type." + t], t.ToString()));

    public IEnumerable<SelectListItem> AudienceChoices() =>
        Enum.GetValues<SurveyAudience>().Select(a => new SelectListItem(l["Surveys.Audience." + a], a.ToString()));

    public IEnumerable<SelectListItem> ScaleChoices() => [new("1–5", "1-5"), new("0–10", "0-10")];

    private async Task<IActionResult?> LoadAsync(string slug, Guid id, CancellationToken ct)
    {
        var loaded = await surveys.LoadAsync(slug, id, User, ct);
        if (loaded == null)
            return NotFound();
        if (!loaded.CanManage)
            return Forbid();
        (Process, Survey, _) = loaded;
        Definition = await surveys.DefinitionAsync(Survey, ct);
        var processId = Process.Id;
        var events = await db.Set<Event>().AsNoTracking().Where(e => e.ProcessId == processId).OrderBy(e => e.StartsAt)
            .Select(e => new { e.Id, e.Title, e.StartsAt }).ToListAsync(ct);
        Events = [new SelectListItem(l["Surveys.NoEvent"], ""),
            .. events.Select(e => new SelectListItem($"{e.Title.Current} ({Format.Date(e.StartsAt)})", e.Id.ToString()))];
        InviteeCount = await db.Set<SurveyInvitee>().CountAsync(i => i.SurveyId == id, ct);
        return null;
    }

    public static string Describe(SurveyQuestion q) => q.Type switch
    {
        QuestionType.Scale or QuestionType.Matrix => $"{q.ScaleMin.ToString(CultureInfo.InvariantCulture)}–{q.ScaleMax.ToString(CultureInfo.InvariantCulture)}",
        QuestionType.MultipleChoice or QuestionType.Number when q.Min != null || q.Max != null =>
            $"{q.Min?.ToString(CultureInfo.InvariantCulture) ?? "…"}–{q.Max?.ToString(CultureInfo.InvariantCulture) ?? "…"}",
        _ => "",
    };
}

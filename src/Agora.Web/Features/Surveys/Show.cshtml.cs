using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace Agora.Web.Features.Surveys;

/// <summary>
/// The answer form. All questions are rendered; conditional ones say when to answer them (a small script hides
/// them while their condition is unmet). A refused submission shows every error beside its question and keeps
/// all the other answers as typed.
/// </summary>
public sealed class ShowModel(Infrastructure.Data.AgoraDb db, SurveyService surveys, IStringLocalizer<SharedResource> l) : PageModel
{
    public Process Process { get; private set; } = default!;
    public Survey Survey { get; private set; } = default!;
    public bool CanManage { get; private set; }
    public SurveyDefinition Definition { get; private set; } = default!;
    public AnswerPermission Permission { get; private set; } = new(false, null, false);

    /// <summary>The event the survey is tied to, when there is one and the reader may see it.</summary>
    public (Guid Id, Infrastructure.Data.LocalizedText Title)? Event { get; private set; }

    /// <summary>Errors by question id, already localized.</summary>
    public Dictionary<Guid, string> Errors { get; } = [];

    private IFormCollection? posted;

    /// <summary>What was posted for a field (to keep answers after a refusal); empty on a fresh form.</summary>
    public StringValues Posted(string field) => posted != null && posted.TryGetValue(field, out var v) ? v : StringValues.Empty;

    public bool IsPosted(string field, string value) => Posted(field).Contains(value);

    public string Path => $"/processes/{Process.Slug}/surveys/{Survey.Id}";

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct) =>
        await LoadAsync(slug, id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        if (!Permission.Allowed)
        {
            if (User.UserId() == null && Permission.Refusal is "Surveys.SignInToAnswer" or "Surveys.InviteesOnly")
                return Challenge();
            TempData["Status"] = l[Permission.Refusal ?? "Surveys.ClosedNotice"].Value;
            return Redirect(Path);
        }
        posted = Request.Form;
        var (answers, errors) = SurveyForm.Read(Definition, name => Request.Form[name]);
        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                var message = l[e.Key, e.Args].Value;
                Errors[e.QuestionId] = message;
                ModelState.AddModelError(SurveyDefinition.Field(e.QuestionId), message);
            }
            return Page();
        }
        var key = User.UserId() != null ? SurveyService.KeyOf(User, Request) : ParticipantKeys.EnsureAnonymousKey(HttpContext);
        var outcome = await surveys.SubmitAsync(Survey, key, answers, ct);
        TempData["Status"] = l[outcome == SubmitOutcome.Recorded ? "Surveys.Thanks" : "Surveys.AlreadyAnswered"].Value;
        return Redirect(Path);
    }

    private async Task<bool> LoadAsync(string slug, Guid id, CancellationToken ct)
    {
        var loaded = await surveys.LoadAsync(slug, id, User, ct);
        if (loaded == null)
            return false;
        (Process, Survey, CanManage) = loaded;
        Definition = await surveys.DefinitionAsync(Survey, ct);
        Permission = await surveys.PermissionAsync(Survey, User, Request, ct);
        if (Survey.EventId is Guid eventId)
        {
            var ev = await db.Set<Events.Event>().AsNoTracking().Where(e => e.Id == eventId && e.Published)
                .Select(e => new { e.Id, e.Title }).FirstOrDefaultAsync(ct);
            Event = ev == null ? null : (ev.Id, ev.Title);
        }
        return true;
    }
}

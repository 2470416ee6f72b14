using System.ComponentModel.DataAnnotations;
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

namespace Agora.Web.Features.Surveys;

/// <summary>The surveys of a process; its administrators also start new ones here (as drafts).</summary>
public sealed class IndexModel(AgoraDb db, SurveyService surveys, ProcessAccess access, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public Process Process { get; private set; } = default!;
    public bool CanManage { get; private set; }
    public IReadOnlyList<Row> Surveys { get; private set; } = [];

    public sealed record Row(Guid Id, LocalizedText Title, int Responses, bool Published, bool Closed, DateTime? ClosesAt, bool ResultsPublic);

    [BindProperty]
    public CreateInput Create { get; set; } = new();

    public sealed class CreateInput
    {
        [Required(ErrorMessage = V.Required), StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Surveys.Field.TitleBg")]
        public string TitleBg { get; set; } = "";

        [StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Surveys.Field.TitleEn")]
        public string? TitleEn { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        if (!CanManage)
            return Forbid();
        if (!ModelState.IsValid)
            return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        var survey = new Survey
        {
            ProcessId = Process.Id,
            Title = new(Create.TitleBg.Trim(), Create.TitleEn?.Trim() ?? ""),
            Audience = SurveyAudience.SignedIn,
            CreatedById = User.UserId(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(survey);
        audit.Record(User, "survey.create", "survey", survey.Id.ToString(), survey.Title.Bg);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Surveys.Created"].Value;
        return Redirect($"/processes/{Process.Slug}/surveys/{survey.Id}/build");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var process = await surveys.LoadProcessAsync(slug, User, ct);
        if (process == null)
            return false;
        Process = process;
        CanManage = await access.CanManageAsync(User, process.Id, ct);
        var canManage = CanManage;
        Surveys = await db.Set<Survey>().AsNoTracking()
            .Where(s => s.ProcessId == process.Id && (s.Published || canManage))
            .OrderByDescending(s => s.CreatedAt)
            .Select(s => new Row(s.Id, s.Title, s.ResponseCount, s.Published, s.Closed, s.ClosesAt, s.ResultsPublic))
            .ToListAsync(ct);
        return true;
    }
}

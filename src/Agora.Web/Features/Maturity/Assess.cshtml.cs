using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Maturity;

/// <summary>
/// An assessor's form: every dimension with its level descriptors, a current and a target level, a justification and
/// evidence links. "Save draft" keeps a half-finished assessment (never counted); "Submit" is final.
/// </summary>
public sealed class AssessModel(MaturityService maturity, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class ScoreField
    {
        public Guid DimensionId { get; set; }
        public int? Current { get; set; }
        public int? Target { get; set; }
        public string? Justification { get; set; }
        public string? Evidence { get; set; }
    }

    public MaturityScope Scope { get; private set; } = default!;
    public MaturityRound Round { get; private set; } = default!;
    public MaturityFramework Framework { get; private set; } = default!;
    /// <summary>Why the reader may not assess (resource key), shown instead of the form.</summary>
    public string? Refusal { get; private set; }
    public bool Submitted { get; private set; }

    [BindProperty] public List<ScoreField> Scores { get; set; } = [];
    [BindProperty(Name = "Action")] public string? Choice { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, string round, CancellationToken ct)
    {
        if (await LoadAsync(slug, round, ct) is { } early)
            return early;
        var mine = User.UserId() is Guid uid ? await maturity.AssessmentAsync(Round.Id, uid, ct) : null;
        Submitted = mine?.SubmittedAt != null;
        if (Submitted)
            Refusal = "Maturity.Refused.AlreadySubmitted";
        Scores = Framework.Dimensions.Select(d =>
        {
            var s = mine?.Scores.FirstOrDefault(x => x.DimensionId == d.Id);
            return new ScoreField { DimensionId = d.Id, Current = s?.Current, Target = s?.Target, Justification = s?.Justification, Evidence = s?.Evidence };
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string round, CancellationToken ct)
    {
        if (await LoadAsync(slug, round, ct) is { } early)
            return early;
        if (Refusal != null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var (actor, group, _) = await maturity.CheckAsync(Scope, Round, User, ct);
        var submit = Choice == "submit";
        var inputs = Scores.Select(s => new ScoreInput(s.DimensionId, s.Current, s.Target, s.Justification, s.Evidence)).ToList();
        var problems = MaturityService.Validate(Framework, inputs, submit);
        foreach (var p in problems)
        {
            var index = Scores.FindIndex(s => s.DimensionId == p.DimensionId);
            var dimension = Framework.Dimensions.FirstOrDefault(d => d.Id == p.DimensionId);
            ModelState.AddModelError(index < 0 ? "" : $"Scores[{index}].{p.Field}",
                dimension == null ? l[p.Key].Value : $"{dimension.Name.Current}: {l[p.Key].Value}");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var refusal = await maturity.SaveAsync(Round, actor!.Id, group!, inputs, submit, ct);
        if (refusal != null)
        {
            Refusal = refusal;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (submit)
            audit.Record(User, "maturity.assessment.submit", "maturity-round", Round.Id.ToString(), group!);
        TempData["Status"] = l[submit ? "Maturity.Assessment.Submitted" : "Maturity.Assessment.DraftSaved"].Value;
        return Redirect(submit ? Scope.PathOf(Round) : Scope.PathOf(Round) + "/assess");
    }

    private async Task<IActionResult?> LoadAsync(string slug, string round, CancellationToken ct)
    {
        var scope = await maturity.ScopeAsync(slug, User, ct);
        if (scope == null)
            return NotFound();
        var r = await maturity.RoundAsync(scope, round, ct);
        if (r == null)
            return NotFound();
        if (User.Identity?.IsAuthenticated != true)
            return Challenge();
        Scope = scope;
        Round = r;
        Framework = await maturity.FrameworkAsync(r.FrameworkId, ct);
        var (_, _, refusal) = await maturity.CheckAsync(scope, r, User, ct);
        Refusal = refusal;
        return null;
    }
}

using Agora.Web.Infrastructure.Identity;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Needs;

/// <summary>A participant's ballot: their top five needs in order, or 100 points spread over the needs.</summary>
public sealed class RankModel(NeedsService needs, IStringLocalizer<SharedResource> l) : PageModel
{
    public NeedsScope Scope { get; private set; } = default!;
    public IReadOnlyList<Need> Needs { get; private set; } = [];
    public string? Refusal { get; private set; }
    public string? Error { get; private set; }

    /// <summary>Top five: the need chosen for each rank (index 0 is rank 1).</summary>
    [BindProperty(Name = "Slots")] public List<Guid?> Slots { get; set; } = [];
    /// <summary>Points: need id → points.</summary>
    [BindProperty(Name = "Points")] public Dictionary<Guid, int> Points { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        if (User.UserId() is Guid uid)
        {
            var ballot = await needs.BallotOfAsync(Scope.Process.Id, uid, ct);
            Slots = Enumerable.Range(1, NeedsService.Slots).Select(r => ballot.Where(b => b.Rank == r).Select(b => (Guid?)b.NeedId).FirstOrDefault()).ToList();
            Points = ballot.Where(b => b.Points > 0).ToDictionary(b => b.NeedId, b => b.Points);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        var refusal = Refusal;
        if (refusal == null && ModelState.Keys.Any(k => ModelState[k]!.Errors.Count > 0))
            refusal = "Needs.Refused.NotNumbers";
        if (refusal == null)
        {
            var lines = Scope.Settings.Method == RankingMethod.TopFive
                ? Slots.Take(NeedsService.Slots).Select((n, i) => (n, i)).Where(x => x.n != null).Select(x => new BallotLine(x.n!.Value, x.i + 1, 0)).ToList()
                : Points.Select(p => new BallotLine(p.Key, null, p.Value)).ToList();
            if (Slots.Count > NeedsService.Slots)
                refusal = "Needs.Refused.BadRank";
            refusal ??= await needs.SubmitAsync(Scope, User.UserId()!.Value, lines, ct);
        }
        if (refusal != null)
        {
            // Shown again with what the person chose, and why it was refused.
            // Summed as long: the posted points are any ints, and two near int.MaxValue overflow an int sum.
            Error = l[refusal, NeedsService.PointsBudget, Points.Values.Sum(p => (long)p)];
            ModelState.Clear();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Status"] = l["Needs.Ranked"].Value;
        return Redirect(Scope.Path + "/ranking");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var scope = await needs.ScopeAsync(slug, User, ct);
        if (scope == null)
            return false;
        Scope = scope;
        Needs = await needs.NeedsAsync(scope.Process.Id, ct);
        (_, Refusal) = await needs.CheckAsync(scope, User, ct);
        while (Slots.Count < NeedsService.Slots)
            Slots.Add(null);
        return true;
    }
}

using Agora.Web.Infrastructure.Identity;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Swot;

/// <summary>A SWOT board: the four quadrants, adding items, dot voting and the ranked result.</summary>
public sealed class BoardModel(SwotService swot, IStringLocalizer<SharedResource> l) : PageModel
{
    public SwotScope Scope { get; private set; } = default!;
    public IReadOnlyList<SwotItemView> Items { get; private set; } = [];
    public SwotResults Results { get; private set; } = default!;
    /// <summary>Why the reader may not add or vote (resource key), or null.</summary>
    public string? Refusal { get; private set; }
    public string? VoteError { get; private set; }
    public bool ShowAddForm { get; private set; }

    [BindProperty] public SwotInput Input { get; set; } = new();
    /// <summary>Item id → the reader's dots on it, as shown in (and posted from) the vote form.</summary>
    [BindProperty(Name = "Dots")] public Dictionary<Guid, int> Dots { get; set; } = [];

    /// <summary>Summed as long: a refused post shows again with whatever ints were posted.</summary>
    public long DotsUsed => Dots.Values.Where(n => n > 0).Sum(n => (long)n);

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        if (Refusal == null && User.Identity?.IsAuthenticated == true)
            Dots = await swot.DotsOfAsync(id, ActorId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string slug, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        ModelState.Remove(nameof(Dots));
        if (Refusal != null)
        {
            // Refused (closed meanwhile, not eligible): the form shows again with the typed text and the reason.
            ModelState.AddModelError("", l[Refusal]);
            ShowAddForm = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (Input.Quadrant is SwotQuadrant q && !Enum.IsDefined(q))
            ModelState.AddModelError("Input.Quadrant", l["Validation.ValueInvalidPlain"]);
        if (!ModelState.IsValid)
            return Page();
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "bg";
        await swot.AddItemAsync(Scope, ActorId, Input, language, ct);
        TempData["Status"] = l["Swot.ItemAdded"].Value;
        return Redirect(Scope.Path);
    }

    public async Task<IActionResult> OnPostVoteAsync(string slug, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        var refusal = Refusal;
        if (refusal == null && !ModelState.IsValid && ModelState.Keys.Any(k => k.StartsWith(nameof(Dots), StringComparison.Ordinal) && ModelState[k]!.Errors.Count > 0))
            refusal = "Swot.Refused.DotsNotNumbers";
        refusal ??= await swot.VoteAsync(Scope, ActorId, Dots, ct);
        if (refusal != null)
        {
            // The form shows again with what the person typed, and the reason.
            VoteError = l[refusal, Scope.Board.DotsPerPerson];
            ModelState.Clear();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Status"] = l["Swot.Voted"].Value;
        // No fragment: a target in the address stops the browser autofocusing the status notice, so it went unannounced.
        return Redirect(Scope.Path);
    }

    private Guid ActorId => User.UserId() ?? Guid.Empty;

    private async Task<bool> LoadAsync(string slug, Guid id, CancellationToken ct)
    {
        var scope = await swot.ScopeAsync(slug, id, User, ct);
        if (scope == null)
            return false;
        Scope = scope;
        Items = await swot.ItemsAsync(id, ct);
        Results = await swot.ResultsAsync(id, Items, ct);
        (_, Refusal) = await swot.CheckAsync(scope, User, ct);
        ShowAddForm = Refusal == null;
        return true;
    }
}

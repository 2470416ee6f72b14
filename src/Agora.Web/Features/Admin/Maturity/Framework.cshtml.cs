using Agora.Web.Features.Maturity;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Admin.Maturity;

/// <summary>Creates or edits a framework. Saving one that a round uses makes a new version (the page says so).</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class FrameworkModel(FrameworkService frameworks, MaturityService maturity, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public Guid? Id { get; private set; }
    public int Version { get; private set; } = 1;
    public bool InUse { get; private set; }

    [BindProperty] public FrameworkInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        if (id is Guid fid)
            Input = FrameworkInput.From(await maturity.FrameworkAsync(fid, ct));
        Input.Dimensions.Add(new DimensionInput());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        foreach (var (field, key) in FrameworkService.Validate(Input))
            ModelState.AddModelError(field, l[key]);
        if (!ModelState.IsValid)
            return Page();
        var saved = await frameworks.SaveAsync(id, Input, ct);
        audit.Record(User, saved == id ? "maturity.framework.edit" : "maturity.framework.version", "maturity-framework", saved.ToString(), Input.NameBg);
        TempData["Status"] = l[saved == id || id == null ? "Maturity.Framework.Saved" : "Maturity.Framework.NewVersionSaved"].Value;
        return Redirect("/admin/maturity/framework/" + saved);
    }

    private async Task<IActionResult?> LoadAsync(Guid? id, CancellationToken ct)
    {
        if (id is not Guid fid)
            return null;
        var f = await frameworks.LatestAsync(ct);
        var row = f.FirstOrDefault(x => x.Id == fid);
        if (row == null)
            return NotFound(); // unknown, or an older version: edit the newest
        Id = fid;
        Version = row.Version;
        InUse = row.Rounds > 0;
        return null;
    }
}

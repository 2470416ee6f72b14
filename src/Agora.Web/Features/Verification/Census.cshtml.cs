using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Verification;

/// <summary>Administrators import the census file and choose which actions need verification.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class CensusModel(VerificationService verification, AgoraDb db, IStringLocalizer<SharedResource> l) : PageModel
{
    public int RecordCount { get; private set; }
    public int VerifiedCount { get; private set; }
    public CensusImportResult? Imported { get; private set; }
    public IReadOnlyList<(VerifiableAction Action, bool Required)> Requirements { get; private set; } = [];

    [BindProperty]
    public IFormFile? CensusFile { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        RecordCount = await db.Set<CensusRecord>().CountAsync(ct);
        VerifiedCount = await db.Set<ResidentVerification>().CountAsync(ct);
        var list = new List<(VerifiableAction, bool)>();
        foreach (var a in verification.Actions)
            list.Add((a, await verification.IsRequiredAsync(a.Key, ct)));
        Requirements = list;
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (CensusFile == null || CensusFile.Length == 0)
            ModelState.AddModelError(nameof(CensusFile), l["Verification.Census.NoFile"]);
        else if (CensusFile.Length > 50 * 1024 * 1024)
            ModelState.AddModelError(nameof(CensusFile), l["Verification.Census.TooLarge"]);
        if (ModelState.IsValid)
        {
            await using var stream = CensusFile!.OpenReadStream();
            Imported = await verification.ImportAsync(stream, User, ct);
        }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRequirementAsync(string action, bool required, CancellationToken ct)
    {
        var declared = verification.Actions.FirstOrDefault(a => a.Key == action);
        if (declared == null || declared.Locked)
            return BadRequest();
        await verification.SetRequirementAsync(action, required, User, ct);
        TempData["Status"] = l["Verification.Requirement.Saved"].Value;
        return RedirectToPage();
    }
}

using Agora.Web.Features.Imports;
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
/// <remarks>The file is stored and imported by a background job (<see cref="CensusImport"/>); the upload answers at once
/// with the job's page.</remarks>
[Authorize(Policy = Policies.Administrator)]
[RequestSizeLimit(ImportOptions.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportOptions.RequestLimit)]
public sealed class CensusModel(VerificationService verification, ImportQueue imports, AgoraDb db, IStringLocalizer<SharedResource> l) : PageModel
{
    public int RecordCount { get; private set; }
    public int VerifiedCount { get; private set; }
    public IReadOnlyList<ImportJob> Jobs { get; private set; } = [];
    public IReadOnlyList<(VerifiableAction Action, bool Required)> Requirements { get; private set; } = [];

    [BindProperty]
    public IFormFile? CensusFile { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        RecordCount = await db.Set<CensusRecord>().CountAsync(ct);
        VerifiedCount = await db.Set<ResidentVerification>().CountAsync(ct);
        Jobs = await db.Set<ImportJob>().AsNoTracking().Where(j => j.Kind == CensusImport.KindName)
            .OrderByDescending(j => j.CreatedAt).Take(5).ToListAsync(ct);
        var list = new List<(VerifiableAction, bool)>();
        foreach (var a in verification.Actions)
            list.Add((a, await verification.IsRequiredAsync(a.Key, ct)));
        Requirements = list;
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (CensusFile == null || CensusFile.Length == 0)
            ModelState.AddModelError(nameof(CensusFile), l["Verification.Census.NoFile"]);
        else if (CensusFile.Length > imports.MaxFileBytes)
            ModelState.AddModelError(nameof(CensusFile), l["Imports.TooLarge", ImportsText.Size(imports.MaxFileBytes)]);
        if (!ModelState.IsValid)
        {
            await OnGetAsync(ct);
            return Page();
        }
        var job = await imports.EnqueueAsync(CensusImport.KindName, CensusFile!.FileName, "{}",
            new Dictionary<string, IFormFile> { [CensusImport.FileName] = CensusFile }, null, User, ct);
        return Redirect($"/imports/{job.Id}");
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

using Agora.Web.Features.Maturity;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Admin.Maturity;

/// <summary>The maturity frameworks (newest version of each); administrators add the default one or their own.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(FrameworkService frameworks, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<FrameworkRow> Frameworks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Frameworks = await frameworks.LatestAsync(ct);

    public async Task<IActionResult> OnPostDefaultAsync(CancellationToken ct)
    {
        var framework = await frameworks.AddDefaultAsync(ct);
        audit.Record(User, "maturity.framework.default", "maturity-framework", framework.Id.ToString(), framework.Name.Bg);
        TempData["Status"] = l["Maturity.Framework.Saved"].Value;
        return Redirect("/admin/maturity/framework/" + framework.Id);
    }
}

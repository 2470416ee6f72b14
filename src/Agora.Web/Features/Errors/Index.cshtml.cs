using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Errors;

/// <summary>The page shown for 404, 403, 429 and 500: the reader's language, no internals.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class IndexModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? 500;
        // Keep the original status (the re-executed request would otherwise answer 200).
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() == null)
            Response.StatusCode = status is >= 400 and < 600 ? status : 500;
        (Heading, Message) = status switch
        {
            404 => (l["Error.404.Title"].Value, l["Error.404.Text"].Value),
            403 => (l["Error.403.Title"].Value, l["Error.403.Text"].Value),
            429 => (l["Error.429.Title"].Value, l["Error.TooManyRequests"].Value),
            400 => (l["Error.400.Title"].Value, l["Error.400.Text"].Value),
            _ => (l["Error.500.Title"].Value, l["Error.500.Text"].Value),
        };
    }
}

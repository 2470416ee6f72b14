using System.Globalization;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Pages;

/// <summary>The founding document: Sofia's first stakeholder workshop in the Intelligent Cities Challenge.</summary>
public sealed class AboutModel(ContentFiles content) : PageModel
{
    public ContentFile Document { get; private set; } = new("", "");

    public void OnGet() =>
        Document = content.ReadLocalized("seed", "icc-process", CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
}

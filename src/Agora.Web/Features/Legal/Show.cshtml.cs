using System.Globalization;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Legal;

/// <summary>The accessibility statement, privacy notice and terms: shipped Markdown in both languages.</summary>
public sealed class ShowModel(ContentFiles content, IConfiguration config) : PageModel
{
    /// <summary>The date of the last accessibility review; operators update it in configuration after each review.</summary>
    public static readonly DateTime DefaultLastReview = new(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc);

    public ContentFile Document { get; private set; } = new("", "");

    public void OnGet(string doc)
    {
        var file = content.ReadLocalized("legal", doc, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        var reviewed = config.GetValue("Agora:Accessibility:LastReview", DefaultLastReview);
        Document = file with { Body = file.Body.Replace("{{LastReview}}", Format.Date(reviewed), StringComparison.Ordinal) };
    }
}

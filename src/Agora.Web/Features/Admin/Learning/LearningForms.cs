using Agora.Web.Features.Learning;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Admin.Learning;

/// <summary>What the learning editors share: the audience and topic choices, and link checks.</summary>
public static class LearningForms
{
    public static IEnumerable<SelectListItem> Audiences(IStringLocalizer<SharedResource> l) =>
        Enum.GetValues<Audience>().Select(a => new SelectListItem(l["Learning.Audience." + a], a.ToString()));

    public static IEnumerable<SelectListItem> Topics(IStringLocalizer<SharedResource> l) =>
        Enum.GetValues<LearningTopic>().Select(t => new SelectListItem(l["Learning.Topic." + t], t.ToString()));

    /// <summary>Only absolute http(s) links: nothing that could run script when a learner clicks it.</summary>
    public static bool IsWebLink(string? url) =>
        string.IsNullOrWhiteSpace(url)
        || (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp));

    public static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

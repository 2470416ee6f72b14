using System.ComponentModel;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Organizations;

/// <summary>An organisation of the stakeholder registry as the API shows it (v1).</summary>
[Description("A listed organisation of the stakeholder registry.")]
public sealed record ApiOrganization(
    [property: Description("The organisation's id.")] Guid Id,
    [property: Description("Its address on the site.")] string Slug,
    [property: Description("Name.")] ApiText Name,
    [property: Description("company, clusterOrAssociation, ngo, universityOrSchool, publicBody or citizenGroup.")] OrganizationKind Kind,
    [property: Description("Sectors it works in, free words.")] IReadOnlyList<string> Sectors,
    [property: Description("Website; absent when none.")] string? Website,
    [property: Description("A paragraph or two, plain text.")] ApiText Description,
    [property: Description("Public contact address; absent when it shows none.")] string? ContactEmail,
    [property: Description("When it was added, UTC.")] DateTime CreatedAt,
    [property: Description("When it last changed, UTC.")] DateTime UpdatedAt,
    [property: Description("The organisation's page.")] Uri Url);

/// <summary>/api/v1/organizations: the public registry; unlisted organisations never appear.</summary>
public sealed class OrganizationsApi : IApiModule
{
    public static readonly ApiKind Kind = new("organizations", "organization",
        "The stakeholder registry: organisations taking part in the city's processes. Unlisted organisations (e.g. from a " +
        "join request not yet accepted) never appear. With process, the organisations taking part in that process.",
        typeof(ApiOrganization),
        new ApiOrganization(Guid.Parse("0b6c2a4e-5f1d-4c8e-9a37-2d1f6e8b9c01"), "inovativna-sofia",
            new ApiText("Иновативна София", "Innovative Sofia"), OrganizationKind.PublicBody, ["ИКТ", "иновации"],
            "https://innovativesofia.bg", new ApiText("Общинско дружество.", "A municipal company."), null,
            new DateTime(2026, 1, 10, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 1, 10, 9, 0, 0, DateTimeKind.Utc),
            new Uri("https://agora.sofia.bg/organizations/inovativna-sofia")),
        [ProcessApiFilters.Process, ApiFilter.Enum<OrganizationKind>("kind", "Only organisations of this kind."), ApiFilter.UpdatedSince]);

    public IReadOnlyList<ApiKind> Kinds => [Kind];

    public void Map(RouteGroupBuilder api)
    {
        api.MapRead("/organizations", ListAsync);
        api.MapRead("/organizations/{id:guid}", GetAsync);
    }

    /// <summary>Two queries at most: the process filter's slug, then the page.</summary>
    private static async Task<IResult> ListAsync(HttpContext http, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var list = ApiList.Parse(http);
        var kind = list.Enum<OrganizationKind>("kind");
        var processId = await list.ProcessIdAsync(db, ct);
        var q = db.Set<Organization>().AsNoTracking().Where(o => o.Listed);
        if (processId is Guid pid)
            q = q.Where(o => db.Set<ProcessOrganization>().Any(x => x.ProcessId == pid && x.OrganizationId == o.Id));
        if (kind is OrganizationKind k)
            q = q.Where(o => o.Kind == k);
        if (list.UpdatedSince is DateTime since)
            q = q.Where(o => o.UpdatedAt >= since);
        if (list.After is ApiCursor a)
            q = q.Where(o => o.CreatedAt > a.At || (o.CreatedAt == a.At && o.Id.CompareTo(a.Id) > 0));
        var rows = await q.OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).Take(list.Limit + 1).ToListAsync(ct);
        return list.Page(rows.Select(o => ToApi(o, links)).ToList(), o => new ApiCursor(o.CreatedAt, o.Id));
    }

    private static async Task<IResult> GetAsync(Guid id, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var o = await db.Set<Organization>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.Listed, ct);
        return ApiList.Item(o == null ? null : ToApi(o, links), Kind.Singular);
    }

    private static ApiOrganization ToApi(Organization o, PublicLinks links) => new(
        o.Id, o.Slug, ApiText.From(o.Name), o.Kind,
        o.Sectors.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        string.IsNullOrWhiteSpace(o.Website) ? null : o.Website, ApiText.From(o.Description),
        string.IsNullOrWhiteSpace(o.ContactEmail) ? null : o.ContactEmail, o.CreatedAt, o.UpdatedAt,
        new Uri(links.Absolute("/organizations/" + o.Slug)));
}

using System.Runtime.CompilerServices;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;
using static Agora.Web.Infrastructure.OpenData.FieldType;

namespace Agora.Web.Features.Organizations;

public sealed class OrganizationsDataset : IOpenDataset
{
    public string Name => "organizations";
    public LocalizedText Title => new("Регистър на заинтересованите страни", "Stakeholder registry");
    public LocalizedText Description => new(
        "Организациите, вписани в публичния регистър: вид, сектори и уебсайт. Без лица за контакт и адреси на е-поща.",
        "The organisations listed in the public registry: kind, sectors and website. No contact people or e-mail addresses.");
    public string Frequency => OpenDataFrequency.Weekly;
    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("id", Text, "Идентификатор", "Identifier"),
        new("slug", Text, "Кратко име в адреса", "Short name in the address"),
        new("name_bg", Text, "Наименование (български)", "Name (Bulgarian)"),
        new("name_en", Text, "Наименование (английски)", "Name (English)"),
        new("kind", Text, "Вид: Company, ClusterOrAssociation, Ngo, UniversityOrSchool, PublicBody, CitizenGroup", "Kind: Company, ClusterOrAssociation, Ngo, UniversityOrSchool, PublicBody, CitizenGroup"),
        new("sectors", Text, "Сектори, разделени със запетая", "Sectors, comma-separated"),
        new("website", Url, "Уебсайт", "Website"),
        new("updated_at", FieldType.DateTime, "Последна промяна (UTC)", "Last change (UTC)"),
        new("url", Url, "Страница", "Page"),
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = context.Db.Set<Organization>().AsNoTracking().Where(o => o.Listed).OrderBy(o => o.Slug)
            .Select(o => new { o.Id, o.Slug, NB = o.Name.Bg, NE = o.Name.En, o.Kind, o.Sectors, o.Website, o.UpdatedAt })
            .AsAsyncEnumerable();
        await foreach (var o in rows.WithCancellation(ct))
            yield return [o.Id.ToString(), o.Slug, o.NB, o.NE, o.Kind.ToString(), o.Sectors, o.Website, o.UpdatedAt, context.Link("/organizations/" + o.Slug)];
    }
}

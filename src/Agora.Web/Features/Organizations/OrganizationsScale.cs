using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Scale;
using Agora.Web.Infrastructure.Text;

namespace Agora.Web.Features.Organizations;

/// <summary>Listed organisations of every kind, with unique slugs.</summary>
public sealed class OrganizationsScale : IScaleContributor
{
    public int Order => 20;

    public string? Component => "organizations";

    public async Task ContributeAsync(ScaleContext context, CancellationToken ct)
    {
        var random = ScaleContext.RandomFor("organizations");
        var kinds = Enum.GetValues<OrganizationKind>();
        var ids = new Guid[context.Size.Organizations];
        for (var i = 0; i < ids.Length; i++)
            ids[i] = context.NewId();
        context.Organizations = ids;
        await context.Writer.InsertAsync(Enumerable.Range(0, ids.Length).Select(i =>
        {
            var district = random.Pick(Districts.All);
            var name = $"{random.Pick(ScaleWords.OrganizationForms)} „{random.Pick(ScaleWords.OrganizationWords)} {district.Bg}“";
            var created = context.Now.AddDays(-random.Next(1, 1500));
            return new Organization
            {
                Id = ids[i],
                Slug = $"{Slugs.From(name, 60)}-{i + 1}", // the number keeps slugs unique when names repeat
                Name = new($"{name} {i + 1}", $"{Slugs.Transliterate(name)} {i + 1}"),
                Kind = kinds[random.Next(kinds.Length)],
                Sectors = string.Join(", ", Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.Pick(ScaleWords.Sectors)).Distinct()),
                Description = new(ScaleWords.Paragraph(random, 3), ""),
                Listed = true,
                CreatedAt = created,
                UpdatedAt = created,
            };
        }), ct);
    }
}

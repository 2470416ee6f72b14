using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Organizations;

/// <summary>
/// The fourteen organisations of the first ICC workshop, listed in the registry and taking part in the ICC process;
/// the process gains the "organizations" tab. Idempotent: what exists is left as it is.
/// </summary>
public sealed class OrganizationsDemo(AgoraDb db, TimeProvider clock) : IDemoContributor
{
    public int Order => 20;

    /// <summary>One neutral sentence per organisation (bg, en) and its sectors, by slug.</summary>
    private static readonly Dictionary<string, (string Bg, string En, string Sectors)> About = new(StringComparer.Ordinal)
    {
        ["biotehnologichen-i-zdraven-klastar-balgaria"] = (
            "Сдружение, което обединява организации от биотехнологиите и здравеопазването в България.",
            "An association bringing together organisations from biotechnology and healthcare in Bulgaria.",
            "биотехнологии, здравеопазване"),
        ["bait"] = (
            "Браншова организация на компаниите от сектора на информационните технологии в България.",
            "The industry association of information technology companies in Bulgaria.",
            "ИКТ"),
        ["para"] = (
            "Сдружение на организации, които работят в областта на роботиката и автоматизацията.",
            "An association of organisations working in robotics and automation.",
            "роботика, автоматизация"),
        ["bkb"] = (
            "Организация, която популяризира България като място за конгреси и делови срещи.",
            "An organisation promoting Bulgaria as a venue for congresses and business meetings.",
            "туризъм, събития"),
        ["brait"] = (
            "Работодателска организация на компании, които развиват иновативни технологии.",
            "An employers' organisation of companies developing innovative technologies.",
            "ИКТ, иновации"),
        ["bfa"] = (
            "Сдружение на компании и специалисти от финансовите технологии в България.",
            "An association of companies and professionals in financial technology in Bulgaria.",
            "финансови технологии"),
        ["klastar-izkustven-intelekt-balgaria"] = (
            "Клъстер, който обединява компании и организации, работещи с изкуствен интелект.",
            "A cluster bringing together companies and organisations working with artificial intelligence.",
            "изкуствен интелект, ИКТ"),
        ["btsnp"] = (
            "Неправителствена организация, която работи за добра правна среда за гражданското общество.",
            "A non-governmental organisation working for a sound legal environment for civil society.",
            "гражданско общество, право"),
        ["viziya-za-sofia"] = (
            "Програма на Столична община за дългосрочна визия за развитието на София.",
            "A Sofia Municipality programme for a long-term vision of the city's development.",
            "градско планиране"),
        ["sofiyaplan"] = (
            "Общинско предприятие за пространствено и стратегическо планиране на София.",
            "The municipal enterprise for the spatial and strategic planning of Sofia.",
            "градско планиране, данни"),
        ["rezonator"] = (
            "Организация, участвала в първата работна среща на ICC София за оценка на нуждите.",
            "An organisation that took part in ICC Sofia's first needs assessment workshop.",
            "гражданско участие"),
        ["sofia-teh-park"] = (
            "Научно-технологичен парк, който подкрепя изследванията, иновациите и новите компании.",
            "A science and technology park supporting research, innovation and start-ups.",
            "иновации, наука"),
        ["fond-na-fondovete"] = (
            "Държавно дружество, което управлява финансови инструменти със средства от европейските фондове.",
            "A state-owned company managing financial instruments funded by the European funds.",
            "финанси"),
        ["tsentar-za-gradska-mobilnost"] = (
            "Общинско дружество, което организира обществения транспорт и паркирането в София.",
            "The municipal company organising public transport and parking in Sofia.",
            "транспорт, мобилност"),
    };

    /// <summary>The day of the first ICC workshop, when these organisations joined the process.</summary>
    private static readonly DateTime Workshop = new(2021, 1, 14, 8, 0, 0, DateTimeKind.Utc);

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var slugs = IccOrganizations.All.Select(o => o.Slug).ToList();
        var existing = await db.Set<Organization>().Where(o => slugs.Contains(o.Slug)).ToDictionaryAsync(o => o.Slug, StringComparer.Ordinal, ct);
        foreach (var entry in IccOrganizations.All)
        {
            if (existing.ContainsKey(entry.Slug))
                continue;
            var about = About[entry.Slug];
            var organization = new Organization
            {
                Slug = entry.Slug,
                Name = new(entry.Bg, entry.En),
                Kind = entry.Kind,
                Website = entry.Website,
                Sectors = about.Sectors,
                Description = new(about.Bg, about.En),
                Listed = true,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Add(organization);
            existing[entry.Slug] = organization;
        }

        var process = await db.Set<Process>().FirstOrDefaultAsync(p => p.Slug == ProcessesDemo.IccSlug, ct);
        if (process != null)
        {
            if (!process.Has("organizations"))
                process.Components = string.IsNullOrEmpty(process.Components) ? "organizations" : process.Components + ",organizations";
            var ids = existing.Values.Select(o => o.Id).ToList();
            var taking = await db.Set<ProcessOrganization>().Where(x => x.ProcessId == process.Id && ids.Contains(x.OrganizationId))
                .Select(x => x.OrganizationId).ToListAsync(ct);
            foreach (var id in ids.Except(taking))
                db.Add(new ProcessOrganization { ProcessId = process.Id, OrganizationId = id, JoinedAt = Workshop });
        }
        await db.SaveChangesAsync(ct);
    }
}

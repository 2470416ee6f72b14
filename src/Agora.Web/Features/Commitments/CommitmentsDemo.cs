using Agora.Web.Features.Events;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Commitments;

/// <summary>
/// Commitments made at the Needs Assessment Workshop of 14 January 2021 by organisations the founding document
/// names, answering the common vision it records (business–municipality links, open data, education, information
/// in one place, better channels of participation), and the municipality's own part. Due dates are relative to
/// today so that the register looks alive: one is overdue, one done, the rest open. Fixed ids make it idempotent.
/// </summary>
public sealed class CommitmentsDemo(AgoraDb db, TimeProvider clock) : IDemoContributor
{
    // After the workshop toolkit's demo (70), whose needs the pledges answer.
    public int Order => 75;

    private sealed record Pledge(
        Guid Id, string? OrganizationSlug, string Author, string Bg, string En, string BodyBg, string BodyEn,
        CommitmentResources Brings, int DueInDays, CommitmentStatus Status, (int DaysAgo, CommitmentStatus? To, string Bg, string En)[] Updates);

    /// <summary>Demo people (from <see cref="FoundationDemo"/>) who represent the pledging organisations.</summary>
    private static readonly (string Email, string Organization)[] Representatives =
    [
        ("maria.ivanova@demo.agora.bg", "bait"),
        ("georgi.petrov@demo.agora.bg", "sofiyaplan"),
        ("elena.dimitrova@demo.agora.bg", "btsnp"),
        ("elena.dimitrova@demo.agora.bg", "rezonator"),
        ("anna.smith@demo.agora.bg", "sofia-teh-park"),
        ("anna.smith@demo.agora.bg", "klastar-izkustven-intelekt-balgaria"),
    ];

    /// <summary>Which shared need (by its place in the workshop's list) each pledge answers, by the pledge id's last
    /// digit: open data (1), education (2), business links (0), information in one place (3), channels (4).</summary>
    private static readonly Dictionary<char, int> AnsweredNeed = new()
    {
        ['1'] = 1,
        ['2'] = 1,
        ['3'] = 2,
        ['4'] = 0,
        ['5'] = 3,
        ['6'] = 4,
        ['7'] = 4,
    };

    private static readonly Pledge[] Pledges =
    [
        new(new("c0a1e7d2-5b44-4c1e-8f00-000000000001"), "bait", "maria.ivanova@demo.agora.bg",
            "Експертна група за стандарти на отворените данни на Столична община",
            "An expert group on Sofia Municipality's open data standards",
            "Членове на БАИТ ще предоставят експерти, които заедно с общината да изготвят насоки за формати, честота на обновяване и лицензи на отворените данни, за да могат бизнесът и гражданите да ги използват.",
            "BAIT members will provide experts to draft, together with the municipality, guidelines on the formats, update frequency and licences of open data, so that businesses and residents can use them.",
            CommitmentResources.Expertise | CommitmentResources.Data, 90, CommitmentStatus.InProgress,
            [(60, CommitmentStatus.InProgress, "Сформирана е работна група от петима експерти; първата среща с общинската администрация е проведена.",
                "A working group of five experts has been formed; the first meeting with the municipal administration has taken place."),
             (10, null, "Готов е проект на насоките за формати и лицензи; събираме коментари от общинските звена.",
                "A draft of the guidelines on formats and licences is ready; we are collecting comments from the municipal units.")]),
        new(new("c0a1e7d2-5b44-4c1e-8f00-000000000002"), "sofiyaplan", "georgi.petrov@demo.agora.bg",
            "Публикуване на пространствени данни за града на портала за отворени данни",
            "Publishing the city's spatial data on the open data portal",
            "Софияплан ще публикува като отворени данни слоевете за зелените площи, велоалеите и районите на града, с описание на всеки набор.",
            "Sofiaplan will publish as open data the layers of green areas, cycle lanes and the city's districts, with a description of each data set.",
            CommitmentResources.Data | CommitmentResources.Technology, -30, CommitmentStatus.Done,
            [(75, CommitmentStatus.InProgress, "Първите два слоя са подготвени и минават проверка за лични данни.",
                "The first two layers are prepared and are being checked for personal data."),
             (35, CommitmentStatus.Done, "Трите набора са публикувани на портала за отворени данни с описание и лиценз CC BY 4.0.",
                "All three data sets are published on the open data portal with a description and a CC BY 4.0 licence.")]),
        new(new("c0a1e7d2-5b44-4c1e-8f00-000000000003"), "btsnp", "elena.dimitrova@demo.agora.bg",
            "Обучения по гражданско участие за служители на районните администрации",
            "Training in citizen participation for district administration staff",
            "БЦНП ще проведе три обучения за служители на районните администрации: как се провеждат обществени консултации, как се отговаря на предложения и как се отчита обратната връзка.",
            "BCNL will run three training sessions for district administration staff: how to hold public consultations, how to answer proposals and how to report back on feedback.",
            CommitmentResources.Expertise | CommitmentResources.Volunteers, -20, CommitmentStatus.Pledged, []),
        new(new("c0a1e7d2-5b44-4c1e-8f00-000000000004"), "sofia-teh-park", "anna.smith@demo.agora.bg",
            "Зала и техническо осигуряване за хакатон за електронни услуги",
            "A venue and technical support for an e-services hackathon",
            "София Тех Парк ще осигури зала, мрежа и техническа поддръжка за двудневен хакатон, на който екипи разработват прототипи на общински електронни услуги по нуждите от работната среща.",
            "Sofia Tech Park will provide a hall, network and technical support for a two-day hackathon where teams build prototypes of municipal e-services addressing the needs found at the workshop.",
            CommitmentResources.Venue | CommitmentResources.Technology, 60, CommitmentStatus.Pledged, []),
        new(new("c0a1e7d2-5b44-4c1e-8f00-000000000005"), "klastar-izkustven-intelekt-balgaria", "anna.smith@demo.agora.bg",
            "Пилотен асистент за информация за общинските услуги на едно място",
            "A pilot assistant giving information on municipal services in one place",
            "Компании от клъстера ще разработят пилотен разговорен асистент, който отговаря на въпроси за общинските услуги въз основа на публикуваната информация и насочва към правилното звено.",
            "Companies in the cluster will build a pilot conversational assistant answering questions about municipal services from the published information and pointing to the right office.",
            CommitmentResources.Technology | CommitmentResources.Expertise, 150, CommitmentStatus.InProgress,
            [(20, CommitmentStatus.InProgress, "Събрани са 240 често задавани въпроса от общинския контактен център; започва обучението на модела.",
                "240 frequently asked questions have been collected from the municipal contact centre; training of the model begins.")]),
        new(new("c0a1e7d2-5b44-4c1e-8f00-000000000006"), "rezonator", "elena.dimitrova@demo.agora.bg",
            "Доброволци за кампания „Кажи на града“ в кварталите",
            "Volunteers for a \"Tell the city\" campaign in the neighbourhoods",
            "Резонатор ще събере доброволци, които да разкажат в кварталите как жителите могат да подават предложения и да участват в обсъжданията онлайн и на място.",
            "Resonator will gather volunteers to explain in the neighbourhoods how residents can submit proposals and take part in discussions online and in person.",
            CommitmentResources.Volunteers, 45, CommitmentStatus.Pledged, []),
        new(new("c0a1e7d2-5b44-4c1e-8f00-000000000007"), null, "nikolay.georgiev@demo.agora.bg",
            "Единна страница за всички канали за участие и отговор на всяко предложение до 30 дни",
            "One page for all channels of participation, and an answer to every proposal within 30 days",
            "Столична община събира на едно място информацията за всички начини за участие — консултации, предложения, сигнали, публични обсъждания — и се ангажира да отговаря по същество на всяко предложение от организациите до 30 дни. В замяна на експертизата и данните на организациите общината осигурява финансиране за поддръжката на портала за отворени данни.",
            "Sofia Municipality brings together in one place the information on every way of taking part — consultations, proposals, reports, public hearings — and undertakes to answer every proposal from the organisations on its merits within 30 days. In return for the organisations' expertise and data, the municipality funds the upkeep of the open data portal.",
            CommitmentResources.Funding | CommitmentResources.Data, 120, CommitmentStatus.InProgress,
            [(15, CommitmentStatus.InProgress, "Страницата за каналите за участие е в процес на изработка; предвидено е финансиране в бюджета за следващата година.",
                "The page on the channels of participation is being built; funding is planned in next year's budget.")]),
    ];

    /// <summary>When the pledges were made: the end of the needs assessment workshop.</summary>
    private static readonly DateTime Workshop = new(2021, 1, 14, 11, 0, 0, DateTimeKind.Utc);

    public async Task SeedAsync(CancellationToken ct)
    {
        var process = await db.Set<Process>().FirstOrDefaultAsync(p => p.Slug == ProcessesDemo.IccSlug, ct);
        if (process == null)
            return;
        if (!process.Has(CommitmentService.Key))
            process.Components = string.IsNullOrEmpty(process.Components) ? CommitmentService.Key : process.Components + "," + CommitmentService.Key;

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(Format.ToSofia(now));
        var emails = FoundationDemo.People.Select(p => p.Email).ToList();
        var people = await db.Users.Where(u => emails.Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, u => u.Id, StringComparer.OrdinalIgnoreCase, ct);
        var slugs = IccOrganizations.All.Select(o => o.Slug).ToList();
        var organizations = await db.Set<Organization>().Where(o => slugs.Contains(o.Slug)).ToDictionaryAsync(o => o.Slug, o => o.Id, StringComparer.Ordinal, ct);
        var workshopExists = await db.Set<Event>().AnyAsync(e => e.Id == EventsDemo.NeedsAssessmentId, ct);
        // The founding document's five shared needs, in the workshop's order (when the needs demo has run).
        var needIds = await db.Set<Agora.Web.Features.Needs.Need>().Where(n => n.ProcessId == process.Id)
            .OrderBy(n => n.Position).Select(n => n.Id).ToListAsync(ct);

        var existingReps = await db.Set<OrganizationRepresentative>().Select(r => new { r.OrganizationId, r.UserId }).ToListAsync(ct);
        foreach (var (email, slug) in Representatives)
        {
            if (!people.TryGetValue(email, out var userId) || !organizations.TryGetValue(slug, out var orgId)
                || existingReps.Any(r => r.OrganizationId == orgId && r.UserId == userId))
                continue;
            db.Add(new OrganizationRepresentative
            {
                OrganizationId = orgId,
                UserId = userId,
                Status = RepresentativeStatus.Approved,
                Note = "Демо представител",
                CreatedAt = Workshop,
                DecidedAt = Workshop,
            });
        }

        var ids = Pledges.Select(p => p.Id).ToList();
        var existing = await db.Set<Commitment>().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        foreach (var p in Pledges.Where(p => !existing.Contains(p.Id)))
        {
            if (!people.TryGetValue(p.Author, out var authorId))
                continue;
            Guid? orgId = null;
            if (p.OrganizationSlug != null)
            {
                if (!organizations.TryGetValue(p.OrganizationSlug, out var id))
                    continue;
                orgId = id;
            }
            var due = today.AddDays(p.DueInDays);
            db.Add(new Commitment
            {
                Id = p.Id,
                ProcessId = process.Id,
                OrganizationId = orgId,
                AuthorId = authorId,
                EventId = workshopExists ? EventsDemo.NeedsAssessmentId : null,
                NeedId = AnsweredNeed.TryGetValue(p.Id.ToString()[^1], out var need) && need < needIds.Count ? needIds[need] : null,
                Title = p.Bg,
                TitleEn = p.En,
                Description = p.BodyBg,
                DescriptionEn = p.BodyEn,
                Language = "bg",
                Brings = p.Brings,
                DueOn = due,
                Status = p.Status,
                UpdateCount = p.Updates.Length,
                CreatedAt = Workshop,
                UpdatedAt = now,
                // The overdue one counts as reminded today: seeding must not e-mail the demo people.
                LastRemindedAt = Commitment.IsOverdue(p.Status, due, today) ? now : null,
            });
            for (var i = 0; i < p.Updates.Length; i++)
            {
                var u = p.Updates[i];
                db.Add(new CommitmentUpdate
                {
                    Id = new Guid(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"c0a1e7d2-5b44-4c1e-8f01-{Array.IndexOf(Pledges, p):D10}{i:D2}")),
                    CommitmentId = p.Id,
                    AuthorId = authorId,
                    Text = u.Bg,
                    TextEn = u.En,
                    Language = "bg",
                    NewStatus = u.To,
                    CreatedAt = now.AddDays(-u.DaysAgo),
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}

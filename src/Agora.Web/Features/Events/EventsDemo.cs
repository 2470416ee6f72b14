using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Events;

/// <summary>
/// The two ICC workshops of January 2021 from the founding document (the first with its fourteen participating
/// organisations and its common vision as outcome), and two upcoming events where registration can be tried.
/// Fixed ids make it idempotent.
/// </summary>
public sealed class EventsDemo(AgoraDb db, TimeProvider clock) : IDemoContributor
{
    public static readonly Guid NeedsAssessmentId = new("6f1c2a4e-0d3b-4e59-9a5c-1e2f3a4b5c01");
    public static readonly Guid MaturityId = new("6f1c2a4e-0d3b-4e59-9a5c-1e2f3a4b5c02");
    public static readonly Guid HearingId = new("6f1c2a4e-0d3b-4e59-9a5c-1e2f3a4b5c03");
    public static readonly Guid WebinarId = new("6f1c2a4e-0d3b-4e59-9a5c-1e2f3a4b5c04");

    public int Order => 30;

    public async Task SeedAsync(CancellationToken ct)
    {
        var process = await db.Set<Process>().FirstOrDefaultAsync(p => p.Slug == ProcessesDemo.IccSlug, ct);
        if (process != null && !process.Has("events"))
        {
            process.Components = string.IsNullOrWhiteSpace(process.Components) ? "events" : process.Components + ",events";
            await db.SaveChangesAsync(ct);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var organiser = new LocalizedText("Иновативна София", "Innovative Sofia");
        if (!await db.Set<Event>().AnyAsync(e => e.Id == NeedsAssessmentId, ct))
        {
            db.Add(new Event
            {
                Id = NeedsAssessmentId,
                ProcessId = process?.Id,
                Type = EventType.Workshop,
                Format = EventFormat.Online,
                Title = new("Работна среща за оценка на нуждите: електронно управление и гражданско участие в София",
                    "Needs Assessment Workshop: E-Government and Citizen Participation in Sofia"),
                Description = new(
                    """
                    Първият дискусионен семинар на София по проекта „100 Intelligent Cities Challenge“. Целта е да започнем диалог
                    със заинтересованите страни от организациите и бизнеса в столицата и заедно:

                    - да открием модели на сътрудничество, от които печелят всички, за цялата програма;
                    - да анализираме силните и слабите страни на средата в областта на електронното управление и гражданското участие;
                    - да определим нуждите, приоритетите, предизвикателствата и възможностите пред Столична община при интегрирането на решения за интелигентно градско развитие;
                    - да определим конкретните действия, с които участващите организации могат да насърчат гражданското участие.
                    """,
                    """
                    Sofia's first discussion seminar under the 100 Intelligent Cities Challenge. Its purpose is to start a dialogue
                    with stakeholders among the capital's organisations and businesses and, together:

                    - to identify win-win models of engagement during the whole programme;
                    - to analyse the strengths and weaknesses of the environment in e-government and citizen participation;
                    - to determine the needs, priorities, challenges and opportunities facing Sofia Municipality in integrating smart urban development solutions;
                    - to identify the concrete actions through which the participating organisations can help encourage civic participation.
                    """),
                StartsAt = Format.FromSofia(new DateTime(2021, 1, 14, 10, 0, 0)),
                EndsAt = Format.FromSofia(new DateTime(2021, 1, 14, 13, 0, 0)),
                Organiser = organiser,
                Minutes = new(
                    "Участниците споделиха обратна връзка за средата на електронното управление и гражданското участие в София, за силните и слабите ѝ страни и за нуждите и приоритетите на общината. По-подробните резултати ще бъдат представени на следващия уебинар „Работна среща за зрелостта на решенията и стратегията“.",
                    "The participants shared feedback on the environment for e-government and citizen participation in Sofia, its strengths and weaknesses, and the municipality's needs and priorities. More detailed results will be presented at the next webinar, \"Solution maturity and strategy workshop\"."),
                Outcomes = new(
                    """
                    Участниците споделиха обща визия за нуждата от:

                    - по-силни връзки между бизнеса и общината;
                    - регулация на данните и достъп до отворени данни, които да подкрепят развитието на иновациите;
                    - работещи образователни инициативи за гражданите и администрацията;
                    - информация, предоставена на едно място — достъпна, разбираема и изчерпателна;
                    - подобряване на каналите за взаимодействие и на процесите на гражданско участие.
                    """,
                    """
                    The participants shared a common vision of the need for:

                    - stronger links between business and the municipality;
                    - data regulation and access to open data, supporting the development of innovation;
                    - working educational initiatives for citizens and the administration;
                    - information provided in one place — accessible, understandable and comprehensive;
                    - better channels of interaction and processes of civic participation.
                    """),
                Published = true,
                PublishedAt = new DateTime(2021, 1, 5, 9, 0, 0, DateTimeKind.Utc),
                CreatedAt = now,
                UpdatedAt = now,
                Agenda =
                [
                    Item(0, 10, 0, "Откриване и представяне на програмата ICC", "Opening and the ICC programme"),
                    Item(1, 10, 30, "SWOT анализ: силни и слаби страни на средата", "SWOT analysis: strengths and weaknesses"),
                    Item(2, 11, 45, "Нужди, приоритети и конкретни действия", "Needs, priorities and concrete actions"),
                    Item(3, 12, 45, "Обобщение и следващи стъпки", "Summary and next steps"),
                ],
            });
            await db.SaveChangesAsync(ct);
        }
        // The registry's demo (Order 20) creates the organisations; record those that exist as participants.
        var slugs = IccOrganizations.All.Select(o => o.Slug).ToList();
        var orgIds = await db.Set<Organization>().Where(o => slugs.Contains(o.Slug)).Select(o => o.Id).ToListAsync(ct);
        var recorded = await db.Set<EventOrganization>().Where(x => x.EventId == NeedsAssessmentId).Select(x => x.OrganizationId).ToListAsync(ct);
        foreach (var id in orgIds.Except(recorded))
            db.Add(new EventOrganization { EventId = NeedsAssessmentId, OrganizationId = id });
        await db.SaveChangesAsync(ct);

        await AddAsync(new Event
        {
            Id = MaturityId,
            ProcessId = process?.Id,
            Type = EventType.Webinar,
            Format = EventFormat.Online,
            Title = new("Работна среща за зрелостта на решенията и стратегията", "Solution maturity and strategy workshop"),
            Description = new(
                "Вторият уебинар по проекта ICC представя по-подробно резултатите от първата работна среща и е отворен за още по-широк кръг заинтересовани страни. Изводите и предложенията от двата уебинара влизат в доклад за зрелостта на София в областта на гражданското участие.",
                "The second ICC webinar presents the results of the first workshop in more detail and is open to an even wider circle of stakeholders. The conclusions and proposals of both webinars go into a report on Sofia's maturity in citizen participation."),
            StartsAt = Format.FromSofia(new DateTime(2021, 1, 28, 10, 0, 0)),
            EndsAt = Format.FromSofia(new DateTime(2021, 1, 28, 12, 30, 0)),
            Organiser = organiser,
            Published = true,
            PublishedAt = new DateTime(2021, 1, 20, 9, 0, 0, DateTimeKind.Utc),
        }, now, ct);

        await AddAsync(new Event
        {
            Id = HearingId,
            ProcessId = process?.Id,
            Type = EventType.PublicHearing,
            Format = EventFormat.Hybrid,
            Title = new("Публично обсъждане: електронни услуги в район „Младост“", "Public hearing: e-services in Mladost district"),
            Description = new(
                "Представяме предложенията за електронни услуги на районната администрация и събираме мненията на жителите. Всеки може да се изкаже; писмени становища се приемат до края на обсъждането.",
                "We present the proposals for the district administration's e-services and gather residents' views. Everyone may speak; written opinions are accepted until the end of the hearing."),
            StartsAt = Format.FromSofia(new DateTime(2027, 2, 18, 18, 0, 0)),
            EndsAt = Format.FromSofia(new DateTime(2027, 2, 18, 20, 0, 0)),
            Address = "бул. „Александър Малинов“ 37",
            Venue = "Район „Младост“, зала на 1 етаж",
            District = "mladost",
            MeetingUrl = "https://meet.example.org/agora-mladost",
            Organiser = new("Столична община, район „Младост“", "Sofia Municipality, Mladost district"),
            Capacity = 60,
            RegistrationClosesAt = Format.FromSofia(new DateTime(2027, 2, 18, 12, 0, 0)),
            Published = true,
            PublishedAt = now,
            Agenda =
            [
                Item(0, 18, 0, "Представяне на предложенията", "The proposals"),
                Item(1, 18, 40, "Въпроси и изказвания на жителите", "Residents' questions and statements"),
                Item(2, 19, 40, "Следващи стъпки", "Next steps"),
            ],
        }, now, ct);

        await AddAsync(new Event
        {
            Id = WebinarId,
            ProcessId = process?.Id,
            Type = EventType.Webinar,
            Format = EventFormat.Online,
            Title = new("Уебинар: как да предложим мярка за електронно управление", "Webinar: how to propose an e-government measure"),
            Description = new(
                "Кратко въведение за гражданите: как се подава, подкрепя и обсъжда предложение в Агора.",
                "A short introduction for residents: how to submit, support and discuss a proposal on Agora."),
            StartsAt = Format.FromSofia(new DateTime(2027, 1, 21, 18, 0, 0)),
            EndsAt = Format.FromSofia(new DateTime(2027, 1, 21, 19, 0, 0)),
            MeetingUrl = "https://meet.example.org/agora-webinar",
            Organiser = organiser,
            Capacity = 5,
            Published = true,
            PublishedAt = now,
        }, now, ct);
    }

    private async Task AddAsync(Event e, DateTime now, CancellationToken ct)
    {
        if (await db.Set<Event>().AnyAsync(x => x.Id == e.Id, ct))
            return;
        e.CreatedAt = now;
        e.UpdatedAt = now;
        db.Add(e);
        await db.SaveChangesAsync(ct);
    }

    private static AgendaItem Item(int position, int hour, int minute, string bg, string en) =>
        new() { Position = position, StartsAt = new TimeOnly(hour, minute), Title = new(bg, en) };
}

using Agora.Web.Features.Events;
using Agora.Web.Features.Needs;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Swot;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Workshops;

/// <summary>
/// The Needs Assessment Workshop of 14 January 2021 as the toolkit would have recorded it: a SWOT board with items
/// from several of the fourteen organisations, dot-voted, and the five shared needs of the founding document
/// ranked by representatives and residents. Idempotent: does nothing once the workshop has a board.
/// </summary>
public sealed class WorkshopsDemo(AgoraDb db, UserManager<AgoraUser> users, TimeProvider clock) : IDemoContributor
{
    public int Order => 70;

    /// <summary>Representatives who spoke for their organisations at the workshop (slug of the organisation).</summary>
    public static readonly (string Email, string Name, string Organization)[] Representatives =
    [
        ("ivan.kolev@demo.agora.bg", "Иван Колев", "bait"),
        ("petya.stoyanova@demo.agora.bg", "Петя Стоянова", "btsnp"),
        ("dimitar.nikolov@demo.agora.bg", "Димитър Николов", "sofiyaplan"),
        ("vesela.todorova@demo.agora.bg", "Весела Тодорова", "sofia-teh-park"),
        ("kalin.angelov@demo.agora.bg", "Калин Ангелов", "rezonator"),
    ];

    private sealed record Item(SwotQuadrant Quadrant, string Text, string Explanation, int Author, int[] Dots);

    // Authors index Representatives; Dots are the dots of voters 0..4 (representatives) then 5..9 (residents).
    private static readonly Item[] Items =
    [
        new(SwotQuadrant.Strengths, "Силна ИТ общност и иновационни клъстери в София",
            "Strong IT community and innovation clusters in Sofia. БАИТ, клъстерът „Изкуствен интелект“ и София Тех Парк събират компании, готови да помагат.", 0, [2, 0, 1, 1, 0, 1, 0, 0, 1, 0]),
        new(SwotQuadrant.Strengths, "Съществуващи стратегически документи за е-управление",
            "Existing strategy documents on e-government (Визия за София, Софияплан) — не започваме от нулата.", 2, [0, 0, 2, 0, 0, 0, 1, 0, 0, 0]),
        new(SwotQuadrant.Strengths, "Сила на ИТ сектора", "Duplicate of the first strength, written separately — for the facilitator to merge.", 3, [0, 0, 0, 1, 0, 0, 0, 0, 0, 0]),
        new(SwotQuadrant.Weaknesses, "Информацията е разпръсната по много сайтове",
            "Information is scattered over many websites; it is hard to find what applies to you.", 4, [1, 0, 0, 1, 2, 2, 1, 2, 0, 1]),
        new(SwotQuadrant.Weaknesses, "Слаби връзки между бизнеса и общината",
            "Weak links between business and the municipality: companies do not know whom to approach.", 0, [1, 1, 0, 0, 0, 0, 0, 0, 0, 1]),
        new(SwotQuadrant.Weaknesses, "Липсват ясни правила за данните",
            "No clear rules on data: who owns it, how it is published, under what licence.", 1, [0, 2, 0, 0, 1, 0, 0, 1, 1, 0]),
        new(SwotQuadrant.Opportunities, "Отворени данни като основа за иновации",
            "Open data as a basis for innovation by companies, universities and NGOs.", 3, [1, 1, 1, 2, 0, 1, 1, 0, 1, 1]),
        new(SwotQuadrant.Opportunities, "Програмата Intelligent Cities Challenge",
            "The ICC programme: methodology, mentors and examples from 120 cities.", 2, [0, 0, 1, 0, 0, 0, 0, 1, 0, 0]),
        new(SwotQuadrant.Threats, "Ниско доверие в процесите за участие",
            "Low trust in participation processes: people do not see what happens to their input.", 4, [0, 1, 0, 0, 2, 1, 2, 1, 2, 2]),
        new(SwotQuadrant.Threats, "Недостатъчни цифрови умения на гражданите и администрацията",
            "Insufficient digital skills among citizens and staff.", 1, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    ];

    private sealed record NeedSeed(string Bg, string En, string DescBg, string DescEn, string Area, int[] Swot);

    /// <summary>The five shared needs the founding document names, in its order.</summary>
    private static readonly NeedSeed[] NeedSeeds =
    [
        new("По-силни връзки между бизнеса и общината", "Stronger links between business and the municipality",
            "Постоянни канали, чрез които компаниите и клъстерите работят с общината по общи цели.",
            "Standing channels through which companies and clusters work with the municipality on shared goals.", "economy", [0, 4]),
        new("Регулации за данните и достъп до отворени данни", "Data rules and access to open data",
            "Ясни правила за данните и публикуване на отворени данни, които подкрепят развитието на иновациите.",
            "Clear rules on data and the publication of open data that support innovation.", "digital", [5, 6]),
        new("Работещи образователни инициативи за гражданите и администрацията", "Working education initiatives for citizens and the administration",
            "Обучения, които дават на гражданите и служителите уменията да ползват и развиват електронните услуги.",
            "Training that gives residents and staff the skills to use and improve e-services.", "education", [9]),
        new("Информация на едно място — достъпна, разбираема, изчерпателна", "Information in one place — accessible, clear, complete",
            "Един вход към информацията и услугите на общината, написан разбираемо и достъпен за всички.",
            "One entry point to the municipality's information and services, written clearly and accessible to all.", "digital", [3]),
        new("По-добри канали за взаимодействие и процеси за гражданско участие", "Better channels for interaction and citizen participation processes",
            "Процеси, в които участниците виждат какво става с приноса им, и канали за двупосочна комуникация.",
            "Processes in which participants see what becomes of their input, and channels for two-way communication.", "participation", [8]),
    ];

    // Top-five ballots of voters 0..9 (indexes of NeedSeeds in rank order) — enough for the aggregate to show a tie.
    private static readonly int[][] Ballots =
    [
        [0, 1, 3, 4, 2],
        [1, 4, 3, 2, 0],
        [3, 1, 4, 0, 2],
        [1, 0, 2, 3, 4],
        [4, 3, 1, 2],
        [3, 4, 2],
        [4, 3, 2, 1, 0],
        [3, 4, 1],
        [1, 3, 4, 2, 0],
        [4, 3, 0],
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var process = await db.Set<Process>().FirstOrDefaultAsync(p => p.Slug == ProcessesDemo.IccSlug, ct);
        if (process == null || !await db.Set<Event>().AnyAsync(e => e.Id == EventsDemo.NeedsAssessmentId, ct)
            || await db.Set<SwotBoard>().AnyAsync(b => b.EventId == EventsDemo.NeedsAssessmentId, ct))
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var key in new[] { SwotService.Key, NeedsService.Key })
            if (!process.Has(key))
                process.Components = string.IsNullOrEmpty(process.Components) ? key : process.Components + "," + key;

        var reps = new List<(Guid User, Guid Organization)>();
        foreach (var (email, name, slug) in Representatives)
        {
            var org = await db.Set<Organization>().Where(o => o.Slug == slug).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
            if (org == null)
                return;
            var user = await users.FindByEmailAsync(email);
            if (user == null)
            {
                user = new AgoraUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PreferredCulture = "bg", CreatedAt = now };
                var result = await users.CreateAsync(user);
                if (!result.Succeeded)
                    throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
            if (!await db.Set<OrganizationRepresentative>().AnyAsync(r => r.UserId == user.Id && r.OrganizationId == org, ct))
                db.Add(new OrganizationRepresentative
                {
                    OrganizationId = org.Value,
                    UserId = user.Id,
                    Status = RepresentativeStatus.Approved,
                    Note = "Участник в работната среща",
                    CreatedAt = now,
                    DecidedAt = now,
                });
            reps.Add((user.Id, org.Value));
        }
        var residents = new List<Guid>();
        foreach (var (email, _, _) in FoundationDemo.People)
            if (await users.FindByEmailAsync(email) is { } u)
                residents.Add(u.Id);
        var voters = reps.Select(r => r.User).Concat(residents).ToList();

        var workshopAt = new DateTime(2021, 1, 14, 12, 0, 0, DateTimeKind.Utc);
        var board = new SwotBoard
        {
            ProcessId = process.Id,
            EventId = EventsDemo.NeedsAssessmentId,
            Title = new("SWOT анализ: е-управление и гражданско участие в София", "SWOT analysis: e-government and citizen participation in Sofia"),
            DotsPerPerson = 5,
            Eligibility = WorkshopEligibility.SignedIn,
            CreatedAt = workshopAt,
        };
        db.Add(board);
        var items = new List<SwotItem>();
        var positions = new Dictionary<SwotQuadrant, int>();
        foreach (var seed in Items)
        {
            var position = positions.GetValueOrDefault(seed.Quadrant);
            positions[seed.Quadrant] = position + 1;
            var item = new SwotItem
            {
                BoardId = board.Id,
                Quadrant = seed.Quadrant,
                Text = seed.Text,
                Explanation = seed.Explanation,
                Language = "bg",
                Position = position,
                CreatedAt = workshopAt.AddMinutes(items.Count),
                UpdatedAt = workshopAt.AddMinutes(items.Count),
            };
            items.Add(item);
            db.Add(item);
            var (author, org) = reps[seed.Author];
            db.Add(new SwotContribution { ItemId = item.Id, UserId = author, OrganizationId = org, CreatedAt = item.CreatedAt });
            for (var v = 0; v < seed.Dots.Length && v < voters.Count; v++)
                if (seed.Dots[v] > 0)
                    db.Add(new SwotDot { BoardId = board.Id, ItemId = item.Id, UserId = voters[v], Count = seed.Dots[v] });
        }
        foreach (var v in voters)
            db.Add(new SwotAllowance
            {
                BoardId = board.Id,
                UserId = v,
                UpdatedAt = workshopAt,
                Used = Items.Select(i => voters.IndexOf(v) < i.Dots.Length ? i.Dots[voters.IndexOf(v)] : 0).Sum(),
            });

        if (!await db.Set<Need>().AnyAsync(n => n.ProcessId == process.Id, ct))
        {
            db.Add(new NeedsSettings { ProcessId = process.Id, EventId = EventsDemo.NeedsAssessmentId, Method = RankingMethod.TopFive });
            var needs = NeedSeeds.Select((n, i) => new Need
            {
                ProcessId = process.Id,
                Title = new(n.Bg, n.En),
                Description = new(n.DescBg, n.DescEn),
                Area = n.Area,
                Status = i == 4 ? NeedStatus.InActionPlan : NeedStatus.Prioritised,
                Position = i,
                CreatedAt = workshopAt,
                UpdatedAt = workshopAt,
            }).ToList();
            db.AddRange(needs);
            for (var i = 0; i < needs.Count; i++)
                foreach (var s in NeedSeeds[i].Swot)
                    db.Add(new NeedSwotItem { NeedId = needs[i].Id, SwotItemId = items[s].Id });
            for (var v = 0; v < Ballots.Length && v < voters.Count; v++)
            {
                db.Add(new NeedBallot { ProcessId = process.Id, UserId = voters[v], SubmittedAt = workshopAt });
                for (var r = 0; r < Ballots[v].Length; r++)
                    db.Add(new NeedVote { ProcessId = process.Id, UserId = voters[v], NeedId = needs[Ballots[v][r]].Id, Rank = r + 1 });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}

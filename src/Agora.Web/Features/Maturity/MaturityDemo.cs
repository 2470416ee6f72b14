using Agora.Web.Features.Events;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Workshops;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Maturity;

/// <summary>
/// The default framework and two published rounds for the ICC process: a baseline scored at the Needs Assessment
/// Workshop by a representative of each of the fourteen organisations and three municipal officials, and a second
/// round at the solution maturity workshop with some movement. Levels are fixed tables, so every run gives the same
/// report. Idempotent: does nothing once the baseline exists.
/// </summary>
public sealed class MaturityDemo(AgoraDb db, UserManager<AgoraUser> users, TimeProvider clock) : IDemoContributor
{
    public int Order => 80;

    public const string BaselineSlug = "baseline-2021";
    public const string SecondSlug = "solution-maturity-2021";

    /// <summary>Representatives for the organisations the workshops demo has none for (slug of the organisation).</summary>
    private static readonly (string Email, string Name, string Organization)[] MoreRepresentatives =
    [
        ("radostina.ivanova@demo.agora.bg", "Радостина Иванова", "biotehnologichen-i-zdraven-klastar-balgaria"),
        ("boyan.marinov@demo.agora.bg", "Боян Маринов", "para"),
        ("silvia.hristova@demo.agora.bg", "Силвия Христова", "bkb"),
        ("teodor.penev@demo.agora.bg", "Теодор Пенев", "brait"),
        ("nadezhda.vasileva@demo.agora.bg", "Надежда Василева", "bfa"),
        ("martin.iliev@demo.agora.bg", "Мартин Илиев", "klastar-izkustven-intelekt-balgaria"),
        ("gergana.koleva@demo.agora.bg", "Гергана Колева", "viziya-za-sofia"),
        ("stefan.dobrev@demo.agora.bg", "Стефан Добрев", "fond-na-fondovete"),
        ("lyubomir.atanasov@demo.agora.bg", "Любомир Атанасов", "tsentar-za-gradska-mobilnost"),
    ];

    /// <summary>Officials of the municipality's digital transformation directorate, administrators of the process.</summary>
    private static readonly (string Email, string Name)[] Officials =
    [
        ("tsvetelina.angelova@demo.agora.bg", "Цветелина Ангелова"),
        ("plamen.yordanov@demo.agora.bg", "Пламен Йорданов"),
        ("desislava.mihaylova@demo.agora.bg", "Десислава Михайлова"),
    ];

    // Baseline current levels per group, in the order of DefaultFramework.Keys: strategy, channels, participation,
    // open-data, one-place, skills, partnerships, feedback. The municipality sees itself a level higher on
    // participation and feedback than the NGOs do — the disagreement the report should show.
    private static readonly Dictionary<string, int[]> BaselineCurrent = new()
    {
        [AssessorGroups.Municipality] = [3, 2, 3, 2, 2, 2, 2, 3],
        [AssessorGroups.Business] = [2, 2, 2, 1, 1, 2, 2, 2],
        [AssessorGroups.Ngo] = [2, 2, 1, 2, 1, 2, 2, 1],
    };

    private static readonly int[] Targets = [4, 4, 4, 4, 4, 3, 4, 4];

    // The second round: how many levels each dimension moved for everyone (information in one place and
    // partnerships after the workshop's work on them; the rest unchanged).
    private static readonly int[] SecondRoundMove = [0, 0, 0, 1, 1, 0, 1, 0];

    public async Task SeedAsync(CancellationToken ct)
    {
        var process = await db.Set<Process>().FirstOrDefaultAsync(p => p.Slug == ProcessesDemo.IccSlug, ct);
        if (process == null || await db.Set<MaturityRound>().AnyAsync(r => r.ProcessId == process.Id && r.Slug == BaselineSlug, ct))
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!process.Has(MaturityService.Key))
            process.Components = string.IsNullOrEmpty(process.Components) ? MaturityService.Key : process.Components + "," + MaturityService.Key;

        var framework = await db.Set<MaturityFramework>().Include(f => f.Dimensions)
            .Where(f => f.Name.Bg == DefaultFramework.Create(now).Name.Bg && !db.Set<MaturityFramework>().Any(n => n.PreviousId == f.Id))
            .FirstOrDefaultAsync(ct);
        if (framework == null)
        {
            framework = DefaultFramework.Create(new DateTime(2021, 1, 10, 9, 0, 0, DateTimeKind.Utc));
            db.Add(framework);
        }

        // The assessors: one representative per organisation (the workshop's own where it had one), then the officials.
        var assessors = new List<(Guid User, string Group)>();
        var slugs = WorkshopsDemo.Representatives.Select(r => (r.Email, r.Name, r.Organization)).Concat(MoreRepresentatives).ToList();
        foreach (var entry in IccOrganizations.All)
        {
            var org = await db.Set<Organization>().Where(o => o.Slug == entry.Slug).Select(o => new { o.Id, o.Kind }).FirstOrDefaultAsync(ct);
            var person = slugs.FirstOrDefault(s => s.Organization == entry.Slug);
            if (org == null || person.Email == null)
                continue;
            var user = await UserAsync(person.Email, person.Name, now);
            if (!await db.Set<OrganizationRepresentative>().AnyAsync(r => r.UserId == user.Id && r.OrganizationId == org.Id, ct))
                db.Add(new OrganizationRepresentative
                {
                    OrganizationId = org.Id,
                    UserId = user.Id,
                    Status = RepresentativeStatus.Approved,
                    Note = "Участник в работната среща",
                    CreatedAt = now,
                    DecidedAt = now,
                });
            assessors.Add((user.Id, AssessorGroups.Of(false, org.Kind)));
        }
        foreach (var (email, name) in Officials)
        {
            var user = await UserAsync(email, name, now);
            if (!await db.Set<ProcessAdministrator>().AnyAsync(a => a.ProcessId == process.Id && a.UserId == user.Id, ct))
                db.Add(new ProcessAdministrator { ProcessId = process.Id, UserId = user.Id, GrantedAt = now });
            assessors.Add((user.Id, AssessorGroups.Municipality));
        }

        var hasEvent = await db.Set<Event>().AnyAsync(e => e.Id == EventsDemo.NeedsAssessmentId, ct);
        var hasSecondEvent = await db.Set<Event>().AnyAsync(e => e.Id == EventsDemo.MaturityId, ct);
        var baseline = new MaturityRound
        {
            ProcessId = process.Id,
            FrameworkId = framework.Id,
            EventId = hasEvent ? EventsDemo.NeedsAssessmentId : null,
            Slug = BaselineSlug,
            Title = new("Изходна оценка — работна среща за оценка на нуждите, януари 2021", "Baseline — Needs Assessment Workshop, January 2021"),
            OpensAt = new DateTime(2021, 1, 14, 8, 0, 0, DateTimeKind.Utc),
            ClosesAt = new DateTime(2021, 1, 21, 22, 0, 0, DateTimeKind.Utc),
            Assessors = AssessorSet.Municipality | AssessorSet.Representatives,
            Conclusions = new(BaselineConclusionsBg, BaselineConclusionsEn),
            PublishedAt = new DateTime(2021, 1, 25, 9, 0, 0, DateTimeKind.Utc),
            CreatedAt = new DateTime(2021, 1, 12, 9, 0, 0, DateTimeKind.Utc),
        };
        var second = new MaturityRound
        {
            ProcessId = process.Id,
            FrameworkId = framework.Id,
            EventId = hasSecondEvent ? EventsDemo.MaturityId : null,
            Slug = SecondSlug,
            Title = new("Работна среща за зрелостта на решенията и стратегията, януари 2021", "Solution maturity and strategy workshop, January 2021"),
            OpensAt = new DateTime(2021, 1, 28, 8, 0, 0, DateTimeKind.Utc),
            ClosesAt = new DateTime(2021, 2, 11, 22, 0, 0, DateTimeKind.Utc),
            Assessors = AssessorSet.Municipality | AssessorSet.Representatives,
            Conclusions = new(SecondConclusionsBg, SecondConclusionsEn),
            PublishedAt = new DateTime(2021, 2, 15, 9, 0, 0, DateTimeKind.Utc),
            CreatedAt = new DateTime(2021, 1, 26, 9, 0, 0, DateTimeKind.Utc),
        };
        db.AddRange(baseline, second);
        var dims = framework.Dimensions.OrderBy(d => d.Position).ToList();
        for (var a = 0; a < assessors.Count; a++)
        {
            var (user, group) = assessors[a];
            AddAssessment(baseline, user, group, dims, a, 0);
            // Two assessors of the baseline did not come back for the second round.
            if (a % 8 != 7)
                AddAssessment(second, user, group, dims, a, 1);
        }
        baseline.SubmittedCount = db.ChangeTracker.Entries<MaturityAssessment>().Count(e => e.Entity.RoundId == baseline.Id);
        second.SubmittedCount = db.ChangeTracker.Entries<MaturityAssessment>().Count(e => e.Entity.RoundId == second.Id);
        await db.SaveChangesAsync(ct);
    }

    private void AddAssessment(MaturityRound round, Guid user, string group, List<MaturityDimension> dims, int a, int roundIndex)
    {
        var baseLevels = BaselineCurrent.GetValueOrDefault(group) ?? BaselineCurrent[AssessorGroups.Business];
        var at = round.OpensAt.AddHours(2 + a);
        var assessment = new MaturityAssessment { RoundId = round.Id, UserId = user, Group = group, CreatedAt = at, UpdatedAt = at, SubmittedAt = at };
        db.Add(assessment);
        for (var i = 0; i < dims.Count && i < Targets.Length; i++)
        {
            // A fixed spread around the group's level: every third assessor one lower, every fifth one higher.
            var spread = (a + i) % 3 == 0 ? -1 : (a + i) % 5 == 0 ? 1 : 0;
            var current = Math.Clamp(baseLevels[i] + spread + (roundIndex == 1 ? SecondRoundMove[i] : 0), 1, 5);
            var target = Math.Clamp(Math.Max(current, Targets[i] + ((a + i) % 4 == 0 ? 1 : 0)), 1, 5);
            db.Add(new MaturityScore
            {
                AssessmentId = assessment.Id,
                DimensionId = dims[i].Id,
                Current = current,
                Target = target,
                Justification = Justifications[i % Justifications.Length],
                Evidence = i == 3 ? "https://sofiaplan.bg/portfolio/opendata/" : "",
            });
        }
    }

    private static readonly string[] Justifications =
    [
        "Има стратегически документи, но без бюджет и отговорници по изпълнението.",
        "Сигналите се подават по различни канали без проследяване.",
        "Консултациите са предимно формални; рядко се отговаря на мненията.",
        "Отделни набори данни се публикуват, но нередовно и без ясен лиценз.",
        "Информацията е разпръсната по много сайтове.",
        "Обученията са епизодични, по проекти.",
        "Контактите с бизнеса са на лична основа.",
        "Участниците не научават какво е станало с приноса им.",
    ];

    private async Task<AgoraUser> UserAsync(string email, string name, DateTime now)
    {
        var user = await users.FindByEmailAsync(email);
        if (user != null)
            return user;
        user = new AgoraUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PreferredCulture = "bg", CreatedAt = now };
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    private const string BaselineConclusionsBg = """
        ### Изводи

        Изходната оценка потвърждава картината от работната среща: София има **стратегически намерения и силна ИТ общност**, но участието на гражданите и организациите остава предимно на ниво „информиране и консултиране“.

        - Най-голямата разлика между сегашното и желаното ниво е в **отворените данни** и **информацията на едно място**.
        - Общината оценява **процесите за участие** и **обратната връзка** по-високо от неправителствените организации — различие, което само по себе си е находка: участниците не виждат резултата от приноса си.

        ### Препоръки

        1. Единен вход към информацията и услугите, написан разбираемо и достъпен.
        2. Правила за данните и график за публикуване на ключовите набори.
        3. Всеки процес на платформата да завършва с мотивиран отговор към участниците.
        """;

    private const string BaselineConclusionsEn = """
        ### Conclusions

        The baseline confirms the picture from the workshop: Sofia has **strategic intentions and a strong IT community**, but the participation of residents and organisations remains mostly at the level of "informing and consulting".

        - The largest gap between the current and the desired level is in **open data** and **information in one place**.
        - The municipality rates **participation processes** and **feedback** higher than the NGOs do — a difference that is a finding in itself: participants do not see what becomes of their input.

        ### Recommendations

        1. One entry point to information and services, written plainly and accessible.
        2. Rules on data and a schedule for publishing the key datasets.
        3. Every process on the platform to end with a reasoned answer to its participants.
        """;

    private const string SecondConclusionsBg = """
        ### Изводи

        Две седмици след изходната оценка участниците отчитат напредък в **отворените данни**, **информацията на едно място** и **партньорствата** — там, където работната среща постави конкретни ангажименти. Останалите измерения не са се променили, което е очаквано за толкова кратък срок.

        ### Препоръки

        1. Ангажиментите от работните срещи да се проследяват публично, с етапи и срокове.
        2. Следващият кръг на оценката — след една година, със същата рамка, за да бъдат резултатите сравними.
        """;

    private const string SecondConclusionsEn = """
        ### Conclusions

        Two weeks after the baseline, participants see progress in **open data**, **information in one place** and **partnerships** — where the workshop set concrete commitments. The other dimensions have not moved, as expected over so short a time.

        ### Recommendations

        1. Track the workshops' commitments publicly, with milestones and dates.
        2. Hold the next round in a year, on the same framework, so that the results compare.
        """;
}

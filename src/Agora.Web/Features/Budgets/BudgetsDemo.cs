using Agora.Web.Features.Processes;
using Agora.Web.Features.Verification;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Budgets;

/// <summary>A "Participatory budget 2026" process: a city budget in voting, a closed Средец budget with results and
/// a Лозенец budget under review; a census of fake identifiers (month 99 makes them impossible ЕГН) and verified
/// demo residents who have voted. Anna Smith is in the census but not verified, to try the verification: identifier
/// <see cref="AnnaIdentifier"/>, born 1990-01-05.</summary>
public sealed class BudgetsDemo(AgoraDb db, UserManager<AgoraUser> users, VerificationService verification, TimeProvider clock) : IDemoContributor
{
    public const string Slug = "participatory-budget-2026";
    public const string AnnaIdentifier = "9099100005";

    public int Order => 85;

    private static string FakeIdentifier(int n) => "9099" + n.ToString("000000", System.Globalization.CultureInfo.InvariantCulture);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<Process>().AnyAsync(p => p.Slug == Slug, ct))
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        var year = new DateOnly(2026, 1, 1);
        var process = new Process
        {
            Slug = Slug,
            Title = new("Бюджет с участие 2026", "Participatory budget 2026"),
            Summary = new("Жителите на София решават как да се похарчи част от бюджета на града и на районите.",
                "Sofia's residents decide how part of the city's and the districts' budget is spent."),
            Description = new("Предложете проект, вижте оценката на общината и гласувайте като проверен жител.",
                "Propose a project, see the municipality's review and vote as a verified resident."),
            StartsOn = year,
            EndsOn = new DateOnly(2026, 12, 31),
            Components = "news," + BudgetService.Key,
            Published = true,
            PublishedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
            Phases =
            [
                new Phase { Position = 0, Title = new("Проекти и оценка", "Projects and review"), StartsOn = year, EndsOn = new(2026, 9, 30) },
                new Phase { Position = 1, Title = new("Гласуване", "Voting"), StartsOn = new(2026, 10, 1), EndsOn = new(2026, 12, 31), IsCurrent = true },
            ],
        };
        db.Add(process);

        var city = Budget(process, 0, "Градски бюджет 2026", "City budget 2026", null, 500_000, VotingRule.Knapsack, BudgetPhase.Voting);
        city.MinPercent = 20;
        city.AllowChange = true;
        var sredets = Budget(process, 1, "Средец 2026", "Sredets 2026", "sredets", 100_000, VotingRule.Approval, BudgetPhase.Results);
        sredets.MinProjects = 1;
        sredets.MaxProjects = 2;
        sredets.ClosedAt = now.AddDays(-3);
        var lozenets = Budget(process, 2, "Лозенец 2026", "Lozenets 2026", "lozenets", 80_000, VotingRule.Knapsack, BudgetPhase.Review);
        db.AddRange(city, sredets, lozenets);

        var cityProjects = new[]
        {
            Project(city, "Зелен коридор по Перловската река", 180_000, ProjectReview.Feasible, null),
            Project(city, "Безплатен Wi-Fi в подлезите", 60_000, ProjectReview.Feasible, null),
            Project(city, "Велоалея по бул. „Тодор Александров“", 250_000, ProjectReview.Feasible, null),
            Project(city, "Питейни фонтанчета в парковете", 40_000, ProjectReview.Feasible, null),
            Project(city, "Подземен паркинг под Южния парк", 3_000_000, ProjectReview.NotFeasible,
                "Надхвърля бюджета многократно и изисква ПУП. / Far beyond the budget and needs a zoning plan."),
        };
        var sredetsProjects = new[]
        {
            Project(sredets, "Детска площадка в градинката „Кристал“", 45_000, ProjectReview.Feasible, null),
            Project(sredets, "Пейки и сенници на ул. „Шишман“", 30_000, ProjectReview.Feasible, null),
            Project(sredets, "Озеленяване на вътрешни дворове", 70_000, ProjectReview.Feasible, null),
        };
        var lozenetsProjects = new[]
        {
            Project(lozenets, "Ремонт на тротоарите по ул. „Криволак“", 50_000, ProjectReview.Pending, null),
            Project(lozenets, "Кучешка площадка в парк „Лозенец“", 20_000, ProjectReview.Feasible, null),
            Project(lozenets, "Пешеходен мост над Перловската река", 400_000, ProjectReview.NotFeasible,
                "Изисква съгласуване с НКИН и надхвърля бюджета. / Needs heritage approval and exceeds the budget."),
        };
        db.AddRange(cityProjects.Concat(sredetsProjects).Concat(lozenetsProjects));
        await db.SaveChangesAsync(ct);

        // Residents: 24 fake voters across three districts, plus the foundation's people.
        string[] homes = ["sredets", "lozenets", "mladost"];
        var residents = new List<(Guid Id, string District)>();
        for (var i = 1; i <= 24; i++)
        {
            var email = $"resident{i:00}@demo.agora.bg";
            var user = await users.FindByEmailAsync(email);
            if (user == null)
            {
                user = new AgoraUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Жител {i}", PreferredCulture = "bg", CreatedAt = now };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded)
                    throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }
            residents.Add((user.Id, homes[i % 3]));
        }
        var maria = await users.FindByEmailAsync(FoundationDemo.People[0].Email);
        if (maria != null)
            residents.Add((maria.Id, "sredets"));

        var n = 0;
        foreach (var (id, district) in residents)
        {
            n++;
            var record = new CensusRecord { IdentifierHash = verification.Hash(FakeIdentifier(n)), BirthDate = new DateOnly(1960 + n, 1 + n % 12, 1 + n % 28), District = district, ImportedAt = now };
            db.Add(record);
            db.Add(new ResidentVerification { UserId = id, District = district, Method = CensusMethod.MethodKey, CensusRecordId = record.Id, VerifiedAt = now.AddDays(-20) });
        }
        db.Add(new CensusRecord { IdentifierHash = verification.Hash(AnnaIdentifier), BirthDate = new DateOnly(1990, 1, 5), District = "lozenets", ImportedAt = now });

        // Ballots: the demo residents (not Maria, who is left to try the ballot) vote in a fixed pattern.
        var rng = new Random(2026);
        var voters = residents.Where(r => maria == null || r.Id != maria.Id).ToList();
        var cityOnBallot = cityProjects.Where(p => p.Review == ProjectReview.Feasible).ToList();
        foreach (var (id, district) in voters.Take(18))
            AddBallot(city, id, district, Pick(city, cityOnBallot, rng), now);
        foreach (var (id, district) in voters.Where(v => v.District == "sredets"))
            AddBallot(sredets, id, district, Pick(sredets, sredetsProjects.ToList(), rng), now.AddDays(-5));
        await db.SaveChangesAsync(ct);

        // The stored counters, computed once from the ballots just written.
        foreach (var b in new[] { city, sredets })
            await db.Set<Budget>().Where(x => x.Id == b.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.BallotCount,
                x => db.Set<Ballot>().Count(y => y.BudgetId == x.Id)), ct);
        var ids = cityProjects.Concat(sredetsProjects).Select(p => p.Id).ToList();
        await db.Set<BudgetProject>().Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.VoteCount,
            p => db.Set<BallotChoice>().Count(c => c.ProjectId == p.Id)), ct);
    }

    private static List<BudgetProject> Pick(Budget budget, List<BudgetProject> options, Random rng)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var chosen = options.Where(_ => rng.Next(2) == 0).ToList();
            if (BudgetService.Validate(budget, chosen, chosen.Count) == null)
                return chosen;
        }
        return [options.First()];
    }

    private void AddBallot(Budget budget, Guid voter, string district, List<BudgetProject> chosen, DateTime at)
    {
        var ballot = new Ballot { BudgetId = budget.Id, VoterId = voter, District = district, ReceiptCode = BudgetService.NewReceipt(), CastAt = at };
        db.Add(ballot);
        db.AddRange(chosen.Select(p => new BallotChoice { BallotId = ballot.Id, ProjectId = p.Id }));
    }

    private Budget Budget(Process process, int position, string bg, string en, string? district, long eur, VotingRule rule, BudgetPhase phase) => new()
    {
        ProcessId = process.Id,
        Position = position,
        Title = new(bg, en),
        Description = new("Бюджет с участие: жителите предлагат и избират проекти.", "A participatory budget: residents propose and choose projects."),
        District = district,
        AmountCents = eur * 100,
        Rule = rule,
        Phase = phase,
        VotingStartsOn = new DateOnly(2026, 10, 1),
        VotingEndsOn = new DateOnly(2026, 12, 15),
        CreatedAt = clock.GetUtcNow().UtcDateTime,
    };

    private BudgetProject Project(Budget budget, string title, long eur, ProjectReview review, string? reason) => new()
    {
        BudgetId = budget.Id,
        Title = title,
        Description = $"{title}. Проектът е предложен от жители на района и включва проектиране, изпълнение и поддръжка за една година.",
        CostCents = eur * 100,
        District = budget.District,
        Review = review,
        ReviewReason = reason,
        ReviewedAt = review == ProjectReview.Pending ? null : clock.GetUtcNow().UtcDateTime,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
    };
}

using Agora.Web.Features.Processes;
using Agora.Web.Features.Verification;
using Agora.Web.Infrastructure.Scale;

namespace Agora.Web.Features.Budgets;

/// <summary>
/// Verified residents (a share of the citizens, spread over the districts, plus every bench citizen) and participatory
/// budgets: in the first, city-wide process one city-wide budget and district budgets, in the district processes one
/// budget each. Ballots go only to people entitled to vote in the budget (verified; in its district for a district
/// budget), one per person and budget, each valid under the budget's rule (knapsack within the amount and above the
/// minimum; approval between the minimum and maximum number of projects), choosing feasible projects only.
/// Budget.BallotCount and BudgetProject.VoteCount equal the rows. The first budget stays open and no bench citizen has
/// voted in it, so the bench can cast ballots there.
/// </summary>
public sealed class BudgetsScale : IScaleContributor
{
    public int Order => 70;

    public string? Component => BudgetService.Key;

    public async Task ContributeAsync(ScaleContext context, CancellationToken ct)
    {
        var random = ScaleContext.RandomFor("budgets");
        var size = context.Size;
        var districts = Districts.All;

        // Verified residents: the first VerifiedResidents citizens (in a random district), then the bench citizens.
        var verifiedCount = Math.Min(size.VerifiedResidents, context.Users.Length);
        var districtOf = new string[verifiedCount];
        var verifications = new List<ResidentVerification>(verifiedCount + context.BenchCitizens.Count);
        for (var i = 0; i < verifiedCount; i++)
        {
            districtOf[i] = random.Pick(districts).Key;
            verifications.Add(new ResidentVerification
            {
                Id = context.NewId(),
                UserId = context.Users[i],
                District = districtOf[i],
                Method = "in-person",
                VerifiedAt = context.Now.AddDays(-random.Next(1, 200)),
            });
        }
        for (var i = 0; i < context.BenchCitizens.Count; i++)
            verifications.Add(new ResidentVerification
            {
                Id = context.NewId(),
                UserId = context.BenchCitizens[i],
                District = districts[i % districts.Count].Key,
                Method = "in-person",
                VerifiedAt = context.Now.AddDays(-1),
            });
        await context.Writer.InsertAsync(verifications, ct);
        if (size.Budgets == 0 || context.Processes.Count == 0)
            return;

        var budgets = MakeBudgets(context, random);
        var projects = MakeProjects(context, random, budgets);

        // Who may vote where: everyone verified in the city-wide budget, the district's residents in a district budget.
        var byDistrict = Enumerable.Range(0, verifiedCount).GroupBy(i => districtOf[i]).ToDictionary(g => g.Key, g => g.ToArray());
        var all = Enumerable.Range(0, verifiedCount).ToArray();
        int[] Eligible(Budget b) => b.District == null ? all : byDistrict.GetValueOrDefault(b.District) ?? [];
        var open = budgets.Where(b => b.Phase >= BudgetPhase.Voting).ToList();
        var eligible = open.Select(b => (long)Eligible(b).Length).ToArray();
        var quota = Share(size.Ballots, eligible);

        var ballots = new List<Ballot>();
        var choices = new List<BallotChoice>();
        var receipts = new HashSet<string>(StringComparer.Ordinal);
        var feasible = projects.Where(p => p.Review == ProjectReview.Feasible).GroupBy(p => p.BudgetId).ToDictionary(g => g.Key, g => g.ToArray());
        for (var k = 0; k < open.Count; k++)
        {
            var budget = open[k];
            var voters = Eligible(budget);
            var onBallot = feasible.GetValueOrDefault(budget.Id) ?? [];
            if (onBallot.Length == 0)
                continue;
            foreach (var v in Distribution.Distinct(random, voters.Length, quota[k]))
            {
                var voter = voters[v];
                string code;
                do
                    code = BudgetService.NewReceipt();
                while (!receipts.Add(code));
                var ballot = new Ballot
                {
                    Id = context.NewId(),
                    BudgetId = budget.Id,
                    VoterId = context.Users[voter],
                    ReceiptCode = code,
                    District = districtOf[voter],
                    CastAt = budget.CreatedAt.AddDays(20).AddMinutes(random.Next(60 * 24 * 10)),
                };
                ballots.Add(ballot);
                foreach (var project in Choose(random, budget, onBallot))
                {
                    choices.Add(new BallotChoice { BallotId = ballot.Id, ProjectId = project.Id });
                    project.VoteCount++;
                }
                budget.BallotCount++;
            }
        }
        await context.Writer.InsertAsync(budgets, ct);
        await context.Writer.InsertAsync(projects, ct);
        await context.Writer.InsertAsync(ballots, ct);
        await context.Writer.InsertAsync(choices, ct);
        var first = budgets[0];
        context.BenchBudget = $"/processes/{context.Processes[0].Slug}/budgets/{first.Id}";
    }

    private static List<Budget> MakeBudgets(ScaleContext context, Random random)
    {
        var budgets = new List<Budget>();
        var districts = Districts.All;
        var processes = context.Processes;
        // The city-wide process gets the city-wide budget and up to one budget per district; the rest go round the
        // district processes, in their district.
        for (var i = 0; i < context.Size.Budgets; i++)
        {
            var inFirst = i <= districts.Count || processes.Count == 1;
            var process = inFirst ? processes[0] : processes[1 + ((i - districts.Count - 1) % (processes.Count - 1))];
            var district = i == 0 ? null : inFirst ? districts[(i - 1) % districts.Count].Key : process.Scope;
            var place = Districts.NameOf(district);
            // The first budgets of the city-wide process are voting; further ones are in review, voting or closed.
            var phase = i == 0 ? BudgetPhase.Voting : (i % 4) switch
            {
                0 => BudgetPhase.Review,
                1 => BudgetPhase.Voting,
                2 => BudgetPhase.Results,
                _ => BudgetPhase.Voting,
            };
            var approval = i % 3 == 2;
            var created = context.Now.AddDays(-60 - random.Next(30));
            budgets.Add(new Budget
            {
                Id = context.NewId(),
                ProcessId = process.Id,
                Position = i,
                Title = new($"Бюджет „{(district == null ? "София" : place)}“ {context.Now.Year + 1}", $"Budget “{(district == null ? "Sofia" : place)}” {context.Now.Year + 1}"),
                Description = new(ScaleWords.Paragraph(random, 3), "A generated participatory budget for the city-scale benchmark."),
                District = district,
                AmountCents = (district == null ? 2_000_000 : 200_000 + (random.Next(8) * 50_000)) * 100L,
                Rule = approval ? VotingRule.Approval : VotingRule.Knapsack,
                MinPercent = approval ? 0 : 20,
                MinProjects = 1,
                MaxProjects = 3,
                AllowChange = i % 2 == 1,
                Phase = phase,
                VotingStartsOn = DateOnly.FromDateTime(created.AddDays(20)),
                VotingEndsOn = DateOnly.FromDateTime(created.AddDays(90)),
                ClosedAt = phase >= BudgetPhase.Results ? created.AddDays(40) : null,
                CreatedAt = created,
            });
        }
        return budgets;
    }

    /// <summary>Projects spread over the budgets (at least four each); in reviewed budgets one in six is not feasible.
    /// Costs are 8–19% of the budget, so a ballot holds a handful and the knapsack minimum is always reachable.</summary>
    private static List<BudgetProject> MakeProjects(ScaleContext context, Random random, List<Budget> budgets)
    {
        var projects = new List<BudgetProject>();
        var per = Math.Max(4, context.Size.BudgetProjects / budgets.Count);
        foreach (var budget in budgets)
        {
            for (var j = 0; j < per; j++)
            {
                var review = budget.Phase < BudgetPhase.Voting ? ProjectReview.Pending
                    : j % 6 == 5 ? ProjectReview.NotFeasible : ProjectReview.Feasible;
                var created = budget.CreatedAt.AddDays(random.Next(15));
                projects.Add(new BudgetProject
                {
                    Id = context.NewId(),
                    BudgetId = budget.Id,
                    AuthorId = context.Users[random.Next(context.Users.Length)],
                    Title = $"{random.Pick(ScaleWords.Actions)} {random.Pick(ScaleWords.Things)} {random.Pick(ScaleWords.Places)}",
                    Description = ScaleWords.Paragraph(random, 3),
                    CostCents = budget.AmountCents * (8 + random.Next(12)) / 100,
                    District = budget.District,
                    Review = review,
                    ReviewReason = review == ProjectReview.NotFeasible ? "Извън правомощията на общината." : null,
                    ReviewedAt = review == ProjectReview.Pending ? null : created.AddDays(5),
                    CreatedAt = created,
                });
            }
        }
        return projects;
    }

    /// <summary>A valid ballot: approval picks MinProjects..MaxProjects; knapsack adds projects in random order while
    /// they fit, until it has spent a random target between the minimum and the whole amount.</summary>
    private static List<BudgetProject> Choose(Random random, Budget budget, BudgetProject[] onBallot)
    {
        var order = onBallot.OrderBy(_ => random.Next()).ToList();
        if (budget.Rule == VotingRule.Approval)
            return order.Take(Math.Min(order.Count, random.Next(budget.MinProjects, budget.MaxProjects + 1))).ToList();
        var minimum = BudgetService.MinimumCents(budget);
        var target = minimum + (long)(random.NextDouble() * (budget.AmountCents - minimum));
        var chosen = new List<BudgetProject>();
        long spent = 0;
        foreach (var p in order)
        {
            if (spent >= target)
                break;
            if (spent + p.CostCents <= budget.AmountCents)
            {
                chosen.Add(p);
                spent += p.CostCents;
            }
        }
        return chosen;
    }

    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="room"/>, never above an item's room.</summary>
    private static int[] Share(long total, long[] room)
    {
        var sum = room.Sum();
        var counts = new int[room.Length];
        if (sum == 0)
            return counts;
        total = Math.Min(total, sum);
        long placed = 0;
        for (var i = 0; i < room.Length; i++)
        {
            counts[i] = (int)(total * room[i] / sum);
            placed += counts[i];
        }
        for (var i = 0; placed < total; i = (i + 1) % room.Length)
            if (counts[i] < room[i])
            {
                counts[i]++;
                placed++;
            }
        return counts;
    }
}

using Agora.Web.Features.Budgets;

namespace Agora.Tests.Features.Budgets;

/// <summary>The published rule on hand-computed examples, and ballot validation per rule.</summary>
public sealed class ResultRuleTests
{
    private static BudgetProject P(string id, long eur, int votes) => new()
    {
        Id = Guid.Parse(id),
        Title = id[..1],
        CostCents = eur * 100,
        VoteCount = votes,
        Review = ProjectReview.Feasible,
    };

    private static Budget B(long eur, int ballots, VotingRule rule = VotingRule.Knapsack) =>
        new() { AmountCents = eur * 100, BallotCount = ballots, Rule = rule, MinProjects = 2, MaxProjects = 3 };

    [Fact]
    public void MostVotesFirst_TiesByLowerCost_SkipsWhatNoLongerFits()
    {
        // Budget 100. A 10 votes/60, B 8/50, C 8/30, D 5/10, E 0/5.
        // A wins (40 left); B and C tie on 8 — C is cheaper, so C first: wins (10 left); B (50) no longer fits: skipped;
        // D (10) fits: wins (0 left); E has no votes: not funded.
        var results = BudgetService.Results(B(100, 20), [
            P("b0000000-0000-0000-0000-000000000000", 50, 8),
            P("a0000000-0000-0000-0000-000000000000", 60, 10),
            P("d0000000-0000-0000-0000-000000000000", 10, 5),
            P("c0000000-0000-0000-0000-000000000000", 30, 8),
            P("e0000000-0000-0000-0000-000000000000", 5, 0),
        ]);
        Assert.Equal(["a", "c", "b", "d", "e"], results.Select(r => r.Title));
        Assert.Equal([true, true, false, true, false], results.Select(r => r.Wins));
        Assert.Equal(0.5, results[0].Share);
        Assert.Equal(0.4, results[1].Share);
    }

    [Fact]
    public void FullTie_IsBrokenByIdentifier()
    {
        // Budget 50, two projects of 30 with 4 votes each: only one fits; the lower id wins.
        var results = BudgetService.Results(B(50, 8), [
            P("20000000-0000-0000-0000-000000000000", 30, 4),
            P("10000000-0000-0000-0000-000000000000", 30, 4),
        ]);
        Assert.Equal(["1", "2"], results.Select(r => r.Title));
        Assert.Equal([true, false], results.Select(r => r.Wins));
    }

    [Fact]
    public void NotFeasibleProjects_AreNotInTheResults()
    {
        var bad = P("30000000-0000-0000-0000-000000000000", 1, 100);
        bad.Review = ProjectReview.NotFeasible;
        var results = BudgetService.Results(B(50, 8), [bad, P("10000000-0000-0000-0000-000000000000", 30, 4)]);
        Assert.Single(results);
    }

    [Fact]
    public void Approval_ResultsStillFollowTheMoney()
    {
        // Approval ballots (choose 2–3); budget 100: X 9 votes/70, Y 7/40, Z 6/30 → X wins (30 left), Y skipped, Z wins.
        var results = BudgetService.Results(B(100, 10, VotingRule.Approval), [
            P("a1000000-0000-0000-0000-000000000000", 70, 9),
            P("b1000000-0000-0000-0000-000000000000", 40, 7),
            P("c1000000-0000-0000-0000-000000000000", 30, 6),
        ]);
        Assert.Equal([true, false, true], results.Select(r => r.Wins));
    }

    [Fact]
    public void Validation_PerRule()
    {
        var knapsack = B(100, 0);
        knapsack.MinPercent = 50;
        var p60 = P("a0000000-0000-0000-0000-000000000000", 60, 0);
        var p50 = P("b0000000-0000-0000-0000-000000000000", 50, 0);
        var p10 = P("c0000000-0000-0000-0000-000000000000", 10, 0);
        Assert.Equal("Budgets.Refused.OverBudget", BudgetService.Validate(knapsack, [p60, p50], 2)?.Key);
        Assert.Equal("Budgets.Refused.UnderMinimum", BudgetService.Validate(knapsack, [p10], 1)?.Key);
        Assert.Null(BudgetService.Validate(knapsack, [p50], 1));
        Assert.Null(BudgetService.Validate(knapsack, [p60, p10], 2));
        Assert.Equal("Budgets.Refused.UnknownProject", BudgetService.Validate(knapsack, [p50], 2)?.Key);
        Assert.Equal("Budgets.Refused.Empty", BudgetService.Validate(knapsack, [], 0)?.Key);

        var approval = B(100, 0, VotingRule.Approval);
        Assert.Equal("Budgets.Refused.Count", BudgetService.Validate(approval, [p10], 1)?.Key);
        Assert.Null(BudgetService.Validate(approval, [p60, p50], 2));
    }

    [Fact]
    public void Receipts_AreReadableAndDistinct()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => BudgetService.NewReceipt()).ToList();
        Assert.All(codes, c => Assert.Matches("^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}

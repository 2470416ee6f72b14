using Agora.Web.Features.Needs;
using Agora.Web.Features.Workshops;

namespace Agora.Tests.Features.Workshops;

/// <summary>The aggregations on small examples computed by hand.</summary>
public sealed class TallyTests
{
    private static readonly Guid A = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = new("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid P1 = Guid.NewGuid(), P2 = Guid.NewGuid(), P3 = Guid.NewGuid();

    [Fact]
    public void Borda_TopFive_RankOneFivePointsDownToOne()
    {
        // Options "a".."f". P1: a,b,c,d,e  P2: b,a,f  P3: c (only).
        // a = 5 + 4 = 9; b = 4 + 5 = 9; c = 3 + 5 = 8; d = 2; e = 1; f = 3.
        var ranks = new (Guid, string, int)[]
        {
            (P1, "a", 1), (P1, "b", 2), (P1, "c", 3), (P1, "d", 4), (P1, "e", 5),
            (P2, "b", 1), (P2, "a", 2), (P2, "f", 3),
            (P3, "c", 1),
        };
        var result = Tally.Rank(Tally.Borda(ranks, 5), ["a", "b", "c", "d", "e", "f"]);
        Assert.Equal(["a", "b", "c", "f", "d", "e"], result.Select(r => r.Key));
        Assert.Equal([9L, 9, 8, 3, 2, 1], result.Select(r => r.Total));
        Assert.Equal(["1–2", "1–2", "3", "4", "5", "6"], result.Select(r => r.Position));
        Assert.Equal([2, 2, 2, 1, 1, 1], result.Select(r => r.Voters));
        Assert.True(result[0].Tied);
        Assert.False(result[2].Tied);
    }

    [Fact]
    public void Borda_RanksOutsideTheSlotsCountNothing()
    {
        var scores = Tally.Borda(new (Guid, string, int)[] { (P1, "a", 0), (P1, "b", 6), (P1, "c", 5) }, 5).ToList();
        Assert.Equal(("c", 1L), (scores.Single().Key, scores.Single().Points));
    }

    [Fact]
    public void Points_AreSummed_AndUnchosenOptionsShareTheLastPlaceWithZero()
    {
        // P1: a 60, b 40. P2: a 20, b 30, c 50. P3: c 100. a = 80, b = 70, c = 150, d = 0, e = 0.
        var points = new (Guid, string, int)[] { (P1, "a", 60), (P1, "b", 40), (P2, "a", 20), (P2, "b", 30), (P2, "c", 50), (P3, "c", 100), (P3, "d", 0) };
        var result = Tally.Rank(Tally.Amounts(points), ["a", "b", "c", "d", "e"]);
        Assert.Equal(["c", "a", "b", "d", "e"], result.Select(r => r.Key));
        Assert.Equal([150L, 80, 70, 0, 0], result.Select(r => r.Total));
        Assert.Equal(["1", "2", "3", "4–5", "4–5"], result.Select(r => r.Position));
        Assert.Equal([2, 2, 2, 0, 0], result.Select(r => r.Voters));
    }

    [Fact]
    public void Dots_SumPerItem_ThreeWayTieSharesPositions()
    {
        // Five dots each. P1: A 3, B 2. P2: B 1, C 4. P3: A 2, C 1, B 2. A = 5, B = 5, C = 5.
        var dots = new (Guid, Guid, int)[] { (P1, A, 3), (P1, B, 2), (P2, B, 1), (P2, C, 4), (P3, A, 2), (P3, C, 1), (P3, B, 2) };
        var result = Tally.Rank(Tally.Amounts(dots), [A, B, C]);
        Assert.All(result, r => Assert.Equal(5, r.Total));
        Assert.All(result, r => Assert.Equal("1–3", r.Position));
        Assert.Equal([A, B, C], result.Select(r => r.Key));
        Assert.Equal([2, 3, 2], result.Select(r => r.Voters));
    }

    [Fact]
    public void Breakdown_GroupsEachVoterUnderTheirKind()
    {
        var dots = new (Guid, Guid, int)[] { (P1, A, 3), (P1, B, 2), (P2, A, 1), (P3, B, 4) };
        var kinds = new Dictionary<Guid, string> { [P1] = "Ngo", [P2] = "Ngo" };
        var scores = Tally.Amounts(dots).ToList();
        var byKind = Tally.Breakdown(scores, kinds, StakeholderKinds.Resident);
        Assert.Equal(4, byKind["Ngo"][A]);
        Assert.Equal(2, byKind["Ngo"][B]);
        Assert.Equal(4, byKind[StakeholderKinds.Resident][B]);
        Assert.False(byKind[StakeholderKinds.Resident].ContainsKey(A));
        var voters = Tally.VotersByGroup(scores, kinds, StakeholderKinds.Resident);
        Assert.Equal(2, voters["Ngo"]);
        Assert.Equal(1, voters[StakeholderKinds.Resident]);
    }

    [Fact]
    public void Ballot_Validation_RefusesDuplicatesBadRanksAndWrongSums()
    {
        Guid[] needs = [A, B, C];
        Assert.Null(NeedsService.Validate(RankingMethod.TopFive, [new(A, 1, 0), new(B, 2, 0)], needs));
        Assert.Equal("Needs.Refused.SameNeedTwice", NeedsService.Validate(RankingMethod.TopFive, [new(A, 1, 0), new(A, 2, 0)], needs));
        Assert.Equal("Needs.Refused.BadRank", NeedsService.Validate(RankingMethod.TopFive, [new(A, 1, 0), new(B, 1, 0)], needs));
        Assert.Equal("Needs.Refused.BadRank", NeedsService.Validate(RankingMethod.TopFive, [new(A, 6, 0)], needs));
        Assert.Equal("Needs.Refused.UnknownNeed", NeedsService.Validate(RankingMethod.TopFive, [new(Guid.NewGuid(), 1, 0)], needs));
        Assert.Null(NeedsService.Validate(RankingMethod.Points, [new(A, null, 70), new(B, null, 30), new(C, null, 0)], needs));
        Assert.Equal("Needs.Refused.PointsSum", NeedsService.Validate(RankingMethod.Points, [new(A, null, 70), new(B, null, 20)], needs));
        Assert.Equal("Needs.Refused.PointsRange", NeedsService.Validate(RankingMethod.Points, [new(A, null, 120), new(B, null, -20)], needs));
    }
}

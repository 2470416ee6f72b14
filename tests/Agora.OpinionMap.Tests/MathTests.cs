namespace Agora.OpinionMap.Tests;

public class PcaTests
{
    // power-iteration stops once the eigenvalue repeats exactly (pca.clj), when the direction is good to ~1e-10.
    [Fact]
    public void Components_DiagonalCovariance_ReturnsAxesInVarianceOrder()
    {
        // XᵀX = diag(8, 2): the x axis carries the most variance.
        double[][] rows = [[2, 0], [-2, 0], [0, 1], [0, -1]];
        var pcs = Pca.Components(SparseRows.FromDense(rows, 2), 2, 100);

        Assert.Equal(2, pcs.Length);
        Assert.Equal(1.0, Math.Abs(pcs[0][0]), 9);
        Assert.Equal(0.0, pcs[0][1], 9);
        Assert.Equal(0.0, pcs[1][0], 9);
        Assert.Equal(1.0, Math.Abs(pcs[1][1]), 9);
    }

    [Fact]
    public void Components_CorrelatedColumns_ReturnsDiagonalDirections()
    {
        // XᵀX = [[20, 16], [16, 20]]: eigenvectors (1, 1)/√2 (λ = 36) and (1, −1)/√2 (λ = 4).
        double[][] rows = [[3, 3], [-3, -3], [1, -1], [-1, 1]];
        var pcs = Pca.Components(SparseRows.FromDense(rows, 2), 2, 100);

        var s = 1 / Math.Sqrt(2);
        Assert.Equal(s, Math.Abs(pcs[0][0]), 9);
        Assert.Equal(pcs[0][0], pcs[0][1], 9);
        Assert.Equal(s, Math.Abs(pcs[1][0]), 9);
        Assert.Equal(-pcs[1][0], pcs[1][1], 9);
    }

    [Fact]
    public void Components_MoreComponentsThanRows_StopsAtRowCount()
    {
        double[][] rows = [[1, 2, 3]];
        Assert.Single(Pca.Components(SparseRows.FromDense(rows, 3), 2, 100));
    }

    [Fact]
    public void Compute_PartialVoter_ProjectionScaledBySqrtStatementsOverVotes()
    {
        // Column means are 0; centred rows A(1,1) B(−1,−1) C(1,·) D(−1,·) give XᵀX = [[4,2],[2,2]],
        // whose top eigenvector is (2, √5 − 1) normalised.
        var votes = VoteMatrix.FromVotes(
        [
            new(1, 0, 1), new(1, 1, 1),
            new(2, 0, -1), new(2, 1, -1),
            new(3, 0, 1),
            new(4, 0, -1),
        ]);
        var result = OpinionMapComputation.Compute(votes);

        var norm = Math.Sqrt(4 + Math.Pow(Math.Sqrt(5) - 1, 2));
        var v = (X: 2 / norm, Y: (Math.Sqrt(5) - 1) / norm);
        var a = result.Projections.Single(p => p.ParticipantId == 1);
        var c = result.Projections.Single(p => p.ParticipantId == 3);
        Assert.Equal(v.X + v.Y, Math.Abs(a.X), 9);          // voted on both: scale √(2/2) = 1
        Assert.Equal(Math.Sqrt(2) * v.X, Math.Abs(c.X), 9); // voted on one: scale √(2/1)
        Assert.Equal([0.0, 0.0], result.Pca.Center);
    }
}

public class KMeansTests
{
    [Fact]
    public void Cluster_TwoBlobsWithCloseInitialCentres_SeparatesBlobs()
    {
        // The first two distinct points both lie in the left blob; Lloyd steps still separate the blobs.
        double[] xs = [0, 0, 10, 10, 0];
        double[] ys = [0, 1, 10, 11, 0.5];
        var clusters = KMeans.Cluster(xs, ys, 2, 20);

        Assert.Equal(2, clusters.Count);
        Assert.Equal([0, 1, 4], clusters[0].Members);
        Assert.Equal([2, 3], clusters[1].Members);
        Assert.Equal((0.0, 0.5), (clusters[0].X, clusters[0].Y));
        Assert.Equal((10.0, 10.5), (clusters[1].X, clusters[1].Y));
    }

    [Fact]
    public void Initial_DuplicatePoints_UsesFirstDistinctPositions()
    {
        var clusters = KMeans.Initial([1, 1, 2, 3], [1, 1, 2, 3], 2);

        Assert.Equal([(0, 1.0, 1.0), (1, 2.0, 2.0)], clusters.Select(c => (c.Id, c.X, c.Y)));
    }

    [Fact]
    public void Cluster_Weights_CentreIsWeightedMean()
    {
        var clusters = KMeans.Cluster([0, 4], [0, 0], 1, 20, [3, 1]);

        Assert.Equal(1.0, clusters.Single().X, 12);
    }

    [Fact]
    public void Cluster_FewerDistinctPointsThanK_ReturnsOneClusterPerPosition()
    {
        var clusters = KMeans.Cluster([5, 5, 5, 7], [0, 0, 0, 0], 100, 100);

        Assert.Equal(2, clusters.Count);
        Assert.Equal([0, 1, 2], clusters[0].Members);
    }

    [Fact]
    public void Silhouette_TwoPairsOnALine_MatchesHandComputation()
    {
        // Points 0, 1 | 10, 11: a = 1 everywhere, b = 10.5, 9.5, 9.5, 10.5.
        var s = KMeans.Silhouette([0, 1, 10, 11], [0, 0, 0, 0], [[0, 1], [2, 3]]);

        Assert.Equal(((9.5 / 10.5) + (8.5 / 9.5)) / 2, s, 12);
    }

    [Fact]
    public void Silhouette_SingletonCluster_ScoresZeroForItsMember()
    {
        // Point 0 alone scores 0; 5 has a = 1, b = 5; 6 has a = 1, b = 6.
        var s = KMeans.Silhouette([0, 5, 6], [0, 0, 0], [[0], [1, 2]]);

        Assert.Equal((0 + 0.8 + (5.0 / 6)) / 3, s, 12);
    }
}

public class RepnessTests
{
    [Fact]
    public void PropTest_FiveOfEight_IsOne()
    {
        // 2·√9·(6/9 − ½) = 1.
        Assert.Equal(1.0, PolisStats.PropTest(5, 8), 12);
    }

    [Fact]
    public void TwoPropTest_EightOfTenAgainstTwoOfTen_MatchesHandComputation()
    {
        // (9/11 − 3/11) / √(6/11 · 5/11 · 2/11)
        Assert.Equal(2.5690465157330262, PolisStats.TwoPropTest(8, 2, 10, 10), 12);
    }

    [Fact]
    public void TwoPropTest_EveryoneSucceeds_IsZero() => Assert.Equal(0.0, PolisStats.TwoPropTest(5, 5, 5, 5));

    [Fact]
    public void CommentStats_GroupAgreesMoreThanRest_RatioAndZScores()
    {
        var s = CommentStats.Create(na: 8, nd: 1, ns: 10, restNa: 2, restNd: 7, restNs: 10);

        Assert.Equal(0.75, s.Pa, 12);         // (1 + 8) / (2 + 10)
        Assert.Equal(2.0 / 12, s.Pd, 12);
        Assert.Equal(3.0, s.Ra, 12);          // 0.75 / (3 / 12)
        Assert.Equal(2.1105794120443453, s.Pat, 12); // 2·√11·(9/11 − ½)
        Assert.Equal(2.5690465157330262, s.Rat, 12);
    }

    /// <summary>Ten participants agree with 0 and disagree with 1, ten do the opposite, all twenty agree with 2.</summary>
    private static OpinionMapResult TwoCamps()
    {
        var votes = new List<VoteRecord>();
        for (var p = 0; p < 20; p++)
        {
            var camp = p < 10 ? 1 : -1;
            votes.Add(new(p, 0, camp));
            votes.Add(new(p, 1, -camp));
            votes.Add(new(p, 2, 1));
        }

        return OpinionMapComputation.Compute(VoteMatrix.FromVotes(votes));
    }

    [Fact]
    public void Compute_TwoCamps_RepresentativeStatementsRankedWithBestAgreeFirst()
    {
        var result = TwoCamps();

        Assert.Equal(2, result.Groups.Count);
        Assert.Equal(Enumerable.Range(0, 10), result.Groups[0].MemberIds);
        var reps = result.Groups[0].RepresentativeStatements;
        Assert.Equal([(0, RepfulFor.Agree, true), (1, RepfulFor.Disagree, false)], reps.Select(r => (r.StatementId, r.RepfulFor, r.IsBestAgree)));
        Assert.Equal((10, 10), (reps[0].SuccessCount, reps[0].TrialCount));
        Assert.Equal(11.0 / 12, reps[0].SuccessProbability, 12);
        Assert.Equal(11.0, reps[0].Representativeness, 12); // (11/12) / (1/12)
        Assert.Equal(11.0, reps[1].Representativeness, 12);
        Assert.Equal([(1, RepfulFor.Agree), (0, RepfulFor.Disagree)], result.Groups[1].RepresentativeStatements.Select(r => (r.StatementId, r.RepfulFor)));
    }

    [Fact]
    public void Compute_TwoCamps_ConsensusAndGroupInformedConsensus()
    {
        var result = TwoCamps();

        // Statement 2: pa = 21/22, z = 2·√21·(21/21 − ½) = √21; statements 0 and 1 split evenly (pa = ½ is not > ½).
        var agree = Assert.Single(result.Consensus.Agree);
        Assert.Equal(2, agree.StatementId);
        Assert.Equal(21.0 / 22, agree.SuccessProbability, 12);
        Assert.Equal(Math.Sqrt(21), agree.SuccessZ, 12);
        Assert.Empty(result.Consensus.Disagree);
        Assert.Equal(11.0 / 12 * (11.0 / 12), result.GroupInformedConsensus[2], 12);
        Assert.Equal(11.0 / 12 * (1.0 / 12), result.GroupInformedConsensus[0], 12);
        Assert.Equal(new VoteCounts(10, 0, 10), result.Groups[0].VoteCounts[2]);
    }

    [Fact]
    public void Compute_ModeratedOutStatement_NotRepresentativeButInGroupInformedConsensus()
    {
        var votes = new List<VoteRecord>();
        for (var p = 0; p < 20; p++)
        {
            var camp = p < 10 ? 1 : -1;
            votes.AddRange([new(p, 0, camp), new(p, 1, -camp), new(p, 2, 1), new(p, 3, camp)]);
        }

        var result = OpinionMapComputation.Compute(
            VoteMatrix.FromVotes(votes), new OpinionMapOptions { ModeratedOutStatementIds = new HashSet<int> { 0 } });

        Assert.DoesNotContain(result.Groups.SelectMany(g => g.RepresentativeStatements), r => r.StatementId == 0);
        Assert.Equal(11.0 / 12 * (1.0 / 12), result.GroupInformedConsensus[0], 12);
        Assert.Equal(0.0, result.Pca.Center[0]);
    }
}

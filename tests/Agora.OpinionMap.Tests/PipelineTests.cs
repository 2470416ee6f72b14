namespace Agora.OpinionMap.Tests;

public class VoteMatrixTests
{
    [Fact]
    public void FromVotes_RepeatedVote_LatestTimestampWinsRegardlessOfInputOrder()
    {
        var m = VoteMatrix.FromVotes([new(7, 3, -1, 200), new(7, 3, 1, 100), new(8, 3, 0, 50)]);

        Assert.Equal(-1, m.GetVote(7, 3));
        Assert.Equal(0, m.GetVote(8, 3));
        Assert.Null(m.GetVote(8, 4));
        Assert.Equal(2, m.VoteCount);
    }

    [Fact]
    public void FromVotes_SameTimestamp_LaterInputWins()
    {
        var m = VoteMatrix.FromVotes([new(1, 1, 1), new(1, 1, -1)]);

        Assert.Equal(-1, m.GetVote(1, 1));
    }

    [Fact]
    public void FromVotes_RowOrder_FollowsStatementThenParticipant()
    {
        // Pol.is builds rows in (tid, pid) order: 5 and 9 vote on statement 0 first, 2 only on statement 1.
        var m = VoteMatrix.FromVotes([new(2, 1, 1), new(9, 0, 1), new(5, 0, -1)]);

        Assert.Equal([5, 9, 2], m.ParticipantIds);
        Assert.Equal([0, 1], m.StatementIds);
    }

    [Fact]
    public void FromVotes_VoteOutOfRange_Throws() =>
        Assert.Throws<ArgumentException>(() => VoteMatrix.FromVotes([new(1, 1, 2)]));

    [Fact]
    public void InConversation_FewQualify_TopsUpWithMostActive()
    {
        // 20 statements; participants 0..2 vote 7 times, 3..19 vote 19−p times... fewer: only the top 15 get in.
        var votes = new List<VoteRecord>();
        for (var p = 0; p < 20; p++)
        {
            var n = p < 3 ? 7 : (p % 6) + 1;
            for (var s = 0; s < n; s++)
            {
                votes.Add(new(p, s, 1));
            }
        }

        var inConv = OpinionMapComputation.InConversation(VoteMatrix.FromVotes(votes), new OpinionMapOptions());

        Assert.Equal(15, inConv.Count(x => x));
    }

    [Fact]
    public void InConversation_ReplayHistory_EarlyParticipantStaysIn()
    {
        // Participant 100 voted twice at the very start, when the top-up let everyone in; 16 later participants
        // vote on all 8 statements. A single batch leaves 100 out, the replay keeps it.
        var votes = new List<VoteRecord> { new(100, 0, 1, 1), new(100, 1, 1, 2) };
        for (var p = 0; p < 16; p++)
        {
            for (var s = 0; s < 8; s++)
            {
                votes.Add(new(p, s, 1, 1000 + (p * 10) + s));
            }
        }

        var m = VoteMatrix.FromVotes(votes);
        var replay = OpinionMapComputation.InConversation(m, new OpinionMapOptions());
        var batch = OpinionMapComputation.InConversation(m, new OpinionMapOptions { ReplayInConversationHistory = false });

        Assert.True(replay[m.IndexOfParticipant(100)]);
        Assert.False(batch[m.IndexOfParticipant(100)]);
        Assert.Equal(17, replay.Count(x => x));
    }
}

public class DeterminismTests
{
    [Fact]
    public void Compute_TwiceAndOnShuffledInput_IdenticalResults()
    {
        var records = PolisData.Votes(PolisData.Bg2050);
        var options = OpinionMapOptions.FromComments(PolisData.Comments(PolisData.Bg2050));
        var first = OpinionMapComputation.Compute(VoteMatrix.FromVotes(records), options);
        var second = OpinionMapComputation.Compute(VoteMatrix.FromVotes(records), options);

        // Input order must not matter either (the latest vote is chosen by timestamp, rows by statement/participant).
        var shuffled = records.OrderBy(r => (r.ParticipantId * 7919) % 1013).ThenByDescending(r => r.StatementId).ToList();
        var third = OpinionMapComputation.Compute(VoteMatrix.FromVotes(shuffled), options);

        foreach (var other in new[] { second, third })
        {
            Assert.Equal(first.Projections, other.Projections);
            Assert.Equal(first.Pca.Components.SelectMany(c => c), other.Pca.Components.SelectMany(c => c));
            Assert.Equal(first.BaseClusters.Select(b => (b.Id, b.X, b.Y, string.Join(' ', b.MemberIds))), other.BaseClusters.Select(b => (b.Id, b.X, b.Y, string.Join(' ', b.MemberIds))));
            Assert.Equal(first.Groups.Select(g => g.MemberIds), other.Groups.Select(g => g.MemberIds));
            Assert.Equal(first.Groups.SelectMany(g => g.RepresentativeStatements), other.Groups.SelectMany(g => g.RepresentativeStatements));
            Assert.Equal(first.Consensus.Agree, other.Consensus.Agree);
            Assert.Equal(first.Consensus.Disagree, other.Consensus.Disagree);
            Assert.Equal(first.SilhouetteByGroupCount, other.SilhouetteByGroupCount);
            Assert.Equal(first.GroupInformedConsensus, other.GroupInformedConsensus);
        }

        Assert.NotEmpty(first.Groups[0].RepresentativeStatements);
        Assert.Equal(5, first.Consensus.Agree.Count);
    }
}

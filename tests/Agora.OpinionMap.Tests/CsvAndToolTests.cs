namespace Agora.OpinionMap.Tests;

public class PolisCsvTests
{
    [Fact]
    public void ReadComments_QuotedCommasQuotesAndNewlines_ParsedIntact()
    {
        const string csv = "timestamp,comment-id,author-id,agrees,disagrees,moderated,is-meta,group-informed-consensus,comment-body\n"
            + "1,0,5,2,1,1,false,0.25,\"Parks, trees\nand \"\"green\"\" space\"\r\n"
            + "2,1,,0,0,-1,true,,plain\n";
        var comments = PolisCsv.ReadComments(new StringReader(csv));

        Assert.Equal(2, comments.Count);
        Assert.Equal("Parks, trees\nand \"green\" space", comments[0].Text);
        Assert.Equal(0.25, comments[0].GroupInformedConsensus);
        Assert.Null(comments[1].AuthorId);
        Assert.True(comments[1].IsMeta);
        var options = OpinionMapOptions.FromComments(comments);
        Assert.Equal([1], options.ModeratedOutStatementIds);
        Assert.Equal([1], options.MetaStatementIds);
    }

    [Fact]
    public void ReadVotes_WrongFieldCount_ThrowsWithLineNumber()
    {
        const string csv = "timestamp,datetime,comment-id,voter-id,vote\n1,x,0,0,1\n2,x,0,1\n";
        var e = Assert.Throws<PolisCsvException>(() => PolisCsv.ReadVotes(new StringReader(csv)));
        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadVotes_NonNumericVote_ThrowsNamingColumn()
    {
        const string csv = "comment-id,voter-id,vote\n0,0,yes\n";
        var e = Assert.Throws<PolisCsvException>(() => PolisCsv.ReadVotes(new StringReader(csv)));
        Assert.Contains("'vote'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadVotes_UnclosedQuote_Throws() =>
        Assert.Throws<PolisCsvException>(() => PolisCsv.ReadVotes(new StringReader("comment-id,voter-id,vote\n\"0,0,1\n")));

    [Fact]
    public void WriteVotes_Bg2050_RoundTripGivesSameMatrix()
    {
        var original = VoteMatrix.FromVotes(PolisData.Votes(PolisData.Bg2050));
        var writer = new StringWriter();
        PolisCsv.WriteVotes(writer, original);
        var reread = VoteMatrix.FromVotes(PolisCsv.ReadVotes(new StringReader(writer.ToString())));

        Assert.Equal(original.ParticipantIds, reread.ParticipantIds);
        Assert.Equal(original.StatementIds, reread.StatementIds);
        Assert.Equal(original.Votes(), reread.Votes());
        Assert.Equal(14_283, reread.VoteCount); // 14,341 vote rows, 58 superseded
    }

    [Fact]
    public void WriteComments_Bg2050_RoundTripKeepsEveryField()
    {
        var comments = PolisData.Comments(PolisData.Bg2050);
        var writer = new StringWriter();
        PolisCsv.WriteComments(writer, comments);
        var reread = PolisCsv.ReadComments(new StringReader(writer.ToString()));

        Assert.Equal(comments.OrderBy(c => c.StatementId), reread);
    }

    [Fact]
    public void WriteParticipantVotes_Bg2050_GroupIdsAndVotesReadBack()
    {
        var votes = VoteMatrix.FromVotes(PolisData.Votes(PolisData.Bg2050));
        var comments = PolisData.Comments(PolisData.Bg2050);
        var result = OpinionMapComputation.Compute(votes, OpinionMapOptions.FromComments(comments));
        var writer = new StringWriter();
        PolisCsv.WriteParticipantVotes(writer, votes, result.GroupAssignments(), comments);
        var text = writer.ToString();

        var groups = PolisCsv.ReadParticipantGroups(new StringReader(text));
        Assert.Equal(126, groups.Count);
        Assert.Equal(108, groups.Count(g => g.Value is not null));
        Assert.All(result.GroupAssignments(), p => Assert.Equal(p.Value, groups[p.Key]));

        // Same header shape as Pol.is's file: six fixed columns then one per comment id.
        var published = File.ReadLines(PolisData.File(PolisData.Bg2050, "participants-votes.csv")).First().Split(',');
        Assert.Equal(published.Where(h => h != "xid"), text[..text.IndexOf('\n', StringComparison.Ordinal)].Split(','));
    }
}

public class OpinionMapToolTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = OpinionMapTool.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Run_Bg2050_WritesPublishedGroups()
    {
        var output = Path.Combine(Path.GetTempPath(), $"opinion-map-{Guid.NewGuid():N}.csv");
        try
        {
            var (code, _, err) = Run(
                "--comments", PolisData.File(PolisData.Bg2050, "comments.csv"),
                "--votes", PolisData.File(PolisData.Bg2050, "votes.csv"),
                "--out", output);

            Assert.Equal(0, code);
            Assert.Equal(string.Empty, err);
            Assert.Equal("participant,group", File.ReadLines(output).First());
            using var reader = new StreamReader(output);
            var groups = PolisCsv.ReadGroups(reader);
            var published = PolisData.PublishedGroups(PolisData.Bg2050).Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.Value);
            Assert.Equal(published.Keys.Order(), groups.Keys.Order());
            var ids = published.Keys.Order().ToList();
            Assert.Equal(1.0, Ari.Compute([.. ids.Select(i => groups[i])], [.. ids.Select(i => published[i])]), 12);
            Assert.Equal([0, 1], groups.Values.Distinct().Order());
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void Run_Help_PrintsUsageAndSucceeds()
    {
        var (code, stdout, _) = Run("--help");

        Assert.Equal(0, code);
        Assert.Contains("--votes", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingArgument_UsageErrorOnStderr()
    {
        var (code, _, err) = Run("--votes", "v.csv");

        Assert.Equal(OpinionMapTool.UsageError, code);
        Assert.Contains("missing --comments", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingFile_InputErrorWithoutStackTrace()
    {
        var (code, _, err) = Run("--comments", "/nonexistent/c.csv", "--votes", "/nonexistent/v.csv", "--out", "/tmp/x.csv");

        Assert.Equal(OpinionMapTool.InputError, code);
        Assert.Contains("/nonexistent/c.csv", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MalformedVotesRow_InputErrorNamingLine()
    {
        var dir = Directory.CreateTempSubdirectory("opinion-map-");
        try
        {
            var comments = Path.Combine(dir.FullName, "comments.csv");
            var votes = Path.Combine(dir.FullName, "votes.csv");
            File.WriteAllText(comments, "comment-id,moderated,comment-body\n0,1,hello\n");
            File.WriteAllText(votes, "timestamp,datetime,comment-id,voter-id,vote\n1,x,0,0,1\n2,x,0,oops,1\n");

            var (code, _, err) = Run("--comments", comments, "--votes", votes, "--out", Path.Combine(dir.FullName, "g.csv"));

            Assert.Equal(OpinionMapTool.InputError, code);
            Assert.Contains("line 3", err, StringComparison.Ordinal);
            Assert.Contains("voter-id", err, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

namespace Agora.OpinionMap.Tests;

/// <summary>Access to the real Pol.is exports the repository carries in tests/data/polis (CC BY 4.0, see its README).</summary>
internal static class PolisData
{
    public const string Bg2050 = "bg2050-volunteers";
    public const string Seattle = "15-per-hour-seattle";

    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Folder(string conversation) => Path.Combine(Root.Value, conversation);

    public static string File(string conversation, string name) => Path.Combine(Folder(conversation), name);

    public static IReadOnlyList<PolisComment> Comments(string conversation)
    {
        using var reader = new StreamReader(File(conversation, "comments.csv"));
        return PolisCsv.ReadComments(reader);
    }

    public static IReadOnlyList<VoteRecord> Votes(string conversation)
    {
        using var reader = new StreamReader(File(conversation, "votes.csv"));
        return PolisCsv.ReadVotes(reader);
    }

    public static IReadOnlyDictionary<int, int?> PublishedGroups(string conversation)
    {
        using var reader = new StreamReader(File(conversation, "participants-votes.csv"));
        return PolisCsv.ReadParticipantGroups(reader);
    }

    private static string FindRoot()
    {
        // Walk up from the test binaries (tests/Agora.OpinionMap.Tests/bin/...) to the repository's tests/data/polis.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", "polis");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "Pol.is test data not found: no folder 'tests/data/polis' above " + AppContext.BaseDirectory
            + ". The repository carries it; run the tests from a clone of it.");
    }
}

/// <summary>Adjusted Rand index (Hubert and Arabie) between two labelings of the same items.</summary>
internal static class Ari
{
    public static double Compute(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        var n = a.Count;
        var pairs = a.Zip(b).GroupBy(p => p).Select(g => Choose2(g.Count())).Sum();
        var rows = a.GroupBy(x => x).Select(g => Choose2(g.Count())).Sum();
        var cols = b.GroupBy(x => x).Select(g => Choose2(g.Count())).Sum();
        var expected = rows * cols / Choose2(n);
        var max = (rows + cols) / 2;
        return max == expected ? 1.0 : (pairs - expected) / (max - expected);
    }

    private static double Choose2(int k) => k * (k - 1) / 2.0;
}

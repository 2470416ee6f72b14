using System.Globalization;

namespace Agora.OpinionMap;

/// <summary>
/// Command-line entry point: <c>opinion-map --comments C.csv --votes V.csv --out groups.csv</c> reads a Pol.is
/// export (votes with agree = +1) and writes <c>participant,group</c> for every clustered participant.
/// </summary>
public static class OpinionMapTool
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code for unreadable or malformed input files.</summary>
    public const int InputError = 1;

    /// <summary>Exit code for wrong command-line usage.</summary>
    public const int UsageError = 2;

    private const string Usage =
        """
        Usage: opinion-map --comments COMMENTS.csv --votes VOTES.csv --out GROUPS.csv

        Computes Pol.is opinion groups from a Pol.is export and writes "participant,group"
        (one row per clustered participant, group ids from 0).

          --comments PATH   comments.csv (comment-id; moderated = -1 and is-meta = true are left out)
          --votes PATH      votes.csv (comment-id, voter-id, vote with agree = 1, disagree = -1, pass = 0;
                            the latest row per voter and comment counts, by timestamp)
          --out PATH        file to write
          --help            show this text
        """;

    /// <summary>Runs the tool; returns the process exit code. Never throws for bad input.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    stdout.WriteLine(Usage);
                    return Success;
                case "--comments" or "--votes" or "--out" when i + 1 < args.Count:
                    paths[args[i]] = args[++i];
                    break;
                default:
                    stderr.WriteLine(string.Format(CultureInfo.InvariantCulture, "opinion-map: unexpected argument '{0}'.", args[i]));
                    stderr.WriteLine(Usage);
                    return UsageError;
            }
        }

        foreach (var option in new[] { "--comments", "--votes", "--out" })
        {
            if (!paths.ContainsKey(option))
            {
                stderr.WriteLine(string.Format(CultureInfo.InvariantCulture, "opinion-map: missing {0} PATH.", option));
                stderr.WriteLine(Usage);
                return UsageError;
            }
        }

        try
        {
            IReadOnlyList<PolisComment> comments;
            using (var reader = new StreamReader(paths["--comments"]))
            {
                comments = PolisCsv.ReadComments(reader, paths["--comments"]);
            }

            IReadOnlyList<VoteRecord> votes;
            using (var reader = new StreamReader(paths["--votes"]))
            {
                votes = PolisCsv.ReadVotes(reader, paths["--votes"]);
            }

            var result = OpinionMapComputation.Compute(VoteMatrix.FromVotes(votes), OpinionMapOptions.FromComments(comments));
            using (var writer = new StreamWriter(paths["--out"]))
            {
                PolisCsv.WriteGroups(writer, result.GroupAssignments());
            }

            stdout.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "opinion-map: {0} participants in {1} groups written to {2}.",
                result.InConversationParticipantIds.Count,
                result.Groups.Count,
                paths["--out"]));
            return Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            // FileNotFound/DirectoryNotFound are IOExceptions; PolisCsvException is a FormatException.
            stderr.WriteLine("opinion-map: " + e.Message);
            return InputError;
        }
    }
}

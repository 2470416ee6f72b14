using System.Text.Json;
using Agora.OpinionMap;

namespace Agora.Web.Features.Conversations;

/// <summary>
/// What the results page and the exports need from an <see cref="OpinionMapResult"/>, stored as JSON. Ids are the
/// conversation's participant and statement numbers (Pol.is ids).
/// </summary>
public sealed record OpinionSnapshot(
    int ParticipantCount,
    int InConversationCount,
    int VoteCount,
    IReadOnlyList<SnapshotGroup> Groups,
    IReadOnlyList<SnapshotStatement> ConsensusAgree,
    IReadOnlyList<SnapshotStatement> ConsensusDisagree,
    IReadOnlyList<SnapshotPoint> Points,
    IReadOnlyDictionary<int, double> GroupInformedConsensus)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static OpinionSnapshot Empty(int participants, int votes) => new(participants, 0, votes, [], [], [], [], new Dictionary<int, double>());

    public bool HasGroups => Groups.Count >= 2;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static OpinionSnapshot FromJson(string json) => JsonSerializer.Deserialize<OpinionSnapshot>(json, Json)
        ?? throw new JsonException("Empty opinion snapshot.");

    /// <summary>Participant number → group id of every clustered participant.</summary>
    public IReadOnlyDictionary<int, int> GroupAssignments()
    {
        var map = new Dictionary<int, int>();
        foreach (var g in Groups)
        {
            foreach (var p in g.Members)
                map[p] = g.Id;
        }
        return map;
    }

    public static OpinionSnapshot From(OpinionMapResult result, VoteMatrix votes)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(votes);
        var groups = result.Groups.Select(g => new SnapshotGroup(
            g.Id,
            g.MemberIds,
            [.. g.RepresentativeStatements.Select(r =>
            {
                var c = g.VoteCounts.TryGetValue(r.StatementId, out var vc) ? vc : default;
                return new SnapshotStatement(r.StatementId, r.RepfulFor == RepfulFor.Agree, c.Agree, c.Disagree, c.Seen);
            })])).ToList();

        // Consensus percentages over everyone clustered: the groups' counts summed.
        SnapshotStatement Overall(int statementId, bool agree)
        {
            int a = 0, d = 0, s = 0;
            foreach (var g in result.Groups)
            {
                if (g.VoteCounts.TryGetValue(statementId, out var c))
                {
                    a += c.Agree;
                    d += c.Disagree;
                    s += c.Seen;
                }
            }
            return new SnapshotStatement(statementId, agree, a, d, s);
        }

        var assignments = result.GroupAssignments();
        var points = result.Projections
            .Where(p => p.InConversation)
            .Select(p => new SnapshotPoint(p.ParticipantId, Math.Round(p.X, 4), Math.Round(p.Y, 4),
                assignments.TryGetValue(p.ParticipantId, out var gid) ? gid : null))
            .ToList();
        return new OpinionSnapshot(
            votes.ParticipantCount,
            result.InConversationParticipantIds.Count,
            votes.VoteCount,
            groups,
            [.. result.Consensus.Agree.Select(c => Overall(c.StatementId, true))],
            [.. result.Consensus.Disagree.Select(c => Overall(c.StatementId, false))],
            points,
            result.GroupInformedConsensus);
    }
}

public sealed record SnapshotGroup(int Id, IReadOnlyList<int> Members, IReadOnlyList<SnapshotStatement> Representative);

/// <summary>A statement with vote counts (of a group, or of everyone clustered); <see cref="ForAgree"/> says which
/// way it represents the group or which way the consensus goes.</summary>
public sealed record SnapshotStatement(int Statement, bool ForAgree, int Agree, int Disagree, int Seen)
{
    public int AgreePercent => Seen == 0 ? 0 : (int)Math.Round(100.0 * Agree / Seen);

    public int DisagreePercent => Seen == 0 ? 0 : (int)Math.Round(100.0 * Disagree / Seen);
}

public sealed record SnapshotPoint(int Participant, double X, double Y, int? Group);

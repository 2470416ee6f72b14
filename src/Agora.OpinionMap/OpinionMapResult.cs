namespace Agora.OpinionMap;

/// <summary>Which vote makes a statement representative of a group.</summary>
public enum RepfulFor
{
    Agree,
    Disagree,
}

/// <summary>Vote counts of a set of participants on one statement; <see cref="Seen"/> includes passes.</summary>
public readonly record struct VoteCounts(int Agree, int Disagree, int Seen);

/// <summary>
/// A statement representative of a group (repness.clj finalize-cmt-stats). Success means agree or disagree
/// according to <see cref="RepfulFor"/>; <see cref="SuccessProbability"/> is pa or pd, <see cref="SuccessZ"/>
/// its one-proportion z, <see cref="Representativeness"/> ra or rd against all other groups pooled and
/// <see cref="RepresentativenessZ"/> the two-proportion z (rounded to float precision as Pol.is stores it).
/// </summary>
public sealed record RepresentativeStatement(
    int StatementId,
    RepfulFor RepfulFor,
    int SuccessCount,
    int TrialCount,
    double SuccessProbability,
    double SuccessZ,
    double Representativeness,
    double RepresentativenessZ,
    bool IsBestAgree)
{
    /// <summary>repness.clj repness-metric: ra · z(ra) · pa · z(pa); the ranking key.</summary>
    public double Metric => Representativeness * RepresentativenessZ * SuccessProbability * SuccessZ;
}

/// <summary>A statement most participants agree (or disagree) with (repness.clj select-consensus-comments).</summary>
public sealed record ConsensusStatement(int StatementId, int SuccessCount, int TrialCount, double SuccessProbability, double SuccessZ);

/// <summary>Top consensus statements in each direction, best first.</summary>
public sealed record ConsensusStatements(IReadOnlyList<ConsensusStatement> Agree, IReadOnlyList<ConsensusStatement> Disagree);

/// <summary>
/// Principal components in the statement space: <see cref="Center"/> and each component are indexed like
/// <see cref="StatementIds"/>. Votes are in the export sign (agree = +1), so components have the opposite sign
/// to Pol.is's internal ones; distances and therefore clusters are unaffected.
/// </summary>
public sealed record PcaResult(IReadOnlyList<int> StatementIds, IReadOnlyList<double> Center, IReadOnlyList<IReadOnlyList<double>> Components);

/// <summary>A participant's position on the opinion map (pca.clj sparsity-aware-project-ptpt).</summary>
public sealed record ParticipantProjection(int ParticipantId, double X, double Y, bool InConversation);

/// <summary>A base cluster of in-conversation participants (k-means with k = 100).</summary>
public sealed record BaseCluster(int Id, IReadOnlyList<int> MemberIds, double X, double Y);

/// <summary>
/// An opinion group: its members (participant ids), the base clusters it was formed from, its centre,
/// its representative statements (best first, agrees before disagrees) and the members' vote counts per
/// statement id, taken before moderation zeroing as Pol.is's group-votes are.
/// </summary>
public sealed record OpinionGroup(
    int Id,
    IReadOnlyList<int> MemberIds,
    IReadOnlyList<int> BaseClusterIds,
    double X,
    double Y,
    IReadOnlyList<RepresentativeStatement> RepresentativeStatements,
    IReadOnlyDictionary<int, VoteCounts> VoteCounts);

/// <summary>Everything the opinion-map computation produces.</summary>
public sealed record OpinionMapResult(
    IReadOnlyList<int> InConversationParticipantIds,
    PcaResult Pca,
    IReadOnlyList<ParticipantProjection> Projections,
    IReadOnlyList<BaseCluster> BaseClusters,
    IReadOnlyDictionary<int, double> SilhouetteByGroupCount,
    IReadOnlyList<OpinionGroup> Groups,
    ConsensusStatements Consensus,
    IReadOnlyDictionary<int, double> GroupInformedConsensus)
{
    /// <summary>The group id of a participant, or null when the participant was not clustered.</summary>
    public int? GroupOf(int participantId)
    {
        foreach (var g in Groups)
        {
            if (g.MemberIds.Contains(participantId))
            {
                return g.Id;
            }
        }

        return null;
    }

    /// <summary>Participant id → group id for every clustered participant.</summary>
    public IReadOnlyDictionary<int, int> GroupAssignments()
    {
        var map = new Dictionary<int, int>();
        foreach (var g in Groups)
        {
            foreach (var p in g.MemberIds)
            {
                map[p] = g.Id;
            }
        }

        return map;
    }
}

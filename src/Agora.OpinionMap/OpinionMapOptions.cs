namespace Agora.OpinionMap;

/// <summary>
/// Settings of the opinion-map computation. Defaults are Pol.is's (conversation.clj base-conv-update-graph opts',
/// stats.clj z-sig-90?, repness.clj select-rep-comments / select-consensus-comments).
/// </summary>
public sealed record OpinionMapOptions
{
    /// <summary>Statements rejected by moderation; their columns are treated as all-pass in the analysis.</summary>
    public IReadOnlySet<int> ModeratedOutStatementIds { get; init; } = new HashSet<int>();

    /// <summary>Meta statements (about the conversation itself); zeroed like moderated-out ones (conversation.clj mod-update).</summary>
    public IReadOnlySet<int> MetaStatementIds { get; init; } = new HashSet<int>();

    /// <summary>k of the participant-level k-means (conversation.clj :base-k 100).</summary>
    public int BaseClusterCount { get; init; } = 100;

    /// <summary>Largest number of opinion groups (conversation.clj :max-k 5).</summary>
    public int MaxGroups { get; init; } = 5;

    /// <summary>Power-iteration steps per component (conversation.clj :pca-iters 100).</summary>
    public int PcaIterations { get; init; } = 100;

    /// <summary>Iteration cap of the base k-means (conversation.clj :base-iters 100).</summary>
    public int BaseClusterIterations { get; init; } = 100;

    /// <summary>
    /// Iteration cap of the group k-means. conversation.clj passes :cluster-iters, which clusters.clj kmeans
    /// ignores, so its default max-iters 20 applies (not :group-iters 100).
    /// </summary>
    public int GroupClusterIterations { get; init; } = 20;

    /// <summary>Votes needed to enter the conversation, capped at the statement count (conversation.clj :in-conv, min 7 n-cmts).</summary>
    public int MinVotesInConversation { get; init; } = 7;

    /// <summary>When fewer participants qualify, the most active are added up to this many (conversation.clj greedy-n 15).</summary>
    public int MinParticipantsInConversation { get; init; } = 15;

    /// <summary>
    /// Pol.is keeps a participant in the conversation once they qualify (conversation.clj :in-conv starts from the
    /// previous set), so early participants added by the top-up stay in. When true, the set is rebuilt by replaying
    /// one update per distinct vote timestamp; when false (or without timestamps) it is the single-batch rule.
    /// </summary>
    public bool ReplayInConversationHistory { get; init; } = true;

    /// <summary>One-sided 90% critical z value (stats.clj z-sig-90?).</summary>
    public double ZThreshold { get; init; } = 1.2816;

    /// <summary>Representative statements kept per group (repness.clj select-rep-comments, take 5).</summary>
    public int RepresentativeStatementsPerGroup { get; init; } = 5;

    /// <summary>Consensus statements kept for each direction (repness.clj select-consensus-comments, take 5).</summary>
    public int ConsensusStatementsPerDirection { get; init; } = 5;

    /// <summary>Options with moderation taken from Pol.is comment records (moderated = −1 → out; is-meta → meta).</summary>
    public static OpinionMapOptions FromComments(IEnumerable<PolisComment> comments)
    {
        ArgumentNullException.ThrowIfNull(comments);
        var moderatedOut = new HashSet<int>();
        var meta = new HashSet<int>();
        foreach (var c in comments)
        {
            if (c.Moderated == -1)
            {
                moderatedOut.Add(c.StatementId);
            }

            if (c.IsMeta)
            {
                meta.Add(c.StatementId);
            }
        }

        return new OpinionMapOptions { ModeratedOutStatementIds = moderatedOut, MetaStatementIds = meta };
    }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseClusterCount, 1, nameof(BaseClusterCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxGroups, 2, nameof(MaxGroups));
        ArgumentOutOfRangeException.ThrowIfNegative(PcaIterations, nameof(PcaIterations));
        ArgumentOutOfRangeException.ThrowIfNegative(BaseClusterIterations, nameof(BaseClusterIterations));
        ArgumentOutOfRangeException.ThrowIfNegative(GroupClusterIterations, nameof(GroupClusterIterations));
        ArgumentOutOfRangeException.ThrowIfNegative(MinVotesInConversation, nameof(MinVotesInConversation));
        ArgumentOutOfRangeException.ThrowIfNegative(MinParticipantsInConversation, nameof(MinParticipantsInConversation));
        ArgumentOutOfRangeException.ThrowIfNegative(RepresentativeStatementsPerGroup, nameof(RepresentativeStatementsPerGroup));
        ArgumentOutOfRangeException.ThrowIfNegative(ConsensusStatementsPerDirection, nameof(ConsensusStatementsPerDirection));
    }
}

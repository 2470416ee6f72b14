namespace Agora.OpinionMap;

/// <summary>
/// The Pol.is opinion-map pipeline (compdemocracy/polis math/src/polismath/math/conversation.clj
/// small-conv-update-graph) as a single deterministic batch computation.
/// </summary>
public static class OpinionMapComputation
{
    /// <summary>Runs the whole pipeline: in-conversation set, PCA, projections, base clusters, groups, repness, consensus.</summary>
    public static OpinionMapResult Compute(VoteMatrix votes, OpinionMapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(votes);
        options ??= new OpinionMapOptions();
        options.Validate();

        var statementCount = votes.StatementCount;
        var excluded = ExcludedColumns(votes, options);
        var excludedCount = excluded.Count(e => e);
        var inConv = InConversation(votes, options);

        var (center, components) = PrincipalComponents(votes, excluded, options.PcaIterations);
        var projections = Project(votes, excluded, excludedCount, center, components, inConv);

        // Base clusters over in-conversation participants in row order (conversation.clj :base-clusters).
        var inConvRows = Enumerable.Range(0, votes.ParticipantCount).Where(r => inConv[r]).ToArray();
        var xs = inConvRows.Select(r => projections[r].X).ToArray();
        var ys = inConvRows.Select(r => projections[r].Y).ToArray();
        var baseClusters = KMeans.Cluster(xs, ys, options.BaseClusterCount, options.BaseClusterIterations);

        var (groupClusters, silhouettes) = ChooseGroups(baseClusters, options);

        var groupRows = groupClusters
            .Select(g => g.Members.SelectMany(b => baseClusters[b].Members.Select(m => inConvRows[m])).Order().ToArray())
            .ToArray();
        var stats = GroupStatementStats(votes, excluded, groupRows);
        var repness = Repness.Select(
            stats, votes.StatementIds, excluded, options.ZThreshold, options.RepresentativeStatementsPerGroup);
        var rawCounts = groupRows.Select(rows => RawCounts(votes, rows)).ToArray();

        var groups = new List<OpinionGroup>(groupClusters.Count);
        for (var g = 0; g < groupClusters.Count; g++)
        {
            var counts = new Dictionary<int, VoteCounts>(statementCount);
            for (var j = 0; j < statementCount; j++)
            {
                counts[votes.StatementIds[j]] = rawCounts[g][j];
            }

            groups.Add(new OpinionGroup(
                g,
                [.. groupRows[g].Select(r => votes.ParticipantIds[r]).Order()],
                [.. groupClusters[g].Members.Select(b => baseClusters[b].Id)],
                groupClusters[g].X,
                groupClusters[g].Y,
                repness[g],
                counts));
        }

        return new OpinionMapResult(
            [.. inConvRows.Select(r => votes.ParticipantIds[r])],
            new PcaResult(votes.StatementIds, center, components),
            projections,
            [.. baseClusters.Select(b => new BaseCluster(b.Id, [.. b.Members.Select(m => votes.ParticipantIds[inConvRows[m]])], b.X, b.Y))],
            silhouettes,
            groups,
            Consensus(votes, excluded, options),
            Gic(votes, rawCounts));
    }

    /// <summary>
    /// Group-informed consensus of every statement for the given groups of participant ids
    /// (conversation.clj :group-aware-consensus): ∏ over groups of (agrees + 1) / (votes + 2), counting the latest
    /// votes before moderation zeroing, passes included in votes. Participants not in the matrix are ignored.
    /// </summary>
    public static IReadOnlyDictionary<int, double> GroupInformedConsensus(VoteMatrix votes, IEnumerable<IEnumerable<int>> groups)
    {
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(groups);
        var rawCounts = groups
            .Select(g => g.Select(votes.IndexOfParticipant).Where(r => r >= 0).ToArray())
            .Select(rows => RawCounts(votes, rows))
            .ToArray();
        return Gic(votes, rawCounts);
    }

    private static Dictionary<int, double> Gic(VoteMatrix votes, VoteCounts[][] groupCounts)
    {
        var result = new Dictionary<int, double>();
        if (groupCounts.Length == 0)
        {
            return result;
        }

        for (var j = 0; j < votes.StatementCount; j++)
        {
            var product = 1.0;
            foreach (var counts in groupCounts)
            {
                // +1/+2 is Pol.is's "dumb prior" (conversation.clj :group-aware-consensus).
                product *= (counts[j].Agree + 1.0) / (counts[j].Seen + 2.0);
            }

            result[votes.StatementIds[j]] = product;
        }

        return result;
    }

    private static bool[] ExcludedColumns(VoteMatrix votes, OpinionMapOptions options)
    {
        // conversation.clj mod-update: rejected (mod = -1) and is_meta statements form mod-out,
        // whose columns named_matrix.clj zero-out-columns sets to 0 (pass) for every participant.
        var excluded = new bool[votes.StatementCount];
        foreach (var id in options.ModeratedOutStatementIds.Concat(options.MetaStatementIds))
        {
            var j = votes.IndexOfStatement(id);
            if (j >= 0)
            {
                excluded[j] = true;
            }
        }

        return excluded;
    }

    /// <summary>
    /// conversation.clj :in-conv — participants with at least min(7, statements) votes, topped up with the most
    /// active others while fewer than 15 are in; membership persists across updates (see
    /// <see cref="OpinionMapOptions.ReplayInConversationHistory"/>).
    /// </summary>
    internal static bool[] InConversation(VoteMatrix votes, OpinionMapOptions options)
    {
        var n = votes.ParticipantCount;
        var inConv = new bool[n];
        var state = new InConvState(votes, options, inConv);
        if (!options.ReplayInConversationHistory)
        {
            state.Update(votes.StatementCount, Enumerable.Range(0, n), [.. Enumerable.Range(0, n).Select(votes.RowVoteCount)]);
            return inConv;
        }

        // Replay: every cell enters at its first vote; one update per distinct timestamp, as a worker that
        // polled after each vote would have seen it. Without timestamps this is a single update.
        var cells = new List<(long Time, int Row, int Column)>(votes.VoteCount);
        for (var r = 0; r < n; r++)
        {
            var cols = votes.RowColumns(r);
            var times = votes.RowFirstTimestamps(r);
            for (var k = 0; k < cols.Length; k++)
            {
                cells.Add((times[k], r, cols[k]));
            }
        }

        cells.Sort();
        var counts = new int[n];
        var columnSeen = new bool[votes.StatementCount];
        var statements = 0;
        var changed = new List<int>();
        for (var i = 0; i < cells.Count;)
        {
            changed.Clear();
            var time = cells[i].Time;
            for (; i < cells.Count && cells[i].Time == time; i++)
            {
                var (_, row, col) = cells[i];
                counts[row]++;
                changed.Add(row);
                if (!columnSeen[col])
                {
                    columnSeen[col] = true;
                    statements++;
                }
            }

            state.Update(statements, changed, counts);
        }

        return inConv;
    }

    private sealed class InConvState(VoteMatrix votes, OpinionMapOptions options, bool[] inConv)
    {
        private int threshold = -1;
        private int inCount;

        public void Update(int statements, IEnumerable<int> changedRows, int[] counts)
        {
            var t = Math.Min(options.MinVotesInConversation, statements);

            // A raised threshold only matters for rows that changed, except when it moves: then re-check all.
            var rows = t != threshold ? Enumerable.Range(0, votes.ParticipantCount) : changedRows;
            threshold = t;
            foreach (var r in rows)
            {
                if (!inConv[r] && counts[r] > 0 && counts[r] >= t)
                {
                    inConv[r] = true;
                    inCount++;
                }
            }

            if (inCount < options.MinParticipantsInConversation)
            {
                var extra = Enumerable.Range(0, votes.ParticipantCount)
                    .Where(r => !inConv[r] && counts[r] > 0)
                    .OrderByDescending(r => counts[r])
                    .Take(options.MinParticipantsInConversation - inCount)
                    .ToList();
                foreach (var r in extra)
                {
                    inConv[r] = true;
                    inCount++;
                }
            }
        }
    }

    private static (double[] Center, double[][] Components) PrincipalComponents(VoteMatrix votes, bool[] excluded, int iterations)
    {
        var s = votes.StatementCount;
        var sums = new double[s];
        var counts = new int[s];
        for (var r = 0; r < votes.ParticipantCount; r++)
        {
            var cols = votes.RowColumns(r);
            var vals = votes.RowValues(r);
            for (var k = 0; k < cols.Length; k++)
            {
                sums[cols[k]] += vals[k];
                counts[cols[k]]++;
            }
        }

        // conversation.clj :mat fills missing votes with the column mean, so centring leaves them at exactly 0
        // and the centred matrix keeps the sparsity of the votes; zeroed columns are 0 everywhere.
        var center = new double[s];
        for (var j = 0; j < s; j++)
        {
            center[j] = excluded[j] || counts[j] == 0 ? 0.0 : sums[j] / counts[j];
        }

        var rowStart = new int[votes.ParticipantCount + 1];
        var columns = new List<int>(votes.VoteCount);
        var values = new List<double>(votes.VoteCount);
        for (var r = 0; r < votes.ParticipantCount; r++)
        {
            var cols = votes.RowColumns(r);
            var vals = votes.RowValues(r);
            for (var k = 0; k < cols.Length; k++)
            {
                if (!excluded[cols[k]])
                {
                    columns.Add(cols[k]);
                    values.Add(vals[k] - center[cols[k]]);
                }
            }

            rowStart[r + 1] = columns.Count;
        }

        var centred = new SparseRows(s, rowStart, [.. columns], [.. values]);
        return (center, Pca.Components(centred, 2, iterations));
    }

    /// <summary>
    /// pca.clj sparsity-aware-project-ptpt: dot product over the cells a participant voted on, scaled by
    /// √(statements / max(votes, 1)). Zeroed (moderated-out) cells are 0 for everyone, so they count as votes.
    /// </summary>
    private static ParticipantProjection[] Project(
        VoteMatrix votes, bool[] excluded, int excludedCount, double[] center, double[][] components, bool[] inConv)
    {
        var pc1 = components.Length > 0 ? components[0] : new double[votes.StatementCount];
        var pc2 = components.Length > 1 ? components[1] : new double[votes.StatementCount];
        var result = new ParticipantProjection[votes.ParticipantCount];
        for (var r = 0; r < votes.ParticipantCount; r++)
        {
            var cols = votes.RowColumns(r);
            var vals = votes.RowValues(r);
            var nVotes = excludedCount;
            double p1 = 0, p2 = 0;
            for (var k = 0; k < cols.Length; k++)
            {
                var j = cols[k];
                if (!excluded[j])
                {
                    var x = vals[k] - center[j];
                    p1 += x * pc1[j];
                    p2 += x * pc2[j];
                    nVotes++;
                }
            }

            var scale = Math.Sqrt((double)votes.StatementCount / Math.Max(nVotes, 1));
            result[r] = new ParticipantProjection(votes.ParticipantIds[r], scale * p1, scale * p2, inConv[r]);
        }

        return result;
    }

    /// <summary>
    /// conversation.clj :group-clusterings / :group-k-smoother without history: weighted k-means over base-cluster
    /// centres for k = 2 … min(max, 2 + ⌊bases/12⌋), keeping the k with the best silhouette (ties → larger k,
    /// as Clojure's max-key returns the last maximum). Returned clusters index into <paramref name="baseClusters"/>.
    /// </summary>
    private static (List<KCluster> Groups, Dictionary<int, double> Silhouettes) ChooseGroups(
        List<KCluster> baseClusters, OpinionMapOptions options)
    {
        var silhouettes = new Dictionary<int, double>();
        if (baseClusters.Count == 0)
        {
            return ([], silhouettes);
        }

        var bx = baseClusters.Select(b => b.X).ToArray();
        var by = baseClusters.Select(b => b.Y).ToArray();
        var weights = baseClusters.Select(b => (double)b.Members.Length).ToArray();
        var maxK = Math.Min(options.MaxGroups, 2 + (baseClusters.Count / 12));
        List<KCluster>? chosen = null;
        var bestSilhouette = double.NegativeInfinity;
        for (var k = 2; k <= maxK; k++)
        {
            var clustering = KMeans.Cluster(bx, by, k, options.GroupClusterIterations, weights);
            var silhouette = KMeans.Silhouette(bx, by, [.. clustering.Select(c => c.Members)]);
            silhouettes[k] = silhouette;
            if (chosen is null || silhouette >= bestSilhouette)
            {
                chosen = clustering;
                bestSilhouette = silhouette;
            }
        }

        return (chosen!, silhouettes);
    }

    /// <summary>repness.clj conv-repness on the zeroed rating matrix: each group against all the others pooled.</summary>
    private static CommentStats[][] GroupStatementStats(VoteMatrix votes, bool[] excluded, int[][] groupRows)
    {
        var s = votes.StatementCount;
        var g = groupRows.Length;
        var na = new int[g][];
        var nd = new int[g][];
        var ns = new int[g][];
        for (var i = 0; i < g; i++)
        {
            na[i] = new int[s];
            nd[i] = new int[s];
            ns[i] = new int[s];
            foreach (var r in groupRows[i])
            {
                var cols = votes.RowColumns(r);
                var vals = votes.RowValues(r);
                for (var k = 0; k < cols.Length; k++)
                {
                    if (!excluded[cols[k]])
                    {
                        ns[i][cols[k]]++;
                        if (vals[k] > 0)
                        {
                            na[i][cols[k]]++;
                        }
                        else if (vals[k] < 0)
                        {
                            nd[i][cols[k]]++;
                        }
                    }
                }
            }

            for (var j = 0; j < s; j++)
            {
                if (excluded[j])
                {
                    ns[i][j] = groupRows[i].Length; // zeroed: everyone "passed"
                }
            }
        }

        var result = new CommentStats[g][];
        for (var i = 0; i < g; i++)
        {
            result[i] = new CommentStats[s];
            for (var j = 0; j < s; j++)
            {
                int restA = 0, restD = 0, restS = 0;
                for (var o = 0; o < g; o++)
                {
                    if (o != i)
                    {
                        restA += na[o][j];
                        restD += nd[o][j];
                        restS += ns[o][j];
                    }
                }

                result[i][j] = CommentStats.Create(na[i][j], nd[i][j], ns[i][j], restA, restD, restS);
            }
        }

        return result;
    }

    private static VoteCounts[] RawCounts(VoteMatrix votes, int[] rows)
    {
        var a = new int[votes.StatementCount];
        var d = new int[votes.StatementCount];
        var n = new int[votes.StatementCount];
        foreach (var r in rows)
        {
            var cols = votes.RowColumns(r);
            var vals = votes.RowValues(r);
            for (var k = 0; k < cols.Length; k++)
            {
                n[cols[k]]++;
                if (vals[k] > 0)
                {
                    a[cols[k]]++;
                }
                else if (vals[k] < 0)
                {
                    d[cols[k]]++;
                }
            }
        }

        var result = new VoteCounts[votes.StatementCount];
        for (var j = 0; j < result.Length; j++)
        {
            result[j] = new VoteCounts(a[j], d[j], n[j]);
        }

        return result;
    }

    /// <summary>Consensus over every participant of the (zeroed) rating matrix, not only those in the conversation.</summary>
    private static ConsensusStatements Consensus(VoteMatrix votes, bool[] excluded, OpinionMapOptions options)
    {
        var all = RawCounts(votes, [.. Enumerable.Range(0, votes.ParticipantCount)]);
        return Repness.Consensus(
            [.. all.Select(c => c.Agree)],
            [.. all.Select(c => c.Disagree)],
            [.. all.Select(c => c.Seen)],
            votes.StatementIds,
            excluded,
            options.ZThreshold,
            options.ConsensusStatementsPerDirection);
    }
}

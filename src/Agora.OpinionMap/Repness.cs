namespace Agora.OpinionMap;

/// <summary>The z statistics of Pol.is (stats.clj), each with +1 pseudo-counts.</summary>
internal static class PolisStats
{
    /// <summary>stats.clj prop-test: 2·√(n+1)·((succ+1)/(n+1) − ½).</summary>
    public static double PropTest(int successes, int trials)
    {
        double s = successes + 1;
        double n = trials + 1;
        return 2 * Math.Sqrt(n) * ((s / n) - 0.5);
    }

    /// <summary>stats.clj two-prop-test, +1 on every count; 0 when the pooled proportion is 1.</summary>
    public static double TwoPropTest(int successesIn, int successesOut, int trialsIn, int trialsOut)
    {
        double s1 = successesIn + 1;
        double s2 = successesOut + 1;
        double n1 = trialsIn + 1;
        double n2 = trialsOut + 1;
        var pi1 = s1 / n1;
        var pi2 = s2 / n2;
        var piHat = (s1 + s2) / (n1 + n2);
        return piHat == 1.0 ? 0.0 : (pi1 - pi2) / Math.Sqrt(piHat * (1 - piHat) * ((1 / n1) + (1 / n2)));
    }
}

/// <summary>repness.clj comment-stats (+ add-comparitive-stats) for one group and statement; passes count as trials.</summary>
internal readonly record struct CommentStats(int Na, int Nd, int Ns, double Pa, double Pd, double Pat, double Pdt, double Ra, double Rd, double Rat, double Rdt)
{
    public static CommentStats Create(int na, int nd, int ns, int restNa, int restNd, int restNs)
    {
        // repness.clj comment-stats-graphimpl: pa = (1 + na) / (2 + ns), pd likewise.
        var pa = (1.0 + na) / (2.0 + ns);
        var pd = (1.0 + nd) / (2.0 + ns);

        // add-comparitive-stats: ratio against all other groups pooled, with the same pseudo-counts.
        var ra = pa / ((1.0 + restNa) / (2.0 + restNs));
        var rd = pd / ((1.0 + restNd) / (2.0 + restNs));
        return new CommentStats(
            na, nd, ns, pa, pd, PolisStats.PropTest(na, ns), PolisStats.PropTest(nd, ns),
            ra, rd, PolisStats.TwoPropTest(na, restNa, ns, restNs), PolisStats.TwoPropTest(nd, restNd, ns, restNs));
    }
}

/// <summary>repness.clj select-rep-comments and select-consensus-comments.</summary>
internal static class Repness
{
    /// <summary>
    /// Representative statements of every group. <paramref name="stats"/>[g][j] are the stats of group g on
    /// column j; <paramref name="excluded"/> marks moderated-out columns (removed before selection).
    /// </summary>
    public static List<RepresentativeStatement>[] Select(
        CommentStats[][] stats, IReadOnlyList<int> statementIds, bool[] excluded, double z, int take)
    {
        var groups = stats.Length;
        var sufficient = new List<RepresentativeStatement>[groups];
        var best = new RepresentativeStatement?[groups];
        var bestAgree = new (int Tid, CommentStats Stats)?[groups];
        for (var g = 0; g < groups; g++)
        {
            sufficient[g] = [];
        }

        for (var j = 0; j < statementIds.Count; j++)
        {
            if (excluded[j])
            {
                continue;
            }

            for (var g = 0; g < groups; g++)
            {
                var s = stats[g][j];
                var tid = statementIds[j];

                // passes-by-test?: both the representativeness and the probability test are significant.
                if ((s.Rat > z && s.Pat > z) || (s.Rdt > z && s.Pdt > z))
                {
                    sufficient[g].Add(Finalize(tid, s, isBestAgree: false));
                }

                // beats-best-by-test?: keep a fallback so every group gets at least one statement.
                if (sufficient[g].Count == 0 && (best[g] is null || Math.Max(s.Rat, s.Rdt) > best[g]!.RepresentativenessZ))
                {
                    best[g] = Finalize(tid, s, isBestAgree: false);
                }

                if (BeatsBestAgree(s, bestAgree[g]?.Stats, z))
                {
                    bestAgree[g] = (tid, s);
                }
            }
        }

        var result = new List<RepresentativeStatement>[groups];
        for (var g = 0; g < groups; g++)
        {
            var agreeHead = bestAgree[g] is { } ba ? Finalize(ba.Tid, ba.Stats, isBestAgree: true) : null;
            if (sufficient[g].Count == 0)
            {
                var head = agreeHead ?? best[g];
                result[g] = head is null ? [] : [head];
                continue;
            }

            // Sort by the repness metric (stable, as Clojure's sort-by), put the best agree first, take 5,
            // then agrees before disagrees (agrees-before-disagrees).
            var ranked = sufficient[g]
                .Where(r => agreeHead is null || r.StatementId != agreeHead.StatementId)
                .OrderByDescending(r => r.Metric);
            var top = (agreeHead is null ? ranked : ranked.Prepend(agreeHead)).Take(take).ToList();
            result[g] = [.. top.Where(r => r.RepfulFor == RepfulFor.Agree), .. top.Where(r => r.RepfulFor == RepfulFor.Disagree)];
        }

        return result;
    }

    /// <summary>repness.clj beats-best-agr?.</summary>
    private static bool BeatsBestAgree(CommentStats s, CommentStats? current, double z)
    {
        if (s.Na == 0 && s.Nd == 0)
        {
            return false;
        }

        if (current is { } c)
        {
            return c.Ra > 1.0
                ? s.Ra * s.Rat * s.Pa * s.Pat > c.Ra * c.Rat * c.Pa * c.Pat
                : s.Pa * s.Pat > c.Pa * c.Pat;
        }

        return s.Pat > z || (s.Ra > 1.0 && s.Pa > 0.5);
    }

    /// <summary>repness.clj finalize-cmt-stats: agree when rat &gt; rdt; the test value is stored as a float there.</summary>
    private static RepresentativeStatement Finalize(int tid, CommentStats s, bool isBestAgree) =>
        s.Rat > s.Rdt
            ? new RepresentativeStatement(tid, RepfulFor.Agree, s.Na, s.Ns, s.Pa, s.Pat, s.Ra, (float)s.Rat, isBestAgree)
            : new RepresentativeStatement(tid, RepfulFor.Disagree, s.Nd, s.Ns, s.Pd, s.Pdt, s.Rd, (float)s.Rdt, isBestAgree);

    /// <summary>repness.clj select-consensus-comments over everyone's votes.</summary>
    public static ConsensusStatements Consensus(
        int[] agrees, int[] disagrees, int[] seen, IReadOnlyList<int> statementIds, bool[] excluded, double z, int take)
    {
        var agree = new List<ConsensusStatement>();
        var disagree = new List<ConsensusStatement>();
        for (var j = 0; j < statementIds.Count; j++)
        {
            if (excluded[j])
            {
                continue;
            }

            var pa = (1.0 + agrees[j]) / (2.0 + seen[j]);
            var pd = (1.0 + disagrees[j]) / (2.0 + seen[j]);
            var pat = PolisStats.PropTest(agrees[j], seen[j]);
            var pdt = PolisStats.PropTest(disagrees[j], seen[j]);
            if (pa > 0.5 && pat > z)
            {
                agree.Add(new ConsensusStatement(statementIds[j], agrees[j], seen[j], pa, pat));
            }

            if (pd > 0.5 && pdt > z)
            {
                disagree.Add(new ConsensusStatement(statementIds[j], disagrees[j], seen[j], pd, pdt));
            }
        }

        static List<ConsensusStatement> Top(List<ConsensusStatement> l, int n) =>
            [.. l.OrderByDescending(c => c.SuccessProbability * c.SuccessZ).Take(n)];
        return new ConsensusStatements(Top(agree, take), Top(disagree, take));
    }
}

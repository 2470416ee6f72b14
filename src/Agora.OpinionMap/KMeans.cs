namespace Agora.OpinionMap;

/// <summary>A k-means cluster: its id, the indices of its member points (ascending) and its centre.</summary>
internal sealed record KCluster(int Id, int[] Members, double X, double Y);

/// <summary>
/// Lloyd's k-means on 2-D points as clusters.clj kmeans does it: the first k distinct points are the initial
/// centres (init-clusters), each step assigns every point to its nearest centre, drops empty clusters and moves
/// centres to the (weighted) mean, and the loop stops when sorted centres moved less than 0.01 (same-clustering?)
/// or after maxIterations + 1 steps. No randomness, so the result only depends on the point order.
/// </summary>
internal static class KMeans
{
    private const double SameClusteringThreshold = 0.01; // clusters.clj same-clustering? :threshold

    public static List<KCluster> Cluster(double[] xs, double[] ys, int k, int maxIterations, double[]? weights = null)
    {
        var clusters = Initial(xs, ys, k);
        for (var iter = maxIterations; ; iter--)
        {
            var next = Step(xs, ys, clusters, weights);
            if (iter <= 0 || SameClustering(clusters, next))
            {
                return next;
            }

            clusters = next;
        }
    }

    /// <summary>clusters.clj init-clusters: ids 0.. on the first k distinct positions, in point order.</summary>
    internal static List<KCluster> Initial(double[] xs, double[] ys, int k)
    {
        var seen = new HashSet<(double, double)>();
        var result = new List<KCluster>();
        for (var i = 0; i < xs.Length && result.Count < k; i++)
        {
            if (seen.Add((xs[i], ys[i])))
            {
                result.Add(new KCluster(result.Count, [], xs[i], ys[i]));
            }
        }

        return result;
    }

    /// <summary>clusters.clj cluster-step.</summary>
    internal static List<KCluster> Step(double[] xs, double[] ys, List<KCluster> clusters, double[]? weights)
    {
        var m = clusters.Count;
        var cx = new double[m];
        var cy = new double[m];
        for (var c = 0; c < m; c++)
        {
            cx[c] = clusters[c].X;
            cy[c] = clusters[c].Y;
        }

        var assignment = new int[xs.Length];
        var counts = new int[m];
        for (var i = 0; i < xs.Length; i++)
        {
            var best = 0;
            var bestDistance = double.PositiveInfinity;
            for (var c = 0; c < m; c++)
            {
                var dx = xs[i] - cx[c];
                var dy = ys[i] - cy[c];
                var d = (dx * dx) + (dy * dy);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = c;
                }
            }

            assignment[i] = best;
            counts[best]++;
        }

        var members = new int[m][];
        var fill = new int[m];
        for (var c = 0; c < m; c++)
        {
            members[c] = new int[counts[c]];
        }

        var sumX = new double[m];
        var sumY = new double[m];
        var sumW = new double[m];
        for (var i = 0; i < xs.Length; i++)
        {
            var c = assignment[i];
            members[c][fill[c]++] = i;
            var w = weights?[i] ?? 1.0;
            sumX[c] += w * xs[i];
            sumY[c] += w * ys[i];
            sumW[c] += w;
        }

        var result = new List<KCluster>(m);
        for (var c = 0; c < m; c++)
        {
            // Empty clusters disappear (cluster-step filters them out); ids of the others are kept.
            if (counts[c] > 0)
            {
                result.Add(new KCluster(clusters[c].Id, members[c], sumX[c] / sumW[c], sumY[c] / sumW[c]));
            }
        }

        return result;
    }

    internal static bool SameClustering(List<KCluster> a, List<KCluster> b)
    {
        static List<KCluster> Sorted(List<KCluster> l) => [.. l.OrderBy(c => c.X).ThenBy(c => c.Y)];
        var sa = Sorted(a);
        var sb = Sorted(b);

        // utils/zip stops at the shorter list, as in Pol.is.
        for (var i = 0; i < Math.Min(sa.Count, sb.Count); i++)
        {
            if (Math.Sqrt(Math.Pow(sa[i].X - sb[i].X, 2) + Math.Pow(sa[i].Y - sb[i].Y, 2)) >= SameClusteringThreshold)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// clusters.clj silhouette over a clustering of points (Pol.is applies it to base-cluster centres, unweighted):
    /// the mean over all members of (b − a) / max(a, b); a member alone in its cluster scores 0.
    /// </summary>
    public static double Silhouette(double[] xs, double[] ys, IReadOnlyList<int[]> clusters)
    {
        var total = 0.0;
        var count = 0;
        foreach (var own in clusters)
        {
            foreach (var i in own)
            {
                total += MemberSilhouette(xs, ys, clusters, own, i);
                count++;
            }
        }

        return count == 0 ? 0.0 : total / count;
    }

    private static double MemberSilhouette(double[] xs, double[] ys, IReadOnlyList<int[]> clusters, int[] own, int i)
    {
        if (own.Length == 1)
        {
            return 0.0;
        }

        var a = MeanDistance(xs, ys, own, i);
        var b = double.PositiveInfinity;
        foreach (var other in clusters)
        {
            if (!ReferenceEquals(other, own) && other.Length > 0)
            {
                b = Math.Min(b, MeanDistance(xs, ys, other, i));
            }
        }

        // With a single cluster Pol.is has no b at all; we call that 0 rather than fail.
        var max = Math.Max(a, b);
        return double.IsPositiveInfinity(b) || max == 0.0 ? 0.0 : (b - a) / max;
    }

    private static double MeanDistance(double[] xs, double[] ys, int[] members, int i)
    {
        var sum = 0.0;
        var n = 0;
        foreach (var j in members)
        {
            if (j != i)
            {
                sum += Math.Sqrt(((xs[i] - xs[j]) * (xs[i] - xs[j])) + ((ys[i] - ys[j]) * (ys[i] - ys[j])));
                n++;
            }
        }

        return sum / n;
    }
}

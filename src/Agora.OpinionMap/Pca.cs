namespace Agora.OpinionMap;

/// <summary>
/// Sparse rows of a centred data matrix (compressed row storage). Cells that are not stored are zero,
/// which is what a missing vote becomes once it is filled with its column mean and the mean is subtracted.
/// </summary>
internal sealed class SparseRows
{
    public SparseRows(int columnCount, int[] rowStart, int[] columns, double[] values)
    {
        ColumnCount = columnCount;
        RowStart = rowStart;
        Columns = columns;
        Values = values;
    }

    public int ColumnCount { get; }

    public int RowCount => RowStart.Length - 1;

    public int[] RowStart { get; }

    public int[] Columns { get; }

    public double[] Values { get; }

    /// <summary>Builds sparse rows from a dense matrix, dropping exact zeros (used by tests and small inputs).</summary>
    public static SparseRows FromDense(double[][] rows, int columnCount)
    {
        var start = new int[rows.Length + 1];
        var cols = new List<int>();
        var vals = new List<double>();
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < columnCount; c++)
            {
                if (rows[r][c] != 0.0)
                {
                    cols.Add(c);
                    vals.Add(rows[r][c]);
                }
            }

            start[r + 1] = cols.Count;
        }

        return new SparseRows(columnCount, start, [.. cols], [.. vals]);
    }
}

/// <summary>
/// Principal components by power iteration with Gram–Schmidt deflation, as pca.clj powerit-pca /
/// power-iteration / factor-matrix, but on sparse rows: deflation is applied as a projector instead of
/// materialising the (dense) deflated matrix, which keeps each step O(votes).
/// </summary>
internal static class Pca
{
    /// <summary>Fixed start vector for component <paramref name="component"/>; Pol.is draws (rand) values in [0, 1), we fix the seed.</summary>
    public static double[] StartVector(int length, int component)
    {
        var state = 0x9E3779B97F4A7C15UL * (ulong)(component + 1);
        var v = new double[length];
        for (var i = 0; i < length; i++)
        {
            // SplitMix64: platform-independent, unlike relying on System.Random's algorithm staying the same.
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            v[i] = (z >> 11) * (1.0 / (1UL << 53));
        }

        return v;
    }

    /// <summary>The first <paramref name="componentCount"/> principal directions of already centred data.</summary>
    public static double[][] Components(SparseRows centred, int componentCount, int iterations)
    {
        // pca.clj powerit-pca: never more components than min(rows, columns).
        var n = Math.Min(componentCount, Math.Min(centred.RowCount, centred.ColumnCount));
        var comps = new List<double[]>();
        for (var c = 0; c < n; c++)
        {
            var previous = comps.ToArray();
            var pc = PowerIteration(v => DeflatedGram(centred, previous, v), StartVector(centred.ColumnCount, c), iterations);
            comps.Add(pc);
        }

        return [.. comps];
    }

    /// <summary>
    /// pca.clj power-iteration: repeat v ← normalise(AᵀA v) until the norm repeats exactly or the iterations run out
    /// (the loop counts iters down to 0 inclusive, so at most iters + 1 products).
    /// </summary>
    public static double[] PowerIteration(Func<double[], double[]> gram, double[] start, int iterations)
    {
        var v = start;
        var lastEigenvalue = 0.0;
        for (var iter = iterations; ; iter--)
        {
            var product = gram(v);
            var eigenvalue = Norm(product);
            var normed = new double[product.Length];
            if (eigenvalue > 0)
            {
                for (var i = 0; i < product.Length; i++)
                {
                    normed[i] = product[i] / eigenvalue;
                }
            }

            if (iter == 0 || eigenvalue == lastEigenvalue)
            {
                return normed;
            }

            v = normed;
            lastEigenvalue = eigenvalue;
        }
    }

    /// <summary>(X Q)ᵀ(X Q) v where Q removes each previous component (factor-matrix; skipped for a zero component).</summary>
    private static double[] DeflatedGram(SparseRows x, double[][] previous, double[] v)
    {
        var w = Project(previous, v);
        var result = new double[x.ColumnCount];

        // pca.clj xtxr: accumulate (row·v) row over the rows.
        for (var r = 0; r < x.RowCount; r++)
        {
            var dot = 0.0;
            for (var k = x.RowStart[r]; k < x.RowStart[r + 1]; k++)
            {
                dot += x.Values[k] * w[x.Columns[k]];
            }

            if (dot != 0.0)
            {
                for (var k = x.RowStart[r]; k < x.RowStart[r + 1]; k++)
                {
                    result[x.Columns[k]] += dot * x.Values[k];
                }
            }
        }

        return ProjectReverse(previous, result);
    }

    private static double[] Project(double[][] previous, double[] v)
    {
        var w = (double[])v.Clone();
        foreach (var p in previous)
        {
            RemoveComponent(w, p);
        }

        return w;
    }

    private static double[] ProjectReverse(double[][] previous, double[] v)
    {
        for (var i = previous.Length - 1; i >= 0; i--)
        {
            RemoveComponent(v, previous[i]);
        }

        return v;
    }

    private static void RemoveComponent(double[] w, double[] p)
    {
        var pp = Dot(p, p);
        if (pp == 0.0)
        {
            return;
        }

        var coeff = Dot(p, w) / pp;
        for (var i = 0; i < w.Length; i++)
        {
            w[i] -= coeff * p[i];
        }
    }

    internal static double Dot(double[] a, double[] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    internal static double Norm(double[] a) => Math.Sqrt(Dot(a, a));
}

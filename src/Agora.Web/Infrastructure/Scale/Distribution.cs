namespace Agora.Web.Infrastructure.Scale;

/// <summary>Helpers that split totals the way participation really falls: a few items get most of it.</summary>
public static class Distribution
{
    /// <summary>Splits <paramref name="total"/> over <paramref name="items"/> with a heavy tail; no item gets more than <paramref name="cap"/>.</summary>
    public static int[] HeavyTail(Random random, int items, long total, int cap)
    {
        var counts = new int[items];
        if (items == 0)
            return counts;
        var weights = new double[items];
        for (var i = 0; i < items; i++)
            weights[i] = Math.Pow(random.NextDouble(), 3) + 0.01;
        var sum = weights.Sum();
        long placed = 0;
        for (var i = 0; i < items; i++)
        {
            counts[i] = (int)Math.Min(cap, Math.Floor(total * weights[i] / sum));
            placed += counts[i];
        }
        // Hand out what rounding and capping left, one at a time, to items with room.
        for (var i = 0; placed < total && i < items * 64L; i++)
        {
            var k = (int)(i % items);
            if (counts[k] < cap)
            {
                counts[k]++;
                placed++;
            }
        }
        return counts;
    }

    /// <summary>
    /// <paramref name="count"/> distinct indexes below <paramref name="n"/>, skipping <paramref name="skip"/>: a random
    /// start and a step coprime to n visit every index once, so no set is needed to keep them distinct.
    /// </summary>
    public static IEnumerable<int> Distinct(Random random, int n, int count, int skip = -1)
    {
        var start = random.Next(n);
        var step = 1 + random.Next(Math.Max(1, n - 1));
        while (Gcd(step, n) != 1)
            step++;
        var taken = 0;
        for (long k = 0; k < n && taken < count; k++)
        {
            var i = (int)((start + (k * step)) % n);
            if (i == skip)
                continue;
            taken++;
            yield return i;
        }
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}

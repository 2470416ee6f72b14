using System.Diagnostics;
using System.Globalization;
using Agora.OpinionMap;

// Generated conversation: participants × statements, each vote cast with probability `density`,
// opinions drawn from three latent groups so that the pipeline has real structure to find.
var participants = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30_000;
var statements = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
var density = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 0.15;

var rng = new SplitMix(42);
var agreeProbability = new double[3][];
for (var g = 0; g < 3; g++)
{
    agreeProbability[g] = new double[statements];
    for (var s = 0; s < statements; s++)
    {
        agreeProbability[g][s] = rng.NextDouble();
    }
}

var votes = new List<VoteRecord>((int)(participants * statements * density * 1.05));
for (var p = 0; p < participants; p++)
{
    var group = p % 3;
    for (var s = 0; s < statements; s++)
    {
        if (rng.NextDouble() < density)
        {
            var u = rng.NextDouble();
            var vote = u < 0.15 ? 0 : rng.NextDouble() < agreeProbability[group][s] ? 1 : -1;
            votes.Add(new VoteRecord(p, s, vote, (long)(rng.NextDouble() * 1e12)));
        }
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generated {participants} × {statements}, {votes.Count} votes ({(double)votes.Count / participants / statements:P1} cast)."));
GC.Collect();
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var total = Stopwatch.StartNew();

var sw = Stopwatch.StartNew();
var matrix = VoteMatrix.FromVotes(votes);
var buildSeconds = sw.Elapsed.TotalSeconds;

sw.Restart();
var result = OpinionMapComputation.Compute(matrix, new OpinionMapOptions());
var computeSeconds = sw.Elapsed.TotalSeconds;
total.Stop();

var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
using var process = Process.GetCurrentProcess();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"VoteMatrix.FromVotes: {buildSeconds:F2} s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"OpinionMapComputation.Compute: {computeSeconds:F2} s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Total: {total.Elapsed.TotalSeconds:F2} s; allocated {allocated / 1048576.0:F0} MiB; peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MiB"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"In conversation: {result.InConversationParticipantIds.Count}; base clusters: {result.BaseClusters.Count}; groups: {result.Groups.Count} ({string.Join(", ", result.Groups.Select(g => g.MemberIds.Count))})"));

internal sealed class SplitMix(ulong seed)
{
    private ulong state = seed;

    public double NextDouble()
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}

using System.Diagnostics;
using System.Reflection;
using Xunit.v3;

[assembly: Agora.Tests.Progress]

namespace Agora.Tests;

/// <summary>
/// A line on the console every 30 seconds while the suite runs (tests finished, failed so far is left to the runner's
/// summary), so a log redirected to a file, as CI writes it, shows the run moving: the test platform prints nothing
/// between "Running tests from …" and the end unless it writes to a terminal.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ProgressAttribute : BeforeAfterTestAttribute
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    private static readonly string Database = AgoraFactory.PostgresServer is null ? "SQLite" : "PostgreSQL";
    private static int finished;
    private static long lastReport;

    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        var done = Interlocked.Increment(ref finished);
        var now = Clock.ElapsedMilliseconds;
        var last = Interlocked.Read(ref lastReport);
        if (now - last < 30_000 || Interlocked.CompareExchange(ref lastReport, now, last) != last)
            return;
        Console.Out.WriteLine($"Agora.Tests ({Database}): {done} tests finished in {Clock.Elapsed:m\\:ss}");
    }
}

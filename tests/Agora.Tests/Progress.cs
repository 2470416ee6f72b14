using System.Diagnostics;
using System.Reflection;
using Xunit.v3;

[assembly: Agora.Tests.Progress]

namespace Agora.Tests;

/// <summary>
/// A line on the console every 30 seconds while the suite runs as its own executable
/// (<c>tests/Agora.Tests/bin/Release/net10.0/Agora.Tests</c>, e.g. with <c>-class</c> filters), whose runner prints
/// nothing between "Starting" and the end. Under <c>dotnet test</c> the test platform keeps the test host's console to
/// itself: there a terminal shows its own progress bar, and a redirected log gets a line per test with
/// <c>--output Detailed</c> (as .ci/run does).
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

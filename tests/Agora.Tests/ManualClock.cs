namespace Agora.Tests;

/// <summary>
/// A clock that moves only when a test moves it, starting at the real time. Timers made from it still fire on the real
/// clock (the base class's), so a polling worker keeps polling and reads the time the test has set.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private readonly DateTimeOffset start = DateTimeOffset.UtcNow;
    private long offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => start.AddTicks(Interlocked.Read(ref offsetTicks));

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;
}

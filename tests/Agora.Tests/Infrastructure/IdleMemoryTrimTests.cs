using Agora.Web.Infrastructure.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Infrastructure;

/// <summary>
/// A node that falls idle after serving requests gives the heap it no longer uses back, once per idle spell. The idle
/// time is read from a clock the test moves, and the allocation figure from a counter the test sets: the real ones are
/// process-wide, and the tests running beside these move them.
/// </summary>
public sealed class IdleMemoryTrimTests
{
    [Fact]
    public async Task A_node_trims_once_after_requests_and_not_again_until_it_serves_more()
    {
        var node = await StartAsync("5");
        await using var _ = node.Factory;
        var client = node.Factory.Browser();
        for (var i = 0; i < 5; i++)
            Assert.True((await client.GetAsync("/")).IsSuccessStatusCode);

        // Served, but not idle for 5 s yet: no trim, however long the test waits in real time.
        await Task.Delay(600, TestContext.Current.CancellationToken);
        Assert.Equal(0, node.Trim.Trims);

        node.Allocate(100);
        node.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(1, await WaitForTrims(node.Trim, 1));

        // Idle, with nothing served since: no second trim.
        node.Allocate(100);
        node.Clock.Advance(TimeSpan.FromSeconds(60));
        await Task.Delay(600, TestContext.Current.CancellationToken);
        Assert.Equal(1, node.Trim.Trims);

        // Served again, idle again: one more.
        Assert.True((await client.GetAsync("/processes")).IsSuccessStatusCode);
        node.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(2, await WaitForTrims(node.Trim, 2));
    }

    [Fact]
    public async Task A_node_that_allocated_little_since_its_last_trim_does_not_trim_again()
    {
        var node = await StartAsync("5");
        await using var _ = node.Factory;
        var client = node.Factory.Browser();
        Assert.True((await client.GetAsync("/")).IsSuccessStatusCode);
        node.Allocate(100);
        node.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(1, await WaitForTrims(node.Trim, 1));

        // A health probe now and then, as a load balancer sends, each allocating far below the 16 MB threshold.
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await client.GetAsync("/health/live")).IsSuccessStatusCode);
            node.Allocate(1);
            node.Clock.Advance(TimeSpan.FromSeconds(6));
            await Task.Delay(400, TestContext.Current.CancellationToken);
        }
        Assert.Equal(1, node.Trim.Trims);

        // Once the allocations since the trim add up past the threshold, the next idle spell trims.
        Assert.True((await client.GetAsync("/health/live")).IsSuccessStatusCode);
        node.Allocate(20);
        node.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(2, await WaitForTrims(node.Trim, 2));
    }

    [Fact]
    public async Task Zero_turns_the_trim_off()
    {
        var node = await StartAsync("0");
        await using var _ = node.Factory;
        Assert.True((await node.Factory.Browser().GetAsync("/")).IsSuccessStatusCode);
        node.Allocate(100);
        node.Clock.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(600, TestContext.Current.CancellationToken);
        Assert.Equal(0, node.Trim.Trims);
    }

    private sealed record Node(AgoraFactory Factory, IdleMemoryTrim Trim, ManualClock Clock)
    {
        private long allocated;

        /// <summary>As if the node had allocated this many more megabytes.</summary>
        public void Allocate(int megabytes) => Interlocked.Add(ref allocated, megabytes * 1024L * 1024);

        public long Allocated => Interlocked.Read(ref allocated);
    }

    /// <summary>The app with the given idle time, on a clock and an allocation counter the test moves.</summary>
    private static async Task<Node> StartAsync(string idleSeconds)
    {
        var clock = new ManualClock();
        var f = new AgoraFactory();
        f.Settings["Agora:Memory:TrimAfterIdleSeconds"] = idleSeconds;
        f.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        await f.InitializeAsync();
        var trim = f.Services.GetRequiredService<IdleMemoryTrim>();
        var node = new Node(f, trim, clock);
        trim.AllocatedBytes = () => node.Allocated;
        return node;
    }

    private static async Task<int> WaitForTrims(IdleMemoryTrim trim, int atLeast)
    {
        for (var i = 0; i < 100 && trim.Trims < atLeast; i++)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        return trim.Trims;
    }
}

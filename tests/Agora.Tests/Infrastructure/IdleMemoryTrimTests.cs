using Agora.Web.Infrastructure.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Infrastructure;

/// <summary>A node that falls idle after serving requests gives the heap it no longer uses back, once per idle spell.</summary>
public sealed class IdleMemoryTrimTests
{
    [Fact]
    public async Task A_node_trims_once_after_requests_and_not_again_until_it_serves_more()
    {
        var (f, trim) = await StartAsync("0.3");
        await using var _ = f;
        var client = f.Browser();
        for (var i = 0; i < 5; i++)
            Assert.True((await client.GetAsync("/")).IsSuccessStatusCode);
        var first = await WaitForTrims(trim, 1);
        Assert.True(first >= 1, "no trim after the node fell idle");

        // Idle, with nothing served since: no second trim.
        await Task.Delay(1_000, TestContext.Current.CancellationToken);
        Assert.Equal(first, trim.Trims);

        // Served again, idle again: one more.
        Assert.True((await client.GetAsync("/processes")).IsSuccessStatusCode);
        Assert.Equal(first + 1, await WaitForTrims(trim, first + 1));
    }

    [Fact]
    public async Task A_node_that_allocated_little_since_its_last_trim_does_not_trim_again()
    {
        var (f, trim) = await StartAsync("0.3");
        await using var _ = f;
        var client = f.Browser();
        Assert.True((await client.GetAsync("/")).IsSuccessStatusCode);
        var first = await WaitForTrims(trim, 1);
        Assert.True(first >= 1, "no trim after the node fell idle");

        // A health probe now and then, as a load balancer sends: far below the threshold, so no further trim.
        trim.MinAllocatedBytes = 64 * 1024 * 1024;
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await client.GetAsync("/health/live")).IsSuccessStatusCode);
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
        Assert.Equal(first, trim.Trims);
    }

    [Fact]
    public async Task Zero_turns_the_trim_off()
    {
        var (f, trim) = await StartAsync("0");
        await using var _ = f;
        Assert.True((await f.Browser().GetAsync("/")).IsSuccessStatusCode);
        await Task.Delay(1_500, TestContext.Current.CancellationToken);
        Assert.Equal(0, trim.Trims);
    }

    /// <summary>The app with the given idle time; any allocation is enough to trim, unless a test raises it.</summary>
    private static async Task<(AgoraFactory Factory, IdleMemoryTrim Trim)> StartAsync(string idleSeconds)
    {
        var f = new AgoraFactory();
        f.Settings["Agora:Memory:TrimAfterIdleSeconds"] = idleSeconds;
        await f.InitializeAsync();
        var trim = f.Services.GetRequiredService<IdleMemoryTrim>();
        trim.MinAllocatedBytes = 0;
        return (f, trim);
    }

    private static async Task<int> WaitForTrims(IdleMemoryTrim trim, int atLeast)
    {
        for (var i = 0; i < 100 && trim.Trims < atLeast; i++)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        return trim.Trims;
    }
}

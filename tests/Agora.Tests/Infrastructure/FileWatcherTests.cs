namespace Agora.Tests.Infrastructure;

/// <summary>
/// A node opens no inotify instance: Debian allows 128 per user, and a neighbour that uses them up (another app, a test
/// run with a hundred hosts) must not make this one fail. The configuration is read once at start, and the file
/// providers left (the version hashes of static files) poll instead of watching.
/// </summary>
public sealed class FileWatcherTests
{
    [Fact]
    public async Task A_node_serving_pages_opens_no_inotify_instance()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "inotify is Linux's");
        await using var f = new AgoraFactory();
        await f.InitializeAsync();
        var before = InotifyInstances();
        var client = f.Browser();
        // The home page renders the layout, whose stylesheet and script links carry version hashes of wwwroot files.
        foreach (var page in new[] { "/", "/processes", "/account/login", "/search?q=парк" })
            Assert.True((await client.GetAsync(page)).IsSuccessStatusCode, page);
        Assert.Equal(0, InotifyInstances() - before);
        Assert.Equal("true", Environment.GetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER"));
    }

    [Fact]
    public async Task Configuration_files_are_not_watched()
    {
        await using var f = new AgoraFactory();
        await f.InitializeAsync();
        var configuration = (Microsoft.Extensions.Configuration.IConfigurationRoot)f.Services.GetService(typeof(Microsoft.Extensions.Configuration.IConfiguration))!;
        var files = configuration.Providers.OfType<Microsoft.Extensions.Configuration.FileConfigurationProvider>().ToList();
        Assert.NotEmpty(files); // appsettings.json at least
        Assert.All(files, p => Assert.False(p.Source.ReloadOnChange, p.Source.Path));
    }

    /// <summary>inotify instances this process holds (each is a file descriptor on the anonymous inode "inotify").</summary>
    private static int InotifyInstances() =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Count(fd => fd.LinkTarget is { } target && target.Contains("inotify", StringComparison.Ordinal));
}

using Agora.Web.Infrastructure.Cli;

namespace Agora.Web.Features.Search;

/// <summary><c>search rebuild</c>: recreates this node's index from the database (after a restore, or by hand).</summary>
public sealed class SearchRebuildCommand : ICliCommand
{
    public IReadOnlyList<string> Words { get; } = ["search", "rebuild"];

    public async Task<int> RunAsync(IServiceProvider services, string[] command, TextWriter output, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        await CommandLine.MigrateAsync(services, ct);
        var count = await services.GetRequiredService<SearchIndexer>().RebuildAsync(ct);
        await output.WriteLineAsync($"Search index rebuilt: {count} documents.");
        return 0;
    }
}

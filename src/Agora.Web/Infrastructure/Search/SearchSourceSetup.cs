namespace Agora.Web.Infrastructure.Search;

public static class SearchSourceSetup
{
    /// <summary>Makes a module's items searchable: one line in the module's setup. The search hub reads every registered
    /// source and names no module (docs/architecture.md, "Extension points").</summary>
    public static IServiceCollection AddSearchSource<T>(this IServiceCollection services) where T : class, ISearchSource =>
        services.AddSingleton<ISearchSource, T>();
}

/// <summary>Rebuilds this node's search index from the database (for tools that wrote rows past the change log, such as
/// the scale generator); the search module provides it.</summary>
public interface ISearchRebuild
{
    Task<int> RebuildAsync(CancellationToken ct);
}

namespace Agora.Web.Infrastructure.Search;

public static class SearchSourceSetup
{
    /// <summary>Makes a module's items searchable: one line in the module's setup. The search hub reads every registered
    /// source and names no module (docs/architecture.md, "Extension points").</summary>
    public static IServiceCollection AddSearchSource<T>(this IServiceCollection services) where T : class, ISearchSource =>
        services.AddSingleton<ISearchSource, T>();
}

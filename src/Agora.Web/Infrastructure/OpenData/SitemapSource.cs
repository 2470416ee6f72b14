namespace Agora.Web.Infrastructure.OpenData;

/// <summary>A public page for /sitemap.xml: its site-relative address and when it last changed.</summary>
public sealed record SitemapPage(string Path, DateTime? Modified);

/// <summary>
/// A module's public pages for /sitemap.xml. Only what anyone may read (the module's own definition of public), in a
/// stable order, streamed. Register with <c>services.AddSitemapSource&lt;T&gt;()</c>; the sitemap names no module.
/// </summary>
public interface ISitemapSource
{
    /// <summary>Where the module's pages come in the file (processes first).</summary>
    int Order { get; }

    IAsyncEnumerable<SitemapPage> PagesAsync(CancellationToken ct);
}

public static class SitemapSourceSetup
{
    /// <summary>Scoped: a source reads the request's database and may use the module's scoped services.</summary>
    public static IServiceCollection AddSitemapSource<T>(this IServiceCollection services) where T : class, ISitemapSource =>
        services.AddScoped<ISitemapSource, T>();
}

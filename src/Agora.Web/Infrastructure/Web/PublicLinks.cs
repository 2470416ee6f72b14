namespace Agora.Web.Infrastructure.Web;

/// <summary>
/// Absolute links for e-mails and feeds. Agora:PublicUrl (e.g. https://agora.sofia.bg) wins, so that links
/// from background work and from nodes behind a proxy point at the public address.
/// </summary>
public sealed class PublicLinks(IConfiguration config, IHttpContextAccessor http)
{
    public string Absolute(string pathAndQuery)
    {
        var configured = config["Agora:PublicUrl"];
        string root;
        if (!string.IsNullOrWhiteSpace(configured))
            root = configured.TrimEnd('/');
        else if (http.HttpContext is { } ctx)
            root = $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.PathBase}";
        else
            root = "http://localhost:5080";
        return root + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery);
    }
}

using Microsoft.AspNetCore.Mvc;

namespace Agora.Web.Infrastructure.Web;

public static class ReturnUrls
{
    /// <summary>The return URL when it stays on this site, else the home page: a link from elsewhere cannot send a person away.</summary>
    public static string LocalOrHome(this IUrlHelper url, string? returnUrl) => url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
}

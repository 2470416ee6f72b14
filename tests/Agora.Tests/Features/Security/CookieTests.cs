using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agora.Tests.Features.Security;

/// <summary>The app as it runs in production, with the settings Production requires (and no proxy it trusts).</summary>
public class ProductionFactory : AgoraFactory
{
    public const string PublicUrl = "https://agora.example.test";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Agora:PublicUrl", PublicUrl);
        builder.UseSetting("Agora:Verification:CensusKey", "production-test-census-key-not-secret-0123456789");
        builder.UseSetting("Agora:OpenData:PseudonymKey", "production-test-pseudonym-key-not-secret-0123456789");
        // Text logs: the JSON console of Production would print every warning of the test host as a line of JSON.
        builder.UseSetting("Agora:Logging:Format", "text");
    }
}

/// <summary>Production behind a reverse proxy on the loopback, as deploy/nginx-agora.conf sets it up.</summary>
public sealed class ProxiedProductionFactory : ProductionFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Agora:Proxy:KnownNetworks:0", "127.0.0.1/32");
    }
}

public sealed class CookieTests(ProductionFactory f) : IClassFixture<ProductionFactory>
{
    [Fact]
    public void TempData_cookie_is_as_secure_as_the_sign_in_and_antiforgery_cookies()
    {
        var tempData = f.Services.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie;
        var antiforgery = f.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie;
        var auth = f.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie;

        Assert.Equal(CookieSecurePolicy.Always, auth.SecurePolicy);
        Assert.Equal(CookieSecurePolicy.Always, antiforgery.SecurePolicy);
        Assert.Equal(CookieSecurePolicy.Always, tempData.SecurePolicy);
        Assert.True(tempData.HttpOnly);
        Assert.Equal(SameSiteMode.Lax, tempData.SameSite);
        // The output cache recognises a reader with a pending notice by this name.
        Assert.Equal(".AspNetCore.Mvc.CookieTempDataProvider", tempData.Name);
    }
}

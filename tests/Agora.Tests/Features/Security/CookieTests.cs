using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agora.Tests.Features.Security;

/// <summary>The app as it runs in production: cookies there must be Secure whatever the request's scheme.</summary>
public sealed class ProductionFactory : AgoraFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Agora:Verification:CensusKey", "production-test-key-not-secret");
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

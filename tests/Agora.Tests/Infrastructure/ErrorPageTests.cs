using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Infrastructure;

/// <summary>An app with one endpoint that fails, to see what a person gets when something breaks.</summary>
public sealed class FailingAppFactory : AgoraFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, FailingEndpoint>());
    }

    private sealed class FailingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test/fail", a => a.Run(_ => throw new InvalidOperationException("secret connection string in the message")));
        };
    }
}

public sealed class ErrorPageTests(FailingAppFactory f) : IClassFixture<FailingAppFactory>
{
    [Theory]
    [InlineData("bg", "Нещо се обърка")]
    [InlineData("en", "Something went wrong")]
    public async Task Failure_AnyLanguage_Gives500PageWithoutInternals(string culture, string heading)
    {
        var response = await f.Browser(culture).GetAsync("/test/fail");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.DoesNotContain("secret connection string", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("at Agora", html, StringComparison.Ordinal);
    }
}

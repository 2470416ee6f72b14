using System.Net;

namespace Agora.Tests.Infrastructure;

public sealed class SecurityTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/no-such-page")]
    public async Task Responses_AnyPage_CarryTheSecurityHeaders(string path)
    {
        var response = await f.CreateClient().GetAsync(path);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Pages_Rendered_HaveNoInlineScript()
    {
        foreach (var path in new[] { "/", "/about", "/account/register", "/account/login", "/accessibility" })
        {
            var html = await f.CreateClient().HtmlAsync(path);
            Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", html);
            Assert.DoesNotContain(" onclick=", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Form_PostedWithoutAntiforgeryToken_IsRefused()
    {
        var response = await f.Browser().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "a@b.bg",
            ["Input.Password"] = "whatever12345",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AuthCookie_AfterSignIn_IsHttpOnlyAndLax()
    {
        var user = await f.PersonAsync();
        var client = f.Browser();
        var response = await client.PostFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = Builders.Password,
        });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("agora.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_ReturnUrlToAnotherSite_StaysOnThisSite()
    {
        var user = await f.PersonAsync();
        var client = f.Browser();
        var response = await client.PostFormAsync("/account/login?returnUrl=//evil.example/x", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = Builders.Password,
            ["ReturnUrl"] = "//evil.example/x",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Location());
    }

    [Fact]
    public async Task Markdown_WithScriptAndJavascriptLink_IsNeutralised()
    {
        var md = new Agora.Web.Infrastructure.Web.Markdown();
        var html = md.ToSafeHtml("Hi <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> **bold**");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        await Task.CompletedTask;
    }
}

public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly AgoraFactory f = new();

    public ValueTask InitializeAsync()
    {
        f.Settings["Agora:RateLimits:AccountPerMinute"] = "3";
        return f.InitializeAsync();
    }

    public ValueTask DisposeAsync() => f.DisposeAsync();

    [Fact]
    public async Task SignIn_TooManyAttempts_Answers429WithRetryAfter()
    {
        var client = f.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostFormAsync("/account/login", new Dictionary<string, string>
            {
                ["Input.Email"] = "nobody@example.bg",
                ["Input.Password"] = "wrong password " + i,
            });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter != null);
                Assert.Contains("твърде много", await response.TextAsync(), StringComparison.OrdinalIgnoreCase);
            }
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        // Reading the form is never refused: only attempts count.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }
}

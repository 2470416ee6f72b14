using System.Net;
using Agora.Tests.Features.Security;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Agora.Tests.Infrastructure;

/// <summary>What a node outside Development refuses to start without (issue 25: settings that fail closed).</summary>
public sealed class ProductionSettingsTests
{
    private static IReadOnlyList<string> Problems(string environment, Dictionary<string, string?> settings, bool serving = true, bool seeding = false) =>
        ProductionSettings.Problems(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new Env(environment), serving, seeding);

    private static Dictionary<string, string?> Complete() => new()
    {
        ["ConnectionStrings:Agora"] = "Host=db;Database=agora;Username=agora",
        ["Agora:PublicUrl"] = "https://agora.sofia.bg",
        ["Agora:Verification:CensusKey"] = new string('c', 40),
        ["Agora:OpenData:PseudonymKey"] = new string('p', 40),
    };

    [Fact]
    public void Development_IsNeverStopped() => Assert.Empty(Problems("Development", []));

    [Fact]
    public void Production_WithNothingSet_NamesEverySettingOnItsOwnLine()
    {
        var problems = Problems("Production", []);
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("ConnectionStrings:Agora is not set (environment: ConnectionStrings__Agora)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Agora:PublicUrl is not set (environment: Agora__PublicUrl)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Agora:Verification:CensusKey is not set", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Agora:OpenData:PseudonymKey is not set", StringComparison.Ordinal));
    }

    [Fact]
    public void Production_Complete_Starts() => Assert.Empty(Problems("Production", Complete()));

    [Fact]
    public void Staging_IsCheckedLikeProduction() => Assert.Equal(4, Problems("Staging", []).Count);

    [Fact]
    public void Commands_NeedOnlyTheDatabase()
    {
        Assert.Equal(["ConnectionStrings:Agora"], Problems("Production", [], serving: false).Select(p => p.Split(' ')[0]));
        Assert.Empty(Problems("Production", new() { ["ConnectionStrings:Agora"] = "Data Source=/var/lib/agora/agora.db" }, serving: false));
    }

    [Fact]
    public void Seeding_NeedsTheKeysToo_ButNoPublicAddress()
    {
        var problems = Problems("Production", new() { ["ConnectionStrings:Agora"] = "Data Source=/var/lib/agora/agora.db" }, serving: false, seeding: true);
        Assert.Equal(["Agora:Verification:CensusKey", "Agora:OpenData:PseudonymKey"], problems.Select(p => p.Split(' ')[0]));
    }

    [Theory]
    [InlineData("http://agora.sofia.bg")]
    [InlineData("agora.sofia.bg")]
    [InlineData("https://agora.sofia.bg/?x=1")]
    public void PublicUrl_MustBeAnHttpsAddress(string url)
    {
        var settings = Complete();
        settings["Agora:PublicUrl"] = url;
        var problem = Assert.Single(Problems("Production", settings));
        Assert.Contains("must be an absolute https:// address", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortKeys_AreRefusedWithTheirLength()
    {
        var settings = Complete();
        settings["Agora:OpenData:PseudonymKey"] = "secret";
        Assert.Equal("Agora:OpenData:PseudonymKey is 6 characters long: use at least 32 (openssl rand -base64 48).", Assert.Single(Problems("Production", settings)));
    }

    [Fact]
    public void ProxyNetworks_MustBeCidr()
    {
        var settings = Complete();
        settings["Agora:Proxy:KnownNetworks:0"] = "127.0.0.1/32";
        settings["Agora:Proxy:KnownNetworks:1"] = "the proxy";
        Assert.Contains("'the proxy'", Assert.Single(Problems("Production", settings)), StringComparison.Ordinal);
    }

    private sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Agora.Web";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

/// <summary>A Production node reached directly over plain HTTP: redirected to HTTPS at the public address, never a 500.</summary>
public sealed class HttpsOnlyTests(ProductionFactory f) : IClassFixture<ProductionFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/proposals?page=2")]
    public async Task PlainHttp_Get_IsRedirectedToThePublicAddress(string path)
    {
        var response = await f.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(ProductionFactory.PublicUrl + path, response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task PlainHttp_FormPost_IsRedirectedNotFailed()
    {
        var response = await f.Browser().PostAsync("/account/login", new FormUrlEncodedContent([new("Input.Email", "a@b.bg")]));
        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(ProductionFactory.PublicUrl + "/account/login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task ForgedHost_DoesNotChooseWhereTheRedirectGoes()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/about");
        request.Headers.Host = "evil.example";
        var response = await f.Browser().SendAsync(request);
        Assert.Equal(ProductionFactory.PublicUrl + "/about", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthChecks_AnswerOnPlainHttp_ForTheBalancer(string path) =>
        Assert.Equal(HttpStatusCode.OK, (await f.Browser().GetAsync(path)).StatusCode);

    [Fact]
    public async Task Https_FormPage_Works_AndSetsSecureCookies()
    {
        // Not localhost: the HSTS middleware leaves localhost out on purpose.
        var client = f.CreateClient(new() { BaseAddress = new Uri(ProductionFactory.PublicUrl), AllowAutoRedirect = false });
        var page = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("__RequestVerificationToken", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("max-age=", string.Join(' ', page.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordResetLink_IsOnThePublicAddress_WhateverHostTheRequestNamed()
    {
        var user = await f.PersonAsync();
        var client = f.CreateClient(new() { BaseAddress = new Uri("https://evil.example"), AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = user.Email! });
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, response.StatusCode.ToString());
        var text = (await f.LastTo(user.Email!)).TextBody;
        Assert.Contains(ProductionFactory.PublicUrl + "/account/reset-password?", text, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardedProto_FromAnUnlistedProxy_IsIgnored()
    {
        var context = await f.Server.SendAsync(c =>
        {
            c.Request.Path = "/";
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
            c.Connection.RemoteIpAddress = IPAddress.Loopback;
        });
        Assert.Equal(StatusCodes.Status308PermanentRedirect, context.Response.StatusCode);
    }
}

/// <summary>Behind the TLS proxy named in Agora:Proxy:KnownNetworks, plain HTTP on the loopback serves everything.</summary>
public sealed class ProxiedProductionTests(ProxiedProductionFactory f) : IClassFixture<ProxiedProductionFactory>
{
    private Task<HttpContext> SendAsync(string path, IPAddress from, string? forwardedFor = "203.0.113.9") =>
        f.Server.SendAsync(c =>
        {
            c.Request.Path = path;
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            if (forwardedFor != null)
                c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            c.Connection.RemoteIpAddress = from;
        });

    [Fact]
    public async Task FromTheListedProxy_TheRequestIsHttps_AndTheClientAddressIsForwarded()
    {
        var context = await SendAsync("/about", IPAddress.Loopback);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.True(context.Request.IsHttps);
        Assert.Equal(IPAddress.Parse("203.0.113.9"), context.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task FromAnotherAddress_TheHeadersAreIgnored()
    {
        var context = await SendAsync("/about", IPAddress.Parse("198.51.100.7"));
        Assert.Equal(StatusCodes.Status308PermanentRedirect, context.Response.StatusCode);
        Assert.Equal(IPAddress.Parse("198.51.100.7"), context.Connection.RemoteIpAddress);
    }
}

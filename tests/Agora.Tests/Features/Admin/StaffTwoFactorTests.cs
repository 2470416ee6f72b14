using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Verification;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Admin;

/// <summary>
/// A staff role (administrator, moderator, officer) counts only with two-factor sign-in on — outside /admin as well as
/// inside: pages sent to the set-up page, writes refused, and checks in code (drafts, management rights) see an
/// ordinary person. The full sweep over every route is in RouteInventoryTests; these are the cases the review found.
/// </summary>
public sealed class StaffTwoFactorTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private const string Setup = "/account/manage/two-factor?required=True";

    private static void AssertSentToSetup(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(Setup, response.Location(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> TokenAsync(HttpClient client) => Http.Token(await client.HtmlAsync("/account/manage"));

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string csv)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync(client)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "CensusFile", "census.csv");
        return await client.PostAsync("/admin/census?handler=import", content);
    }

    [Fact]
    public async Task CensusImport_AdministratorWithoutTwoFactor_IsSentToSetUp_AndImportsNothing()
    {
        var admin = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator));
        AssertSentToSetup(await admin.GetAsync("/admin/census"));

        var before = await f.DbAsync(db => db.Set<CensusRecord>().CountAsync());
        var csv = new StringBuilder("identifier,birth_date,district\n");
        for (var i = 0; i < 1500; i++)
            csv.Append("99").Append((10_000_000 + i).ToString(CultureInfo.InvariantCulture)).Append(",1980-01-01,lozenets\n");
        var response = await ImportAsync(admin, csv.ToString());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/manage/two-factor", response.Location(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await f.DbAsync(db => db.Set<CensusRecord>().CountAsync()));
    }

    [Fact]
    public async Task ProcessPages_AdministratorWithoutTwoFactor_AreSentToSetUp_WithItTheyOpen()
    {
        var process = await f.ProcessAsync(components: "proposals");
        var withoutTwoFactor = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator));
        AssertSentToSetup(await withoutTwoFactor.GetAsync($"/processes/{process.Slug}/proposals/settings"));
        AssertSentToSetup(await withoutTwoFactor.GetAsync($"/processes/{process.Slug}/manage"));

        var withTwoFactor = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator, twoFactor: true));
        Assert.Equal(HttpStatusCode.OK, (await withTwoFactor.GetAsync($"/processes/{process.Slug}/proposals/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await withTwoFactor.GetAsync($"/processes/{process.Slug}/manage")).StatusCode);
    }

    [Fact]
    public async Task Unpublish_AdministratorWithoutTwoFactor_ChangesNothing()
    {
        var process = await f.ProcessAsync();
        var admin = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator));
        var response = await admin.PostAsync($"/processes/{process.Slug}/manage?handler=Publish", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TokenAsync(admin),
            ["publish"] = "false",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/manage/two-factor", response.Location(), StringComparison.OrdinalIgnoreCase);
        Assert.True(await f.DbAsync(db => db.Set<Process>().Where(p => p.Id == process.Id).Select(p => p.Published).SingleAsync()));
    }

    [Fact]
    public async Task Drafts_AdministratorWithoutTwoFactor_SeesThemAsAnyoneDoes()
    {
        var draft = await f.ProcessAsync(published: false);
        var withoutTwoFactor = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator));
        Assert.Equal(HttpStatusCode.NotFound, (await withoutTwoFactor.GetAsync($"/processes/{draft.Slug}")).StatusCode);
        var withTwoFactor = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator, twoFactor: true));
        Assert.Equal(HttpStatusCode.OK, (await withTwoFactor.GetAsync($"/processes/{draft.Slug}")).StatusCode);
    }

    [Fact]
    public async Task Officer_WithoutTwoFactor_IsSentToSetUp_AndVerifiesNobody()
    {
        var officer = await f.SignedInAsync(await f.PersonAsync(role: Roles.Officer));
        AssertSentToSetup(await officer.GetAsync("/verification/officer"));
        var person = await f.PersonAsync();
        var response = await officer.PostAsync("/verification/officer?handler=verify", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TokenAsync(officer),
            ["Input.Email"] = person.Email!,
            ["Input.District"] = "lyulin",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/manage/two-factor", response.Location(), StringComparison.OrdinalIgnoreCase);
        Assert.False(await f.DbAsync(db => db.Set<ResidentVerification>().AnyAsync(v => v.UserId == person.Id)));
    }

    [Fact]
    public async Task Moderator_WithoutTwoFactor_IsSentToSetUp()
    {
        var moderator = await f.SignedInAsync(await f.PersonAsync(role: Roles.Moderator));
        AssertSentToSetup(await moderator.GetAsync("/admin/moderation"));
        // The header still shows the way to the admin pages, which then ask for two-factor.
        Assert.Contains("href=\"/admin\"", await moderator.HtmlAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoFactorTurnedOff_TakesThePowersAwayAtOnce()
    {
        var admin = await f.PersonAsync(role: Roles.Administrator, twoFactor: true);
        var client = await f.SignedInAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/census")).StatusCode);
        await f.DbAsync(db => db.Users.Where(u => u.Id == admin.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TwoFactorEnabled, false)));
        AssertSentToSetup(await client.GetAsync("/admin/census"));
        AssertSentToSetup(await client.GetAsync("/processes/new"));
    }

    [Fact]
    public async Task SettingUpTwoFactor_FromTheRedirect_OpensThePage()
    {
        var client = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator));
        var redirect = await client.GetAsync("/admin/census");
        AssertSentToSetup(redirect);
        var setup = redirect.Location();
        var page = await client.HtmlAsync(setup);
        Assert.Contains("трябва да включат двуфакторно удостоверяване", page, StringComparison.Ordinal);
        var key = System.Text.RegularExpressions.Regex.Match(page, "<code>([a-z0-9 ]+)</code>").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        var enabled = await client.PostFormAsync(setup, new Dictionary<string, string>
        {
            ["Input.Code"] = Totp.Code(key),
            ["Confirm.Password"] = Builders.Password,
            ["Required"] = "true",
            ["ReturnUrl"] = "/admin/census",
        }, "/account/manage/two-factor?handler=Enable");
        Assert.Contains("href=\"/admin/census\"", await enabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/census")).StatusCode);
    }

    [Fact]
    public async Task Officer_CannotTurnTwoFactorOff()
    {
        var officer = await f.PersonAsync(role: Roles.Officer, twoFactor: true);
        var client = await f.SignedInAsync(officer);
        var response = await client.PostFormAsync("/account/manage/two-factor", new Dictionary<string, string> { ["Confirm.Secret"] = Builders.Password },
            "/account/manage/two-factor?handler=Disable");
        Assert.Contains("не могат да изключат", await response.TextAsync(), StringComparison.Ordinal);
        Assert.True(await f.DbAsync(db => db.Users.Where(u => u.Id == officer.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }
}

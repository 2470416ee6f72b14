using System.Net;
using Agora.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Organizations;

public sealed class RegistryTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Fact]
    public async Task Registry_Filters_ByKindSectorAndNameInBothLanguages()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var cluster = await f.OrganizationAsync("Клъстер Мрежа " + tag, "Network Cluster " + tag, OrganizationKind.ClusterOrAssociation, sectors: "ИКТ, образование");
        var school = await f.OrganizationAsync("Училище Мрежа " + tag, "Network School " + tag, OrganizationKind.UniversityOrSchool, sectors: "образование");
        var hidden = await f.OrganizationAsync("Скрита Мрежа " + tag, "Hidden Network " + tag, listed: false);
        var client = f.Browser();

        var all = await client.HtmlAsync("/organizations?q=" + Uri.EscapeDataString("Мрежа " + tag));
        Assert.Contains(cluster.Name.Bg, all, StringComparison.Ordinal);
        Assert.Contains(school.Name.Bg, all, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden.Name.Bg, all, StringComparison.Ordinal);

        var english = await client.HtmlAsync("/organizations?q=" + Uri.EscapeDataString("network school " + tag));
        Assert.Contains(school.Name.Bg, english, StringComparison.Ordinal);
        Assert.DoesNotContain(cluster.Name.Bg, english, StringComparison.Ordinal);

        var lowerCyrillic = await client.HtmlAsync("/organizations?q=" + Uri.EscapeDataString("клъстер мрежа " + tag));
        Assert.Contains(cluster.Name.Bg, lowerCyrillic, StringComparison.Ordinal);

        var byKind = await client.HtmlAsync($"/organizations?kind=UniversityOrSchool&q={tag}");
        Assert.Contains(school.Name.Bg, byKind, StringComparison.Ordinal);
        Assert.DoesNotContain(cluster.Name.Bg, byKind, StringComparison.Ordinal);

        var bySector = await client.HtmlAsync($"/organizations?sector={Uri.EscapeDataString("ИКТ")}&q={tag}");
        Assert.Contains(cluster.Name.Bg, bySector, StringComparison.Ordinal);
        Assert.DoesNotContain(school.Name.Bg, bySector, StringComparison.Ordinal);
        Assert.Contains("Клъстер или сдружение", bySector, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_QueryCount_StaysFixedAsOrganizationsGrow()
    {
        await using var factory = new AgoraFactory();
        await factory.InitializeAsync();
        var client = factory.Browser();
        for (var i = 0; i < 3; i++)
            await factory.OrganizationAsync(sectors: "ИКТ");
        await client.GetAsync("/organizations"); // warm up
        factory.Queries.Reset();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/organizations")).StatusCode);
        var few = factory.Queries.Count;

        for (var i = 0; i < 40; i++)
            await factory.OrganizationAsync(sectors: "сектор " + i);
        factory.Queries.Reset();
        var page = await client.HtmlAsync("/organizations");
        Assert.Equal(few, factory.Queries.Count);
        Assert.Contains("rel=\"next\"", page, StringComparison.Ordinal);
        factory.Queries.Reset();
        await client.GetAsync("/organizations?page=2&q=a&kind=Ngo&sector=ИКТ");
        Assert.Equal(few, factory.Queries.Count);
    }

    [Fact]
    public async Task Profile_UnknownSlug_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync("/organizations/no-such-organization")).StatusCode);
        var admin = await f.SignedInAsync(await f.AdministratorAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/organizations/no-such-organization")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/organizations/no-such-organization/edit")).StatusCode);
    }

    [Fact]
    public async Task Profile_Unlisted_IsInvisibleToPublicButNotToAdministratorOrRepresentative()
    {
        var organization = await f.OrganizationAsync(listed: false);
        var url = "/organizations/" + organization.Slug;
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync(url)).StatusCode);
        var user = await f.SignedInAsync(await f.PersonAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync(url + "/edit")).StatusCode);
        var pending = await f.PersonAsync();
        await f.RepresentativeAsync(organization, pending, RepresentativeStatus.Pending);
        Assert.Equal(HttpStatusCode.NotFound, (await (await f.SignedInAsync(pending)).GetAsync(url)).StatusCode);

        var representative = await f.PersonAsync();
        await f.RepresentativeAsync(organization, representative);
        Assert.Equal(HttpStatusCode.OK, (await (await f.SignedInAsync(representative)).GetAsync(url)).StatusCode);
        var admin = await f.SignedInAsync(await f.AdministratorAsync());
        Assert.Contains("Не е в публичния регистър", await admin.HtmlAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_ShowsFactsAndVisiblePublishedEventsNewestFirst()
    {
        var organization = await f.OrganizationAsync(website: "https://www.example.org", sectors: "ИКТ");
        var process = await f.ProcessAsync(components: "events");
        var draft = await f.ProcessAsync(published: false);
        var older = await f.EventAsync(process.Id, TimeSpan.FromDays(-60), title: "По-стара среща", attendedBy: organization);
        var newer = await f.EventAsync(process.Id, TimeSpan.FromDays(-5), title: "По-нова среща", attendedBy: organization);
        var unpublished = await f.EventAsync(process.Id, TimeSpan.FromDays(-10), published: false, title: "Непубликувана среща", attendedBy: organization);
        var inDraft = await f.EventAsync(draft.Id, TimeSpan.FromDays(-10), title: "Среща в чернова", attendedBy: organization);

        var html = await f.Browser().HtmlAsync("/organizations/" + organization.Slug);
        Assert.Contains("<a href=\"https://www.example.org\" rel=\"nofollow ugc\">", html, StringComparison.Ordinal);
        Assert.Contains("Неправителствена организация", html, StringComparison.Ordinal);
        Assert.Contains("/events/" + newer.Id, html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("/events/" + newer.Id, StringComparison.Ordinal) < html.IndexOf("/events/" + older.Id, StringComparison.Ordinal));
        Assert.DoesNotContain("/events/" + unpublished.Id, html, StringComparison.Ordinal);
        Assert.DoesNotContain("/events/" + inDraft.Id, html, StringComparison.Ordinal);

        // The manager of the draft process sees its event too.
        var manager = await f.PersonAsync();
        await f.DbAsync(async db =>
        {
            db.Add(new Agora.Web.Features.Processes.ProcessAdministrator { ProcessId = draft.Id, UserId = manager.Id, GrantedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        Assert.Contains("/events/" + inDraft.Id, await (await f.SignedInAsync(manager)).HtmlAsync("/organizations/" + organization.Slug), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewOrganization_OnlySiteAdministrator_WithTransliteratedUniqueSlug()
    {
        Assert.StartsWith("/account/login", (await f.Browser().GetAsync("/organizations/new")).Location(), StringComparison.Ordinal);
        var user = await f.PersonAsync();
        var organization = await f.OrganizationAsync();
        await f.RepresentativeAsync(organization, user);
        var representative = await f.SignedInAsync(user);
        Assert.StartsWith("/account/access-denied", (await representative.GetAsync("/organizations/new")).Location(), StringComparison.Ordinal);
        var processAdmin = await f.PersonAsync();
        await f.ProcessAsync(administrator: processAdmin);
        Assert.StartsWith("/account/access-denied", (await (await f.SignedInAsync(processAdmin)).GetAsync("/organizations/new")).Location(), StringComparison.Ordinal);
        var forged = await representative.PostFormAsync("/organizations/" + organization.Slug + "/edit", new Dictionary<string, string> { ["Input.NameBg"] = "X", ["Input.Kind"] = "Ngo" }, "/organizations/new");
        Assert.StartsWith("/account/access-denied", forged.Location(), StringComparison.Ordinal);

        var admin = await f.SignedInAsync(await f.AdministratorAsync());
        var name = "Сдружение „Щастлива София“ " + Guid.NewGuid().ToString("N")[..4];
        var fields = new Dictionary<string, string>
        {
            ["Input.NameBg"] = name,
            ["Input.NameEn"] = "Happy Sofia",
            ["Input.Kind"] = "CitizenGroup",
            ["Input.Website"] = "happy.example.org",
            ["Input.Sectors"] = "квартал,  квартал, култура",
            ["Input.Listed"] = "true",
        };
        var first = await admin.PostFormAsync("/organizations/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await admin.PostFormAsync("/organizations/new", fields);
        var slug1 = first.Location()["/organizations/".Length..];
        var slug2 = second.Location()["/organizations/".Length..];
        Assert.StartsWith("sdruzhenie-shtastliva-sofia-", slug1, StringComparison.Ordinal);
        Assert.Equal(slug1 + "-2", slug2);
        var saved = await f.DbAsync(db => db.Set<Organization>().SingleAsync(o => o.Slug == slug1));
        Assert.Equal("https://happy.example.org", saved.Website);
        Assert.Equal("квартал, култура", saved.Sectors);
        Assert.True(await f.DbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "organization.create" && a.TargetId == saved.Id.ToString())));
    }

    [Theory]
    [InlineData("bg", "Полето „Име на български“ е задължително.", "Въведете адрес на уебсайт")]
    [InlineData("en", "Name in Bulgarian is required.", "Enter a website address")]
    public async Task NewOrganization_BadInput_IsExplainedInTheUsersLanguage(string culture, string required, string website)
    {
        var admin = await f.SignedInAsync(await f.AdministratorAsync(), culture);
        var response = await admin.PostFormAsync("/organizations/new", new Dictionary<string, string>
        {
            ["Input.NameBg"] = "",
            ["Input.Kind"] = "Ngo",
            ["Input.Website"] = "javascript:alert(1)",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains(required, html, StringComparison.Ordinal);
        Assert.Contains(website, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditProfile_RepresentativeAndAdministratorOnly_OnlyAdministratorChangesListing()
    {
        var organization = await f.OrganizationAsync();
        var url = $"/organizations/{organization.Slug}/edit";
        Assert.StartsWith("/account/login", (await f.Browser().GetAsync(url)).Location(), StringComparison.Ordinal);
        var plain = await f.SignedInAsync(await f.PersonAsync());
        Assert.StartsWith("/account/access-denied", (await plain.GetAsync(url)).Location(), StringComparison.Ordinal);
        var other = await f.PersonAsync();
        await f.RepresentativeAsync(await f.OrganizationAsync(), other);
        Assert.StartsWith("/account/access-denied", (await (await f.SignedInAsync(other)).GetAsync(url)).Location(), StringComparison.Ordinal);
        var pending = await f.PersonAsync();
        await f.RepresentativeAsync(organization, pending, RepresentativeStatus.Pending);
        Assert.StartsWith("/account/access-denied", (await (await f.SignedInAsync(pending)).GetAsync(url)).Location(), StringComparison.Ordinal);
        var processAdmin = await f.PersonAsync();
        await f.ProcessAsync(administrator: processAdmin);
        Assert.StartsWith("/account/access-denied", (await (await f.SignedInAsync(processAdmin)).GetAsync(url)).Location(), StringComparison.Ordinal);

        var person = await f.PersonAsync();
        await f.RepresentativeAsync(organization, person);
        var representative = await f.SignedInAsync(person);
        var edit = await representative.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.DoesNotContain("Input.Listed", await edit.TextAsync(), StringComparison.Ordinal);
        var saved = await representative.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.NameBg"] = "Ново име",
            ["Input.NameEn"] = "New name",
            ["Input.Kind"] = "Company",
            ["Input.DescriptionBg"] = "Ново описание.",
            ["Input.Listed"] = "false",
        });
        Assert.Equal("/organizations/" + organization.Slug, saved.Location());
        var after = await f.DbAsync(db => db.Set<Organization>().AsNoTracking().SingleAsync(o => o.Id == organization.Id));
        Assert.Equal("Ново име", after.Name.Bg);
        Assert.Equal(OrganizationKind.Company, after.Kind);
        Assert.True(after.Listed);

        var admin = await f.SignedInAsync(await f.AdministratorAsync());
        await admin.PostFormAsync(url, new Dictionary<string, string> { ["Input.NameBg"] = "Ново име", ["Input.Kind"] = "Company", ["Input.Listed"] = "false" });
        Assert.False(await f.DbAsync(db => db.Set<Organization>().Where(o => o.Id == organization.Id).Select(o => o.Listed).SingleAsync()));
    }
}

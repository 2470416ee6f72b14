using System.Net;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Organizations;

/// <summary>Every page of the module for each kind of reader: what they get, not how.</summary>
public sealed class OrganizationRoleTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    public enum Reader { Anonymous, User, Representative, OtherProcessAdmin, ProcessAdmin, SiteAdmin }

    private sealed record World(Organization Organization, Process Process, Dictionary<Reader, HttpClient> Clients);

    private async Task<World> WorldAsync()
    {
        var organization = await f.OrganizationAsync();
        var manager = await f.PersonAsync();
        var process = await f.ProcessAsync(administrator: manager, components: "events,organizations");
        var otherManager = await f.PersonAsync();
        await f.ProcessAsync(administrator: otherManager);
        var representative = await f.PersonAsync();
        await f.RepresentativeAsync(organization, representative);
        return new World(organization, process, new Dictionary<Reader, HttpClient>
        {
            [Reader.Anonymous] = f.Browser(),
            [Reader.User] = await f.SignedInAsync(await f.PersonAsync()),
            [Reader.Representative] = await f.SignedInAsync(representative),
            [Reader.OtherProcessAdmin] = await f.SignedInAsync(otherManager),
            [Reader.ProcessAdmin] = await f.SignedInAsync(manager),
            [Reader.SiteAdmin] = await f.SignedInAsync(await f.AdministratorAsync()),
        });
    }

    private static string Outcome(HttpResponseMessage r) => r.StatusCode switch
    {
        HttpStatusCode.OK => "ok",
        HttpStatusCode.NotFound => "404",
        HttpStatusCode.Redirect when r.Location().StartsWith("/account/login", StringComparison.Ordinal) => "login",
        HttpStatusCode.Redirect when r.Location().StartsWith("/account/access-denied", StringComparison.Ordinal) => "denied",
        HttpStatusCode.Redirect => "redirect",
        _ => ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    // Anonymous, user, representative, admin of another process, this process's admin, site admin.
    [Theory]
    [InlineData("/organizations", "ok ok ok ok ok ok")]
    [InlineData("/organizations/{org}", "ok ok ok ok ok ok")]
    [InlineData("/organizations/new", "login denied denied denied denied ok")]
    [InlineData("/organizations/{org}/edit", "login denied ok denied denied ok")]
    [InlineData("/admin/organizations", "login denied denied denied denied ok")]
    [InlineData("/processes/{process}/join", "ok ok ok ok ok ok")]
    [InlineData("/processes/{process}/join-requests", "login 404 404 404 ok ok")]
    [InlineData("/processes/{process}/organizations", "ok ok ok ok ok ok")]
    public async Task Page_EachReader_GetsWhatTheirRoleAllows(string path, string expected)
    {
        var world = await WorldAsync();
        var url = path.Replace("{org}", world.Organization.Slug, StringComparison.Ordinal)
            .Replace("{process}", world.Process.Slug, StringComparison.Ordinal);
        var outcomes = new List<string>();
        foreach (var reader in Enum.GetValues<Reader>())
            outcomes.Add(Outcome(await world.Clients[reader].GetAsync(url)));
        Assert.Equal(expected, string.Join(' ', outcomes));
    }

    [Fact]
    public async Task Handlers_EachReader_OnlyTheRightOnesChangeAnything()
    {
        var world = await WorldAsync();
        var join = $"/processes/{world.Process.Slug}/join";
        var review = $"/processes/{world.Process.Slug}/join-requests";
        var outcomes = new Dictionary<Reader, string>();
        await f.RepresentativeAsync(await f.OrganizationAsync(), await f.PersonAsync(), RepresentativeStatus.Pending);
        foreach (var reader in Enum.GetValues<Reader>())
        {
            var client = world.Clients[reader];
            var email = $"{reader}-{Guid.NewGuid():N}@example.org".ToLowerInvariant();
            var asked = await client.PostFormAsync(join, new Dictionary<string, string>
            {
                ["Input.OrganizationName"] = "Роли " + reader,
                ["Input.OrganizationKind"] = "Ngo",
                ["Input.Contribution"] = "Доброволци и зали за срещи.",
                ["Input.ContactName"] = "Контакт",
                ["Input.ContactEmail"] = email,
            });
            var id = await f.DbAsync(db => db.Set<JoinRequest>().Where(r => r.ContactEmail == email).Select(r => r.Id).SingleAsync());
            var accept = await client.PostFormAsync(join, new Dictionary<string, string>(), $"{review}?handler=Accept&id={id}");
            var decline = await client.PostFormAsync(join, new Dictionary<string, string> { ["Decline.Reason"] = "Не" }, $"{review}?handler=Decline&id={id}");
            var pending = await f.DbAsync(db => db.Set<OrganizationRepresentative>()
                .Where(r => r.Status == RepresentativeStatus.Pending).Select(r => r.Id).FirstOrDefaultAsync());
            var approve = pending == Guid.Empty ? "none" : Outcome(await client.PostFormAsync(join, new Dictionary<string, string>(), $"/admin/organizations?handler=Approve&id={pending}"));
            var status = await f.DbAsync(db => db.Set<JoinRequest>().Where(r => r.Id == id).Select(r => r.Status).SingleAsync());
            outcomes[reader] = $"{Outcome(asked)}/{Outcome(accept)}/{Outcome(decline)}/{status}/{approve}";
            // Each signed-in reader also asks to represent a fresh organisation, for the next reader's approval attempt.
            if (reader != Reader.Anonymous)
            {
                var target = await f.OrganizationAsync();
                var represent = await client.PostFormAsync(join, new Dictionary<string, string>(), $"/organizations/{target.Slug}?handler=Represent");
                Assert.Equal("redirect", Outcome(represent));
            }
        }
        Assert.Equal("redirect/login/login/Pending/login", outcomes[Reader.Anonymous]);
        Assert.Equal("redirect/404/404/Pending/denied", outcomes[Reader.User]);
        Assert.Equal("redirect/404/404/Pending/denied", outcomes[Reader.Representative]);
        Assert.Equal("redirect/404/404/Pending/denied", outcomes[Reader.OtherProcessAdmin]);
        Assert.Equal("redirect/redirect/redirect/Accepted/denied", outcomes[Reader.ProcessAdmin]);
        Assert.Equal("redirect/redirect/redirect/Accepted/redirect", outcomes[Reader.SiteAdmin]);
    }
}

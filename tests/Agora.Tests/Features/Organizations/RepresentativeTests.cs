using System.Net;
using Agora.Web.Features.Organizations;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Organizations;

public sealed class RepresentativeTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Fact]
    public async Task AskToRepresent_Anonymous_IsSentToSignIn()
    {
        var organization = await f.OrganizationAsync();
        var process = await f.ProcessAsync();
        var client = f.Browser();
        Assert.Contains("/account/login?returnUrl=", await client.HtmlAsync("/organizations/" + organization.Slug), StringComparison.Ordinal);
        // Any page's antiforgery token will do for the forged post.
        var response = await client.PostFormAsync($"/processes/{process.Slug}/join", new Dictionary<string, string>(), $"/organizations/{organization.Slug}?handler=Represent");
        Assert.StartsWith("/account/login", response.Location(), StringComparison.Ordinal);
        Assert.False(await f.DbAsync(db => db.Set<OrganizationRepresentative>().AnyAsync(r => r.OrganizationId == organization.Id)));
    }

    [Fact]
    public async Task AskToRepresent_Twice_IsRefusedAndTheUniqueIndexHolds()
    {
        var organization = await f.OrganizationAsync();
        var person = await f.PersonAsync();
        var client = await f.SignedInAsync(person);
        var url = "/organizations/" + organization.Slug;
        var first = await client.PostFormAsync(url, new Dictionary<string, string> { ["Represent.Note"] = "Председател" }, url + "?handler=Represent");
        Assert.Equal(url, first.Location());
        Assert.Contains("чака преглед", await client.HtmlAsync(url), StringComparison.Ordinal);

        // The form is gone now; a forged second post is refused with a message.
        var process = await f.ProcessAsync();
        var second = await client.PostFormAsync($"/processes/{process.Slug}/join", new Dictionary<string, string> { ["Represent.Note"] = "Отново" }, url + "?handler=Represent");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Вече сте изпратили заявка", await second.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await f.DbAsync(db => db.Set<OrganizationRepresentative>().CountAsync(r => r.OrganizationId == organization.Id)));

        await Assert.ThrowsAsync<DbUpdateException>(() => f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AgoraDb>();
            db.Add(new OrganizationRepresentative { OrganizationId = organization.Id, UserId = person.Id, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task AdminQueue_OnlySiteAdministrators()
    {
        Assert.StartsWith("/account/login", (await f.Browser().GetAsync("/admin/organizations")).Location(), StringComparison.Ordinal);
        var user = await f.PersonAsync();
        Assert.StartsWith("/account/access-denied", (await (await f.SignedInAsync(user)).GetAsync("/admin/organizations")).Location(), StringComparison.Ordinal);
        var representative = await f.PersonAsync();
        await f.RepresentativeAsync(await f.OrganizationAsync(), representative);
        Assert.StartsWith("/account/access-denied", (await (await f.SignedInAsync(representative)).GetAsync("/admin/organizations")).Location(), StringComparison.Ordinal);
        var processAdmin = await f.PersonAsync();
        await f.ProcessAsync(administrator: processAdmin);
        Assert.StartsWith("/account/access-denied", (await (await f.SignedInAsync(processAdmin)).GetAsync("/admin/organizations")).Location(), StringComparison.Ordinal);
        var moderator = await f.PersonAsync(role: Agora.Web.Infrastructure.Identity.Roles.Moderator, twoFactor: true);
        Assert.StartsWith("/account/access-denied", (await (await f.SignedInAsync(moderator)).GetAsync("/admin/organizations")).Location(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await (await f.SignedInAsync(await f.AdministratorAsync())).GetAsync("/admin/organizations")).StatusCode);
    }

    [Theory]
    [InlineData(true, "en", "You now represent")]
    [InlineData(false, "bg", "е отказана")]
    public async Task AdminDecision_TellsThePersonInTheirLanguage_AuditsAndGrantsEditing(bool approve, string culture, string subject)
    {
        var organization = await f.OrganizationAsync();
        var person = await f.PersonAsync(culture: culture);
        await f.RepresentativeAsync(organization, person, RepresentativeStatus.Pending);
        var id = await f.DbAsync(db => db.Set<OrganizationRepresentative>().Where(r => r.UserId == person.Id).Select(r => r.Id).SingleAsync());
        var admin = await f.SignedInAsync(await f.AdministratorAsync());
        Assert.Contains(person.Email!, await admin.HtmlAsync("/admin/organizations"), StringComparison.Ordinal);

        var response = await admin.PostFormAsync("/admin/organizations", new Dictionary<string, string>(),
            $"/admin/organizations?handler={(approve ? "Approve" : "Decline")}&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = await f.DbAsync(db => db.Set<OrganizationRepresentative>().AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(approve ? RepresentativeStatus.Approved : RepresentativeStatus.Declined, row.Status);
        Assert.NotNull(row.DecidedById);
        Assert.Contains(subject, (await f.LastTo(person.Email!)).Subject, StringComparison.Ordinal);
        var action = approve ? "organization.representative.approve" : "organization.representative.decline";
        Assert.True(await f.DbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == action && a.TargetId == organization.Id.ToString())));

        var edit = await (await f.SignedInAsync(person)).GetAsync($"/organizations/{organization.Slug}/edit");
        Assert.Equal(approve ? HttpStatusCode.OK : HttpStatusCode.Redirect, edit.StatusCode);
        var membership = await f.InScopeAsync(sp => sp.GetRequiredService<OrganizationMembership>().RepresentedIds(Principal(person.Id)).ToListAsync());
        Assert.Equal(approve, membership.Contains(organization.Id));
    }

    internal static System.Security.Claims.ClaimsPrincipal Principal(Guid id) =>
        new(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, id.ToString())], "test"));
}

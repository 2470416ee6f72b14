using System.Net;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Debates;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Proposals;

public sealed class DebateAndProfileTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Fact]
    public async Task Debate_AdministratorOpensPeopleCommentAdministratorCloses_CommentsRefusedAfter()
    {
        var admin = await f.PersonAsync();
        var process = await f.ProcessAsync(components: "debates", administrator: admin);
        var url = $"/processes/{process.Slug}/debates";
        var citizen = await f.SignedInAsync(await f.PersonAsync());
        Assert.DoesNotContain("Input.Title", await citizen.HtmlAsync(url), StringComparison.Ordinal);
        var refused = await citizen.PostFormAsync(url, new Dictionary<string, string>(), url);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);

        var client = await f.SignedInAsync(admin);
        var r = await client.PostFormAsync(url, new Dictionary<string, string> { ["Input.Title"] = "Как да подобрим услугите?", ["Input.Body"] = "Споделете идеи." });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var debateUrl = r.Location();
        var id = await f.DbAsync(db => db.Set<Debate>().Where(d => d.ProcessId == process.Id).Select(d => d.Id).SingleAsync());
        var c = await citizen.PostFormAsync(debateUrl, new Dictionary<string, string>
        {
            ["Input.TargetType"] = "debate",
            ["Input.TargetId"] = id.ToString(),
            ["Input.Body"] = "Повече обучения.",
            ["Input.Stance"] = "InFavour",
        }, "/comments/new");
        Assert.Equal(HttpStatusCode.Redirect, c.StatusCode);
        r = await client.PostFormAsync(debateUrl, new Dictionary<string, string> { ["Close.Conclusion"] = "Ще организираме обучения в читалищата." }, debateUrl + "?handler=close");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var page = await citizen.HtmlAsync(debateUrl);
        Assert.Contains("Ще организираме обучения", page, StringComparison.Ordinal);
        Assert.Contains("Повече обучения.", page, StringComparison.Ordinal);
        Assert.Contains("приключен", page, StringComparison.Ordinal);
        await citizen.PostFormAsync(debateUrl, new Dictionary<string, string>
        {
            ["Input.TargetType"] = "debate",
            ["Input.TargetId"] = id.ToString(),
            ["Input.Body"] = "Късен коментар",
            ["Input.Stance"] = "Neutral",
        }, "/comments/new");
        Assert.Equal(1, await f.DbAsync(db => db.Set<Comment>().CountAsync(x => x.TargetId == id)));
        Assert.Equal(1, await f.DbAsync(db => db.Set<Debate>().Where(d => d.Id == id).Select(d => d.CommentCount).SingleAsync()));
    }

    [Fact]
    public async Task Profile_ShowsPublicProposalsAndComments_NotHiddenOnes()
    {
        var process = await f.ProposalProcessAsync();
        var person = await f.PersonAsync();
        var shown = await f.ProposalAsync(process, person, "Видимо предложение на човека");
        var hidden = await f.ProposalAsync(process, person, "Скрито предложение на човека");
        await f.DbAsync(async db =>
        {
            var h = await db.Set<Agora.Web.Features.Proposals.Proposal>().SingleAsync(p => p.Id == hidden.Id);
            h.HiddenAt = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        await f.CommentsAsync(shown.Id, person, 1);
        var page = await f.Browser().HtmlAsync($"/people/{person.Id}");
        Assert.True(page.Contains("Видимо предложение на човека", StringComparison.Ordinal), page[page.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.DoesNotContain("Скрито предложение на човека", page, StringComparison.Ordinal);
        Assert.True(page.Contains("Коментар 0", StringComparison.Ordinal), page[page.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync($"/people/{Guid.NewGuid()}")).StatusCode);
    }
}

using System.Net;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Notifications;
using Agora.Web.Features.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Proposals;

public sealed class CommentTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private static Dictionary<string, string> Comment(Guid target, string body, string stance = "InFavour", Guid? parent = null)
    {
        var d = new Dictionary<string, string>
        {
            ["Input.TargetType"] = "proposal",
            ["Input.TargetId"] = target.ToString(),
            ["Input.Body"] = body,
            ["Input.Stance"] = stance,
        };
        if (parent != null)
            d["Input.ParentId"] = parent.Value.ToString();
        return d;
    }

    [Fact]
    public async Task Comment_WithStanceAndReply_IsShownCountedAndAuthorTold()
    {
        var process = await f.ProposalProcessAsync();
        var author = await f.PersonAsync();
        var p = await f.ProposalAsync(process, author);
        var url = ProposalTestData.Url(process, p.Id);
        var commenter = await f.PersonAsync();
        var client = await f.SignedInAsync(commenter);
        var r = await client.PostFormAsync(url, Comment(p.Id, "Силно подкрепям *това*."), "/comments/new");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var first = await f.DbAsync(db => db.Set<Comment>().SingleAsync(c => c.TargetId == p.Id));
        var authorClient = await f.SignedInAsync(author);
        r = await authorClient.PostFormAsync(url, Comment(p.Id, "Благодаря!", "Neutral", first.Id), "/comments/new");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var page = await f.Browser().HtmlAsync(url);
        Assert.Contains("<em>това</em>", page, StringComparison.Ordinal);
        Assert.Contains("Благодаря!", page, StringComparison.Ordinal);
        Assert.Contains("comment depth-2", page, StringComparison.Ordinal);
        Assert.Equal(2, await f.DbAsync(db => db.Set<Proposal>().Where(x => x.Id == p.Id).Select(x => x.CommentCount).SingleAsync()));
        Assert.True(await f.DbAsync(db => db.Set<Notification>().AnyAsync(n => n.UserId == author.Id && n.Kind == NotificationKind.Reply)));
        Assert.True(await f.DbAsync(db => db.Set<Notification>().AnyAsync(n => n.UserId == commenter.Id && n.TextKey == "Notifications.Text.Reply")));
    }

    [Fact]
    public async Task Comment_PhaseForbids_IsRefusedWithReasonAndTextKept()
    {
        var process = await f.ProposalProcessAsync(commenting: true);
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        var client = await f.SignedInAsync(await f.PersonAsync());
        var url = ProposalTestData.Url(process, p.Id);
        var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        await f.SwitchesAsync(process, true, true, false);
        var fields = new Dictionary<string, string>(Comment(p.Id, "Моят изгубен коментар")) { ["__RequestVerificationToken"] = Http.Token(html) };
        var r = await client.PostAsync("/comments/new", new FormUrlEncodedContent(fields));
        var text = await r.TextAsync();
        Assert.Contains("коментарите са затворени", text, StringComparison.Ordinal);
        Assert.Contains("Моят изгубен коментар", text, StringComparison.Ordinal);
        Assert.Equal(0, await f.DbAsync(db => db.Set<Comment>().CountAsync(c => c.TargetId == p.Id)));
    }

    [Fact]
    public async Task Comment_TooDeep_IsRefused()
    {
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        var client = await f.SignedInAsync(await f.PersonAsync());
        var url = ProposalTestData.Url(process, p.Id);
        Guid? parent = null;
        for (var depth = 1; depth <= 4; depth++)
        {
            await client.PostFormAsync(url, Comment(p.Id, "Ниво " + depth, parent: parent), "/comments/new");
            parent = await f.DbAsync(db => db.Set<Comment>().Where(c => c.TargetId == p.Id).OrderByDescending(c => c.Depth).Select(c => (Guid?)c.Id).FirstAsync());
        }
        Assert.Equal(3, await f.DbAsync(db => db.Set<Comment>().MaxAsync(c => c.TargetId == p.Id ? c.Depth : 0)));
        Assert.Equal(3, await f.DbAsync(db => db.Set<Comment>().CountAsync(c => c.TargetId == p.Id)));
    }

    [Fact]
    public async Task Vote_TwiceAndInParallel_CountsOncePerPerson()
    {
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        var author = await f.PersonAsync();
        await f.CommentsAsync(p.Id, author, 1);
        var commentId = await f.DbAsync(db => db.Set<Comment>().Where(c => c.TargetId == p.Id && c.Depth == 1).Select(c => c.Id).SingleAsync());
        var client = await f.SignedInAsync(await f.PersonAsync());
        var html = await (await client.GetAsync(ProposalTestData.Url(process, p.Id))).Content.ReadAsStringAsync();
        var token = Http.Token(html);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsync($"/comments/{commentId}?handler=vote",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["value"] = "1" }))));
        var votes = await f.DbAsync(db => db.Set<CommentVote>().CountAsync(v => v.CommentId == commentId));
        Assert.True(votes <= 1);
        var up = await f.DbAsync(db => db.Set<Comment>().Where(c => c.Id == commentId).Select(c => c.Upvotes).SingleAsync());
        Assert.Equal(votes, up);
        // Voting down replaces the vote.
        await client.PostAsync($"/comments/{commentId}?handler=vote",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["value"] = "-1" }));
        var after = await f.DbAsync(db => db.Set<Comment>().Where(c => c.Id == commentId).Select(c => new { c.Upvotes, c.Downvotes }).SingleAsync());
        Assert.Equal(0, after.Upvotes);
        Assert.True(after.Downvotes <= 1);
    }

    [Fact]
    public async Task VotesAndComments_OfManyPeopleAtOnce_StoredCountsEqualTheRows()
    {
        // Each person's vote and comment is recounted in its own transaction; on PostgreSQL two recounts at once could
        // each see only their own row (two votes, a tally of one) until the counter lock queued them.
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        await f.CommentsAsync(p.Id, await f.PersonAsync(), 1);
        var commentId = await f.DbAsync(db => db.Set<Comment>().Where(c => c.TargetId == p.Id && c.Depth == 1).Select(c => c.Id).SingleAsync());
        var before = await f.DbAsync(db => db.Set<Comment>().CountAsync(c => c.TargetId == p.Id));
        var url = ProposalTestData.Url(process, p.Id);
        var people = new List<(HttpClient Client, string Token)>();
        for (var i = 0; i < 10; i++)
        {
            var client = await f.SignedInAsync(await f.PersonAsync());
            people.Add((client, Http.Token(await (await client.GetAsync(url)).Content.ReadAsStringAsync())));
        }
        var responses = await Task.WhenAll(people.SelectMany((person, i) => new[]
        {
            person.Client.PostAsync($"/comments/{commentId}?handler=vote", new FormUrlEncodedContent(new Dictionary<string, string>
                { ["__RequestVerificationToken"] = person.Token, ["value"] = i % 3 == 0 ? "-1" : "1" })),
            person.Client.PostAsync("/comments/new", new FormUrlEncodedContent(new Dictionary<string, string>(Comment(p.Id, "Мнение " + i))
                { ["__RequestVerificationToken"] = person.Token })),
        }));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, r.StatusCode.ToString()));
        var tallies = await f.DbAsync(db => db.Set<Comment>().Where(c => c.Id == commentId).Select(c => new { c.Upvotes, c.Downvotes }).SingleAsync());
        Assert.Equal(6, tallies.Upvotes);
        Assert.Equal(4, tallies.Downvotes);
        Assert.Equal(10, await f.DbAsync(db => db.Set<CommentVote>().CountAsync(v => v.CommentId == commentId)));
        var rows = await f.DbAsync(db => db.Set<Comment>().CountAsync(c => c.TargetId == p.Id));
        Assert.Equal(before + 10, rows);
        Assert.Equal(rows, await f.DbAsync(db => db.Set<Proposal>().Where(x => x.Id == p.Id).Select(x => x.CommentCount).SingleAsync()));
    }

    [Fact]
    public async Task EditAndDelete_OwnComment_MarkedEditedThenDeleted_OthersForbidden()
    {
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        var me = await f.PersonAsync();
        var client = await f.SignedInAsync(me);
        var url = ProposalTestData.Url(process, p.Id);
        await client.PostFormAsync(url, Comment(p.Id, "Първоначален текст"), "/comments/new");
        var id = await f.DbAsync(db => db.Set<Comment>().Where(c => c.TargetId == p.Id).Select(c => c.Id).SingleAsync());
        var other = await f.SignedInAsync(await f.PersonAsync());
        Assert.StartsWith("/account/access-denied", (await other.GetAsync($"/comments/{id}/edit")).Location(), StringComparison.Ordinal);
        await client.PostFormAsync($"/comments/{id}/edit", new Dictionary<string, string> { ["Input.Body"] = "Поправен текст" });
        var page = await f.Browser().HtmlAsync(url);
        Assert.Contains("Поправен текст", page, StringComparison.Ordinal);
        Assert.Contains("редактиран", page, StringComparison.Ordinal);
        await client.PostFormAsync($"/comments/{id}/edit", new Dictionary<string, string>(), $"/comments/{id}/edit?handler=delete");
        page = await f.Browser().HtmlAsync(url);
        Assert.DoesNotContain("Поправен текст", page, StringComparison.Ordinal);
        Assert.Contains("Изтрит коментар", page, StringComparison.Ordinal);
        Assert.Equal(0, await f.DbAsync(db => db.Set<Proposal>().Where(x => x.Id == p.Id).Select(x => x.CommentCount).SingleAsync()));
    }

    [Fact]
    public async Task ProposalPage_QueryCount_StaysFixedFrom10To500Comments()
    {
        var process = await f.ProposalProcessAsync();
        var author = await f.PersonAsync();
        var small = await f.ProposalAsync(process, author);
        var large = await f.ProposalAsync(process, author);
        await f.CommentsAsync(small.Id, author, 5);
        await f.CommentsAsync(large.Id, author, 500);
        var client = await f.SignedInAsync(await f.PersonAsync());
        await client.GetAsync(ProposalTestData.Url(process, small.Id)); // warm up
        f.Queries.Reset();
        await client.GetAsync(ProposalTestData.Url(process, small.Id));
        var few = f.Queries.Count;
        f.Queries.Reset();
        var started = DateTime.UtcNow;
        var html = await client.HtmlAsync(ProposalTestData.Url(process, large.Id));
        Assert.Equal(few, f.Queries.Count);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        Assert.Contains("Коментар 0", html, StringComparison.Ordinal);
        Assert.Contains("Отговор 0", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Коментар 499", html, StringComparison.Ordinal);
        var last = await client.HtmlAsync(ProposalTestData.Url(process, large.Id) + "?page=10");
        Assert.Contains("Коментар 499", last, StringComparison.Ordinal);
    }
}

using System.Net;
using Agora.Tests.Features.Conversations;
using Agora.Tests.Features.Proposals;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Conversations;
using Agora.Web.Features.Proposals;
using Agora.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Security;

/// <summary>Direction controls in names and titles; malformed votes.</summary>
public sealed class InputHygieneTests(ConversationsFactory f) : IClassFixture<ConversationsFactory>
{
    private const string Rlo = "\u202E";

    private static readonly string[] Controls = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"];

    [Fact]
    public void Every_direction_control_is_stripped_and_other_text_kept()
    {
        foreach (var c in Controls)
            Assert.Equal("abc", PlainText.StripBidiControls("a" + c + "b" + c + c + "c"));
        var plain = "Обикновен текст, ‘кавички’ — и тире";
        Assert.Same(plain, PlainText.StripBidiControls(plain));
        Assert.Null(PlainText.StripBidiControls(null));
    }

    [Fact]
    public async Task Proposal_title_and_body_lose_direction_controls()
    {
        var process = await f.ProposalProcessAsync();
        var client = await f.SignedInAsync(await f.PersonAsync());
        var title = "Нов парк " + Rlo + "gpj.exe" + string.Concat(Controls) + " в Младост";
        var response = await client.PostFormAsync(ProposalTestData.Url(process) + "/new", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Body"] = "Подробно " + Rlo + "описание на предложението с повече от трийсет знака.",
            ["Input.District"] = "mladost",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await f.DbAsync(db => db.Set<Proposal>().SingleAsync(p => p.ProcessId == process.Id));
        Assert.Equal("Нов парк gpj.exe в Младост", stored.Title);
        Assert.False(PlainText.HasBidiControls(stored.Body));
    }

    [Fact]
    public async Task Display_name_loses_direction_controls()
    {
        var person = await f.PersonAsync();
        var client = await f.SignedInAsync(person);
        var response = await client.PostFormAsync("/account/manage", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Иван " + Rlo + "вонатеП",
            ["Input.PreferredCulture"] = "bg",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Иван вонатеП", await f.DbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task A_title_of_only_direction_controls_is_an_empty_title()
    {
        var process = await f.ProposalProcessAsync();
        var client = await f.SignedInAsync(await f.PersonAsync());
        var response = await client.PostFormAsync(ProposalTestData.Url(process) + "/new", new Dictionary<string, string>
        {
            ["Input.Title"] = string.Concat(Controls),
            ["Input.Body"] = "Подробно описание на предложението с повече от трийсет знака.",
            ["Input.District"] = "mladost",
        });
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await f.DbAsync(db => db.Set<Proposal>().AnyAsync(p => p.ProcessId == process.Id)));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("-2")]
    [InlineData("1.0")]
    [InlineData("9999999999")]
    [InlineData(null)]
    public async Task A_malformed_opinion_map_vote_is_refused_and_stores_nothing(string? value)
    {
        var p = await f.ProcessAsync(components: "conversations");
        var c = await f.ConversationAsync(p, statements: ["Твърдение."]);
        var statement = await f.DbAsync(db => db.Set<Statement>().SingleAsync(s => s.ConversationId == c.Id));
        var client = await f.SignedInAsync(await f.PersonAsync());
        var fields = new Dictionary<string, string> { ["statementId"] = statement.Id.ToString() };
        if (value != null)
            fields["value"] = value;
        var response = await client.PostFormAsync(ConversationTestKit.Url(p, c), fields, ConversationTestKit.Url(p, c) + "?handler=Vote");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Заявката е невалидна", await response.TextAsync(), StringComparison.Ordinal);
        Assert.False(await f.DbAsync(db => db.Set<StatementVote>().AnyAsync(v => v.StatementId == statement.Id)));
        var stored = await f.DbAsync(db => db.Set<Statement>().AsNoTracking().SingleAsync(s => s.Id == statement.Id));
        Assert.Equal((0, 0, 0), (stored.AgreeCount, stored.DisagreeCount, stored.PassCount));

        // The three real answers still count.
        Assert.Equal(HttpStatusCode.Redirect, (await client.VoteAsync(p, c, statement.Id, 0)).StatusCode);
        Assert.Equal(0, await f.DbAsync(db => db.Set<StatementVote>().Where(v => v.StatementId == statement.Id).Select(v => v.Value).SingleAsync()));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_malformed_comment_vote_is_refused_and_keeps_the_persons_vote(string? value)
    {
        var process = await f.ProposalProcessAsync();
        var author = await f.PersonAsync();
        var proposal = await f.ProposalAsync(process, author);
        var comment = new Comment { TargetType = ProposalCommentTarget.TypeName, TargetId = proposal.Id, AuthorId = author.Id, Body = "Коментар", Depth = 1, CreatedAt = DateTime.UtcNow };
        comment.RootId = comment.Id;
        await f.DbAsync(async db =>
        {
            db.Add(comment);
            return await db.SaveChangesAsync();
        });
        var client = await f.SignedInAsync(await f.PersonAsync());
        var page = ProposalTestData.Url(process, proposal.Id);
        var url = $"/comments/{comment.Id}?handler=vote";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(page, new Dictionary<string, string> { ["value"] = "1" }, url)).StatusCode);

        var fields = new Dictionary<string, string>();
        if (value != null)
            fields["value"] = value;
        var response = await client.PostFormAsync(page, fields, url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, await f.DbAsync(db => db.Set<CommentVote>().Where(v => v.CommentId == comment.Id).Select(v => v.Value).SingleAsync()));
    }
}

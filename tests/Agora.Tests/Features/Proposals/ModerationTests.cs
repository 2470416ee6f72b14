using System.Net;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Moderation;
using Agora.Web.Features.Notifications;
using Agora.Web.Features.Proposals;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Proposals;

public sealed class ModerationTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private async Task ReportAsync(string type, Guid id, string reason = "Spam")
    {
        var client = await f.SignedInAsync(await f.PersonAsync());
        var r = await client.PostFormAsync($"/report/{type}/{id}", new Dictionary<string, string> { ["Input.Reason"] = reason });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
    }

    [Fact]
    public async Task Reports_ReachLimit_HideProposalFromListAndCounts()
    {
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync(), "Спам предложение за скриване");
        for (var i = 0; i < 3; i++)
            await ReportAsync("proposal", p.Id);
        var list = await f.Browser().HtmlAsync(ProposalTestData.Url(process));
        Assert.DoesNotContain("Спам предложение за скриване", list, StringComparison.Ordinal);
        var page = await f.Browser().HtmlAsync(ProposalTestData.Url(process, p.Id));
        Assert.DoesNotContain("Спам предложение за скриване", page, StringComparison.Ordinal);
        Assert.Contains("очаква преглед", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_WithoutReason_IsRefusedAndSameReporterCountsOnce()
    {
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        var client = await f.SignedInAsync(await f.PersonAsync());
        var r = await client.PostFormAsync($"/report/proposal/{p.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var refused = await r.TextAsync();
        var main = refused[refused.IndexOf("<main", StringComparison.Ordinal)..];
        Assert.True(main.Contains("aria-invalid", StringComparison.Ordinal), main);
        for (var i = 0; i < 3; i++)
            await client.PostFormAsync($"/report/proposal/{p.Id}", new Dictionary<string, string> { ["Input.Reason"] = "Offensive" });
        Assert.Equal(1, await f.DbAsync(db => db.Set<Report>().CountAsync(x => x.TargetId == p.Id)));
        Assert.Null(await f.DbAsync(db => db.Set<Proposal>().Where(x => x.Id == p.Id).Select(x => x.HiddenAt).SingleAsync()));
    }

    [Fact]
    public async Task Moderator_HidesCommentWithReason_ShownInPlaceAuthorToldAudited_ThenRestores()
    {
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        var author = await f.PersonAsync();
        await f.CommentsAsync(p.Id, author, 1);
        var commentId = await f.DbAsync(db => db.Set<Comment>().Where(c => c.TargetId == p.Id && c.Depth == 1).Select(c => c.Id).SingleAsync());
        await ReportAsync("comment", commentId, "Offensive");
        var moderator = await f.SignedInAsync(await f.PersonAsync(role: Roles.Moderator, twoFactor: true));
        var queue = await moderator.HtmlAsync("/admin/moderation");
        Assert.Contains("Коментар 0", queue, StringComparison.Ordinal);
        var r = await moderator.PostFormAsync("/admin/moderation", new Dictionary<string, string>
        {
            ["type"] = "comment",
            ["id"] = commentId.ToString(),
            ["hide"] = "true",
            ["reason"] = "Обиден език",
        }, "/admin/moderation?handler=decide");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var page = await f.Browser().HtmlAsync(ProposalTestData.Url(process, p.Id));
        Assert.DoesNotContain("Коментар 0", page, StringComparison.Ordinal);
        Assert.Contains("Обиден език", page, StringComparison.Ordinal);
        Assert.True(await f.DbAsync(db => db.Set<Notification>().AnyAsync(n => n.UserId == author.Id && n.Kind == NotificationKind.Moderated)));
        Assert.True(await f.DbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "moderation.hide" && a.TargetId == commentId.ToString())));
        Assert.Equal(1, await f.DbAsync(db => db.Set<Proposal>().Where(x => x.Id == p.Id).Select(x => x.CommentCount).SingleAsync()));
        Assert.DoesNotContain("Коментар 0", await moderator.HtmlAsync("/admin/moderation"), StringComparison.Ordinal);

        await ReportAsync("proposal", p.Id);
        await moderator.PostFormAsync("/admin/moderation", new Dictionary<string, string>
        {
            ["type"] = "proposal",
            ["id"] = p.Id.ToString(),
            ["hide"] = "false",
            ["reason"] = "Няма нарушение",
        }, "/admin/moderation?handler=decide");
        Assert.True(await f.DbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "moderation.restore")));
    }

    [Fact]
    public async Task Queue_PlainPerson_IsDenied()
    {
        var client = await f.SignedInAsync(await f.PersonAsync());
        var r = await client.GetAsync("/admin/moderation");
        Assert.StartsWith("/account/access-denied", r.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moderator_BlocksAuthor_WhoCannotActAnymore()
    {
        var process = await f.ProposalProcessAsync();
        var author = await f.PersonAsync();
        var p = await f.ProposalAsync(process, author);
        await ReportAsync("proposal", p.Id);
        var moderator = await f.SignedInAsync(await f.PersonAsync(role: Roles.Moderator, twoFactor: true));
        var r = await moderator.PostFormAsync("/admin/moderation", new Dictionary<string, string>
        {
            ["userId"] = author.Id.ToString(),
            ["reason"] = "Спам",
        }, "/admin/moderation?handler=block");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.NotNull(await f.DbAsync(db => db.Users.Where(u => u.Id == author.Id).Select(u => u.BlockedAt).SingleAsync()));
        Assert.True(await f.DbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "user.block" && a.TargetId == author.Id.ToString())));
    }

    [Fact]
    public async Task Moderator_BlockingAnAdministrator_IsForbiddenAndChangesNothing()
    {
        var admin = await f.PersonAsync(role: Roles.Administrator, twoFactor: true);
        var moderator = await f.SignedInAsync(await f.PersonAsync(role: Roles.Moderator, twoFactor: true));
        var r = await moderator.PostFormAsync("/admin/moderation", new Dictionary<string, string>
        {
            ["userId"] = admin.Id.ToString(),
            ["reason"] = "Опит за превземане",
        }, "/admin/moderation?handler=block");
        Assert.StartsWith("/account/access-denied", r.Location(), StringComparison.Ordinal);
        Assert.Null(await f.DbAsync(db => db.Users.Where(u => u.Id == admin.Id).Select(u => u.BlockedAt).SingleAsync()));
    }
}

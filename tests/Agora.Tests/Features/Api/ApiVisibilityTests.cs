using System.Net;
using Agora.Tests.Features.Proposals;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Debates;
using Agora.Web.Features.Events;
using Agora.Web.Features.Learning;
using Agora.Web.Features.News;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Api;

/// <summary>The API shows what an anonymous visitor of the pages sees, and nothing else.</summary>
public sealed class ApiVisibilityTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    private async Task<T> AddAsync<T>(T entity) where T : class =>
        await f.DbAsync(async db =>
        {
            db.Add(entity);
            await db.SaveChangesAsync();
            return entity;
        });

    private async Task<Comment> CommentAsync(string type, Guid target, AgoraUser author, string body, DateTime? deleted = null, DateTime? hidden = null)
    {
        var c = new Comment
        {
            TargetType = type,
            TargetId = target,
            AuthorId = author.Id,
            Body = body,
            Depth = 1,
            CreatedAt = DateTime.UtcNow,
            DeletedAt = deleted,
            HiddenAt = hidden,
            HiddenReason = hidden == null ? null : "Спам",
        };
        c.RootId = c.Id;
        return await AddAsync(c);
    }

    [Fact]
    public async Task DraftProcess_AndEverythingInIt_NeverAppear()
    {
        var author = await f.PersonAsync();
        var draft = await f.ProcessAsync(published: false, components: "proposals,debates,events,news");
        var proposal = await f.ProposalAsync(draft, author, "Предложение в чернова");
        var comment = await CommentAsync("proposal", proposal.Id, author, "Коментар в чернова");
        var debate = await AddAsync(new Debate { ProcessId = draft.Id, AuthorId = author.Id, Title = "Дебат в чернова", Body = "Текст", CreatedAt = DateTime.UtcNow });
        var ev = await AddAsync(new Event
        {
            ProcessId = draft.Id,
            Title = new("Среща", "Meeting"),
            Published = true,
            StartsAt = DateTime.UtcNow.AddDays(3),
            EndsAt = DateTime.UtcNow.AddDays(3).AddHours(2),
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        });
        var news = await AddAsync(new NewsPost
        {
            Slug = Unique("news"),
            ProcessId = draft.Id,
            Title = new("Новина", "News"),
            Published = true,
            PublishedAt = DateTime.UtcNow,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        });
        var api = f.Anonymous();

        Assert.DoesNotContain(draft.Id.ToString(), (await api.AllAsync("/api/v1/processes?limit=100")).Ids());
        await api.ProblemAsync($"/api/v1/processes/{draft.Id}", HttpStatusCode.NotFound, "process");
        foreach (var (kind, id) in new[] { ("proposals", proposal.Id), ("comments", comment.Id), ("debates", debate.Id), ("events", ev.Id), ("news", news.Id) })
        {
            Assert.DoesNotContain(id.ToString(), (await api.AllAsync($"/api/v1/{kind}?limit=100")).Ids());
            await api.ProblemAsync($"/api/v1/{kind}/{id}", HttpStatusCode.NotFound, "No public");
            // The slug of an unpublished process is "not found", as its pages are.
            await api.ProblemAsync($"/api/v1/{kind}?process={draft.Slug}", HttpStatusCode.NotFound, draft.Slug);
        }

        // Published, the same things appear.
        await f.DbAsync(async db =>
        {
            var p = await db.Set<Process>().SingleAsync(x => x.Id == draft.Id);
            p.Published = true;
            return await db.SaveChangesAsync();
        });
        foreach (var (kind, id) in new[] { ("proposals", proposal.Id), ("comments", comment.Id), ("debates", debate.Id), ("events", ev.Id), ("news", news.Id) })
            Assert.Equal([id.ToString()], (await api.AllAsync($"/api/v1/{kind}?process={draft.Slug}")).Ids());
        await api.JsonAsync($"/api/v1/processes/{draft.Id}");
    }

    [Fact]
    public async Task HiddenProposal_AndItsComments_NeverAppear_WithdrawnOnlyAsThePageShowsIt()
    {
        var author = await f.PersonAsync();
        var process = await f.ProposalProcessAsync();
        var shown = await f.ProposalAsync(process, author, "Видимо предложение");
        var hidden = await f.ProposalAsync(process, author, "Скрито предложение");
        var withdrawn = await f.ProposalAsync(process, author, "Оттеглено предложение");
        await f.DbAsync(async db =>
        {
            (await db.Set<Proposal>().SingleAsync(p => p.Id == hidden.Id)).HiddenAt = DateTime.UtcNow;
            (await db.Set<Proposal>().SingleAsync(p => p.Id == withdrawn.Id)).State = ProposalState.Withdrawn;
            return await db.SaveChangesAsync();
        });
        var onHidden = await CommentAsync("proposal", hidden.Id, author, "Коментар под скрито");
        var visible = await CommentAsync("proposal", shown.Id, author, "Видим коментар");
        var deleted = await CommentAsync("proposal", shown.Id, author, "Изтрит коментар", deleted: DateTime.UtcNow);
        var moderated = await CommentAsync("proposal", shown.Id, author, "Скрит коментар", hidden: DateTime.UtcNow);
        var api = f.Anonymous();

        Assert.Equal([shown.Id.ToString()], (await api.AllAsync($"/api/v1/proposals?process={process.Slug}")).Ids());
        Assert.Equal([withdrawn.Id.ToString()], (await api.AllAsync($"/api/v1/proposals?process={process.Slug}&state=withdrawn")).Ids());
        Assert.Equal("withdrawn", (await api.JsonAsync($"/api/v1/proposals/{withdrawn.Id}")).GetProperty("state").GetString());
        await api.ProblemAsync($"/api/v1/proposals/{hidden.Id}", HttpStatusCode.NotFound, "proposal");

        var comments = await api.AllAsync($"/api/v1/comments?process={process.Slug}");
        Assert.Equal([visible.Id.ToString()], comments.Ids());
        Assert.Equal(author.DisplayName, comments[0].GetProperty("author").GetString());
        Assert.DoesNotContain(author.Email!, comments[0].GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(author.Id.ToString(), comments[0].GetRawText(), StringComparison.OrdinalIgnoreCase);
        foreach (var gone in new[] { onHidden, deleted, moderated })
            await api.ProblemAsync($"/api/v1/comments/{gone.Id}", HttpStatusCode.NotFound, "comment");
        Assert.Empty(await api.AllAsync($"/api/v1/comments?proposal={hidden.Id}"));
        Assert.Equal([visible.Id.ToString()], (await api.AllAsync($"/api/v1/comments?proposal={shown.Id}")).Ids());
    }

    [Fact]
    public async Task ProposalsOfAProcessWithoutTheComponent_AndHiddenDebates_NeverAppear()
    {
        var author = await f.PersonAsync();
        var process = await f.ProcessAsync(components: "events");
        var proposal = await f.ProposalAsync(process, author);
        var debates = await f.ProcessAsync(components: "debates");
        var hiddenDebate = await AddAsync(new Debate
        {
            ProcessId = debates.Id,
            AuthorId = author.Id,
            Title = "Скрит дебат",
            Body = "Текст",
            CreatedAt = DateTime.UtcNow,
            HiddenAt = DateTime.UtcNow,
        });
        var api = f.Anonymous();
        Assert.Empty(await api.AllAsync($"/api/v1/proposals?process={process.Slug}"));
        await api.ProblemAsync($"/api/v1/proposals/{proposal.Id}", HttpStatusCode.NotFound, "proposal");
        Assert.Empty(await api.AllAsync($"/api/v1/debates?process={debates.Slug}"));
        await api.ProblemAsync($"/api/v1/debates/{hiddenDebate.Id}", HttpStatusCode.NotFound, "debate");
    }

    [Fact]
    public async Task UnlistedOrganisations_DraftEventsAndNews_UnpublishedGuidesAndCourses_NeverAppear()
    {
        var unlisted = await AddAsync(new Organization
        {
            Slug = Unique("org"),
            Name = new("Нова организация", "New organisation"),
            Listed = false,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        });
        var listed = await AddAsync(new Organization
        {
            Slug = Unique("org"),
            Name = new("Видима организация", "Listed organisation"),
            Listed = true,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        });
        var draftEvent = await AddAsync(new Event
        {
            Title = new("Чернова", "Draft"),
            Published = false,
            StartsAt = DateTime.UtcNow.AddDays(3),
            EndsAt = DateTime.UtcNow.AddDays(3).AddHours(1),
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            MeetingUrl = "https://meet.example/secret",
        });
        var publicEvent = await AddAsync(new Event
        {
            Title = new("Среща", "Meeting"),
            Published = true,
            StartsAt = DateTime.UtcNow.AddDays(3),
            EndsAt = DateTime.UtcNow.AddDays(3).AddHours(1),
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            MeetingUrl = "https://meet.example/secret",
            Format = EventFormat.Online,
        });
        var draftNews = await AddAsync(new NewsPost
        {
            Slug = Unique("news"),
            Title = new("Чернова", "Draft"),
            Published = false,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        });
        var guide = await AddAsync(new Guide
        {
            Slug = Unique("guide"),
            Title = new("Ръководство", "Guide"),
            Published = false,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        });
        var course = await AddAsync(new Course
        {
            Slug = Unique("course"),
            Title = new("Курс", "Course"),
            Published = false,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        });
        var api = f.Anonymous();
        foreach (var (kind, id) in new[] { ("organizations", unlisted.Id), ("events", draftEvent.Id), ("news", draftNews.Id), ("guides", guide.Id), ("courses", course.Id) })
        {
            Assert.DoesNotContain(id.ToString(), (await api.AllAsync($"/api/v1/{kind}?limit=100")).Ids());
            await api.ProblemAsync($"/api/v1/{kind}/{id}", HttpStatusCode.NotFound, "No public");
        }
        Assert.Equal("Listed organisation", (await api.JsonAsync($"/api/v1/organizations/{listed.Id}")).GetProperty("name").GetProperty("en").GetString());
        // The meeting link is for registered people only, as on the event's page.
        var ev = await api.JsonAsync($"/api/v1/events/{publicEvent.Id}");
        Assert.DoesNotContain("meet.example", ev.GetRawText(), StringComparison.Ordinal);

        // A signed-in administrator's cookies change nothing: the API shows the public view.
        var (admin, _, client) = await Builders.SoloAdministratorAsync();
        await using (admin)
        {
            var o = await admin.DbAsync(async db =>
            {
                var x = new Organization { Slug = Unique("org"), Name = new("Скрита", "Hidden"), Listed = false, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
                db.Add(x);
                await db.SaveChangesAsync();
                return x;
            });
            var r = await client.GetAsync(new Uri($"/api/v1/organizations/{o.Id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        }
    }
}

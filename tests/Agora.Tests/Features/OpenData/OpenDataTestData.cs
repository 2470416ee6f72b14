using Agora.Web.Features.Comments;
using Agora.Web.Features.Debates;
using Agora.Web.Features.Events;
using Agora.Web.Features.Learning;
using Agora.Web.Features.News;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.OpenData;

/// <summary>Public content next to every kind of content that must stay out of open data, feeds and the sitemap.</summary>
public sealed record OpenDataWorld(AgoraUser Author, Process Open, Process Draft, Proposal Visible, Proposal Hidden, Proposal Answered,
    Proposal InDraftProcess, Debate VisibleDebate, Debate HiddenDebate, Comment VisibleComment, Organization Listed, Organization Unlisted,
    Event PublicEvent, Event DraftEvent, Event DraftProcessEvent, NewsPost PublicNews, NewsPost DraftNews, Guide Guide, Guide DraftGuide);

public static class OpenDataTestData
{
    public static async Task<OpenDataWorld> WorldAsync(this AgoraFactory f)
    {
        var author = await f.PersonAsync(email: $"author{Guid.NewGuid():N}@example.bg");
        var open = await f.ProcessAsync(components: "events,news,proposals,debates", title: "Отворен процес");
        var draft = await f.ProcessAsync(published: false, components: "events,news,proposals,debates", title: "Чернова на процес");
        var now = DateTime.UtcNow;
        var n = Guid.NewGuid().ToString("N")[..6]; // each world's titles are its own: tests share a factory
        Proposal P(Process p, string title, DateTime? hidden = null, string? answer = null) => new()
        {
            ProcessId = p.Id,
            AuthorId = author.Id,
            Title = title,
            Body = "Текст на " + title,
            CreatedAt = now.AddMinutes(-10),
            UpdatedAt = now.AddMinutes(-10),
            HiddenAt = hidden,
            HiddenReason = hidden != null ? "спам" : null,
            AnswerText = answer,
            AnsweredAt = answer != null ? now : null,
            State = answer != null ? ProposalState.Accepted : ProposalState.Published,
            SupportCount = 3,
        };
        var visible = P(open, "Видимо предложение " + n);
        var hidden = P(open, "Скрито предложение " + n, hidden: now);
        var answered = P(open, "Отговорено предложение " + n, answer: "Приемаме **предложението**.");
        var inDraft = P(draft, "Предложение в чернова " + n);
        var debate = new Debate { ProcessId = open.Id, AuthorId = author.Id, Title = "Видим дебат " + n, Body = "Въпрос", CreatedAt = now };
        var hiddenDebate = new Debate { ProcessId = open.Id, AuthorId = author.Id, Title = "Скрит дебат " + n, Body = "Въпрос", CreatedAt = now, HiddenAt = now };
        Comment C(Guid target, string type, string body, DateTime? hiddenAt = null, DateTime? deleted = null)
        {
            var c = new Comment { TargetType = type, TargetId = target, AuthorId = author.Id, Body = body, Depth = 1, CreatedAt = now, HiddenAt = hiddenAt, DeletedAt = deleted };
            c.RootId = c.Id;
            return c;
        }
        var comment = C(visible.Id, ProposalCommentTarget.TypeName, "Видим коментар");
        var listed = new Organization { Slug = "listed-" + Guid.NewGuid().ToString("N")[..8], Name = new("Вписана организация", "Listed organisation"), ContactEmail = "contact@listed.example", CreatedAt = now, UpdatedAt = now };
        var unlisted = new Organization { Slug = "unlisted-" + Guid.NewGuid().ToString("N")[..8], Name = new("Невписана организация", "Unlisted organisation"), Listed = false, CreatedAt = now, UpdatedAt = now };
        Event E(Process? p, string title, bool published) => new()
        {
            ProcessId = p?.Id,
            Title = new(title, title + " (en)"),
            StartsAt = now.AddDays(3),
            EndsAt = now.AddDays(3).AddHours(2),
            Venue = "Зала 1, „Московска“ 33",
            Published = published,
            PublishedAt = published ? now : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var publicEvent = E(open, "Публично събитие", true);
        var draftEvent = E(open, "Събитие чернова", false);
        var draftProcessEvent = E(draft, "Събитие в чернова на процес", true);
        NewsPost N(Process? p, string title, bool published) => new()
        {
            Slug = "n-" + Guid.NewGuid().ToString("N")[..10],
            ProcessId = p?.Id,
            Title = new(title, title + " (en)"),
            Lead = new("Въведение", "Lead"),
            Body = new("Текст", "Text"),
            Published = published,
            PublishedAt = published ? now : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var publicNews = N(open, "Публична новина", true);
        var draftNews = N(null, "Новина чернова", false);
        Guide G(string title, bool published) => new()
        {
            Slug = "g-" + Guid.NewGuid().ToString("N")[..10],
            Title = new(title, title + " (en)"),
            Summary = new("Резюме", "Summary"),
            Body = new("Текст", "Text"),
            ReviewedOn = DateOnly.FromDateTime(now),
            Published = published,
            PublishedAt = published ? now : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var guide = G("Публично ръководство", true);
        var draftGuide = G("Ръководство чернова", false);
        await f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AgoraDb>();
            db.AddRange(visible, hidden, answered, inDraft, debate, hiddenDebate, listed, unlisted, publicEvent, draftEvent, draftProcessEvent,
                publicNews, draftNews, guide, draftGuide);
            await db.SaveChangesAsync();
            db.AddRange(comment,
                C(visible.Id, ProposalCommentTarget.TypeName, "Скрит коментар", hiddenAt: now),
                C(visible.Id, ProposalCommentTarget.TypeName, "Изтрит коментар", deleted: now),
                C(hidden.Id, ProposalCommentTarget.TypeName, "Коментар на скрито предложение"),
                C(inDraft.Id, ProposalCommentTarget.TypeName, "Коментар в чернова на процес"),
                C(debate.Id, DebateCommentTarget.TypeName, "Коментар на дебат"),
                C(hiddenDebate.Id, DebateCommentTarget.TypeName, "Коментар на скрит дебат"));
            db.Add(new EventOrganization { EventId = publicEvent.Id, OrganizationId = listed.Id });
            db.Add(new EventOrganization { EventId = draftEvent.Id, OrganizationId = listed.Id });
            await db.SaveChangesAsync();
        });
        return new OpenDataWorld(author, open, draft, visible, hidden, answered, inDraft, debate, hiddenDebate, comment, listed, unlisted,
            publicEvent, draftEvent, draftProcessEvent, publicNews, draftNews, guide, draftGuide);
    }

    /// <summary>Texts that must never appear in any public export, feed or sitemap.</summary>
    public static IEnumerable<string> Forbidden(this OpenDataWorld w) =>
    [
        w.Hidden.Title, w.InDraftProcess.Title, w.HiddenDebate.Title, "Скрит коментар", "Изтрит коментар", "Коментар на скрито предложение",
        "Коментар в чернова на процес", "Коментар на скрит дебат", w.Unlisted.Name.Bg, w.DraftEvent.Title.Bg, w.DraftProcessEvent.Title.Bg,
        w.DraftNews.Title.Bg, w.DraftGuide.Title.Bg, w.Draft.Slug, w.Author.Email!, w.Author.Id.ToString(), "contact@listed.example", "Иван Тестов",
    ];
}

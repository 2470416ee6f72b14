using System.Security.Claims;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.News;

/// <summary>
/// Who sees and manages which posts. Public: published posts that are site-wide or in a published process.
/// Site administrators manage every post; process administrators the posts of their processes.
/// </summary>
public sealed class NewsAccess(AgoraDb db, ProcessAccess processes)
{
    /// <summary>What anyone may read, whoever asks: feeds use this, so a feed never carries a draft.</summary>
    public IQueryable<NewsPost> Public() =>
        db.Set<NewsPost>().Where(p => p.Published
            && (p.ProcessId == null || db.Set<Process>().Any(pr => pr.Id == p.ProcessId && pr.Published)));

    /// <summary>Public posts, plus drafts and posts of unpublished processes that the person manages.</summary>
    public IQueryable<NewsPost> Visible(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsAdministrator())
            return db.Set<NewsPost>();
        if (user.UserId() is not Guid)
            return Public();
        var managed = processes.ManagedIds(user);
        return db.Set<NewsPost>().Where(p =>
            (p.Published && (p.ProcessId == null || db.Set<Process>().Any(pr => pr.Id == p.ProcessId && pr.Published)))
            || (p.ProcessId != null && managed.Contains(p.ProcessId.Value)));
    }

    /// <summary>Site-wide posts are the site administrators'; a process's posts also its process administrators'.</summary>
    public async Task<bool> CanManageAsync(ClaimsPrincipal user, Guid? processId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsAdministrator())
            return true;
        return processId is Guid id && await processes.CanManageAsync(user, id, ct);
    }

    /// <summary>Whether the person may write any post at all (shows the "new post" link).</summary>
    public async Task<bool> CanWriteAnyAsync(ClaimsPrincipal user, CancellationToken ct) =>
        user.IsAdministrator() || (user.UserId() != null && await processes.ManagedIds(user).AnyAsync(ct));

    /// <summary>A page of posts, newest first (drafts by their last change), with their process: two queries.</summary>
    public async Task<Paged<NewsCard>> PageAsync(IQueryable<NewsPost> posts, int page, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(posts);
        page = Paging.Clamp(page);
        var total = await posts.CountAsync(ct);
        var items = await (
                from p in posts.AsNoTracking()
                join pr in db.Set<Process>() on p.ProcessId equals pr.Id into g
                from pr in g.DefaultIfEmpty()
                orderby p.PublishedAt ?? p.UpdatedAt descending, p.Id
                select new NewsCard(p.Slug, new LocalizedText(p.Title.Bg, p.Title.En), new LocalizedText(p.Lead.Bg, p.Lead.En),
                    p.PublishedAt ?? p.UpdatedAt, p.Published, p.AuthorName,
                    pr == null ? null : pr.Slug, pr == null ? null : new LocalizedText(pr.Title.Bg, pr.Title.En)))
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<NewsCard>(items, page, pageSize, total);
    }
}

/// <summary>A post as lists show it.</summary>
public sealed record NewsCard(string Slug, LocalizedText Title, LocalizedText Lead, DateTime Date, bool Published, string AuthorName,
    string? ProcessSlug, LocalizedText? ProcessTitle);

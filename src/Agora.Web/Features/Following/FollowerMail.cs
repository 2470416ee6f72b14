using Agora.Web.Features.Newsletter;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Email;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Following;

/// <summary>
/// Tells a process's followers that something new appeared (a news post, an event). Adds the e-mails to the
/// caller's unit of work: they commit with the publication. Each e-mail carries its own one-click link that
/// stops following that process.
/// </summary>
public sealed class FollowerMail(AgoraDb db, Outbox outbox, PublicLinks links, UnsubscribeTokens tokens)
{
    /// <param name="headlineKey">Resource key of the first line, e.g. "Following.Mail.NewPost" ("{0}" is the process).</param>
    /// <param name="title">The new item's title.</param>
    /// <param name="detail">A second paragraph in the recipient's language (lead, date …), or null.</param>
    /// <param name="path">Local path of the new item.</param>
    /// <returns>How many followers were told.</returns>
    public async Task<int> TellAsync(Guid processId, string headlineKey, LocalizedText title, Func<string, string?> detail, string path,
        CancellationToken ct)
    {
        var process = await db.Set<Process>().AsNoTracking().Where(p => p.Id == processId && p.Published)
            .Select(p => new { p.Id, Title = new LocalizedText(p.Title.Bg, p.Title.En), p.Slug }).FirstOrDefaultAsync(ct);
        if (process == null)
            return 0; // an unpublished process has no public: nobody is told about it
        var followers = await db.Set<ProcessFollower>().Where(f => f.ProcessId == processId)
            .Join(db.Users, f => f.UserId, u => u.Id, (f, u) => u)
            .Where(u => u.Email != null && u.EmailConfirmed && u.DeletedAt == null && u.BlockedAt == null)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredCulture })
            .ToListAsync(ct);
        var url = links.Absolute(path);
        foreach (var f in followers)
        {
            var unsubscribe = links.Absolute(QueryHelpers.AddQueryString("/following/unsubscribe", "token", tokens.ForFollow(processId, f.Id)));
            outbox.Enqueue(f.Email!, f.PreferredCulture, l =>
            {
                var processTitle = process.Title.Current;
                var paragraphs = new List<string> { l["Email.Greeting", f.DisplayName], l[headlineKey, processTitle], title.Current };
                if (detail(f.PreferredCulture) is { Length: > 0 } d)
                    paragraphs.Add(d);
                return new EmailContent(l["Following.Mail.Subject", processTitle, title.Current], paragraphs)
                {
                    ActionText = l["Following.Mail.Action"],
                    ActionUrl = url,
                    Footer = l["Following.Mail.Footer", processTitle, unsubscribe],
                    Headers = UnsubscribeTokens.ListUnsubscribeHeaders(unsubscribe),
                };
            });
        }
        return followers.Count;
    }
}

using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Text;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.News;

/// <summary>
/// The founding document is itself a news post of the ICC process (Innovative Sofia, 14 January 2021); it becomes the
/// process's first news item, in Bulgarian as written and in English translation. A later post opens the platform.
/// </summary>
public sealed class NewsDemo(AgoraDb db, ContentFiles content, TimeProvider clock) : IDemoContributor
{
    public const string Author = "Иновативна София";

    public int Order => 40;

    public async Task SeedAsync(CancellationToken ct)
    {
        var process = await db.Set<Process>().FirstOrDefaultAsync(p => p.Slug == ProcessesDemo.IccSlug, ct);
        if (process == null)
            return;
        if (!process.Has(NewsSetup.ComponentKey))
            process.Components = string.IsNullOrEmpty(process.Components) ? NewsSetup.ComponentKey : process.Components + "," + NewsSetup.ComponentKey;

        var bg = Split(content.Read("seed/icc-process.bg.md"));
        var en = Split(content.Read("seed/icc-process.en.md"));
        var now = clock.GetUtcNow().UtcDateTime;
        Add(process.Id, bg.Title, en.Title, bg.Lead, en.Lead, bg.Body, en.Body, new DateTime(2021, 1, 14, 10, 0, 0, DateTimeKind.Utc), now);
        Add(process.Id,
            "Агора отваря: предлагайте, подкрепяйте и обсъждайте мерки за електронно управление",
            "Agora opens: propose, support and discuss e-government measures",
            "Започва етапът, в който всеки жител на София може да предложи мярка, да подкрепи чуждо предложение и да участва в обсъждането.",
            "The phase begins in which every resident of Sofia can propose a measure, support someone else's proposal and take part in the discussion.",
            """
            След двете работни срещи от 2021 г. и доклада за зрелостта на София в гражданското участие процесът продължава с гражданите.

            - **Предлагайте** мерки за електронно управление в града.
            - **Подкрепяйте** предложенията, които смятате за важни.
            - **Следвайте** процеса, за да получавате по имейл новините и поканите за следващите срещи.
            """,
            """
            After the two workshops of 2021 and the report on Sofia's maturity in citizen participation, the process continues with the city's residents.

            - **Propose** e-government measures for the city.
            - **Support** the proposals you think matter.
            - **Follow** the process to receive its news and the invitations to the next meetings by e-mail.
            """,
            new DateTime(2026, 9, 1, 7, 0, 0, DateTimeKind.Utc), now);
        await db.SaveChangesAsync(ct);
    }

    private void Add(Guid processId, string titleBg, string titleEn, string leadBg, string leadEn, string bodyBg, string bodyEn,
        DateTime publishedAt, DateTime now)
    {
        var slug = Slugs.From(titleBg);
        if (db.Set<NewsPost>().Any(p => p.Slug == slug))
            return; // idempotent: the post is there already (perhaps edited since; leave it)
        db.Add(new NewsPost
        {
            Slug = slug,
            ProcessId = processId,
            Title = new(titleBg, titleEn),
            Lead = new(leadBg, leadEn),
            Body = new(bodyBg, bodyEn),
            AuthorName = Author,
            Published = true,
            PublishedAt = publishedAt,
            // Demo posts are history: nobody is e-mailed about them.
            FollowersNotifiedAt = publishedAt,
            CreatedAt = publishedAt < now ? publishedAt : now,
            UpdatedAt = publishedAt < now ? publishedAt : now,
        });
    }

    /// <summary>Title from the "# " line; the dateline under it dropped (the post has a date); the first paragraph is the lead.</summary>
    internal static (string Title, string Lead, string Body) Split(ContentFile file)
    {
        var paragraphs = file.Body.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (paragraphs.Count > 0 && paragraphs[0].Length < 40 && paragraphs[0].Contains("2021", StringComparison.Ordinal))
            paragraphs.RemoveAt(0);
        var lead = paragraphs.Count > 0 ? paragraphs[0] : "";
        return (file.Title, lead, string.Join("\n\n", paragraphs.Skip(1).Select(Tidy)));
    }

    /// <summary>
    /// The Bulgarian original was pasted from a web page: its bullets are "•" characters and its headings are short
    /// lines ending in a colon. They become Markdown lists and headings; the words stay as written.
    /// </summary>
    private static string Tidy(string paragraph)
    {
        var lines = paragraph.Split('\n', StringSplitOptions.TrimEntries);
        if (lines.All(l => l.StartsWith('•')))
            return string.Join("\n", lines.Select(l => "- " + l.TrimStart('•').Trim()));
        if (lines.Length == 1 && paragraph.Length < 70 && paragraph.EndsWith(':'))
            return "## " + paragraph.TrimEnd(':');
        return paragraph;
    }
}

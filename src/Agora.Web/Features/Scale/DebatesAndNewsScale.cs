using Agora.Web.Features.Comments;
using Agora.Web.Features.Debates;
using Agora.Web.Features.News;
using Agora.Web.Infrastructure.Text;

namespace Agora.Web.Features.Scale;

/// <summary>
/// Five debates per process with comment threads (a twentieth of the proposals' comments, CommentCount equal to the
/// rows), and news: three posts per process plus as many site-wide.
/// </summary>
public sealed class DebatesAndNewsScale : IScaleContributor
{
    public int Order => 60;

    public async Task ContributeAsync(ScaleContext context, CancellationToken ct)
    {
        var random = ScaleContext.RandomFor("debates");
        var users = context.Users;
        var debates = new List<Debate>();
        foreach (var process in context.Processes)
            for (var i = 0; i < 5; i++)
                debates.Add(new Debate
                {
                    Id = context.NewId(),
                    ProcessId = process.Id,
                    AuthorId = users[random.Next(users.Length)],
                    Title = $"Как да има повече {random.Pick(ScaleWords.Things)} {random.Pick(ScaleWords.Places)}?",
                    Body = ScaleWords.Paragraph(random, 4),
                    CreatedAt = context.Now.AddDays(-40 + i),
                });
        var counts = Distribution.HeavyTail(random, debates.Count, context.Size.Comments / 20, 1_000);
        for (var i = 0; i < debates.Count; i++)
            debates[i].CommentCount = counts[i];
        await context.Writer.InsertAsync(debates, ct);
        await context.Writer.InsertAsync(debates.SelectMany(d => Enumerable.Range(0, d.CommentCount).Select(j =>
        {
            var id = context.NewId();
            return new Comment
            {
                Id = id,
                TargetType = DebateCommentTarget.TypeName,
                TargetId = d.Id,
                RootId = id,
                Depth = 1,
                AuthorId = users[random.Next(users.Length)],
                Body = ScaleWords.Paragraph(random, 2),
                Stance = (Stance)random.Next(3),
                CreatedAt = d.CreatedAt.AddMinutes(10 * (j + 1)),
            };
        })), ct);

        var news = new List<NewsPost>();
        for (var i = 0; i < context.Processes.Count * 6; i++)
        {
            var process = i % 2 == 0 ? context.Processes[i / 6] : null;
            var title = $"{random.Pick(ScaleWords.Actions)} {random.Pick(ScaleWords.Things)} {random.Pick(ScaleWords.Places)}";
            var at = context.Now.AddDays(-i).AddHours(-random.Next(12));
            news.Add(new NewsPost
            {
                Id = context.NewId(),
                Slug = $"{Slugs.From(title, 60)}-{i + 1}",
                ProcessId = process?.Id,
                Title = new(title, title),
                Lead = new(ScaleWords.Paragraph(random, 2), ""),
                Body = new(ScaleWords.Paragraph(random, 8), ""),
                AuthorName = "Столична община",
                Published = true,
                PublishedAt = at,
                FollowersNotifiedAt = at,
                CreatedAt = at,
                UpdatedAt = at,
            });
        }
        await context.Writer.InsertAsync(news, ct);
    }
}

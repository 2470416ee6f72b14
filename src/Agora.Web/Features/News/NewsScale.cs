using Agora.Web.Infrastructure.Scale;
using Agora.Web.Infrastructure.Text;

namespace Agora.Web.Features.News;

/// <summary>News for the generated city: three posts per process plus as many site-wide.</summary>
public sealed class NewsScale : IScaleContributor
{
    public int Order => 65;

    public string? Component => NewsSetup.ComponentKey;

    public async Task ContributeAsync(ScaleContext context, CancellationToken ct)
    {
        var random = ScaleContext.RandomFor("news");
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

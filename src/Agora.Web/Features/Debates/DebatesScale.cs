using Agora.Web.Features.Comments;
using Agora.Web.Infrastructure.Scale;

namespace Agora.Web.Features.Debates;

/// <summary>
/// Five debates per process with comment threads (a twentieth of the proposals' comments, CommentCount equal to the
/// rows).
/// </summary>
public sealed class DebatesScale : IScaleContributor
{
    public int Order => 60;

    public string? Component => DebateCommentTarget.Key;

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
    }
}

using Agora.Web.Features.Comments;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Scale;

namespace Agora.Web.Features.Proposals;

/// <summary>
/// Proposals (a fifth of them in the first, city-wide process, so its list has hundreds of pages), their supports
/// (distinct people per proposal, never the author) and comment threads up to the maximum depth; the first proposal
/// carries the long thread. The stored SupportCount and CommentCount equal the rows written.
/// </summary>
public sealed class ProposalsScale : IScaleContributor
{
    public int Order => 40;

    public string? Component => ProposalService.Key;

    public async Task ContributeAsync(ScaleContext context, CancellationToken ct)
    {
        // Open for creating, supporting and commenting in every generated process, so the benchmark's writes are allowed.
        await context.Writer.InsertAsync(context.Processes.Select(p => new ProposalSettings
        {
            ProcessId = p.Id,
            SupportThreshold = Math.Max(10, context.Size.Supports / Math.Max(1, context.Size.Proposals) * 4),
            EditWindowMinutes = 60,
        }), ct);
        await context.Writer.InsertAsync(context.Processes.Select(p => new ProposalPhaseSettings
        {
            PhaseId = p.CurrentPhaseId,
            CreatingEnabled = true,
            SupportingEnabled = true,
            CommentingEnabled = true,
        }), ct);
        var allCategories = new List<ProposalCategory>();
        foreach (var p in context.Processes)
            for (var c = 0; c < 4; c++)
                allCategories.Add(new ProposalCategory { Id = context.NewId(), ProcessId = p.Id, Position = c, Name = new(ScaleWords.Things[c * 3], ScaleWords.Things[c * 3]) });
        context.Categories = allCategories.GroupBy(c => c.ProcessId).ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToArray());
        await context.Writer.InsertAsync(allCategories, ct);
        var random = ScaleContext.RandomFor("proposals");
        var size = context.Size;
        var users = context.Users;
        var processes = context.Processes;
        var big = size.Proposals / 5;
        var proposals = new Proposal[size.Proposals];
        var supports = Distribution.HeavyTail(random, size.Proposals, size.Supports, users.Length - 1);
        var hot = Math.Min(size.HotProposalComments, size.Comments);
        var comments = new int[size.Proposals];
        if (size.Proposals > 0)
        {
            comments[0] = hot;
            var rest = Distribution.HeavyTail(random, size.Proposals - 1, size.Comments - hot, 1_000);
            Array.Copy(rest, 0, comments, 1, rest.Length);
        }
        for (var i = 0; i < proposals.Length; i++)
        {
            var process = i < big || processes.Count == 1 ? processes[0] : processes[1 + ((i - big) % (processes.Count - 1))];
            var created = context.Now.AddDays(-50).AddMinutes(i * 60.0 * 24 * 45 / proposals.Length);
            var district = process.Scope.Length > 0 ? process.Scope : random.Next(3) == 0 ? null : random.Pick(Districts.All).Key;
            var place = Districts.NameOf(district);
            var categories = context.Categories.GetValueOrDefault(process.Id) ?? [];
            var threshold = Math.Max(10, size.Supports / Math.Max(1, size.Proposals) * 4);
            var p = new Proposal
            {
                Id = context.NewId(),
                ProcessId = process.Id,
                AuthorId = users[random.Next(users.Length)],
                Title = $"{random.Pick(ScaleWords.Actions)} {random.Pick(ScaleWords.Things)} {random.Pick(ScaleWords.Places)}{(place.Length > 0 ? ", " + place : "")}",
                Body = ScaleWords.Paragraph(random, 3) + "\n\n" + ScaleWords.Paragraph(random, 4),
                District = district,
                CategoryId = categories.Length > 0 && random.Next(4) > 0 ? categories[random.Next(categories.Length)] : null,
                State = ProposalState.Published,
                SupportCount = supports[i],
                CommentCount = comments[i],
                SortKey = random.Next(0, 1_000_003),
                CreatedAt = created,
                UpdatedAt = created,
            };
            if (supports[i] >= threshold)
            {
                p.State = ProposalState.ForEvaluation;
                p.ThresholdReachedAt = created.AddDays(7);
            }
            proposals[i] = p;
            context.Proposals.Add($"/processes/{process.Slug}/proposals/{p.Id}");
        }
        await context.Writer.InsertAsync(proposals, ct);

        var userIndex = users.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        await context.Writer.InsertAsync(SupportsOf(proposals, users, userIndex, context.Now), ct);
        await context.Writer.InsertAsync(CommentsOf(proposals, users, context.Now), ct);
    }

    private static IEnumerable<ProposalSupport> SupportsOf(Proposal[] proposals, Guid[] users, Dictionary<Guid, int> userIndex, DateTime now)
    {
        var random = ScaleContext.RandomFor("supports");
        foreach (var p in proposals)
        {
            var seconds = Math.Max(60, (now - p.CreatedAt).TotalSeconds);
            foreach (var u in Distribution.Distinct(random, users.Length, p.SupportCount, userIndex[p.AuthorId]))
                yield return new ProposalSupport { ProposalId = p.Id, UserId = users[u], CreatedAt = p.CreatedAt.AddSeconds(random.NextDouble() * seconds) };
        }
    }

    private static IEnumerable<Comment> CommentsOf(Proposal[] proposals, Guid[] users, DateTime now)
    {
        var random = ScaleContext.RandomFor("comments");
        var stances = Enum.GetValues<Stance>();
        var thread = new List<Comment>();
        foreach (var p in proposals)
        {
            thread.Clear();
            var step = Math.Max(1, (now - p.CreatedAt).TotalSeconds / (p.CommentCount + 1));
            for (var j = 0; j < p.CommentCount; j++)
            {
                var id = NewId(random);
                var c = new Comment
                {
                    Id = id,
                    TargetType = ProposalCommentTarget.TypeName,
                    TargetId = p.Id,
                    RootId = id,
                    Depth = 1,
                    AuthorId = users[random.Next(users.Length)],
                    Body = ScaleWords.Paragraph(random, 1 + random.Next(3)),
                    Stance = stances[random.Next(stances.Length)],
                    CreatedAt = p.CreatedAt.AddSeconds(step * (j + 1)),
                };
                // A third are replies to an earlier comment that is not yet at the maximum depth.
                if (thread.Count > 0 && random.Next(3) == 0)
                {
                    var parent = thread[random.Next(thread.Count)];
                    if (parent.Depth < CommentService.MaxDepth)
                    {
                        c.ParentId = parent.Id;
                        c.RootId = parent.RootId;
                        c.Depth = parent.Depth + 1;
                    }
                }
                thread.Add(c);
                yield return c;
            }
        }
    }

    /// <summary>Comment ids come from the comments' own seeded source, since they are made while streaming.</summary>
    private static Guid NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}

using System.Net;
using Agora.Web.Features.Needs;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Swot;

namespace Agora.Tests.Features.Workshops;

/// <summary>The board, the needs list and the ranking run a fixed number of queries however much they show.</summary>
public sealed class WorkshopQueryTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Fact]
    public async Task BoardNeedsAndRanking_QueryCount_DoesNotGrowWithContent()
    {
        var process = await f.WorkshopProcessAsync();
        var board = await f.BoardAsync(process, dots: 50);
        var needs = new List<Need>();
        var reader = await f.SignedInAsync(await f.PersonAsync());

        async Task AddAsync(int count)
        {
            var rep = await f.RepresentativeAsync(OrganizationKind.Ngo, "Сдружение " + Guid.NewGuid().ToString("N")[..4]);
            var added = new List<SwotItem>();
            for (var i = 0; i < count; i++)
                added.Add(await f.ItemAsync(board, rep, (SwotQuadrant)(i % 4), "Елемент " + Guid.NewGuid().ToString("N")[..6]));
            var newNeeds = Enumerable.Range(0, count).Select(i => new Need { ProcessId = process.Id, Title = new("Нужда " + i, "Need " + i), Area = "digital", Position = needs.Count + i, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow }).ToList();
            needs.AddRange(newNeeds);
            await f.DbAsync(async db =>
            {
                db.AddRange(newNeeds);
                foreach (var item in added)
                    db.Add(new SwotDot { BoardId = board.Id, ItemId = item.Id, UserId = rep.Id, Count = 1 });
                db.Add(new NeedBallot { ProcessId = process.Id, UserId = rep.Id, SubmittedAt = DateTime.UtcNow });
                for (var r = 0; r < Math.Min(5, newNeeds.Count); r++)
                    db.Add(new NeedVote { ProcessId = process.Id, UserId = rep.Id, NeedId = newNeeds[r].Id, Rank = r + 1 });
                foreach (var n in newNeeds)
                    db.Add(new NeedSwotItem { NeedId = n.Id, SwotItemId = added[0].Id });
                return await db.SaveChangesAsync();
            });
        }

        async Task<int[]> CountAsync()
        {
            var counts = new List<int>();
            foreach (var url in new[] { WorkshopTestData.BoardUrl(process, board), WorkshopTestData.NeedsUrl(process), WorkshopTestData.NeedsUrl(process) + "/ranking", WorkshopTestData.BoardUrl(process, board) + "/summary" })
            {
                f.Queries.Reset();
                Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(url)).StatusCode);
                counts.Add(f.Queries.Count);
            }
            return [.. counts];
        }

        await AddAsync(2);
        await CountAsync(); // warms per-process caches (layout, notifications) so both counts see the same
        var before = await CountAsync();
        await AddAsync(12);
        Assert.Equal(before, await CountAsync());
    }
}

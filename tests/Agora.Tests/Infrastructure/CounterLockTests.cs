using Agora.Tests.Features.Proposals;
using Agora.Web.Features.Comments;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Infrastructure;

/// <summary>
/// Stored counters recounted from their rows stay equal to the rows when two transactions recount at once
/// (<see cref="Transactions.LockCounterAsync"/>). The interleaving that lost a vote in CI is made certain here: the
/// first vote's transaction stays open while the second vote is cast.
/// </summary>
public sealed class CounterLockTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Fact]
    public async Task SecondVote_CastWhileTheFirstIsUncommitted_BothCounted()
    {
        // SQLite lets one writer at a time: the second vote could not start while the first is open.
        Assert.SkipWhen(AgoraFactory.PostgresServer is null, "Concurrent writers exist only on PostgreSQL (AGORA_TEST_POSTGRES).");
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        await f.CommentsAsync(p.Id, await f.PersonAsync(), 1);
        var commentId = await f.DbAsync(db => db.Set<Comment>().Where(c => c.TargetId == p.Id && c.Depth == 1).Select(c => c.Id).SingleAsync());
        var (first, second) = (await f.PersonAsync(), await f.PersonAsync());

        using var scope1 = f.Services.CreateScope();
        using var scope2 = f.Services.CreateScope();
        var db1 = scope1.ServiceProvider.GetRequiredService<AgoraDb>();
        await using (var tx = await db1.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            // The first vote joins the open transaction: its row and its recount are written, not yet committed.
            await scope1.ServiceProvider.GetRequiredService<CommentService>().VoteAsync(commentId, first.Id, 1, TestContext.Current.CancellationToken);
            var secondVote = scope2.ServiceProvider.GetRequiredService<CommentService>().VoteAsync(commentId, second.Id, 1, TestContext.Current.CancellationToken);
            // Without the lock the second recount would now be waiting on the comment's row, with a snapshot that
            // does not hold the first vote.
            await Task.Delay(500, TestContext.Current.CancellationToken);
            Assert.False(secondVote.IsCompleted);
            await tx.CommitAsync(TestContext.Current.CancellationToken);
            await secondVote;
        }
        var tallies = await f.DbAsync(db => db.Set<Comment>().Where(c => c.Id == commentId).Select(c => c.Upvotes).SingleAsync());
        Assert.Equal(2, await f.DbAsync(db => db.Set<CommentVote>().CountAsync(v => v.CommentId == commentId)));
        Assert.Equal(2, tallies);
    }

    [Fact]
    public void CounterKey_SameOnEveryNode_DiffersPerCounterAndSubject()
    {
        var id = Guid.Parse("6f1c8f0e-3f59-4a53-9d7e-2b1a5c0d9e11");
        Assert.Equal(Transactions.CounterKey("Upvotes", id), Transactions.CounterKey("Upvotes", id));
        Assert.NotEqual(Transactions.CounterKey("Upvotes", id), Transactions.CounterKey("comments:proposal", id));
        Assert.NotEqual(Transactions.CounterKey("Upvotes", id), Transactions.CounterKey("Upvotes", Guid.NewGuid()));
    }
}

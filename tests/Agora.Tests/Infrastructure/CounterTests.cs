using System.Data.Common;
using Agora.Tests.Features.Conversations;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Conversations;
using Agora.Web.Features.Debates;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Features.ResultTracking;
using Agora.Web.Infrastructure.Cli;
using Agora.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Infrastructure;

/// <summary>Fails the next UPDATE of a given counter column, as a process killed between a row and its counter would.</summary>
public sealed class CounterCrash : DbCommandInterceptor
{
    private volatile string? column;

    public void Arm(string counterColumn) => column = counterColumn;

    private void Check(DbCommand command)
    {
        if (column is { } c && command.CommandText.TrimStart().StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            && command.CommandText.Contains($"\"{c}\" =", StringComparison.Ordinal))
        {
            column = null;
            throw new InvalidOperationException("simulated crash before the counter was written");
        }
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}

public sealed class CounterCrashFactory : AgoraFactory
{
    public CounterCrash Crash { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IInterceptor>(Crash));
    }
}

/// <summary>
/// Stored counters change in the transaction that changes their rows (a crash between the two leaves neither), and
/// <c>repair counters</c> recounts every stored counter from its rows and says what it fixed.
/// </summary>
public sealed class CounterTests(CounterCrashFactory f) : IClassFixture<CounterCrashFactory>
{
    private async Task<(Process Process, Debate Debate, Guid Author)> DebateAsync()
    {
        var author = await f.PersonAsync();
        var process = await f.ProcessAsync(components: "debates");
        var debate = new Debate { ProcessId = process.Id, AuthorId = author.Id, Title = "Дебат", Body = "Текст.", CreatedAt = DateTime.UtcNow };
        await f.DbAsync(db => { db.Add(debate); return db.SaveChangesAsync(); });
        return (process, debate, author.Id);
    }

    private Task<(Comment? Comment, string? Error)> CommentAsync(Debate debate, Guid author) =>
        f.InScopeAsync(sp => sp.GetRequiredService<CommentService>().AddAsync(author, DebateCommentTarget.TypeName, debate.Id,
            new CommentTargetInfo("/x", debate.Title, null, []), null, "Коментар " + Guid.NewGuid(), Stance.Neutral, CancellationToken.None));

    private Task<int> VisibleCommentsAsync(Guid debateId) =>
        f.DbAsync(db => db.Set<Comment>().CountAsync(c => c.TargetType == DebateCommentTarget.TypeName && c.TargetId == debateId && c.DeletedAt == null && c.HiddenAt == null));

    private Task<int> StoredCommentCountAsync(Guid debateId) =>
        f.DbAsync(db => db.Set<Debate>().Where(d => d.Id == debateId).Select(d => d.CommentCount).SingleAsync());

    [Fact]
    public async Task Comment_CrashBeforeItsCount_LeavesNeither()
    {
        var (_, debate, author) = await DebateAsync();
        await CommentAsync(debate, author);
        f.Crash.Arm(nameof(Debate.CommentCount));
        await Assert.ThrowsAsync<InvalidOperationException>(() => CommentAsync(debate, author));
        Assert.Equal(1, await VisibleCommentsAsync(debate.Id));
        Assert.Equal(await VisibleCommentsAsync(debate.Id), await StoredCommentCountAsync(debate.Id));
    }

    [Fact]
    public async Task CommentVote_CrashBeforeItsTally_LeavesNeither()
    {
        var (_, debate, author) = await DebateAsync();
        var (comment, _) = await CommentAsync(debate, author);
        var voter = await f.PersonAsync();
        f.Crash.Arm(nameof(Comment.Upvotes));
        await Assert.ThrowsAsync<InvalidOperationException>(() => f.InScopeAsync(sp =>
            sp.GetRequiredService<CommentService>().VoteAsync(comment!.Id, voter.Id, 1, CancellationToken.None)));
        var votes = await f.DbAsync(db => db.Set<CommentVote>().CountAsync(v => v.CommentId == comment!.Id && v.Value > 0));
        var stored = await f.DbAsync(db => db.Set<Comment>().Where(c => c.Id == comment!.Id).Select(c => c.Upvotes).SingleAsync());
        Assert.Equal(votes, stored);
    }

    [Fact]
    public async Task ResultFollower_CrashBeforeItsCount_LeavesNeither()
    {
        var process = await f.ProcessAsync();
        var author = await f.PersonAsync();
        var result = new TrackedResult { ProcessId = process.Id, AuthorId = author.Id, Title = new("Резултат", "Result"), Description = new("Описание.", "Description."), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        await f.DbAsync(db => { db.Add(result); return db.SaveChangesAsync(); });
        var follower = await f.PersonAsync();
        f.Crash.Arm(nameof(TrackedResult.FollowerCount));
        await Assert.ThrowsAsync<InvalidOperationException>(() => f.InScopeAsync(sp =>
            sp.GetRequiredService<ResultService>().FollowAsync(result.Id, follower.Id, true, CancellationToken.None)));
        var rows = await f.DbAsync(db => db.Set<ResultFollower>().CountAsync(x => x.ResultId == result.Id));
        var stored = await f.DbAsync(db => db.Set<TrackedResult>().Where(r => r.Id == result.Id).Select(r => r.FollowerCount).SingleAsync());
        Assert.Equal(rows, stored);
    }

    [Fact]
    public async Task RepairCounters_RecountsCorruptedCounters_AndReportsEach()
    {
        var (process, debate, author) = await DebateAsync();
        await CommentAsync(debate, author);
        var proposal = new Proposal { ProcessId = process.Id, AuthorId = author, Title = "Предложение", Body = "Текст.", State = ProposalState.Published, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        await f.DbAsync(db => { db.Add(proposal); return db.SaveChangesAsync(); });
        var conversation = await f.ConversationAsync(process, statements: ["Едно.", "Две."]);

        // What a crash, a restore or a hand edit could leave behind.
        await f.DbAsync(async db =>
        {
            await db.Set<Debate>().Where(d => d.Id == debate.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.CommentCount, 7));
            await db.Set<Proposal>().Where(p => p.Id == proposal.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.SupportCount, 4));
            await db.Set<Conversation>().Where(c => c.Id == conversation.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.VoteCount, 5));
            await db.Set<Statement>().Where(st => st.ConversationId == conversation.Id && st.Number == 1).ExecuteUpdateAsync(s => s.SetProperty(st => st.AgreeCount, 3));
            return await db.Set<ProposalTally>().Where(t => t.ProcessId == process.Id && t.State == ProposalState.Published)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Count, 9));
        });

        var output = new StringWriter();
        var exit = await f.InScopeAsync(sp => CommandLine.RepairCountersAsync(sp, output, CancellationToken.None));
        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains($"Debate\t{debate.Id}\tCommentCount\t7\t1", text, StringComparison.Ordinal);
        Assert.Contains($"Proposal\t{proposal.Id}\tSupportCount\t4\t0", text, StringComparison.Ordinal);
        Assert.Contains($"Conversation\t{conversation.Id}\tVoteCount\t5\t0", text, StringComparison.Ordinal);
        Assert.Contains("\tAgreeCount\t3\t0", text, StringComparison.Ordinal);
        Assert.Contains($"ProposalTally\t{process.Id}/Published\tCount\t9\t1", text, StringComparison.Ordinal);

        Assert.Equal(1, await StoredCommentCountAsync(debate.Id));
        Assert.Equal(0, await f.DbAsync(db => db.Set<Proposal>().Where(p => p.Id == proposal.Id).Select(p => p.SupportCount).SingleAsync()));
        Assert.Equal(0, await f.DbAsync(db => db.Set<Conversation>().Where(c => c.Id == conversation.Id).Select(c => c.VoteCount).SingleAsync()));
        Assert.Equal(1, await f.DbAsync(db => db.Set<ProposalTally>().Where(t => t.ProcessId == process.Id && t.State == ProposalState.Published).Select(t => t.Count).SingleAsync()));

        // Run again: nothing of these is left to fix.
        output = new StringWriter();
        await f.InScopeAsync(sp => CommandLine.RepairCountersAsync(sp, output, CancellationToken.None));
        Assert.DoesNotContain(debate.Id.ToString(), output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(proposal.Id.ToString(), output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryModuleThatStoresCounters_RegistersItsRepair()
    {
        var registered = await f.InScopeAsync(sp => Task.FromResult(sp.GetServices<IStoredCounters>().Select(c => c.GetType().Name).Order(StringComparer.Ordinal).ToList()));
        Assert.Equal(["BudgetCounters", "CommentCounters", "CommitmentCounters", "ConversationCounters", "DebateCounters",
            "EventCounters", "MaturityCounters", "ProposalCounters", "ResultCounters", "SurveyCounters"], registered);
    }

    [Fact]
    public async Task RepairCounters_IsACommand()
    {
        Assert.Equal(["repair", "counters"], CommandLine.Split(["repair", "counters"]).Command!);
        Assert.Contains("repair counters", CommandLine.Help, StringComparison.Ordinal);
        var output = new StringWriter();
        Assert.Equal(0, await f.InScopeAsync(sp => CommandLine.RepairCountersAsync(sp, output, CancellationToken.None)));
    }
}

using Agora.Web.Features.Comments;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Proposals;

public sealed class ProposalsDemoTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Fact]
    public async Task Demo_RunTwice_SameDataAndIccShowsProposalsWithAnswers()
    {
        async Task<(int Proposals, int Comments, int Supports, int Categories)> Counts() => await f.DbAsync(async db => (
            await db.Set<Proposal>().CountAsync(), await db.Set<Comment>().CountAsync(),
            await db.Set<ProposalSupport>().CountAsync(), await db.Set<ProposalCategory>().CountAsync()));
        await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        var first = await Counts();
        await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        Assert.Equal(first, await Counts());
        Assert.Equal(10, first.Proposals);
        Assert.True(first.Comments >= 5);

        var list = await f.Browser().HtmlAsync($"/processes/{ProcessesDemo.IccSlug}/proposals");
        Assert.Contains("Единен портал за всички общински услуги", list, StringComparison.Ordinal);
        var accepted = await f.DbAsync(db => db.Set<Proposal>().FirstAsync(p => p.State == ProposalState.Accepted));
        var page = await f.Browser().HtmlAsync($"/processes/{ProcessesDemo.IccSlug}/proposals/{accepted.Id}");
        Assert.Contains("official-answer", page, StringComparison.Ordinal);
        Assert.Contains("stance-against", page, StringComparison.Ordinal);
        // Stored counters agree with the rows.
        Assert.True(await f.DbAsync(db => db.Set<Proposal>().AllAsync(p =>
            p.SupportCount == db.Set<ProposalSupport>().Count(s => s.ProposalId == p.Id)
            && p.CommentCount == db.Set<Comment>().Count(c => c.TargetId == p.Id))));
    }
}

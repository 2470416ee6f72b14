using Agora.Web.Features.Comments;
using Agora.Web.Features.Debates;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;

namespace Agora.Web.Features.Proposals;

/// <summary>The proposals and their comments anyone may read, as queries: the datasets, feeds and sitemap start from
/// these so that drafts, hidden and deleted content stay out of every export in the same way.</summary>
public static class PublicProposals
{
    public static IQueryable<Proposal> All(AgoraDb db)
    {
        var processes = PublicProcesses.With(db, ProposalService.Key).Select(p => p.Id);
        return db.Set<Proposal>().Where(p => p.HiddenAt == null && processes.Contains(p.ProcessId));
    }

    /// <summary>Comments not deleted nor hidden, on a proposal or debate that is itself public.</summary>
    public static IQueryable<Comment> Comments(AgoraDb db)
    {
        var proposals = All(db).Select(p => p.Id);
        var debates = PublicDebates.All(db).Select(d => d.Id);
        return db.Set<Comment>().Where(c => c.DeletedAt == null && c.HiddenAt == null
            && ((c.TargetType == ProposalCommentTarget.TypeName && proposals.Contains(c.TargetId))
                || (c.TargetType == DebateCommentTarget.TypeName && debates.Contains(c.TargetId))));
    }
}

using Agora.Web.Features.Comments;
using Agora.Web.Features.Debates;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Infrastructure.Data;

namespace Agora.Web.Features.OpenData.Datasets;

/// <summary>What anyone may read, as queries: the datasets and feeds start from these so that drafts, hidden and
/// deleted content stay out of every export in the same way.</summary>
public static class PublicContent
{
    public static IQueryable<Process> Processes(AgoraDb db) => db.Set<Process>().Where(p => p.Published);

    /// <summary>Published processes with the component switched on (Components is a comma-separated key list).</summary>
    public static IQueryable<Process> ProcessesWith(AgoraDb db, string componentKey)
    {
        var key = "," + componentKey + ",";
        return db.Set<Process>().Where(p => p.Published && ("," + p.Components + ",").Contains(key));
    }

    public static IQueryable<Proposal> Proposals(AgoraDb db)
    {
        var processes = ProcessesWith(db, ProposalService.Key).Select(p => p.Id);
        return db.Set<Proposal>().Where(p => p.HiddenAt == null && processes.Contains(p.ProcessId));
    }

    public static IQueryable<Debate> Debates(AgoraDb db)
    {
        var processes = ProcessesWith(db, DebateCommentTarget.Key).Select(p => p.Id);
        return db.Set<Debate>().Where(d => d.HiddenAt == null && processes.Contains(d.ProcessId));
    }

    /// <summary>Comments not deleted nor hidden, on a proposal or debate that is itself public.</summary>
    public static IQueryable<Comment> Comments(AgoraDb db)
    {
        var proposals = Proposals(db).Select(p => p.Id);
        var debates = Debates(db).Select(d => d.Id);
        return db.Set<Comment>().Where(c => c.DeletedAt == null && c.HiddenAt == null
            && ((c.TargetType == ProposalCommentTarget.TypeName && proposals.Contains(c.TargetId))
                || (c.TargetType == DebateCommentTarget.TypeName && debates.Contains(c.TargetId))));
    }
}

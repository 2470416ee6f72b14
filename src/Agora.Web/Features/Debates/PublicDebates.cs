using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;

namespace Agora.Web.Features.Debates;

/// <summary>The debates anyone may read: not hidden, in a published process with debates switched on.</summary>
public static class PublicDebates
{
    public static IQueryable<Debate> All(AgoraDb db)
    {
        var processes = PublicProcesses.With(db, DebateCommentTarget.Key).Select(p => p.Id);
        return db.Set<Debate>().Where(d => d.HiddenAt == null && processes.Contains(d.ProcessId));
    }
}

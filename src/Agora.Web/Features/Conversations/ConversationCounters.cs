using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Conversations;

/// <summary>Participants and votes of conversations and statements: recounted by <c>repair counters</c> by the rule their write path keeps.</summary>
public sealed class ConversationCounters : IStoredCounters
{
    public async Task RepairAsync(CounterRepair repair, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(repair);
        var db = repair.Db;
        await repair.FixAsync("Conversation", "ParticipantCount",
            db.Set<Conversation>().Select(c => new CounterDrift { Id = c.Id, Was = c.ParticipantCount, Now = db.Set<Participant>().Count(x => x.ConversationId == c.Id) }),
            ids => db.Set<Conversation>().Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ParticipantCount,
                c => db.Set<Participant>().Count(x => x.ConversationId == c.Id)), ct), ct);
        await repair.FixAsync("Conversation", "VoteCount",
            db.Set<Conversation>().Select(c => new CounterDrift { Id = c.Id, Was = c.VoteCount, Now = db.Set<StatementVote>().Count(x => x.ConversationId == c.Id) }),
            ids => db.Set<Conversation>().Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.VoteCount,
                c => db.Set<StatementVote>().Count(x => x.ConversationId == c.Id)), ct), ct);
        await repair.FixAsync("Statement", "AgreeCount",
            db.Set<Statement>().Select(st => new CounterDrift { Id = st.Id, Was = st.AgreeCount, Now = db.Set<StatementVote>().Count(x => x.StatementId == st.Id && x.Value > 0) }),
            ids => db.Set<Statement>().Where(st => ids.Contains(st.Id)).ExecuteUpdateAsync(s => s.SetProperty(st => st.AgreeCount,
                st => db.Set<StatementVote>().Count(x => x.StatementId == st.Id && x.Value > 0)), ct), ct);
        await repair.FixAsync("Statement", "DisagreeCount",
            db.Set<Statement>().Select(st => new CounterDrift { Id = st.Id, Was = st.DisagreeCount, Now = db.Set<StatementVote>().Count(x => x.StatementId == st.Id && x.Value < 0) }),
            ids => db.Set<Statement>().Where(st => ids.Contains(st.Id)).ExecuteUpdateAsync(s => s.SetProperty(st => st.DisagreeCount,
                st => db.Set<StatementVote>().Count(x => x.StatementId == st.Id && x.Value < 0)), ct), ct);
        await repair.FixAsync("Statement", "PassCount",
            db.Set<Statement>().Select(st => new CounterDrift { Id = st.Id, Was = st.PassCount, Now = db.Set<StatementVote>().Count(x => x.StatementId == st.Id && x.Value == 0) }),
            ids => db.Set<Statement>().Where(st => ids.Contains(st.Id)).ExecuteUpdateAsync(s => s.SetProperty(st => st.PassCount,
                st => db.Set<StatementVote>().Count(x => x.StatementId == st.Id && x.Value == 0)), ct), ct);
    }
}

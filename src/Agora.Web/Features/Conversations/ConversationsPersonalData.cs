using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Conversations;

/// <summary>"Download my data": the conversations a signed-in person took part in, their statements and votes.</summary>
public sealed class ConversationsPersonalData(AgoraDb db) : IPersonalDataSource
{
    public string Section => "conversations";

    public async Task<object?> CollectAsync(Guid userId, CancellationToken ct)
    {
        var participations = await (
            from p in db.Set<Participant>().AsNoTracking()
            where p.UserId == userId
            join c in db.Set<Conversation>() on p.ConversationId equals c.Id
            select new { ParticipantId = p.Id, c.Id, Topic = c.Topic.Bg, p.CreatedAt }).ToListAsync(ct);
        var ids = participations.Select(p => p.ParticipantId).ToList();
        var statements = await db.Set<Statement>().AsNoTracking()
            .Where(s => s.AuthorParticipantId != null && ids.Contains(s.AuthorParticipantId.Value))
            .Select(s => new { s.AuthorParticipantId, s.Text, s.Language, Status = s.Status.ToString(), s.CreatedAt })
            .ToListAsync(ct);
        var votes = await (
            from v in db.Set<StatementVote>().AsNoTracking()
            where ids.Contains(v.ParticipantId)
            join s in db.Set<Statement>() on v.StatementId equals s.Id
            select new { v.ParticipantId, Statement = s.Text, v.Value, v.CreatedAt, v.UpdatedAt }).ToListAsync(ct);
        return participations.Select(p => new
        {
            conversation = p.Id,
            topic = p.Topic,
            joinedAt = p.CreatedAt,
            statements = statements.Where(s => s.AuthorParticipantId == p.ParticipantId)
                .Select(s => new { s.Text, s.Language, s.Status, s.CreatedAt }),
            votes = votes.Where(v => v.ParticipantId == p.ParticipantId)
                .Select(v => new { v.Statement, vote = v.Value > 0 ? "agree" : v.Value < 0 ? "disagree" : "pass", v.CreatedAt, v.UpdatedAt }),
        }).ToList();
    }
}

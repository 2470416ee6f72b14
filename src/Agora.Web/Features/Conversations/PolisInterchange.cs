using System.Globalization;
using System.Text;
using Agora.OpinionMap;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Conversations;

/// <summary>
/// Pol.is CSV interchange. Import: comments.csv + votes.csv become a new conversation whose statement and participant
/// numbers are Pol.is's comment-id and voter-id (agree = +1 as in the export). Export: the same two files plus
/// participants-votes.csv with the group-id of the latest stored opinion map.
/// </summary>
public sealed class PolisInterchange(AgoraDb db, TimeProvider clock)
{
    public static readonly string[] ExportFiles = ["comments.csv", "votes.csv", "participants-votes.csv"];

    /// <summary>Reads both files and adds the conversation in one SaveChanges. Throws <see cref="PolisCsvException"/>
    /// naming the file and line when the input is malformed; nothing is saved then.</summary>
    public async Task<Conversation> ImportAsync(Conversation conversation, TextReader comments, TextReader votes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var commentRecords = PolisCsv.ReadComments(comments);
        var voteEvents = PolisCsv.ReadVotes(votes);
        var statementIds = commentRecords.Select(c => c.StatementId).ToHashSet();
        if (statementIds.Count != commentRecords.Count)
            throw new PolisCsvException("comments.csv: a comment-id appears more than once.");
        foreach (var v in voteEvents)
        {
            if (!statementIds.Contains(v.StatementId))
                throw new PolisCsvException($"votes.csv: comment-id {v.StatementId.ToString(CultureInfo.InvariantCulture)} is not in comments.csv.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var firstTime = new Dictionary<(int, int), long>();
        foreach (var v in voteEvents)
        {
            var cell = (v.ParticipantId, v.StatementId);
            if (!firstTime.TryGetValue(cell, out var t) || v.Timestamp < t)
                firstTime[cell] = v.Timestamp;
        }
        var latest = VoteMatrix.FromVotes(voteEvents).Votes().ToList();

        var participantIds = latest.Select(v => v.ParticipantId)
            .Concat(commentRecords.Where(c => c.AuthorId != null).Select(c => c.AuthorId!.Value))
            .Distinct().Order().ToList();
        var participants = participantIds.ToDictionary(id => id, id => new Participant
        {
            ConversationId = conversation.Id,
            Number = id,
            ExternalId = id,
            CreatedAt = now,
        });
        var statements = commentRecords.ToDictionary(c => c.StatementId, c => new Statement
        {
            ConversationId = conversation.Id,
            Number = c.StatementId,
            Text = c.Text.Length > 1000 ? c.Text[..1000] : c.Text,
            Language = ConversationService.DetectLanguage(c.Text),
            AuthorParticipantId = c.AuthorId is int a ? participants[a].Id : null,
            Status = c.Moderated < 0 ? StatementStatus.Rejected : StatementStatus.Accepted,
            IsMeta = c.IsMeta,
            IsSeed = c.AuthorId == null,
            CreatedAt = c.Timestamp > 0 ? OpinionMapRefresh.FromMillis(c.Timestamp) : now,
        });
        var voteRows = new List<StatementVote>(latest.Count);
        foreach (var v in latest)
        {
            var s = statements[v.StatementId];
            if (v.Vote > 0)
                s.AgreeCount++;
            else if (v.Vote < 0)
                s.DisagreeCount++;
            else
                s.PassCount++;
            voteRows.Add(new StatementVote
            {
                ParticipantId = participants[v.ParticipantId].Id,
                StatementId = s.Id,
                ConversationId = conversation.Id,
                Value = v.Vote,
                CreatedAt = OpinionMapRefresh.FromMillis(firstTime[(v.ParticipantId, v.StatementId)]),
                UpdatedAt = OpinionMapRefresh.FromMillis(v.Timestamp),
            });
        }
        conversation.ParticipantCount = participants.Count;
        conversation.VoteCount = voteRows.Count;
        conversation.Version = 1;
        conversation.ComputedVersion = 0;
        db.Add(conversation);
        db.AddRange(participants.Values);
        db.AddRange(statements.Values);
        db.AddRange(voteRows);
        await db.SaveChangesAsync(ct);
        return conversation;
    }

    /// <summary>One export file as CSV text, or null for an unknown file name.</summary>
    public async Task<string?> ExportAsync(Guid conversationId, string file, CancellationToken ct)
    {
        if (!ExportFiles.Contains(file))
            return null;
        var writer = new StringWriter(new StringBuilder());
        var snapshot = await db.Set<ConversationResult>().AsNoTracking().Where(r => r.ConversationId == conversationId)
            .Select(r => r.Json).FirstOrDefaultAsync(ct) is { } json ? OpinionSnapshot.FromJson(json) : null;
        var comments = await CommentsAsync(conversationId, ct);
        if (file == "comments.csv")
        {
            PolisCsv.WriteComments(writer, comments, snapshot?.GroupInformedConsensus);
            return writer.ToString();
        }
        var rows = await (
            from v in db.Set<StatementVote>()
            where v.ConversationId == conversationId
            join p in db.Set<Participant>() on v.ParticipantId equals p.Id
            join s in db.Set<Statement>() on v.StatementId equals s.Id
            select new { P = p.Number, S = s.Number, v.Value, v.UpdatedAt }).ToListAsync(ct);
        var matrix = VoteMatrix.FromVotes(rows.Select(r => new VoteRecord(r.P, r.S, r.Value, OpinionMapRefresh.Millis(r.UpdatedAt))));
        if (file == "votes.csv")
            PolisCsv.WriteVotes(writer, matrix);
        else
            PolisCsv.WriteParticipantVotes(writer, matrix, snapshot?.GroupAssignments() ?? new Dictionary<int, int>(), comments);
        return writer.ToString();
    }

    private async Task<List<PolisComment>> CommentsAsync(Guid conversationId, CancellationToken ct)
    {
        var rows = await (
            from s in db.Set<Statement>().AsNoTracking()
            where s.ConversationId == conversationId
            join a in db.Set<Participant>() on s.AuthorParticipantId equals a.Id into authors
            from a in authors.DefaultIfEmpty()
            orderby s.Number
            select new
            {
                s.Number,
                Author = a == null ? (int?)null : a.Number,
                s.CreatedAt,
                s.AgreeCount,
                s.DisagreeCount,
                s.Status,
                s.IsMeta,
                s.Text,
            }).ToListAsync(ct);
        return [.. rows.Select(r => new PolisComment(
            r.Number, r.Author, OpinionMapRefresh.Millis(r.CreatedAt), r.AgreeCount, r.DisagreeCount,
            r.Status switch { StatementStatus.Accepted => 1, StatementStatus.Rejected => -1, _ => 0 },
            r.IsMeta, null, r.Text))];
    }
}

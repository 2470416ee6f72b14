using System.Globalization;
using System.Text;
using Agora.OpinionMap;
using Agora.Web.Features.Imports;
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

    /// <summary>
    /// Reads both files and adds the conversation, in one transaction (a conversation appears whole or not at all).
    /// Lines that cannot be taken (malformed, a repeated comment-id, a vote on a comment that is not in comments.csv,
    /// a timestamp no date can hold) are refused through <paramref name="progress"/> with their line numbers; the rest
    /// is imported. A file whose header or quoting is broken fails the whole import.
    /// </summary>
    public async Task<Conversation> ImportAsync(Conversation conversation, TextReader comments, TextReader votes, ImportProgress progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(progress);
        var refused = new List<PolisCsvRefusal>();
        var commentLines = PolisCsv.ReadComments(comments, refused);
        foreach (var r in refused)
            progress.Refuse(CommentsFile, r.Line, "Imports.Refused.Malformed", r.Message);
        progress.Read(commentLines.Count + refused.Count);
        refused.Clear();
        var commentRecords = new List<PolisComment>(commentLines.Count);
        var statementIds = new HashSet<int>();
        foreach (var (line, c) in commentLines)
        {
            if (!statementIds.Add(c.StatementId))
                progress.Refuse(CommentsFile, line, "Imports.Refused.DuplicateComment", c.StatementId.ToString(CultureInfo.InvariantCulture));
            else if (!ValidMillis(c.Timestamp))
                progress.Refuse(CommentsFile, line, "Imports.Refused.Timestamp", c.Timestamp.ToString(CultureInfo.InvariantCulture));
            else
                commentRecords.Add(c);
        }
        await progress.MaybeFlushAsync(ct);

        var voteLines = PolisCsv.ReadVotes(votes, refused);
        foreach (var r in refused)
            progress.Refuse(VotesFile, r.Line, "Imports.Refused.Malformed", r.Message);
        progress.Read(voteLines.Count + refused.Count);
        var voteEvents = new List<VoteRecord>(voteLines.Count);
        foreach (var (line, v) in voteLines)
        {
            if (!statementIds.Contains(v.StatementId))
                progress.Refuse(VotesFile, line, "Imports.Refused.UnknownComment", v.StatementId.ToString(CultureInfo.InvariantCulture));
            else if (!ValidMillis(v.Timestamp))
                progress.Refuse(VotesFile, line, "Imports.Refused.Timestamp", v.Timestamp.ToString(CultureInfo.InvariantCulture));
            else
                voteEvents.Add(v);
        }
        await progress.FlushAsync(ct);

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
        // Every counter is set from the rows it counts, and saved in the same transaction as they are.
        conversation.ParticipantCount = participants.Count;
        conversation.VoteCount = voteRows.Count;
        conversation.Version = 1;
        conversation.ComputedVersion = 0;
        var job = progress.Job;
        job.RowsToSave = 1 + participants.Count + statements.Count + voteRows.Count;
        await db.InTransactionAsync(async () =>
        {
            db.Add(conversation);
            db.AddRange(participants.Values);
            db.AddRange(statements.Values);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            job.RowsSaved = 1 + participants.Count + statements.Count;
            // Votes in batches: one SaveChanges of 200,000 tracked rows spends its time in change tracking.
            foreach (var chunk in voteRows.Chunk(VoteBatch))
            {
                db.AddRange(chunk);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                job.RowsSaved += chunk.Length;
                await progress.MaybeFlushAsync(ct);
            }
        }, ct);
        job.RowsAdded = job.RowsSaved;
        return conversation;
    }

    private const string CommentsFile = "comments.csv";
    private const string VotesFile = "votes.csv";
    private const int VoteBatch = 5000;

    private static bool ValidMillis(long ms) => ms is >= 0 and <= 253_402_300_799_999;

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

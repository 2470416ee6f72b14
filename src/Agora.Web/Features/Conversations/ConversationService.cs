using System.Security.Claims;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Conversations;

/// <summary>The statement to show next and how many the participant has left.</summary>
public sealed record NextStatement(Guid Id, int Number, string Text, string Language, string TranslationEn, int Remaining);

public enum VoteOutcome
{
    Recorded,
    Changed,
    Unchanged,
    NotFound,
    Closed,
}

/// <summary>
/// The acts of a conversation: identifying participants, voting, adding and moderating statements, choosing the
/// next statement. Each act is one transaction; counters are updated in SQL in the same transaction so concurrent
/// votes cannot lose increments. Votes never wait for the opinion map: they only bump <see cref="Conversation.Version"/>.
/// </summary>
public sealed class ConversationService(AgoraDb db, TimeProvider clock)
{
    public const string AnonymousCookie = ParticipantKeys.AnonymousCookie;
    public const int StatementMaxLength = 300;

    /// <summary>The reader's participant key (<see cref="ParticipantKeys.KeyOf"/>).</summary>
    public static ParticipantKey KeyOf(ClaimsPrincipal user, HttpRequest request) => ParticipantKeys.KeyOf(user, request);

    /// <summary>Gives an anonymous browser its token (<see cref="ParticipantKeys.EnsureAnonymousKey"/>).</summary>
    public static ParticipantKey EnsureAnonymousKey(HttpContext context) => ParticipantKeys.EnsureAnonymousKey(context);

    public static string Hash(string token) => ParticipantKeys.Hash(token);

    public IQueryable<Participant> ParticipantQuery(Guid conversationId, ParticipantKey key) =>
        key.UserId is Guid uid
            ? db.Set<Participant>().Where(p => p.ConversationId == conversationId && p.UserId == uid)
            : db.Set<Participant>().Where(p => p.ConversationId == conversationId && p.AnonymousTokenHash == key.TokenHash && key.TokenHash != null);

    public async Task<Participant> GetOrCreateParticipantAsync(Guid conversationId, ParticipantKey key, CancellationToken ct)
    {
        if (!key.IsKnown)
            throw new InvalidOperationException("A participant needs a sign-in or an anonymous token.");
        for (var attempt = 0; ; attempt++)
        {
            var existing = await ParticipantQuery(conversationId, key).FirstOrDefaultAsync(ct);
            if (existing != null)
                return existing;
            var now = clock.GetUtcNow().UtcDateTime;
            var number = (await db.Set<Participant>().Where(p => p.ConversationId == conversationId)
                .MaxAsync(p => (int?)p.Number, ct) ?? 0) + 1;
            var participant = new Participant
            {
                ConversationId = conversationId,
                Number = number,
                UserId = key.UserId,
                AnonymousTokenHash = key.UserId == null ? key.TokenHash : null,
                CreatedAt = now,
            };
            db.Add(participant);
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await db.SaveChangesAsync(ct);
                await db.Set<Conversation>().Where(c => c.Id == conversationId)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.ParticipantCount, c => c.ParticipantCount + 1), ct);
                await tx.CommitAsync(ct);
                return participant;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another request took the number (or created this participant) first: look again.
                db.Entry(participant).State = EntityState.Detached;
            }
        }
    }

    /// <summary>
    /// Records a vote (+1 agree, −1 disagree, 0 pass). One vote per participant and statement (a unique key); voting
    /// again changes it. Counters on the statement and the conversation move in the same transaction.
    /// </summary>
    public async Task<VoteOutcome> VoteAsync(Conversation conversation, Participant participant, Guid statementId, int value, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(participant);
        if (value is < -1 or > 1)
            throw new ArgumentOutOfRangeException(nameof(value));
        if (conversation.Closed)
            return VoteOutcome.Closed;
        var exists = await db.Set<Statement>().AnyAsync(s => s.Id == statementId && s.ConversationId == conversation.Id
            && s.Status == StatementStatus.Accepted, ct);
        if (!exists)
            return VoteOutcome.NotFound;
        for (var attempt = 0; ; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var vote = await db.Set<StatementVote>()
                .FirstOrDefaultAsync(v => v.ParticipantId == participant.Id && v.StatementId == statementId, ct);
            int da = 0, dd = 0, dp = 0, newVotes = 0;
            VoteOutcome outcome;
            if (vote == null)
            {
                vote = new StatementVote
                {
                    ParticipantId = participant.Id,
                    StatementId = statementId,
                    ConversationId = conversation.Id,
                    Value = value,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                db.Add(vote);
                Count(value, 1, ref da, ref dd, ref dp);
                newVotes = 1;
                outcome = VoteOutcome.Recorded;
            }
            else if (vote.Value != value)
            {
                Count(vote.Value, -1, ref da, ref dd, ref dp);
                Count(value, 1, ref da, ref dd, ref dp);
                vote.Value = value;
                vote.UpdatedAt = now;
                outcome = VoteOutcome.Changed;
            }
            else
            {
                return VoteOutcome.Unchanged;
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A concurrent first vote of the same participant on the same statement won: vote again as a change.
                db.Entry(vote).State = EntityState.Detached;
                await tx.RollbackAsync(ct);
                continue;
            }
            await db.Set<Statement>().Where(s => s.Id == statementId).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.AgreeCount, x => x.AgreeCount + da)
                .SetProperty(x => x.DisagreeCount, x => x.DisagreeCount + dd)
                .SetProperty(x => x.PassCount, x => x.PassCount + dp), ct);
            await db.Set<Conversation>().Where(c => c.Id == conversation.Id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.VoteCount, c => c.VoteCount + newVotes)
                .SetProperty(c => c.Version, c => c.Version + 1), ct);
            await tx.CommitAsync(ct);
            return outcome;
        }
    }

    private static void Count(int value, int by, ref int agree, ref int disagree, ref int pass)
    {
        if (value > 0)
            agree += by;
        else if (value < 0)
            disagree += by;
        else
            pass += by;
    }

    /// <summary>
    /// The next statement for a participant: accepted, not their own, not yet voted on. Statements with few votes
    /// and an even split between agree and disagree come first (see <see cref="Priority"/>); ties go to the older one.
    /// </summary>
    public async Task<NextStatement?> NextAsync(Guid conversationId, Guid? participantId, CancellationToken ct)
    {
        var candidates = await db.Set<Statement>()
            .Where(s => s.ConversationId == conversationId && s.Status == StatementStatus.Accepted)
            .Where(s => participantId == null || (s.AuthorParticipantId != participantId
                && !db.Set<StatementVote>().Any(v => v.ParticipantId == participantId && v.StatementId == s.Id)))
            .Select(s => new { s.Id, s.Number, s.Text, s.Language, s.TranslationEn, s.AgreeCount, s.DisagreeCount, s.PassCount })
            .ToListAsync(ct);
        var best = candidates
            .OrderByDescending(s => Priority(s.AgreeCount, s.DisagreeCount, s.PassCount))
            .ThenBy(s => s.Number)
            .FirstOrDefault();
        return best == null ? null : new NextStatement(best.Id, best.Number, best.Text, best.Language, best.TranslationEn, candidates.Count);
    }

    /// <summary>
    /// Higher first. Disagreement is how evenly agree and disagree split (½ for an even or unvoted statement,
    /// near 0 for a one-sided one, with add-one smoothing); novelty falls as votes accumulate. An unvoted statement
    /// scores 3; an evenly split one with 10 votes 1; a one-sided one with 10 votes about 0.4.
    /// </summary>
    public static double Priority(int agree, int disagree, int pass)
    {
        var disagreement = (Math.Min(agree, disagree) + 1.0) / (agree + disagree + 2.0);
        var seen = agree + disagree + pass;
        return (1 + 4 * disagreement) / (1 + seen / 5.0);
    }

    /// <summary>"bg" when the text has Cyrillic letters, otherwise "en".</summary>
    public static string DetectLanguage(string text) =>
        (text ?? "").Any(ch => ch is >= '\u0400' and <= '\u04FF') ? "bg" : "en";

    /// <summary>Adds a statement; participants' statements wait for moderation when the conversation asks for it.</summary>
    public async Task<Statement> AddStatementAsync(Conversation conversation, Guid? authorParticipantId, string text,
        bool seed, string translationEn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        text = (text ?? "").Trim();
        for (var attempt = 0; ; attempt++)
        {
            var number = (await db.Set<Statement>().Where(s => s.ConversationId == conversation.Id)
                .MaxAsync(s => (int?)s.Number, ct) ?? 0) + 1;
            var statement = new Statement
            {
                ConversationId = conversation.Id,
                Number = number,
                Text = text,
                Language = DetectLanguage(text),
                TranslationEn = (translationEn ?? "").Trim(),
                AuthorParticipantId = authorParticipantId,
                Status = seed || !conversation.ModerateStatements ? StatementStatus.Accepted : StatementStatus.Pending,
                IsSeed = seed,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(statement);
            try
            {
                await db.SaveChangesAsync(ct);
                return statement;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.Entry(statement).State = EntityState.Detached;
            }
        }
    }

    /// <summary>Moderation and meta changes alter the opinion map: bump the version so it is recomputed.</summary>
    public Task BumpVersionAsync(Guid conversationId, CancellationToken ct) =>
        db.Set<Conversation>().Where(c => c.Id == conversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1), ct);
}

using System.Security.Claims;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Surveys;

/// <summary>A survey as its pages load it: the process, the survey, and whether the reader manages the process.</summary>
public sealed record LoadedSurvey(Process Process, Survey Survey, bool CanManage);

/// <summary>Whether the reader may answer, and if not, the resource key saying why.</summary>
public sealed record AnswerPermission(bool Allowed, string? Refusal, bool AlreadyAnswered);

public enum SubmitOutcome
{
    Recorded,
    AlreadyAnswered,
}

/// <summary>Loading, access rules and the act of answering. Access: drafts only for the process's administrators;
/// answering per the survey's audience; results for administrators, or everyone when declared public.</summary>
public sealed class SurveyService(AgoraDb db, ProcessAccess access, Participants participants, TimeProvider clock,
    Workshops.WorkshopParticipation workshops)
{
    public const string ComponentKey = "surveys";

    public async Task<Process?> LoadProcessAsync(string slug, ClaimsPrincipal user, CancellationToken ct)
    {
        var process = await access.FindVisibleAsync(slug, user, ct);
        return process != null && process.Has(ComponentKey) ? process : null;
    }

    /// <summary>Null means 404: the process is not visible, the component is off, or the survey is an unpublished
    /// draft and the reader does not manage the process.</summary>
    public async Task<LoadedSurvey?> LoadAsync(string slug, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var process = await LoadProcessAsync(slug, user, ct);
        if (process == null)
            return null;
        var canManage = await access.CanManageAsync(user, process.Id, ct);
        var survey = await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.ProcessId == process.Id, ct);
        if (survey == null || (!survey.Published && !canManage))
            return null;
        return new LoadedSurvey(process, survey, canManage);
    }

    public async Task<SurveyDefinition> DefinitionAsync(Survey survey, CancellationToken ct)
    {
        var items = await db.Set<SurveyQuestion>().AsNoTracking().Where(q => q.SurveyId == survey.Id)
            .OrderBy(q => q.Position).ToListAsync(ct);
        var options = await db.Set<SurveyOption>().AsNoTracking().Where(o => o.SurveyId == survey.Id).ToListAsync(ct);
        return new SurveyDefinition(survey, items, options);
    }

    public static bool ResultsVisible(LoadedSurvey s) => s.CanManage || s.Survey.ResultsPublic;

    public static bool AnswersVisible(LoadedSurvey s) => s.CanManage || s.Survey.AnswersPublic;

    /// <summary>The respondent key: the signed-in person, or (only for surveys open to everyone) the browser's token.</summary>
    public static ParticipantKey KeyOf(ClaimsPrincipal user, HttpRequest request) => ParticipantKeys.KeyOf(user, request);

    public IQueryable<SurveyResponse> ResponseOf(Guid surveyId, ParticipantKey key) =>
        key.UserId is Guid uid
            ? db.Set<SurveyResponse>().Where(r => r.SurveyId == surveyId && r.UserId == uid)
            : db.Set<SurveyResponse>().Where(r => r.SurveyId == surveyId && r.TokenHash == key.TokenHash && key.TokenHash != null);

    public async Task<AnswerPermission> PermissionAsync(Survey survey, ClaimsPrincipal user, HttpRequest request, CancellationToken ct)
    {
        var key = KeyOf(user, request);
        var answered = key.IsKnown && await ResponseOf(survey.Id, key).AnyAsync(ct);
        if (answered)
            return new(false, "Surveys.AlreadyAnswered", true);
        if (!survey.Published)
            return new(false, "Surveys.DraftNotice", false);
        if (!survey.IsOpenAt(clock.GetUtcNow().UtcDateTime))
            return new(false, "Surveys.ClosedNotice", false);
        if (user.UserId() is not Guid uid)
            return survey.Audience == SurveyAudience.Everyone
                ? new(true, null, false)
                : new(false, survey.Audience == SurveyAudience.Invitees ? "Surveys.InviteesOnly" : "Surveys.SignInToAnswer", false);
        var (actor, refusal) = await participants.CheckAsync(user, ct);
        if (actor == null)
            return new(false, refusal, false);
        if (survey.Audience == SurveyAudience.Invitees)
        {
            var invited = await db.Users.Where(u => u.Id == uid && u.EmailConfirmed)
                .AnyAsync(u => db.Set<SurveyInvitee>().Any(i => i.SurveyId == survey.Id && i.NormalizedEmail == u.NormalizedEmail), ct);
            if (!invited)
                return new(false, "Surveys.NotInvited", false);
        }
        return new(true, null, false);
    }

    /// <summary>The respondent's stakeholder kind: the kind of an organisation they represent (approved), else an
    /// individual; anonymous answers are of unknown kind. The same rule as the SWOT board and the needs ranking (a
    /// person representing several organisations counts under the first by name), so breakdowns agree.</summary>
    public async Task<string> StakeholderKindAsync(Guid? userId, CancellationToken ct)
    {
        if (userId is not Guid uid)
            return StakeholderKinds.Unknown;
        var kind = (await workshops.KindsAsync([uid], ct))[uid];
        return kind == Workshops.StakeholderKinds.Resident ? StakeholderKinds.Individual : kind;
    }

    /// <summary>Stores a response and its answers in one transaction. The unique indexes on (survey, respondent) and
    /// (survey, token) make a parallel second submission fail; it is reported as already answered.</summary>
    public async Task<SubmitOutcome> SubmitAsync(Survey survey, ParticipantKey key, IReadOnlyList<SurveyAnswer> answers, CancellationToken ct)
    {
        if (!key.IsKnown)
            throw new InvalidOperationException("A response needs a sign-in or a browser token.");
        var response = new SurveyResponse
        {
            SurveyId = survey.Id,
            UserId = key.UserId,
            TokenHash = key.UserId == null ? key.TokenHash : null,
            StakeholderKind = await StakeholderKindAsync(key.UserId, ct),
            SubmittedAt = clock.GetUtcNow().UtcDateTime,
        };
        foreach (var a in answers)
        {
            a.ResponseId = response.Id;
            a.SurveyId = survey.Id;
        }
        db.Add(response);
        db.AddRange(answers);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await db.Set<Survey>().Where(s => s.Id == survey.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ResponseCount, x => x.ResponseCount + 1), ct);
            await tx.CommitAsync(ct);
            return SubmitOutcome.Recorded;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await ResponseOf(survey.Id, key).AnyAsync(ct))
                return SubmitOutcome.AlreadyAnswered;
            throw;
        }
    }
}

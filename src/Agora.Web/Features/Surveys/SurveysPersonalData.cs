using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Surveys;

/// <summary>The person's survey answers (signed-in responses), for "download my data".</summary>
public sealed class SurveysPersonalData(AgoraDb db) : IPersonalDataSource
{
    public string Section => "surveyResponses";

    public async Task<object?> CollectAsync(Guid userId, CancellationToken ct)
    {
        var responses = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.UserId == userId)
            .Join(db.Set<Survey>(), r => r.SurveyId, s => s.Id, (r, s) => new { r.Id, r.SurveyId, surveyTitle = s.Title.Bg, r.SubmittedAt, r.StakeholderKind })
            .OrderBy(r => r.SubmittedAt).ToListAsync(ct);
        var ids = responses.Select(r => r.Id).ToList();
        var answers = await db.Set<SurveyAnswer>().AsNoTracking().Where(a => ids.Contains(a.ResponseId))
            .Join(db.Set<SurveyQuestion>(), a => a.QuestionId, q => q.Id, (a, q) => new
            {
                a.ResponseId,
                question = q.Text.Bg,
                option = db.Set<SurveyOption>().Where(o => o.Id == a.OptionId).Select(o => o.Text.Bg).FirstOrDefault(),
                a.Text,
                a.Number,
                a.Date,
            }).ToListAsync(ct);
        return responses.Select(r => new
        {
            r.SurveyId,
            r.surveyTitle,
            r.SubmittedAt,
            r.StakeholderKind,
            answers = answers.Where(a => a.ResponseId == r.Id).Select(a => new { a.question, a.option, a.Text, a.Number, a.Date }),
        }).ToList();
    }
}

using Agora.Web.Features.Organizations;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Surveys;

/// <summary>One count of a GROUP BY: a question, an option (or none), a value (or none).</summary>
public sealed record AnswerCount(Guid QuestionId, Guid? OptionId, double? Number, DateOnly? Date, int Count);

/// <summary>Aggregated answers of a survey, optionally for one stakeholder kind.</summary>
public sealed class SurveyTally(int responses, IReadOnlyList<AnswerCount> counts, IReadOnlyDictionary<Guid, int> respondents)
{
    public int Responses { get; } = responses;

    public IReadOnlyList<AnswerCount> Counts { get; } = counts;

    /// <summary>How many responses answered each question (the base of the percentages).</summary>
    public int RespondentsOf(Guid questionId) => respondents.GetValueOrDefault(questionId);

    public IEnumerable<AnswerCount> Of(Guid questionId) => Counts.Where(c => c.QuestionId == questionId);

    public int CountOf(Guid questionId, Guid optionId) => Of(questionId).Where(c => c.OptionId == optionId).Sum(c => c.Count);

    public static double Percent(int count, int total) => total == 0 ? 0 : 100.0 * count / total;

    /// <summary>Mean and median of number or scale answers, from their value counts.</summary>
    public (double Mean, double Median)? Stats(Guid questionId, Guid? optionId = null)
    {
        var values = Of(questionId).Where(c => c.OptionId == optionId && c.Number != null).OrderBy(c => c.Number).ToList();
        var n = values.Sum(v => v.Count);
        if (n == 0)
            return null;
        var mean = values.Sum(v => v.Number!.Value * v.Count) / n;
        return (mean, Median(values, n));
    }

    private static double Median(List<AnswerCount> sorted, int n)
    {
        double At(int index)
        {
            var seen = 0;
            foreach (var v in sorted)
            {
                seen += v.Count;
                if (index < seen)
                    return v.Number!.Value;
            }
            return sorted[^1].Number!.Value;
        }
        return n % 2 == 1 ? At(n / 2) : (At((n / 2) - 1) + At(n / 2)) / 2;
    }

    /// <summary>Average rank of an option (1 = first) among those who ranked it, and its Borda score (an option in
    /// position p of n options scores n − p + 1).</summary>
    public (double AverageRank, int Borda, int Ranked) Rank(Guid questionId, Guid optionId, int optionCount)
    {
        var ranks = Of(questionId).Where(c => c.OptionId == optionId && c.Number != null).ToList();
        var ranked = ranks.Sum(r => r.Count);
        if (ranked == 0)
            return (0, 0, 0);
        var average = ranks.Sum(r => r.Number!.Value * r.Count) / ranked;
        var borda = ranks.Sum(r => (optionCount - (int)r.Number!.Value + 1) * r.Count);
        return (average, borda, ranked);
    }
}

/// <summary>Counts answers with SQL GROUP BY, a fixed number of queries whatever the number of answers.</summary>
public sealed class SurveyResults(AgoraDb db)
{
    /// <summary>Stakeholder kinds a filter may choose, in display order.</summary>
    public static readonly IReadOnlyList<string> Kinds =
        [.. Enum.GetNames<OrganizationKind>(), StakeholderKinds.Individual, StakeholderKinds.Unknown];

    public async Task<SurveyTally> TallyAsync(Guid surveyId, string? kind, CancellationToken ct)
    {
        var responses = db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == surveyId);
        if (!string.IsNullOrEmpty(kind))
            responses = responses.Where(r => r.StakeholderKind == kind);
        var answers = db.Set<SurveyAnswer>().AsNoTracking().Where(a => a.SurveyId == surveyId && a.Text == null)
            .Where(a => responses.Any(r => r.Id == a.ResponseId));
        var total = await responses.CountAsync(ct);
        var counts = await answers
            .GroupBy(a => new { a.QuestionId, a.OptionId, a.Number, a.Date })
            .Select(g => new AnswerCount(g.Key.QuestionId, g.Key.OptionId, g.Key.Number, g.Key.Date, g.Count()))
            .ToListAsync(ct);
        var allAnswers = db.Set<SurveyAnswer>().AsNoTracking().Where(a => a.SurveyId == surveyId)
            .Where(a => responses.Any(r => r.Id == a.ResponseId));
        var respondents = await allAnswers
            .GroupBy(a => a.QuestionId)
            .Select(g => new { g.Key, Count = g.Select(a => a.ResponseId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new SurveyTally(total, counts, respondents);
    }

    public sealed record TextAnswer(string Text, DateTime SubmittedAt, string Kind);

    /// <summary>A page of one text question's answers, newest first.</summary>
    public async Task<(IReadOnlyList<TextAnswer> Items, int Total)> TextsAsync(Guid surveyId, Guid questionId, string? kind, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Set<SurveyAnswer>().AsNoTracking().Where(a => a.SurveyId == surveyId && a.QuestionId == questionId && a.Text != null)
            .Join(db.Set<SurveyResponse>(), a => a.ResponseId, r => r.Id, (a, r) => new { a.Text, r.SubmittedAt, r.StakeholderKind, r.Id });
        if (!string.IsNullOrEmpty(kind))
            query = query.Where(x => x.StakeholderKind == kind);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(x => x.SubmittedAt).ThenBy(x => x.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new TextAnswer(x.Text!, x.SubmittedAt, x.StakeholderKind)).ToListAsync(ct);
        return (items, total);
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;
using static Agora.Web.Infrastructure.OpenData.FieldType;

namespace Agora.Web.Features.Surveys;

/// <summary>
/// Counts only, from <see cref="SurveyResults"/> — the same GROUP BY as the results page — for published surveys
/// whose administrators declared the results public, in public processes with the component on. One row per option
/// of a choice question and per value of a scale; text answers and individual answers never appear here.
/// </summary>
public sealed class SurveyResultsDataset : IOpenDataset
{
    public string Name => "survey-results";
    public LocalizedText Title => new("Резултати от анкети", "Survey results");
    public LocalizedText Description => new(
        "Обобщените резултати на анкетите с публични резултати: за всеки отговор на въпрос с избор и всяка стойност на скала — брой и процент от отговорилите на въпроса. Без текстови и без индивидуални отговори.",
        "The aggregated results of the surveys whose results are public: for each option of a choice question and each value of a scale, the count and the percentage of those who answered the question. No text answers and no individual answers.");
    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("survey_id", Text, "Анкета (идентификатор)", "Survey (identifier)"),
        new("process", Text, "Процес (кратко име в адреса)", "Process (address slug)"),
        new("survey_title_bg", Text, "Заглавие на анкетата (български)", "Survey title (Bulgarian)"),
        new("survey_title_en", Text, "Заглавие на анкетата (английски)", "Survey title (English)"),
        new("question_id", Text, "Въпрос (идентификатор)", "Question (identifier)"),
        new("question_type", Text, "Вид въпрос: SingleChoice, MultipleChoice, Scale", "Question type: SingleChoice, MultipleChoice, Scale"),
        new("question_bg", Text, "Въпрос (български)", "Question (Bulgarian)"),
        new("question_en", Text, "Въпрос (английски)", "Question (English)"),
        new("option_id", Text, "Отговор (идентификатор); празно за стойност от скала", "Option (identifier); empty for a scale value"),
        new("option_bg", Text, "Отговор (български) или стойност от скалата", "Option (Bulgarian) or the scale value"),
        new("option_en", Text, "Отговор (английски) или стойност от скалата", "Option (English) or the scale value"),
        new("count", Number, "Брой избрали", "Number who chose it"),
        new("respondents", Number, "Брой отговорили на въпроса", "Number who answered the question"),
        new("percent", Number, "Процент от отговорилите на въпроса (до десета)", "Percentage of those who answered the question (to a tenth)"),
        new("url", Url, "Страница с резултатите", "Results page"),
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var db = context.Db;
        var results = new SurveyResults(db);
        // The surveys first, in full (a handful per process): PostgreSQL reads one result at a time per connection.
        var surveys = await (from s in db.Set<Survey>().AsNoTracking()
                             join p in PublicProcesses.With(db, SurveyService.ComponentKey) on s.ProcessId equals p.Id
                             where s.Published && s.ResultsPublic
                             orderby s.CreatedAt, s.Id
                             select new { s.Id, p.Slug, TitleBg = s.Title.Bg, TitleEn = s.Title.En }).ToListAsync(ct);
        foreach (var survey in surveys)
        {
            var questions = await db.Set<SurveyQuestion>().AsNoTracking()
                .Where(q => q.SurveyId == survey.Id && (q.Type == QuestionType.SingleChoice || q.Type == QuestionType.MultipleChoice || q.Type == QuestionType.Scale))
                .OrderBy(q => q.Position)
                .Select(q => new { q.Id, q.Type, TextBg = q.Text.Bg, TextEn = q.Text.En, q.ScaleMin, q.ScaleMax }).ToListAsync(ct);
            var options = (await db.Set<SurveyOption>().AsNoTracking().Where(o => o.SurveyId == survey.Id)
                .OrderBy(o => o.Position).Select(o => new { o.Id, o.QuestionId, TextBg = o.Text.Bg, TextEn = o.Text.En }).ToListAsync(ct))
                .ToLookup(o => o.QuestionId);
            var tally = await results.TallyAsync(survey.Id, null, ct);
            var url = context.Link($"/processes/{survey.Slug}/surveys/{survey.Id}/results");
            foreach (var q in questions)
            {
                var answered = tally.RespondentsOf(q.Id);
                object?[] Row(string? optionId, string bg, string en, int count) =>
                    [survey.Id.ToString(), survey.Slug, survey.TitleBg, survey.TitleEn, q.Id.ToString(), q.Type.ToString(), q.TextBg, q.TextEn,
                        optionId, bg, en, count, answered, Math.Round(SurveyTally.Percent(count, answered), 1), url];
                if (q.Type == QuestionType.Scale)
                {
                    for (var v = q.ScaleMin; v <= q.ScaleMax; v++)
                    {
                        var value = v.ToString(CultureInfo.InvariantCulture);
                        yield return Row(null, value, value, tally.Of(q.Id).Where(c => c.Number == v).Sum(c => c.Count));
                    }
                }
                else
                {
                    foreach (var o in options[q.Id])
                        yield return Row(o.Id.ToString(), o.TextBg, o.TextEn, tally.CountOf(q.Id, o.Id));
                }
            }
        }
    }
}

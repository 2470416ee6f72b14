using System.ComponentModel;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Surveys;

/// <summary>A survey as the API shows it (v1).</summary>
[Description("A published survey of a process; by id also its questions and, when its results are public, the aggregates.")]
public sealed record ApiSurvey(
    [property: Description("The survey's id.")] Guid Id,
    [property: Description("The slug of the process it belongs to.")] string Process,
    [property: Description("The title, in both languages.")] ApiText Title,
    [property: Description("The introduction, Markdown, in both languages.")] ApiText Description,
    [property: Description("Who may answer: everyone, or invitees only.")] SurveyAudience Audience,
    [property: Description("Whether the facilitators have closed it.")] bool Closed,
    [property: Description("When it closes, UTC; absent when no date is set.")] DateTime? ClosesAt,
    [property: Description("How many responses it has.")] int ResponseCount,
    [property: Description("Whether its results are public (then /surveys/{id} carries the aggregates).")] bool ResultsPublic,
    [property: Description("The questions and section headings in order; only on /surveys/{id}.")] IReadOnlyList<ApiSurveyQuestion>? Questions,
    [property: Description("The aggregated results; only on /surveys/{id} and only when the results are public. Individual answers and text answers never appear.")] ApiSurveyResults? Results,
    [property: Description("When it was created, UTC.")] DateTime CreatedAt,
    [property: Description("When it last changed, UTC.")] DateTime UpdatedAt,
    [property: Description("The survey's page.")] Uri Url);

[Description("A question or a section heading of a survey.")]
public sealed record ApiSurveyQuestion(
    [property: Description("The question's id.")] Guid Id,
    [property: Description("The type: section (a heading), singleChoice, multipleChoice, shortText, longText, number, scale, ranking, matrix, date.")] QuestionType Type,
    [property: Description("The question, in both languages.")] ApiText Text,
    [property: Description("Whether an answer is required.")] bool Required,
    [property: Description("The lowest point of the scale (scale and matrix questions); absent otherwise.")] int? ScaleMin,
    [property: Description("The highest point of the scale (scale and matrix questions); absent otherwise.")] int? ScaleMax,
    [property: Description("The options (choices, items to rank, matrix rows) in order; empty for other types.")] IReadOnlyList<ApiSurveyOption> Options);

[Description("An option of a question.")]
public sealed record ApiSurveyOption(
    [property: Description("The option's id.")] Guid Id,
    [property: Description("The option, in both languages.")] ApiText Text);

[Description("The aggregates of a survey whose results are public.")]
public sealed record ApiSurveyResults(
    [property: Description("How many responses were counted.")] int Responses,
    [property: Description("Per answerable question, in order.")] IReadOnlyList<ApiQuestionResult> Questions);

[Description("The aggregate of one question.")]
public sealed record ApiQuestionResult(
    [property: Description("The question's id.")] Guid Question,
    [property: Description("How many responses answered it.")] int Respondents,
    [property: Description("The mean of number and scale answers; absent for other types or without answers.")] double? Mean,
    [property: Description("Per option: choices counted, or for ranking and matrix questions how many ranked or rated it and its mean rank or rating. Empty for other types.")] IReadOnlyList<ApiOptionResult> Options);

[Description("The aggregate of one option.")]
public sealed record ApiOptionResult(
    [property: Description("The option's id.")] Guid Option,
    [property: Description("How many chose it (choice questions), ranked it (ranking) or rated it (matrix).")] int Count,
    [property: Description("The mean rank (ranking, 1 = first) or mean rating (matrix); absent for choice questions.")] double? Mean);

/// <summary>/api/v1/surveys: published surveys of published processes with surveys switched on.</summary>
public sealed class SurveysApi : IApiModule
{
    public static readonly ApiKind Kind = new("surveys", "survey",
        "Published surveys with their response counts. By id, the questions, and the aggregated results when the survey's " +
        "results are public; individual and text answers never appear. Drafts never appear.",
        typeof(ApiSurvey),
        new ApiSurvey(Guid.Parse("3f4e5d6c-7b8a-4c9d-8e1f-2a3b4c5d6e7f"), "icc-2026",
            new ApiText("Дигитални умения в общността", "Digital skills in the community"),
            new ApiText("Кратко проучване преди работилницата.", "A short survey before the workshop."), SurveyAudience.Everyone,
            false, new DateTime(2026, 6, 30, 21, 0, 0, DateTimeKind.Utc), 42, true,
            [new ApiSurveyQuestion(Guid.Parse("4a5b6c7d-8e9f-4a1b-9c2d-3e4f5a6b7c8d"), QuestionType.Scale,
                new ApiText("Колко уверено използвате електронни услуги?", "How confidently do you use e-services?"), true, 1, 5, [])],
            new ApiSurveyResults(42, [new ApiQuestionResult(Guid.Parse("4a5b6c7d-8e9f-4a1b-9c2d-3e4f5a6b7c8d"), 40, 3.6, [])]),
            new DateTime(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 5, 20, 8, 0, 0, DateTimeKind.Utc),
            new Uri("https://agora.sofia.bg/processes/icc-2026/surveys/3f4e5d6c-7b8a-4c9d-8e1f-2a3b4c5d6e7f")),
        [ProcessApiFilters.Process, ApiFilter.UpdatedSince]);

    public IReadOnlyList<ApiKind> Kinds => [Kind];

    public void Map(RouteGroupBuilder api)
    {
        api.MapRead("/surveys", ListAsync);
        api.MapRead("/surveys/{id:guid}", GetAsync);
    }

    /// <summary>Two queries at most: the process filter's slug, then the page.</summary>
    private static async Task<IResult> ListAsync(HttpContext http, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var list = ApiList.Parse(http);
        var processId = await list.ProcessIdAsync(db, ct);
        var q = Project(db, Public(db));
        if (processId is Guid pid)
            q = q.Where(r => r.S.ProcessId == pid);
        if (list.UpdatedSince is DateTime since)
            q = q.Where(r => r.S.UpdatedAt >= since);
        if (list.After is ApiCursor a)
            q = q.Where(r => r.S.CreatedAt > a.At || (r.S.CreatedAt == a.At && r.S.Id.CompareTo(a.Id) > 0));
        var rows = await q.OrderBy(r => r.S.CreatedAt).ThenBy(r => r.S.Id).Take(list.Limit + 1).ToListAsync(ct);
        return list.Page(rows.Select(r => r.ToApi(links, null, null)).ToList(), s => new ApiCursor(s.CreatedAt, s.Id));
    }

    /// <summary>The survey, its definition (the form's own loader) and, when public, the tally of the results page.</summary>
    private static async Task<IResult> GetAsync(Guid id, AgoraDb db, PublicLinks links, SurveyService surveys,
        SurveyResults results, CancellationToken ct)
    {
        var row = await Project(db, Public(db).Where(s => s.Id == id)).FirstOrDefaultAsync(ct);
        if (row == null)
            return ApiList.Item<ApiSurvey>(null, Kind.Singular);
        var definition = await surveys.DefinitionAsync(row.S, ct);
        var questions = definition.Items.Select(q => new ApiSurveyQuestion(q.Id, q.Type, ApiText.From(q.Text), q.Required,
            q.Type is QuestionType.Scale or QuestionType.Matrix ? q.ScaleMin : null,
            q.Type is QuestionType.Scale or QuestionType.Matrix ? q.ScaleMax : null,
            [.. definition.OptionsOf(q.Id).Select(o => new ApiSurveyOption(o.Id, ApiText.From(o.Text)))])).ToList();
        ApiSurveyResults? aggregates = null;
        // Only what the results page shows anonymous readers: nothing unless the survey declared its results public.
        if (row.S.ResultsPublic)
        {
            var tally = await results.TallyAsync(row.S.Id, null, ct);
            aggregates = new ApiSurveyResults(tally.Responses,
                [.. definition.Questions.Select(q => ResultOf(q, definition.OptionsOf(q.Id), tally))]);
        }
        return ApiList.Item(row.ToApi(links, questions, aggregates), Kind.Singular);
    }

    /// <summary>Counts and means as the results page computes them (no text answers: the tally leaves them out).</summary>
    private static ApiQuestionResult ResultOf(SurveyQuestion q, IReadOnlyList<SurveyOption> options, SurveyTally tally)
    {
        var respondents = tally.RespondentsOf(q.Id);
        return q.Type switch
        {
            QuestionType.Number or QuestionType.Scale => new(q.Id, respondents, tally.Stats(q.Id)?.Mean, []),
            QuestionType.SingleChoice or QuestionType.MultipleChoice => new(q.Id, respondents, null,
                [.. options.Select(o => new ApiOptionResult(o.Id, tally.CountOf(q.Id, o.Id), null))]),
            QuestionType.Ranking => new(q.Id, respondents, null, [.. options.Select(o =>
            {
                var (average, _, ranked) = tally.Rank(q.Id, o.Id, options.Count);
                return new ApiOptionResult(o.Id, ranked, ranked == 0 ? null : average);
            })]),
            QuestionType.Matrix => new(q.Id, respondents, null, [.. options.Select(o =>
                new ApiOptionResult(o.Id, tally.Of(q.Id).Where(c => c.OptionId == o.Id && c.Number != null).Sum(c => c.Count),
                    tally.Stats(q.Id, o.Id)?.Mean))]),
            _ => new(q.Id, respondents, null, []),
        };
    }

    /// <summary>Published surveys in published processes with surveys switched on, as on the surveys page.</summary>
    public static IQueryable<Survey> Public(AgoraDb db)
    {
        var processes = PublicProcesses.With(db, SurveyService.ComponentKey);
        return db.Set<Survey>().AsNoTracking().Where(s => s.Published && processes.Any(p => p.Id == s.ProcessId));
    }

    /// <summary>Member-initialised, so the query can still filter and order by its members after the projection.</summary>
    private sealed class Row
    {
        public required Survey S { get; init; }
        public required string Process { get; init; }

        public ApiSurvey ToApi(PublicLinks links, IReadOnlyList<ApiSurveyQuestion>? questions, ApiSurveyResults? results) => new(S.Id,
            Process, ApiText.From(S.Title), ApiText.From(S.Description), S.Audience, S.Closed, S.ClosesAt, S.ResponseCount,
            S.ResultsPublic, questions, results, S.CreatedAt, S.UpdatedAt, new Uri(links.Absolute($"/processes/{Process}/surveys/{S.Id}")));
    }

    private static IQueryable<Row> Project(AgoraDb db, IQueryable<Survey> surveys) =>
        from s in surveys
        join p in db.Set<Process>() on s.ProcessId equals p.Id
        select new Row { S = s, Process = p.Slug };
}

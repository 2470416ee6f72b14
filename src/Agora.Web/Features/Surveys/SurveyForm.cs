using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Agora.Web.Features.Surveys;

/// <summary>A survey's questions in order, each with its number (sections have none) and options.</summary>
public sealed class SurveyDefinition(Survey survey, IReadOnlyList<SurveyQuestion> items, IReadOnlyList<SurveyOption> options)
{
    public Survey Survey { get; } = survey;

    /// <summary>Questions and section headings, by position.</summary>
    public IReadOnlyList<SurveyQuestion> Items { get; } = items;

    public IEnumerable<SurveyQuestion> Questions => Items.Where(q => q.Type != QuestionType.Section);

    private readonly ILookup<Guid, SurveyOption> byQuestion = options.OrderBy(o => o.Position).ToLookup(o => o.QuestionId);
    private readonly Dictionary<Guid, SurveyOption> optionsById = options.ToDictionary(o => o.Id);

    public IReadOnlyList<SurveyOption> OptionsOf(Guid questionId) => byQuestion[questionId].ToList();

    public SurveyOption? Option(Guid id) => optionsById.GetValueOrDefault(id);

    public SurveyQuestion? Question(Guid id) => Items.FirstOrDefault(q => q.Id == id);

    /// <summary>1-based question number as people see it (sections are not counted).</summary>
    public int NumberOf(Guid questionId)
    {
        var n = 0;
        foreach (var q in Items)
        {
            if (q.Type != QuestionType.Section)
                n++;
            if (q.Id == questionId)
                return n;
        }
        return 0;
    }

    /// <summary>The form field name of a question; rankings and matrices add the position or row.</summary>
    public static string Field(Guid questionId) => "q_" + questionId.ToString("N");

    public static string Field(Guid questionId, string part) => Field(questionId) + "_" + part;
}

/// <summary>A refusal of one question's answer: a resource key and its arguments.</summary>
public sealed record AnswerError(Guid QuestionId, string Key, object[] Args);

/// <summary>
/// Reads a posted answer form against the survey's questions. Every question is checked and every error is
/// reported (so the form can show them all and keep the other answers). A question whose condition is not met —
/// the earlier question does not have the chosen option — is hidden: its required-ness does not apply and whatever
/// was posted for it is dropped, which is how the form works without JavaScript.
/// </summary>
public static class SurveyForm
{
    public const int TextMaxLength = 4000;
    public const int ShortTextMaxLength = 300;

    public static (List<SurveyAnswer> Answers, List<AnswerError> Errors) Read(SurveyDefinition def, Func<string, StringValues> form)
    {
        ArgumentNullException.ThrowIfNull(def);
        ArgumentNullException.ThrowIfNull(form);
        var answers = new List<SurveyAnswer>();
        var errors = new List<AnswerError>();
        // The options chosen in each (shown, valid) question so far, for the conditions of later questions.
        var chosen = new Dictionary<Guid, HashSet<Guid>>();
        foreach (var q in def.Questions)
        {
            if (q.ConditionQuestionId is Guid cq && q.ConditionOptionId is Guid co
                && !(chosen.TryGetValue(cq, out var set) && set.Contains(co)))
                continue;
            var before = answers.Count;
            var error = ReadOne(def, q, form, answers);
            if (error != null)
            {
                answers.RemoveRange(before, answers.Count - before);
                errors.Add(new AnswerError(q.Id, error.Value.Key, error.Value.Args));
                continue;
            }
            chosen[q.Id] = answers.Skip(before).Where(a => a.OptionId != null).Select(a => a.OptionId!.Value).ToHashSet();
        }
        foreach (var a in answers)
            a.SurveyId = def.Survey.Id;
        return (answers, errors);
    }

    private static (string Key, object[] Args)? ReadOne(SurveyDefinition def, SurveyQuestion q, Func<string, StringValues> form, List<SurveyAnswer> answers)
    {
        var name = SurveyDefinition.Field(q.Id);
        var values = form(name).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        var options = def.OptionsOf(q.Id);
        switch (q.Type)
        {
            case QuestionType.SingleChoice:
            case QuestionType.MultipleChoice:
                {
                    if (values.Count == 0)
                        return q.Required ? ("Surveys.Error.Required", []) : null;
                    var ids = new List<Guid>();
                    foreach (var v in values)
                    {
                        if (!Guid.TryParse(v, out var id) || options.All(o => o.Id != id))
                            return ("Surveys.Error.UnknownOption", []);
                        if (!ids.Contains(id))
                            ids.Add(id);
                    }
                    if (q.Type == QuestionType.SingleChoice && ids.Count > 1)
                        return ("Surveys.Error.OneChoice", []);
                    if (q.Type == QuestionType.MultipleChoice)
                    {
                        if (q.Min is int min && ids.Count < min)
                            return ("Surveys.Error.TooFewChoices", [min]);
                        if (q.Max is int max && ids.Count > max)
                            return ("Surveys.Error.TooManyChoices", [max]);
                    }
                    answers.AddRange(ids.Select(id => new SurveyAnswer { QuestionId = q.Id, OptionId = id }));
                    return null;
                }
            case QuestionType.ShortText:
            case QuestionType.LongText:
                {
                    var text = string.Join("\n", values);
                    if (text.Length == 0)
                        return q.Required ? ("Surveys.Error.Required", []) : null;
                    var max = q.Type == QuestionType.ShortText ? ShortTextMaxLength : TextMaxLength;
                    if (text.Length > max)
                        return ("Surveys.Error.TooLong", [max]);
                    answers.Add(new SurveyAnswer { QuestionId = q.Id, Text = text });
                    return null;
                }
            case QuestionType.Number:
                {
                    if (values.Count == 0)
                        return q.Required ? ("Surveys.Error.Required", []) : null;
                    if (values.Count > 1 || !double.TryParse(values[0].Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                        || !double.IsFinite(n))
                        return ("Surveys.Error.NotANumber", []);
                    if ((q.Min is int min && n < min) || (q.Max is int max && n > max))
                        return ("Surveys.Error.OutOfRange", [q.Min?.ToString(CultureInfo.CurrentCulture) ?? "−∞", q.Max?.ToString(CultureInfo.CurrentCulture) ?? "∞"]);
                    answers.Add(new SurveyAnswer { QuestionId = q.Id, Number = n });
                    return null;
                }
            case QuestionType.Scale:
                {
                    if (values.Count == 0)
                        return q.Required ? ("Surveys.Error.Required", []) : null;
                    if (values.Count > 1 || !int.TryParse(values[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                        || n < q.ScaleMin || n > q.ScaleMax)
                        return ("Surveys.Error.OutOfRange", [q.ScaleMin, q.ScaleMax]);
                    answers.Add(new SurveyAnswer { QuestionId = q.Id, Number = n });
                    return null;
                }
            case QuestionType.Date:
                {
                    if (values.Count == 0)
                        return q.Required ? ("Surveys.Error.Required", []) : null;
                    if (values.Count > 1 || !DateOnly.TryParseExact(values[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                        return ("Surveys.Error.NotADate", []);
                    answers.Add(new SurveyAnswer { QuestionId = q.Id, Date = d });
                    return null;
                }
            case QuestionType.Ranking:
                {
                    // Position p (1 = first) holds the option placed there; every option at most once.
                    var placed = new List<Guid>();
                    for (var p = 1; p <= options.Count; p++)
                    {
                        var v = form(SurveyDefinition.Field(q.Id, p.ToString(CultureInfo.InvariantCulture))).FirstOrDefault(x => !string.IsNullOrWhiteSpace(x));
                        if (v == null)
                            continue;
                        if (!Guid.TryParse(v.Trim(), out var id) || options.All(o => o.Id != id))
                            return ("Surveys.Error.UnknownOption", []);
                        if (placed.Contains(id))
                            return ("Surveys.Error.RankedTwice", []);
                        placed.Add(id);
                        answers.Add(new SurveyAnswer { QuestionId = q.Id, OptionId = id, Number = p });
                    }
                    if (placed.Count == 0)
                        return q.Required ? ("Surveys.Error.Required", []) : null;
                    if (q.Required && placed.Count < options.Count)
                        return ("Surveys.Error.RankAll", []);
                    return null;
                }
            case QuestionType.Matrix:
                {
                    var answered = 0;
                    foreach (var row in options)
                    {
                        var v = form(SurveyDefinition.Field(q.Id, row.Id.ToString("N"))).FirstOrDefault(x => !string.IsNullOrWhiteSpace(x));
                        if (v == null)
                            continue;
                        if (!int.TryParse(v.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < q.ScaleMin || n > q.ScaleMax)
                            return ("Surveys.Error.OutOfRange", [q.ScaleMin, q.ScaleMax]);
                        answered++;
                        answers.Add(new SurveyAnswer { QuestionId = q.Id, OptionId = row.Id, Number = n });
                    }
                    if (q.Required && answered < options.Count)
                        return ("Surveys.Error.AnswerAllRows", []);
                    return null;
                }
            default:
                return null;
        }
    }
}

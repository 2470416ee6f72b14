using System.Globalization;
using System.Text;
using System.Text.Json;
using Agora.OpinionMap;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Surveys;

/// <summary>
/// The individual answers as CSV (RFC 4180, UTF-8, one row per response, one column per question) or JSON. Both
/// stream: one query reads responses left-joined with their answers in response order through
/// <c>AsAsyncEnumerable</c>, and each response is written to the body as soon as its last answer has been read, so a
/// survey with hundreds of thousands of answers exports in constant memory.
/// </summary>
public sealed class SurveyExport(AgoraDb db)
{
    private const int FlushEvery = 200;

    private sealed record Row(Guid ResponseId, DateTime SubmittedAt, string Kind, Guid? QuestionId, Guid? OptionId, string? Text, double? Number, DateOnly? Date);

    /// <summary>One response's answers, collected while its rows are read.</summary>
    private sealed class Current
    {
        public Guid Id;
        public DateTime SubmittedAt;
        public string Kind = "";
        public readonly Dictionary<Guid, List<Row>> Answers = [];
    }

    private async IAsyncEnumerable<Current> ResponsesAsync(Guid surveyId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var rows = (from r in db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == surveyId)
                    join a in db.Set<SurveyAnswer>().AsNoTracking() on r.Id equals a.ResponseId into answers
                    from a in answers.DefaultIfEmpty()
                    orderby r.SubmittedAt, r.Id
                    select new Row(r.Id, r.SubmittedAt, r.StakeholderKind, a == null ? null : a.QuestionId, a == null ? null : a.OptionId,
                        a == null ? null : a.Text, a == null ? null : a.Number, a == null ? null : a.Date))
            .AsAsyncEnumerable();
        Current? current = null;
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (current == null || current.Id != row.ResponseId)
            {
                if (current != null)
                    yield return current;
                current = new Current { Id = row.ResponseId, SubmittedAt = row.SubmittedAt, Kind = row.Kind };
            }
            if (row.QuestionId is Guid q)
            {
                if (!current.Answers.TryGetValue(q, out var list))
                    current.Answers[q] = list = [];
                list.Add(row);
            }
        }
        if (current != null)
            yield return current;
    }

    /// <summary>One question's answer as one cell: choices joined by "; " (rankings in rank order), matrix rows as
    /// "row: value".</summary>
    private static string Cell(SurveyDefinition def, SurveyQuestion q, List<Row>? answers)
    {
        if (answers == null || answers.Count == 0)
            return "";
        string Option(Guid? id) => id is Guid g && def.Option(g) is { } o ? o.Text.Current : "";
        return q.Type switch
        {
            QuestionType.SingleChoice or QuestionType.MultipleChoice =>
                string.Join("; ", answers.OrderBy(a => def.Option(a.OptionId ?? Guid.Empty)?.Position ?? 0).Select(a => Option(a.OptionId))),
            QuestionType.Ranking => string.Join("; ", answers.OrderBy(a => a.Number).Select(a => Option(a.OptionId))),
            QuestionType.Matrix => string.Join("; ", answers.OrderBy(a => def.Option(a.OptionId ?? Guid.Empty)?.Position ?? 0)
                .Select(a => Option(a.OptionId) + ": " + Num(a.Number))),
            QuestionType.Number or QuestionType.Scale => Num(answers[0].Number),
            QuestionType.Date => answers[0].Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            _ => answers[0].Text ?? "",
        };
    }

    private static string Num(double? n) => n?.ToString("0.############", CultureInfo.InvariantCulture) ?? "";

    public async Task WriteCsvAsync(SurveyDefinition def, Stream body, CancellationToken ct)
    {
        var questions = def.Questions.ToList();
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        var header = new List<string> { "response", "submitted_at", "stakeholder_kind" };
        header.AddRange(questions.Select(q => $"{def.NumberOf(q.Id)}. {q.Text.Current}"));
        await writer.WriteLineAsync(string.Join(",", header.Select(h => CsvField.Text(h, quoteAlways: true))));
        var n = 0;
        await foreach (var r in ResponsesAsync(def.Survey.Id, ct))
        {
            n++;
            var cells = new List<string>(questions.Count + 3)
            {
                CsvField.Value(n.ToString(CultureInfo.InvariantCulture), quoteAlways: true),
                CsvField.Value(r.SubmittedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), quoteAlways: true),
                CsvField.Text(r.Kind, quoteAlways: true),
            };
            // A number, scale or date answer is a value the code wrote (a negative number stays -3); every other answer
            // is text a person typed or chose, and is defused.
            cells.AddRange(questions.Select(q => q.Type is QuestionType.Number or QuestionType.Scale or QuestionType.Date
                ? CsvField.Value(Cell(def, q, r.Answers.GetValueOrDefault(q.Id)), quoteAlways: true)
                : CsvField.Text(Cell(def, q, r.Answers.GetValueOrDefault(q.Id)), quoteAlways: true)));
            await writer.WriteLineAsync(string.Join(",", cells));
            if (n % FlushEvery == 0)
                await writer.FlushAsync(ct);
        }
        await writer.FlushAsync(ct);
    }

    public async Task WriteJsonAsync(SurveyDefinition def, Stream body, CancellationToken ct)
    {
        var questions = def.Questions.ToList();
        await using var json = new Utf8JsonWriter(body, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("survey", def.Survey.Id);
        json.WriteString("title", def.Survey.Title.Current);
        json.WriteStartArray("questions");
        foreach (var q in questions)
        {
            json.WriteStartObject();
            json.WriteString("id", q.Id);
            json.WriteNumber("number", def.NumberOf(q.Id));
            json.WriteString("type", q.Type.ToString());
            json.WriteString("text", q.Text.Current);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("responses");
        var n = 0;
        await foreach (var r in ResponsesAsync(def.Survey.Id, ct))
        {
            n++;
            json.WriteStartObject();
            json.WriteNumber("response", n);
            json.WriteString("submittedAt", r.SubmittedAt);
            json.WriteString("stakeholderKind", r.Kind);
            json.WriteStartObject("answers");
            foreach (var q in questions)
            {
                if (!r.Answers.TryGetValue(q.Id, out var answers))
                    continue;
                json.WritePropertyName(q.Id.ToString());
                WriteValue(json, def, q, answers);
            }
            json.WriteEndObject();
            json.WriteEndObject();
            if (n % FlushEvery == 0)
                await json.FlushAsync(ct);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    private static void WriteValue(Utf8JsonWriter json, SurveyDefinition def, SurveyQuestion q, List<Row> answers)
    {
        string Option(Guid? id) => id is Guid g && def.Option(g) is { } o ? o.Text.Current : "";
        switch (q.Type)
        {
            case QuestionType.SingleChoice:
                json.WriteStringValue(Option(answers[0].OptionId));
                break;
            case QuestionType.MultipleChoice:
            case QuestionType.Ranking:
                json.WriteStartArray();
                foreach (var a in q.Type == QuestionType.Ranking ? answers.OrderBy(a => a.Number) : answers.OrderBy(a => def.Option(a.OptionId ?? Guid.Empty)?.Position ?? 0))
                    json.WriteStringValue(Option(a.OptionId));
                json.WriteEndArray();
                break;
            case QuestionType.Matrix:
                json.WriteStartObject();
                foreach (var a in answers)
                    json.WriteNumber(Option(a.OptionId), a.Number ?? 0);
                json.WriteEndObject();
                break;
            case QuestionType.Number:
            case QuestionType.Scale:
                json.WriteNumberValue(answers[0].Number ?? 0);
                break;
            case QuestionType.Date:
                json.WriteStringValue(answers[0].Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(answers[0].Text);
                break;
        }
    }
}

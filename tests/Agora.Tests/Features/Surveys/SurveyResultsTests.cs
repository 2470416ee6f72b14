using System.Globalization;
using System.Net;
using System.Text.Json;
using Agora.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;
using static Agora.Tests.Features.Surveys.SurveyTestKit;

namespace Agora.Tests.Features.Surveys;

public sealed class SurveyResultsTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    /// <summary>The "done when": a survey with a conditional question, 20 answers, and a CSV export that
    /// matches them; the results page counts them with a fixed number of queries.</summary>
    [Fact]
    public async Task TwentyAnswers_CsvAndJsonExportsMatch_AndResultsCountThem()
    {
        var admin = await f.PersonAsync();
        var p = await f.ProcessAsync(components: "surveys", administrator: admin);
        var s = new TestSurvey(p);
        var part = s.Add(QuestionType.SingleChoice, "Участвате ли?", true, "Да", "Не");
        var how = s.Add(QuestionType.ShortText, "=Как?", true);
        how.ConditionQuestionId = part.Id;
        how.ConditionOptionId = s.Option(part, "Да").Id;
        var score = s.Add(QuestionType.Scale, "Оценка", true);
        var picks = s.Add(QuestionType.MultipleChoice, "Теми", false, "Данни", "Обучения", "Транспорт");
        var rank = s.Add(QuestionType.Ranking, "Подредете", false, "А", "Б");
        var matrix = s.Add(QuestionType.Matrix, "Матрица", false, "Ред 1", "Ред 2");
        await s.SaveAsync(f);

        var expected = new List<string[]>();
        for (var i = 0; i < 20; i++)
        {
            var yes = i % 4 != 0;
            var client = f.Browser();
            var fields = new List<(string, string)>
            {
                (F(part), s.Option(part, yes ? "Да" : "Не").Id.ToString()),
                (F(how), "=SUM(A1) отговор " + i),
                (F(score), (1 + (i % 5)).ToString(CultureInfo.InvariantCulture)),
                (F(picks), s.Option(picks, "Данни").Id.ToString()),
            };
            if (i % 2 == 0)
                fields.Add((F(picks), s.Option(picks, "Транспорт").Id.ToString()));
            fields.Add((SurveyDefinition.Field(rank.Id, "1"), s.Option(rank, "Б").Id.ToString()));
            fields.Add((SurveyDefinition.Field(rank.Id, "2"), s.Option(rank, "А").Id.ToString()));
            fields.Add((SurveyDefinition.Field(matrix.Id, s.Option(matrix, "Ред 2").Id.ToString("N")), "3"));
            var response = await client.AnswerAsync(s, [.. fields]);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            expected.Add([
                yes ? "Да" : "Не",
                yes ? "'=SUM(A1) отговор " + i : "",
                (1 + (i % 5)).ToString(CultureInfo.InvariantCulture),
                i % 2 == 0 ? "Данни; Транспорт" : "Данни",
                "Б; А",
                "Ред 2: 3",
            ]);
        }

        var adminClient = await f.SignedInAsync(admin);
        var csvResponse = await adminClient.GetAsync(s.Url("/export.csv"));
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csv = await csvResponse.Content.ReadAsStringAsync();
        var rows = ParseCsv(csv);
        Assert.Equal(21, rows.Count);
        Assert.Equal(["response", "submitted_at", "stakeholder_kind", "1. Участвате ли?", "2. =Как?", "3. Оценка", "4. Теми", "5. Подредете", "6. Матрица"], rows[0]);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal((i + 1).ToString(CultureInfo.InvariantCulture), rows[i + 1][0]);
            Assert.Equal("Unknown", rows[i + 1][2]);
            Assert.Equal(expected[i], rows[i + 1][3..]);
        }

        using var json = JsonDocument.Parse(await adminClient.GetStringAsync(s.Url("/export.json")));
        var responses = json.RootElement.GetProperty("responses");
        Assert.Equal(20, responses.GetArrayLength());
        Assert.Equal(["Б", "А"], responses[0].GetProperty("answers").GetProperty(rank.Id.ToString()).EnumerateArray().Select(e => e.GetString()));
        Assert.False(responses[0].GetProperty("answers").TryGetProperty(how.Id.ToString(), out _), "the hidden question has no answer");

        // Results: counts and percentages with a chart and a table, mean and median, a fixed number of queries.
        var html = await adminClient.HtmlAsync(s.Url("/results"));
        f.Queries.Reset();
        html = await adminClient.HtmlAsync(s.Url("/results"));
        var queries = f.Queries.Count;
        Assert.Contains("<svg class=\"survey-bars\"", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Да</th><td>15</td><td>75 %</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Транспорт</th><td>10</td><td>50 %</td>", html, StringComparison.Ordinal);
        Assert.Contains("Средно: 3; медиана: 3", html, StringComparison.Ordinal);
        Assert.True(queries <= 14, $"results page ran {queries} queries");

        // More answers, the same number of queries.
        await f.DbAsync(async db =>
        {
            for (var i = 0; i < 10; i++)
            {
                var r = new SurveyResponse { SurveyId = s.Survey.Id, TokenHash = "extra" + i, SubmittedAt = DateTime.UtcNow };
                db.Add(r);
                db.Add(new SurveyAnswer { ResponseId = r.Id, SurveyId = s.Survey.Id, QuestionId = score.Id, Number = 2 });
                db.Add(new SurveyAnswer { ResponseId = r.Id, SurveyId = s.Survey.Id, QuestionId = picks.Id, OptionId = s.Option(picks, "Обучения").Id });
            }
            return await db.SaveChangesAsync();
        });
        f.Queries.Reset();
        Assert.Contains("Отговори: 30", await adminClient.HtmlAsync(s.Url("/results")), StringComparison.Ordinal);
        Assert.Equal(queries, f.Queries.Count);

        var texts = await adminClient.HtmlAsync(s.Url($"/results?question={how.Id}"));
        Assert.Contains("=SUM(A1) отговор 19", texts, StringComparison.Ordinal);

        // Filter by stakeholder kind: none of these anonymous answers are from companies.
        var companies = await adminClient.HtmlAsync(s.Url("/results?kind=Company"));
        Assert.Contains("Отговори: 0", companies, StringComparison.Ordinal);
    }

    /// <summary>RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF rows.</summary>
    private static List<string[]> ParseCsv(string csv)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add([.. row]); row.Clear(); }
            else field.Append(c);
        }
        return rows;
    }
}

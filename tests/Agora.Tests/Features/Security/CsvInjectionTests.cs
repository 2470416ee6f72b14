using System.Globalization;
using System.Net;
using System.Text;
using Agora.OpinionMap;
using Agora.Tests.Features.Events;
using Agora.Tests.Features.Maturity;
using Agora.Tests.Features.Surveys;
using Agora.Tests.Features.Workshops;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Debates;
using Agora.Web.Features.Maturity;
using Agora.Web.Features.Needs;
using Agora.Web.Features.OpenData;
using Agora.Web.Features.Proposals;
using Agora.Web.Features.Surveys;
using Agora.Web.Features.Swot;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Security;

/// <summary>
/// Formula injection: every CSV file the app writes defuses a text cell that starts with = + - @, a tab or a carriage
/// return (a leading apostrophe), and leaves the numbers it wrote itself alone. One test per writer.
/// </summary>
public sealed class CsvInjectionTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    /// <summary>What an attacker types: "-" followed by a digit was written raw before.</summary>
    private const string Minus = "-2+3+cmd|' /C calc'!A0";

    private static readonly string[] Hostile = [Minus, "=HYPERLINK(\"http://x\")", "+1+1", "@SUM(1)", "\tTAB=1", "\rCR=1"];

    private static bool Armed(string cell) => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    [Fact]
    public void CsvField_defuses_text_and_keeps_values()
    {
        foreach (var h in Hostile)
        {
            Assert.Equal("'" + h, Unquote(CsvField.Text(h)));
            Assert.Equal(h, CsvField.Restore(Unquote(CsvField.Text(h))));
        }
        Assert.Equal("-3", CsvField.Value("-3"));
        Assert.Equal("\"-3\"", CsvField.Value("-3", quoteAlways: true));
        Assert.Equal("'-3", CsvField.Text("-3")); // a person's text that looks like a number is still text
        Assert.Equal("\"a,b\"", CsvField.Text("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", CsvField.Text("say \"hi\""));
        Assert.Equal("plain", CsvField.Text("plain"));
        Assert.Equal("", CsvField.Text(null));
        Assert.Equal("'x", CsvField.Restore("'x")); // an apostrophe before an ordinary character is the text's own
    }

    [Fact]
    public async Task OpenData_writer_defuses_text_columns_and_keeps_number_columns_numeric()
    {
        var dataset = new FakeDataset();
        using var output = new MemoryStream();
        await OpenDataWriter.WriteAsync(dataset, OpenDataFormat.Csv, new OpenDataContext(null!, null!, "https://agora.test"), output, CancellationToken.None);
        var rows = ParseCsv(Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal(["text", "number", "link", "when"], rows[0]);
        Assert.Equal(["'" + Minus, "-3", "'=cmd", "2026-01-02T03:04:05Z"], rows[1]);
        Assert.Equal(["'-3", "-2.5", "https://agora.test/x", ""], rows[2]);
    }

    /// <summary>The case: 42 hostile cells across proposals, debates, SWOT items and comments.</summary>
    [Fact]
    public async Task OpenData_files_defuse_every_text_cell_of_every_dataset()
    {
        var author = await f.PersonAsync();
        var process = await f.ProcessAsync(components: "proposals,debates,swot");
        var now = DateTime.UtcNow;
        var board = await f.BoardAsync(process);
        foreach (var h in Hostile)
        {
            var proposal = new Proposal { ProcessId = process.Id, AuthorId = author.Id, Title = h, Body = h, State = ProposalState.Published, CreatedAt = now, UpdatedAt = now };
            var debate = new Debate { ProcessId = process.Id, AuthorId = author.Id, Title = h, Body = h, CreatedAt = now };
            var comment = new Comment { TargetType = ProposalCommentTarget.TypeName, TargetId = proposal.Id, AuthorId = author.Id, Body = h, Depth = 1, CreatedAt = now };
            comment.RootId = comment.Id;
            await f.DbAsync(async db =>
            {
                db.AddRange(proposal, debate, comment);
                return await db.SaveChangesAsync();
            });
            await f.ItemAsync(board, author, SwotQuadrant.Strengths, h);
        }
        var store = f.Services.GetRequiredService<OpenDataStore>();
        var client = f.Browser();
        var seen = 0;
        foreach (var d in store.Datasets)
        {
            await store.GenerateAsync(d, CancellationToken.None);
            var response = await client.GetAsync($"/open-data/{d.Name}.csv");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var rows = ParseCsv(await response.Content.ReadAsStringAsync());
            foreach (var row in rows.Skip(1))
            {
                for (var i = 0; i < d.Fields.Count; i++)
                {
                    if (d.Fields[i].Type is FieldType.Text or FieldType.Url)
                        Assert.False(Armed(row[i]), $"{d.Name}.{d.Fields[i].Name}: {row[i]}");
                    if (row[i].StartsWith("'-2+3", StringComparison.Ordinal) || row[i].StartsWith("'=HYPERLINK", StringComparison.Ordinal))
                        seen++;
                }
            }
        }
        // Title and body of proposals and debates, comment bodies, SWOT item texts: each hostile text, defused.
        Assert.True(seen >= 2 * 6, $"only {seen} defused cells found");
    }

    [Fact]
    public async Task Registration_list_defuses_names()
    {
        var admin = await f.PersonAsync();
        var process = await f.ProcessAsync(components: "events", administrator: admin);
        var ev = await f.EventAsync(process.Id, capacity: 10);
        var organiser = await f.SignedInAsync(admin);
        var person = await f.PersonAsync();
        await f.DbAsync(db => db.Users.Where(u => u.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, Minus)));
        await (await f.SignedInAsync(person)).RegisterAsync(ev.Id);
        var bytes = await organiser.GetByteArrayAsync($"/events/{ev.Id}/registrations/csv");
        var rows = ParseCsv(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Contains(rows, r => r[0] == "'" + Minus);
        Assert.All(rows, r => Assert.All(r, c => Assert.False(Armed(c), c)));
    }

    [Fact]
    public async Task Needs_ranking_defuses_titles_and_keeps_figures()
    {
        var process = await f.WorkshopProcessAsync();
        var needs = await f.NeedsAsync(process, 2);
        await f.DbAsync(async db =>
        {
            var need = await db.Set<Need>().FirstAsync(n => n.Id == needs[0].Id);
            need.Title = new(Minus, Minus);
            return await db.SaveChangesAsync();
        });
        var bytes = await f.Browser().GetByteArrayAsync(WorkshopTestData.NeedsUrl(process) + "/ranking.csv");
        var rows = ParseCsv(Encoding.UTF8.GetString(bytes[3..]));
        var row = rows.Single(r => r[1].Contains("2+3", StringComparison.Ordinal));
        Assert.Equal("'" + Minus, row[1]);
        Assert.Equal("0", row[4]);
        Assert.All(rows, r => Assert.All(r, c => Assert.False(Armed(c), c)));
    }

    [Fact]
    public async Task Maturity_report_defuses_names_and_keeps_a_negative_change_numeric()
    {
        var process = await f.MaturityProcessAsync();
        var framework = await f.FrameworkAsync();
        await f.DbAsync(async db =>
        {
            var d = await db.Set<MaturityDimension>().FirstAsync(x => x.Id == framework.Dimensions[0].Id);
            d.Name = new("=HYPERLINK(\"http://x\")", "=HYPERLINK(\"http://x\")");
            return await db.SaveChangesAsync();
        });
        var first = await f.RoundAsync(process, framework, open: false, published: true, slug: "first", opensAt: DateTime.UtcNow.AddDays(-30));
        var second = await f.RoundAsync(process, framework, open: false, published: true, slug: "second", opensAt: DateTime.UtcNow.AddDays(-5));
        var a = await f.PersonAsync();
        var b = await f.PersonAsync();
        await f.AssessmentAsync(first, framework, a, AssessorGroups.Municipality, (4, 5), (4, 5));
        await f.AssessmentAsync(first, framework, b, AssessorGroups.Ngo, (4, 5), (4, 5));
        await f.AssessmentAsync(second, framework, a, AssessorGroups.Municipality, (2, 5), (2, 5));
        await f.AssessmentAsync(second, framework, b, AssessorGroups.Ngo, (2, 5), (2, 5));

        var bytes = await f.Browser().GetByteArrayAsync(MaturityTestData.Url(process, second) + "/report.csv");
        var rows = ParseCsv(Encoding.UTF8.GetString(bytes[3..]));
        var all = rows[1];
        Assert.Equal("'=HYPERLINK(\"http://x\")", all[0]);
        Assert.Equal("-2", all[^1]); // median 4 → 2: a change the code wrote, not text
        Assert.All(rows, r => Assert.All(r.Take(2), c => Assert.False(Armed(c), c)));
    }

    [Fact]
    public async Task Survey_export_defuses_text_answers_and_keeps_negative_numbers()
    {
        var admin = await f.PersonAsync();
        var p = await f.ProcessAsync(components: "surveys", administrator: admin);
        var s = new TestSurvey(p);
        var text = s.Add(QuestionType.ShortText, "Текст", true);
        var number = s.Add(QuestionType.Number, "Число", true);
        await s.SaveAsync(f);
        var answered = await f.Browser().AnswerAsync(s, (SurveyTestKit.F(text), Minus), (SurveyTestKit.F(number), "-3"));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var csv = await (await f.SignedInAsync(admin)).GetStringAsync(s.Url("/export.csv"));
        var rows = ParseCsv(csv);
        Assert.Equal("'" + Minus, rows[1][3]);
        Assert.Equal("-3", rows[1][4]);
    }

    [Fact]
    public void Polis_comments_defuse_statement_text_and_read_back_unchanged()
    {
        var comments = Hostile.Select((h, i) => new PolisComment(i, 1, 1000 + i, 0, 0, 1, false, null, h)).ToList();
        comments.Add(new PolisComment(99, 1, 1, 0, 0, -1, false, -0.25, "-5"));
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        PolisCsv.WriteComments(writer, comments);
        var rows = ParseCsv(writer.ToString().Replace("\n", "\r\n", StringComparison.Ordinal));
        var body = Array.IndexOf(rows[0], "comment-body");
        var moderated = Array.IndexOf(rows[0], "moderated");
        foreach (var row in rows.Skip(1))
            Assert.False(Armed(row[body]), row[body]);
        Assert.Equal("'-5", rows[^1][body]); // a statement is text, whatever it looks like
        Assert.Equal("-1", rows[^1][moderated]); // the moderation flag is a number
        Assert.Equal("-0.25", rows[^1][Array.IndexOf(rows[0], "group-informed-consensus")]);
        Assert.Equal(comments, PolisCsv.ReadComments(new StringReader(writer.ToString())));
    }

    private static string Unquote(string cell) =>
        cell.StartsWith('"') ? cell[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : cell;

    /// <summary>RFC 4180, CRLF records; quoted fields may hold commas, quotes and line breaks.</summary>
    internal static List<string[]> ParseCsv(string csv)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
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
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }
        return rows;
    }

    private sealed class FakeDataset : IOpenDataset
    {
        public string Name => "fake";
        public LocalizedText Title => new("Проба", "Test");
        public LocalizedText Description => new("Проба", "Test");
        public IReadOnlyList<OpenDataField> Fields { get; } =
        [
            new("text", FieldType.Text, "", ""),
            new("number", FieldType.Number, "", ""),
            new("link", FieldType.Url, "", ""),
            new("when", FieldType.DateTime, "", ""),
        ];

#pragma warning disable CS1998 // an async iterator without awaits
        public async IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            yield return [Minus, -3, "=cmd", new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc)];
            yield return ["-3", -2.5, "https://agora.test/x", null];
        }
#pragma warning restore CS1998
    }
}

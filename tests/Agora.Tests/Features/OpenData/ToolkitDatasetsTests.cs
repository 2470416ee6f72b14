using System.Globalization;
using System.Net;
using System.Text.Json;
using Agora.Web.Features.Commitments;
using Agora.Web.Features.Needs;
using Agora.Web.Features.OpenData;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Surveys;
using Agora.Web.Features.Swot;
using Agora.Web.Features.Workshops;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.OpenData;

/// <summary>The workshop toolkit's datasets (SWOT, needs, commitments, survey results) over the seeded demo, next to
/// content that must stay out: a hidden commitment, a survey with private results, boards and needs of a draft
/// process and of a process with the component off.</summary>
public sealed class ToolkitDatasetsTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private static readonly string[] Toolkit = ["commitments", "needs", "survey-results", "swot-dots", "swot-items"];

    private sealed record Hidden(string DraftItem, string OffItem, string DraftNeed, string HiddenCommitment, string PrivateQuestion, string PrivateOption, string MergedItem);

    private async Task<Hidden> SeedAsync()
    {
        await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        var n = Guid.NewGuid().ToString("N")[..6];
        var hidden = new Hidden($"Чернова SWOT {n}", $"Изключен SWOT {n}", $"Нужда в чернова {n}", $"Скрит ангажимент {n}", $"Частен въпрос {n}", $"Частен отговор {n}", $"Обединен елемент {n}");
        var draft = await f.ProcessAsync(published: false, components: "swot,needs,commitments,surveys");
        var off = await f.ProcessAsync(components: "events");
        var author = await f.PersonAsync();
        await f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AgoraDb>();
            var now = DateTime.UtcNow;
            var icc = await db.Set<Process>().SingleAsync(p => p.Slug == ProcessesDemo.IccSlug);
            var iccBoard = await db.Set<SwotBoard>().FirstAsync(b => b.ProcessId == icc.Id);
            var target = await db.Set<SwotItem>().FirstAsync(i => i.BoardId == iccBoard.Id && i.MergedIntoId == null);
            db.Add(new SwotItem { BoardId = iccBoard.Id, Text = hidden.MergedItem, MergedIntoId = target.Id, CreatedAt = now, UpdatedAt = now });
            foreach (var (process, text) in new[] { (draft, hidden.DraftItem), (off, hidden.OffItem) })
            {
                var board = new SwotBoard { ProcessId = process.Id, Title = new("Табло " + text, "Board " + text), CreatedAt = now };
                db.Add(board);
                db.Add(new SwotItem { BoardId = board.Id, Text = text, CreatedAt = now, UpdatedAt = now });
            }
            db.Add(new Need { ProcessId = draft.Id, Title = new(hidden.DraftNeed, hidden.DraftNeed), CreatedAt = now, UpdatedAt = now });
            db.Add(new Commitment
            {
                ProcessId = icc.Id,
                AuthorId = author.Id,
                Title = hidden.HiddenCommitment,
                Description = "Извън темата.",
                DueOn = DateOnly.FromDateTime(now).AddDays(30),
                CreatedAt = now,
                UpdatedAt = now,
                HiddenAt = now,
            });
            var survey = new Survey { ProcessId = icc.Id, Title = new("Частна анкета " + n, "Private survey " + n), Published = true, ResultsPublic = false, CreatedAt = now, UpdatedAt = now };
            var question = new SurveyQuestion { SurveyId = survey.Id, Type = QuestionType.SingleChoice, Text = new(hidden.PrivateQuestion, hidden.PrivateQuestion) };
            db.AddRange(survey, question, new SurveyOption { SurveyId = survey.Id, QuestionId = question.Id, Text = new(hidden.PrivateOption, hidden.PrivateOption) });
            await db.SaveChangesAsync();
        });
        var store = f.Services.GetRequiredService<OpenDataStore>();
        foreach (var d in store.Datasets)
            await store.GenerateAsync(d, CancellationToken.None);
        return hidden;
    }

    private static async Task<string> DownloadAsync(HttpClient client, string name, string format)
    {
        var response = await client.GetAsync($"/open-data/{name}.{format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<JsonElement[]> RowsAsync(HttpClient client, string name) =>
        JsonDocument.Parse(await DownloadAsync(client, name, "json")).RootElement.EnumerateArray().ToArray();

    [Fact]
    public async Task Each_dataset_lists_the_demo_and_leaves_out_hidden_draft_and_switched_off_content()
    {
        var hidden = await SeedAsync();
        var client = f.Browser();
        var csv = new Dictionary<string, string>();
        foreach (var name in Toolkit)
            csv[name] = await DownloadAsync(client, name, "csv");

        Assert.StartsWith("id,board_id,board_title_bg,board_title_en,process,quadrant,text,", csv["swot-items"], StringComparison.Ordinal);
        Assert.Contains("Отворени данни като основа за иновации", csv["swot-items"], StringComparison.Ordinal);
        Assert.Contains("SWOT analysis: e-government and citizen participation in Sofia", csv["swot-items"], StringComparison.Ordinal);
        Assert.Contains("Регулации за данните и достъп до отворени данни", csv["needs"], StringComparison.Ordinal);
        Assert.Contains("Data rules and access to open data", csv["needs"], StringComparison.Ordinal);
        Assert.Contains("Експертна група за стандарти на отворените данни на Столична община", csv["commitments"], StringComparison.Ordinal);
        Assert.Contains("Бихте ли участвали в следващите работни срещи?", csv["survey-results"], StringComparison.Ordinal);
        Assert.Contains("Would you take part in the next workshops?", csv["survey-results"], StringComparison.Ordinal);

        var all = string.Join("\n", csv.Values);
        foreach (var forbidden in new[] { hidden.DraftItem, hidden.OffItem, hidden.DraftNeed, hidden.HiddenCommitment, hidden.PrivateQuestion, hidden.PrivateOption, hidden.MergedItem })
            Assert.DoesNotContain(forbidden, all, StringComparison.Ordinal);
        // No people: neither the demo people's e-mails and names nor the workshop representatives'.
        Assert.DoesNotContain("@", all, StringComparison.Ordinal);
        foreach (var person in FoundationDemo.People.Select(p => p.Name).Concat(WorkshopsDemo.Representatives.Select(r => r.Name)))
            Assert.DoesNotContain(person, all, StringComparison.Ordinal);
        // Text answers of the demo survey never appear.
        Assert.DoesNotContain("Качество на въздуха по квартали.", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_carry_the_tallies_the_pages_show()
    {
        await SeedAsync();
        var client = f.Browser();

        // SWOT: an item's dots are the sum of its votes, and the votes name voters by pseudonym only.
        var items = await RowsAsync(client, "swot-items");
        var dots = await RowsAsync(client, "swot-dots");
        var openData = items.Single(i => i.GetProperty("text").GetString() == "Отворени данни като основа за иновации");
        Assert.Equal(9, openData.GetProperty("dots").GetInt32());
        Assert.Equal("Opportunities", openData.GetProperty("quadrant").GetString());
        Assert.Equal(ProcessesDemo.IccSlug, openData.GetProperty("process").GetString());
        var id = openData.GetProperty("id").GetString();
        var votes = dots.Where(d => d.GetProperty("item_id").GetString() == id).ToList();
        Assert.Equal(9, votes.Sum(v => v.GetProperty("dots").GetInt32()));
        Assert.All(votes, v => Assert.StartsWith("p-", v.GetProperty("voter").GetString(), StringComparison.Ordinal));

        // Needs: the same ranking as the ranking document of the page.
        var needs = await RowsAsync(client, "needs");
        var ranking = JsonDocument.Parse(await client.GetStringAsync($"/processes/{ProcessesDemo.IccSlug}/needs/ranking.json")).RootElement;
        foreach (var row in ranking.GetProperty("needs").EnumerateArray())
        {
            var need = needs.Single(x => x.GetProperty("id").GetString() == row.GetProperty("id").GetString());
            Assert.Equal(row.GetProperty("score").GetInt64(), need.GetProperty("score").GetInt64());
            Assert.Equal(row.GetProperty("positionFrom").GetInt32(), need.GetProperty("position_from").GetInt32());
            Assert.Equal(row.GetProperty("participants").GetInt32(), need.GetProperty("participants").GetInt32());
            Assert.Equal(ranking.GetProperty("method").GetString(), need.GetProperty("ranking_method").GetString());
        }

        // Commitments: the municipality's have no organisation; what they bring is a "; " list; authors are pseudonyms.
        var commitments = await RowsAsync(client, "commitments");
        var stored = await f.DbAsync(db => db.Set<Commitment>().AsNoTracking().Where(c => c.HiddenAt == null).ToListAsync());
        Assert.Equal(stored.Count, commitments.Length);
        Assert.Contains(commitments, c => c.GetProperty("organization").GetString() == "");
        Assert.Contains(commitments, c => c.GetProperty("organization").GetString() == "bait");
        Assert.Single(commitments, c => c.GetProperty("overdue").GetBoolean());
        Assert.All(commitments, c => Assert.StartsWith("p-", c.GetProperty("author").GetString(), StringComparison.Ordinal));
        var several = stored.First(c => CommitmentRules.Each(c.Brings).Count() > 1);
        Assert.Equal(string.Join("; ", CommitmentRules.Each(several.Brings)),
            commitments.Single(c => c.GetProperty("id").GetString() == several.Id.ToString()).GetProperty("brings").GetString());

        // Survey results: counts and percentages of those who answered the question.
        var results = await RowsAsync(client, "survey-results");
        var yes = results.Single(r => r.GetProperty("option_en").GetString() == "Yes");
        var count = yes.GetProperty("count").GetInt32();
        var answered = yes.GetProperty("respondents").GetInt32();
        Assert.True(answered > 0);
        Assert.Equal(Math.Round(100.0 * count / answered, 1), yes.GetProperty("percent").GetDouble());
        Assert.Contains(results, r => r.GetProperty("question_type").GetString() == "MultipleChoice");
        Assert.DoesNotContain(results, r => r.GetProperty("question_en").GetString() == "Which data would you like the municipality to open first?");
        Assert.Contains(yes.GetProperty("percent").GetDouble().ToString(CultureInfo.InvariantCulture),
            await DownloadAsync(client, "survey-results", "csv"), StringComparison.Ordinal);
    }
}

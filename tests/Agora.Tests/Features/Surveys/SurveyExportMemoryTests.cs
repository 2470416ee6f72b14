using System.Diagnostics;
using Agora.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Surveys;

[CollectionDefinition(nameof(SurveyExportMemory), DisableParallelization = true)]
public sealed class SurveyExportMemory;

/// <summary>The export streams: many answers (inserted with bulk SQL) export while the managed heap stays far below
/// what holding them would take.</summary>
[Collection(nameof(SurveyExportMemory))]
public sealed class SurveyExportMemoryTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Fact]
    public async Task Export_OfManyResponses_StreamsInBoundedMemory()
    {
        Assert.SkipWhen(f.IsPostgres, "bulk insert written for SQLite");
        var admin = await f.PersonAsync();
        var p = await f.ProcessAsync(components: "surveys", administrator: admin);
        var s = new TestSurvey(p);
        var text = s.Add(QuestionType.LongText, "Мнение");
        var score = s.Add(QuestionType.Scale, "Оценка");
        await s.SaveAsync(f);
        const int n = 100_000;
        var padding = new string('x', 300);
        var sid = s.Survey.Id.ToString().ToUpperInvariant();
        await f.DbAsync(async db =>
        {
            // Ids as EF stores them on SQLite (upper-case TEXT GUIDs); derived from the row number.
            await db.Database.ExecuteSqlRawAsync("""
                WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < {1})
                INSERT INTO SurveyResponse (Id, SurveyId, UserId, TokenHash, StakeholderKind, SubmittedAt)
                SELECT printf('%08X-0000-0000-0000-000000000000', i), {0}, NULL, printf('%064d', i), 'Unknown',
                       strftime('%Y-%m-%d %H:%M:%f', '2026-01-01', '+' || i || ' seconds')
                FROM seq
                """, sid, n);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO SurveyAnswer (Id, ResponseId, SurveyId, QuestionId, OptionId, Text, Number, Date)
                SELECT printf('%08X-0000-0000-0000-000000000001', rowid), Id, {0}, {1}, NULL,
                       'Отговор ' || rowid || ' ' || {2}, NULL, NULL FROM SurveyResponse WHERE SurveyId = {0}
                """, sid, text.Id.ToString().ToUpperInvariant(), padding);
            return await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO SurveyAnswer (Id, ResponseId, SurveyId, QuestionId, OptionId, Text, Number, Date)
                SELECT printf('%08X-0000-0000-0000-000000000002', rowid), Id, {0}, {1}, NULL,
                       NULL, 1 + rowid % 5, NULL FROM SurveyResponse WHERE SurveyId = {0}
                """, sid, score.Id.ToString().ToUpperInvariant());
        });
        var client = await f.SignedInAsync(admin);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(true);
        long peak = 0;
        var lines = 0;
        long chars = 0;
        var watch = Stopwatch.StartNew();
        using (var response = await client.GetAsync(s.Url("/export.csv"), HttpCompletionOption.ResponseHeadersRead))
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            while (await reader.ReadLineAsync() is { } line)
            {
                lines++;
                chars += line.Length;
                // Live objects only, ten times along the way: one blocking compacting collection each (GetTotalMemory(true)
                // repeats collections until the figure settles, up to 20, which made this the suite's slowest test).
                if (lines % 10_000 == 0)
                {
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                    peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
                }
            }
        }
        Assert.Equal(n + 1, lines);
        // The export is ~35 MB of text (~70 MB as .NET strings); loading the answers before writing would keep all of
        // them alive while the rows are read here, far above the bound.
        Assert.True(chars > 30_000_000, $"export had only {chars} characters");
        Assert.True(peak < 16_000_000, $"managed heap grew by {peak / 1_000_000} MB while exporting {chars / 1_000_000} MB in {watch.Elapsed}");
    }
}

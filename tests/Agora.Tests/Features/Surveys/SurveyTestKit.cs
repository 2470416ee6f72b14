using Agora.Web.Features.Processes;
using Agora.Web.Features.Surveys;
using Agora.Web.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Surveys;

/// <summary>A survey assembled in memory and saved in one go; questions and options keep their ids for posting.</summary>
internal sealed class TestSurvey(Process process)
{
    public Process Process { get; } = process;
    public Survey Survey { get; } = new()
    {
        ProcessId = process.Id,
        Title = new("Тестова анкета", "Test survey"),
        Audience = SurveyAudience.Everyone,
        Published = true,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };
    public List<SurveyQuestion> Questions { get; } = [];
    public List<SurveyOption> Options { get; } = [];

    public string Url(string suffix = "") => $"/processes/{Process.Slug}/surveys/{Survey.Id}{suffix}";

    public SurveyQuestion Add(QuestionType type, string text, bool required = false, params string[] options)
    {
        var q = new SurveyQuestion { SurveyId = Survey.Id, Position = Questions.Count, Type = type, Text = new(text, text + " (en)"), Required = required };
        Questions.Add(q);
        for (var i = 0; i < options.Length; i++)
            Options.Add(new SurveyOption { SurveyId = Survey.Id, QuestionId = q.Id, Position = i, Text = new(options[i], options[i] + " (en)") });
        return q;
    }

    public SurveyOption Option(SurveyQuestion q, string text) => Options.Single(o => o.QuestionId == q.Id && o.Text.Bg == text);

    public async Task<TestSurvey> SaveAsync(AgoraFactory f)
    {
        await f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AgoraDb>();
            db.Add(Survey);
            db.AddRange(Questions);
            db.AddRange(Options);
            await db.SaveChangesAsync();
        });
        return this;
    }
}

internal static class SurveyTestKit
{
    public static string F(SurveyQuestion q) => SurveyDefinition.Field(q.Id);

    /// <summary>Posts the answer form with the page's own antiforgery token; values may repeat a key (multiple choice).</summary>
    public static async Task<HttpResponseMessage> AnswerAsync(this HttpClient client, TestSurvey s, params (string Key, string Value)[] fields)
    {
        var html = await (await client.GetAsync(s.Url())).Content.ReadAsStringAsync();
        if (!html.Contains("__RequestVerificationToken", StringComparison.Ordinal))
            html = await (await client.GetAsync("/account/login")).Content.ReadAsStringAsync();
        var form = fields.Select(x => new KeyValuePair<string, string>(x.Key, x.Value)).ToList();
        form.Add(new("__RequestVerificationToken", Http.Token(html)));
        return await client.PostAsync(s.Url(), new FormUrlEncodedContent(form));
    }
}

using Agora.Web.Features.Events;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Surveys;

/// <summary>
/// A short stakeholder survey of the ICC process, tied to the needs-assessment workshop, with a conditional question
/// and twenty answers spread over the stakeholder kinds. Fixed ids make it idempotent.
/// </summary>
public sealed class SurveysDemo(AgoraDb db, TimeProvider clock) : IDemoContributor
{
    public static readonly Guid SurveyId = new("5a1d7e30-4c2b-4f0e-9b1a-7c3d2e1f0a01");

    public int Order => 60;

    public async Task SeedAsync(CancellationToken ct)
    {
        var process = await db.Set<Process>().FirstOrDefaultAsync(p => p.Slug == ProcessesDemo.IccSlug, ct);
        if (process == null || await db.Set<Survey>().AnyAsync(s => s.Id == SurveyId, ct))
            return;
        if (!process.Has(SurveyService.ComponentKey))
            process.Components = string.IsNullOrWhiteSpace(process.Components) ? SurveyService.ComponentKey : process.Components + "," + SurveyService.ComponentKey;
        var now = clock.GetUtcNow().UtcDateTime;
        var hasEvent = await db.Set<Event>().AnyAsync(e => e.Id == EventsDemo.NeedsAssessmentId, ct);
        var survey = new Survey
        {
            Id = SurveyId,
            ProcessId = process.Id,
            EventId = hasEvent ? EventsDemo.NeedsAssessmentId : null,
            Title = new("Анкета за заинтересованите страни: електронно управление", "Stakeholder survey: e-government"),
            Description = new(
                "Кратка анкета преди работната среща за оценка на нуждите. Отговорите помагат да подредим темите за обсъждане.",
                "A short survey ahead of the needs assessment workshop. The answers help us order the topics for discussion."),
            Audience = SurveyAudience.Everyone,
            Published = true,
            ResultsPublic = true,
            AnswersPublic = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(survey);

        var position = 0;
        SurveyQuestion Add(QuestionType type, string bg, string en, bool required = false, params (string Bg, string En)[] options)
        {
            var q = new SurveyQuestion { SurveyId = SurveyId, Position = position++, Type = type, Text = new(bg, en), Required = required };
            db.Add(q);
            for (var i = 0; i < options.Length; i++)
                db.Add(new SurveyOption { SurveyId = SurveyId, QuestionId = q.Id, Position = i, Text = new(options[i].Bg, options[i].En) });
            return q;
        }
        Add(QuestionType.Section, "Средата днес", "The environment today");
        var satisfaction = Add(QuestionType.Scale, "Доколко сте доволни от електронните услуги на Столична община?",
            "How satisfied are you with Sofia Municipality's e-services?", required: true);
        var needs = Add(QuestionType.MultipleChoice, "Кои са най-важните нужди? (до две)", "What are the most important needs? (up to two)", required: true,
            ("По-силни връзки между бизнеса и общината", "Stronger links between business and the municipality"),
            ("Отворени данни", "Open data"),
            ("Обучения за граждани и администрация", "Training for citizens and the administration"),
            ("Информация на едно място", "Information in one place"),
            ("По-добри канали за участие", "Better channels for participation"));
        needs.Min = 1;
        needs.Max = 2;
        Add(QuestionType.Section, "Подробности", "Details");
        var data = Add(QuestionType.LongText, "Кои данни бихте искали общината да отвори първо?",
            "Which data would you like the municipality to open first?", required: true);
        var openData = await Task.FromResult(db.ChangeTracker.Entries<SurveyOption>().Select(e => e.Entity)
            .First(o => o.QuestionId == needs.Id && o.Position == 1));
        data.ConditionQuestionId = needs.Id;
        data.ConditionOptionId = openData.Id;
        var takePart = Add(QuestionType.SingleChoice, "Бихте ли участвали в следващите работни срещи?", "Would you take part in the next workshops?", required: true,
            ("Да", "Yes"), ("Може би", "Maybe"), ("Не", "No"));

        var needOptions = db.ChangeTracker.Entries<SurveyOption>().Select(e => e.Entity).Where(o => o.QuestionId == needs.Id).OrderBy(o => o.Position).ToList();
        var partOptions = db.ChangeTracker.Entries<SurveyOption>().Select(e => e.Entity).Where(o => o.QuestionId == takePart.Id).OrderBy(o => o.Position).ToList();
        string[] dataWishes =
        [
            "Данни за обществения транспорт в реално време.",
            "Бюджетът на общината по програми.",
            "Качество на въздуха по квартали.",
            "Разрешения за строеж.",
        ];
        var kinds = Enum.GetNames<OrganizationKind>();
        int[] scores = [2, 3, 3, 4, 2, 3, 1, 4, 3, 2, 5, 3, 2, 4, 3, 2, 3, 4, 1, 3];
        for (var i = 0; i < 20; i++)
        {
            var response = new SurveyResponse
            {
                SurveyId = SurveyId,
                TokenHash = ParticipantKeys.Hash("demo-survey-respondent-" + i),
                StakeholderKind = i % 5 == 4 ? StakeholderKinds.Individual : kinds[i % kinds.Length],
                SubmittedAt = new DateTime(2021, 1, 10, 9, 0, 0, DateTimeKind.Utc).AddMinutes(37 * i),
            };
            db.Add(response);
            void Answer(SurveyQuestion q, Guid? option = null, double? number = null, string? text = null) =>
                db.Add(new SurveyAnswer { ResponseId = response.Id, SurveyId = SurveyId, QuestionId = q.Id, OptionId = option, Number = number, Text = text });
            Answer(satisfaction, number: scores[i]);
            var first = needOptions[i % needOptions.Count];
            Answer(needs, first.Id);
            if (i % 3 == 0)
                Answer(needs, needOptions[(i + 1) % needOptions.Count].Id);
            if (first.Position == 1 || (i % 3 == 0 && (i + 1) % needOptions.Count == 1))
                Answer(data, text: dataWishes[i % dataWishes.Length]);
            Answer(takePart, partOptions[i % 7 == 0 ? 2 : i % 3 == 0 ? 1 : 0].Id);
        }
        survey.ResponseCount = 20;
        await db.SaveChangesAsync(ct);
    }
}

using Agora.Web.Features.Learning;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Learning;

/// <summary>Test data for the learning hub: guides and small courses written straight to the database.</summary>
public static class LearningData
{
    public static async Task<Guide> GuideAsync(this AgoraFactory f, bool published = true, Audience audience = Audience.Citizens,
        LearningTopic topic = LearningTopic.TakingPart, string? title = null)
    {
        var slug = "guide-" + Guid.NewGuid().ToString("N")[..10];
        var guide = new Guide
        {
            Slug = slug,
            Title = new(title ?? "Наръчник " + slug, "Guide " + slug),
            Summary = new("Кратко резюме.", "A short summary."),
            Audience = audience,
            Topic = topic,
            ReviewedOn = new DateOnly(2026, 11, 1),
            Published = published,
            PublishedAt = published ? DateTime.UtcNow : null,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        guide.SetBody(new("Текст на **наръчника** за участие.", "Text of the **guide** about taking part."));
        await f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AgoraDb>();
            db.Add(guide);
            await db.SaveChangesAsync();
        });
        return guide;
    }

    /// <summary>
    /// A course whose every lesson has one single-choice question (right option first) and one multiple-choice
    /// question (first two options right, third wrong).
    /// </summary>
    public static async Task<Course> CourseAsync(this AgoraFactory f, int lessons = 2, bool published = true)
    {
        var slug = "course-" + Guid.NewGuid().ToString("N")[..10];
        var course = new Course
        {
            Slug = slug,
            Title = new("Курс " + slug, "Course " + slug),
            Summary = new("Резюме", "Summary"),
            Description = new("Описание", "Description"),
            Audience = Audience.MunicipalStaff,
            Topic = LearningTopic.RunningWorkshop,
            Published = published,
            PublishedAt = published ? DateTime.UtcNow : null,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        for (var i = 1; i <= lessons; i++)
        {
            course.Lessons.Add(new Lesson
            {
                Position = i,
                Title = new($"Урок {i}", $"Lesson {i}"),
                Body = new($"Текст на урок {i}", $"Text of lesson {i}"),
                Questions =
                [
                    new QuizQuestion
                    {
                        Position = 1,
                        Text = new("Единичен избор?", "Single choice?"),
                        Explanation = new("Защото първият е верен.", "Because the first is right."),
                        Options =
                        [
                            new QuizOption { Position = 1, Text = new("Верен", "Right"), IsCorrect = true },
                            new QuizOption { Position = 2, Text = new("Грешен", "Wrong") },
                        ],
                    },
                    new QuizQuestion
                    {
                        Position = 2,
                        Text = new("Множествен избор?", "Multiple choice?"),
                        Explanation = new("Първите два са верни.", "The first two are right."),
                        MultipleChoice = true,
                        Options =
                        [
                            new QuizOption { Position = 1, Text = new("А", "A"), IsCorrect = true },
                            new QuizOption { Position = 2, Text = new("Б", "B"), IsCorrect = true },
                            new QuizOption { Position = 3, Text = new("В", "C") },
                        ],
                    },
                ],
            });
        }
        await f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AgoraDb>();
            db.Add(course);
            await db.SaveChangesAsync();
        });
        return course;
    }

    /// <summary>The form fields that answer a lesson's quiz entirely right (or entirely wrong), question by question in order.</summary>
    public static async Task<List<KeyValuePair<string, string>>> AnswersAsync(this AgoraFactory f, Guid courseId, int position, bool right = true)
    {
        var questions = await f.DbAsync(db => db.Set<Lesson>().AsNoTracking()
            .Where(l => l.CourseId == courseId && l.Position == position)
            .SelectMany(l => l.Questions).OrderBy(q => q.Position).Include(q => q.Options).ToListAsync());
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var q in questions)
        {
            var chosen = right ? q.Options.Where(o => o.IsCorrect).ToList() : [q.Options.First(o => !o.IsCorrect)];
            fields.AddRange(chosen.Select(o => new KeyValuePair<string, string>("q-" + q.Id, o.Id.ToString())));
        }
        return fields;
    }

    public static string LessonUrl(this Course course, int n) => $"/learn/courses/{course.Slug}/lessons/{n}";

    /// <summary>Posts the quiz form of a lesson with the page's own antiforgery token (fields may repeat).</summary>
    public static async Task<HttpResponseMessage> PostQuizAsync(this HttpClient client, string lessonUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var html = await (await client.GetAsync(lessonUrl)).Content.ReadAsStringAsync();
        return await client.PostQuizWithTokenAsync(lessonUrl, Http.Token(html), fields);
    }

    public static Task<HttpResponseMessage> PostQuizWithTokenAsync(this HttpClient client, string lessonUrl, string token,
        IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync(lessonUrl, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
}

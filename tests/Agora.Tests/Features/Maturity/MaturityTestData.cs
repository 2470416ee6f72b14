using Agora.Web.Features.Maturity;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;

namespace Agora.Tests.Features.Maturity;

/// <summary>Frameworks, rounds and submitted assessments written straight to the database.</summary>
public static class MaturityTestData
{
    public static Task<Process> MaturityProcessAsync(this AgoraFactory f, AgoraUser? facilitator = null, string components = "maturity") =>
        f.ProcessAsync(components: components, administrator: facilitator);

    /// <summary>A framework with dimensions "a" (Алфа/Alpha) and "b" (Бета/Beta).</summary>
    public static async Task<MaturityFramework> FrameworkAsync(this AgoraFactory f, bool allowTargetBelowCurrent = false)
    {
        var framework = new MaturityFramework { Name = new("Рамка", "Framework"), AllowTargetBelowCurrent = allowTargetBelowCurrent, CreatedAt = DateTime.UtcNow };
        foreach (var (key, bg, en, i) in new[] { ("a", "Алфа", "Alpha", 0), ("b", "Бета", "Beta", 1) })
        {
            var d = new MaturityDimension { FrameworkId = framework.Id, Key = key, Position = i, Name = new(bg, en), Description = new("Описание " + bg, "About " + en) };
            for (var level = 1; level <= 5; level++)
                d.SetLevel(level, new LocalizedText($"{bg}: описание на ниво {level}", $"{en}: level {level} descriptor"));
            framework.Dimensions.Add(d);
        }
        await f.DbAsync(async db =>
        {
            db.Add(framework);
            return await db.SaveChangesAsync();
        });
        return framework;
    }

    public static async Task<MaturityRound> RoundAsync(this AgoraFactory f, Process process, MaturityFramework framework,
        AssessorSet assessors = AssessorSet.Representatives | AssessorSet.Municipality, bool open = true, bool published = false,
        string? slug = null, DateTime? opensAt = null)
    {
        var now = DateTime.UtcNow;
        var round = new MaturityRound
        {
            ProcessId = process.Id,
            FrameworkId = framework.Id,
            Slug = slug ?? "round-" + Guid.NewGuid().ToString("N")[..8],
            Title = new("Кръг " + (slug ?? "тест"), "Round " + (slug ?? "test")),
            OpensAt = opensAt ?? now.AddDays(-1),
            ClosesAt = open ? now.AddDays(7) : now.AddHours(-1),
            Assessors = assessors,
            Conclusions = new("### Изводи\n\nТекст на **изводите**.", "### Conclusions\n\nThe **conclusions**."),
            PublishedAt = published ? now : null,
            CreatedAt = now,
        };
        await f.DbAsync(async db =>
        {
            db.Add(round);
            return await db.SaveChangesAsync();
        });
        return round;
    }

    /// <summary>A submitted assessment (or a draft) with the given current/target levels of "a" and "b".</summary>
    public static async Task AssessmentAsync(this AgoraFactory f, MaturityRound round, MaturityFramework framework, AgoraUser user, string group,
        (int Current, int Target) a, (int Current, int Target) b, bool submitted = true)
    {
        await f.DbAsync(async db =>
        {
            var assessment = new MaturityAssessment { RoundId = round.Id, UserId = user.Id, Group = group, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, SubmittedAt = submitted ? DateTime.UtcNow : null };
            db.Add(assessment);
            db.Add(new MaturityScore { AssessmentId = assessment.Id, DimensionId = framework.Dimensions[0].Id, Current = a.Current, Target = a.Target });
            db.Add(new MaturityScore { AssessmentId = assessment.Id, DimensionId = framework.Dimensions[1].Id, Current = b.Current, Target = b.Target });
            if (submitted)
                db.Set<MaturityRound>().Attach(round).Entity.SubmittedCount++;
            return await db.SaveChangesAsync();
        });
    }

    public static string Url(Process p) => $"/processes/{p.Slug}/maturity";

    public static string Url(Process p, MaturityRound r) => $"/processes/{p.Slug}/maturity/{r.Slug}";

    public static Dictionary<string, string> Form(MaturityFramework framework, string action, (string? Current, string? Target) a,
        (string? Current, string? Target) b, string? evidence = null)
    {
        var form = new Dictionary<string, string> { ["Action"] = action };
        var values = new[] { a, b };
        for (var i = 0; i < 2; i++)
        {
            form[$"Scores[{i}].DimensionId"] = framework.Dimensions[i].Id.ToString();
            if (values[i].Current != null)
                form[$"Scores[{i}].Current"] = values[i].Current!;
            if (values[i].Target != null)
                form[$"Scores[{i}].Target"] = values[i].Target!;
            form[$"Scores[{i}].Justification"] = "Обосновка " + i;
            form[$"Scores[{i}].Evidence"] = i == 0 ? evidence ?? "" : "";
        }
        return form;
    }
}

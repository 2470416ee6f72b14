using Agora.Web.Features.Commitments;
using Agora.Web.Features.Needs;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.ResultTracking;

/// <summary>
/// Tracked results of the demo process at every stage: a prioritised need in progress, a commitment completed, an
/// accepted proposal planned, and a need whose result was cancelled with a reason; with milestones and a timeline.
/// Dates are relative to today; fixed ids make it idempotent.
/// </summary>
public sealed class ResultsDemo(AgoraDb db, TimeProvider clock) : IDemoContributor
{
    // After needs (70), commitments (75) and proposals (60), which the results come from.
    public int Order => 90;

    private sealed record Seed(
        Guid Id, string Origin, int OriginIndex, string Bg, string En, string BodyBg, string BodyEn, string? District, string Department,
        ResultStatus Status, int Progress, string? CancelReason, long Allocated, long Spent, int StartDaysAgo, int DueInDays,
        (string Bg, string En, int PlannedDaysFromNow, int? DoneDaysAgo, string Evidence)[] Milestones,
        (int DaysAgo, ResultStatus? To, int? Progress, string Bg, string En)[] Updates);

    private static readonly Seed[] Seeds =
    [
        new(new("5e5a17e0-0000-4000-8000-000000000001"), "need", 1,
            "Портал за отворени данни на Столична община", "Sofia Municipality open data portal",
            "Общината публикува наборите си от данни на едно място, в отворени формати и с ясни лицензи.",
            "The municipality publishes its datasets in one place, in open formats and with clear licences.",
            null, "digital", ResultStatus.InProgress, 45, null, 12_000_000, 4_150_000, 120, 150,
            [("Избор на платформа и хостинг", "Choice of platform and hosting", -90, 95, "Протокол от техническата комисия: [решение](https://www.sofia.bg/)"),
             ("Първите 20 набора от данни публикувани", "First 20 datasets published", -10, 12, "Списък на наборите в портала."),
             ("Всички районни администрации публикуват данни", "All district administrations publish data", 120, null, "")],
            [(110, ResultStatus.InProgress, 10, "Започна работата по портала.", "Work on the portal has started."),
             (60, null, 30, "Платформата е избрана и инсталирана.", "The platform has been chosen and installed."),
             (12, null, 45, "Публикувани са първите 20 набора от данни.", "The first 20 datasets have been published.")]),
        new(new("5e5a17e0-0000-4000-8000-000000000002"), "commitment", 0,
            "Насоки за стандартите на отворените данни", "Guidelines on open data standards",
            "Насоките за формати, честота на обновяване и лицензи, изготвени с експертите на БАИТ.",
            "The guidelines on formats, update frequency and licences, drafted with BAIT's experts.",
            null, "digital", ResultStatus.Completed, 100, null, 1_500_000, 1_320_000, 200, -5,
            [("Проект на насоките", "Draft guidelines", -60, 58, "Проектът е публикуван за обществено обсъждане."),
             ("Приемане от общинския съвет", "Adoption by the city council", -10, 8, "Решение на Столичния общински съвет.")],
            [(190, ResultStatus.InProgress, 20, "Работната група започна.", "The working group has started."),
             (58, null, 70, "Проектът на насоките е готов.", "The draft guidelines are ready."),
             (8, ResultStatus.Completed, 100, "Насоките са приети от общинския съвет.", "The city council has adopted the guidelines.")]),
        new(new("5e5a17e0-0000-4000-8000-000000000003"), "proposal", 0,
            "Изпълнение на прието гражданско предложение", "Carrying out an accepted citizens' proposal",
            "Общината прие предложението и планира изпълнението му през следващата година.",
            "The municipality accepted the proposal and plans to carry it out next year.",
            "lozenets", "urban-planning", ResultStatus.Planned, 0, null, 8_000_000, 0, -30, 365,
            [("Техническо задание", "Terms of reference", 60, null, ""), ("Обществена поръчка", "Public procurement", 150, null, "")],
            []),
        new(new("5e5a17e0-0000-4000-8000-000000000004"), "need", 4,
            "Мобилно приложение за сигнали", "A mobile app for reports",
            "Отделно мобилно приложение за подаване на сигнали до общината.",
            "A separate mobile app for sending reports to the municipality.",
            "mladost", "participation", ResultStatus.Cancelled, 20,
            "Обединено с платформата за участие: сигналите се подават там, без отделно приложение.", 3_000_000, 450_000, 150, 30,
            [("Прототип", "Prototype", -100, 100, "Прототипът беше показан на работната среща.")],
            [(140, ResultStatus.InProgress, 20, "Започна разработката на прототип.", "Prototype development has started."),
             (20, ResultStatus.Cancelled, null, "Проектът е прекратен и обединен с платформата за участие.", "The project was cancelled and merged into the participation platform.")]),
    ];

    /// <summary>The tracked winner of the closed Средец budget (in the participatory budget process).</summary>
    public static readonly Guid BudgetResultId = new("5e5a17e0-0000-4000-8000-000000000005");

    public async Task SeedAsync(CancellationToken ct)
    {
        await SeedBudgetWinnerAsync(ct);
        var process = await db.Set<Process>().FirstOrDefaultAsync(p => p.Slug == ProcessesDemo.IccSlug, ct);
        if (process == null)
            return;
        if (!process.Has(ResultService.Key))
            process.Components = string.IsNullOrEmpty(process.Components) ? ResultService.Key : process.Components + "," + ResultService.Key;
        var author = await db.Users.Where(u => u.Email == FoundationDemo.People[0].Email).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (author is not Guid authorId)
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(Format.ToSofia(now));
        var origins = new Dictionary<string, List<Guid>>
        {
            ["need"] = await db.Set<Need>().Where(n => n.ProcessId == process.Id).OrderBy(n => n.Position).Select(n => n.Id).ToListAsync(ct),
            ["commitment"] = await db.Set<Commitment>().Where(c => c.ProcessId == process.Id && c.OrganizationId != null)
                .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct),
            ["proposal"] = await db.Set<Proposal>().Where(p => p.ProcessId == process.Id && p.State == ProposalState.Accepted)
                .OrderBy(p => p.CreatedAt).Select(p => p.Id).ToListAsync(ct),
        };
        var ids = Seeds.Select(s => s.Id).ToList();
        var existing = await db.Set<TrackedResult>().Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
        var taken = await db.Set<TrackedResult>().Where(r => r.OriginId != null).Select(r => r.OriginId).ToListAsync(ct);
        for (var s = 0; s < Seeds.Length; s++)
        {
            var seed = Seeds[s];
            if (existing.Contains(seed.Id))
                continue;
            var candidates = origins[seed.Origin];
            Guid? originId = seed.OriginIndex < candidates.Count && !taken.Contains(candidates[seed.OriginIndex]) ? candidates[seed.OriginIndex] : null;
            db.Add(new TrackedResult
            {
                Id = seed.Id,
                ProcessId = process.Id,
                AuthorId = authorId,
                Title = new LocalizedText(seed.Bg, seed.En),
                Description = new LocalizedText(seed.BodyBg, seed.BodyEn),
                District = seed.District,
                Department = seed.Department,
                Status = seed.Status,
                Progress = seed.Progress,
                CancelReason = seed.CancelReason,
                BudgetAllocatedCents = seed.Allocated,
                BudgetSpentCents = seed.Spent,
                StartOn = today.AddDays(-seed.StartDaysAgo),
                DueOn = today.AddDays(seed.DueInDays),
                OriginKind = originId == null ? null : seed.Origin,
                OriginId = originId,
                UpdateCount = seed.Updates.Length,
                CreatedAt = now.AddDays(-Math.Max(seed.StartDaysAgo, 1)),
                UpdatedAt = now.AddDays(-(seed.Updates.Length > 0 ? seed.Updates[^1].DaysAgo : 1)),
            });
            for (var m = 0; m < seed.Milestones.Length; m++)
            {
                var ms = seed.Milestones[m];
                db.Add(new ResultMilestone
                {
                    Id = DemoId(s, 1, m),
                    ResultId = seed.Id,
                    Title = new LocalizedText(ms.Bg, ms.En),
                    PlannedOn = today.AddDays(ms.PlannedDaysFromNow),
                    DoneOn = ms.DoneDaysAgo is int d ? today.AddDays(-d) : null,
                    Evidence = ms.Evidence,
                    CreatedAt = now.AddDays(-Math.Max(seed.StartDaysAgo, 1)),
                });
            }
            var status = ResultStatus.Planned;
            var progress = 0;
            for (var u = 0; u < seed.Updates.Length; u++)
            {
                var up = seed.Updates[u];
                db.Add(new ResultUpdate
                {
                    Id = DemoId(s, 2, u),
                    ResultId = seed.Id,
                    AuthorId = authorId,
                    Text = new LocalizedText(up.Bg, up.En),
                    OldStatus = up.To != null ? status : null,
                    NewStatus = up.To,
                    OldProgress = up.Progress != null ? progress : null,
                    NewProgress = up.Progress,
                    CreatedAt = now.AddDays(-up.DaysAgo),
                });
                status = up.To ?? status;
                progress = up.Progress ?? progress;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The most voted winner of the closed Средец budget becomes a result in the budget's process, with a
    /// milestone; results are switched on there. Runs after BudgetsDemo (85).</summary>
    private async Task SeedBudgetWinnerAsync(CancellationToken ct)
    {
        var process = await db.Set<Process>().FirstOrDefaultAsync(p => p.Slug == Budgets.BudgetsDemo.Slug, ct);
        var author = await db.Users.Where(u => u.Email == FoundationDemo.People[0].Email).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (process == null || author is not Guid authorId || await db.Set<TrackedResult>().AnyAsync(r => r.Id == BudgetResultId, ct))
            return;
        var budget = await db.Set<Budgets.Budget>().AsNoTracking()
            .FirstOrDefaultAsync(b => b.ProcessId == process.Id && b.District == "sredets"
                && (b.Phase == Budgets.BudgetPhase.Results || b.Phase == Budgets.BudgetPhase.Implementation), ct);
        if (budget == null)
            return;
        var projects = await db.Set<Budgets.BudgetProject>().AsNoTracking().Where(p => p.BudgetId == budget.Id).ToListAsync(ct);
        var winner = Budgets.BudgetService.Results(budget, projects).FirstOrDefault(r => r.Wins);
        if (winner == null || await db.Set<TrackedResult>().AnyAsync(r => r.OriginKind == Budgets.BudgetProjectResultOrigin.KindName && r.OriginId == winner.Id, ct))
            return;
        if (!process.Has(ResultService.Key))
            process.Components = string.IsNullOrEmpty(process.Components) ? ResultService.Key : process.Components + "," + ResultService.Key;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(Format.ToSofia(now));
        var project = projects.Single(p => p.Id == winner.Id);
        db.Add(new TrackedResult
        {
            Id = BudgetResultId,
            ProcessId = process.Id,
            AuthorId = authorId,
            Title = new LocalizedText(project.Title, ""),
            Description = new LocalizedText(
                "Проектът спечели гласуването в бюджета с участие на Средец и районът го изпълнява.",
                "The project won the Sredets participatory budget vote and the district is carrying it out."),
            District = budget.District,
            Department = Needs.AdministrationAreas.Other,
            Status = ResultStatus.Planned,
            BudgetAllocatedCents = project.CostCents,
            StartOn = today.AddDays(14),
            DueOn = today.AddDays(180),
            OriginKind = Budgets.BudgetProjectResultOrigin.KindName,
            OriginId = project.Id,
            CreatedAt = now.AddDays(-1),
            UpdatedAt = now.AddDays(-1),
        });
        db.Add(new ResultMilestone
        {
            Id = DemoId(5, 1, 0),
            ResultId = BudgetResultId,
            Title = new LocalizedText("Договор с изпълнител", "Contract with a contractor"),
            PlannedOn = today.AddDays(60),
            CreatedAt = now.AddDays(-1),
        });
        await db.SaveChangesAsync(ct);
    }

    private static Guid DemoId(int result, int kind, int index) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"5e5a17e0-0000-4000-80{kind:D2}-{result:D6}{index:D6}"));
}

using Agora.Web.Features.Needs;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Scale;

namespace Agora.Web.Features.ResultTracking;

/// <summary>
/// Tracked results over the processes (a fifth in the city-wide one), each with two to five milestones, a few status
/// and progress updates and followers; UpdateCount and FollowerCount equal the rows. Statuses follow progress: planned
/// at 0, completed at 100, some cancelled with a reason.
/// </summary>
public sealed class ResultsScale : IScaleContributor
{
    public int Order => 80;

    public string? Component => ResultService.Key;

    public async Task ContributeAsync(ScaleContext context, CancellationToken ct)
    {
        var random = ScaleContext.RandomFor("results");
        var size = context.Size;
        var processes = context.Processes;
        var users = context.Users;
        if (size.Results == 0 || processes.Count == 0 || users.Length == 0)
            return;
        var areas = AdministrationAreas.All;
        var results = new TrackedResult[size.Results];
        var milestones = new List<ResultMilestone>();
        var updates = new List<ResultUpdate>();
        var followers = new List<ResultFollower>();
        var today = DateOnly.FromDateTime(context.Now);
        var big = size.Results / 5;
        for (var i = 0; i < results.Length; i++)
        {
            var process = i < big || processes.Count == 1 ? processes[0] : processes[1 + ((i - big) % (processes.Count - 1))];
            var district = process.Scope.Length > 0 ? process.Scope : random.Next(3) == 0 ? null : random.Pick(Districts.All).Key;
            var created = context.Now.AddDays(-400 + random.Next(380));
            var roll = random.Next(20);
            var status = roll < 5 ? ResultStatus.Planned : roll < 15 ? ResultStatus.InProgress : roll < 19 ? ResultStatus.Completed : ResultStatus.Cancelled;
            var progress = status switch
            {
                ResultStatus.Planned => 0,
                ResultStatus.Completed => 100,
                _ => random.Next(5, 96),
            };
            var allocated = (long)random.Next(1, 500) * 1_000_00;
            var r = new TrackedResult
            {
                Id = context.NewId(),
                ProcessId = process.Id,
                AuthorId = users[random.Next(users.Length)],
                Title = new($"{random.Pick(ScaleWords.Actions)} {random.Pick(ScaleWords.Things)} {random.Pick(ScaleWords.Places)}", "A generated tracked result"),
                Description = new(ScaleWords.Paragraph(random, 3), ""),
                District = district,
                Department = random.Pick(areas).Key,
                Status = status,
                Progress = progress,
                CancelReason = status == ResultStatus.Cancelled ? "Проектът е включен в по-голям общински проект." : null,
                BudgetAllocatedCents = allocated,
                BudgetSpentCents = allocated * progress / 100,
                StartOn = DateOnly.FromDateTime(created.AddDays(14)),
                DueOn = DateOnly.FromDateTime(created.AddDays(180 + random.Next(365))),
                CreatedAt = created,
                UpdatedAt = created,
            };
            var planned = r.StartOn!.Value;
            var steps = 2 + random.Next(4);
            for (var m = 0; m < steps; m++)
            {
                planned = planned.AddDays(20 + random.Next(60));
                var done = planned <= today && status != ResultStatus.Planned && (status == ResultStatus.Completed || random.Next(3) > 0);
                milestones.Add(new ResultMilestone
                {
                    Id = context.NewId(),
                    ResultId = r.Id,
                    Title = new($"Етап {m + 1}: {random.Pick(ScaleWords.Actions).ToLowerInvariant()}", $"Step {m + 1}"),
                    PlannedOn = planned,
                    DoneOn = done ? planned.AddDays(random.Next(-5, 10)) : null,
                    Evidence = done ? "Протокол за приемане, публикуван на сайта на общината." : "",
                    CreatedAt = created,
                });
            }
            // Updates walk the progress from 0 to where it stands, the last one setting the status.
            var count = status == ResultStatus.Planned ? random.Next(2) : 1 + random.Next(5);
            var at = created;
            var was = 0;
            for (var u = 0; u < count; u++)
            {
                at = at.AddDays(1 + random.Next(30));
                var last = u == count - 1;
                var now = last ? progress : was + ((progress - was) * (u + 1) / count);
                updates.Add(new ResultUpdate
                {
                    Id = context.NewId(),
                    ResultId = r.Id,
                    AuthorId = r.AuthorId,
                    Text = new(ScaleWords.Paragraph(random, 1 + random.Next(2)), ""),
                    OldStatus = last && status != ResultStatus.Planned ? ResultStatus.Planned : null,
                    NewStatus = last && status != ResultStatus.Planned ? status : null,
                    OldProgress = now != was ? was : null,
                    NewProgress = now != was ? now : null,
                    CreatedAt = at,
                });
                was = now;
            }
            r.UpdateCount = count;
            r.UpdatedAt = at;
            r.FollowerCount = random.Next(Math.Min(8, users.Length));
            foreach (var f in Distribution.Distinct(random, users.Length, r.FollowerCount))
                followers.Add(new ResultFollower { ResultId = r.Id, UserId = users[f], CreatedAt = created.AddDays(random.Next(30)) });
            results[i] = r;
        }
        await context.Writer.InsertAsync(results, ct);
        await context.Writer.InsertAsync(milestones, ct);
        await context.Writer.InsertAsync(updates, ct);
        await context.Writer.InsertAsync(followers, ct);
    }
}

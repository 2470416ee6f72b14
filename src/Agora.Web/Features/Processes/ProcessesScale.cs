using Agora.Web.Infrastructure.Scale;

namespace Agora.Web.Features.Processes;

/// <summary>
/// Published processes with three phases (the middle one current) and every component a contributor asked for switched
/// on (proposals open for creating, supporting and commenting are set by the proposals' own part).
/// </summary>
public sealed class ProcessesScale : IScaleContributor
{
    public int Order => 30;

    public async Task ContributeAsync(ScaleContext context, CancellationToken ct)
    {
        var random = ScaleContext.RandomFor("processes");
        var today = DateOnly.FromDateTime(context.Now);
        var processes = new List<Process>();
        var phases = new List<Phase>();
        for (var i = 0; i < context.Size.Processes; i++)
        {
            var theme = ScaleWords.Themes[i % ScaleWords.Themes.Length];
            // The first process is city-wide (it holds the most proposals); the others belong to a district.
            var district = i == 0 ? null : Districts.All[i % Districts.All.Count];
            var place = district?.Bg ?? "София";
            var year = 2027 + (i / (ScaleWords.Themes.Length * Districts.All.Count));
            var id = context.NewId();
            var starts = today.AddDays(-60 - random.Next(60));
            var ends = today.AddDays(60 + random.Next(120));
            var p = new Process
            {
                Id = id,
                Slug = $"{Infrastructure.Text.Slugs.From(theme + " " + place, 60)}-{year}-{i + 1}",
                Title = new($"{theme} — {place} {year}", $"{theme} — {district?.En ?? "Sofia"} {year}"),
                Subtitle = new($"Вашите идеи за {place}", $"Your ideas for {district?.En ?? "Sofia"}"),
                Summary = new(ScaleWords.Paragraph(random, 2), "Citizens propose, support and discuss what the municipality should do."),
                Description = new(ScaleWords.Paragraph(random, 6), "A generated process for the city-scale benchmark."),
                Theme = new(theme, theme),
                HeroText = new("Предложете, подкрепете, обсъдете", "Propose, support, discuss"),
                Scope = district?.Key ?? "",
                StartsOn = starts,
                EndsOn = ends,
                Components = string.Join(',', context.Components),
                Published = true,
                PublishedAt = context.Now.AddDays(-90),
                CreatedAt = context.Now.AddDays(-100),
                UpdatedAt = context.Now.AddDays(-90),
            };
            processes.Add(p);
            var mid = starts.AddDays((ends.DayNumber - starts.DayNumber) / 3);
            var late = starts.AddDays(2 * (ends.DayNumber - starts.DayNumber) / 3);
            (string Bg, string En, DateOnly From, DateOnly To)[] stages =
            [
                ("Събиране на идеи", "Collecting ideas", starts, mid.AddDays(-1)),
                ("Подкрепа и обсъждане", "Support and discussion", mid, late.AddDays(-1)),
                ("Оценка и отговор", "Evaluation and answer", late, ends),
            ];
            Guid current = Guid.Empty;
            for (var s = 0; s < stages.Length; s++)
            {
                var phase = new Phase
                {
                    Id = context.NewId(),
                    ProcessId = id,
                    Position = s,
                    Title = new(stages[s].Bg, stages[s].En),
                    Description = new(ScaleWords.Paragraph(random, 2), ""),
                    StartsOn = stages[s].From,
                    EndsOn = stages[s].To,
                    IsCurrent = s == 1,
                };
                if (s == 1)
                    current = phase.Id;
                phases.Add(phase);
            }
            context.Processes.Add(new ScaleProcess(id, p.Slug, current, p.Scope));
        }
        await context.Writer.InsertAsync(processes, ct);
        await context.Writer.InsertAsync(phases, ct);
    }
}

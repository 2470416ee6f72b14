using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Maturity;

/// <summary>The administrators' form for a framework: its texts and every dimension with its five levels.</summary>
public sealed class FrameworkInput
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Maturity.Framework.NameBg")]
    public string NameBg { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Maturity.Framework.NameEn")]
    public string NameEn { get; set; } = "";

    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Maturity.Framework.DescriptionBg")]
    public string? DescriptionBg { get; set; }

    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Maturity.Framework.DescriptionEn")]
    public string? DescriptionEn { get; set; }

    [Display(Name = "Maturity.Framework.AllowTargetBelowCurrent")]
    public bool AllowTargetBelowCurrent { get; set; }

    public List<DimensionInput> Dimensions { get; set; } = [];

    public static FrameworkInput From(MaturityFramework f) => new()
    {
        NameBg = f.Name.Bg,
        NameEn = f.Name.En,
        DescriptionBg = f.Description.Bg,
        DescriptionEn = f.Description.En,
        AllowTargetBelowCurrent = f.AllowTargetBelowCurrent,
        Dimensions = f.Dimensions.OrderBy(d => d.Position).Select(d => new DimensionInput
        {
            Key = d.Key,
            NameBg = d.Name.Bg,
            NameEn = d.Name.En,
            DescriptionBg = d.Description.Bg,
            DescriptionEn = d.Description.En,
            LevelsBg = [.. Enumerable.Range(1, 5).Select(l => d.Level(l).Bg)],
            LevelsEn = [.. Enumerable.Range(1, 5).Select(l => d.Level(l).En)],
        }).ToList(),
    };
}

/// <summary>A dimension in the framework form. A row with both names empty is left out (the blank row for a new one).</summary>
public sealed class DimensionInput
{
    public string? Key { get; set; }
    public string? NameBg { get; set; }
    public string? NameEn { get; set; }
    public string? DescriptionBg { get; set; }
    public string? DescriptionEn { get; set; }
    public string?[] LevelsBg { get; set; } = new string?[5];
    public string?[] LevelsEn { get; set; } = new string?[5];
    public bool Remove { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(NameBg) && string.IsNullOrWhiteSpace(NameEn);
}

/// <summary>A framework in the administrators' list: the newest version of each.</summary>
public sealed record FrameworkRow(Guid Id, LocalizedText Name, int Version, int Dimensions, int Rounds);

/// <summary>
/// Frameworks and their versions. A framework a round uses is never changed: saving it makes a new version that
/// points back to it, and new rounds pick the new version; the round keeps the descriptors its assessors read.
/// </summary>
public sealed class FrameworkService(AgoraDb db, TimeProvider clock)
{
    /// <summary>The newest version of every framework (nothing points back to it), with how many rounds use it.</summary>
    public async Task<IReadOnlyList<FrameworkRow>> LatestAsync(CancellationToken ct) =>
        await db.Set<MaturityFramework>().AsNoTracking()
            .Where(f => !db.Set<MaturityFramework>().Any(n => n.PreviousId == f.Id))
            .OrderBy(f => f.CreatedAt)
            .Select(f => new FrameworkRow(f.Id, f.Name, f.Version, f.Dimensions.Count, db.Set<MaturityRound>().Count(r => r.FrameworkId == f.Id)))
            .ToListAsync(ct);

    public Task<bool> InUseAsync(Guid frameworkId, CancellationToken ct) =>
        db.Set<MaturityRound>().AnyAsync(r => r.FrameworkId == frameworkId, ct);

    public Task<bool> IsLatestAsync(Guid frameworkId, CancellationToken ct) =>
        db.Set<MaturityFramework>().AllAsync(f => f.PreviousId != frameworkId, ct);

    /// <summary>Adds a copy of the default framework and returns it.</summary>
    public async Task<MaturityFramework> AddDefaultAsync(CancellationToken ct)
    {
        var framework = DefaultFramework.Create(clock.GetUtcNow().UtcDateTime);
        db.Add(framework);
        await db.SaveChangesAsync(ct);
        return framework;
    }

    /// <summary>
    /// Checks the dimensions: each kept one needs both names and all ten level descriptors; at least one dimension.
    /// Returns (field, resource key) pairs.
    /// </summary>
    public static IReadOnlyList<(string Field, string Key)> Validate(FrameworkInput input)
    {
        var problems = new List<(string, string)>();
        var kept = input.Dimensions.Select((d, i) => (d, i)).Where(x => !x.d.Remove && !x.d.IsBlank).ToList();
        if (kept.Count == 0)
            problems.Add(("Input.Dimensions", "Maturity.Framework.NeedsDimension"));
        foreach (var (d, i) in kept)
        {
            if (string.IsNullOrWhiteSpace(d.NameBg) || string.IsNullOrWhiteSpace(d.NameEn))
                problems.Add(($"Input.Dimensions[{i}].NameBg", "Maturity.Framework.DimensionNames"));
            if (d.LevelsBg.Length != 5 || d.LevelsEn.Length != 5 || d.LevelsBg.Concat(d.LevelsEn).Any(string.IsNullOrWhiteSpace))
                problems.Add(($"Input.Dimensions[{i}].LevelsBg", "Maturity.Framework.LevelsNeeded"));
            if (d.LevelsBg.Concat(d.LevelsEn).Any(l => l?.Length > 1000) || (d.NameBg?.Length ?? 0) > 200 || (d.NameEn?.Length ?? 0) > 200
                || (d.DescriptionBg?.Length ?? 0) > 2000 || (d.DescriptionEn?.Length ?? 0) > 2000)
                problems.Add(($"Input.Dimensions[{i}].NameBg", "Maturity.Framework.TooLong"));
        }
        return problems;
    }

    /// <summary>
    /// Saves the framework: a new one, an unused one in place, or — when a round uses it — as a new version that
    /// points back to it. Returns the id of the framework saved. Dimensions keep their keys across versions.
    /// </summary>
    public async Task<Guid> SaveAsync(Guid? id, FrameworkInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        MaturityFramework framework;
        if (id is Guid existingId && !await InUseAsync(existingId, ct))
        {
            framework = await db.Set<MaturityFramework>().Include(f => f.Dimensions).FirstAsync(f => f.Id == existingId, ct);
        }
        else
        {
            var previous = id is Guid pid ? await db.Set<MaturityFramework>().AsNoTracking().FirstAsync(f => f.Id == pid, ct) : null;
            framework = new MaturityFramework { PreviousId = previous?.Id, Version = (previous?.Version ?? 0) + 1, CreatedAt = now };
            db.Add(framework);
        }
        framework.Name = new(input.NameBg.Trim(), input.NameEn.Trim());
        framework.Description = new((input.DescriptionBg ?? "").Trim(), (input.DescriptionEn ?? "").Trim());
        framework.AllowTargetBelowCurrent = input.AllowTargetBelowCurrent;
        var kept = input.Dimensions.Where(d => !d.Remove && !d.IsBlank).ToList();
        var keys = kept.Where(d => !string.IsNullOrWhiteSpace(d.Key)).Select(d => d.Key!).ToHashSet();
        foreach (var gone in framework.Dimensions.Where(d => !keys.Contains(d.Key)).ToList())
        {
            framework.Dimensions.Remove(gone);
            db.Remove(gone);
        }
        var taken = framework.Dimensions.Select(d => d.Key).ToHashSet();
        for (var i = 0; i < kept.Count; i++)
        {
            var input1 = kept[i];
            var dim = framework.Dimensions.FirstOrDefault(d => d.Key == input1.Key);
            if (dim == null)
            {
                var key = string.IsNullOrWhiteSpace(input1.Key) ? Slugs.From(input1.NameEn ?? input1.NameBg ?? "dimension", 50) : input1.Key!;
                if (string.IsNullOrEmpty(key))
                    key = "dimension";
                var unique = key;
                for (var n = 2; taken.Contains(unique); n++)
                    unique = $"{key}-{n}";
                taken.Add(unique);
                dim = new MaturityDimension { FrameworkId = framework.Id, Key = unique };
                framework.Dimensions.Add(dim);
                db.Add(dim);
            }
            dim.Position = i;
            dim.Name = new(input1.NameBg!.Trim(), input1.NameEn!.Trim());
            dim.Description = new((input1.DescriptionBg ?? "").Trim(), (input1.DescriptionEn ?? "").Trim());
            for (var level = 1; level <= 5; level++)
                dim.SetLevel(level, new LocalizedText(input1.LevelsBg[level - 1]!.Trim(), input1.LevelsEn[level - 1]!.Trim()));
        }
        await db.SaveChangesAsync(ct);
        return framework.Id;
    }
}

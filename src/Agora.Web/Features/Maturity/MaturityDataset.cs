using System.Runtime.CompilerServices;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;
using static Agora.Web.Infrastructure.OpenData.FieldType;

namespace Agora.Web.Features.Maturity;

/// <summary>
/// The figures of the published maturity reports: per round, dimension and assessor group ("all" first), computed by
/// <see cref="MaturityAggregation"/> exactly as the report, its CSV and its JSON. A round needs all its ratings, so
/// each is aggregated in memory (a few hundred rows) and its rows go out before the next round is read. Only
/// counts and statistics — never an assessor or a justification.
/// </summary>
public sealed class MaturityDataset : IOpenDataset
{
    public string Name => "maturity-results";
    public LocalizedText Title => new("Оценка на зрелостта: резултати", "Maturity assessment: results");
    public LocalizedText Description => new(
        "Резултатите от публикуваните доклади за зрелостта: за всеки кръг, измерение и група оценители — брой, медиана, квартили и разпределение на сегашното ниво, медиана на целевото ниво и средна разлика.",
        "The results of the published maturity reports: for every round, dimension and assessor group — count, median, quartiles and distribution of the current level, median target level and mean gap.");
    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("process", Text, "Процес (кратко име в адреса)", "Process (address slug)"),
        new("round", Text, "Кръг (кратко име в адреса)", "Round (address slug)"),
        new("round_title_bg", Text, "Кръг (български)", "Round (Bulgarian)"),
        new("round_title_en", Text, "Кръг (английски)", "Round (English)"),
        new("published_at", FieldType.DateTime, "Публикуван", "Published"),
        new("dimension", Text, "Измерение (ключ, еднакъв във версиите на рамката)", "Dimension (key, the same across framework versions)"),
        new("dimension_bg", Text, "Измерение (български)", "Dimension (Bulgarian)"),
        new("dimension_en", Text, "Измерение (английски)", "Dimension (English)"),
        new("group", Text, "Група: all, municipality, business, ngo, academia, resident", "Group: all, municipality, business, ngo, academia, resident"),
        new("assessors", Number, "Брой оценители", "Number of assessors"),
        new("median_current", Number, "Медиана на сегашното ниво (1–5)", "Median current level (1–5)"),
        new("q1_current", Number, "Първи квартил на сегашното ниво (линейна интерполация, тип 7; само за all)", "First quartile of the current level (linear interpolation, type 7; all only)"),
        new("q3_current", Number, "Трети квартил на сегашното ниво (само за all)", "Third quartile of the current level (all only)"),
        new("level_1", Number, "Брой оценки с ниво 1 (само за all)", "Count at level 1 (all only)"),
        new("level_2", Number, "Брой оценки с ниво 2 (само за all)", "Count at level 2 (all only)"),
        new("level_3", Number, "Брой оценки с ниво 3 (само за all)", "Count at level 3 (all only)"),
        new("level_4", Number, "Брой оценки с ниво 4 (само за all)", "Count at level 4 (all only)"),
        new("level_5", Number, "Брой оценки с ниво 5 (само за all)", "Count at level 5 (all only)"),
        new("median_target", Number, "Медиана на целевото ниво", "Median target level"),
        new("mean_gap", Number, "Средна разлика цел − сега", "Mean gap target − current"),
        new("url", Url, "Доклад", "Report"),
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var db = context.Db;
        // The rounds first, in full: PostgreSQL reads one result at a time per connection.
        var rounds = await (from r in db.Set<MaturityRound>().AsNoTracking()
                            join p in PublicProcesses.With(db, MaturityService.Key) on r.ProcessId equals p.Id
                            where r.PublishedAt != null
                            orderby r.PublishedAt, r.Id
                            select new { r.Id, r.Slug, TitleBg = r.Title.Bg, TitleEn = r.Title.En, r.PublishedAt, r.FrameworkId, Process = p.Slug })
                           .ToListAsync(ct);
        foreach (var round in rounds)
        {
            var dims = await db.Set<MaturityDimension>().AsNoTracking().Where(d => d.FrameworkId == round.FrameworkId).OrderBy(d => d.Position)
                .Select(d => new { d.Key, NameBg = d.Name.Bg, NameEn = d.Name.En }).ToListAsync(ct);
            var ratings = await db.Set<MaturityScore>().AsNoTracking()
                .Join(db.Set<MaturityAssessment>().Where(a => a.RoundId == round.Id && a.SubmittedAt != null), s => s.AssessmentId, a => a.Id, (s, a) => new { s, a })
                .Join(db.Set<MaturityDimension>(), x => x.s.DimensionId, d => d.Id, (x, d) => new { x.a.UserId, x.a.Group, d.Key, x.s.Current, x.s.Target })
                .Where(x => x.Current != null && x.Target != null).ToListAsync(ct);
            var result = MaturityAggregation.Aggregate(dims.Select(d => d.Key).ToList(),
                ratings.Select(r => new Rating(r.UserId, r.Group, r.Key, r.Current!.Value, r.Target!.Value)));
            var url = context.Link($"/processes/{round.Process}/{MaturityService.Segment}/{round.Slug}/report");
            foreach (var (d, dim) in result.Dimensions.Zip(dims))
            {
                object?[] head = [round.Process, round.Slug, round.TitleBg, round.TitleEn, round.PublishedAt, d.Dimension, dim.NameBg, dim.NameEn];
                yield return [.. head, "all", d.N, ReportDocument.R(d.Current.Median), ReportDocument.R(d.Current.Q1), ReportDocument.R(d.Current.Q3),
                    .. d.Current.Distribution.Cast<object?>(), ReportDocument.R(d.Target.Median), ReportDocument.R(d.MeanGap), url];
                foreach (var g in d.Groups)
                    yield return [.. head, g.Group, g.N, ReportDocument.R(g.MedianCurrent), null, null, null, null, null, null, null,
                        ReportDocument.R(g.MedianTarget), ReportDocument.R(g.MeanGap), url];
            }
        }
    }
}

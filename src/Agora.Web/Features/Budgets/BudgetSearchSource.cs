using System.Globalization;
using System.Linq.Expressions;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Search;

namespace Agora.Web.Features.Budgets;

/// <summary>
/// Budget projects by title, description, district and cost. The project page shows every project of a budget (also
/// pending and not feasible ones, with the review's reasons) to whoever sees the process, so all are public here;
/// the process being unpublished hides them as for every item. Votes are not indexed: they change on every ballot
/// (through ExecuteUpdate) and say nothing a search needs.
/// </summary>
public sealed class BudgetProjectSearchSource : QuerySearchSource<BudgetProject, BudgetProjectSearchSource.Row>
{
    public const string KindName = "budget-project";

    public sealed record Row(Guid Id, Guid BudgetId, Guid ProcessId, string ProcessSlug, string Title, string Description, long CostCents,
        string? District, string? BudgetDistrict, ProjectReview Review, DateTime CreatedAt);

    private static readonly CultureInfo Bulgarian = CultureInfo.GetCultureInfo("bg");

    public override string Kind => KindName;

    protected override string Component => BudgetService.Key;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<BudgetProject>(KindName, p => p.Id)];

    protected override Expression<Func<BudgetProject, Guid>> IdOf => p => p.Id;

    protected override IQueryable<BudgetProject> Items(AgoraDb db) => db.Set<BudgetProject>();

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<BudgetProject> items) =>
        from p in items
        join b in db.Set<Budget>() on p.BudgetId equals b.Id
        join pr in db.Set<Process>() on b.ProcessId equals pr.Id
        select new Row(p.Id, b.Id, pr.Id, pr.Slug, p.Title, p.Description, p.CostCents, p.District, b.District, p.Review, p.CreatedAt);

    protected override SearchDocument ToDocument(Row r)
    {
        var district = r.District ?? r.BudgetDistrict;
        // The district's name and the cost as written on the page, so "Средец" or "25 000" find the project.
        var facts = string.Join(" · ", new[] { district == null ? null : Districts.NameOf(district), Format.Eur(r.CostCents, Bulgarian) }
            .Where(s => !string.IsNullOrEmpty(s)));
        return new SearchDocument(Kind, r.Id, $"/processes/{r.ProcessSlug}/budgets/{r.BudgetId}/projects/{r.Id}")
        {
            ProcessId = r.ProcessId,
            ProcessSlug = r.ProcessSlug,
            District = district,
            Date = r.CreatedAt,
            State = r.Review.ToString(),
        }.WithCitizenText(r.Title, r.Description + "\n" + facts);
    }
}

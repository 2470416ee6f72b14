using System.Runtime.CompilerServices;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;
using static Agora.Web.Infrastructure.OpenData.FieldType;

namespace Agora.Web.Features.Budgets;

/// <summary>The budgets of public processes: area, amount, rule, phase and the number of counted ballots.</summary>
public sealed class BudgetsDataset : IOpenDataset
{
    public string Name => "budgets";
    public LocalizedText Title => new("Бюджети с участие", "Participatory budgets");
    public LocalizedText Description => new(
        "Бюджетите с участие: територия, сума в евро, правило за гласуване, фаза и брой отчетени бюлетини.",
        "The participatory budgets: area, amount in euro, voting rule, phase and the number of counted ballots.");
    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("id", Text, "Идентификатор", "Identifier"),
        new("process", Text, "Процес (кратко име в адреса)", "Process (address slug)"),
        new("title", Text, "Заглавие", "Title"),
        new("title_en", Text, "Заглавие на английски", "Title in English"),
        new("district", Text, "Район (ключ); празно — цяла София", "District (key); empty means all of Sofia"),
        new("amount_eur", Number, "Сума в евро", "Amount in euro"),
        new("rule", Text, "Правило: Knapsack (сбор от стойностите) или Approval (брой проекти)", "Rule: Knapsack (costs add up) or Approval (number of projects)"),
        new("min_percent", Number, "Knapsack: минимален дял от сумата в бюлетина (%)", "Knapsack: minimum share of the amount per ballot (%)"),
        new("min_projects", Number, "Approval: минимален брой проекти", "Approval: minimum number of projects"),
        new("max_projects", Number, "Approval: максимален брой проекти", "Approval: maximum number of projects"),
        new("phase", Text, "Фаза: Submission, Review, Voting, Results, Implementation", "Phase: Submission, Review, Voting, Results, Implementation"),
        new("ballots", Number, "Отчетени бюлетини", "Counted ballots"),
        new("closed_at", FieldType.DateTime, "Край на гласуването (UTC)", "Voting closed at (UTC)"),
        new("url", Url, "Страница", "Page"),
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var db = context.Db;
        var rows = (from b in db.Set<Budget>().AsNoTracking()
                    join p in PublicProcesses.With(db, BudgetService.Key) on b.ProcessId equals p.Id
                    orderby b.CreatedAt, b.Id
                    select new { b.Id, p.Slug, b.Title, b.District, b.AmountCents, b.Rule, b.MinPercent, b.MinProjects, b.MaxProjects, b.Phase, b.BallotCount, b.ClosedAt })
            .AsAsyncEnumerable();
        await foreach (var b in rows.WithCancellation(ct))
            yield return [b.Id.ToString(), b.Slug, b.Title.Bg, b.Title.En, b.District ?? "", b.AmountCents / 100m, b.Rule.ToString(), b.MinPercent,
                b.MinProjects, b.MaxProjects, b.Phase.ToString(), b.BallotCount, b.ClosedAt, context.Link($"/processes/{b.Slug}/budgets/{b.Id}")];
    }
}

/// <summary>The projects of those budgets with their review; votes and the winner flag only after the close, as on
/// the site. Never the ballots' contents or who voted.</summary>
public sealed class BudgetProjectsDataset : IOpenDataset
{
    public string Name => "budget-projects";
    public LocalizedText Title => new("Проекти в бюджетите с участие", "Participatory budget projects");
    public LocalizedText Description => new(
        "Проектите: стойност, район, техническа оценка, а след края на гласуването – гласове и дали се финансират.",
        "The projects: cost, district, technical review, and after voting closes their votes and whether they are funded.");
    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("id", Text, "Идентификатор", "Identifier"),
        new("budget_id", Text, "Бюджет (идентификатор от budgets)", "Budget (identifier in budgets)"),
        new("title", Text, "Заглавие, както е написано", "Title, as written"),
        new("cost_eur", Number, "Стойност в евро", "Cost in euro"),
        new("district", Text, "Район (ключ); празно — цяла София", "District (key); empty means all of Sofia"),
        new("review", Text, "Оценка: Pending, Feasible, NotFeasible", "Review: Pending, Feasible, NotFeasible"),
        new("proposal_id", Text, "Предложение, от което идва (идентификатор от proposals)", "Proposal it came from (identifier in proposals)"),
        new("votes", Number, "Гласове; празно до края на гласуването", "Votes; empty until voting closes"),
        new("funded", FieldType.Boolean, "Финансира се по публикуваното правило; празно до края", "Funded by the published rule; empty until the close"),
        new("url", Url, "Страница", "Page"),
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var db = context.Db;
        // One budget at a time: the winners need all of a budget's projects, and a budget has few of them.
        var budgets = await (from b in db.Set<Budget>().AsNoTracking()
                             join p in PublicProcesses.With(db, BudgetService.Key) on b.ProcessId equals p.Id
                             orderby b.CreatedAt, b.Id
                             select new { Budget = b, p.Slug }).ToListAsync(ct);
        foreach (var x in budgets)
        {
            var projects = await db.Set<BudgetProject>().AsNoTracking().Where(p => p.BudgetId == x.Budget.Id)
                .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(ct);
            var closed = x.Budget.Phase >= BudgetPhase.Results;
            var wins = closed ? BudgetService.Results(x.Budget, projects).Where(r => r.Wins).Select(r => r.Id).ToHashSet() : new HashSet<Guid>();
            foreach (var p in projects)
                yield return [p.Id.ToString(), x.Budget.Id.ToString(), p.Title, p.CostCents / 100m, p.District ?? "", p.Review.ToString(),
                    p.ProposalId?.ToString(), closed ? p.VoteCount : null, closed ? wins.Contains(p.Id) : null,
                    context.Link($"/processes/{x.Slug}/budgets/{x.Budget.Id}/projects/{p.Id}")];
        }
    }
}

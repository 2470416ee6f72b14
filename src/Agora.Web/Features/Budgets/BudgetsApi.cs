using System.ComponentModel;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Budgets;

/// <summary>A participatory budget as the API shows it (v1).</summary>
[Description("A participatory budget of a process: its area, amount, voting rule, phase and the number of counted ballots.")]
public sealed record ApiBudget(
    [property: Description("The budget's id.")] Guid Id,
    [property: Description("The slug of the process it belongs to.")] string Process,
    [property: Description("The title, in both languages.")] ApiText Title,
    [property: Description("The description, Markdown, in both languages.")] ApiText Description,
    [property: Description("The district key whose residents vote, or city for the whole city.")] string District,
    [property: Description("The amount to spend, in euro cents.")] long AmountCents,
    [property: Description("The voting rule: knapsack (the chosen projects' costs add up to at most the amount) or approval (a number of projects).")] VotingRule Rule,
    [property: Description("Knapsack: the least share of the amount a ballot must spend, in percent (0 = none).")] int MinPercent,
    [property: Description("Approval: the least number of projects on a ballot.")] int MinProjects,
    [property: Description("Approval: the most projects on a ballot.")] int MaxProjects,
    [property: Description("Where it stands: submission, review, voting, results, implementation.")] BudgetPhase Phase,
    [property: Description("First day of voting as announced (yyyy-MM-dd); absent when not set.")] DateOnly? VotingStartsOn,
    [property: Description("Last day of voting as announced (yyyy-MM-dd); absent when not set.")] DateOnly? VotingEndsOn,
    [property: Description("When voting closed, UTC; absent while open.")] DateTime? ClosedAt,
    [property: Description("How many ballots were counted (never who voted or how).")] int Ballots,
    [property: Description("When it was created, UTC.")] DateTime CreatedAt,
    [property: Description("The budget's page.")] Uri Url);

/// <summary>A project of a participatory budget as the API shows it (v1).</summary>
[Description("A project proposed for a participatory budget, with its technical review; votes and whether it is funded only after voting closes.")]
public sealed record ApiBudgetProject(
    [property: Description("The project's id.")] Guid Id,
    [property: Description("The id of its budget (in /budgets).")] Guid Budget,
    [property: Description("The slug of the process it belongs to.")] string Process,
    [property: Description("The title, as written by its author.")] string Title,
    [property: Description("The description, Markdown, as written by its author.")] string Description,
    [property: Description("The cost in euro cents: the author's figure until the review's estimate replaces it.")] long CostCents,
    [property: Description("The district key, or city for the whole city.")] string District,
    [property: Description("The technical review: pending, feasible (on the ballot) or notFeasible.")] ProjectReview Review,
    [property: Description("The review's reasons, Markdown; absent when none.")] string? ReviewReason,
    [property: Description("The proposal it came from (in /proposals); absent when none.")] Guid? Proposal,
    [property: Description("Ballots choosing it; absent until voting closes.")] int? Votes,
    [property: Description("Whether it is funded by the budget's published rule; absent until voting closes.")] bool? Funded,
    [property: Description("When it was submitted, UTC.")] DateTime CreatedAt,
    [property: Description("The project's page.")] Uri Url);

/// <summary>/api/v1/budgets and /api/v1/budget-projects: budgets of published processes with budgets switched on.
/// Votes and winners only after the close, as on the site and in the open-data datasets; never ballots or voters.</summary>
public sealed class BudgetsApi : IApiModule
{
    private static readonly Guid ExampleBudget = Guid.Parse("3f1c6a2e-8b4d-4e7a-9c15-0d2e4f6a8b10");
    private static readonly Guid ExampleProject = Guid.Parse("7a2b9c4d-1e3f-4a5b-8c6d-9e0f1a2b3c4d");

    public static readonly ApiKind BudgetKind = new("budgets", "budget",
        "Participatory budgets: the area whose verified residents vote, the amount, the voting rule, the phase and the number of " +
        "counted ballots. Budgets of unpublished processes are left out; ballots and voters never appear.",
        typeof(ApiBudget),
        new ApiBudget(ExampleBudget, "participatory-budget-2026", new ApiText("Средец 2026", "Sredets 2026"),
            new ApiText("Бюджет за района.", "The district's budget."), "sredets", 10_000_000, VotingRule.Approval, 0, 1, 2,
            BudgetPhase.Results, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc), 412,
            new DateTime(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc), new Uri($"https://agora.sofia.bg/processes/participatory-budget-2026/budgets/{ExampleBudget}")),
        [ProcessApiFilters.Process, ProcessApiFilters.District, ApiFilter.Enum<BudgetPhase>("phase", "Only budgets in this phase.")]);

    public static readonly ApiKind ProjectKind = new("budget-projects", "budgetProject",
        "Projects of participatory budgets with their technical review. Votes and whether a project is funded are absent until " +
        "its budget's voting closes. Projects of unpublished processes are left out; ballots and voters never appear.",
        typeof(ApiBudgetProject),
        new ApiBudgetProject(ExampleProject, ExampleBudget, "participatory-budget-2026", "Детска площадка в градинката „Кристал“",
            "Нова площадка с безопасна настилка.", 4_500_000, "sredets", ProjectReview.Feasible, null, null, 57, true,
            new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc),
            new Uri($"https://agora.sofia.bg/processes/participatory-budget-2026/budgets/{ExampleBudget}/projects/{ExampleProject}")),
        [ProcessApiFilters.Process, ProcessApiFilters.District, ApiFilter.Id("budget", "Only projects of this budget."),
            ApiFilter.Enum<ProjectReview>("review", "Only projects with this review.")]);

    public IReadOnlyList<ApiKind> Kinds => [BudgetKind, ProjectKind];

    public void Map(RouteGroupBuilder api)
    {
        api.MapRead("/budgets", ListBudgetsAsync);
        api.MapRead("/budgets/{id:guid}", GetBudgetAsync);
        api.MapRead("/budget-projects", ListProjectsAsync);
        api.MapRead("/budget-projects/{id:guid}", GetProjectAsync);
    }

    /// <summary>Budgets of published processes with budgets switched on, as anonymous readers see them.</summary>
    private static IQueryable<BudgetRow> Budgets(AgoraDb db) =>
        from b in db.Set<Budget>().AsNoTracking()
        join p in PublicProcesses.With(db, BudgetService.Key) on b.ProcessId equals p.Id
        select new BudgetRow { B = b, Process = p.Slug };

    /// <summary>Two queries at most: the process filter's slug, then the page.</summary>
    private static async Task<IResult> ListBudgetsAsync(HttpContext http, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var list = ApiList.Parse(http);
        var phase = list.Enum<BudgetPhase>("phase");
        var processId = await list.ProcessIdAsync(db, ct);
        var q = Budgets(db);
        if (processId is Guid pid)
            q = q.Where(r => r.B.ProcessId == pid);
        if (list.District == "city")
            q = q.Where(r => r.B.District == null);
        else if (list.District != null)
            q = q.Where(r => r.B.District == list.District);
        if (phase is BudgetPhase ph)
            q = q.Where(r => r.B.Phase == ph);
        if (list.After is ApiCursor a)
            q = q.Where(r => r.B.CreatedAt > a.At || (r.B.CreatedAt == a.At && r.B.Id.CompareTo(a.Id) > 0));
        var rows = await q.OrderBy(r => r.B.CreatedAt).ThenBy(r => r.B.Id).Take(list.Limit + 1).ToListAsync(ct);
        return list.Page(rows.Select(r => r.ToApi(links)).ToList(), x => new ApiCursor(x.CreatedAt, x.Id));
    }

    private static async Task<IResult> GetBudgetAsync(Guid id, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var row = await Budgets(db).Where(r => r.B.Id == id).FirstOrDefaultAsync(ct);
        return ApiList.Item(row?.ToApi(links), BudgetKind.Singular);
    }

    /// <summary>Three queries at most: the process filter's slug, the page, then the closed budgets' projects for the winners.</summary>
    private static async Task<IResult> ListProjectsAsync(HttpContext http, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var list = ApiList.Parse(http);
        var review = list.Enum<ProjectReview>("review");
        var budgetId = list.Id("budget");
        var processId = await list.ProcessIdAsync(db, ct);
        var q = Projects(db);
        if (processId is Guid pid)
            q = q.Where(r => r.B.ProcessId == pid);
        if (budgetId is Guid bid)
            q = q.Where(r => r.P.BudgetId == bid);
        if (list.District == "city")
            q = q.Where(r => r.P.District == null);
        else if (list.District != null)
            q = q.Where(r => r.P.District == list.District);
        if (review is ProjectReview rv)
            q = q.Where(r => r.P.Review == rv);
        if (list.After is ApiCursor a)
            q = q.Where(r => r.P.CreatedAt > a.At || (r.P.CreatedAt == a.At && r.P.Id.CompareTo(a.Id) > 0));
        var rows = await q.OrderBy(r => r.P.CreatedAt).ThenBy(r => r.P.Id).Take(list.Limit + 1).ToListAsync(ct);
        var winners = await WinnersAsync(db, rows, ct);
        return list.Page(rows.Select(r => r.ToApi(links, winners)).ToList(), x => new ApiCursor(x.CreatedAt, x.Id));
    }

    private static async Task<IResult> GetProjectAsync(Guid id, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var row = await Projects(db).Where(r => r.P.Id == id).FirstOrDefaultAsync(ct);
        if (row == null)
            return ApiList.Item<ApiBudgetProject>(null, ProjectKind.Singular);
        return ApiList.Item(row.ToApi(links, await WinnersAsync(db, [row], ct)), ProjectKind.Singular);
    }

    private static IQueryable<ProjectRow> Projects(AgoraDb db) =>
        from p in db.Set<BudgetProject>().AsNoTracking()
        join b in db.Set<Budget>() on p.BudgetId equals b.Id
        join pr in PublicProcesses.With(db, BudgetService.Key) on b.ProcessId equals pr.Id
        select new ProjectRow { P = p, B = b, Process = pr.Slug };

    /// <summary>The funded projects of the closed budgets among the rows: one query for all their projects (winners are
    /// computed by the published rule, as on the budget page). It runs even when no budget on the page is closed, so a
    /// list page always sends the same number of queries.</summary>
    private static async Task<HashSet<Guid>> WinnersAsync(AgoraDb db, IReadOnlyList<ProjectRow> rows, CancellationToken ct)
    {
        var closed = rows.Where(r => r.B.Phase >= BudgetPhase.Results).Select(r => r.B).DistinctBy(b => b.Id).ToList();
        var ids = closed.Select(b => b.Id).ToList();
        var projects = (await db.Set<BudgetProject>().AsNoTracking().Where(p => ids.Contains(p.BudgetId)).ToListAsync(ct)).ToLookup(p => p.BudgetId);
        return closed.SelectMany(b => BudgetService.Results(b, projects[b.Id])).Where(r => r.Wins).Select(r => r.Id).ToHashSet();
    }

    /// <summary>Member-initialised, so the query can still filter and order by its members after the projection.</summary>
    private sealed class BudgetRow
    {
        public required Budget B { get; init; }
        public required string Process { get; init; }

        public ApiBudget ToApi(PublicLinks links) => new(B.Id, Process, ApiText.From(B.Title), ApiText.From(B.Description), B.District ?? "city",
            B.AmountCents, B.Rule, B.MinPercent, B.MinProjects, B.MaxProjects, B.Phase, B.VotingStartsOn, B.VotingEndsOn, B.ClosedAt,
            B.BallotCount, B.CreatedAt, new Uri(links.Absolute($"/processes/{Process}/budgets/{B.Id}")));
    }

    private sealed class ProjectRow
    {
        public required BudgetProject P { get; init; }
        public required Budget B { get; init; }
        public required string Process { get; init; }

        public ApiBudgetProject ToApi(PublicLinks links, HashSet<Guid> winners)
        {
            var closed = B.Phase >= BudgetPhase.Results;
            return new(P.Id, P.BudgetId, Process, P.Title, P.Description, P.CostCents, P.District ?? "city", P.Review, P.ReviewReason, P.ProposalId,
                closed ? P.VoteCount : null, closed ? winners.Contains(P.Id) : null, P.CreatedAt,
                new Uri(links.Absolute($"/processes/{Process}/budgets/{P.BudgetId}/projects/{P.Id}")));
        }
    }
}

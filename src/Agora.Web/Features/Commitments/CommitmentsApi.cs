using System.ComponentModel;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Commitments;

/// <summary>A commitment as the API shows it (v1).</summary>
[Description("A commitment (pledge) made in a process by an organisation or by the municipality, with its progress.")]
public sealed record ApiCommitment(
    [property: Description("The commitment's id.")] Guid Id,
    [property: Description("The slug of the process it belongs to.")] string Process,
    [property: Description("The slug of the pledging organisation; absent when the municipality pledges.")] string? Organization,
    [property: Description("The pledging organisation's name in both languages; absent when the municipality pledges.")] ApiText? OrganizationName,
    [property: Description("What will be done, as written (one language).")] string Title,
    [property: Description("The details, plain text, as written.")] string Description,
    [property: Description("The language it was written in: bg or en.")] string Language,
    [property: Description("An English rendering of the title; absent when none.")] string? TitleEn,
    [property: Description("An English rendering of the description; absent when none.")] string? DescriptionEn,
    [property: Description("The id of the need it answers; absent when none.")] Guid? Need,
    [property: Description("The id of the event where it was made; absent when none.")] Guid? Event,
    [property: Description("By when, a calendar date in Sofia (yyyy-MM-dd).")] DateOnly Due,
    [property: Description("Where it stands: pledged, inProgress, done, withdrawn.")] CommitmentStatus Status,
    [property: Description("What the party brings: expertise, data, venue, funding, volunteers, technology.")] IReadOnlyList<string> Brings,
    [property: Description("Whether it is still open (pledged or in progress) after its due date.")] bool Overdue,
    [property: Description("How many progress updates it has.")] int UpdateCount,
    [property: Description("The progress updates, oldest first; only on /commitments/{id}.")] IReadOnlyList<ApiCommitmentUpdate>? Updates,
    [property: Description("When it was made, UTC.")] DateTime CreatedAt,
    [property: Description("When it last changed, UTC.")] DateTime UpdatedAt,
    [property: Description("The commitment's page.")] Uri Url);

[Description("A dated progress update; a status change is recorded as one too.")]
public sealed record ApiCommitmentUpdate(
    [property: Description("When it was written, UTC.")] DateTime At,
    [property: Description("The update as written (one language).")] string Text,
    [property: Description("An English rendering; absent when none.")] string? TextEn,
    [property: Description("The status the commitment moved to with it; absent when unchanged.")] CommitmentStatus? Status);

/// <summary>/api/v1/commitments: commitments not hidden by facilitators, in published processes with commitments on.</summary>
public sealed class CommitmentsApi : IApiModule
{
    public static readonly ApiKind Kind = new("commitments", "commitment",
        "Commitments of organisations and of the municipality with their due dates and progress updates. Commitments " +
        "hidden by facilitators never appear.",
        typeof(ApiCommitment),
        new ApiCommitment(Guid.Parse("7e1d2c3b-4a5f-4e6d-9c8b-7a6f5e4d3c2b"), "icc-2026", "init-lab",
            new ApiText("Инит Лаб", "Init Lab"), "Отворени работилници по програмиране за ученици",
            "Всяка събота през учебната година.", "bg", "Open coding workshops for pupils", "Every Saturday in the school year.",
            Guid.Parse("2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"), null, new DateOnly(2026, 12, 31), CommitmentStatus.InProgress,
            ["expertise", "venue"], false, 1,
            [new ApiCommitmentUpdate(new DateTime(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc), "Първите две работилници се проведоха.", null, CommitmentStatus.InProgress)],
            new DateTime(2026, 5, 14, 12, 0, 0, DateTimeKind.Utc), new DateTime(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc),
            new Uri("https://agora.sofia.bg/processes/icc-2026/commitments/7e1d2c3b-4a5f-4e6d-9c8b-7a6f5e4d3c2b")),
        [ProcessApiFilters.Process,
         ApiFilter.Enum<CommitmentStatus>("status", "Only commitments in this status."),
         new ApiFilter("organization", "Only commitments of this organisation (its slug).", new System.Text.Json.Nodes.JsonObject { ["type"] = "string" }, "init-lab"),
         new ApiFilter("overdue", "true: only open commitments past their due date; false: only the others. Another value gives 400.",
             new System.Text.Json.Nodes.JsonObject { ["type"] = "string", ["enum"] = new System.Text.Json.Nodes.JsonArray("true", "false") }, "true"),
         ApiFilter.UpdatedSince]);

    public IReadOnlyList<ApiKind> Kinds => [Kind];

    public void Map(RouteGroupBuilder api)
    {
        api.MapRead("/commitments", ListAsync);
        api.MapRead("/commitments/{id:guid}", GetAsync);
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Format.ToSofia(clock.GetUtcNow().UtcDateTime));

    /// <summary>Two queries at most: the process filter's slug, then the page.</summary>
    private static async Task<IResult> ListAsync(HttpContext http, AgoraDb db, PublicLinks links, TimeProvider clock, CancellationToken ct)
    {
        var list = ApiList.Parse(http);
        var status = list.Enum<CommitmentStatus>("status");
        string? organization = null;
        if (http.Request.Query.TryGetValue("organization", out var o))
            organization = !string.IsNullOrWhiteSpace(o) && o.ToString().Length <= 200 ? o.ToString()
                : throw ApiProblemException.BadRequest("organization must be the slug of an organisation.");
        bool? overdue = null;
        if (http.Request.Query.TryGetValue("overdue", out var od))
            overdue = od == "true" ? true : od == "false" ? false
                : throw ApiProblemException.BadRequest("overdue must be true or false.");
        var processId = await list.ProcessIdAsync(db, ct);
        var today = Today(clock);
        var q = Project(db, Public(db));
        if (processId is Guid pid)
            q = q.Where(r => r.C.ProcessId == pid);
        if (status is CommitmentStatus s)
            q = q.Where(r => r.C.Status == s);
        if (organization != null)
            q = q.Where(r => r.Organization == organization);
        // The same rule as Commitment.IsOverdue, in SQL.
        if (overdue == true)
            q = q.Where(r => (r.C.Status == CommitmentStatus.Pledged || r.C.Status == CommitmentStatus.InProgress) && r.C.DueOn < today);
        else if (overdue == false)
            q = q.Where(r => !((r.C.Status == CommitmentStatus.Pledged || r.C.Status == CommitmentStatus.InProgress) && r.C.DueOn < today));
        if (list.UpdatedSince is DateTime since)
            q = q.Where(r => r.C.UpdatedAt >= since);
        if (list.After is ApiCursor a)
            q = q.Where(r => r.C.CreatedAt > a.At || (r.C.CreatedAt == a.At && r.C.Id.CompareTo(a.Id) > 0));
        var rows = await q.OrderBy(r => r.C.CreatedAt).ThenBy(r => r.C.Id).Take(list.Limit + 1).ToListAsync(ct);
        return list.Page(rows.Select(r => r.ToApi(links, today, null)).ToList(), c => new ApiCursor(c.CreatedAt, c.Id));
    }

    /// <summary>Two queries: the commitment, then its updates.</summary>
    private static async Task<IResult> GetAsync(Guid id, AgoraDb db, PublicLinks links, TimeProvider clock, CancellationToken ct)
    {
        var row = await Project(db, Public(db).Where(c => c.Id == id)).FirstOrDefaultAsync(ct);
        if (row == null)
            return ApiList.Item<ApiCommitment>(null, Kind.Singular);
        var updates = await db.Set<CommitmentUpdate>().AsNoTracking().Where(u => u.CommitmentId == id)
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Id)
            .Select(u => new ApiCommitmentUpdate(u.CreatedAt, u.Text, u.TextEn, u.NewStatus)).ToListAsync(ct);
        return ApiList.Item(row.ToApi(links, Today(clock), updates), Kind.Singular);
    }

    /// <summary>Commitments not hidden, in published processes with commitments switched on, as anonymous readers see them.</summary>
    public static IQueryable<Commitment> Public(AgoraDb db)
    {
        var processes = PublicProcesses.With(db, CommitmentService.Key);
        return db.Set<Commitment>().AsNoTracking().Where(c => c.HiddenAt == null && processes.Any(p => p.Id == c.ProcessId));
    }

    /// <summary>Member-initialised, so the query can still filter and order by its members after the projection.</summary>
    private sealed class Row
    {
        public required Commitment C { get; init; }
        public required string Process { get; init; }
        public string? Organization { get; init; }
        public LocalizedText? OrganizationName { get; init; }

        public ApiCommitment ToApi(PublicLinks links, DateOnly today, IReadOnlyList<ApiCommitmentUpdate>? updates) => new(C.Id, Process,
            Organization, OrganizationName == null ? null : ApiText.From(OrganizationName), C.Title, C.Description, C.Language,
            string.IsNullOrWhiteSpace(C.TitleEn) ? null : C.TitleEn, string.IsNullOrWhiteSpace(C.DescriptionEn) ? null : C.DescriptionEn,
            C.NeedId, C.EventId, C.DueOn, C.Status, [.. CommitmentRules.Each(C.Brings).Select(ApiNames.Of)],
            C.IsOverdueOn(today), C.UpdateCount, updates, C.CreatedAt, C.UpdatedAt,
            new Uri(links.Absolute($"/processes/{Process}/{CommitmentService.Segment}/{C.Id}")));
    }

    private static IQueryable<Row> Project(AgoraDb db, IQueryable<Commitment> commitments) =>
        from c in commitments
        join p in db.Set<Process>() on c.ProcessId equals p.Id
        join o in db.Set<Organization>() on c.OrganizationId equals o.Id into os
        from o in os.DefaultIfEmpty()
        select new Row
        {
            C = c,
            Process = p.Slug,
            Organization = o == null ? null : o.Slug,
            OrganizationName = o == null ? null : o.Name,
        };
}

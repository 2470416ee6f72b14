using System.ComponentModel;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Processes;

/// <summary>A participatory process as the API shows it (v1).</summary>
[Description("A published participatory process with its phases.")]
public sealed record ApiProcess(
    [property: Description("The process's id.")] Guid Id,
    [property: Description("Its address on the site and the value of the process filter of other collections.")] string Slug,
    [property: Description("Title.")] ApiText Title,
    [property: Description("Subtitle.")] ApiText Subtitle,
    [property: Description("One or two sentences, plain text.")] ApiText Summary,
    [property: Description("Description, Markdown.")] ApiText Description,
    [property: Description("Theme or track.")] ApiText Theme,
    [property: Description("District keys it concerns; empty for the whole city.")] IReadOnlyList<string> Districts,
    [property: Description("First day, a Sofia calendar date.")] DateOnly StartsOn,
    [property: Description("Last day, a Sofia calendar date.")] DateOnly EndsOn,
    [property: Description("upcoming, active or past, today in Sofia.")] ProcessStatus Status,
    [property: Description("Keys of the parts switched on: events, news, proposals, debates …")] IReadOnlyList<string> Components,
    [property: Description("Phases in order.")] IReadOnlyList<ApiPhase> Phases,
    [property: Description("When it was published, UTC.")] DateTime? PublishedAt,
    [property: Description("When it was created, UTC.")] DateTime CreatedAt,
    [property: Description("When it last changed, UTC.")] DateTime UpdatedAt,
    [property: Description("The process's page.")] Uri Url);

[Description("A phase of a process.")]
public sealed record ApiPhase(
    [property: Description("The phase's id.")] Guid Id,
    [property: Description("Its place, from 1.")] int Position,
    [property: Description("Title.")] ApiText Title,
    [property: Description("Description, Markdown.")] ApiText Description,
    [property: Description("First day, a Sofia calendar date.")] DateOnly StartsOn,
    [property: Description("Last day, a Sofia calendar date.")] DateOnly EndsOn,
    [property: Description("Whether it is the current phase.")] bool Current);

/// <summary>/api/v1/processes: published processes; drafts never appear.</summary>
public sealed class ProcessesApi : IApiModule
{
    public static readonly ApiKind Kind = new("processes", "process",
        "Published participatory processes and their phases. Unpublished (draft) processes never appear, nor anything in them.",
        typeof(ApiProcess),
        new ApiProcess(Guid.Parse("0b6c2a4e-5f1d-4c8e-9a37-2d1f6e8b9c01"), "icc-2026",
            new ApiText("Иновативна София", "Innovative Sofia"), new ApiText("", ""), new ApiText("Кратко описание.", "A short summary."),
            new ApiText("Описание.", "Description."), new ApiText("Електронно управление", "E-government"), [],
            new DateOnly(2026, 3, 1), new DateOnly(2026, 12, 31), ProcessStatus.Active, ["events", "news", "proposals"],
            [new ApiPhase(Guid.Parse("7d1e5c3a-2b4f-4e6a-8c9d-1f2e3a4b5c6d"), 1, new ApiText("Предложения", "Proposals"), new ApiText("", ""),
                new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 30), true)],
            new DateTime(2026, 2, 20, 10, 0, 0, DateTimeKind.Utc), new DateTime(2026, 2, 1, 10, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 2, 20, 10, 0, 0, DateTimeKind.Utc), new Uri("https://agora.sofia.bg/processes/icc-2026")),
        [ProcessApiFilters.District, ApiFilter.UpdatedSince]);

    public IReadOnlyList<ApiKind> Kinds => [Kind];

    public void Map(RouteGroupBuilder api)
    {
        api.MapRead("/processes", ListAsync);
        api.MapRead("/processes/{id:guid}", GetAsync);
    }

    /// <summary>One query: the processes with their phases.</summary>
    private static async Task<IResult> ListAsync(HttpContext http, AgoraDb db, PublicLinks links, TimeProvider clock, CancellationToken ct)
    {
        var list = ApiList.Parse(http);
        var q = db.Set<Process>().AsNoTracking().Where(p => p.Published);
        if (list.District == "city")
            q = q.Where(p => p.Scope == "");
        else if (list.District != null)
            q = q.Where(p => ("," + p.Scope + ",").Contains("," + list.District + ","));
        if (list.UpdatedSince is DateTime since)
            q = q.Where(p => p.UpdatedAt >= since);
        if (list.After is ApiCursor a)
            q = q.Where(p => p.CreatedAt > a.At || (p.CreatedAt == a.At && p.Id.CompareTo(a.Id) > 0));
        var rows = await q.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Take(list.Limit + 1).Include(p => p.Phases).ToListAsync(ct);
        var today = DateOnly.FromDateTime(Format.ToSofia(clock.GetUtcNow().UtcDateTime));
        return list.Page(rows.Select(p => ToApi(p, today, links)).ToList(), p => new ApiCursor(p.CreatedAt, p.Id));
    }

    private static async Task<IResult> GetAsync(Guid id, AgoraDb db, PublicLinks links, TimeProvider clock, CancellationToken ct)
    {
        var p = await db.Set<Process>().AsNoTracking().Include(x => x.Phases).FirstOrDefaultAsync(x => x.Id == id && x.Published, ct);
        var today = DateOnly.FromDateTime(Format.ToSofia(clock.GetUtcNow().UtcDateTime));
        return ApiList.Item(p == null ? null : ToApi(p, today, links), Kind.Singular);
    }

    private static ApiProcess ToApi(Process p, DateOnly today, PublicLinks links) => new(
        p.Id, p.Slug, ApiText.From(p.Title), ApiText.From(p.Subtitle), ApiText.From(p.Summary), ApiText.From(p.Description),
        ApiText.From(p.Theme), p.ScopeDistricts, p.StartsOn, p.EndsOn, p.StatusOn(today),
        p.Components.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        [.. p.Phases.OrderBy(x => x.Position).Select(x => new ApiPhase(x.Id, x.Position, ApiText.From(x.Title), ApiText.From(x.Description),
            x.StartsOn, x.EndsOn, x.IsCurrent))],
        p.PublishedAt, p.CreatedAt, p.UpdatedAt, new Uri(links.Absolute("/processes/" + p.Slug)));
}

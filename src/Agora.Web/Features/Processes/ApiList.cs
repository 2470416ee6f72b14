using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Processes;

/// <summary>
/// The query of a collection request: paging (<c>after</c>, <c>limit</c>) and the filters every kind shares
/// (<c>process</c>, <c>district</c>, <c>updated_since</c>). Malformed values throw 400 with the reason; a process slug
/// that names no public process throws 404 (the slug is well-formed, the thing is missing — as on the pages).
/// </summary>
public sealed partial class ApiList
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    private readonly HttpContext http;

    private ApiList(HttpContext http) => this.http = http;

    public int Limit { get; private init; } = DefaultLimit;
    public ApiCursor? After { get; private init; }
    public DateTime? UpdatedSince { get; private init; }
    public string? Process { get; private init; }
    /// <summary>A district key, "city" (whole-city items), or null (no filter).</summary>
    public string? District { get; private init; }

    public static ApiList Parse(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var q = http.Request.Query;
        var limit = DefaultLimit;
        if (q.TryGetValue("limit", out var l)
            && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
            throw ApiProblemException.BadRequest($"limit must be a whole number from 1 to {MaxLimit}.");
        ApiCursor? after = null;
        if (q.TryGetValue("after", out var a))
            after = ApiCursor.TryDecode(a, out var c) ? c
                : throw ApiProblemException.BadRequest("after is not a cursor from a next link of this API.");
        DateTime? since = null;
        if (q.TryGetValue("updated_since", out var s))
            since = ParseInstant(s.ToString())
                ?? throw ApiProblemException.BadRequest("updated_since must be an ISO 8601 date or date-time, e.g. 2026-05-01 or 2026-05-01T08:00:00Z.");
        string? district = null;
        if (q.TryGetValue("district", out var d))
            district = d == "city" || Districts.IsKnown(d) ? d.ToString()
                : throw ApiProblemException.BadRequest("district must be a district key (e.g. mladost) or city.");
        string? process = null;
        if (q.TryGetValue("process", out var p))
            process = !string.IsNullOrWhiteSpace(p) && p.ToString().Length <= 200 ? p.ToString()
                : throw ApiProblemException.BadRequest("process must be the slug of a process.");
        return new ApiList(http) { Limit = limit, After = after, UpdatedSince = since, District = district, Process = process };
    }

    /// <summary>ISO 8601: a date (midnight UTC) or a date-time; without an offset it is taken as UTC.</summary>
    private static DateTime? ParseInstant(string text)
    {
        if (!IsoInstant().IsMatch(text))
            return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at.UtcDateTime : null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?$")]
    private static partial Regex IsoInstant();

    /// <summary>A kind's own filter naming one of an enum's values (camelCase, as in the bodies).</summary>
    public T? Enum<T>(string name) where T : struct, Enum
    {
        if (!http.Request.Query.TryGetValue(name, out var v))
            return null;
        var values = System.Enum.GetValues<T>();
        foreach (var value in values)
            if (string.Equals(ApiNames.Of(value), v, StringComparison.Ordinal))
                return value;
        throw ApiProblemException.BadRequest($"{name} must be one of: {string.Join(", ", values.Select(x => ApiNames.Of(x)))}.");
    }

    /// <summary>A kind's own filter naming another thing by id.</summary>
    public Guid? Id(string name) =>
        !http.Request.Query.TryGetValue(name, out var v) ? null
        : Guid.TryParse(v, out var id) ? id
        : throw ApiProblemException.BadRequest($"{name} must be an id (a UUID).");

    /// <summary>
    /// The id of the public process named by <c>?process=</c>, or null without the filter; one query. A process
    /// that exists but is not published is "not found" like on the pages.
    /// </summary>
    public async Task<Guid?> ProcessIdAsync(AgoraDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Process == null)
            return null;
        var id = await db.Set<Process>().Where(p => p.Published && p.Slug == Process).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        return id ?? throw ApiProblemException.NotFound($"No public process has the slug '{Process}'.");
    }

    /// <summary>
    /// The response for rows fetched with <c>Take(Limit + 1)</c> in (time, id) order: the extra row only tells that
    /// another page follows; the next link repeats the request's filters with the cursor of the last item shown.
    /// </summary>
    public IResult Page<T>(IReadOnlyList<T> rows, Func<T, ApiCursor> cursorOf)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(cursorOf);
        var items = rows.Take(Limit).ToList();
        string? next = null;
        if (rows.Count > Limit)
        {
            var query = http.Request.Query
                .Where(kv => kv.Key is not ("after" or "limit"))
                .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
                .Append(new("after", cursorOf(items[^1]).Encode()))
                .Append(new("limit", Limit.ToString(CultureInfo.InvariantCulture)));
            next = http.RequestServices.GetRequiredService<PublicLinks>()
                .Absolute(QueryHelpers.AddQueryString(http.Request.Path, query));
        }
        return new ApiJsonResult(new ApiPage<T>(items, next), next);
    }

    /// <summary>One item, or 404 problem details when it is missing or not public.</summary>
    public static IResult Item<T>(T? item, string kind) where T : class =>
        item == null ? throw ApiProblemException.NotFound($"No public {kind} has this id.") : new ApiJsonResult(item);
}

/// <summary>The filters by process and district that most kinds share, documented once (they are process concepts,
/// so they live in the Processes kernel beside <see cref="ApiList"/>).</summary>
public static class ProcessApiFilters
{
    public static readonly ApiFilter Process = new("process",
        "Only things of this process (its slug). A slug that names no public process gives 404.",
        new JsonObject { ["type"] = "string" }, "icc-2026");

    public static readonly ApiFilter District = new("district",
        "Only things in this district (its key, e.g. mladost), or city for things of the whole city. Another value gives 400.",
        new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. Districts.All.Select(d => JsonValue.Create(d.Key)), JsonValue.Create("city")]) },
        "mladost");
}

using System.Text.Json.Nodes;

namespace Agora.Web.Infrastructure.Api;

/// <summary>
/// One kind of public thing in the API (proposals, events …): where its collection lives, its documented shape and an
/// example. The OpenAPI document and the /api page are generated from these, so a kind cannot be served undocumented.
/// </summary>
/// <param name="Name">The collection's path segment and tag, plural: <c>proposals</c> serves /api/v1/proposals and /api/v1/proposals/{id}.</param>
/// <param name="Singular">For operation ids and messages: <c>proposal</c> gives listProposals and getProposal.</param>
/// <param name="Description">What the collection holds and what it leaves out (drafts, hidden content …), in English.</param>
/// <param name="ItemType">The versioned record the module serialises, never an EF entity.</param>
/// <param name="Example">An instance of <paramref name="ItemType"/> as the document's example.</param>
/// <param name="Filters">The kind's query filters besides paging.</param>
public sealed record ApiKind(string Name, string Singular, string Description, Type ItemType, object Example,
    IReadOnlyList<ApiFilter> Filters)
{
    public string SchemaName => char.ToUpperInvariant(Singular[0]) + Singular[1..];
}

/// <summary>A query parameter of a collection, documented once.</summary>
public sealed record ApiFilter(string Name, string Description, JsonObject Schema, string Example)
{
    public static readonly ApiFilter UpdatedSince = new("updated_since",
        "Only things created or changed at or after this instant, ISO 8601 (a date means midnight UTC; no offset means UTC). Another format gives 400.",
        new JsonObject { ["type"] = "string", ["format"] = "date-time" }, "2026-05-01T08:00:00Z");

    public static ApiFilter Enum<T>(string name, string description) where T : struct, System.Enum =>
        new(name, description, new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. System.Enum.GetValues<T>().Select(v => JsonValue.Create(ApiNames.Of(v)))]) },
            ApiNames.Of(System.Enum.GetValues<T>()[0]));

    public static ApiFilter Id(string name, string description) =>
        new(name, description, new JsonObject { ["type"] = "string", ["format"] = "uuid" }, "0b6c2a4e-5f1d-4c8e-9a37-2d1f6e8b9c01");
}

/// <summary>
/// A module's part of the API. To add a kind: write <c>Features/&lt;Module&gt;/&lt;Module&gt;Api.cs</c> with a record per
/// item shape, an <see cref="ApiKind"/> and a <see cref="Map"/> that maps the collection and item endpoints (see
/// ProposalsApi), then register it in the module's setup: <c>services.AddApiModule&lt;MyApi&gt;()</c>. The API hub
/// (Features/Api) maps every registered module and names none.
/// </summary>
public interface IApiModule
{
    IReadOnlyList<ApiKind> Kinds { get; }

    /// <summary>Maps <c>/{kind}</c> and <c>/{kind}/{id}</c> on the /api/v1 group (anonymous, CORS, rate-limited).</summary>
    void Map(RouteGroupBuilder api);
}

public static class ApiRoutes
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>A read endpoint of the API: GET, and HEAD for clients that only check the ETag.</summary>
    public static RouteHandlerBuilder MapRead(this RouteGroupBuilder api, string pattern, Delegate handler) =>
        api.MapMethods(pattern, GetOrHead, handler);
}

public static class ApiModuleSetup
{
    /// <summary>Serves a module's kinds at /api/v1 and lists them in the OpenAPI document, in registration order.</summary>
    public static IServiceCollection AddApiModule<T>(this IServiceCollection services) where T : class, IApiModule =>
        services.AddSingleton<IApiModule, T>();
}

using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Api;

namespace Agora.Web.Features.Api;

/// <summary>
/// The OpenAPI 3.1 document of /api/v1, written from the registered <see cref="ApiKind"/>s: a list and an item
/// operation per kind, schemas from the item records (JSON Schema 2020-12 via System.Text.Json, with the
/// <see cref="DescriptionAttribute"/> texts), the shared parameters, and problem-details responses.
/// </summary>
public static class OpenApiDocument
{
    public const string Version = "1.0.0";

    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The document as JSON text for a server URL (the public address + /api/v1); built once per address.</summary>
    public static string Json(string serverUrl, IReadOnlyList<ApiKind> kinds) =>
        // Without Agora:PublicUrl the address comes from the request's Host header: a few are kept, not every one sent.
        Cache.TryGetValue(serverUrl, out var json) ? json
        : Cache.Count < 8 ? Cache.GetOrAdd(serverUrl, url => Build(url, kinds).ToJsonString(ApiJson.Indented))
        : Build(serverUrl, kinds).ToJsonString(ApiJson.Indented);

    public static JsonObject Build(string serverUrl, IReadOnlyList<ApiKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var paths = new JsonObject();
        var schemas = new JsonObject();
        var tags = new JsonArray();
        foreach (var kind in kinds.OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var name = kind.SchemaName;
            tags.Add(new JsonObject { ["name"] = kind.Name, ["description"] = kind.Description });
            schemas[name] = Schema(kind.ItemType);
            schemas[name + "Page"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = $"A page of {kind.Name}, oldest first.",
                ["required"] = new JsonArray("items"),
                ["properties"] = new JsonObject
                {
                    ["items"] = new JsonObject { ["type"] = "array", ["items"] = Ref("schemas", name) },
                    ["next"] = new JsonObject
                    {
                        ["type"] = "string",
                        ["format"] = "uri",
                        ["description"] = "The absolute URL of the next page, with the same filters; absent on the last page.",
                    },
                },
            };
            var example = JsonSerializer.SerializeToNode(kind.Example, kind.ItemType, ApiJson.Options)!;
            var parameters = new JsonArray(Ref("parameters", "after"), Ref("parameters", "limit"));
            foreach (var f in kind.Filters)
                parameters.Add(f == ProcessApiFilters.Process || f == ProcessApiFilters.District || f == ApiFilter.UpdatedSince
                    ? Ref("parameters", Pascal(f.Name))
                    : Parameter(f));
            var listErrors = new JsonObject
            {
                ["400"] = Ref("responses", "BadRequest"),
                ["429"] = Ref("responses", "TooManyRequests"),
            };
            if (kind.Filters.Contains(ProcessApiFilters.Process))
                listErrors["404"] = Ref("responses", "NotFound");
            paths["/" + kind.Name] = new JsonObject
            {
                ["get"] = Operation(kind, "list" + Pascal(kind.Name), $"List {kind.Name}",
                    $"Public {kind.Name}, oldest first by creation, {ApiList.DefaultLimit} to a page by default. Follow `next` for the rest.",
                    parameters, name + "Page",
                    new JsonObject { ["items"] = new JsonArray(example.DeepClone()), ["next"] = $"{serverUrl}/{kind.Name}?after=NjM4OTk5NDU2MDAwMDAwMDAwLjBiNmMyYTRlNWYxZDRjOGU5YTM3MmQxZjZlOGI5YzAx&limit={ApiList.DefaultLimit}" },
                    listErrors),
            };
            paths["/" + kind.Name + "/{id}"] = new JsonObject
            {
                ["get"] = Operation(kind, "get" + Pascal(kind.Singular), $"Get one {kind.Singular}",
                    $"One public {kind.Singular} by its id. Missing and non-public ones give 404.",
                    new JsonArray(new JsonObject
                    {
                        ["name"] = "id",
                        ["in"] = "path",
                        ["required"] = true,
                        ["description"] = $"The {kind.Singular}'s id.",
                        ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" },
                        ["example"] = "0b6c2a4e-5f1d-4c8e-9a37-2d1f6e8b9c01",
                    }),
                    name, example, new JsonObject
                    {
                        ["404"] = Ref("responses", "NotFound"),
                        ["429"] = Ref("responses", "TooManyRequests"),
                    }),
            };
        }
        schemas["Problem"] = Problem();

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Agora open data API",
                ["version"] = Version,
                ["summary"] = "Read-only JSON for everything public on Agora, the participation platform of Sofia Municipality.",
                ["description"] =
                    "Every public thing of the platform as JSON, read-only. Collections are paged with a keyset cursor: " +
                    "follow `next` (also sent as a `Link: rel=\"next\"` header) until it is absent. Bilingual text is " +
                    "`{\"bg\": \"...\", \"en\": \"...\"}`; times are ISO 8601 in UTC; money is whole euro cents with a currency. " +
                    "Responses carry an ETag: send it back in `If-None-Match` to get 304 when nothing changed. " +
                    "Any origin may call the API from a browser (CORS, no credentials). Each client address has a request " +
                    "budget per minute; past it the answer is 429 with `Retry-After`. Errors are RFC 9457 problem details. " +
                    "Drafts, unpublished processes and their content, hidden (moderated) content, unlisted organisations and " +
                    "unpublished learning material never appear; what you see is what an anonymous visitor of the pages sees.",
                ["license"] = new JsonObject
                {
                    ["name"] = "CC BY 4.0 (the data)",
                    ["url"] = "https://creativecommons.org/licenses/by/4.0/",
                },
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = serverUrl, ["description"] = "This Agora instance" }),
            ["security"] = new JsonArray(),
            ["tags"] = tags,
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["parameters"] = SharedParameters(),
                ["responses"] = SharedResponses(),
                ["headers"] = new JsonObject
                {
                    ["ETag"] = new JsonObject
                    {
                        ["description"] = "A weak tag of the body; send it in If-None-Match to get 304 when unchanged.",
                        ["schema"] = new JsonObject { ["type"] = "string" },
                    },
                },
            },
        };
    }

    private static JsonObject Operation(ApiKind kind, string operationId, string summary, string description,
        JsonArray parameters, string schema, JsonNode example, JsonObject errors)
    {
        var responses = new JsonObject
        {
            ["200"] = new JsonObject
            {
                ["description"] = "OK",
                ["headers"] = new JsonObject { ["ETag"] = Ref("headers", "ETag") },
                ["content"] = new JsonObject
                {
                    ["application/json"] = new JsonObject { ["schema"] = Ref("schemas", schema), ["example"] = example },
                },
            },
            ["304"] = Ref("responses", "NotModified"),
        };
        foreach (var (status, response) in errors.OrderBy(e => e.Key, StringComparer.Ordinal))
            responses[status] = response!.DeepClone();
        parameters.Add(Ref("parameters", "IfNoneMatch"));
        return new JsonObject
        {
            ["operationId"] = operationId,
            ["tags"] = new JsonArray(kind.Name),
            ["summary"] = summary,
            ["description"] = description,
            ["security"] = new JsonArray(),
            ["parameters"] = parameters,
            ["responses"] = responses,
        };
    }

    private static JsonObject Parameter(ApiFilter f) => new()
    {
        ["name"] = f.Name,
        ["in"] = "query",
        ["required"] = false,
        ["description"] = f.Description,
        ["schema"] = f.Schema.DeepClone(),
        ["example"] = f.Example,
    };

    private static JsonObject SharedParameters() => new()
    {
        ["after"] = new JsonObject
        {
            ["name"] = "after",
            ["in"] = "query",
            ["required"] = false,
            ["description"] = "The cursor from a `next` link: items after it. Opaque; anything else gives 400.",
            ["schema"] = new JsonObject { ["type"] = "string" },
            ["example"] = "NjM4OTk5NDU2MDAwMDAwMDAwLjBiNmMyYTRlNWYxZDRjOGU5YTM3MmQxZjZlOGI5YzAx",
        },
        ["limit"] = new JsonObject
        {
            ["name"] = "limit",
            ["in"] = "query",
            ["required"] = false,
            ["description"] = $"Items per page, 1 to {ApiList.MaxLimit}; more gives 400.",
            ["schema"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = ApiList.MaxLimit, ["default"] = ApiList.DefaultLimit },
            ["example"] = ApiList.DefaultLimit,
        },
        ["Process"] = Parameter(ProcessApiFilters.Process),
        ["District"] = Parameter(ProcessApiFilters.District),
        ["UpdatedSince"] = Parameter(ApiFilter.UpdatedSince),
        ["IfNoneMatch"] = new JsonObject
        {
            ["name"] = "If-None-Match",
            ["in"] = "header",
            ["required"] = false,
            ["description"] = "The ETag of a response you hold; 304 without a body when it is still current.",
            ["schema"] = new JsonObject { ["type"] = "string" },
            ["example"] = "W/\"q1X0c2lZ3m4Vb9pT7yR2eK5wN8uA\"",
        },
    };

    private static JsonObject SharedResponses()
    {
        JsonObject ProblemResponse(string description, int status, string detail, JsonObject? headers = null)
        {
            var (type, title) = ApiProblems.Describe(status);
            var r = new JsonObject
            {
                ["description"] = description,
                ["content"] = new JsonObject
                {
                    ["application/problem+json"] = new JsonObject
                    {
                        ["schema"] = Ref("schemas", "Problem"),
                        ["example"] = new JsonObject { ["type"] = type, ["title"] = title, ["status"] = status, ["detail"] = detail },
                    },
                },
            };
            if (headers != null)
                r["headers"] = headers;
            return r;
        }

        return new JsonObject
        {
            ["NotModified"] = new JsonObject { ["description"] = "Not modified: the If-None-Match tag is current. No body." },
            ["BadRequest"] = ProblemResponse("A malformed parameter; `detail` says which and why.", 400,
                $"limit must be a whole number from 1 to {ApiList.MaxLimit}."),
            ["NotFound"] = ProblemResponse("No such public thing (or no public process with that slug).", 404,
                "No public proposal has this id."),
            ["TooManyRequests"] = ProblemResponse("Too many requests from this address in the current minute.", 429,
                "Too many requests; try again after the number of seconds in Retry-After.",
                new JsonObject
                {
                    ["Retry-After"] = new JsonObject
                    {
                        ["description"] = "Seconds to wait before the next request.",
                        ["schema"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
                    },
                }),
        };
    }

    private static JsonObject Problem() => new()
    {
        ["type"] = "object",
        ["description"] = "RFC 9457 problem details.",
        ["required"] = new JsonArray("type", "title", "status"),
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject { ["type"] = "string", ["format"] = "uri", ["description"] = "Identifies the kind of problem." },
            ["title"] = new JsonObject { ["type"] = "string", ["description"] = "Short summary of the kind of problem." },
            ["status"] = new JsonObject { ["type"] = "integer", ["description"] = "The HTTP status code." },
            ["detail"] = new JsonObject { ["type"] = "string", ["description"] = "What exactly was wrong with this request." },
        },
    };

    /// <summary>The item record's JSON Schema with its descriptions; repeated sub-schemas are written out in full
    /// because the exporter's <c>$ref</c> pointers are relative to its own root, which the document does not keep.</summary>
    public static JsonObject Schema(Type type)
    {
        var root = JsonSchemaExporter.GetJsonSchemaAsNode(ApiJson.Options, type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (ctx, node) =>
            {
                var description = (ctx.PropertyInfo?.AttributeProvider as MemberInfo)?.GetCustomAttribute<DescriptionAttribute>()?.Description
                    ?? (ctx.PropertyInfo == null ? ctx.TypeInfo.Type.GetCustomAttribute<DescriptionAttribute>()?.Description : null);
                if (description != null)
                {
                    if (node is not JsonObject o)
                        return new JsonObject { ["description"] = description };
                    o.Insert(0, "description", description);
                }
                return node;
            },
        });
        var inlined = Inline(root, root) as JsonObject ?? new JsonObject();
        OptionalWhenNullable(inlined);
        return inlined;
    }

    /// <summary>Nulls are never written (the property is left out), so a nullable property is not required.</summary>
    private static void OptionalWhenNullable(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["required"] is JsonArray required && o["properties"] is JsonObject props)
                {
                    foreach (var name in required.Select(r => r!.GetValue<string>()).ToList())
                        if (props[name] is JsonObject p && AllowsNull(p))
                            required.Remove(required.First(r => r!.GetValue<string>() == name));
                }
                foreach (var (_, v) in o)
                    OptionalWhenNullable(v);
                break;
            case JsonArray a:
                foreach (var v in a)
                    OptionalWhenNullable(v);
                break;
        }
    }

    private static bool AllowsNull(JsonObject schema) =>
        (schema["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null"))
        || (schema["enum"] is JsonArray values && values.Any(v => v == null));

    private static JsonNode? Inline(JsonNode? node, JsonNode root)
    {
        switch (node)
        {
            case JsonObject o when o["$ref"] is JsonValue r && r.GetValue<string>().StartsWith('#'):
                var target = Resolve(root, r.GetValue<string>());
                var copy = Inline(target?.DeepClone(), root) as JsonObject ?? new JsonObject();
                foreach (var (k, v) in o.Where(kv => kv.Key != "$ref").ToList())
                    copy[k] = v?.DeepClone();
                return copy;
            case JsonObject o:
                var result = new JsonObject();
                foreach (var (k, v) in o)
                    result[k] = Inline(v, root);
                return result;
            case JsonArray a:
                return new JsonArray([.. a.Select(x => Inline(x, root))]);
            default:
                return node?.DeepClone();
        }
    }

    private static JsonNode? Resolve(JsonNode root, string pointer)
    {
        var node = root;
        foreach (var raw in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var part = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject o => o[part],
                JsonArray a when int.TryParse(part, out var i) => a[i],
                _ => null,
            };
            if (node == null)
                return null;
        }
        return node;
    }

    private static JsonObject Ref(string section, string name) => new() { ["$ref"] = $"#/components/{section}/{name}" };

    private static string Pascal(string name) =>
        string.Concat(name.Split('_', '-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}

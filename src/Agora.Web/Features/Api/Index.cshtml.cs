using System.Text.Json.Nodes;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Api;

/// <summary>/api: the OpenAPI document rendered on the server as a page, so it reads without JavaScript or a CDN.</summary>
public sealed class IndexModel(PublicLinks links, IServiceProvider services) : PageModel
{
    public sealed record Parameter(string Name, string In, string Description);
    public sealed record ResponseRow(string Status, string Description);
    public sealed record Field(string Name, string Type, string Description);
    public sealed record Operation(string Id, string Method, string Path, string Summary, string Description,
        IReadOnlyList<Parameter> Parameters, IReadOnlyList<ResponseRow> Responses, string? Example);
    public sealed record Section(string Tag, string Description, string Schema, IReadOnlyList<Field> Fields, IReadOnlyList<Operation> Operations);

    public string ServerUrl { get; private set; } = "";
    public IReadOnlyList<Section> Sections { get; private set; } = [];

    public void OnGet()
    {
        ServerUrl = links.Absolute("/api/v1");
        var doc = OpenApiDocument.Build(ServerUrl, ApiSetup.Kinds(services));
        var components = doc["components"]!.AsObject();
        JsonObject Resolve(JsonNode node) =>
            node["$ref"] is JsonValue r
                ? components[r.GetValue<string>().Split('/')[2]]![r.GetValue<string>().Split('/')[3]]!.AsObject()
                : node.AsObject();

        var operations = doc["paths"]!.AsObject().Select(path =>
        {
            var get = path.Value!["get"]!.AsObject();
            var parameters = get["parameters"]!.AsArray().Select(p => Resolve(p!))
                .Select(p => new Parameter(p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), Plain(p["description"]!.GetValue<string>())))
                .ToList();
            var responses = get["responses"]!.AsObject()
                .Select(r => new ResponseRow(r.Key, Plain(Resolve(r.Value!)["description"]!.GetValue<string>()))).ToList();
            var example = get["responses"]!["200"]!["content"]!["application/json"]!["example"]?.ToJsonString(ApiJson.Indented);
            return (Tag: get["tags"]![0]!.GetValue<string>(), Schema: (string?)get["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>(),
                Op: new Operation(get["operationId"]!.GetValue<string>(), "GET", path.Key, get["summary"]!.GetValue<string>(),
                    Plain(get["description"]!.GetValue<string>()), parameters, responses, example));
        }).ToList();

        Sections = doc["tags"]!.AsArray().Select(t =>
        {
            var tag = t!["name"]!.GetValue<string>();
            var ops = operations.Where(o => o.Tag == tag).ToList();
            // The item schema: the one the "get one" operation answers with.
            var schemaName = ops.Select(o => o.Schema!.Split('/')[^1]).First(n => !n.EndsWith("Page", StringComparison.Ordinal));
            var schema = components["schemas"]![schemaName]!.AsObject();
            var fields = schema["properties"]!.AsObject()
                .Select(p => new Field(p.Key, TypeOf(p.Value!.AsObject()), p.Value!["description"]?.GetValue<string>() ?? "")).ToList();
            return new Section(tag, t["description"]!.GetValue<string>(), schemaName, fields, [.. ops.Select(o => o.Op)]);
        }).ToList();
    }

    /// <summary>The document's descriptions are CommonMark; here they are plain text, so code spans lose their backticks.</summary>
    private static string Plain(string text) => text.Replace("`", "", StringComparison.Ordinal);

    private static string TypeOf(JsonObject schema)
    {
        if (schema["enum"] is JsonArray values)
            return string.Join(" | ", values.Where(v => v != null).Select(v => v!.GetValue<string>()));
        var types = schema["type"] switch
        {
            JsonArray a => a.Select(x => x!.GetValue<string>()).Where(x => x != "null").ToList(),
            JsonValue v => [v.GetValue<string>()],
            _ => [],
        };
        var type = string.Join(" | ", types);
        if (type == "array" && schema["items"] is JsonObject items)
            return TypeOf(items) + "[]";
        return schema["format"] is JsonValue f ? $"{type} ({f.GetValue<string>()})" : type;
    }
}

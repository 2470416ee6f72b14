using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agora.Web.Infrastructure.Api;

/// <summary>
/// The one JSON shape of the API: camelCase names, enum values as camelCase strings, nulls left out, Cyrillic as
/// itself. Nullable annotations are respected, so the OpenAPI schemas say which fields may be missing.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>For the OpenAPI document and the examples on the /api page: read by people.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
            // Served as application/json with nosniff, never inlined in HTML: only what JSON itself requires is escaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            // Numbers are numbers, in the bodies and in the schemas (the web defaults would also accept strings).
            NumberHandling = JsonNumberHandling.Strict,
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }
}

/// <summary>Text an administrator wrote in both languages: <c>{"bg": "...", "en": "..."}</c>.</summary>
public sealed record ApiText(
    [property: System.ComponentModel.Description("Bulgarian text.")] string Bg,
    [property: System.ComponentModel.Description("English text; empty when no translation was written.")] string En)
{
    public static ApiText From(Infrastructure.Data.LocalizedText t) => new(t.Bg, t.En);
}

/// <summary>A page of a collection: the items and, when more follow, the absolute URL of the next page.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>Names as the JSON carries them.</summary>
public static class ApiNames
{
    public static string Of<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}

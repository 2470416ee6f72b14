using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Agora.Web.Infrastructure.Api;

/// <summary>
/// Bad input or a missing thing, thrown from an endpoint and written by the API group's filter as RFC 9457 problem
/// details, so every handler stays a straight line.
/// </summary>
public sealed class ApiProblemException(int status, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public static ApiProblemException BadRequest(string detail) => new(StatusCodes.Status400BadRequest, detail);

    public static ApiProblemException NotFound(string detail) => new(StatusCodes.Status404NotFound, detail);
}

public static class ApiProblems
{
    /// <summary>The problem types: the sections of the HTTP standards that define each status.</summary>
    public static (string Type, string Title) Describe(int status) => status switch
    {
        400 => ("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1", "Bad Request"),
        404 => ("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5", "Not Found"),
        405 => ("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6", "Method Not Allowed"),
        429 => ("https://www.rfc-editor.org/rfc/rfc6585#section-4", "Too Many Requests"),
        _ => ("https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1", "Internal Server Error"),
    };

    public static ProblemDetails Create(int status, string detail)
    {
        var (type, title) = Describe(status);
        return new ProblemDetails { Type = type, Title = title, Status = status, Detail = detail };
    }

    public static IResult Result(int status, string detail) =>
        TypedResults.Json(Create(status, detail), ApiJson.Options, "application/problem+json", status);

    public static Task WriteAsync(HttpContext http, int status, string detail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(Create(status, detail), ApiJson.Options, "application/problem+json", ct);
    }
}

/// <summary>
/// A JSON body with a weak ETag (a hash of the bytes). A client that sends the same tag in If-None-Match gets 304 and no
/// body, so polling an unchanged collection costs one small response.
/// </summary>
public sealed class ApiJsonResult(object body, string? nextLink = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var bytes = body is RawJson raw ? System.Text.Encoding.UTF8.GetBytes(raw.Json)
            : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ApiJson.Options);
        var etag = "W/\"" + Convert.ToBase64String(SHA256.HashData(bytes), 0, 18).Replace('+', '-').Replace('/', '_') + "\"";
        var response = httpContext.Response;
        response.Headers.ETag = etag;
        // Shared caches may keep it but must ask again each time; the ETag makes asking cheap.
        response.Headers.CacheControl = "public, no-cache";
        if (nextLink != null)
            response.Headers.Link = $"<{nextLink}>; rel=\"next\"";
        if (Matches(httpContext.Request.Headers.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
            await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }

    /// <summary>Weak comparison (RFC 9110 13.1.2): the opaque parts equal, W/ ignored; "*" matches anything.</summary>
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues header, string etag)
    {
        if (header.Count == 0)
            return false;
        var mine = EntityTagHeaderValue.Parse(etag);
        return EntityTagHeaderValue.TryParseList(header, out var tags)
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(mine, useStrongComparison: false));
    }
}

/// <summary>JSON text already written (the OpenAPI document), sent as it is.</summary>
public sealed record RawJson(string Json);

using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace Agora.Web.Infrastructure.Identity;

/// <summary>Who is acting: a signed-in person, or an anonymous browser's token hash.</summary>
public sealed record ParticipantKey(Guid? UserId, string? TokenHash)
{
    public bool IsKnown => UserId != null || TokenHash != null;
}

/// <summary>
/// The key of a participant in acts open to anonymous visitors (opinion-map votes, survey answers): the signed-in
/// person, else a random token kept in an HttpOnly cookie, stored only as its SHA-256 hash. Shared by the modules that
/// take part without an account, so none of them needs another.
/// </summary>
public static class ParticipantKeys
{
    public const string AnonymousCookie = "agora.participant";

    /// <summary>The reader's participant key from their sign-in or their anonymous cookie (which may be absent).</summary>
    public static ParticipantKey KeyOf(ClaimsPrincipal user, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (user.UserId() is Guid id)
            return new(id, null);
        return request.Cookies.TryGetValue(AnonymousCookie, out var token) && token.Length is >= 20 and <= 100
            ? new(null, Hash(token))
            : new(null, null);
    }

    /// <summary>Gives an anonymous browser a random token (HttpOnly cookie) and returns its key.</summary>
    public static ParticipantKey EnsureAnonymousKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = KeyOf(context.User, context.Request);
        if (key.IsKnown)
            return key;
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        context.Response.Cookies.Append(AnonymousCookie, token, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
            Path = "/",
        });
        return new(null, Hash(token));
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

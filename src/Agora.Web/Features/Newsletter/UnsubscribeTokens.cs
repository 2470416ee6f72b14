using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Agora.Web.Features.Newsletter;

/// <summary>
/// Signed tokens for links that must work without signing in: leaving the newsletter, stopping to follow a process.
/// Data Protection authenticates them (its keys live in the database, so every node accepts every node's links);
/// they do not expire, because an unsubscribe link in an old e-mail must still work.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector newsletter = provider.CreateProtector("Agora.Newsletter.Unsubscribe.v1");
    private readonly IDataProtector following = provider.CreateProtector("Agora.Following.Unsubscribe.v1");

    public string ForNewsletter(string email) => newsletter.Protect(NewsletterSubscriber.Normalize(email));

    public string? NewsletterEmail(string? token) => Open(newsletter, token);

    public string ForFollow(Guid processId, Guid userId) => following.Protect($"{processId:N}:{userId:N}");

    public (Guid ProcessId, Guid UserId)? Follow(string? token)
    {
        var text = Open(following, token);
        var parts = text?.Split(':');
        return parts is [var p, var u] && Guid.TryParseExact(p, "N", out var pid) && Guid.TryParseExact(u, "N", out var uid)
            ? (pid, uid)
            : null;
    }

    /// <summary>RFC 2369 and RFC 8058: mail clients show an "unsubscribe" button that POSTs to the link.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ListUnsubscribeHeaders(string url) =>
    [
        new("List-Unsubscribe", "<" + url + ">"),
        new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
    ];

    private static string? Open(IDataProtector protector, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
            return null;
        try
        {
            return protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

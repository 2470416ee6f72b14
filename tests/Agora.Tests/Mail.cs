using System.Text.RegularExpressions;
using Agora.Web.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Agora.Tests;

/// <summary>Delivers the outbox to the pickup folder and reads the messages back, as a person reads their inbox.</summary>
public static partial class Mail
{
    public static async Task<IReadOnlyList<MimeMessage>> DeliverAsync(this AgoraFactory factory)
    {
        await factory.InScopeAsync(sp => sp.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None, 1000));
        if (!Directory.Exists(factory.MailDirectory))
            return [];
        return Directory.GetFiles(factory.MailDirectory, "*.eml").Order(StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f)).ToList();
    }

    public static async Task<MimeMessage> LastTo(this AgoraFactory factory, string email)
    {
        var all = await factory.DeliverAsync();
        return all.Last(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase)));
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex LinkPattern();

    /// <summary>The first link in the plain-text part that goes to the given path, made relative for the test client.</summary>
    public static string Link(this MimeMessage message, string path)
    {
        var text = message.TextBody ?? "";
        var link = LinkPattern().Matches(text).Select(m => new Uri(m.Value)).First(u => u.AbsolutePath == path);
        return link.PathAndQuery;
    }
}

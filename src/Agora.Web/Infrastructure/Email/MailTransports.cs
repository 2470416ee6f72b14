using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Agora.Web.Infrastructure.Email;

/// <summary>Where a composed message goes: a real SMTP server, or a folder in development.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

public sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        // Well under the outbox claim (5 min), so a slow server cannot make two workers send the same message.
        using var client = new SmtpClient { Timeout = 60_000 };
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, true, out var s) ? s : SecureSocketOptions.Auto;
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Agora:Email:Smtp:Host is not set."), smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.User))
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}

/// <summary>
/// Development and demo: each message becomes an .eml file. The file is named by the Message-Id,
/// so a retried message overwrites itself instead of appearing twice.
/// </summary>
public sealed class PickupDirectoryTransport(IOptions<EmailOptions> options, IWebHostEnvironment env) : IMailTransport
{
    public string Directory => Path.GetFullPath(Path.Combine(env.ContentRootPath, options.Value.PickupDirectory));

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var safeId = new string((message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray());
        var name = $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{safeId}.eml";
        var temp = Path.Combine(Directory, name + ".tmp");
        await using (var stream = File.Create(temp))
            await message.WriteToAsync(stream, ct);
        // Rename last, so a reader never sees half a file.
        File.Move(temp, Path.Combine(Directory, name), overwrite: true);
    }
}

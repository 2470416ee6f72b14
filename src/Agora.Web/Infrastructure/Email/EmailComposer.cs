using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Agora.Web.Infrastructure.Email;

/// <summary>What an act wants to say in an e-mail; the composer turns it into HTML and plain text.</summary>
public sealed record EmailContent(string Subject, IReadOnlyList<string> Paragraphs)
{
    public string? ActionText { get; init; }
    public string? ActionUrl { get; init; }

    /// <summary>Small print under the message, e.g. why the person receives it and how to stop.</summary>
    public string? Footer { get; init; }
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    /// <summary>Extra message headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) on bulk mail.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
}

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

public sealed class EmailComposer(IOptions<EmailOptions> options)
{
    public MimeMessage Compose(string recipient, string culture, EmailContent content)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(string.IsNullOrWhiteSpace(o.Smtp.From) ? o.From : o.Smtp.From));
        message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = content.Subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("agora.sofia.bg");
        message.Date = DateTimeOffset.UtcNow;
        message.Headers.Add(HeaderId.ContentLanguage, culture);
        foreach (var (name, value) in content.Headers)
            message.Headers.Add(name, value);

        var body = new BodyBuilder { TextBody = Text(content), HtmlBody = Html(content, culture) };
        foreach (var a in content.Attachments)
            body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Text(EmailContent c)
    {
        var sb = new StringBuilder();
        foreach (var p in c.Paragraphs)
            sb.Append(p).Append("\n\n");
        if (c.ActionUrl != null)
            sb.Append(c.ActionText).Append(":\n").Append(c.ActionUrl).Append("\n\n");
        sb.Append("-- \nAgora · Столична община / Sofia Municipality\n");
        if (c.Footer != null)
            sb.Append(c.Footer).Append('\n');
        return sb.ToString();
    }

    // Inline styles only: mail clients ignore style sheets. Every piece of text is HTML-encoded.
    private static string Html(EmailContent c, string culture)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"").Append(culture).Append("\"><head><meta charset=\"utf-8\"><title>")
          .Append(WebUtility.HtmlEncode(c.Subject))
          .Append("</title></head><body style=\"font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;line-height:1.5;max-width:600px;margin:0 auto;padding:16px\">")
          .Append("<p style=\"font-weight:bold;color:#004b87\">Agora · Столична община</p>");
        foreach (var p in c.Paragraphs)
            sb.Append("<p>").Append(WebUtility.HtmlEncode(p)).Append("</p>");
        if (c.ActionUrl != null)
        {
            sb.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(c.ActionUrl))
              .Append("\" style=\"display:inline-block;background:#004b87;color:#ffffff;padding:10px 16px;text-decoration:none;border-radius:4px\">")
              .Append(WebUtility.HtmlEncode(c.ActionText ?? c.ActionUrl)).Append("</a></p>")
              .Append("<p style=\"font-size:13px;color:#555\">").Append(WebUtility.HtmlEncode(c.ActionUrl)).Append("</p>");
        }
        if (c.Footer != null)
            sb.Append("<hr><p style=\"font-size:13px;color:#555\">").Append(WebUtility.HtmlEncode(c.Footer)).Append("</p>");
        sb.Append("</body></html>");
        return sb.ToString();
    }
}

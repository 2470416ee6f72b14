namespace Agora.Web.Infrastructure.Email;

/// <summary>Bound from <c>Agora:Email</c>.</summary>
public sealed class EmailOptions
{
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>With no SMTP host, messages are written here as .eml files (relative to the content root).</summary>
    public string PickupDirectory { get; set; } = "data/mail";

    public string From { get; set; } = "Agora — Столична община <no-reply@agora.sofia.bg>";

    /// <summary>How often the worker looks for due messages when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int MaxAttempts { get; set; } = 10;

    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How much mail that anyone can trigger for an address (confirmations, resets…) one address or account gets.</summary>
    public MailCapOptions Cap { get; set; } = new();
}

/// <summary>Bound from <c>Agora:Email:Cap</c>. Extra mail is dropped without a word: the page answers the same.</summary>
public sealed class MailCapOptions
{
    /// <summary>At most this many of one kind to one address, or for one account, in an hour.</summary>
    public int PerKindPerHour { get; set; } = 3;

    /// <summary>At most this many capped messages of all kinds to one address, or for one account, in a day.</summary>
    public int PerDay { get; set; } = 10;
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>Overrides <see cref="EmailOptions.From"/> when set (Agora__Email__Smtp__From).</summary>
    public string? From { get; set; }

    /// <summary>Auto: STARTTLS when the server offers it; None for a local relay; SslOnConnect for port 465.</summary>
    public string Security { get; set; } = "Auto";
}

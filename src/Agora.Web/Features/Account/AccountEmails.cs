using System.Text;
using Agora.Web.Infrastructure.Email;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Agora.Web.Features.Account;

/// <summary>The account e-mails: confirm the address, reset the password, confirm a new address. Anyone can ask for
/// them for any address, so each goes through the outbox's cap per address and per account (dropped quietly above it).</summary>
public sealed class AccountEmails(UserManager<AgoraUser> users, Outbox outbox, PublicLinks links)
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
            return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public async Task QueueConfirmationAsync(AgoraUser user)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var url = links.Absolute(QueryHelpers.AddQueryString("/account/confirm-email",
            new Dictionary<string, string?> { ["userId"] = user.Id.ToString(), ["code"] = code }));
        await outbox.EnqueueCappedAsync(MailKinds.AccountConfirm, user.Id, user.Email!, user.PreferredCulture, l => new EmailContent(
            l["Email.Confirm.Subject"], [l["Email.Greeting", user.DisplayName], l["Email.Confirm.Body"], l["Email.IgnoreIfNotYou"]])
        {
            ActionText = l["Email.Confirm.Action"],
            ActionUrl = url,
        });
    }

    /// <summary>Someone tried to sign up with an address that already has an account.</summary>
    public Task QueueAlreadyRegisteredAsync(AgoraUser owner) =>
        outbox.EnqueueCappedAsync(MailKinds.AccountExists, owner.Id, owner.Email!, owner.PreferredCulture, l => new EmailContent(
            l["Email.Exists.Subject"], [l["Email.Greeting", owner.DisplayName], l["Email.Exists.Body"], l["Email.IgnoreIfNotYou"]])
        {
            ActionText = l["Email.Exists.Action"],
            ActionUrl = links.Absolute("/account/forgot-password"),
        });

    public async Task QueuePasswordResetAsync(AgoraUser user)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var url = links.Absolute(QueryHelpers.AddQueryString("/account/reset-password",
            new Dictionary<string, string?> { ["userId"] = user.Id.ToString(), ["code"] = code }));
        await outbox.EnqueueCappedAsync(MailKinds.PasswordReset, user.Id, user.Email!, user.PreferredCulture, l => new EmailContent(
            l["Email.Reset.Subject"], [l["Email.Greeting", user.DisplayName], l["Email.Reset.Body"], l["Email.IgnoreIfNotYou"]])
        {
            ActionText = l["Email.Reset.Action"],
            ActionUrl = url,
        });
    }

    public async Task QueueEmailChangeAsync(AgoraUser user, string newEmail)
    {
        var code = Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        var url = links.Absolute(QueryHelpers.AddQueryString("/account/confirm-email-change",
            new Dictionary<string, string?> { ["userId"] = user.Id.ToString(), ["email"] = newEmail, ["code"] = code }));
        await outbox.EnqueueCappedAsync(MailKinds.EmailChange, user.Id, newEmail, user.PreferredCulture, l => new EmailContent(
            l["Email.Change.Subject"], [l["Email.Greeting", user.DisplayName], l["Email.Change.Body"], l["Email.IgnoreIfNotYou"]])
        {
            ActionText = l["Email.Change.Action"],
            ActionUrl = url,
        });
    }
}

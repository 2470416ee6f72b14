using Microsoft.AspNetCore.Identity;

namespace Agora.Web.Infrastructure.Identity;

/// <summary>
/// Asks again who is at the keyboard before a change that would let whoever holds a session keep the account: turning
/// two-factor on or off, new recovery codes, a new e-mail address or password, erasing the account. A session cookie
/// alone (a browser left open, a stolen cookie) is not enough for these.
/// </summary>
public sealed class Reauthentication(UserManager<AgoraUser> users)
{
    /// <summary>
    /// Whether <paramref name="secret"/> is the account's current password or, when <paramref name="allowCode"/> and the
    /// account has two-factor on, a current code from its authenticator app. A wrong answer counts towards the account's
    /// lock as a wrong password at sign-in does, and while the account is locked every answer is refused unchecked, so
    /// the form cannot be used to guess the password.
    /// </summary>
    public async Task<bool> ConfirmAsync(AgoraUser user, string? secret, bool allowCode = true)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrWhiteSpace(secret) || await users.IsLockedOutAsync(user))
            return false;
        if (await users.CheckPasswordAsync(user, secret) || (allowCode && await IsCurrentCodeAsync(user, secret)))
        {
            if (await users.GetAccessFailedCountAsync(user) > 0)
                await users.ResetAccessFailedCountAsync(user);
            return true;
        }
        await users.AccessFailedAsync(user);
        return false;
    }

    private async Task<bool> IsCurrentCodeAsync(AgoraUser user, string secret)
    {
        if (!user.TwoFactorEnabled)
            return false;
        var code = secret.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return code.Length == 6 && code.All(char.IsAsciiDigit)
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
    }
}

using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests;

/// <summary>Plain test-data builders: people with roles, signed-in clients.</summary>
public static class Builders
{
    public const string Password = "correct horse battery";

    public static async Task<AgoraUser> PersonAsync(this AgoraFactory f, string? email = null, string? role = null, bool twoFactor = false, string culture = "bg")
    {
        email ??= $"p{Guid.NewGuid():N}@example.bg";
        return await f.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AgoraUser>>();
            var user = new AgoraUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = "Иван Тестов",
                PreferredCulture = culture,
                CreatedAt = DateTime.UtcNow,
            };
            var result = await users.CreateAsync(user, Password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
            if (role != null)
                await users.AddToRoleAsync(user, role);
            if (twoFactor)
            {
                await users.ResetAuthenticatorKeyAsync(user);
                await users.SetTwoFactorEnabledAsync(user, true);
            }
            return user;
        });
    }

    /// <summary>A process running from a month ago to two months ahead, with one current phase. Pass
    /// <paramref name="administrator"/> to make that person its process administrator.</summary>
    public static async Task<Process> ProcessAsync(this AgoraFactory f, bool published = true, string? components = null,
        AgoraUser? administrator = null, string? title = null)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var slug = "process-" + Guid.NewGuid().ToString("N")[..10];
        var process = new Process
        {
            Slug = slug,
            Title = new(title ?? "Тестов процес " + slug, "Test process " + slug),
            Summary = new("Кратко описание.", "A short summary."),
            Description = new("Описание на **процеса**.", "Description of the **process**."),
            StartsOn = today.AddMonths(-1),
            EndsOn = today.AddMonths(2),
            Components = components ?? "",
            Published = published,
            PublishedAt = published ? DateTime.UtcNow : null,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            Phases =
            [
                new Phase { Position = 0, Title = new("Оценка на нуждите", "Needs assessment"), StartsOn = today.AddMonths(-1), EndsOn = today.AddDays(-1) },
                new Phase { Position = 1, Title = new("Предложения", "Proposals"), StartsOn = today, EndsOn = today.AddMonths(1), IsCurrent = true },
                new Phase { Position = 2, Title = new("Решения", "Decisions"), StartsOn = today.AddMonths(1).AddDays(1), EndsOn = today.AddMonths(2) },
            ],
        };
        await f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AgoraDb>();
            db.Add(process);
            if (administrator != null)
                db.Add(new ProcessAdministrator { ProcessId = process.Id, UserId = administrator.Id, GrantedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        return process;
    }

    /// <summary>A fresh platform whose only administrator (with two-factor) is signed in; dispose the factory.</summary>
    public static async Task<(AgoraFactory Factory, AgoraUser Admin, HttpClient Client)> SoloAdministratorAsync()
    {
        var factory = new AgoraFactory();
        await factory.InitializeAsync();
        var admin = await factory.PersonAsync(role: Roles.Administrator, twoFactor: true);
        return (factory, admin, await factory.SignedInAsync(admin));
    }

    /// <summary>Signs in through the login form (and the two-factor form when the account has it).</summary>
    public static async Task<HttpClient> SignedInAsync(this AgoraFactory f, AgoraUser user, string culture = "bg")
    {
        var client = f.Browser(culture);
        var response = await client.PostFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = Password,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        if (response.Location().StartsWith("/account/login-2fa", StringComparison.Ordinal))
        {
            var code = await f.InScopeAsync(async sp =>
            {
                var users = sp.GetRequiredService<UserManager<AgoraUser>>();
                var u = await users.FindByIdAsync(user.Id.ToString());
                return Totp.Code(await users.GetAuthenticatorKeyAsync(u!) ?? "");
            });
            response = await client.PostFormAsync(response.Location(), new Dictionary<string, string> { ["Input.Code"] = code });
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        }
        return client;
    }
}

/// <summary>RFC 6238 TOTP, as an authenticator app computes it, to sign in through the real two-factor form.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTime? at = null)
    {
        var key = Base32(base32Key);
        var step = (long)((at ?? DateTime.UtcNow) - DateTime.UnixEpoch).TotalSeconds / 30;
        var counter = BitConverter.GetBytes(System.Net.IPAddress.HostToNetworkOrder(step));
        using var hmac = new System.Security.Cryptography.HMACSHA1(key);
        var hash = hmac.ComputeHash(counter);
        var offset = hash[^1] & 0xF;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string s)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        s = s.TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in s)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return bytes.ToArray();
    }
}

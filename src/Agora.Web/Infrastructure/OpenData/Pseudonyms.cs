using System.Security.Cryptography;
using System.Text;
using Agora.Web.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Infrastructure.OpenData;

/// <summary>
/// Pseudonymous author ids for open data: HMAC-SHA256 of the user id. The key is Agora:OpenData:PseudonymKey when
/// configured (set it in production, and keep it: changing it changes every pseudonym); otherwise it is derived from
/// the oldest data-protection key in the database, which every node shares and which is never published. The same
/// person gets the same id in every export and every dataset, so contributions can be counted per author, and
/// the id cannot be turned back into the account without the key.
/// </summary>
public sealed class Pseudonyms(IConfiguration config, IServiceScopeFactory scopes)
{
    private byte[]? key;
    private readonly Lock gate = new();

    public string Of(Guid userId)
    {
        var k = Key();
        Span<byte> hash = stackalloc byte[32];
        Span<byte> input = stackalloc byte[16];
        userId.TryWriteBytes(input);
        HMACSHA256.HashData(k, input, hash);
        // 16 bytes (128 bits) are plenty to never collide; prefixed so nobody mistakes it for an account id.
        return "p-" + Convert.ToHexStringLower(hash[..16]);
    }

    private byte[] Key()
    {
        if (key != null)
            return key;
        lock (gate)
        {
            if (key != null)
                return key;
            var configured = config["Agora:OpenData:PseudonymKey"];
            if (!string.IsNullOrWhiteSpace(configured))
                return key = SHA256.HashData(Encoding.UTF8.GetBytes(configured));
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AgoraDb>();
            // Protecting anything makes the key ring create (and store) its first key if the database has none yet.
            scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Agora.OpenData").Protect([1]);
            var oldest = db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).First();
            return key = SHA256.HashData(Encoding.UTF8.GetBytes("agora-open-data-pseudonyms\n" + oldest));
        }
    }
}

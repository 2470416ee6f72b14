namespace Agora.BrowserTests;

/// <summary>RFC 6238 TOTP, as an authenticator app computes it from the key the page shows.</summary>
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
        s = s.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
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

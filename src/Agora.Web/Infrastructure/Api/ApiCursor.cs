using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Agora.Web.Infrastructure.Api;

/// <summary>
/// Where a page ends: the sort time and id of its last item. Opaque to clients (base64url); the next page asks for
/// items strictly after it in (time, id) order, so inserts and deletes never shift or repeat items between pages.
/// </summary>
public readonly record struct ApiCursor(DateTime At, Guid Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
            At.Ticks.ToString(CultureInfo.InvariantCulture) + "." + Id.ToString("N")));

    public static bool TryDecode(string? text, out ApiCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 100)
            return false;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return false;
        }
        var parts = Encoding.ASCII.GetString(bytes).Split('.');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks
            || !Guid.TryParseExact(parts[1], "N", out var id))
            return false;
        cursor = new ApiCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }
}

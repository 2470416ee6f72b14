namespace Agora.Web.Infrastructure.Web;

/// <summary>Values of posted forms that an int parameter would get wrong: model binding turns a malformed or missing
/// number into the type's default, 0, which for a vote means something (a pass, or taking a vote back).</summary>
public static class FormValues
{
    /// <summary>A vote as the forms post it: exactly "1", "0" or "-1"; anything else (including "x", "", "+1",
    /// "1.0" or nothing) is null and must be refused.</summary>
    public static int? Vote(string? value) => value switch { "1" => 1, "0" => 0, "-1" => -1, _ => null };
}

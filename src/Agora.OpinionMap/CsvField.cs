namespace Agora.OpinionMap;

/// <summary>
/// The one way every CSV file of Agora writes a cell (open data, organisers' lists, rankings, reports, survey
/// answers, Pol.is exports). RFC 4180 quoting: a cell holding a comma, quote or line break is quoted and its quotes
/// doubled; writers that quote every cell say so. A text cell that starts with = + - @, a tab or a carriage return gets
/// a leading apostrophe (OWASP's CSV-injection advice), so that a spreadsheet shows it instead of running it as a
/// formula. Whether a cell is text is the writer's decision, by the column's type and never by the look of the value:
/// a number the code wrote stays <c>-3</c>, a person's text "-2+3" becomes <c>'-2+3</c>.
/// </summary>
public static class CsvField
{
    /// <summary>A cell of text that a person may have typed (a name, a title, a body, a label): defused, then quoted.</summary>
    public static string Text(string? value, bool quoteAlways = false) => Value(Defuse(value ?? string.Empty), quoteAlways);

    /// <summary>A cell the code wrote itself (a number, a date, an id, a code): quoted when needed, never changed.</summary>
    public static string Value(string? value, bool quoteAlways = false)
    {
        value ??= string.Empty;
        return quoteAlways || value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    /// <summary>Whether a spreadsheet could take a text starting with this character for a formula.</summary>
    public static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The text with a leading apostrophe when it starts like a formula, else unchanged.</summary>
    public static string Defuse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && IsFormulaStart(value[0]) ? "'" + value : value;
    }

    /// <summary>The inverse of <see cref="Defuse"/>, for a reader of Agora's own files: an apostrophe followed by a
    /// formula character is taken off again, so an export read back gives the text that was written.</summary>
    public static string Restore(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 1 && value[0] == '\'' && IsFormulaStart(value[1]) ? value[1..] : value;
    }
}

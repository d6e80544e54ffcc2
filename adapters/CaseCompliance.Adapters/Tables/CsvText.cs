using System.Text;

namespace CaseCompliance.Adapters.Tables;

/// <summary>
/// Writes RFC 4180 CSV: comma-separated, fields quoted when they hold a comma, quote or line break. With
/// <paramref name="neutralise"/>, a field a spreadsheet would run as a formula (first character <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, tab or carriage return) is written after a <c>'</c>, as OWASP recommends for CSV injection:
/// every CSV a person opens (findings, exceptions, rejected rows, downloads) is written so; extracts the generator
/// writes for the adapters to read are not (a Liquidlogic link of <c>-1</c> must stay <c>-1</c>).
/// </summary>
public sealed class CsvText(TextWriter writer, bool neutralise = false)
{
    public void Row(params string?[] fields) => Row((IReadOnlyList<string?>)fields);

    public void Row(IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            Field(fields[i]);
        }

        writer.Write("\r\n");
    }

    private void Field(string? value) => Field(writer, value, neutralise);

    /// <summary>Whether a spreadsheet would read the value as a formula (its first character).</summary>
    public static bool IsFormulaLike(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>One field, quoted (quotes doubled) only when it holds a comma, quote or line break; with
    /// <paramref name="neutralise"/>, a formula-like value behind a <c>'</c>.</summary>
    public static void Field(TextWriter writer, string? value, bool neutralise = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (neutralise && IsFormulaLike(value))
        {
            value = "'" + value;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }

    public static StreamWriter Create(string path) => new(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
}

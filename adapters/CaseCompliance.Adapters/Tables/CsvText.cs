using System.Text;

namespace CaseCompliance.Adapters.Tables;

/// <summary>Writes RFC 4180 CSV: comma-separated, fields quoted when they hold a comma, quote or line break.</summary>
public sealed class CsvText(TextWriter writer)
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

    private void Field(string? value) => Field(writer, value);

    /// <summary>One field, quoted (quotes doubled) only when it holds a comma, quote or line break.</summary>
    public static void Field(TextWriter writer, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
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

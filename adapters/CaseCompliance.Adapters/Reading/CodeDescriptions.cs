using System.Text;

namespace CaseCompliance.Adapters.Reading;

/// <summary>
/// Codes that an export may hold as their description (an SSD's legal statuses: "Full care order" for <c>C2</c>).
/// Written <c>CODE=description;CODE=description</c>; a code may have several descriptions. A description is matched
/// ignoring case, punctuation, spacing and any bracketed part.
/// </summary>
public sealed class CodeDescriptions
{
    private readonly Dictionary<string, string> _codeOf = new(StringComparer.Ordinal);

    public CodeDescriptions(string text, string key)
    {
        foreach (var entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == entry.Length - 1)
            {
                throw new Tables.SourceFailedException($"Codes:{key}: '{Rejection.Cut(entry)}' is not CODE=description.");
            }

            var code = entry[..eq].Trim();
            var normal = Normalise(entry[(eq + 1)..]);
            if (_codeOf.TryGetValue(normal, out var other) && !string.Equals(other, code, StringComparison.OrdinalIgnoreCase))
            {
                throw new Tables.SourceFailedException($"Codes:{key}: '{Rejection.Cut(entry[(eq + 1)..].Trim())}' describes both {other} and {code}.");
            }

            _codeOf[normal] = code;
        }
    }

    /// <summary>The code a description stands for; null when none does.</summary>
    public string? CodeOf(string description) => _codeOf.GetValueOrDefault(Normalise(description));

    /// <summary>Lower case letters and digits, single spaces between words; bracketed parts left out.</summary>
    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        var depth = 0;
        var space = false;
        foreach (var ch in text)
        {
            if (ch == '(')
            {
                depth++;
            }
            else if (ch == ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && char.IsLetterOrDigit(ch))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(char.ToLowerInvariant(ch));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return sb.ToString();
    }
}

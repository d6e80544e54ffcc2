using System.Globalization;
using NodaTime;

namespace CaseCompliance.Adapters.Reading;

/// <summary>
/// Values an export writes where it has none: the text <c>NULL</c> a SQL tool prints for a null, the SSD's
/// placeholder worker <c>SSD_PH</c>, a <c>1900-01-01</c> "no date" (extracts.md, "The SSD as authorities really
/// export it"). A field holding one reads as empty, whatever its column: a placeholder date never becomes a
/// review held in 1900, and a placeholder worker never becomes an allocation.
/// </summary>
public sealed class Placeholders
{
    public static readonly Placeholders None = new([], []);

    private readonly HashSet<string> _texts;
    private readonly HashSet<LocalDate> _dates;
    private readonly string[] _years;
    private readonly int _longestText;

    public Placeholders(IEnumerable<string> texts, IEnumerable<LocalDate> dates)
    {
        _texts = new HashSet<string>(texts, StringComparer.OrdinalIgnoreCase);
        _dates = [.. dates];
        _years = [.. _dates.Select(d => d.Year.ToString("D4", CultureInfo.InvariantCulture)).Distinct()];
        _longestText = _texts.Count == 0 ? 0 : _texts.Max(t => t.Length);
    }

    public bool IsEmpty => _texts.Count == 0 && _dates.Count == 0;

    /// <summary>Whether a trimmed, non-empty field is a placeholder (checked cheaply: most fields are not).</summary>
    public bool Holds(string value)
    {
        if (value.Length <= _longestText && _texts.Contains(value))
        {
            return true;
        }

        if (_years.Length == 0 || value.Length < 10)
        {
            return false;
        }

        // yyyy-MM-dd… or dd/MM/yyyy…: parse only when the year is a placeholder date's year.
        var year = value[4] == '-' ? value.AsSpan(0, 4) : value[2] == '/' && value[5] == '/' ? value.AsSpan(6, 4) : default;
        foreach (var y in _years)
        {
            if (year.SequenceEqual(y))
            {
                return FieldParser.TryParseDateTime(value, out var at, out _) && _dates.Contains(at.Date) && at.TimeOfDay == LocalTime.Midnight;
            }
        }

        return false;
    }

    /// <summary>
    /// The placeholders of a source: the code lists <c>Placeholders</c> (texts) and <c>PlaceholderDates</c>
    /// (<c>yyyy-MM-dd</c>), as configured or as the adapter ships them in <paramref name="defaults"/>.
    /// </summary>
    public static Placeholders Of(SourceOptions options, IReadOnlyDictionary<string, string> defaults)
    {
        var parsed = new List<LocalDate>();
        foreach (var d in options.CodeList("PlaceholderDates", defaults))
        {
            if (d.Length != 10 || !FieldParser.TryParseDate(d, out var date) || d[4] != '-')
            {
                throw new Tables.SourceFailedException($"Codes:PlaceholderDates: '{Rejection.Cut(d)}' is not a date (yyyy-MM-dd).");
            }

            parsed.Add(date);
        }

        return new Placeholders(options.CodeList("Placeholders", defaults), parsed);
    }
}

using NodaTime;

namespace CaseCompliance.Adapters.Reading;

/// <summary>
/// The date and flag forms every adapter accepts (extracts.md): dates <c>yyyy-MM-dd</c>, <c>yyyy-MM-dd HH:mm[:ss[.f…]]</c>
/// (SQL Server's <c>datetime</c> writes three fraction digits, <c>datetime2</c> up to seven), <c>yyyy-MM-ddTHH:mm[:ss[.f…]]</c>,
/// <c>dd/MM/yyyy[ HH:mm[:ss]]</c>; flags <c>Y/N</c>, <c>1/0</c>, <c>true/false</c>, empty = unknown.
/// Anything else is refused, never guessed.
/// </summary>
public static class FieldParser
{
    /// <summary>Parses a date or date-time; <paramref name="hasTime"/> says whether a time of day was given.</summary>
    public static bool TryParseDateTime(ReadOnlySpan<char> s, out LocalDateTime value, out bool hasTime)
    {
        value = default;
        hasTime = false;
        s = s.Trim();
        int year, month, day, rest;
        if (s.Length >= 10 && s[4] == '-' && s[7] == '-')
        {
            if (!Digits(s[..4], out year) || !Digits(s.Slice(5, 2), out month) || !Digits(s.Slice(8, 2), out day))
            {
                return false;
            }

            rest = 10;
            if (s.Length > 10)
            {
                if (s[10] is not (' ' or 'T'))
                {
                    return false;
                }

                if (!TryTime(s[11..], allowFraction: true, out var time))
                {
                    return false;
                }

                hasTime = true;
                return TryBuild(year, month, day, time, out value);
            }
        }
        else if (s.Length >= 10 && s[2] == '/' && s[5] == '/')
        {
            if (!Digits(s[..2], out day) || !Digits(s.Slice(3, 2), out month) || !Digits(s.Slice(6, 4), out year))
            {
                return false;
            }

            rest = 10;
            if (s.Length > 10)
            {
                if (s[10] != ' ' || !TryTime(s[11..], allowFraction: false, out var time))
                {
                    return false;
                }

                hasTime = true;
                return TryBuild(year, month, day, time, out value);
            }
        }
        else
        {
            return false;
        }

        _ = rest;
        return TryBuild(year, month, day, LocalTime.Midnight, out value);
    }

    public static bool TryParseDate(ReadOnlySpan<char> s, out LocalDate value)
    {
        var ok = TryParseDateTime(s, out var dt, out _);
        value = dt.Date;
        return ok;
    }

    /// <summary>Y/N, 1/0, true/false (any case); empty is unknown (null) and valid.</summary>
    public static bool TryParseFlag(ReadOnlySpan<char> s, out bool? value)
    {
        s = s.Trim();
        value = null;
        if (s.IsEmpty)
        {
            return true;
        }

        if (s.Equals("Y", StringComparison.OrdinalIgnoreCase) || s.Equals("1", StringComparison.Ordinal)
            || s.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        if (s.Equals("N", StringComparison.OrdinalIgnoreCase) || s.Equals("0", StringComparison.Ordinal)
            || s.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            value = false;
            return true;
        }

        return false;
    }

    /// <summary><c>HH:mm</c>, <c>HH:mm:ss</c> and, where allowed, <c>HH:mm:ss.f</c> to seven fraction digits (100 ns).</summary>
    private static bool TryTime(ReadOnlySpan<char> s, bool allowFraction, out LocalTime time)
    {
        time = default;
        if (s.Length < 5 || s[2] != ':' || !Digits(s[..2], out var h) || !Digits(s.Slice(3, 2), out var m))
        {
            return false;
        }

        var sec = 0;
        var ticks = 0L;
        if (s.Length > 5)
        {
            if (s.Length < 8 || s[5] != ':' || !Digits(s.Slice(6, 2), out sec))
            {
                return false;
            }

            if (s.Length > 8)
            {
                var digits = s.Length - 9;
                if (!allowFraction || s[8] != '.' || digits is < 1 or > 7 || !Digits(s[9..], out var fraction))
                {
                    return false;
                }

                ticks = fraction;
                for (var i = digits; i < 7; i++)
                {
                    ticks *= 10;
                }
            }
        }

        if (h > 23 || m > 59 || sec > 59)
        {
            return false;
        }

        time = new LocalTime(h, m, sec).PlusTicks(ticks);
        return true;
    }

    private static bool TryBuild(int year, int month, int day, LocalTime time, out LocalDateTime value)
    {
        value = default;
        if (year < 1900 || year > 2200 || month is < 1 or > 12 || day < 1
            || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        value = new LocalDate(year, month, day).At(time);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return !s.IsEmpty;
    }
}

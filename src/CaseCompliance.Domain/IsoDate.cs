using NodaTime;

namespace CaseCompliance.Domain;

/// <summary>yyyy-MM-dd for dates from year 1000 to 9999, without pattern parsing (it runs several times per finding).</summary>
public static class IsoDate
{
    public static string Format(LocalDate date) => string.Create(10, date, static (span, d) => Write(span, d));

    public static void Write(Span<char> span, LocalDate d)
    {
        int y = d.Year, m = d.Month, day = d.Day;
        span[0] = (char)('0' + (y / 1000 % 10));
        span[1] = (char)('0' + (y / 100 % 10));
        span[2] = (char)('0' + (y / 10 % 10));
        span[3] = (char)('0' + (y % 10));
        span[4] = '-';
        span[5] = (char)('0' + (m / 10));
        span[6] = (char)('0' + (m % 10));
        span[7] = '-';
        span[8] = (char)('0' + (day / 10));
        span[9] = (char)('0' + (day % 10));
    }
}

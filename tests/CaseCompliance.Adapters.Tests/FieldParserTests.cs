using CaseCompliance.Adapters.Reading;

namespace CaseCompliance.Adapters.Tests;

public class FieldParserTests
{
    /// <summary>Each form with the exact date-time it must give (ISO, to the 100 ns tick) and whether it had a time.</summary>
    [Theory]
    [InlineData("2025-03-14", "2025-03-14T00:00:00.0000000", false)]
    [InlineData("2025-03-14 09:30", "2025-03-14T09:30:00.0000000", true)]
    [InlineData("2025-03-14 09:30:15", "2025-03-14T09:30:15.0000000", true)]
    [InlineData("2025-03-14 09:30:15.123", "2025-03-14T09:30:15.1230000", true)]
    [InlineData("2025-03-14T23:59", "2025-03-14T23:59:00.0000000", true)]
    [InlineData("2025-03-14T23:59:59", "2025-03-14T23:59:59.0000000", true)]
    [InlineData("2025-03-14T09:30:15.123", "2025-03-14T09:30:15.1230000", true)]
    [InlineData("14/03/2025", "2025-03-14T00:00:00.0000000", false)]
    [InlineData("14/03/2025 08:05", "2025-03-14T08:05:00.0000000", true)]
    [InlineData("14/03/2025 08:05:59", "2025-03-14T08:05:59.0000000", true)]
    [InlineData("2024-12-10 00:00:00.000", "2024-12-10T00:00:00.0000000", true)]
    [InlineData("2024-12-10 23:59:59.9999999", "2024-12-10T23:59:59.9999999", true)]
    [InlineData("2024-12-10 23:59:59.1234567", "2024-12-10T23:59:59.1234567", true)]
    [InlineData("2024-02-29 10:15:00.1", "2024-02-29T10:15:00.1000000", true)]
    [InlineData("29/02/2024", "2024-02-29T00:00:00.0000000", false)]
    [InlineData(" 2025-01-31 ", "2025-01-31T00:00:00.0000000", false)]
    public void AcceptsTheListedForms(string text, string expected, bool hasTime)
    {
        Assert.True(FieldParser.TryParseDateTime(text, out var value, out var timed));
        Assert.Equal(expected, value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(hasTime, timed);
    }

    [Theory]
    [InlineData("2025-02-29", "not a leap year")]
    [InlineData("31/04/2025", "April has 30 days")]
    [InlineData("03/14/2025", "US order is never guessed")]
    [InlineData("2025-3-14", "single-digit month")]
    [InlineData("14-03-2025", "dashes in day-first order")]
    [InlineData("2025-03-14 09:30:15.12345678", "more than datetime2's seven fraction digits")]
    [InlineData("2025-03-14 09:30:15.", "a point without fraction digits")]
    [InlineData("14/03/2025 08:05:00.000", "fractions not in the dd/MM/yyyy form")]
    [InlineData("2025-03-14 25:00", "hour out of range")]
    [InlineData("yesterday", "words")]
    [InlineData("20250314", "compact form")]
    public void RefusesEverythingElse(string text, string why)
    {
        Assert.False(FieldParser.TryParseDateTime(text, out _, out _), why);
    }

    [Theory]
    [InlineData("Y", true)]
    [InlineData("n", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("", null)]
    [InlineData("  ", null)]
    public void Flags(string text, bool? expected)
    {
        Assert.True(FieldParser.TryParseFlag(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("Yes")]
    [InlineData("2")]
    [InlineData("maybe")]
    public void Flags_RefuseOtherWords(string text)
    {
        Assert.False(FieldParser.TryParseFlag(text, out _));
    }
}

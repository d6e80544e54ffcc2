using System.Globalization;
using NodaTime;

namespace CaseCompliance.Generation;

/// <summary>Dates as the extracts write them (<c>yyyy-MM-dd</c>), from a table so that millions of rows cost no formatting.</summary>
internal static class DateText
{
    private static readonly int First = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly string[] Cache = Build();

    public static string Of(LocalDate date)
    {
        var i = date.ToDateOnly().DayNumber - First;
        return (uint)i < (uint)Cache.Length ? Cache[i] : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public static string? Of(LocalDate? date) => date is { } d ? Of(d) : null;

    /// <summary><c>yyyy-MM-dd HH:mm</c>, the date-time form of the <c>cc_contact_decisions</c> table.</summary>
    public static string Of(LocalDateTime at) =>
        string.Concat(Of(at.Date), " ", Two(at.Hour), ":", Two(at.Minute));

    private static readonly string[] Digits = [.. Enumerable.Range(0, 60).Select(i => i.ToString("D2", CultureInfo.InvariantCulture))];

    private static string Two(int n) => Digits[n];

    private static string[] Build()
    {
        var start = new LocalDate(2000, 1, 1);
        var days = Period.Between(start, new LocalDate(2040, 12, 31), PeriodUnits.Days).Days + 1;
        var cache = new string[days];
        for (var i = 0; i < days; i++)
        {
            cache[i] = start.PlusDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return cache;
    }
}

/// <summary>The statuses of findings.csv, as expected.csv writes them.</summary>
internal static class Status
{
    public const string Met = "met";
    public const string Late = "late";
    public const string Overdue = "overdue";
    public const string DueSoon = "due-soon";
    public const string Pending = "pending";
    public const string Early = "early";
    public const string MissingData = "missing-data";
    public const string NotApplicable = "not-applicable";
}

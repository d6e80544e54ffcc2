using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using CaseCompliance.Rules.Calendar;
using NodaTime;

namespace CaseCompliance.Rules.Engine;

/// <summary>Units a timescale can be counted in.</summary>
public enum TimescaleUnit
{
    Hours,
    Days,
    WorkingDays,
    Weeks,
    Months,
}

/// <summary>
/// A configured timescale such as "45 working days", "14 days", "6 weeks", "3 months" or "24 hours".
/// Written as text in appsettings.json so an authority can change both the number and its basis.
/// </summary>
[TypeConverter(typeof(TimescaleConverter))]
public readonly partial record struct Timescale(int Amount, TimescaleUnit Unit)
{
    public static Timescale Days(int n) => new(n, TimescaleUnit.Days);

    public static Timescale WorkingDays(int n) => new(n, TimescaleUnit.WorkingDays);

    public static Timescale Weeks(int n) => new(n, TimescaleUnit.Weeks);

    public static Timescale Months(int n) => new(n, TimescaleUnit.Months);

    public static Timescale Hours(int n) => new(n, TimescaleUnit.Hours);

    /// <summary>
    /// The due date: calendar days and weeks are added as they are (a deadline on a weekend is not moved), months
    /// with <see cref="LocalDate.PlusMonths"/> (31 Jan + 1 month = 28/29 Feb), working days by the calendar with
    /// the start as day 0. With dates only, hours are whole working days (24 hours = 1 working day).
    /// </summary>
    public LocalDate AddTo(LocalDate date, WorkingDayCalendar calendar) => Unit switch
    {
        TimescaleUnit.Days => date.PlusDays(Amount),
        TimescaleUnit.Weeks => date.PlusDays(7 * Amount),
        TimescaleUnit.Months => date.PlusMonths(Amount),
        TimescaleUnit.WorkingDays => calendar.AddWorkingDays(date, Amount),
        TimescaleUnit.Hours => calendar.AddWorkingDays(date, (Amount + 23) / 24),
        _ => throw new InvalidOperationException($"Unknown unit {Unit}."),
    };

    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>
    /// For date-times (UK local time): hours are elapsed hours, so 24 hours across a clock change is 23 or 25 on the
    /// clock; other units apply to the date and keep the time of day.
    /// </summary>
    public LocalDateTime AddTo(LocalDateTime at, WorkingDayCalendar calendar) => Unit == TimescaleUnit.Hours
        ? at.InZoneLeniently(London).Plus(Duration.FromHours(Amount)).LocalDateTime
        : AddTo(at.Date, calendar).At(at.TimeOfDay);

    /// <summary>Whether this interval is shorter than <paramref name="other"/> when both start on <paramref name="from"/>.</summary>
    public bool IsStricterThan(Timescale other, LocalDate from, WorkingDayCalendar calendar) =>
        AddTo(from, calendar) < other.AddTo(from, calendar);

    public override string ToString()
    {
        var unit = Unit switch
        {
            TimescaleUnit.Hours => "hour",
            TimescaleUnit.Days => "day",
            TimescaleUnit.WorkingDays => "working day",
            TimescaleUnit.Weeks => "week",
            TimescaleUnit.Months => "month",
            _ => Unit.ToString(),
        };
        return $"{Amount.ToString(CultureInfo.InvariantCulture)} {unit}{(Amount == 1 ? "" : "s")}";
    }

    public static Timescale Parse(string text)
    {
        if (TryParse(text, out var value, out var error))
        {
            return value;
        }

        throw new FormatException(error);
    }

    public static bool TryParse(string? text, out Timescale value, out string error)
    {
        value = default;
        var match = Pattern().Match(text ?? "");
        if (!match.Success)
        {
            error = $"'{text}' is not a timescale: write a whole number and a unit, e.g. \"45 working days\", " +
                "\"14 days\", \"6 weeks\", \"3 months\" or \"24 hours\".";
            return false;
        }

        var amount = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups["unit"].Value.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal);
        unit = Regex.Replace(unit, @"\s+", " ");
        TimescaleUnit? parsed = unit.TrimEnd('s') switch
        {
            "hour" => TimescaleUnit.Hours,
            "day" or "calendar day" => TimescaleUnit.Days,
            "working day" => TimescaleUnit.WorkingDays,
            "week" => TimescaleUnit.Weeks,
            "month" => TimescaleUnit.Months,
            _ => null,
        };
        if (parsed is null)
        {
            error = $"'{text}': unknown unit '{match.Groups["unit"].Value}' (use hours, days, working days, weeks or months).";
            return false;
        }

        value = new Timescale(amount, parsed.Value);
        error = "";
        return true;
    }

    [GeneratedRegex(@"^\s*(?<n>\d{1,4})\s*(?<unit>[A-Za-z][A-Za-z\s-]*?)\s*$")]
    private static partial Regex Pattern();
}

/// <summary>Lets configuration binding read a <see cref="Timescale"/> from text.</summary>
public sealed class TimescaleConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string s ? Timescale.Parse(s) : base.ConvertFrom(context, culture, value);

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value,
        Type destinationType) =>
        destinationType == typeof(string) && value is Timescale t ? t.ToString() : base.ConvertTo(context, culture, value, destinationType);
}

using System.Collections.Immutable;
using NodaTime;

namespace CaseCompliance.Rules.Calendar;

/// <summary>
/// Working days: Monday to Friday that are neither a bank holiday of the configured region nor a local closure day.
/// Dates outside the years the bank holiday data covers are refused, never treated as "no holidays".
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly LocalDate _first;
    private readonly LocalDate _last;
    private readonly bool[] _working;

    // _cumulative[i] = number of working days in [_first, _first + i]; makes counting O(1) and adding O(log n).
    private readonly int[] _cumulative;

    public WorkingDayCalendar(string region, int firstYear, int lastYear, IEnumerable<LocalDate> bankHolidays,
        IEnumerable<LocalDate>? closureDays = null)
    {
        if (lastYear < firstYear)
        {
            throw new ArgumentException($"The bank holiday data covers no years ({firstYear}–{lastYear}).");
        }

        Region = region;
        FirstYear = firstYear;
        LastYear = lastYear;
        _first = new LocalDate(firstYear, 1, 1);
        _last = new LocalDate(lastYear, 12, 31);
        BankHolidays = bankHolidays.ToImmutableSortedSet();
        ClosureDays = (closureDays ?? []).ToImmutableSortedSet();
        var days = Period.Between(_first, _last, PeriodUnits.Days).Days + 1;
        _working = new bool[days];
        _cumulative = new int[days];
        var count = 0;
        for (var i = 0; i < days; i++)
        {
            var date = _first.PlusDays(i);
            var working = date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
                && !BankHolidays.Contains(date) && !ClosureDays.Contains(date);
            _working[i] = working;
            if (working)
            {
                count++;
            }

            _cumulative[i] = count;
        }
    }

    public string Region { get; }

    public int FirstYear { get; }

    public int LastYear { get; }

    public ImmutableSortedSet<LocalDate> BankHolidays { get; }

    public ImmutableSortedSet<LocalDate> ClosureDays { get; }

    public bool Covers(LocalDate date) => date >= _first && date <= _last;

    public bool IsWorkingDay(LocalDate date) => _working[IndexOf(date)];

    /// <summary>The n-th working day after <paramref name="date"/>; the date itself is day 0, working or not.</summary>
    public LocalDate AddWorkingDays(LocalDate date, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var start = IndexOf(date);
        if (n == 0)
        {
            return date;
        }

        var target = _cumulative[start] + n;
        // First index whose cumulative count reaches the target: that day is the n-th working day.
        var index = Array.BinarySearch(_cumulative, start + 1, _cumulative.Length - start - 1, target);
        if (index < 0)
        {
            throw Outside(_last.PlusDays(1), $"{n} working days after {date:yyyy-MM-dd}");
        }

        while (index > start + 1 && _cumulative[index - 1] == target)
        {
            index--;
        }

        return _first.PlusDays(index);
    }

    /// <summary>Working days in (from, to]: how many working days late a thing done on <paramref name="to"/> is.</summary>
    public int WorkingDaysBetween(LocalDate from, LocalDate to)
    {
        if (to <= from)
        {
            return -WorkingDaysBetweenOrdered(to, from);
        }

        return WorkingDaysBetweenOrdered(from, to);
    }

    private int WorkingDaysBetweenOrdered(LocalDate from, LocalDate to) =>
        _cumulative[IndexOf(to)] - _cumulative[IndexOf(from)];

    private int IndexOf(LocalDate date)
    {
        if (!Covers(date))
        {
            throw Outside(date, null);
        }

        return Period.Between(_first, date, PeriodUnits.Days).Days;
    }

    private CalendarCoverageException Outside(LocalDate date, string? what) =>
        new(date, FirstYear, LastYear, Region, what);
}

/// <summary>A date outside the years the bank holiday data covers was asked about.</summary>
public sealed class CalendarCoverageException(LocalDate date, int firstYear, int lastYear, string region, string? what)
    : Exception($"The working-day calendar ({region}) covers {firstYear}–{lastYear} only; " +
        (what is null ? $"{date:yyyy-MM-dd} is outside it" : $"{what} falls outside it") +
        ". Install a newer bank holiday file (Calendar:BankHolidaysFile).")
{
    public LocalDate Date { get; } = date;
}

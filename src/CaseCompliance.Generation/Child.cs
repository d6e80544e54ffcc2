using System.Globalization;
using CaseCompliance.Rules.Calendar;
using NodaTime;

namespace CaseCompliance.Generation;

/// <summary>
/// One child being generated: its random stream, its rows (<see cref="SsdTables"/>) and the findings its story
/// implies (<see cref="Expected"/>), with the helpers every story builder shares. Reused from child to child; nothing
/// of a child survives <see cref="Start"/> of the next.
/// </summary>
internal sealed partial class Child
{
    private static readonly string[] Numbers = [.. Enumerable.Range(0, 512).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    private readonly GeneratorSettings _settings;
    private int _sequence;

    public Child(GeneratorSettings settings, WorkingDayCalendar calendar, Staff staff)
    {
        _settings = settings;
        Calendar = calendar;
        Staff = staff;
        AsOf = settings.AsOf;
        DueSoonLimit = calendar.AddWorkingDays(AsOf, 5);
    }

    /// <summary>The child's random stream (a field so that callers can pass it by reference).</summary>
    public Prng Rng;

    public WorkingDayCalendar Calendar { get; }

    public Staff Staff { get; }

    public LocalDate AsOf { get; }

    /// <summary>An undone obligation due on or before this is <c>due-soon</c> (the default 5 working-day window).</summary>
    public LocalDate DueSoonLimit { get; }

    public string Id { get; private set; } = "";

    public SsdTables Tables { get; private set; } = new();

    public List<ExpectedRow> Expected { get; } = [];

    /// <summary>The chance that one obligation instance of this child is planted late (the child's share of breaches).</summary>
    public double LateChance { get; private set; }

    /// <summary>Work on open cases stops after this date for a drifting child; the as-of date otherwise.</summary>
    public LocalDate ActivityLimit { get; private set; }

    public bool Drifting { get; private set; }

    public LocalDate? DateOfBirth { get; set; }

    /// <summary>Set when an episode, plan, period of care, arrangement, accommodation or care leaver record is open at the as-of date
    /// (the key-information rule checks only those children).</summary>
    public bool OpenAtAsOf { get; private set; }

    /// <summary>The primary need code of the latest referral, the fallback of key information.</summary>
    public string? LatestReferralNeed { get; set; }

    /// <summary>Child protection plans so far (supervision is monthly while one is open).</summary>
    public List<(LocalDate Start, LocalDate? End)> ChildProtectionPlans { get; } = [];

    /// <summary>Episodes an audit may look at: id, start, end.</summary>
    public List<(string Id, LocalDate Start, LocalDate? End)> Auditable { get; } = [];

    public void Start(long number, string id)
    {
        Rng = Prng.For(_settings.Seed, number);
        Id = id;
        Tables = new SsdTables { PersonId = id };
        Expected.Clear();
        ChildProtectionPlans.Clear();
        Auditable.Clear();
        _sequence = 0;
        DateOfBirth = null;
        OpenAtAsOf = false;
        LatestReferralNeed = null;

        // Breaches cluster: most children are handled well, some by a struggling team.
        var weight = Rng.NextDouble() switch
        {
            < 0.55 => 0.3,
            < 0.85 => 1.0,
            < 0.97 => 2.5,
            _ => 5.0,
        };
        LateChance = Math.Min(0.9, _settings.BreachRate * weight);
        Drifting = Rng.Chance(_settings.BreachRate * 0.6);
        ActivityLimit = Drifting ? AsOf.PlusDays(-Rng.Between(21, 100)) : AsOf;
    }

    // ---- ids, dates, rows -------------------------------------------------------------------------------------

    /// <summary>A record id unique within the extract: the child id, a code and a running number.</summary>
    public string NewId(string code)
    {
        var n = ++_sequence;
        return string.Concat(Id, "-", code, n < Numbers.Length ? Numbers[n] : n.ToString(CultureInfo.InvariantCulture));
    }

    public static string D(LocalDate date) => DateText.Of(date);

    public static string? D(LocalDate? date) => DateText.Of(date);

    public static string Flag(bool value) => value ? "Y" : "N";

    public void Row(string table, params (string Column, string? Value)[] values) => Tables.Add(table, values);

    public LocalDate WorkingDays(LocalDate date, int n) => Calendar.AddWorkingDays(date, n);

    /// <summary>A day in [<paramref name="lo"/>, <paramref name="hi"/>] (<paramref name="lo"/> when the range is empty).</summary>
    public LocalDate Day(LocalDate lo, LocalDate hi)
    {
        if (hi <= lo)
        {
            return lo;
        }

        return lo.PlusDays(Rng.Below(Period.Between(lo, hi, PeriodUnits.Days).Days + 1));
    }

    public LocalDate After(LocalDate date, int minDays, int maxDays) => date.PlusDays(Rng.Between(minDays, maxDays));

    /// <summary>Moves a meeting off a weekend or bank holiday: back to the working day before, unless that is before
    /// <paramref name="notBefore"/>, then forward.</summary>
    public LocalDate Workday(LocalDate date, LocalDate notBefore)
    {
        var d = date;
        while (!Calendar.IsWorkingDay(d) && d > notBefore)
        {
            d = d.PlusDays(-1);
        }

        while (!Calendar.IsWorkingDay(d))
        {
            d = d.PlusDays(1);
        }

        return d;
    }

    public static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;

    public static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;

    public static int Days(LocalDate from, LocalDate to) => Period.Between(from, to, PeriodUnits.Days).Days;

    /// <summary>A planted breach for this instance?</summary>
    public bool Breach(double weight = 1) => Rng.Chance(LateChance * weight);

    /// <summary>A planted data-quality fault for this opportunity?</summary>
    public bool Fault(double weight = 1) => Rng.Chance(_settings.FaultRate * weight);

    /// <summary>The last day open work can happen on: the episode's end, the drift date, the as-of date.</summary>
    public LocalDate Limit(LocalDate? end) => end is { } e ? Min(e, ActivityLimit) : ActivityLimit;

    /// <summary>Records that something stays open (or ended on the as-of date itself).</summary>
    public void Opened(LocalDate? end)
    {
        if (end is null || end >= AsOf)
        {
            OpenAtAsOf = true;
        }
    }

    /// <summary>An end date that happens by the as-of date, else none (still open).</summary>
    public LocalDate? EndBy(LocalDate end) => end <= AsOf ? end : null;

    // ---- expected findings (rules.md, finding statuses) ---------------------------------------------------------

    public void Expect(string rule, LocalDate? due, string status) => Expected.Add(new ExpectedRow(rule, due, status));

    /// <summary>The status of an obligation due on <paramref name="due"/>, done on <paramref name="done"/> (if it was),
    /// whose episode ended on <paramref name="end"/> (if it did; always by the as-of date here).</summary>
    public string Judged(LocalDate due, LocalDate? done, LocalDate? end) =>
        done is { } d ? (d <= due ? Status.Met : Status.Late) : Open(due, end);

    /// <summary>Not done: not applicable when due after the episode ended, overdue when due before the end or the
    /// as-of date, due-soon inside the warning window, else pending.</summary>
    public string Open(LocalDate due, LocalDate? end)
    {
        if (end is { } e)
        {
            return due > e ? Status.NotApplicable : Status.Overdue;
        }

        return AsOf > due ? Status.Overdue : due <= DueSoonLimit ? Status.DueSoon : Status.Pending;
    }

    public void Judge(string rule, LocalDate due, LocalDate? done, LocalDate? end) => Expect(rule, due, Judged(due, done, end));
}

/// <summary>What to generate.</summary>
public sealed record GeneratorSettings
{
    public required int Children { get; init; }
    public required ulong Seed { get; init; }
    public required LocalDate AsOf { get; init; }

    /// <summary>The average chance that an obligation instance is planted late or missed (0 = none); 0.6 × it is the share
    /// of children whose open cases drift.</summary>
    public double BreachRate { get; init; } = 0.08;

    /// <summary>The chance of each data-quality fault opportunity (bad dates, unknown codes, missing values; 0 = none).</summary>
    public double FaultRate { get; init; } = 0.02;
}

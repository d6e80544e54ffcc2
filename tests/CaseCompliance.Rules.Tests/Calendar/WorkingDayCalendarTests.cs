using CaseCompliance.Rules.Calendar;
using CaseCompliance.Rules.Tests.Support;

namespace CaseCompliance.Rules.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private static WorkingDayCalendar Calendar => TestCalendar.EnglandAndWales;

    [Fact]
    public void AddWorkingDays_SpecWorkedExample_ReferralBeforeChristmas()
    {
        // rules.md: referral Fri 2024-12-20 + 45 working days → due Wed 2025-02-26.
        Assert.Equal(26.February(2025), Calendar.AddWorkingDays(20.December(2024), 45));
    }

    [Theory]
    [InlineData("2024-12-20", 1, "2024-12-23", "Friday + 1 is Monday")]
    [InlineData("2024-12-24", 1, "2024-12-27", "skips Christmas Day and Boxing Day")]
    [InlineData("2025-04-17", 1, "2025-04-22", "skips Good Friday, the weekend and Easter Monday")]
    [InlineData("2022-09-16", 1, "2022-09-20", "skips the State Funeral of Queen Elizabeth II (2022-09-19)")]
    [InlineData("2023-05-05", 1, "2023-05-09", "skips the Coronation bank holiday (2023-05-08)")]
    [InlineData("2022-06-01", 1, "2022-06-06", "skips the Platinum Jubilee holidays (2 and 3 June 2022)")]
    [InlineData("2024-12-21", 0, "2024-12-21", "day 0 is the date itself, even a Saturday")]
    [InlineData("2024-12-21", 1, "2024-12-23", "a weekend start counts from the next working day")]
    [InlineData("2024-02-28", 1, "2024-02-29", "leap day is a working day")]
    [InlineData("2025-01-31", 1, "2025-02-03", "month end on a Friday")]
    public void AddWorkingDays_Traps(string from, int n, string expected, string why)
    {
        Assert.True(Calendar.AddWorkingDays(Dates.D(from), n) == Dates.D(expected), why);
    }

    [Fact]
    public void WorkingDaysBetween_CountsTheEndNotTheStart()
    {
        Assert.Equal(5, Calendar.WorkingDaysBetween(14.March(2025), 21.March(2025)));
        Assert.Equal(0, Calendar.WorkingDaysBetween(22.March(2025), 23.March(2025)));
        Assert.Equal(45, Calendar.WorkingDaysBetween(20.December(2024), 26.February(2025)));
    }

    [Fact]
    public void OutsideCoveredYears_IsAClearError()
    {
        var e = Assert.Throws<CalendarCoverageException>(() => Calendar.AddWorkingDays(20.December(2028), 45));
        Assert.Contains("2012–2028", e.Message);
        Assert.Throws<CalendarCoverageException>(() => Calendar.IsWorkingDay(31.December(2011)));
    }

    [Fact]
    public void ClosureDays_AreNotWorkingDays()
    {
        var withClosure = TestCalendar.Load("england-and-wales", [27.December(2024)]);
        Assert.Equal(30.December(2024), withClosure.AddWorkingDays(24.December(2024), 1));
        Assert.Equal(27.December(2024), Calendar.AddWorkingDays(24.December(2024), 1));
    }

    [Fact]
    public void Regions_DifferOnTheirOwnHolidays()
    {
        var scotland = TestCalendar.Load("scotland");
        Assert.False(scotland.IsWorkingDay(2.January(2025)));
        Assert.True(Calendar.IsWorkingDay(2.January(2025)));
        Assert.True(scotland.IsWorkingDay(21.April(2025)), "Easter Monday is not a Scottish bank holiday");
    }
}

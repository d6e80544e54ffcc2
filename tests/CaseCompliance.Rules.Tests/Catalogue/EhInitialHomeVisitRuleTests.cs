using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;
using static CaseCompliance.Rules.Tests.Support.EarlyHelpCases;

namespace CaseCompliance.Rules.Tests.Catalogue;

/// <summary><c>eh-initial-home-visit</c>: first home visit within 14 (calendar) days of allocation.</summary>
public class EhInitialHomeVisitRuleTests
{
    private static readonly EhInitialHomeVisitRule Rule = new();

    /// <summary>Episode from Mon 3 March 2025, allocated Wed 5 March: home visit due Wed 19 March.</summary>
    private static CaseRecord Allocated(LocalDate? end = null, params Visit[] visits) =>
        WithEpisode(3.March(2025), end, allocated: 5.March(2025)) with { Visits = [.. visits] };

    [Fact]
    public void Met_HomeVisitWithinFourteenDaysOfAllocation()
    {
        var f = Single(Rule, Allocated(null, EhHomeVisit("V1", 19.March(2025))), 31.March(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Equal("eh-initial-home-visit", f.RuleId);
        Assert.Equal(5.March(2025), f.AnchorDate);
        Assert.Equal(19.March(2025), f.DueDate);
        Assert.Equal(["A1", "V1"], f.Evidence.ToArray());
        Assert.Equal("First home visit due by 2025-03-19 (14 days after allocation on 2025-03-05) was made on 2025-03-19, on time.", f.Detail);
    }

    [Fact]
    public void Late_AnOfficeOrPhoneContactIsNotAHomeVisit()
    {
        // A contact on 6 March does not count; the home visit on Mon 24 March is 5 days, 3 working days (20, 21, 24) late.
        var f = Single(Rule, Allocated(null, EhContact("V1", 6.March(2025)), EhHomeVisit("V2", 24.March(2025))), 31.March(2025));
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.Equal(24.March(2025), f.CompletedDate);
        Assert.Equal(5, f.DaysLate);
        Assert.Equal(3, f.WorkingDaysLate);
        Assert.Equal("First home visit due by 2025-03-19 (14 days after allocation on 2025-03-05) was made on 2025-03-24 (5 days late).", f.Detail);
    }

    [Fact]
    public void Overdue_NoHomeVisit()
    {
        // Due Wed 19 March; as at Tue 25 March: 6 days, 4 working days.
        var f = Single(Rule, Allocated(null, EhContact("V1", 6.March(2025))), 25.March(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(6, f.DaysLate);
        Assert.Equal(4, f.WorkingDaysLate);
        Assert.Equal("First home visit due by 2025-03-19 (14 days after allocation on 2025-03-05) has not been made: 6 days overdue at 2025-03-25.", f.Detail);
    }

    [Fact]
    public void DueSoon_DueToday()
    {
        var f = Single(Rule, Allocated(), 19.March(2025));
        Assert.Equal(FindingStatus.DueSoon, f.Status);
        Assert.EndsWith("is due today (2025-03-19) and has not been made yet.", f.Detail);
    }

    [Fact]
    public void Pending_NotYetInsideTheWarningWindow()
    {
        // As at Mon 10 March, five working days reach Mon 17 March, before the 19 March due date.
        Assert.Equal(FindingStatus.Pending, Single(Rule, Allocated(), 10.March(2025)).Status);
    }

    [Fact]
    public void NoAllocation_CountedFromTheEpisodeStart()
    {
        var f = Single(Rule, WithEpisode(3.March(2025)) with { Visits = [EhHomeVisit("V1", 17.March(2025))] }, 31.March(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Equal(3.March(2025), f.AnchorDate);
        Assert.Equal(17.March(2025), f.DueDate);
        Assert.EndsWith("No allocation is recorded, so it is counted from the episode start.", f.Detail);
    }

    [Fact]
    public void NotApplicable_EpisodeEndedBeforeTheDueDate()
    {
        var f = Single(Rule, Allocated(end: 14.March(2025)), 31.March(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("First home visit would have been due by 2025-03-19 (14 days after allocation on 2025-03-05), " +
            "after the episode ended on 2025-03-14.", f.Detail);
    }

    [Fact]
    public void Overdue_EpisodeEndedAfterTheDueDate_CountedToTheEnd()
    {
        // Due Wed 19 March, closed Fri 21 March: 2 days, 2 working days.
        var f = Single(Rule, Allocated(end: 21.March(2025)), 30.April(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(2, f.DaysLate);
        Assert.Equal(2, f.WorkingDaysLate);
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordEarlyHelpContacts()
    {
        var f = Single(Rule, Allocated().Without(Dataset.EarlyHelpContacts), 31.March(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.StartsWith("First home visit cannot be checked", f.Detail);
    }

    [Fact]
    public void HomeVisitNamingNoEpisode_CountsWhenWithinTheEpisode()
    {
        var f = Single(Rule, Allocated(null, EhHomeVisit("V1", 12.March(2025), null)), 31.March(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
    }

    [Theory]
    [InlineData("2024-12-11", "2024-12-25", "2024-12-27", 2, 1, "Christmas: due on Christmas Day, not moved; Boxing Day is not a working day")]
    [InlineData("2025-04-04", "2025-04-18", "2025-04-22", 4, 1, "Easter: due on Good Friday, not moved; Easter Monday is not a working day")]
    [InlineData("2022-05-19", "2022-06-02", "2022-06-06", 4, 1, "Platinum Jubilee: due on 2 June 2022, not moved; 3 June 2022 is not a working day")]
    [InlineData("2022-09-05", "2022-09-19", "2022-09-20", 1, 1, "State Funeral: due on 19 September 2022, not moved")]
    [InlineData("2023-04-24", "2023-05-08", "2023-05-09", 1, 1, "Coronation: due on 8 May 2023, not moved")]
    [InlineData("2024-02-15", "2024-02-29", "2024-03-01", 1, 1, "leap year: 15 Feb 2024 + 14 days = 29 Feb 2024")]
    [InlineData("2025-01-20", "2025-02-03", "2025-02-04", 1, 1, "month end: 20 Jan + 14 days crosses into February")]
    [InlineData("2025-03-02", "2025-03-16", "2025-03-17", 1, 1, "weekend start: a Sunday allocation is day 0; due on a Sunday, not moved")]
    public void DueDate_CalendarDaysNotMovedOffWeekendsOrBankHolidays(string allocated, string due, string visit,
        int daysLate, int workingDaysLate, string because)
    {
        var record = WithEpisode(D(allocated), allocated: D(allocated)) with { Visits = [EhHomeVisit("V1", D(visit))] };
        var f = Single(Rule, record, D(visit).PlusDays(7));
        Assert.True(D(due) == f.DueDate, $"due date {f.DueDate} — {because}");
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.True(daysLate == f.DaysLate, $"days late {f.DaysLate} — {because}");
        Assert.True(workingDaysLate == f.WorkingDaysLate, $"working days late {f.WorkingDaysLate} — {because}");
    }

    [Fact]
    public void Configured_TenWorkingDays_MovesTheDueDateAndSkipsChristmas()
    {
        // Allocated Thu 19 Dec 2024: 20, 23, 24, 27, 30, 31, 2 Jan, 3 Jan, 6 Jan, Tue 7 Jan 2025 (10).
        var rule = new EhInitialHomeVisitRule(new EhInitialHomeVisitOptions { Within = Timescale.WorkingDays(10) });
        var f = Single(rule, WithEpisode(19.December(2024), allocated: 19.December(2024)), 8.January(2025));
        Assert.Equal(7.January(2025), f.DueDate);
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(1, f.DaysLate);
        Assert.Equal(1, f.WorkingDaysLate);
    }
}

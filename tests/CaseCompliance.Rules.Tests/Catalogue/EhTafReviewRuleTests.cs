using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;
using static CaseCompliance.Rules.Tests.Support.EarlyHelpCases;

namespace CaseCompliance.Rules.Tests.Catalogue;

/// <summary>
/// <c>eh-taf-review</c>: a TAF review within 12 weeks (84 days) of the initial TAF meeting, then each within 12 weeks of
/// the previous; one held under 6 weeks (42 days) after the previous is <c>early</c>.
/// </summary>
public class EhTafReviewRuleTests
{
    private static readonly EhTafReviewRule Rule = new();

    private static Meeting Taf(string id, LocalDate date, bool cancelled = false) =>
        Meeting(MeetingType.TeamAroundFamily, id, date, EpisodeId, cancelled);

    private static Meeting Review(string id, LocalDate date, bool cancelled = false) =>
        Meeting(MeetingType.TeamAroundFamilyReview, id, date, EpisodeId, cancelled);

    /// <summary>Episode from 3 Feb 2025; initial TAF Wed 5 March 2025: first review due Wed 28 May 2025 (26 + 30 + 28 days).</summary>
    private static CaseRecord WithTaf(LocalDate? end, params Meeting[] reviews) =>
        WithEpisode(3.February(2025), end) with { Meetings = [Taf("T0", 5.March(2025)), .. reviews] };

    [Fact]
    public void Met_ThenNextDueTwelveWeeksAfterTheReview()
    {
        var findings = Evaluate(Rule, WithTaf(null, Review("R1", 30.April(2025))), 5.May(2025));
        Assert.Equal([FindingStatus.Met, FindingStatus.Pending], findings.Select(f => f.Status));
        Assert.Equal(5.March(2025), findings[0].AnchorDate);
        Assert.Equal(28.May(2025), findings[0].DueDate);
        Assert.Equal(["T0", "R1"], findings[0].Evidence.ToArray());
        Assert.Equal("First TAF review due by 2025-05-28 (12 weeks after the initial TAF meeting on 2025-03-05) was held on 2025-04-30, on time.", findings[0].Detail);
        Assert.Equal(30.April(2025), findings[1].AnchorDate);
        Assert.Equal(23.July(2025), findings[1].DueDate); // 30 April + 31 + 30 + 23 days
        Assert.Equal("TAF review due by 2025-07-23 (12 weeks after the previous TAF review on 2025-04-30) has not been held yet; it is not yet due.", findings[1].Detail);
    }

    [Fact]
    public void Late_AndTheNextDueDateLandsOnTheAugustBankHolidayUnmoved()
    {
        // Due Wed 28 May; held Mon 2 June: 5 days, 3 working days (29, 30 May, 2 June).
        var findings = Evaluate(Rule, WithTaf(null, Review("R1", 2.June(2025))), 3.June(2025));
        var late = findings[0];
        Assert.Equal(FindingStatus.Late, late.Status);
        Assert.Equal(5, late.DaysLate);
        Assert.Equal(3, late.WorkingDaysLate);
        Assert.Equal("First TAF review due by 2025-05-28 (12 weeks after the initial TAF meeting on 2025-03-05) was held on 2025-06-02 (5 days late).", late.Detail);
        // 2 June + 28 + 31 + 25 = Mon 25 August 2025, the Summer bank holiday: a calendar deadline is not moved.
        Assert.Equal(25.August(2025), findings[1].DueDate);
    }

    [Fact]
    public void Early_ReviewUnderSixWeeksAfterThePrevious_StillRestartsTheClock()
    {
        // R1 30 April; R2 28 May is 28 days later, before 30 April + 42 days = 11 June.
        var findings = Evaluate(Rule, WithTaf(null, Review("R1", 30.April(2025)), Review("R2", 28.May(2025))), 2.June(2025));
        Assert.Equal([FindingStatus.Met, FindingStatus.Early, FindingStatus.Pending], findings.Select(f => f.Status));
        var early = findings[1];
        Assert.Equal(23.July(2025), early.DueDate);
        Assert.Null(early.DaysLate);
        Assert.Equal("TAF review was held on 2025-05-28, 28 days after the previous one on 2025-04-30: sooner than the minimum " +
            "interval (not before 2025-06-11).", early.Detail);
        Assert.False(early.Status.IsException());
        Assert.Equal(20.August(2025), findings[2].DueDate); // counted from the early review: 28 May + 84 days
    }

    [Fact]
    public void NotEarly_ExactlySixWeeksAfterThePrevious()
    {
        var findings = Evaluate(Rule, WithTaf(null, Review("R1", 30.April(2025)), Review("R2", 11.June(2025))), 12.June(2025));
        Assert.Equal(FindingStatus.Met, findings[1].Status);
    }

    [Fact]
    public void Overdue_NoReview()
    {
        var f = Single(Rule, WithTaf(null), 2.June(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(28.May(2025), f.DueDate);
        Assert.Equal(5, f.DaysLate);
        Assert.Equal(3, f.WorkingDaysLate);
        Assert.Equal(["T0"], f.Evidence.ToArray());
    }

    [Fact]
    public void DueSoon_WarningWindowSkipsTheSpringBankHoliday()
    {
        // As at Thu 22 May 2025: 23 (1), [26 May bank holiday], 27 (2), 28 (3): 3 working days left.
        var f = Single(Rule, WithTaf(null), 22.May(2025));
        Assert.Equal(FindingStatus.DueSoon, f.Status);
        Assert.EndsWith("has not been held yet: 3 working days left at 2025-05-22.", f.Detail);
    }

    [Fact]
    public void Pending()
    {
        Assert.Equal(FindingStatus.Pending, Single(Rule, WithTaf(null), 1.April(2025)).Status);
    }

    [Fact]
    public void NotApplicable_NoInitialTafMeeting()
    {
        var f = Single(Rule, WithEpisode(3.February(2025)) with { Meetings = [Review("R1", 30.April(2025))] }, 1.June(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("TAF reviews: no initial TAF meeting is recorded for the Early Help episode that started on 2025-02-03.", f.Detail);
    }

    [Fact]
    public void CancelledMeetingsDoNotCount()
    {
        var noInitial = WithEpisode(3.February(2025)) with { Meetings = [Taf("T0", 5.March(2025), cancelled: true)] };
        Assert.Equal(FindingStatus.NotApplicable, Single(Rule, noInitial, 1.June(2025)).Status);

        var cancelledReview = WithTaf(null, Review("R1", 30.April(2025), cancelled: true));
        Assert.Equal(FindingStatus.Overdue, Single(Rule, cancelledReview, 2.June(2025)).Status);
    }

    [Fact]
    public void NotApplicable_EpisodeClosedBeforeTheNextReviewWasDue()
    {
        // Next review due 23 July, but the episode closed on 30 June.
        var findings = Evaluate(Rule, WithTaf(30.June(2025), Review("R1", 30.April(2025))), 31.July(2025));
        Assert.Equal([FindingStatus.Met, FindingStatus.NotApplicable], findings.Select(f => f.Status));
        Assert.Equal("TAF review would have been due by 2025-07-23 (12 weeks after the previous TAF review on 2025-04-30), " +
            "after the episode ended on 2025-06-30.", findings[1].Detail);
    }

    [Fact]
    public void Overdue_EpisodeClosedAfterTheDueDateWithNoReview_CountedToTheEnd()
    {
        // Due Wed 28 May, closed Mon 30 June: 33 days; working days 29, 30 May + 21 in June = 23.
        var f = Single(Rule, WithTaf(30.June(2025)), 31.July(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(33, f.DaysLate);
        Assert.Equal(23, f.WorkingDaysLate);
        Assert.EndsWith("was not held before the episode ended on 2025-06-30 (33 days overdue).", f.Detail);
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordMeetings()
    {
        var f = Single(Rule, WithTaf(null).Without(Dataset.Meetings), 1.June(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("TAF review cannot be checked: this source does not record meetings (cc_meetings).", f.Detail);
    }

    [Theory]
    [InlineData("2024-10-02", "2024-12-25", "2024-12-27", 2, 1, "Christmas: due on Christmas Day, not moved; Boxing Day is not a working day")]
    [InlineData("2025-01-24", "2025-04-18", "2025-04-22", 4, 1, "Easter: due on Good Friday, not moved; Easter Monday is not a working day")]
    [InlineData("2022-03-10", "2022-06-02", "2022-06-06", 4, 1, "Platinum Jubilee: due on 2 June 2022, not moved; 3 June is not a working day")]
    [InlineData("2022-06-27", "2022-09-19", "2022-09-20", 1, 1, "State Funeral: due on 19 September 2022, not moved")]
    [InlineData("2023-02-13", "2023-05-08", "2023-05-09", 1, 1, "Coronation: due on 8 May 2023, not moved")]
    [InlineData("2023-12-07", "2024-02-29", "2024-03-01", 1, 1, "leap year: 7 Dec 2023 + 84 days = 29 Feb 2024")]
    [InlineData("2025-01-31", "2025-04-25", "2025-04-28", 3, 1, "month end: from 31 January, through a 28-day February")]
    [InlineData("2025-03-01", "2025-05-24", "2025-05-27", 3, 1, "weekend start: a Saturday TAF is day 0; due on a Saturday, not moved; 26 May is a bank holiday")]
    public void DueDate_CalendarWeeksNotMovedOffWeekendsOrBankHolidays(string initial, string due, string held,
        int daysLate, int workingDaysLate, string because)
    {
        var record = WithEpisode(D(initial)) with { Meetings = [Taf("T0", D(initial)), Review("R1", D(held))] };
        var f = Evaluate(Rule, record, D(held).PlusDays(1))[0];
        Assert.True(D(due) == f.DueDate, $"due date {f.DueDate} — {because}");
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.True(daysLate == f.DaysLate, $"days late {f.DaysLate} — {because}");
        Assert.True(workingDaysLate == f.WorkingDaysLate, $"working days late {f.WorkingDaysLate} — {because}");
    }

    [Fact]
    public void Configured_EightAndFourWeeks_MoveTheDueDateAndTheEarlyLimit()
    {
        var rule = new EhTafReviewRule(new EhTafReviewOptions { Interval = Timescale.Weeks(8), MinimumInterval = Timescale.Weeks(4) });
        // R2 is 35 days after R1: early under the default 6 weeks, not under 4 weeks.
        var record = WithTaf(null, Review("R1", 30.April(2025)), Review("R2", 4.June(2025)));

        var configured = Evaluate(rule, record, 5.June(2025));
        Assert.Equal(30.April(2025), configured[0].DueDate); // 5 March + 56 days
        Assert.Equal([FindingStatus.Met, FindingStatus.Met, FindingStatus.Pending], configured.Select(f => f.Status));
        Assert.Equal(25.June(2025), configured[1].DueDate); // 30 April + 56 days
        Assert.Equal(30.July(2025), configured[2].DueDate); // 4 June + 56 days
        Assert.Contains("(8 weeks after the previous TAF review on 2025-06-04)", configured[2].Detail);

        var byDefault = Evaluate(Rule, record, 5.June(2025));
        Assert.Equal(FindingStatus.Early, byDefault[1].Status);
    }

    [Fact]
    public void Early_FirstReviewUnderSixWeeksAfterTheInitialTaf()
    {
        // Initial TAF Wed 5 March 2025; a review on 26 March is 3 weeks later: before 16 April (6 weeks) is early.
        var findings = Evaluate(Rule, WithTaf(null, Review("R1", 26.March(2025))), 31.March(2025));
        Assert.Equal(FindingStatus.Early, findings[0].Status);
        Assert.Equal(26.March(2025), findings[1].AnchorDate);
        Assert.Equal(18.June(2025), findings[1].DueDate);
    }
}

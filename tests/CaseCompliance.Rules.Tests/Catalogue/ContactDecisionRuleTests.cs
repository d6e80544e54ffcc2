using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;

namespace CaseCompliance.Rules.Tests.Catalogue;

/// <summary>
/// <c>contact-decision</c>: a decision within 24 hours of receipt — exactly 24 hours where the source records times,
/// 1 working day (day 0 = the day received) where it records dates only.
/// </summary>
public class ContactDecisionRuleTests
{
    private static readonly ContactDecisionRule Rule = new();

    private static CaseRecord DatesOnly(LocalDate received, LocalDate? decided) => Child() with
    {
        Contacts = [new Contact("CT1", "C1", received) { DecisionAt = decided?.AtMidnight() }],
    };

    private static CaseRecord WithTimes(LocalDateTime received, LocalDateTime? decided) => Child() with
    {
        Contacts = [new Contact("CT1", "C1", received.Date) { ReceivedAt = received, DecisionAt = decided, HasTimes = true }],
    };

    [Fact]
    public void Met_DatesOnly_DecidedTheNextWorkingDay()
    {
        var f = Single(Rule, DatesOnly(3.March(2025), 4.March(2025)), 10.March(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Equal("contact-decision", f.RuleId);
        Assert.Equal("CT1", f.EpisodeId);
        Assert.Equal(3.March(2025), f.AnchorDate);
        Assert.Equal(4.March(2025), f.DueDate);
        Assert.Equal(["CT1"], f.Evidence.ToArray());
        Assert.Equal("Decision on the contact due by 2025-03-04 (24 hours (1 working day with dates only) after it was received on 2025-03-03) " +
            "was made on 2025-03-04, on time.", f.Detail);
    }

    [Fact]
    public void Met_DatesOnly_DecidedTheSameDay()
    {
        Assert.Equal(FindingStatus.Met, Single(Rule, DatesOnly(3.March(2025), 3.March(2025)), 10.March(2025)).Status);
    }

    [Fact]
    public void Late_DatesOnly()
    {
        var f = Single(Rule, DatesOnly(3.March(2025), 6.March(2025)), 10.March(2025));
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.Equal(2, f.DaysLate);
        Assert.Equal(2, f.WorkingDaysLate);
        Assert.EndsWith("was made on 2025-03-06 (2 days late).", f.Detail);
    }

    [Fact]
    public void Overdue_DatesOnly()
    {
        var f = Single(Rule, DatesOnly(3.March(2025), null), 7.March(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(3, f.DaysLate);
        Assert.Equal(3, f.WorkingDaysLate);
        Assert.EndsWith("has not been made: 3 days overdue at 2025-03-07.", f.Detail);
    }

    [Fact]
    public void Overdue_ADecisionAfterTheAsOfDateIsNotYetKnown()
    {
        var f = Single(Rule, DatesOnly(3.March(2025), 6.March(2025)), 5.March(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Null(f.CompletedDate);
        Assert.Equal(1, f.DaysLate);
    }

    [Fact]
    public void DueSoon_OnTheDayReceived_AndOnTheDueDay()
    {
        var received = Single(Rule, DatesOnly(3.March(2025), null), 3.March(2025));
        Assert.Equal(FindingStatus.DueSoon, received.Status);
        Assert.EndsWith("has not been made yet: 1 working day left at 2025-03-03.", received.Detail);

        var dueDay = Single(Rule, DatesOnly(3.March(2025), null), 4.March(2025));
        Assert.Equal(FindingStatus.DueSoon, dueDay.Status);
        Assert.EndsWith("is due today (2025-03-04) and has not been made yet.", dueDay.Detail);
    }

    // pending cannot arise with the default 24 hours: the due date is at most one working day after the as-of date.
    // See Configured_TenWorkingDays_CanBePending.

    [Fact]
    public void WithTimes_TwentyFourHoursExactly_NotMovedOffTheWeekend()
    {
        // Received Fri 7 March 17:00: due Sat 8 March 17:00 (24 hours), not Monday.
        var met = Single(Rule, WithTimes(7.March(2025).At(new LocalTime(17, 0)), 8.March(2025).At(new LocalTime(16, 30))), 10.March(2025));
        Assert.Equal(FindingStatus.Met, met.Status);
        Assert.Equal(8.March(2025), met.DueDate);
        Assert.Equal("Decision on the contact due by 2025-03-08 17:00 (24 hours after it was received at 2025-03-07 17:00) was made on 2025-03-08 16:30, on time.", met.Detail);
    }

    [Fact]
    public void WithTimes_LateTheSameDay_ReportsHours()
    {
        // Due Sat 17:00, decided Sat 18:20: 0 days late, 1 h 20 min rounds up to 2 hours.
        var f = Single(Rule, WithTimes(7.March(2025).At(new LocalTime(17, 0)), 8.March(2025).At(new LocalTime(18, 20))), 10.March(2025));
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.Equal(0, f.DaysLate);
        Assert.Equal(0, f.WorkingDaysLate);
        Assert.Equal("Decision on the contact due by 2025-03-08 17:00 (24 hours after it was received at 2025-03-07 17:00) was made on 2025-03-08 18:20 (2 hours late).", f.Detail);
    }

    [Fact]
    public void WithTimes_LateOnALaterDay_ReportsDays()
    {
        // Due Sat 8 March 17:00, decided Mon 10 March 09:00: 2 days, 1 working day (Mon).
        var f = Single(Rule, WithTimes(7.March(2025).At(new LocalTime(17, 0)), 10.March(2025).At(new LocalTime(9, 0))), 11.March(2025));
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.Equal(2, f.DaysLate);
        Assert.Equal(1, f.WorkingDaysLate);
        Assert.EndsWith("was made on 2025-03-10 09:00 (2 days late).", f.Detail);
    }

    [Fact]
    public void WithTimes_TwentyFourHoursOverChristmasDay_NotMoved()
    {
        // Received Tue 24 Dec 2024 10:00: due Wed 25 Dec 10:00; decided Fri 27 Dec: 2 days, 1 working day.
        var f = Single(Rule, WithTimes(24.December(2024).At(new LocalTime(10, 0)), 27.December(2024).At(new LocalTime(9, 0))), 31.December(2024));
        Assert.Equal(25.December(2024), f.DueDate);
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.Equal(2, f.DaysLate);
        Assert.Equal(1, f.WorkingDaysLate);
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordContactDecisions()
    {
        var f = Single(Rule, DatesOnly(3.March(2025), null).Without(Dataset.ContactDecisions), 10.March(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("Decision on a contact cannot be checked: this source does not record contact decisions (cc_contact_decisions).", f.Detail);
    }

    [Fact]
    public void RuleSwitchedOff_NoFindings()
    {
        var rule = new ContactDecisionRule(new ContactDecisionOptions { Enabled = false });
        Assert.Empty(Evaluate(rule, DatesOnly(3.March(2025), null), 10.March(2025)));
    }

    [Theory]
    [InlineData("2024-12-24", "2024-12-27", "2024-12-30", 3, 1, "Christmas: received Christmas Eve; Christmas Day and Boxing Day skipped")]
    [InlineData("2024-12-31", "2025-01-02", "2025-01-03", 1, 1, "New Year's Day skipped")]
    [InlineData("2025-04-17", "2025-04-22", "2025-04-23", 1, 1, "Easter: Good Friday, the weekend and Easter Monday skipped")]
    [InlineData("2022-06-01", "2022-06-06", "2022-06-07", 1, 1, "Platinum Jubilee: 2 and 3 June 2022 skipped")]
    [InlineData("2022-09-16", "2022-09-20", "2022-09-21", 1, 1, "State Funeral: 19 September 2022 skipped")]
    [InlineData("2023-05-05", "2023-05-09", "2023-05-10", 1, 1, "Coronation: 8 May 2023 skipped")]
    [InlineData("2024-02-28", "2024-02-29", "2024-03-01", 1, 1, "leap year: the next working day after 28 Feb 2024 is 29 Feb")]
    [InlineData("2025-01-31", "2025-02-03", "2025-02-04", 1, 1, "month end: Fri 31 January to Mon 3 February")]
    [InlineData("2025-03-01", "2025-03-03", "2025-03-04", 1, 1, "weekend start: received Saturday (day 0), due Monday")]
    [InlineData("2025-03-02", "2025-03-03", "2025-03-04", 1, 1, "weekend start: received Sunday (day 0), due Monday")]
    public void DueDate_DatesOnly_OneWorkingDaySkipsWeekendsAndBankHolidays(string received, string due, string lateDecision,
        int daysLate, int workingDaysLate, string because)
    {
        var onTime = Single(Rule, DatesOnly(D(received), D(due)), D(due).PlusDays(1));
        Assert.True(D(due) == onTime.DueDate, $"due date {onTime.DueDate} — {because}");
        Assert.True(FindingStatus.Met == onTime.Status, $"decided on the due date — {because}");

        var late = Single(Rule, DatesOnly(D(received), D(lateDecision)), D(lateDecision).PlusDays(1));
        Assert.Equal(FindingStatus.Late, late.Status);
        Assert.True(daysLate == late.DaysLate, $"days late {late.DaysLate} — {because}");
        Assert.True(workingDaysLate == late.WorkingDaysLate, $"working days late {late.WorkingDaysLate} — {because}");
    }

    [Fact]
    public void Configured_FortyEightHours_TwoWorkingDaysWithDatesOnly_FortyEightHoursWithTimes()
    {
        var rule = new ContactDecisionRule(new ContactDecisionOptions { Within = Timescale.Hours(48) });
        // Fri 7 March: Mon 10 (1), Tue 11 (2).
        var dates = Single(rule, DatesOnly(7.March(2025), null), 7.March(2025));
        Assert.Equal(11.March(2025), dates.DueDate);
        Assert.Contains("(48 hours (2 working days with dates only) after it was received on 2025-03-07)", dates.Detail);

        var times = Single(rule, WithTimes(7.March(2025).At(new LocalTime(17, 0)), null), 7.March(2025));
        Assert.Equal(9.March(2025), times.DueDate);
    }

    [Fact]
    public void Configured_TenWorkingDays_CanBePending()
    {
        var rule = new ContactDecisionRule(new ContactDecisionOptions { Within = Timescale.WorkingDays(10) });
        var f = Single(rule, DatesOnly(3.March(2025), null), 3.March(2025));
        Assert.Equal(17.March(2025), f.DueDate);
        Assert.Equal(FindingStatus.Pending, f.Status);
        Assert.Equal("Decision on the contact due by 2025-03-17 (10 working days after it was received on 2025-03-03) has not been made yet; it is not yet due.", f.Detail);
    }

    [Fact]
    public void WithTimes_TwentyFourHoursAcrossTheClockChange_AreElapsedHours()
    {
        // Received Sat 29 March 2025 12:00; clocks go forward at 01:00 on Sunday 30 March, so 24 elapsed hours end at
        // 13:00 on the clock. A decision at 12:30 on Sunday is on time.
        var f = Single(Rule, WithTimes(29.March(2025).At(new LocalTime(12, 0)), 30.March(2025).At(new LocalTime(12, 30))), 31.March(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Contains("due by 2025-03-30 13:00", f.Detail);
        // Autumn: received Sat 25 October 2025 12:00, clocks go back on Sunday 26: 24 hours end at 11:00.
        var late = Single(Rule, WithTimes(25.October(2025).At(new LocalTime(12, 0)), 26.October(2025).At(new LocalTime(11, 30))), 27.October(2025));
        Assert.Equal(FindingStatus.Late, late.Status);
        Assert.Contains("due by 2025-10-26 11:00", late.Detail);
    }
}

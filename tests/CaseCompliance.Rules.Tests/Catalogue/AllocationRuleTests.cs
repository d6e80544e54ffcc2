using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;
using static CaseCompliance.Rules.Tests.Support.EarlyHelpCases;

namespace CaseCompliance.Rules.Tests.Catalogue;

/// <summary>
/// <c>allocation</c>: allocated to a named worker within 7 (calendar) days of the request for support / referral.
/// Expected dates are counted by hand from rules.md and the england-and-wales bank holidays.
/// </summary>
public class AllocationRuleTests
{
    private static readonly AllocationRule Rule = new();

    private static CaseRecord Referral(LocalDate date, LocalDate? close = null, LocalDate? allocated = null, bool? nfa = null) => Child() with
    {
        Referrals = [new Referral("R1", "C1", date, close, "N1", nfa, "T1", null)],
        Allocations = allocated is { } a ? [Allocation("A1", a, "R1")] : [],
    };

    [Fact]
    public void Met_EarlyHelpEpisodeAllocatedWithinSevenDays()
    {
        // Mon 3 March + 7 days = Mon 10 March.
        var f = Single(Rule, WithEpisode(3.March(2025), allocated: 7.March(2025)), 20.March(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Equal("allocation", f.RuleId);
        Assert.Equal("EH1", f.EpisodeId);
        Assert.Equal(3.March(2025), f.AnchorDate);
        Assert.Equal(10.March(2025), f.DueDate);
        Assert.Equal(7.March(2025), f.CompletedDate);
        Assert.Null(f.DaysLate);
        Assert.Null(f.WorkingDaysLate);
        Assert.Equal(["EH1", "A1"], f.Evidence.ToArray());
        Assert.Equal("Allocation to a named worker due by 2025-03-10 (7 days after the request for support on 2025-03-03) " +
            "was made on 2025-03-07, on time.", f.Detail);
    }

    [Fact]
    public void Met_OnTheDueDateItself()
    {
        var f = Single(Rule, Referral(3.March(2025), allocated: 10.March(2025)), 20.March(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Equal(10.March(2025), f.DueDate);
    }

    [Fact]
    public void Met_AllocationAlreadyOpenBeforeTheReferral_CountsAsAllocatedOnTheReferralDay()
    {
        var record = Referral(3.March(2025)) with { Allocations = [Allocation("A1", 20.February(2025), "R1")] };
        var f = Single(Rule, record, 20.March(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Equal(3.March(2025), f.CompletedDate);
    }

    [Fact]
    public void Late_ReportsCalendarAndWorkingDaysLate()
    {
        // Due Mon 10 March; allocated Thu 13 March: 3 days and 3 working days (11, 12, 13) late.
        var f = Single(Rule, Referral(3.March(2025), allocated: 13.March(2025)), 20.March(2025));
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.Equal(10.March(2025), f.DueDate);
        Assert.Equal(3, f.DaysLate);
        Assert.Equal(3, f.WorkingDaysLate);
        Assert.Equal("Allocation to a named worker due by 2025-03-10 (7 days after the referral on 2025-03-03) " +
            "was made on 2025-03-13 (3 days late).", f.Detail);
    }

    [Fact]
    public void Overdue_NotAllocated_CountedToTheAsOfDate()
    {
        var f = Single(Rule, Referral(3.March(2025)), 14.March(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(10.March(2025), f.DueDate);
        Assert.Null(f.CompletedDate);
        Assert.Equal(4, f.DaysLate);
        Assert.Equal(4, f.WorkingDaysLate);
        Assert.Equal(["R1"], f.Evidence.ToArray());
        Assert.Equal("Allocation to a named worker due by 2025-03-10 (7 days after the referral on 2025-03-03) " +
            "has not been made: 4 days overdue at 2025-03-14.", f.Detail);
    }

    [Fact]
    public void DueSoon_WithinFiveWorkingDaysOfTheDueDate()
    {
        // As at Wed 5 March, due Mon 10 March: 3 working days left (6, 7, 10).
        var f = Single(Rule, Referral(3.March(2025)), 5.March(2025));
        Assert.Equal(FindingStatus.DueSoon, f.Status);
        Assert.Null(f.DaysLate);
        Assert.EndsWith("has not been made yet: 3 working days left at 2025-03-05.", f.Detail);
    }

    [Fact]
    public void Pending_RequestReceivedOnASunday_NotYetInsideTheWarningWindow()
    {
        // Sun 2 March + 7 days = Sun 9 March; 5 working days from Sun 2 March reach only Fri 7 March.
        var f = Single(Rule, WithEpisode(2.March(2025)), 2.March(2025));
        Assert.Equal(FindingStatus.Pending, f.Status);
        Assert.Equal(9.March(2025), f.DueDate);
    }

    [Fact]
    public void NotApplicable_ReferralClosedWithNoFurtherAction()
    {
        var f = Single(Rule, Referral(3.March(2025), close: 4.March(2025), nfa: true), 20.March(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("Allocation of the referral of 2025-03-03 is not needed: it was closed with no further action.", f.Detail);
    }

    [Fact]
    public void NotApplicable_EpisodeEndedBeforeTheDueDate()
    {
        var f = Single(Rule, WithEpisode(3.March(2025), end: 6.March(2025)), 20.March(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal(10.March(2025), f.DueDate);
        Assert.Null(f.DaysLate);
        Assert.Equal("Allocation to a named worker would have been due by 2025-03-10 (7 days after the request for support " +
            "on 2025-03-03), after the episode ended on 2025-03-06.", f.Detail);
    }

    [Fact]
    public void Overdue_EpisodeEndedAfterTheDueDateUnallocated_CountedToTheEndNotTheAsOfDate()
    {
        // Due Mon 10 March, closed Fri 14 March: 4 days, 4 working days; the as-of date (31 March) does not count.
        var f = Single(Rule, Referral(3.March(2025), close: 14.March(2025)), 31.March(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(4, f.DaysLate);
        Assert.Equal(4, f.WorkingDaysLate);
        Assert.EndsWith("was not made before the episode ended on 2025-03-14 (4 days overdue).", f.Detail);
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordAllocations()
    {
        var f = Single(Rule, Referral(3.March(2025)).Without(Dataset.Allocations), 20.March(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Null(f.EpisodeId);
        Assert.Equal("Allocation cannot be checked: this source does not record allocations (involvements).", f.Detail);
    }

    [Fact]
    public void AllocationWithoutANamedWorker_DoesNotCount()
    {
        var record = Referral(3.March(2025)) with
        {
            Allocations = [new Allocation("A0", "C1", null, "ALLOCATED CASE WORKER", "T1", 4.March(2025), null, "R1")],
        };
        Assert.Equal(FindingStatus.Overdue, Single(Rule, record, 14.March(2025)).Status);
    }

    [Fact]
    public void AllocationNamingNoEpisode_CountsOnlyWhenItStartsWithinTheEpisode()
    {
        var within = WithEpisode(3.March(2025)) with { Allocations = [Allocation("A1", 5.March(2025), null)] };
        Assert.Equal(FindingStatus.Met, Single(Rule, within, 20.March(2025)).Status);

        var afterClosure = WithEpisode(3.March(2025), end: 14.March(2025)) with { Allocations = [Allocation("A1", 17.March(2025), null)] };
        Assert.Equal(FindingStatus.Overdue, Single(Rule, afterClosure, 20.March(2025)).Status);
    }

    [Fact]
    public void EarlyHelpEpisodeAndReferral_OneFindingEach()
    {
        var record = Child() with
        {
            EarlyHelpEpisodes = [Episode(3.March(2025))],
            Referrals = [new Referral("R1", "C1", 10.March(2025), null, "N1", false, "T1", null)],
            Allocations = [Allocation("A1", 4.March(2025), "EH1"), Allocation("A2", 20.March(2025), "R1")],
        };
        var findings = Evaluate(Rule, record, 31.March(2025));
        Assert.Equal(["EH1", "R1"], findings.Select(f => f.EpisodeId));
        Assert.Equal([FindingStatus.Met, FindingStatus.Late], findings.Select(f => f.Status));
        Assert.Equal(17.March(2025), findings[1].DueDate);
        Assert.Equal(3, findings[1].DaysLate);
    }

    /// <summary>
    /// A calendar-day deadline is not moved off a weekend or bank holiday; the working days late skip them.
    /// </summary>
    [Theory]
    [InlineData("2024-12-18", "2024-12-25", "2024-12-27", 2, 1, "Christmas: due on Christmas Day itself, not moved; Boxing Day is not a working day")]
    [InlineData("2025-04-11", "2025-04-18", "2025-04-22", 4, 1, "Easter: due on Good Friday, not moved; Easter Monday is not a working day")]
    [InlineData("2022-05-26", "2022-06-02", "2022-06-06", 4, 1, "Platinum Jubilee: due on the moved Spring bank holiday (2 June 2022); 3 June 2022 is not a working day")]
    [InlineData("2022-09-12", "2022-09-19", "2022-09-20", 1, 1, "State Funeral of Queen Elizabeth II: due on the 19 September 2022 bank holiday, not moved")]
    [InlineData("2023-05-01", "2023-05-08", "2023-05-10", 2, 2, "Coronation: anchored on the Early May bank holiday (day 0), due on the Coronation bank holiday, not moved")]
    [InlineData("2024-02-22", "2024-02-29", "2024-03-01", 1, 1, "leap year: 22 Feb 2024 + 7 days = 29 Feb 2024")]
    [InlineData("2025-01-25", "2025-02-01", "2025-02-03", 2, 1, "month end: 25 Jan + 7 days crosses into February and lands on a Saturday, not moved")]
    [InlineData("2025-03-01", "2025-03-08", "2025-03-10", 2, 1, "weekend start: a Saturday referral is day 0; due the next Saturday, not moved to Monday")]
    public void DueDate_CalendarDaysNotMovedOffWeekendsOrBankHolidays(string referral, string due, string allocated,
        int daysLate, int workingDaysLate, string because)
    {
        var f = Single(Rule, Referral(D(referral), allocated: D(allocated)), D(allocated).PlusDays(7));
        Assert.True(D(due) == f.DueDate, $"due date {f.DueDate} — {because}");
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.True(daysLate == f.DaysLate, $"days late {f.DaysLate} — {because}");
        Assert.True(workingDaysLate == f.WorkingDaysLate, $"working days late {f.WorkingDaysLate} — {because}");

        var onTheDay = Single(Rule, Referral(D(referral), allocated: D(due)), D(due).PlusDays(7));
        Assert.True(FindingStatus.Met == onTheDay.Status, $"allocated on the due date — {because}");
    }

    [Fact]
    public void Configured_TenDays_MovesTheDueDate()
    {
        var rule = new AllocationRule(new AllocationOptions { Within = Timescale.Days(10) });
        var f = Single(rule, Referral(3.March(2025), allocated: 12.March(2025)), 20.March(2025));
        Assert.Equal(13.March(2025), f.DueDate);
        Assert.Equal(FindingStatus.Met, f.Status); // late under the default 7 days
        Assert.Contains("(10 days after the referral on 2025-03-03)", f.Detail);
    }

    [Fact]
    public void Configured_FiveWorkingDays_SkipsChristmasBoxingDayAndNewYear()
    {
        // Mon 23 Dec 2024: 24 (1), 27 (2), 30 (3), 31 (4), Thu 2 Jan 2025 (5).
        var rule = new AllocationRule(new AllocationOptions { Within = Timescale.WorkingDays(5) });
        var f = Single(rule, Referral(23.December(2024)), 24.December(2024));
        Assert.Equal(2.January(2025), f.DueDate);
        Assert.Equal(FindingStatus.DueSoon, f.Status);
        Assert.Contains("(5 working days after the referral on 2024-12-23)", f.Detail);
    }

    [Fact]
    public void Configured_SocialCareOff_ChecksEarlyHelpOnly_AndEarlyHelpOff_ChecksReferralsOnly()
    {
        var record = Child() with
        {
            EarlyHelpEpisodes = [Episode(3.March(2025))],
            Referrals = [new Referral("R1", "C1", 3.March(2025), null, "N1", false, "T1", null)],
        };
        var ehOnly = Evaluate(new AllocationRule(new AllocationOptions { SocialCare = false }), record, 20.March(2025));
        Assert.Equal(["EH1"], ehOnly.Select(f => f.EpisodeId));
        var cscOnly = Evaluate(new AllocationRule(new AllocationOptions { EarlyHelp = false }), record, 20.March(2025));
        Assert.Equal(["R1"], cscOnly.Select(f => f.EpisodeId));
    }

    [Fact]
    public void Configured_NoFurtherActionNotSkipped_IsJudgedLikeAnyReferral()
    {
        var rule = new AllocationRule(new AllocationOptions { SkipNoFurtherAction = false });
        var f = Single(rule, Referral(3.March(2025), nfa: true), 14.March(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(4, f.DaysLate);
    }
}

using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;
using static CaseCompliance.Rules.Tests.Support.SocialCareCases;

namespace CaseCompliance.Rules.Tests.Catalogue;

public class CoreGroupRuleTests
{
    private static readonly CoreGroupRule Rule = new();

    private static CaseRecord WithPlan(LocalDate icpc, LocalDate? end, params LocalDate[] groups) => Child() with
    {
        Referrals = [Referral("R1", icpc.PlusDays(-30))],
        InitialConferences = [Icpc("I1", icpc, planId: "CPP1")],
        Plans = [CpPlan("CPP1", icpc, end, icpcId: "I1")],
        Meetings = [.. groups.Select((d, i) => Meeting(MeetingType.CoreGroup, $"CG{i + 1}", d, "CPP1"))],
    };

    // ICPC Mon 16 Dec 2024 + 10 working days = Thu 2 Jan 2025 (25, 26 Dec and 1 Jan skipped).
    private static readonly LocalDate IcpcDate = 16.December(2024);
    private static readonly LocalDate FirstDue = 2.January(2025);

    [Fact]
    public void Met_FirstOnTheDueDate_NextSixWeeksLater()
    {
        var findings = Evaluate(Rule, WithPlan(IcpcDate, null, FirstDue), 10.January(2025));
        findings[0].Is(FindingStatus.Met, FirstDue);
        findings[1].Is(FindingStatus.Pending, 13.February(2025));
        Assert.Equal("First core group meeting due by 2025-01-02 (10 working days after the initial conference on 2024-12-16) was held on 2025-01-02, on time.", findings[0].Detail);
        Assert.Contains("(6 weeks after the previous core group on 2025-01-02)", findings[1].Detail);
    }

    [Fact]
    public void Met_CoreGroupOnTheDayOfTheConferenceCountsAsTheFirst()
    {
        var findings = Evaluate(Rule, WithPlan(IcpcDate, null, IcpcDate), 10.January(2025));
        findings[0].Is(FindingStatus.Met, FirstDue);
        findings[1].Is(FindingStatus.Pending, 27.January(2025));
    }

    [Fact]
    public void Late_WorkingDaysSkipNewYear()
    {
        // Tue 7 Jan: 5 days, 3 working days (3, 6, 7 Jan) late.
        var f = Evaluate(Rule, WithPlan(IcpcDate, null, 7.January(2025)), 10.January(2025))[0];
        f.Is(FindingStatus.Late, FirstDue, 5, 3);
        Assert.Equal("First core group meeting due by 2025-01-02 (10 working days after the initial conference on 2024-12-16) was held on 2025-01-07 (5 days late).", f.Detail);
    }

    [Fact]
    public void Overdue_CountedToAsOf()
    {
        Single(Rule, WithPlan(IcpcDate, null), 10.January(2025)).Is(FindingStatus.Overdue, FirstDue, 8, 6);
    }

    [Fact]
    public void DueSoon_WithinFiveWorkingDays()
    {
        var f = Single(Rule, WithPlan(IcpcDate, null), 24.December(2024));
        f.Is(FindingStatus.DueSoon, FirstDue);
        Assert.EndsWith("4 working days left at 2024-12-24.", f.Detail);
    }

    [Fact]
    public void Pending_NotYetDue()
    {
        Single(Rule, WithPlan(IcpcDate, null), 17.December(2024)).Is(FindingStatus.Pending, FirstDue);
    }

    [Fact]
    public void NotApplicable_PlanEndedBeforeTheDueDate()
    {
        var f = Single(Rule, WithPlan(IcpcDate, 20.December(2024)), 10.January(2025));
        f.Is(FindingStatus.NotApplicable, FirstDue);
        Assert.EndsWith("after the plan ended on 2024-12-20.", f.Detail);
    }

    [Fact]
    public void Overdue_PlanEndedAfterTheDueDate_CountedToTheEnd()
    {
        Single(Rule, WithPlan(IcpcDate, 8.January(2025)), 1.February(2025)).Is(FindingStatus.Overdue, FirstDue, 6, 4);
    }

    [Fact]
    public void CancelledMeeting_DoesNotCount()
    {
        var record = WithPlan(IcpcDate, null) with { Meetings = [Meeting(MeetingType.CoreGroup, "CG1", FirstDue, "CPP1", cancelled: true)] };
        Single(Rule, record, 10.January(2025)).Is(FindingStatus.Overdue, FirstDue, 8, 6);
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordMeetings()
    {
        var f = Single(Rule, WithPlan(IcpcDate, null).Without(Dataset.Meetings), 10.January(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("Core group cannot be checked: this source does not record meetings (cc_meetings).", f.Detail);
    }

    [Theory]
    [InlineData("2024-12-16", "2025-01-02", "Christmas: 25, 26 Dec and 1 Jan skipped")]
    [InlineData("2025-04-14", "2025-04-30", "Easter: Good Friday 18 and Easter Monday 21 Apr 2025 skipped")]
    [InlineData("2022-05-26", "2022-06-13", "Platinum Jubilee: 2 and 3 June 2022 skipped")]
    [InlineData("2022-09-12", "2022-09-27", "State Funeral: 19 Sept 2022 skipped")]
    [InlineData("2023-04-28", "2023-05-16", "Coronation: 1 and 8 May 2023 skipped")]
    [InlineData("2024-02-15", "2024-02-29", "Leap day: 29 Feb 2024 is the 10th working day")]
    [InlineData("2025-03-01", "2025-03-14", "Saturday conference is day 0: two full weeks to Fri 14 Mar")]
    [InlineData("2025-03-03", "2025-03-17", "Monday conference: one working day later")]
    public void DueDate_FirstTenWorkingDays(string icpc, string due, string because)
    {
        var f = Single(Rule, WithPlan(D(icpc), null), D(icpc));
        Assert.True(D(due) == f.DueDate, $"{because}: expected {due}, got {f.DueDate}");
    }

    [Theory]
    [InlineData("2024-11-14", "2024-12-26", "Boxing Day is not moved")]
    [InlineData("2025-03-07", "2025-04-18", "Good Friday is not moved")]
    [InlineData("2022-04-22", "2022-06-03", "Platinum Jubilee 3 June 2022 is not moved")]
    [InlineData("2022-08-08", "2022-09-19", "State Funeral 19 Sept 2022 is not moved")]
    [InlineData("2023-03-27", "2023-05-08", "Coronation 8 May 2023 is not moved")]
    [InlineData("2024-01-18", "2024-02-29", "42 days lands on the leap day")]
    [InlineData("2025-01-20", "2025-03-03", "crossing the end of February in a common year")]
    [InlineData("2025-03-01", "2025-04-12", "Saturday to Saturday: not moved")]
    public void DueDate_SixCalendarWeeksAfterThePrevious(string group, string due, string because)
    {
        // The conference and the first core group on the same day: the next is due 42 days later.
        var findings = Evaluate(Rule, WithPlan(D(group), null, D(group)), D(group));
        Assert.Equal(FindingStatus.Met, findings[0].Status);
        Assert.True(D(due) == findings[1].DueDate, $"{because}: expected {due}, got {findings[1].DueDate}");
    }

    [Fact]
    public void Config_FirstFifteenWorkingDays_IntervalFourWeeks()
    {
        // 16 Dec + 15 working days = Thu 9 Jan 2025; a core group on 8 Jan then makes the next due 5 Feb.
        var rule = new CoreGroupRule(new CoreGroupOptions { First = Timescale.WorkingDays(15), Interval = Timescale.Weeks(4) });
        var findings = Evaluate(rule, WithPlan(IcpcDate, null, 8.January(2025)), 10.January(2025));
        findings[0].Is(FindingStatus.Met, 9.January(2025));
        findings[1].Is(FindingStatus.Pending, 5.February(2025));
    }
}

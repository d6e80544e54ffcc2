using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;
using static CaseCompliance.Rules.Tests.Support.SocialCareCases;

namespace CaseCompliance.Rules.Tests.Catalogue;

public class CpReviewConferenceRuleTests
{
    private static readonly CpReviewConferenceRule Rule = new();

    private static CaseRecord WithPlan(LocalDate icpc, LocalDate? end, params LocalDate[] reviews) => Child() with
    {
        Referrals = [Referral("R1", icpc.PlusDays(-30))],
        InitialConferences = [Icpc("I1", icpc, planId: "CPP1")],
        Plans = [CpPlan("CPP1", icpc, end, icpcId: "I1")],
        Meetings = [.. reviews.Select((d, i) => Meeting(MeetingType.ChildProtectionReview, $"RC{i + 1}", d, "CPP1"))],
    };

    // ICPC Wed 25 Sept 2024 + 3 months = Wed 25 Dec 2024: Christmas Day, and the date is not moved.
    private static readonly LocalDate IcpcDate = 25.September(2024);
    private static readonly LocalDate FirstDue = 25.December(2024);

    [Fact]
    public void Met_ThenNextDueSixMonthsAfterTheReview()
    {
        var findings = Evaluate(Rule, WithPlan(IcpcDate, null, 20.December(2024)), 1.February(2025));
        Assert.Equal(2, findings.Count);
        findings[0].Is(FindingStatus.Met, FirstDue);
        findings[1].Is(FindingStatus.Pending, 20.June(2025));
        Assert.Equal(20.December(2024), findings[1].AnchorDate);
        Assert.Equal("First CP review conference due by 2024-12-25 (3 months after the initial conference on 2024-09-25) was held on 2024-12-20, on time.", findings[0].Detail);
    }

    [Fact]
    public void DueDate_ChristmasDayIsNotMoved_LateCountsOnlyWorkingDays()
    {
        // Held Mon 30 Dec: 5 days late, but only 27 and 30 Dec are working days after the 25th.
        var findings = Evaluate(Rule, WithPlan(IcpcDate, null, 30.December(2024)), 1.February(2025));
        findings[0].Is(FindingStatus.Late, FirstDue, 5, 2);
        Assert.Equal("First CP review conference due by 2024-12-25 (3 months after the initial conference on 2024-09-25) was held on 2024-12-30 (5 days late).", findings[0].Detail);
        findings[1].Is(FindingStatus.Pending, 30.June(2025));
        Assert.Contains("(6 months after the previous review conference on 2024-12-30)", findings[1].Detail);
    }

    [Fact]
    public void Overdue_CountedToAsOf()
    {
        // 25 Dec → 6 Jan: 12 days; working days 27, 30, 31 Dec, 2, 3, 6 Jan.
        Single(Rule, WithPlan(IcpcDate, null), 6.January(2025)).Is(FindingStatus.Overdue, FirstDue, 12, 6);
    }

    [Fact]
    public void DueSoon_WithinFiveWorkingDays()
    {
        var f = Single(Rule, WithPlan(IcpcDate, null), 19.December(2024));
        f.Is(FindingStatus.DueSoon, FirstDue);
        Assert.EndsWith("3 working days left at 2024-12-19.", f.Detail);
    }

    [Fact]
    public void Pending_NotYetDue()
    {
        Single(Rule, WithPlan(IcpcDate, null), 1.December(2024)).Is(FindingStatus.Pending, FirstDue);
    }

    [Fact]
    public void NotApplicable_PlanEndedBeforeTheDueDate()
    {
        var f = Single(Rule, WithPlan(IcpcDate, 1.December(2024)), 1.January(2025));
        f.Is(FindingStatus.NotApplicable, FirstDue);
        Assert.Equal("First CP review conference would have been due by 2024-12-25 (3 months after the initial conference on 2024-09-25), after the plan ended on 2024-12-01.", f.Detail);
    }

    [Fact]
    public void Overdue_PlanEndedAfterTheDueDate_CountedToTheEnd()
    {
        // Ended Fri 10 Jan 2025: 16 days; working days 27, 30, 31 Dec, 2, 3, 6–10 Jan = 10.
        Single(Rule, WithPlan(IcpcDate, 10.January(2025)), 1.February(2025)).Is(FindingStatus.Overdue, FirstDue, 16, 10);
    }

    [Fact]
    public void CancelledReview_DoesNotCount()
    {
        var record = WithPlan(IcpcDate, null) with
        {
            Meetings = [Meeting(MeetingType.ChildProtectionReview, "RC1", 20.December(2024), "CPP1", cancelled: true)],
        };
        Single(Rule, record, 6.January(2025)).Is(FindingStatus.Overdue, FirstDue, 12, 6);
    }

    [Fact]
    public void NoLinkedConference_PlanStartIsTheAnchor()
    {
        var record = WithPlan(IcpcDate, null) with { InitialConferences = [], Plans = [CpPlan("CPP1", 1.October(2024))] };
        var f = Single(Rule, record, 1.November(2024));
        f.Is(FindingStatus.Pending, 1.January(2025));
        Assert.Contains("(3 months after the plan start on 2024-10-01)", f.Detail);
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordReviews()
    {
        var f = Single(Rule, WithPlan(IcpcDate, null).Without(Dataset.ChildProtectionReviews), 1.February(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Contains("does not record child protection reviews", f.Detail);
    }

    [Theory]
    [InlineData("2024-09-25", "2024-12-25", "Christmas Day is not moved")]
    [InlineData("2025-01-18", "2025-04-18", "Good Friday 2025 is not moved (and the anchor is a Saturday)")]
    [InlineData("2022-03-02", "2022-06-02", "Platinum Jubilee spring bank holiday 2 June 2022 is not moved")]
    [InlineData("2022-03-03", "2022-06-03", "Platinum Jubilee bank holiday 3 June 2022 is not moved")]
    [InlineData("2022-06-19", "2022-09-19", "State Funeral 19 Sept 2022 is not moved (and the anchor is a Sunday)")]
    [InlineData("2023-02-08", "2023-05-08", "Coronation 8 May 2023 is not moved")]
    [InlineData("2024-11-30", "2025-02-28", "30 Nov + 3 months truncates to 28 Feb 2025")]
    [InlineData("2023-11-30", "2024-02-29", "30 Nov + 3 months truncates to 29 Feb in the leap year 2024")]
    [InlineData("2025-03-01", "2025-06-01", "Saturday anchor, Sunday due date: neither is moved")]
    public void DueDate_FirstReviewThreeCalendarMonths(string icpc, string due, string because)
    {
        var f = Single(Rule, WithPlan(D(icpc), null), D(icpc));
        Assert.True(D(due) == f.DueDate, $"{because}: expected {due}, got {f.DueDate}");
    }

    [Theory]
    [InlineData("2023-05-31", "2023-08-31", "2024-02-29", "31 Aug 2023 + 6 months = 29 Feb 2024")]
    [InlineData("2024-05-31", "2024-08-31", "2025-02-28", "31 Aug 2024 + 6 months = 28 Feb 2025")]
    [InlineData("2024-03-18", "2024-06-18", "2024-12-18", "six months from the previous review, not from the ICPC")]
    public void DueDate_LaterReviewsSixCalendarMonthsAfterThePrevious(string icpc, string review, string due, string because)
    {
        var findings = Evaluate(Rule, WithPlan(D(icpc), null, D(review)), D(review));
        findings[0].Is(FindingStatus.Met, D(review));
        Assert.True(D(due) == findings[1].DueDate, $"{because}: expected {due}, got {findings[1].DueDate}");
    }

    [Theory]
    [InlineData("2025-01-31", "2025-02-28", "31 Jan + 1 month = 28 Feb")]
    [InlineData("2024-01-31", "2024-02-29", "31 Jan + 1 month = 29 Feb in a leap year")]
    public void Config_OneMonthFirstReview(string icpc, string due, string because)
    {
        var rule = new CpReviewConferenceRule(new CpReviewConferenceOptions { First = Timescale.Months(1) });
        var f = Single(rule, WithPlan(D(icpc), null), D(icpc));
        Assert.True(D(due) == f.DueDate, because);
        Assert.Contains("(1 month after the initial conference on", f.Detail);
    }

    [Fact]
    public void Config_ThreeMonthInterval()
    {
        var rule = new CpReviewConferenceRule(new CpReviewConferenceOptions { Interval = Timescale.Months(3) });
        var findings = Evaluate(rule, WithPlan(IcpcDate, null, 20.December(2024)), 1.February(2025));
        findings[1].Is(FindingStatus.Pending, 20.March(2025));
    }
}

using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;
using static CaseCompliance.Rules.Tests.Support.SocialCareCases;

namespace CaseCompliance.Rules.Tests.Catalogue;

public class CinReviewRuleTests
{
    private static readonly CinReviewRule Rule = new();

    private static CaseRecord WithReferral(LocalDate referral, LocalDate? planEnd = null, LocalDate? referralClosed = null,
        params LocalDate[] reviews) => Child() with
    {
        Referrals = [Referral("R1", referral, referralClosed)],
        Plans = [CinPlan("CIN1", referral.PlusDays(14), planEnd)],
        Meetings = [.. reviews.Select((d, i) => Meeting(MeetingType.ChildInNeedReview, $"CR{i + 1}", d, "R1"))],
    };

    // Referral Sat 18 Jan 2025 + 3 months = Good Friday 18 Apr 2025: a calendar-month deadline is not moved.
    private static readonly LocalDate ReferralDate = 18.January(2025);
    private static readonly LocalDate FirstDue = 18.April(2025);

    [Fact]
    public void Met_ThenNextDueSixMonthsAfterTheReview()
    {
        var findings = Evaluate(Rule, WithReferral(ReferralDate, reviews: 17.April(2025)), 1.May(2025));
        findings[0].Is(FindingStatus.Met, FirstDue);
        findings[1].Is(FindingStatus.Pending, 17.October(2025));
        Assert.Contains("(6 months after the previous CIN review on 2025-04-17)", findings[1].Detail);
    }

    [Fact]
    public void Late_GoodFridayDueDate_EasterMondayNotAWorkingDay()
    {
        // Held Tue 22 Apr: 4 days late, 1 working day (22 Apr; 21 Apr is Easter Monday).
        var f = Evaluate(Rule, WithReferral(ReferralDate, reviews: 22.April(2025)), 1.May(2025))[0];
        f.Is(FindingStatus.Late, FirstDue, 4, 1);
        Assert.Equal("First CIN review due by 2025-04-18 (3 months after the referral on 2025-01-18) was held on 2025-04-22 (4 days late).", f.Detail);
    }

    [Fact]
    public void Overdue_CountedToAsOf()
    {
        Single(Rule, WithReferral(ReferralDate), 25.April(2025)).Is(FindingStatus.Overdue, FirstDue, 7, 4);
    }

    [Fact]
    public void DueSoon_WithinFiveWorkingDays()
    {
        // 14 Apr + 5 working days = 23 Apr (Easter skipped); left: 15, 16, 17 Apr.
        var f = Single(Rule, WithReferral(ReferralDate), 14.April(2025));
        f.Is(FindingStatus.DueSoon, FirstDue);
        Assert.EndsWith("3 working days left at 2025-04-14.", f.Detail);
    }

    [Fact]
    public void Pending_NotYetDue()
    {
        Single(Rule, WithReferral(ReferralDate), 1.April(2025)).Is(FindingStatus.Pending, FirstDue);
    }

    [Fact]
    public void NotApplicable_PlanEndedBeforeTheDueDate()
    {
        var f = Single(Rule, WithReferral(ReferralDate, planEnd: 31.March(2025)), 1.May(2025));
        f.Is(FindingStatus.NotApplicable, FirstDue);
        Assert.EndsWith("after the child in need plan ended on 2025-03-31.", f.Detail);
    }

    [Fact]
    public void NotApplicable_ReferralClosedWhileThePlanIsRecordedOpen()
    {
        Single(Rule, WithReferral(ReferralDate, referralClosed: 31.March(2025)), 1.May(2025)).Is(FindingStatus.NotApplicable, FirstDue);
    }

    [Fact]
    public void Overdue_PlanEndedAfterTheDueDate_CountedToTheEnd()
    {
        Single(Rule, WithReferral(ReferralDate, planEnd: 25.April(2025)), 20.May(2025)).Is(FindingStatus.Overdue, FirstDue, 7, 4);
    }

    [Fact]
    public void EndIsTheLastPlanEnd()
    {
        var record = WithReferral(ReferralDate, planEnd: 31.March(2025)) with
        {
            Plans = [CinPlan("CIN1", 1.February(2025), 31.March(2025)), CinPlan("CIN2", 1.April(2025), 25.April(2025))],
        };
        Single(Rule, record, 20.May(2025)).Is(FindingStatus.Overdue, FirstDue, 7, 4);
    }

    [Fact]
    public void ReferralWithoutChildInNeedPlan_IsNotChecked()
    {
        var record = WithReferral(ReferralDate) with { Plans = [] };
        Assert.Empty(Evaluate(Rule, record, 1.May(2025)));
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordMeetings()
    {
        var f = Single(Rule, WithReferral(ReferralDate).Without(Dataset.Meetings), 1.May(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("CIN review cannot be checked: this source does not record meetings (cc_meetings).", f.Detail);
    }

    [Theory]
    [InlineData("2024-09-25", "2024-12-25", "Christmas Day is not moved")]
    [InlineData("2025-01-18", "2025-04-18", "Good Friday is not moved (Saturday referral)")]
    [InlineData("2022-03-02", "2022-06-02", "Platinum Jubilee 2 June 2022 is not moved")]
    [InlineData("2022-06-19", "2022-09-19", "State Funeral 19 Sept 2022 is not moved (Sunday referral)")]
    [InlineData("2023-02-08", "2023-05-08", "Coronation 8 May 2023 is not moved")]
    [InlineData("2023-11-30", "2024-02-29", "30 Nov + 3 months = 29 Feb 2024")]
    [InlineData("2024-11-30", "2025-02-28", "30 Nov + 3 months = 28 Feb 2025")]
    [InlineData("2025-03-02", "2025-06-02", "Sunday referral is the anchor itself")]
    public void DueDate_FirstReviewThreeCalendarMonths(string referral, string due, string because)
    {
        // Judged when the plan (14 days after the referral) is known.
        var f = Single(Rule, WithReferral(D(referral)), D(referral).PlusDays(14));
        Assert.True(D(due) == f.DueDate, $"{because}: expected {due}, got {f.DueDate}");
    }

    [Fact]
    public void DueDate_SixMonthsFromThirtyFirstAugust_IsLeapDay()
    {
        var findings = Evaluate(Rule, WithReferral(31.May(2023), reviews: 31.August(2023)), 1.September(2023));
        findings[0].Is(FindingStatus.Met, 31.August(2023));
        findings[1].Is(FindingStatus.Pending, 29.February(2024));
    }

    [Theory]
    [InlineData("2025-01-31", "2025-02-28", "31 Jan + 1 month = 28 Feb")]
    [InlineData("2024-01-31", "2024-02-29", "31 Jan + 1 month = 29 Feb in a leap year")]
    public void Config_OneMonthFirstReview(string referral, string due, string because)
    {
        var rule = new CinReviewRule(new CinReviewOptions { First = Timescale.Months(1) });
        var f = Single(rule, WithReferral(D(referral)), D(referral).PlusDays(14));
        Assert.True(D(due) == f.DueDate, because);
    }

    [Fact]
    public void Config_FourMonthInterval()
    {
        var rule = new CinReviewRule(new CinReviewOptions { Interval = Timescale.Months(4) });
        var findings = Evaluate(rule, WithReferral(ReferralDate, reviews: 17.April(2025)), 1.May(2025));
        findings[1].Is(FindingStatus.Pending, 17.August(2025));
    }
}

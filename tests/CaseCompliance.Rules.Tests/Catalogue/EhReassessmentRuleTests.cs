using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;
using static CaseCompliance.Rules.Tests.Support.EarlyHelpCases;

namespace CaseCompliance.Rules.Tests.Catalogue;

/// <summary><c>eh-reassessment</c>: a review assessment started by 6 months (<c>PlusMonths</c>) after the last one was completed.</summary>
public class EhReassessmentRuleTests
{
    private static readonly EhReassessmentRule Rule = new();

    /// <summary>Episode from 2 Jan 2025; EA1 completed Fri 14 Feb 2025: review assessment due Thu 14 Aug 2025.</summary>
    private static CaseRecord Assessed(LocalDate? end, LocalDate? reviewStarted) => WithEpisode(2.January(2025), end) with
    {
        Assessments = reviewStarted is { } s
            ? [EhAssessment("EA1", 6.January(2025), 14.February(2025)), EhAssessment("EA2", s, null)]
            : [EhAssessment("EA1", 6.January(2025), 14.February(2025))],
    };

    [Fact]
    public void Met_ReviewAssessmentStartedWithinSixMonths()
    {
        var f = Single(Rule, Assessed(null, 1.August(2025)), 20.August(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Equal("eh-reassessment", f.RuleId);
        Assert.Equal(14.February(2025), f.AnchorDate);
        Assert.Equal(14.August(2025), f.DueDate);
        Assert.Equal(1.August(2025), f.CompletedDate);
        Assert.Equal(["EA1", "EA2"], f.Evidence.ToArray());
        Assert.Equal("Review assessment due by 2025-08-14 (6 months after the last assessment was completed on 2025-02-14) " +
            "was started on 2025-08-01, on time.", f.Detail);
    }

    [Fact]
    public void Late()
    {
        // Due Thu 14 Aug; started Mon 18 Aug: 4 days, 2 working days (15, 18).
        var f = Single(Rule, Assessed(null, 18.August(2025)), 20.August(2025));
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.Equal(4, f.DaysLate);
        Assert.Equal(2, f.WorkingDaysLate);
        Assert.EndsWith("was started on 2025-08-18 (4 days late).", f.Detail);
    }

    [Fact]
    public void Overdue_WorkingDaysSkipTheSummerBankHoliday()
    {
        // Due Thu 14 Aug, as at Mon 1 Sep: 18 days; working days 15, 18–22, 26–29 (25 Aug is a bank holiday), 1 Sep = 11.
        var f = Single(Rule, Assessed(null, null), 1.September(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(18, f.DaysLate);
        Assert.Equal(11, f.WorkingDaysLate);
        Assert.Equal(["EA1"], f.Evidence.ToArray());
        Assert.Equal("Review assessment due by 2025-08-14 (6 months after the last assessment was completed on 2025-02-14) " +
            "has not been started: 18 days overdue at 2025-09-01.", f.Detail);
    }

    [Fact]
    public void DueSoon()
    {
        var f = Single(Rule, Assessed(null, null), 11.August(2025));
        Assert.Equal(FindingStatus.DueSoon, f.Status);
        Assert.EndsWith("3 working days left at 2025-08-11.", f.Detail);
    }

    [Fact]
    public void Pending()
    {
        Assert.Equal(FindingStatus.Pending, Single(Rule, Assessed(null, null), 1.July(2025)).Status);
    }

    [Fact]
    public void Pending_ReviewStartedAfterTheAsOfDateIsNotYetKnown()
    {
        var f = Single(Rule, Assessed(null, 1.August(2025)), 1.July(2025));
        Assert.Equal(FindingStatus.Pending, f.Status);
        Assert.Null(f.CompletedDate);
    }

    [Fact]
    public void NotApplicable_EpisodeClosedBeforeTheSixMonths()
    {
        var f = Single(Rule, Assessed(30.June(2025), null), 1.September(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("Review assessment would have been due by 2025-08-14 (6 months after the last assessment was completed on 2025-02-14), " +
            "after the episode ended on 2025-06-30.", f.Detail);
    }

    [Fact]
    public void Overdue_EpisodeClosedAfterTheDueDateWithoutAReview_CountedToTheEnd()
    {
        // Due Thu 14 Aug, closed Fri 29 Aug: 15 days; working days 15, 18–22, 26–29 = 10.
        var f = Single(Rule, Assessed(29.August(2025), null), 30.September(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(15, f.DaysLate);
        Assert.Equal(10, f.WorkingDaysLate);
    }

    [Fact]
    public void NoCompletedAssessment_NothingToCheck()
    {
        var record = WithEpisode(2.January(2025)) with { Assessments = [EhAssessment("EA1", 6.January(2025), null)] };
        Assert.Empty(Evaluate(Rule, record, 1.December(2025)));
    }

    [Fact]
    public void EachCompletedAssessmentStartsTheNextClock()
    {
        var record = WithEpisode(2.January(2025)) with
        {
            Assessments = [EhAssessment("EA1", 6.January(2025), 14.February(2025)), EhAssessment("EA2", 1.August(2025), 10.September(2025))],
        };
        var findings = Evaluate(Rule, record, 1.October(2025));
        Assert.Equal([FindingStatus.Met, FindingStatus.Pending], findings.Select(f => f.Status));
        Assert.Equal(10.September(2025), findings[1].AnchorDate);
        Assert.Equal(10.March(2026), findings[1].DueDate);
        Assert.Equal(["EA2"], findings[1].Evidence.ToArray());
    }

    [Fact]
    public void AssessmentOfAnotherEpisode_DoesNotCount()
    {
        var record = Assessed(null, null) with
        {
            Assessments = [EhAssessment("EA1", 6.January(2025), 14.February(2025)), EhAssessment("EA9", 1.August(2025), null, "EH9")],
        };
        Assert.Equal(FindingStatus.Overdue, Single(Rule, record, 1.September(2025)).Status);
    }

    [Fact]
    public void SourceNotRecordingAssessments_IsLeftToEhAssessment()
    {
        // eh-assessment reports the missing data set; this rule says nothing rather than repeat it.
        Assert.Empty(Evaluate(Rule, Assessed(null, null).Without(Dataset.EarlyHelpAssessments), 1.September(2025)));
    }

    [Theory]
    [InlineData("2024-06-25", "2024-12-25", "2024-12-27", 2, 1, "Christmas: due on Christmas Day, not moved")]
    [InlineData("2024-10-18", "2025-04-18", "2025-04-22", 4, 1, "Easter: due on Good Friday, not moved; Easter Monday is not a working day")]
    [InlineData("2021-12-02", "2022-06-02", "2022-06-06", 4, 1, "Platinum Jubilee: due on 2 June 2022, not moved; 3 June is not a working day")]
    [InlineData("2022-03-18", "2022-09-18", "2022-09-20", 2, 1, "State Funeral: due Sun 18 Sep 2022, not moved; Mon 19 Sep is a bank holiday")]
    [InlineData("2022-11-08", "2023-05-08", "2023-05-09", 1, 1, "Coronation: due on 8 May 2023, not moved")]
    [InlineData("2023-08-31", "2024-02-29", "2024-03-01", 1, 1, "31 Aug + 6 months = 29 Feb in a leap year (PlusMonths clamps to the month end)")]
    [InlineData("2024-08-31", "2025-02-28", "2025-03-03", 3, 1, "31 Aug + 6 months = 28 Feb in a common year")]
    [InlineData("2024-02-29", "2024-08-29", "2024-08-30", 1, 1, "completed on 29 February 2024: due 29 August")]
    [InlineData("2025-03-02", "2025-09-02", "2025-09-03", 1, 1, "weekend anchor: completed on a Sunday, which is day 0")]
    public void DueDate_MonthsCountedWithPlusMonthsAndNotMoved(string completed, string due, string started,
        int daysLate, int workingDaysLate, string because)
    {
        var record = WithEpisode(D(completed).PlusDays(-60)) with
        {
            Assessments = [EhAssessment("EA1", D(completed).PlusDays(-30), D(completed)), EhAssessment("EA2", D(started), null)],
        };
        var f = Single(Rule, record, D(started).PlusDays(1));
        Assert.True(D(due) == f.DueDate, $"due date {f.DueDate} — {because}");
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.True(daysLate == f.DaysLate, $"days late {f.DaysLate} — {because}");
        Assert.True(workingDaysLate == f.WorkingDaysLate, $"working days late {f.WorkingDaysLate} — {because}");
    }

    [Theory]
    [InlineData("2025-01-31", "2025-02-28", "31 Jan + 1 month = 28 Feb")]
    [InlineData("2024-01-31", "2024-02-29", "31 Jan + 1 month = 29 Feb in a leap year")]
    public void Configured_OneMonth_ThirtyFirstOfJanuaryPlusOneMonth(string completed, string due, string because)
    {
        var rule = new EhReassessmentRule(new EhReassessmentOptions { After = Timescale.Months(1) });
        var record = WithEpisode(D(completed).PlusDays(-60)) with { Assessments = [EhAssessment("EA1", D(completed).PlusDays(-30), D(completed))] };
        var f = Single(rule, record, D(completed));
        Assert.True(D(due) == f.DueDate, $"due date {f.DueDate} — {because}");
        Assert.Contains("(1 month after the last assessment was completed on", f.Detail);
    }

    [Fact]
    public void Configured_ThreeMonths_MovesTheDueDate()
    {
        var rule = new EhReassessmentRule(new EhReassessmentOptions { After = Timescale.Months(3) });
        var f = Single(rule, Assessed(null, 1.August(2025)), 20.August(2025));
        Assert.Equal(14.May(2025), f.DueDate);
        Assert.Equal(FindingStatus.Late, f.Status); // on time under the default 6 months
        Assert.Equal(79, f.DaysLate); // 17 (to 31 May) + 30 + 31 + 1
    }
}

using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;
using static CaseCompliance.Rules.Tests.Support.SocialCareCases;

namespace CaseCompliance.Rules.Tests.Catalogue;

public class AssessmentReviewPointRuleTests
{
    private static readonly AssessmentReviewPointRule Rule = new();

    private static CaseRecord WithAssessment(LocalDate? start, LocalDate? completed = null, params LocalDate[] points) => Child() with
    {
        Referrals = [Referral("R1", 1.November(2024))],
        Assessments = [SocialCareAssessment("A1", start, completed)],
        AssessmentReviewPoints = [.. points.Select(p => new AssessmentReviewPoint("A1", p))],
    };

    // Start Mon 2 Dec 2024 + 20 working days = Thu 2 Jan 2025 (25, 26 Dec and 1 Jan skipped).
    private static readonly LocalDate Start = 2.December(2024);
    private static readonly LocalDate Due = 2.January(2025);

    [Fact]
    public void Met_PointOnTheDueDate_AcrossChristmas()
    {
        var f = Single(Rule, WithAssessment(Start, null, Due), 10.January(2025));
        f.Is(FindingStatus.Met, Due);
        Assert.Equal("Assessment review point due by 2025-01-02 (20 working days after the assessment start on 2024-12-02) was held on 2025-01-02, on time.", f.Detail);
    }

    [Fact]
    public void Late_CountsWorkingDaysAfterTheDueDate()
    {
        // Wed 8 Jan: 6 days, 4 working days (3, 6, 7, 8 Jan) late.
        var f = Single(Rule, WithAssessment(Start, null, 8.January(2025)), 10.January(2025));
        f.Is(FindingStatus.Late, Due, 6, 4);
        Assert.Equal("Assessment review point due by 2025-01-02 (20 working days after the assessment start on 2024-12-02) was held on 2025-01-08 (6 days late).", f.Detail);
    }

    [Fact]
    public void Overdue_NoPointAndAssessmentOpen()
    {
        Single(Rule, WithAssessment(Start), 10.January(2025)).Is(FindingStatus.Overdue, Due, 8, 6);
    }

    [Fact]
    public void DueSoon_WithinFiveWorkingDays_ChristmasNotCounted()
    {
        // 24 Dec + 5 working days = 3 Jan; left: 27, 30, 31 Dec, 2 Jan = 4 working days.
        var f = Single(Rule, WithAssessment(Start), 24.December(2024));
        f.Is(FindingStatus.DueSoon, Due);
        Assert.EndsWith("has not been held yet: 4 working days left at 2024-12-24.", f.Detail);
    }

    [Fact]
    public void Pending_OutsideTheWarningWindow()
    {
        // 20 Dec + 5 working days = 31 Dec, before the due date.
        Single(Rule, WithAssessment(Start), 20.December(2024)).Is(FindingStatus.Pending, Due);
    }

    [Fact]
    public void NotApplicable_AssessmentCompletedBeforeThePointFellDue()
    {
        var f = Single(Rule, WithAssessment(Start, 20.December(2024)), 10.January(2025));
        f.Is(FindingStatus.NotApplicable, Due);
        Assert.Contains("after the assessment ended on 2024-12-20", f.Detail);
    }

    [Fact]
    public void Overdue_AssessmentCompletedAfterTheDueDateWithoutAPoint_CountedToCompletion()
    {
        // Completed Wed 8 Jan with no review point; judged 20 Jan: lateness stops at 8 Jan.
        var f = Single(Rule, WithAssessment(Start, 8.January(2025)), 20.January(2025));
        f.Is(FindingStatus.Overdue, Due, 6, 4);
        Assert.Contains("was not held before the assessment ended on 2025-01-08 (6 days overdue)", f.Detail);
    }

    [Fact]
    public void PointBeforeTheStart_DoesNotCount()
    {
        Single(Rule, WithAssessment(Start, null, 29.November(2024)), 10.January(2025)).Is(FindingStatus.Overdue, Due, 8, 6);
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordReviewPoints()
    {
        var f = Single(Rule, WithAssessment(Start).Without(Dataset.AssessmentReviewPoints), 10.January(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("Assessment review point cannot be checked: this source does not record assessment review points (cc_assessment_review_points).", f.Detail);
    }

    [Fact]
    public void MissingData_NoAssessmentStart()
    {
        var f = Single(Rule, WithAssessment(null), 10.January(2025));
        Assert.Equal(FindingStatus.MissingData, f.Status);
        Assert.Equal("the assessment start date", f.MissingField);
    }

    [Theory]
    [InlineData("2024-12-02", "2025-01-02", "Christmas: 25, 26 Dec and 1 Jan skipped")]
    [InlineData("2025-04-07", "2025-05-08", "Easter: 18, 21 Apr and 5 May 2025 skipped")]
    [InlineData("2022-05-16", "2022-06-15", "Platinum Jubilee: 2 and 3 June 2022 skipped")]
    [InlineData("2022-09-05", "2022-10-04", "State Funeral: 19 Sept 2022 skipped")]
    [InlineData("2023-04-24", "2023-05-24", "Coronation: 1 and 8 May 2023 skipped")]
    [InlineData("2024-02-01", "2024-02-29", "Leap day: 29 Feb 2024 is the 20th working day")]
    [InlineData("2025-03-01", "2025-03-28", "Saturday start is day 0: 4 full weeks to Fri 28 Mar")]
    [InlineData("2025-03-03", "2025-03-31", "Monday start: one working day later than the Saturday start")]
    public void DueDate_TwentyWorkingDays(string start, string due, string because)
    {
        var f = Single(Rule, WithAssessment(D(start)), D(start));
        Assert.True(D(due) == f.DueDate, $"{because}: expected {due}, got {f.DueDate}");
    }

    [Fact]
    public void Config_TenWorkingDays()
    {
        // 2 Dec + 10 working days = Mon 16 Dec; the 2 Jan point is then 17 days, 10 working days (17–20, 23, 24, 27, 30, 31 Dec, 2 Jan) late.
        var rule = new AssessmentReviewPointRule(new AssessmentReviewPointOptions { Within = Timescale.WorkingDays(10) });
        Single(rule, WithAssessment(Start, null, Due), 10.January(2025)).Is(FindingStatus.Late, 16.December(2024), 17, 10);
    }

    [Fact]
    public void Config_CalendarDays_DueDateOnChristmasDayIsNotMoved()
    {
        var rule = new AssessmentReviewPointRule(new AssessmentReviewPointOptions { Within = Timescale.Days(23) });
        Single(rule, WithAssessment(Start), 20.December(2024)).Is(FindingStatus.DueSoon, 25.December(2024));
    }
}

using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;

namespace CaseCompliance.Rules.Tests.Catalogue;

public class CareLeaverPathwayReviewRuleTests
{
    private static readonly CareLeaverPathwayReviewRule Rule = new();

    private static CaseRecord Leaver(LocalDate? latestReview, params LocalDate[] reviewMeetings) => Child() with
    {
        CareLeaver = new CareLeaver("C1", null, latestReview, "W1"),
        Meetings = [.. reviewMeetings.Select((d, i) => Meeting(MeetingType.PathwayPlanReview, $"PR{i + 1}", d))],
    };

    // Reviewed Wed 15 Jan 2025: the next is due Tue 15 Jul 2025.
    private static readonly LocalDate First = 15.January(2025);
    private static readonly LocalDate Due = 15.July(2025);

    [Fact]
    public void Met_ThenNextSixMonthsAfterIt()
    {
        var findings = Evaluate(Rule, Leaver(null, First, 10.July(2025)), 1.August(2025));
        findings[0].Is(FindingStatus.Met, Due);
        findings[1].Is(FindingStatus.Pending, 10.January(2026));
        Assert.Equal("Pathway plan review due by 2025-07-15 (6 months after the pathway plan review on 2025-01-15) was held on 2025-07-10, on time.", findings[0].Detail);
        Assert.Equal(["PR1", "PR2"], findings[0].Evidence.ToArray());
    }

    [Fact]
    public void Late_SentenceAndWorkingDays()
    {
        var f = Evaluate(Rule, Leaver(null, First, 18.July(2025)), 1.August(2025))[0];
        f.Is(FindingStatus.Late, Due, 3, 3);
        Assert.Equal("Pathway plan review due by 2025-07-15 (6 months after the pathway plan review on 2025-01-15) was held on 2025-07-18 (3 days late).", f.Detail);
    }

    [Fact]
    public void Overdue_CountedToAsOf()
    {
        Single(Rule, Leaver(null, First), 22.July(2025)).Is(FindingStatus.Overdue, Due, 7, 5);
    }

    [Fact]
    public void DueSoon_WithinFiveWorkingDays()
    {
        var f = Single(Rule, Leaver(null, First), 10.July(2025));
        f.Is(FindingStatus.DueSoon, Due);
        Assert.EndsWith("3 working days left at 2025-07-10.", f.Detail);
    }

    [Fact]
    public void Pending_NotYetDue()
    {
        Single(Rule, Leaver(null, First), 1.July(2025)).Is(FindingStatus.Pending, Due);
    }

    [Fact]
    public void MissingData_NoReviewRecorded()
    {
        var f = Single(Rule, Leaver(null), 1.July(2025));
        Assert.Equal(FindingStatus.MissingData, f.Status);
        Assert.Equal("the pathway plan (review) date", f.MissingField);
        Assert.Equal("Pathway plan review cannot be checked: the pathway plan (review) date is not recorded.", f.Detail);
    }

    [Fact]
    public void MissingData_OnlyReviewIsAfterTheAsOfDate()
    {
        Assert.Equal(FindingStatus.MissingData, Single(Rule, Leaver(null, First), 14.January(2025)).Status);
    }

    [Fact]
    public void NotACareLeaver_NoFindings()
    {
        Assert.Empty(Evaluate(Rule, Child() with { Meetings = [Meeting(MeetingType.PathwayPlanReview, "PR1", First)] }, 1.July(2025)));
    }

    [Fact]
    public void CareLeaverRecordDate_IsAReview()
    {
        // The care leaver record's latest review date counts like a meeting; the same date twice is one review.
        Single(Rule, Leaver(First), 1.July(2025)).Is(FindingStatus.Pending, Due);
        Single(Rule, Leaver(First, First), 1.July(2025)).Is(FindingStatus.Pending, Due);
        var findings = Evaluate(Rule, Leaver(10.July(2025), First), 1.August(2025));
        findings[0].Is(FindingStatus.Met, Due);
        findings[1].Is(FindingStatus.Pending, 10.January(2026));
    }

    [Fact]
    public void CancelledMeeting_DoesNotCount()
    {
        var record = Leaver(null, First) with
        {
            Meetings = [Meeting(MeetingType.PathwayPlanReview, "PR1", First), Meeting(MeetingType.PathwayPlanReview, "PR2", 10.July(2025), cancelled: true)],
        };
        Single(Rule, record, 22.July(2025)).Is(FindingStatus.Overdue, Due, 7, 5);
    }

    [Theory]
    [InlineData("2024-06-25", "2024-12-25", "Christmas Day is not moved")]
    [InlineData("2024-10-18", "2025-04-18", "Good Friday is not moved")]
    [InlineData("2021-12-02", "2022-06-02", "Platinum Jubilee 2 June 2022 is not moved")]
    [InlineData("2021-12-03", "2022-06-03", "Platinum Jubilee 3 June 2022 is not moved")]
    [InlineData("2022-03-19", "2022-09-19", "State Funeral 19 Sept 2022 is not moved (Saturday review)")]
    [InlineData("2022-11-08", "2023-05-08", "Coronation 8 May 2023 is not moved")]
    [InlineData("2023-08-31", "2024-02-29", "31 Aug 2023 + 6 months = 29 Feb 2024")]
    [InlineData("2024-08-31", "2025-02-28", "31 Aug 2024 + 6 months = 28 Feb 2025")]
    [InlineData("2024-02-29", "2024-08-29", "a leap-day review: 29 Aug 2024")]
    [InlineData("2025-01-19", "2025-07-19", "Sunday review, Saturday due date: neither moved")]
    public void DueDate_SixCalendarMonths(string review, string due, string because)
    {
        var f = Single(Rule, Leaver(null, D(review)), D(review));
        Assert.True(D(due) == f.DueDate, $"{because}: expected {due}, got {f.DueDate}");
    }

    [Theory]
    [InlineData("2025-01-31", "2025-02-28", "31 Jan + 1 month = 28 Feb")]
    [InlineData("2024-01-31", "2024-02-29", "31 Jan + 1 month = 29 Feb in a leap year")]
    public void Config_MonthlyReviews(string review, string due, string because)
    {
        var rule = new CareLeaverPathwayReviewRule(new CareLeaverPathwayReviewOptions { Interval = Timescale.Months(1) });
        var f = Single(rule, Leaver(null, D(review)), D(review));
        Assert.True(D(due) == f.DueDate, because);
        Assert.Contains("(1 month after the pathway plan review on", f.Detail);
    }
}

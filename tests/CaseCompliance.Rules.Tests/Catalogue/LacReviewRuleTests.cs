using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;
using static CaseCompliance.Rules.Tests.Support.SocialCareCases;

namespace CaseCompliance.Rules.Tests.Catalogue;

public class LacReviewRuleTests
{
    private static readonly LacReviewRule Rule = new();

    private static CaseRecord InCare(LocalDate start, LocalDate? end, params LocalDate[] reviews) => Child() with
    {
        Referrals = [Referral("R1", start.PlusDays(-10))],
        PeriodsOfCare = [CarePeriod("POC1", start, end)],
        Meetings = [.. reviews.Select((d, i) => Meeting(MeetingType.LookedAfterReview, $"LR{i + 1}", d, "POC1"))],
    };

    // Looked after from Mon 9 Dec 2024 + 20 working days = Thu 9 Jan 2025 (25, 26 Dec and 1 Jan skipped).
    private static readonly LocalDate Start = 9.December(2024);
    private static readonly LocalDate FirstDue = 9.January(2025);

    [Fact]
    public void Met_FirstThenSecondWithinThreeMonthsThenSixMonthly()
    {
        var findings = Evaluate(Rule, InCare(Start, null, FirstDue, 9.April(2025)), 1.May(2025));
        Assert.Equal(3, findings.Count);
        findings[0].Is(FindingStatus.Met, FirstDue);
        findings[1].Is(FindingStatus.Met, 9.April(2025));
        findings[2].Is(FindingStatus.Pending, 9.October(2025));
        Assert.Equal("First LAC review due by 2025-01-09 (20 working days after becoming looked after on 2024-12-09) was held on 2025-01-09, on time.", findings[0].Detail);
        Assert.Contains("(3 months after the first review on 2025-01-09)", findings[1].Detail);
        Assert.Contains("(6 months after the previous review on 2025-04-09)", findings[2].Detail);
    }

    [Fact]
    public void Late_FirstReview_SecondCountedFromWhenItWasHeld()
    {
        // Tue 14 Jan: 5 days, 3 working days (10, 13, 14 Jan) late; the second is then due 14 Apr.
        var findings = Evaluate(Rule, InCare(Start, null, 14.January(2025)), 1.February(2025));
        findings[0].Is(FindingStatus.Late, FirstDue, 5, 3);
        Assert.Equal("First LAC review due by 2025-01-09 (20 working days after becoming looked after on 2024-12-09) was held on 2025-01-14 (5 days late).", findings[0].Detail);
        findings[1].Is(FindingStatus.Pending, 14.April(2025));
    }

    [Fact]
    public void Overdue_CountedToAsOf()
    {
        Single(Rule, InCare(Start, null), 15.January(2025)).Is(FindingStatus.Overdue, FirstDue, 6, 4);
    }

    [Fact]
    public void DueSoon_WithinFiveWorkingDays()
    {
        var f = Single(Rule, InCare(Start, null), 3.January(2025));
        f.Is(FindingStatus.DueSoon, FirstDue);
        Assert.EndsWith("4 working days left at 2025-01-03.", f.Detail);
    }

    [Fact]
    public void Pending_NotYetDue()
    {
        Single(Rule, InCare(Start, null), 20.December(2024)).Is(FindingStatus.Pending, FirstDue);
    }

    [Fact]
    public void NotApplicable_CareEndedBeforeTheDueDate()
    {
        var f = Single(Rule, InCare(Start, 20.December(2024)), 1.February(2025));
        f.Is(FindingStatus.NotApplicable, FirstDue);
        Assert.EndsWith("after the period of care ended on 2024-12-20.", f.Detail);
    }

    [Fact]
    public void Overdue_CareEndedAfterTheDueDate_CountedToTheEnd()
    {
        Single(Rule, InCare(Start, 15.January(2025)), 1.February(2025)).Is(FindingStatus.Overdue, FirstDue, 6, 4);
    }

    [Fact]
    public void CancelledReview_DoesNotCount()
    {
        var record = InCare(Start, null) with { Meetings = [Meeting(MeetingType.LookedAfterReview, "LR1", FirstDue, "POC1", cancelled: true)] };
        Single(Rule, record, 15.January(2025)).Is(FindingStatus.Overdue, FirstDue, 6, 4);
    }

    [Fact]
    public void NewPeriodOfCare_RestartsTheClock()
    {
        var record = InCare(Start, 20.December(2024)) with
        {
            PeriodsOfCare = [CarePeriod("POC1", Start, 20.December(2024)), CarePeriod("POC2", 3.March(2025))],
        };
        var findings = Evaluate(Rule, record, 4.March(2025));
        findings[0].Is(FindingStatus.NotApplicable, FirstDue);
        // 3 Mar + 20 working days = Mon 31 Mar.
        findings[1].Is(FindingStatus.Pending, 31.March(2025));
        Assert.Equal("POC2", findings[1].EpisodeId);
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordReviews()
    {
        var f = Single(Rule, InCare(Start, null).Without(Dataset.LookedAfterReviews), 1.February(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Contains("does not record looked-after reviews", f.Detail);
    }

    [Theory]
    [InlineData("2024-12-09", "2025-01-09", "Christmas: 25, 26 Dec and 1 Jan skipped")]
    [InlineData("2025-04-07", "2025-05-08", "Easter: 18, 21 Apr and 5 May 2025 skipped")]
    [InlineData("2022-05-16", "2022-06-15", "Platinum Jubilee: 2 and 3 June 2022 skipped")]
    [InlineData("2022-09-05", "2022-10-04", "State Funeral: 19 Sept 2022 skipped")]
    [InlineData("2023-04-24", "2023-05-24", "Coronation: 1 and 8 May 2023 skipped")]
    [InlineData("2024-02-01", "2024-02-29", "Leap day: 29 Feb 2024 is the 20th working day")]
    [InlineData("2025-03-01", "2025-03-28", "Saturday start is day 0: four full weeks to Fri 28 Mar")]
    public void DueDate_FirstReviewTwentyWorkingDays(string start, string due, string because)
    {
        var f = Single(Rule, InCare(D(start), null), D(start));
        Assert.True(D(due) == f.DueDate, $"{because}: expected {due}, got {f.DueDate}");
    }

    [Theory]
    [InlineData("2024-09-25", "2024-12-25", "Christmas Day is not moved")]
    [InlineData("2025-01-18", "2025-04-18", "Good Friday is not moved (first review on a Saturday)")]
    [InlineData("2022-03-03", "2022-06-03", "Platinum Jubilee 3 June 2022 is not moved")]
    [InlineData("2022-06-19", "2022-09-19", "State Funeral 19 Sept 2022 is not moved")]
    [InlineData("2023-02-08", "2023-05-08", "Coronation 8 May 2023 is not moved")]
    [InlineData("2023-11-30", "2024-02-29", "30 Nov + 3 months = 29 Feb 2024")]
    [InlineData("2024-11-30", "2025-02-28", "30 Nov + 3 months = 28 Feb 2025")]
    public void DueDate_SecondReviewThreeCalendarMonthsAfterTheFirst(string first, string due, string because)
    {
        var findings = Evaluate(Rule, InCare(D(first).PlusDays(-10), null, D(first)), D(first));
        Assert.Equal(FindingStatus.Met, findings[0].Status);
        Assert.True(D(due) == findings[1].DueDate, $"{because}: expected {due}, got {findings[1].DueDate}");
    }

    [Theory]
    [InlineData("2023-08-31", "2024-02-29", "31 Aug 2023 + 6 months = 29 Feb 2024")]
    [InlineData("2024-08-31", "2025-02-28", "31 Aug 2024 + 6 months = 28 Feb 2025")]
    [InlineData("2021-12-02", "2022-06-02", "Platinum Jubilee 2 June 2022 is not moved")]
    [InlineData("2022-11-08", "2023-05-08", "Coronation 8 May 2023 is not moved")]
    public void DueDate_LaterReviewsSixCalendarMonths(string second, string due, string because)
    {
        var s = D(second);
        var findings = Evaluate(Rule, InCare(s.PlusMonths(-3).PlusDays(-10), null, s.PlusMonths(-3), s), s);
        Assert.Equal(3, findings.Count);
        Assert.True(D(due) == findings[2].DueDate, $"{because}: expected {due}, got {findings[2].DueDate}");
    }

    [Fact]
    public void Config_FirstFifteenWorkingDays()
    {
        // 9 Dec + 15 working days = Thu 2 Jan 2025; the 9 Jan review is then 7 days, 5 working days late.
        var rule = new LacReviewRule(new LacReviewOptions { First = Timescale.WorkingDays(15) });
        Evaluate(rule, InCare(Start, null, FirstDue), 1.February(2025))[0].Is(FindingStatus.Late, 2.January(2025), 7, 5);
    }

    [Theory]
    [InlineData("2025-01-31", "2025-02-28", "31 Jan + 1 month = 28 Feb")]
    [InlineData("2024-01-31", "2024-02-29", "31 Jan + 1 month = 29 Feb in a leap year")]
    public void Config_SecondReviewOneMonth(string first, string due, string because)
    {
        var rule = new LacReviewRule(new LacReviewOptions { Second = Timescale.Months(1) });
        var findings = Evaluate(rule, InCare(D(first).PlusDays(-10), null, D(first)), D(first));
        Assert.True(D(due) == findings[1].DueDate, because);
        Assert.Contains("(1 month after the first review on", findings[1].Detail);
    }

    /// <summary>A period that began before the source records its reviews (a yearly SSDA903 return).</summary>
    private static CaseRecord RecordedFrom(LocalDate start, LocalDate reviewsFrom, LocalDate? end, params LocalDate[] reviews)
    {
        var record = InCare(start, end, reviews);
        return record with { PeriodsOfCare = [record.PeriodsOfCare[0] with { ReviewsRecordedFrom = reviewsFrom }] };
    }

    [Fact]
    public void ReviewsRecordedFrom_TheFirstReviewInTheSourceIsDueSixMonthsAfterIt_NotCountedFromTheStart()
    {
        // The adversarial repro: care from 1 Feb 2024, the return's reviews from 1 Apr 2024. Counted from the start,
        // the review of 28 May 2024 was "late" (the first due 29 Feb); the review before it is not in the return.
        var findings = Evaluate(Rule, RecordedFrom(1.February(2024), 1.April(2024), null, 28.May(2024), 20.November(2024)), 31.March(2025));
        Assert.Equal(3, findings.Count);
        findings[0].Is(FindingStatus.Met, 1.October(2024));
        Assert.Equal("LAC review due by 2024-10-01 (6 months after the date the source records reviews from (the review before is not in it) on 2024-04-01) was held on 2024-05-28, on time.", findings[0].Detail);
        findings[1].Is(FindingStatus.Met, 28.November(2024));
        findings[2].Is(FindingStatus.Pending, 20.May(2025));
        Assert.Contains("(6 months after the previous review on 2024-11-20)", findings[2].Detail);
    }

    [Fact]
    public void ReviewsRecordedFrom_NoReviewInTheYear_IsOverdueSixMonthsAfterIt()
    {
        var f = Single(Rule, RecordedFrom(10.May(2019), 1.April(2024), null), 31.March(2025));
        f.Is(FindingStatus.Overdue, 1.October(2024), 181, 126);
        Assert.Equal(1.April(2024), f.AnchorDate);
    }

    [Fact]
    public void ReviewsRecordedFrom_AFirstReviewAfterSixMonths_IsLate()
    {
        // The review before it was held before 1 Apr, so 6 months after 1 Apr is the latest it can have been due.
        var findings = Evaluate(Rule, RecordedFrom(10.May(2019), 1.April(2024), null, 15.October(2024)), 31.March(2025));
        findings[0].Is(FindingStatus.Late, 1.October(2024), 14, 10);
        findings[1].Is(FindingStatus.Pending, 15.April(2025));
    }

    [Fact]
    public void ReviewsRecordedFrom_LeapDayStart_ReviewsBeforeItAreNotJudged()
    {
        // Looked after from 29 Feb 2024: the first review was due 27 Mar, before the return's reviews begin; the one
        // of 20 Mar is in the source but before 1 Apr, so neither it nor the first review's due date is judged.
        var findings = Evaluate(Rule, RecordedFrom(29.February(2024), 1.April(2024), null, 20.March(2024), 25.April(2024)), 1.May(2024));
        Assert.Equal(2, findings.Count);
        findings[0].Is(FindingStatus.Met, 1.October(2024));
        Assert.Equal(25.April(2024), findings[0].CompletedDate);

        // Not the child's known first review: the next is due 6 months after it (25 Oct), not 3 months (25 Jul).
        findings[1].Is(FindingStatus.Pending, 25.October(2024));
        Single(Rule, RecordedFrom(29.February(2024), 1.April(2024), null), 2.October(2024)).Is(FindingStatus.Overdue, 1.October(2024), 1, 1);
    }

    [Fact]
    public void ReviewsRecordedFrom_AtAMonthEnd_SixMonthsLaterIsTheLastDayOfTheShorterMonth()
    {
        // 31 Aug + 6 months = 28 Feb 2025; from 31 Aug 2023 it is 29 Feb 2024 (a leap year).
        Evaluate(Rule, RecordedFrom(1.January(2020), 31.August(2024), null, 28.February(2025)), 1.March(2025))[0].Is(FindingStatus.Met, 28.February(2025));
        Evaluate(Rule, RecordedFrom(1.January(2020), 31.August(2024), null, 1.March(2025)), 1.March(2025))[0].Is(FindingStatus.Late, 28.February(2025), 1, 0);
        Single(Rule, RecordedFrom(1.January(2020), 31.August(2023), null), 1.March(2024)).Is(FindingStatus.Overdue, 29.February(2024), 1, 1);
    }

    [Fact]
    public void ReviewsRecordedFrom_EqualToTheStart_CareWhoseStartIsNotInTheSource_IsJudgedFromThen()
    {
        // Care whose first episode in the return (1 Jun 2024) does not start it: no "first review within 20 working
        // days" of a start that is not known; the period ends on 1 Sep without a review due by then.
        var f = Single(Rule, RecordedFrom(1.June(2024), 1.June(2024), 1.September(2024)), 1.October(2024));
        f.Is(FindingStatus.NotApplicable, 1.December(2024));
    }

    [Fact]
    public void WithoutReviewsRecordedFrom_OrWithItBeforeTheStart_TheWholePeriodIsJudged()
    {
        Single(Rule, RecordedFrom(Start, Start.PlusDays(-30), null), 15.January(2025)).Is(FindingStatus.Overdue, FirstDue, 6, 4);
    }
}

using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;

namespace CaseCompliance.Rules.Tests.Catalogue;

public class PrivateFosteringVisitsRuleTests
{
    private static readonly PrivateFosteringVisitsRule Rule = new();

    private static Visit PfVisit(string id, LocalDate date, bool seen = true) => Visit(VisitKind.PrivateFostering, id, date, "PF1", seen);

    private static CaseRecord Arrangement(LocalDate? notification, LocalDate? start, LocalDate? end = null, params Visit[] visits) => Child() with
    {
        PrivateFostering = [new PrivateFostering("PF1", "C1", notification, start, end)],
        Visits = [.. visits],
    };

    // Notified Fri 20 Dec 2024 (placement began 16 Dec): + 7 working days = Fri 3 Jan 2025 (25, 26 Dec and 1 Jan skipped).
    private static readonly LocalDate Notified = 20.December(2024);
    private static readonly LocalDate Placed = 16.December(2024);
    private static readonly LocalDate FirstDue = 3.January(2025);

    [Fact]
    public void Met_ThenSixWeeksInTheFirstYear()
    {
        var findings = Evaluate(Rule, Arrangement(Notified, Placed, null, PfVisit("V1", FirstDue)), 4.January(2025));
        findings[0].Is(FindingStatus.Met, FirstDue);
        findings[1].Is(FindingStatus.Pending, 14.February(2025));
        Assert.Equal("First private fostering visit due by 2025-01-03 (7 working days after notification on 2024-12-20) was made on 2025-01-03, on time.", findings[0].Detail);
    }

    [Fact]
    public void Late_SentenceAndWorkingDays()
    {
        // Tue 7 Jan: 4 days, 2 working days (6, 7 Jan) late.
        var f = Evaluate(Rule, Arrangement(Notified, Placed, null, PfVisit("V1", 7.January(2025))), 8.January(2025))[0];
        f.Is(FindingStatus.Late, FirstDue, 4, 2);
        Assert.Equal("First private fostering visit due by 2025-01-03 (7 working days after notification on 2024-12-20) was made on 2025-01-07 (4 days late).", f.Detail);
    }

    [Fact]
    public void Overdue_CountedToAsOf()
    {
        Single(Rule, Arrangement(Notified, Placed), 8.January(2025)).Is(FindingStatus.Overdue, FirstDue, 5, 3);
    }

    [Fact]
    public void DueSoon_WithinFiveWorkingDays()
    {
        var f = Single(Rule, Arrangement(Notified, Placed), 27.December(2024));
        f.Is(FindingStatus.DueSoon, FirstDue);
        Assert.EndsWith("4 working days left at 2024-12-27.", f.Detail);
    }

    [Fact]
    public void Pending_NotYetDue()
    {
        // 20 Dec + 5 working days = 31 Dec, before 3 Jan.
        Single(Rule, Arrangement(Notified, Placed), 20.December(2024)).Is(FindingStatus.Pending, FirstDue);
    }

    [Fact]
    public void NotApplicable_ArrangementEndedBeforeTheDueDate()
    {
        var f = Single(Rule, Arrangement(Notified, Placed, 31.December(2024)), 20.January(2025));
        f.Is(FindingStatus.NotApplicable, FirstDue);
        Assert.EndsWith("after the arrangement ended on 2024-12-31.", f.Detail);
    }

    [Fact]
    public void Overdue_ArrangementEndedAfterTheDueDate_CountedToTheEnd()
    {
        Single(Rule, Arrangement(Notified, Placed, 8.January(2025)), 20.January(2025)).Is(FindingStatus.Overdue, FirstDue, 5, 3);
    }

    [Fact]
    public void MissingData_NoNotificationAndNoStart()
    {
        var f = Single(Rule, Arrangement(null, null), 20.January(2025));
        Assert.Equal(FindingStatus.MissingData, f.Status);
        Assert.Equal("a notification or start date", f.MissingField);
        Assert.StartsWith("Private fostering visits cannot be checked: a notification or start date", f.Detail);
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordPrivateFosteringVisits()
    {
        // Without visits in the source every arrangement would look overdue: the contract says not-applicable.
        var f = Single(Rule, Arrangement(Notified, Placed).Without(Dataset.OtherVisits), 8.January(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("Private fostering visit cannot be checked: this source does not record private fostering visits (cc_visits).", f.Detail);
    }

    [Fact]
    public void Anchor_PlacementAfterNotification_CountsFromThePlacement()
    {
        // Notified Mon 3 Mar 2025, placed Mon 10 Mar: 7 working days from 10 Mar = Wed 19 Mar.
        var f = Single(Rule, Arrangement(3.March(2025), 10.March(2025)), 10.March(2025));
        f.Is(FindingStatus.Pending, 19.March(2025));
        Assert.Equal(10.March(2025), f.AnchorDate);
        Assert.Contains("(7 working days after the arrangement start on 2025-03-10)", f.Detail);
    }

    [Fact]
    public void Anchor_NotificationOnly()
    {
        Single(Rule, Arrangement(Notified, null), Notified).Is(FindingStatus.Pending, FirstDue);
    }

    [Fact]
    public void VisitBeforeNotification_DoesNotCount()
    {
        Single(Rule, Arrangement(Notified, Placed, null, PfVisit("V1", 18.December(2024))), 8.January(2025))
            .Is(FindingStatus.Overdue, FirstDue, 5, 3);
    }

    [Fact]
    public void ChildNotSeen_DoesNotCount()
    {
        Single(Rule, Arrangement(Notified, Placed, null, PfVisit("V1", 2.January(2025), seen: false)), 8.January(2025))
            .Is(FindingStatus.Overdue, FirstDue, 5, 3);
    }

    [Theory]
    [InlineData("2026-03-02", "2026-04-13", "a visit the day before the anniversary of the notification: 6 weeks")]
    [InlineData("2026-03-03", "2026-05-26", "a visit from the anniversary on: 12 weeks")]
    public void Interval_SixWeeksInTheFirstYear_ThenTwelve(string visit, string due, string because)
    {
        var findings = Evaluate(Rule, Arrangement(3.March(2025), 3.March(2025), null, PfVisit("V1", D(visit))), D(visit));
        Assert.True(D(due) == findings[1].DueDate, $"{because}: expected {due}, got {findings[1].DueDate}");
    }

    [Theory]
    [InlineData("2024-12-20", "2025-01-03", "Christmas: 25, 26 Dec and 1 Jan skipped")]
    [InlineData("2025-04-14", "2025-04-25", "Easter: Good Friday 18 and Easter Monday 21 Apr 2025 skipped")]
    [InlineData("2022-05-31", "2022-06-13", "Platinum Jubilee: 2 and 3 June 2022 skipped")]
    [InlineData("2022-09-14", "2022-09-26", "State Funeral: 19 Sept 2022 skipped")]
    [InlineData("2023-05-02", "2023-05-12", "Coronation: 8 May 2023 skipped")]
    [InlineData("2024-02-20", "2024-02-29", "Leap day: 29 Feb 2024 is the 7th working day")]
    [InlineData("2025-03-01", "2025-03-11", "Saturday notification is day 0 (counting from Monday would give 12 Mar)")]
    [InlineData("2025-02-27", "2025-03-10", "Thursday notification, for comparison")]
    public void DueDate_FirstVisitSevenWorkingDays(string notified, string due, string because)
    {
        var f = Single(Rule, Arrangement(D(notified), D(notified)), D(notified));
        Assert.True(D(due) == f.DueDate, $"{because}: expected {due}, got {f.DueDate}");
    }

    [Theory]
    [InlineData("2024-11-13", "2024-12-25", "Christmas Day is not moved")]
    [InlineData("2025-03-07", "2025-04-18", "Good Friday is not moved")]
    [InlineData("2022-04-22", "2022-06-03", "Platinum Jubilee 3 June 2022 is not moved")]
    [InlineData("2024-01-18", "2024-02-29", "6 weeks lands on the leap day")]
    public void DueDate_SixCalendarWeeksNotMoved(string visit, string due, string because)
    {
        var findings = Evaluate(Rule, Arrangement(D(visit).PlusDays(-3), null, null, PfVisit("V1", D(visit))), D(visit));
        Assert.True(D(due) == findings[1].DueDate, $"{because}: expected {due}, got {findings[1].DueDate}");
    }

    [Fact]
    public void Config_FirstFiveWorkingDays()
    {
        // 20 Dec + 5 working days: 23, 24, 27, 30, 31 Dec.
        var rule = new PrivateFosteringVisitsRule(new PrivateFosteringVisitsOptions { First = Timescale.WorkingDays(5) });
        Single(rule, Arrangement(Notified, Placed), 20.December(2024)).Is(FindingStatus.DueSoon, 31.December(2024));
    }

    [Fact]
    public void Config_ThirteenWeeksAfterTheFirstYear()
    {
        var rule = new PrivateFosteringVisitsRule(new PrivateFosteringVisitsOptions { AfterFirstYear = Timescale.Weeks(13) });
        var findings = Evaluate(rule, Arrangement(3.March(2025), 3.March(2025), null, PfVisit("V1", 3.March(2026))), 3.March(2026));
        findings[1].Is(FindingStatus.Pending, 2.June(2026));
    }
}

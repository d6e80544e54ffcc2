using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;

namespace CaseCompliance.Rules.Tests.Catalogue;

public class CareLeaverVisitsRuleTests
{
    private static readonly CareLeaverVisitsRule Rule = new();

    private static Visit ClVisit(string id, LocalDate date, bool seen = true) => Visit(VisitKind.CareLeaver, id, date, null, seen);

    private static CaseRecord Accommodated(LocalDate start, LocalDate? end = null, params Visit[] visits) => Child() with
    {
        CareLeaver = new CareLeaver("C1", null, null, "W1"),
        CareLeaverAccommodation = [new CareLeaverAccommodation("C1", start, end)],
        Visits = [.. visits],
    };

    // Accommodation first provided Wed 18 Dec 2024 + 7 days = Christmas Day, and the date is not moved.
    private static readonly LocalDate Start = 18.December(2024);
    private static readonly LocalDate FirstDue = 25.December(2024);

    [Fact]
    public void Met_ThenTwoMonthsAfterTheVisit()
    {
        var findings = Evaluate(Rule, Accommodated(Start, null, ClVisit("V1", 24.December(2024))), 2.January(2025));
        findings[0].Is(FindingStatus.Met, FirstDue);
        findings[1].Is(FindingStatus.Pending, 24.February(2025));
        Assert.Equal("C1@2024-12-18", findings[0].EpisodeId);
        Assert.Equal("First care leaver visit due by 2024-12-25 (7 days after the accommodation was first provided on 2024-12-18) was made on 2024-12-24, on time.", findings[0].Detail);
    }

    [Fact]
    public void Late_OnlyWorkingDaysAfterChristmasCount()
    {
        // Mon 30 Dec: 5 days late; working days 27 and 30 Dec only.
        var f = Evaluate(Rule, Accommodated(Start, null, ClVisit("V1", 30.December(2024))), 2.January(2025))[0];
        f.Is(FindingStatus.Late, FirstDue, 5, 2);
        Assert.Equal("First care leaver visit due by 2024-12-25 (7 days after the accommodation was first provided on 2024-12-18) was made on 2024-12-30 (5 days late).", f.Detail);
    }

    [Fact]
    public void Overdue_CountedToAsOf()
    {
        Single(Rule, Accommodated(Start), 2.January(2025)).Is(FindingStatus.Overdue, FirstDue, 8, 4);
    }

    [Fact]
    public void DueSoon_WithinFiveWorkingDays()
    {
        var f = Single(Rule, Accommodated(Start), Start);
        f.Is(FindingStatus.DueSoon, FirstDue);
        Assert.EndsWith("4 working days left at 2024-12-18.", f.Detail);
    }

    [Fact]
    public void NotApplicable_AccommodationEndedBeforeTheDueDate()
    {
        var f = Single(Rule, Accommodated(Start, 22.December(2024)), 20.January(2025));
        f.Is(FindingStatus.NotApplicable, FirstDue);
        Assert.EndsWith("after the accommodation ended on 2024-12-22.", f.Detail);
    }

    [Fact]
    public void Overdue_AccommodationEndedAfterTheDueDate_CountedToTheEnd()
    {
        Single(Rule, Accommodated(Start, 2.January(2025)), 20.January(2025)).Is(FindingStatus.Overdue, FirstDue, 8, 4);
    }

    [Fact]
    public void ChildNotSeen_DoesNotCount()
    {
        Single(Rule, Accommodated(Start, null, ClVisit("V1", 24.December(2024), seen: false)), 2.January(2025))
            .Is(FindingStatus.Overdue, FirstDue, 8, 4);
    }

    [Fact]
    public void EachAccommodation_RestartsTheSchedule()
    {
        var record = Accommodated(Start, 31.January(2025), ClVisit("V1", 24.December(2024))) with
        {
            CareLeaverAccommodation = [new CareLeaverAccommodation("C1", Start, 31.January(2025)), new CareLeaverAccommodation("C1", 3.February(2025), null)],
        };
        var findings = Evaluate(Rule, record, 4.February(2025));
        findings[0].Is(FindingStatus.Met, FirstDue);
        findings[1].Is(FindingStatus.NotApplicable, 24.February(2025));
        findings[2].Is(FindingStatus.DueSoon, 10.February(2025));
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordAccommodation()
    {
        var f = Single(Rule, Accommodated(Start).Without(Dataset.CareLeaverAccommodation), 2.January(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Contains("does not record accommodation provided to care leavers", f.Detail);
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordCareLeaverVisits()
    {
        // Without visits in the source every provided accommodation would look overdue: the contract says not-applicable.
        var f = Single(Rule, Accommodated(Start).Without(Dataset.OtherVisits), 2.January(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("Care leaver visit cannot be checked: this source does not record care leaver visits (cc_visits).", f.Detail);
    }

    [Fact]
    public void CareLeaverWithoutProvidedAccommodation_NoFindings()
    {
        Assert.Empty(Evaluate(Rule, Accommodated(Start) with { CareLeaverAccommodation = [] }, 2.January(2025)));
        Assert.Empty(Evaluate(Rule, Child(), 2.January(2025)));
    }

    [Theory]
    [InlineData("2024-12-18", "2024-12-25", "Christmas Day is not moved")]
    [InlineData("2025-04-11", "2025-04-18", "Good Friday is not moved")]
    [InlineData("2022-05-26", "2022-06-02", "Platinum Jubilee 2 June 2022 is not moved")]
    [InlineData("2022-09-12", "2022-09-19", "State Funeral 19 Sept 2022 is not moved")]
    [InlineData("2023-05-01", "2023-05-08", "Coronation 8 May 2023 is not moved")]
    [InlineData("2024-02-22", "2024-02-29", "7 days lands on the leap day")]
    [InlineData("2025-03-01", "2025-03-08", "Saturday start is day 0; Saturday due date not moved")]
    public void DueDate_FirstVisitSevenCalendarDays(string start, string due, string because)
    {
        var f = Single(Rule, Accommodated(D(start)), D(start));
        Assert.True(D(due) == f.DueDate, $"{because}: expected {due}, got {f.DueDate}");
    }

    [Theory]
    [InlineData("2023-12-31", "2024-02-29", "31 Dec + 2 months = 29 Feb in a leap year")]
    [InlineData("2024-12-31", "2025-02-28", "31 Dec + 2 months = 28 Feb")]
    [InlineData("2024-10-25", "2024-12-25", "Christmas Day is not moved")]
    [InlineData("2025-02-18", "2025-04-18", "Good Friday is not moved")]
    [InlineData("2022-04-02", "2022-06-02", "Platinum Jubilee 2 June 2022 is not moved")]
    [InlineData("2022-07-19", "2022-09-19", "State Funeral 19 Sept 2022 is not moved")]
    [InlineData("2023-03-08", "2023-05-08", "Coronation 8 May 2023 is not moved")]
    public void DueDate_TwoCalendarMonthsAfterTheVisit(string visit, string due, string because)
    {
        var findings = Evaluate(Rule, Accommodated(D(visit).PlusDays(-3), null, ClVisit("V1", D(visit))), D(visit));
        Assert.Equal(FindingStatus.Met, findings[0].Status);
        Assert.True(D(due) == findings[1].DueDate, $"{because}: expected {due}, got {findings[1].DueDate}");
    }

    [Fact]
    public void Config_FirstInWorkingDays_IntervalOneMonth()
    {
        // 18 Dec + 5 working days = 27 Dec; a visit on 31 Jan then makes the next due 28 Feb.
        var rule = new CareLeaverVisitsRule(new CareLeaverVisitsOptions { First = Timescale.WorkingDays(5), Interval = Timescale.Months(1) });
        Single(rule, Accommodated(Start), Start).Is(FindingStatus.DueSoon, 27.December(2024));
        var findings = Evaluate(rule, Accommodated(28.January(2025), null, ClVisit("V1", 31.January(2025))), 31.January(2025));
        findings[1].Is(FindingStatus.Pending, 28.February(2025));
    }
}

using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;

namespace CaseCompliance.Rules.Tests.Catalogue;

public class RecordingTimelinessRuleTests
{
    private static readonly RecordingTimelinessRule Rule = new();

    private static CaseRecord Visited(LocalDate date, LocalDate? recorded, VisitKind kind = VisitKind.ChildProtection) => Child() with
    {
        Visits = [Visit(kind, "V1", date, "CPP1") with { RecordedDate = recorded }],
    };

    // CP visit Wed 27 Nov 2024 + 28 days = Christmas Day 2024: a calendar-day deadline is not moved.
    private static readonly LocalDate VisitDate = 27.November(2024);
    private static readonly LocalDate Due = 25.December(2024);

    [Fact]
    public void Met_WrittenUpWithin28Days()
    {
        var f = Single(Rule, Visited(VisitDate, 20.December(2024)), 10.January(2025));
        f.Is(FindingStatus.Met, Due);
        Assert.Equal(["V1"], f.Evidence.ToArray());
        Assert.Equal("Write-up of the CP visit of 2024-11-27 due by 2024-12-25 (28 days after the visit on 2024-11-27) was recorded on 2024-12-20, on time.", f.Detail);
    }

    [Fact]
    public void Late_ChristmasDueDate_WorkingDaysSkipTheHolidays()
    {
        // Thu 2 Jan 2025: 8 days late; working days 27, 30, 31 Dec and 2 Jan (26 Dec and 1 Jan are bank holidays).
        var f = Single(Rule, Visited(VisitDate, 2.January(2025)), 10.January(2025));
        f.Is(FindingStatus.Late, Due, 8, 4);
        Assert.Equal("Write-up of the CP visit of 2024-11-27 due by 2024-12-25 (28 days after the visit on 2024-11-27) was recorded on 2025-01-02 (8 days late).", f.Detail);
    }

    [Fact]
    public void Overdue_NotWrittenUp()
    {
        Single(Rule, Visited(VisitDate, null), 6.January(2025)).Is(FindingStatus.Overdue, Due, 12, 6);
    }

    [Fact]
    public void Overdue_WriteUpAfterTheAsOfDateIsNotYetKnown()
    {
        Single(Rule, Visited(VisitDate, 2.January(2025)), 31.December(2024)).Is(FindingStatus.Overdue, Due, 6, 3);
    }

    [Fact]
    public void DueSoon_WithinFiveWorkingDays()
    {
        var f = Single(Rule, Visited(VisitDate, null), 19.December(2024));
        f.Is(FindingStatus.DueSoon, Due);
        Assert.EndsWith("3 working days left at 2024-12-19.", f.Detail);
    }

    [Fact]
    public void Pending_NotYetDue()
    {
        Single(Rule, Visited(VisitDate, null), 28.November(2024)).Is(FindingStatus.Pending, Due);
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordWriteUpDates()
    {
        var f = Single(Rule, Visited(VisitDate, null).Without(Dataset.VisitDetails), 6.January(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("Recording timeliness cannot be checked: this source does not record visit write-up dates (cc_visit_details).", f.Detail);
    }

    [Fact]
    public void NoVisits_NoFindings()
    {
        Assert.Empty(Evaluate(Rule, Child(), 6.January(2025)));
    }

    [Fact]
    public void EveryVisitKind_IsChecked()
    {
        var f = Single(Rule, Visited(VisitDate, null, VisitKind.EarlyHelpContact), 6.January(2025));
        f.Is(FindingStatus.Overdue, Due, 12, 6);
        Assert.StartsWith("Write-up of the Early Help contact of 2024-11-27 due by 2024-12-25", f.Detail);
    }

    [Theory]
    [InlineData("2024-11-27", "2024-12-25", "Christmas Day is not moved")]
    [InlineData("2025-03-21", "2025-04-18", "Good Friday is not moved")]
    [InlineData("2022-05-05", "2022-06-02", "Platinum Jubilee 2 June 2022 is not moved")]
    [InlineData("2022-05-06", "2022-06-03", "Platinum Jubilee 3 June 2022 is not moved")]
    [InlineData("2022-08-22", "2022-09-19", "State Funeral 19 Sept 2022 is not moved")]
    [InlineData("2023-04-10", "2023-05-08", "Coronation 8 May 2023 is not moved")]
    [InlineData("2024-02-01", "2024-02-29", "28 days from 1 Feb lands on the leap day in 2024")]
    [InlineData("2025-02-01", "2025-03-01", "Saturday visit is day 0; 28 days crosses the end of February to Sat 1 Mar, not moved")]
    public void DueDate_TwentyEightCalendarDays(string visit, string due, string because)
    {
        var f = Single(Rule, Visited(D(visit), null), D(visit));
        Assert.True(D(due) == f.DueDate, $"{because}: expected {due}, got {f.DueDate}");
    }

    [Fact]
    public void Config_TwentyWorkingDays_SkipsChristmas()
    {
        // 27 Nov + 20 working days: 28, 29 Nov, 2–6, 9–13, 16–20, 23, 24, 27 Dec.
        var rule = new RecordingTimelinessRule(new RecordingTimelinessOptions { Within = Timescale.WorkingDays(20) });
        var f = Single(rule, Visited(VisitDate, 2.January(2025)), 10.January(2025));
        f.Is(FindingStatus.Late, 27.December(2024), 6, 3);
        Assert.Contains("(20 working days after the visit on 2024-11-27)", f.Detail);
    }
}

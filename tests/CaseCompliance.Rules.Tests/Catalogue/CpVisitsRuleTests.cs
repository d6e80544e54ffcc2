using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;

namespace CaseCompliance.Rules.Tests.Catalogue;

public class CpVisitsRuleTests
{
    private static readonly CpVisitsRule Rule = new();

    private static CaseRecord WithPlan(LocalDate start, LocalDate? end, params Visit[] visits) => Child() with
    {
        Plans = [new Plan("CPP1", "C1", "R1", PlanKind.ChildProtection, start, end, null)],
        Visits = [.. visits],
    };

    [Fact]
    public void Met_VisitsWithinFourteenDays()
    {
        var findings = Evaluate(Rule, WithPlan(3.March(2025), null, CpVisit("V1", 10.March(2025)), CpVisit("V2", 24.March(2025))), 28.March(2025));
        Assert.Equal([FindingStatus.Met, FindingStatus.Met, FindingStatus.Pending], findings.Select(f => f.Status));
        Assert.Equal(17.March(2025), findings[0].DueDate);
        Assert.Equal(24.March(2025), findings[1].DueDate);
        Assert.Equal(7.April(2025), findings[2].DueDate);
    }

    [Fact]
    public void Late_SpecExampleSentence()
    {
        // cli-and-outputs.md: "CP visit due by 2025-03-14 was made on 2025-03-19 (5 days late)."
        var findings = Evaluate(Rule, WithPlan(28.February(2025), null, CpVisit("V1", 28.February(2025)), CpVisit("V2", 19.March(2025))), 20.March(2025));
        var late = findings[1];
        Assert.Equal(FindingStatus.Late, late.Status);
        Assert.Equal(14.March(2025), late.DueDate);
        Assert.Equal(5, late.DaysLate);
        Assert.Equal(3, late.WorkingDaysLate);
        Assert.StartsWith("CP visit due by 2025-03-14 (14 days after the previous visit on 2025-02-28) was made on 2025-03-19 (5 days late).", late.Detail);
        Assert.Equal(["V1", "V2"], late.Evidence.ToArray());
    }

    [Fact]
    public void Overdue_CountedToAsOf()
    {
        var f = Evaluate(Rule, WithPlan(3.March(2025), null), 20.March(2025)).Single();
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(17.March(2025), f.DueDate);
        Assert.Equal(3, f.DaysLate);
        Assert.Equal(3, f.WorkingDaysLate);
    }

    [Fact]
    public void DueSoon_WithinFiveWorkingDays()
    {
        var f = Evaluate(Rule, WithPlan(3.March(2025), null), 12.March(2025)).Single();
        Assert.Equal(FindingStatus.DueSoon, f.Status);
        Assert.Null(f.DaysLate);
    }

    [Fact]
    public void NotApplicable_PlanEndedBeforeTheNextVisitWasDue()
    {
        var findings = Evaluate(Rule, WithPlan(3.March(2025), 20.March(2025), CpVisit("V1", 10.March(2025))), 1.April(2025));
        Assert.Equal([FindingStatus.Met, FindingStatus.NotApplicable], findings.Select(f => f.Status));
    }

    [Fact]
    public void NotSeen_DoesNotCount()
    {
        var findings = Evaluate(Rule, WithPlan(3.March(2025), null, CpVisit("V1", 10.March(2025), seen: false)), 20.March(2025));
        Assert.Equal(FindingStatus.Overdue, Assert.Single(findings).Status);
    }

    [Fact]
    public void ConfiguredTenWorkingDays_SkipEasterBankHolidays()
    {
        var rule = new CpVisitsRule(new CpVisitsOptions { First = Timescale.WorkingDays(10), Interval = Timescale.WorkingDays(10) });
        var f = Evaluate(rule, WithPlan(14.April(2025), null), 15.April(2025)).Single();
        // Good Friday 18 April and Easter Monday 21 April 2025 are not working days.
        Assert.Equal(30.April(2025), f.DueDate);
    }

    [Fact]
    public void PlanFrequency_UsedWhereStricter()
    {
        var record = WithPlan(3.March(2025), null) with
        {
            Plans = [new Plan("CPP1", "C1", "R1", PlanKind.ChildProtection, 3.March(2025), null, null) { VisitFrequency = new VisitFrequency(7, false) }],
        };
        Assert.Equal(10.March(2025), Evaluate(Rule, record, 4.March(2025)).Single().DueDate);
    }

    [Theory]
    [InlineData("2024-12-18", "2025-01-01", "14 calendar days across Christmas: due on New Year's Day, not moved")]
    [InlineData("2025-04-07", "2025-04-21", "due on Easter Monday 2025, not moved")]
    [InlineData("2022-05-20", "2022-06-03", "due on the Platinum Jubilee bank holiday (3 June 2022), not moved")]
    [InlineData("2022-09-05", "2022-09-19", "due on the State Funeral bank holiday (19 September 2022), not moved")]
    [InlineData("2023-04-24", "2023-05-08", "due on the Coronation bank holiday (8 May 2023), not moved")]
    [InlineData("2024-02-15", "2024-02-29", "due on leap day 2024")]
    [InlineData("2025-01-31", "2025-02-14", "month end crossing: 31 January + 14 days")]
    [InlineData("2025-03-01", "2025-03-15", "plan starting on a Saturday: day 0 is the Saturday, due a Saturday")]
    public void CalendarDays_DueDateTraps(string planStart, string due, string because)
    {
        var f = Evaluate(Rule, WithPlan(Dates.D(planStart), null), Dates.D(planStart)).Single();
        Assert.True(Dates.D(due) == f.DueDate, because);
    }

    [Theory]
    [InlineData("2024-12-20", "2025-01-08", "10 working days skip Christmas Day, Boxing Day and New Year's Day")]
    [InlineData("2025-04-14", "2025-04-30", "10 working days skip Good Friday and Easter Monday")]
    [InlineData("2022-05-27", "2022-06-14", "10 working days skip the Spring and Platinum Jubilee bank holidays (2 and 3 June 2022)")]
    [InlineData("2022-09-12", "2022-09-27", "10 working days skip the State Funeral (19 September 2022)")]
    [InlineData("2023-05-01", "2023-05-16", "10 working days skip the early May and Coronation bank holidays (1 and 8 May 2023)")]
    [InlineData("2024-02-24", "2024-03-08", "a Saturday start: day 0 is the Saturday; leap day is a working day")]
    public void WorkingDays_DueDateTraps(string planStart, string due, string because)
    {
        var rule = new CpVisitsRule(new CpVisitsOptions { First = Timescale.WorkingDays(10), Interval = Timescale.WorkingDays(10) });
        var f = Evaluate(rule, WithPlan(Dates.D(planStart), null), Dates.D(planStart)).Single();
        Assert.True(Dates.D(due) == f.DueDate, because);
    }

    [Fact]
    public void Overdue_WhenThePlanEndedAfterTheDueDate_CountedToTheEnd()
    {
        // Due 17 March, plan ended 20 March with no visit: 3 days overdue, however late the scan.
        var f = Evaluate(Rule, WithPlan(3.March(2025), 20.March(2025)), 1.June(2025)).Single();
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(3, f.DaysLate);
        Assert.Equal(20.March(2025), f.LapsedOn);
        Assert.Equal("First CP visit due by 2025-03-17 (14 days after the plan start on 2025-03-03) was not made before the plan ended on 2025-03-20 (3 days overdue).", f.Detail);
    }
}

using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;
using static CaseCompliance.Rules.Tests.Support.SocialCareCases;

namespace CaseCompliance.Rules.Tests.Catalogue;

public class CinVisitsRuleTests
{
    private static readonly CinVisitsRule Rule = new();

    private static Visit CinVisit(string id, LocalDate date, bool seen = true) => Visit(VisitKind.ChildInNeed, id, date, "CIN1", seen);

    private static CaseRecord WithPlan(LocalDate start, LocalDate? end, VisitFrequency? frequency, params Visit[] visits) => Child() with
    {
        Referrals = [Referral("R1", start.PlusDays(-20))],
        Plans = [CinPlan("CIN1", start, end, frequency: frequency)],
        Visits = [.. visits],
    };

    private static readonly VisitFrequency Fortnightly = new(14, false);

    // Plan start Mon 3 Mar 2025, fortnightly: first visit due Mon 17 Mar.
    private static readonly LocalDate Start = 3.March(2025);

    [Fact]
    public void Met_ThenNextDueFromTheVisit()
    {
        var findings = Evaluate(Rule, WithPlan(Start, null, Fortnightly, CinVisit("V1", 14.March(2025))), 15.March(2025));
        findings[0].Is(FindingStatus.Met, 17.March(2025));
        findings[1].Is(FindingStatus.Pending, 28.March(2025));
        Assert.Equal("First CIN visit due by 2025-03-17 (14 days after the plan start on 2025-03-03) was made on 2025-03-14, on time.", findings[0].Detail);
        Assert.Equal(["CIN1", "V1"], findings[0].Evidence.ToArray());
    }

    [Fact]
    public void Late_SentenceAndWorkingDays()
    {
        var f = Evaluate(Rule, WithPlan(Start, null, Fortnightly, CinVisit("V1", 19.March(2025))), 20.March(2025))[0];
        f.Is(FindingStatus.Late, 17.March(2025), 2, 2);
        Assert.Equal("First CIN visit due by 2025-03-17 (14 days after the plan start on 2025-03-03) was made on 2025-03-19 (2 days late).", f.Detail);
    }

    [Fact]
    public void Overdue_CountedToAsOf()
    {
        Single(Rule, WithPlan(Start, null, Fortnightly), 20.March(2025)).Is(FindingStatus.Overdue, 17.March(2025), 3, 3);
    }

    [Fact]
    public void DueSoon_WithinFiveWorkingDays()
    {
        var f = Single(Rule, WithPlan(Start, null, Fortnightly), 12.March(2025));
        f.Is(FindingStatus.DueSoon, 17.March(2025));
        Assert.EndsWith("3 working days left at 2025-03-12.", f.Detail);
    }

    [Fact]
    public void Pending_OutsideTheWarningWindow()
    {
        // 4 Mar + 5 working days = 11 Mar, before 17 Mar.
        Single(Rule, WithPlan(Start, null, Fortnightly), 4.March(2025)).Is(FindingStatus.Pending, 17.March(2025));
    }

    [Fact]
    public void NotApplicable_PlanRecordsNoFrequency()
    {
        var f = Single(Rule, WithPlan(Start, null, null), 1.April(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("CIN visits: the child in need plan that started on 2025-03-03 records no visit frequency.", f.Detail);
    }

    [Fact]
    public void NotApplicable_PlanEndedBeforeTheDueDate()
    {
        var f = Single(Rule, WithPlan(Start, 10.March(2025), Fortnightly), 1.April(2025));
        f.Is(FindingStatus.NotApplicable, 17.March(2025));
        Assert.EndsWith("after the plan ended on 2025-03-10.", f.Detail);
    }

    [Fact]
    public void Overdue_PlanEndedAfterTheDueDate_CountedToTheEnd()
    {
        Single(Rule, WithPlan(Start, 20.March(2025), Fortnightly), 1.April(2025)).Is(FindingStatus.Overdue, 17.March(2025), 3, 3);
    }

    [Fact]
    public void ChildNotSeen_DoesNotCount()
    {
        var findings = Evaluate(Rule, WithPlan(Start, null, Fortnightly, CinVisit("V1", 14.March(2025), seen: false)), 20.March(2025));
        Assert.Single(findings).Is(FindingStatus.Overdue, 17.March(2025), 3, 3);
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordCinVisits()
    {
        // Without visits in the source every plan with a frequency would look overdue: the contract says not-applicable.
        var f = Single(Rule, WithPlan(Start, null, Fortnightly).Without(Dataset.ChildInNeedVisits), 1.April(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("CIN visit cannot be checked: this source does not record child in need visits (ssd_cin_visits).", f.Detail);
    }

    [Theory]
    [InlineData("2024-12-16", "2025-01-02", "Christmas: 25, 26 Dec and 1 Jan skipped")]
    [InlineData("2025-04-14", "2025-04-30", "Easter: 18 and 21 Apr 2025 skipped")]
    [InlineData("2022-05-26", "2022-06-13", "Platinum Jubilee: 2 and 3 June 2022 skipped")]
    [InlineData("2022-09-12", "2022-09-27", "State Funeral: 19 Sept 2022 skipped")]
    [InlineData("2023-04-28", "2023-05-16", "Coronation: 1 and 8 May 2023 skipped")]
    [InlineData("2024-02-15", "2024-02-29", "Leap day: 29 Feb 2024 is the 10th working day")]
    [InlineData("2025-03-01", "2025-03-14", "Saturday plan start is day 0")]
    public void DueDate_WorkingDayFrequency(string start, string due, string because)
    {
        var f = Single(Rule, WithPlan(D(start), null, new VisitFrequency(10, true)), D(start));
        Assert.True(D(due) == f.DueDate, $"{because}: expected {due}, got {f.DueDate}");
        Assert.Contains("10 working days after the plan start", f.Detail);
    }

    [Theory]
    [InlineData("2024-12-11", "2024-12-25", "Christmas Day is not moved")]
    [InlineData("2025-04-04", "2025-04-18", "Good Friday is not moved")]
    [InlineData("2022-05-19", "2022-06-02", "Platinum Jubilee 2 June 2022 is not moved")]
    [InlineData("2022-09-05", "2022-09-19", "State Funeral 19 Sept 2022 is not moved")]
    [InlineData("2023-04-24", "2023-05-08", "Coronation 8 May 2023 is not moved")]
    [InlineData("2024-02-15", "2024-02-29", "14 days lands on the leap day")]
    [InlineData("2025-02-20", "2025-03-06", "crossing the end of February in a common year")]
    [InlineData("2025-03-01", "2025-03-15", "Saturday start, Saturday due date: not moved")]
    public void DueDate_CalendarDayFrequency(string start, string due, string because)
    {
        var f = Single(Rule, WithPlan(D(start), null, Fortnightly), D(start));
        Assert.True(D(due) == f.DueDate, $"{because}: expected {due}, got {f.DueDate}");
    }

    [Fact]
    public void Config_WiderWarningWindow_MakesItDueSoonSooner()
    {
        // The interval is the plan's own (data, not options); the options an authority sets are the warning window and
        // the switch. 4 Mar + 10 working days = 18 Mar, past the 17 Mar due date.
        var rule = new CinVisitsRule(new RuleOptions { WarningWindow = Timescale.WorkingDays(10) });
        Single(rule, WithPlan(Start, null, Fortnightly), 4.March(2025)).Is(FindingStatus.DueSoon, 17.March(2025));
    }

    [Fact]
    public void Config_SwitchedOff_NoFindings()
    {
        var rule = new CinVisitsRule(new RuleOptions { Enabled = false });
        Assert.Empty(Evaluate(rule, WithPlan(Start, null, Fortnightly), 20.March(2025)));
    }
}

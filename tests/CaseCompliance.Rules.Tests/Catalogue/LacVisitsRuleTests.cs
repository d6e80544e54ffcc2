using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;
using static CaseCompliance.Rules.Tests.Support.SocialCareCases;

namespace CaseCompliance.Rules.Tests.Catalogue;

public class LacVisitsRuleTests
{
    private static readonly LacVisitsRule Rule = new();

    private static Visit LacVisit(string id, LocalDate date, bool seen = true) => Visit(VisitKind.LookedAfter, id, date, "PL1", seen);

    private static CaseRecord InPlacement(Placement placement, params Visit[] visits) => Child() with
    {
        Referrals = [Referral("R1", placement.Start.PlusDays(-10))],
        PeriodsOfCare = [CarePeriod("POC1", placement.Start)],
        Placements = [placement],
        Visits = [.. visits],
    };

    // Placed Mon 3 Mar 2025: first visit due Mon 10 Mar (7 days).
    private static readonly LocalDate Start = 3.March(2025);

    // ---- Standard schedule: statuses ----

    [Fact]
    public void Standard_Met_ThenSixWeeks_EasterMondayNotMoved()
    {
        var findings = Evaluate(Rule, InPlacement(Placement("PL1", Start), LacVisit("V1", 10.March(2025))), 11.March(2025));
        findings[0].Is(FindingStatus.Met, 10.March(2025));
        // 10 Mar + 42 days = Easter Monday 21 Apr 2025: a calendar deadline on a bank holiday stays there.
        findings[1].Is(FindingStatus.Pending, 21.April(2025));
        Assert.Equal("First LAC visit (standard schedule) due by 2025-03-10 (7 days after the placement start on 2025-03-03) was made on 2025-03-10, on time.", findings[0].Detail);
        Assert.Equal("LAC visit (standard schedule) due by 2025-04-21 (6 weeks after the previous visit on 2025-03-10) has not been made yet; it is not yet due.", findings[1].Detail);
    }

    [Fact]
    public void Standard_Late()
    {
        var f = Evaluate(Rule, InPlacement(Placement("PL1", Start), LacVisit("V1", 12.March(2025))), 13.March(2025))[0];
        f.Is(FindingStatus.Late, 10.March(2025), 2, 2);
        Assert.Equal("First LAC visit (standard schedule) due by 2025-03-10 (7 days after the placement start on 2025-03-03) was made on 2025-03-12 (2 days late).", f.Detail);
    }

    [Fact]
    public void Standard_Overdue()
    {
        Single(Rule, InPlacement(Placement("PL1", Start)), 14.March(2025)).Is(FindingStatus.Overdue, 10.March(2025), 4, 4);
    }

    [Fact]
    public void Standard_DueSoon()
    {
        var f = Single(Rule, InPlacement(Placement("PL1", Start)), 5.March(2025));
        f.Is(FindingStatus.DueSoon, 10.March(2025));
        Assert.EndsWith("3 working days left at 2025-03-05.", f.Detail);
    }

    [Fact]
    public void NotApplicable_PlacementEndedBeforeTheDueDate()
    {
        var f = Single(Rule, InPlacement(Placement("PL1", Start, 7.March(2025))), 1.April(2025));
        f.Is(FindingStatus.NotApplicable, 10.March(2025));
        Assert.EndsWith("after the placement ended on 2025-03-07.", f.Detail);
    }

    [Fact]
    public void Overdue_PlacementEndedAfterTheDueDate_CountedToTheEnd()
    {
        Single(Rule, InPlacement(Placement("PL1", Start, 14.March(2025))), 1.April(2025)).Is(FindingStatus.Overdue, 10.March(2025), 4, 4);
    }

    [Fact]
    public void ChildNotSeen_DoesNotCount()
    {
        Single(Rule, InPlacement(Placement("PL1", Start), LacVisit("V1", 7.March(2025), seen: false)), 14.March(2025))
            .Is(FindingStatus.Overdue, 10.March(2025), 4, 4);
    }

    [Fact]
    public void NewPlacement_RestartsTheSchedule()
    {
        var record = InPlacement(Placement("PL1", Start, 20.March(2025)), Visit(VisitKind.LookedAfter, "V1", 10.March(2025))) with
        {
            Placements = [Placement("PL1", Start, 20.March(2025)), Placement("PL2", 21.March(2025))],
        };
        var findings = Evaluate(Rule, record, 24.March(2025));
        findings[0].Is(FindingStatus.Met, 10.March(2025));
        findings[1].Is(FindingStatus.NotApplicable, 21.April(2025));
        // The move on 21 Mar restarts the clock: the new placement's first visit is due 28 Mar, and V1 does not count.
        findings[2].Is(FindingStatus.DueSoon, 28.March(2025));
        Assert.Equal("PL2", findings[2].EpisodeId);
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordVisits()
    {
        var f = Single(Rule, InPlacement(Placement("PL1", Start)).Without(Dataset.LookedAfterVisits), 14.March(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("LAC visit cannot be checked: this source does not record looked-after visits (ssd_cla_visits).", f.Detail);
    }

    // ---- Standard schedule: the second year ----

    [Theory]
    [InlineData(true, false, "U4", "2025-06-03", "long-term, second year: 3 months")]
    [InlineData(false, false, "U4", "2025-04-14", "not recorded as long-term: still 6 weeks in the second year")]
    [InlineData(true, true, "U4", "2025-09-03", "long-term foster placement over a year with the child's agreement (reg 28(3A)): 6 months")]
    [InlineData(true, true, "K2", "2025-06-03", "fewer visits agreed but not a foster placement: 3 months")]
    public void Standard_SecondYear(bool longTerm, bool reduced, string type, string due, string because)
    {
        // Placed 3 Mar 2024; the visit on 3 Mar 2025 opens an interval in the placement's second year.
        var placement = Placement("PL1", 3.March(2024), type: type) with { LongTerm = longTerm, ReducedVisitsAgreed = reduced };
        var findings = Evaluate(Rule, InPlacement(placement, LacVisit("V1", 3.March(2025))), 4.March(2025));
        Assert.True(D(due) == findings[1].DueDate, $"{because}: expected {due}, got {findings[1].DueDate}");
    }

    [Theory]
    [InlineData(false, "2025-04-11", "a visit the day before the anniversary is still in the first year: 6 weeks")]
    [InlineData(true, "2025-04-11", "reduced visits only after a year: 6 weeks in the first year")]
    public void Standard_LongTermFirstYear_StillSixWeeks(bool reduced, string due, string because)
    {
        var placement = Placement("PL1", 3.March(2024)) with { LongTerm = true, ReducedVisitsAgreed = reduced };
        var findings = Evaluate(Rule, InPlacement(placement, LacVisit("V1", 28.February(2025))), 1.March(2025));
        Assert.True(D(due) == findings[1].DueDate, $"{because}: expected {due}, got {findings[1].DueDate}");
    }

    [Theory]
    [InlineData("2023-11-01", "2024-11-30", "2025-02-28", "30 Nov 2024 + 3 months = 28 Feb 2025")]
    [InlineData("2022-11-01", "2023-11-30", "2024-02-29", "30 Nov 2023 + 3 months = 29 Feb 2024")]
    public void Standard_LongTermThreeMonths_MonthEnd(string placed, string visit, string due, string because)
    {
        var placement = Placement("PL1", D(placed)) with { LongTerm = true };
        var findings = Evaluate(Rule, InPlacement(placement, LacVisit("V1", D(visit))), D(visit));
        Assert.True(D(due) == findings[1].DueDate, $"{because}: expected {due}, got {findings[1].DueDate}");
    }

    // ---- Connected person, temporary approval ----

    [Fact]
    public void ConnectedPersonTemporary_WeeklyUntilFirstReview_FourWeeklyUntilApproved_ThenStandard()
    {
        var placement = Placement("PL1", Start, type: "U1") with { TemporaryApproval = true, CarerApprovedDate = 10.April(2025) };
        var record = InPlacement(placement,
            LacVisit("V1", 7.March(2025)), LacVisit("V2", 14.March(2025)), LacVisit("V3", 21.March(2025)), LacVisit("V4", 17.April(2025)))
            .WithReview(20.March(2025));
        var findings = Evaluate(Rule, record, 1.May(2025));
        Assert.Equal(5, findings.Count);
        findings[0].Is(FindingStatus.Met, 10.March(2025));
        findings[1].Is(FindingStatus.Met, 14.March(2025)); // 7 days after 7 Mar: before the first review
        findings[2].Is(FindingStatus.Met, 21.March(2025)); // 7 days after 14 Mar: still before the review on 20 Mar
        findings[3].Is(FindingStatus.Met, 18.April(2025)); // 4 weeks after 21 Mar (Good Friday, not moved): carer not yet approved
        findings[4].Is(FindingStatus.Pending, 29.May(2025)); // 6 weeks after 17 Apr: carer approved on 10 Apr, standard schedule
        Assert.StartsWith("LAC visit (connected person, temporary approval) due by 2025-04-18 (4 weeks after the previous visit on 2025-03-21)", findings[3].Detail);
    }

    [Fact]
    public void ConnectedPersonTemporary_NoReviewYet_StaysWeekly()
    {
        var placement = Placement("PL1", Start, type: "U1") with { TemporaryApproval = true };
        var findings = Evaluate(Rule, InPlacement(placement, LacVisit("V1", 7.March(2025)), LacVisit("V2", 14.March(2025))), 15.March(2025));
        findings[2].Is(FindingStatus.DueSoon, 21.March(2025));
    }

    [Fact]
    public void ConnectedPerson_NotTemporary_IsStandard()
    {
        var placement = Placement("PL1", Start, type: "U1") with { TemporaryApproval = false };
        var findings = Evaluate(Rule, InPlacement(placement, LacVisit("V1", 7.March(2025))), 8.March(2025));
        findings[1].Is(FindingStatus.Pending, 18.April(2025));
        Assert.Contains("(standard schedule)", findings[1].Detail);
    }

    // ---- Placed with parents ----

    [Fact]
    public void PlacedWithParentsPendingAssessment_WeeklyUntilFirstReview_ThenSixWeeks()
    {
        var record = InPlacement(Placement("PL1", Start, type: "P1"),
            LacVisit("V1", 7.March(2025)), LacVisit("V2", 14.March(2025)), LacVisit("V3", 21.March(2025))).WithReview(20.March(2025));
        var findings = Evaluate(Rule, record, 22.March(2025));
        findings[1].Is(FindingStatus.Met, 14.March(2025));
        findings[2].Is(FindingStatus.Met, 21.March(2025));
        findings[3].Is(FindingStatus.Pending, 2.May(2025));
        Assert.Contains("(placed with parents, pending assessment)", findings[3].Detail);
    }

    [Fact]
    public void PlacedWithParentsInterimCareOrder_WeeklyUntilFirstReview_ThenFourWeeks()
    {
        var record = InPlacement(Placement("PL1", Start, type: "P1"),
                LacVisit("V1", 7.March(2025)), LacVisit("V2", 14.March(2025)), LacVisit("V3", 21.March(2025)))
            .WithReview(20.March(2025)).WithLegalStatus(Legal("C1", Start));
        var findings = Evaluate(Rule, record, 22.March(2025));
        findings[1].Is(FindingStatus.Met, 14.March(2025));
        findings[2].Is(FindingStatus.Met, 21.March(2025));
        findings[3].Is(FindingStatus.Pending, 18.April(2025));
        Assert.Contains("(placed with parents, interim care order)", findings[3].Detail);
    }

    [Fact]
    public void PlacedWithParentsCareOrder_FromThePlacement_SixWeeksWithoutAWeeklyStage()
    {
        var record = InPlacement(Placement("PL1", Start, type: "P1"), LacVisit("V1", 7.March(2025)))
            .WithReview(20.March(2025)).WithLegalStatus(Legal("C2", Start));
        var findings = Evaluate(Rule, record, 8.March(2025));
        findings[0].Is(FindingStatus.Met, 10.March(2025));
        findings[1].Is(FindingStatus.Pending, 18.April(2025));
        Assert.Contains("(placed with parents, care order)", findings[1].Detail);
    }

    [Fact]
    public void PlacedWithParentsCareOrder_MadeLater_FirstVisitWithinSevenDaysOfTheOrder()
    {
        var record = InPlacement(Placement("PL1", Start, type: "P1")).WithLegalStatus(Legal("C2", 17.March(2025)));
        var f = Single(Rule, record, 18.March(2025));
        f.Is(FindingStatus.DueSoon, 24.March(2025));
        Assert.Equal(17.March(2025), f.AnchorDate);
        Assert.Contains("(7 days after the care order on 2025-03-17)", f.Detail);
    }

    // ---- Short breaks ----

    [Fact]
    public void ShortBreak_ThreeMonthly()
    {
        var record = InPlacement(Placement("PL1", Start, type: "U4"), LacVisit("V1", 2.June(2025))).WithLegalStatus(Legal("V3", Start));
        var findings = Evaluate(Rule, record, 3.June(2025));
        findings[0].Is(FindingStatus.Met, 3.June(2025));
        findings[1].Is(FindingStatus.Pending, 2.September(2025));
        Assert.StartsWith("First LAC visit (short breaks) due by 2025-06-03 (3 months after the start of the short breaks on 2025-03-03)", findings[0].Detail);
    }

    [Fact]
    public void ShortBreak_AgreedInterval()
    {
        var placement = Placement("PL1", Start) with { AgreedIntervalDays = 30 };
        var f = Single(Rule, InPlacement(placement).WithLegalStatus(Legal("V4", Start)), 4.March(2025));
        f.Is(FindingStatus.Pending, 2.April(2025));
    }

    [Fact]
    public void ShortBreak_MonthEnd()
    {
        var record = InPlacement(Placement("PL1", 30.November(2024))).WithLegalStatus(Legal("V3", 30.November(2024)));
        Single(Rule, record, 1.December(2024)).Is(FindingStatus.Pending, 28.February(2025));
    }

    // ---- Other person responsible for the accommodation ----

    [Theory]
    [InlineData("2026-03-02", "2026-04-13", "the day before the anniversary: 6 weeks")]
    [InlineData("2026-03-03", "2026-06-03", "from the anniversary: 3 months")]
    public void OtherResponsiblePerson_SixWeeksInTheFirstYear_ThenThreeMonths(string visit, string due, string because)
    {
        var findings = Evaluate(Rule, InPlacement(Placement("PL1", Start, type: "R5"), LacVisit("V1", D(visit))), D(visit));
        Assert.True(D(due) == findings[1].DueDate, $"{because}: expected {due}, got {findings[1].DueDate}");
        Assert.Contains("(other person responsible for the accommodation)", findings[1].Detail);
    }

    [Fact]
    public void OtherResponsiblePerson_FirstVisitWithinSevenDays()
    {
        Single(Rule, InPlacement(Placement("PL1", Start, type: "R5")), Start).Is(FindingStatus.DueSoon, 10.March(2025));
    }

    // ---- Date traps ----

    [Theory]
    [InlineData("2024-12-18", "2024-12-25", "Christmas Day is not moved")]
    [InlineData("2025-04-11", "2025-04-18", "Good Friday is not moved")]
    [InlineData("2022-05-26", "2022-06-02", "Platinum Jubilee 2 June 2022 is not moved")]
    [InlineData("2022-05-27", "2022-06-03", "Platinum Jubilee 3 June 2022 is not moved")]
    [InlineData("2022-09-12", "2022-09-19", "State Funeral 19 Sept 2022 is not moved")]
    [InlineData("2023-05-01", "2023-05-08", "Coronation 8 May 2023 is not moved")]
    [InlineData("2024-02-22", "2024-02-29", "7 days lands on the leap day")]
    [InlineData("2025-02-25", "2025-03-04", "crossing the end of February in a common year")]
    [InlineData("2025-03-01", "2025-03-08", "Saturday placement is day 0; the Saturday due date is not moved")]
    public void DueDate_FirstVisitSevenCalendarDays(string placed, string due, string because)
    {
        var f = Single(Rule, InPlacement(Placement("PL1", D(placed))), D(placed));
        Assert.True(D(due) == f.DueDate, $"{because}: expected {due}, got {f.DueDate}");
    }

    [Fact]
    public void DueDate_SixWeeksLandingOnChristmasDay()
    {
        var findings = Evaluate(Rule, InPlacement(Placement("PL1", 10.November(2024)), LacVisit("V1", 13.November(2024))), 14.November(2024));
        findings[1].Is(FindingStatus.Pending, 25.December(2024));
    }

    // ---- Configuration ----

    [Fact]
    public void Config_FirstVisitInWorkingDays_SkipsChristmas()
    {
        // 18 Dec 2024 + 5 working days: 19, 20, 23, 24, 27 Dec.
        var rule = new LacVisitsRule(new LacVisitsOptions { FirstVisit = Timescale.WorkingDays(5) });
        Single(rule, InPlacement(Placement("PL1", 18.December(2024))), 18.December(2024)).Is(FindingStatus.DueSoon, 27.December(2024));
    }

    [Fact]
    public void Config_StandardFourWeeks()
    {
        var rule = new LacVisitsRule(new LacVisitsOptions { Standard = Timescale.Weeks(4) });
        var findings = Evaluate(rule, InPlacement(Placement("PL1", Start), LacVisit("V1", 10.March(2025))), 11.March(2025));
        findings[1].Is(FindingStatus.Pending, 7.April(2025));
    }

    [Fact]
    public void Config_ConnectedPersonCodes()
    {
        // With "R1" configured as a connected-person code, a temporarily approved R1 placement is weekly.
        var rule = new LacVisitsRule(new LacVisitsOptions { ConnectedPersonCodes = ["R1"] });
        var placement = Placement("PL1", Start, type: "R1") with { TemporaryApproval = true };
        var findings = Evaluate(rule, InPlacement(placement, LacVisit("V1", 7.March(2025))), 8.March(2025));
        findings[1].Is(FindingStatus.DueSoon, 14.March(2025));
        Assert.Equal(18.April(2025), Evaluate(Rule, InPlacement(placement, LacVisit("V1", 7.March(2025))), 8.March(2025))[1].DueDate);
    }
}

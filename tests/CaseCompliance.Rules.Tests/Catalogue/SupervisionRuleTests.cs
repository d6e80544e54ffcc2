using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;
using static CaseCompliance.Rules.Tests.Support.SocialCareCases;

namespace CaseCompliance.Rules.Tests.Catalogue;

public class SupervisionRuleTests
{
    private static readonly SupervisionRule Rule = new();

    private static CaseRecord Open(LocalDate referral, LocalDate? closed = null, bool cp = false, params LocalDate[] supervisions) => Child() with
    {
        Referrals = [Referral("R1", referral, closed)],
        Plans = cp ? [CpPlan("CPP1", referral)] : [],
        ManagementRecords = [.. supervisions.Select((d, i) => Supervision($"S{i + 1}", d, "R1"))],
    };

    // Referral Sat 18 Jan 2025, no CP plan: 3 months = Good Friday 18 Apr 2025, not moved.
    private static readonly LocalDate ReferralDate = 18.January(2025);
    private static readonly LocalDate Due = 18.April(2025);

    [Fact]
    public void Met_ThenThreeMonthsAfterTheSupervision()
    {
        var findings = Evaluate(Rule, Open(ReferralDate, supervisions: 17.April(2025)), 1.May(2025));
        findings[0].Is(FindingStatus.Met, Due);
        findings[1].Is(FindingStatus.Pending, 17.July(2025));
        Assert.Equal("Case supervision due by 2025-04-18 (3 months after the referral on 2025-01-18; open case) was recorded on 2025-04-17, on time.", findings[0].Detail);
    }

    [Fact]
    public void Late_EasterMondayIsNotAWorkingDay()
    {
        // Tue 22 Apr: 4 days late, 1 working day.
        var f = Evaluate(Rule, Open(ReferralDate, supervisions: 22.April(2025)), 1.May(2025))[0];
        f.Is(FindingStatus.Late, Due, 4, 1);
        Assert.Equal("Case supervision due by 2025-04-18 (3 months after the referral on 2025-01-18; open case) was recorded on 2025-04-22 (4 days late).", f.Detail);
    }

    [Fact]
    public void Overdue_CountedToAsOf()
    {
        Single(Rule, Open(ReferralDate), 25.April(2025)).Is(FindingStatus.Overdue, Due, 7, 4);
    }

    [Fact]
    public void DueSoon_WithinFiveWorkingDays()
    {
        var f = Single(Rule, Open(ReferralDate), 14.April(2025));
        f.Is(FindingStatus.DueSoon, Due);
        Assert.EndsWith("3 working days left at 2025-04-14.", f.Detail);
    }

    [Fact]
    public void Pending_NotYetDue()
    {
        Single(Rule, Open(ReferralDate), 1.April(2025)).Is(FindingStatus.Pending, Due);
    }

    [Fact]
    public void NotApplicable_ReferralClosedBeforeTheDueDate()
    {
        var f = Single(Rule, Open(ReferralDate, 31.March(2025)), 1.May(2025));
        f.Is(FindingStatus.NotApplicable, Due);
        Assert.EndsWith("after the referral ended on 2025-03-31.", f.Detail);
    }

    [Fact]
    public void Overdue_ReferralClosedAfterTheDueDate_CountedToTheClosure()
    {
        Single(Rule, Open(ReferralDate, 25.April(2025)), 20.May(2025)).Is(FindingStatus.Overdue, Due, 7, 4);
    }

    [Fact]
    public void NoFurtherActionReferral_IsNotChecked()
    {
        var record = Open(ReferralDate) with { Referrals = [Referral("R1", ReferralDate, nfa: true)] };
        Assert.Empty(Evaluate(Rule, record, 1.May(2025)));
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordManagementRecords()
    {
        var f = Single(Rule, Open(ReferralDate).Without(Dataset.ManagementRecords), 1.May(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Contains("does not record management records", f.Detail);
    }

    [Fact]
    public void SupervisionNamingNoEpisode_CountsForTheOpenReferral()
    {
        var record = Open(ReferralDate) with { ManagementRecords = [Supervision("S1", 17.April(2025), episodeId: null)] };
        Evaluate(Rule, record, 1.May(2025))[0].Is(FindingStatus.Met, Due);
    }

    [Fact]
    public void OversightRecord_IsNotSupervision()
    {
        var record = Open(ReferralDate) with { ManagementRecords = [Management(ManagementKind.Oversight, "O1", 17.April(2025), "R1")] };
        Single(Rule, record, 25.April(2025)).Is(FindingStatus.Overdue, Due, 7, 4);
    }

    [Fact]
    public void ChildProtection_Monthly()
    {
        var f = Single(Rule, Open(ReferralDate, cp: true), 1.February(2025));
        f.Is(FindingStatus.Pending, 18.February(2025));
        Assert.Contains("(1 month after the referral on 2025-01-18; child protection plan open)", f.Detail);
    }

    [Fact]
    public void Interval_ChosenWhenItStarts()
    {
        // No plan when supervised on 3 Feb (next due 3 months later); the CP plan starts 10 Feb, so after the
        // supervision on 3 Mar the next is due 1 month later.
        var record = Open(6.January(2025), supervisions: [3.February(2025), 3.March(2025)]) with { Plans = [CpPlan("CPP1", 10.February(2025))] };
        var findings = Evaluate(Rule, record, 4.March(2025));
        findings[0].Is(FindingStatus.Met, 6.April(2025));
        findings[1].Is(FindingStatus.Met, 3.May(2025));
        findings[2].Is(FindingStatus.Pending, 3.April(2025));
    }

    [Theory]
    [InlineData("2024-09-25", "2024-12-25", "Christmas Day is not moved")]
    [InlineData("2025-01-18", "2025-04-18", "Good Friday is not moved (Saturday referral)")]
    [InlineData("2022-03-02", "2022-06-02", "Platinum Jubilee 2 June 2022 is not moved")]
    [InlineData("2022-06-19", "2022-09-19", "State Funeral 19 Sept 2022 is not moved (Sunday referral)")]
    [InlineData("2023-02-08", "2023-05-08", "Coronation 8 May 2023 is not moved")]
    [InlineData("2023-11-30", "2024-02-29", "30 Nov + 3 months = 29 Feb 2024")]
    [InlineData("2024-11-30", "2025-02-28", "30 Nov + 3 months = 28 Feb 2025")]
    [InlineData("2025-03-02", "2025-06-02", "Sunday referral is the anchor itself")]
    public void DueDate_OtherCasesThreeCalendarMonths(string referral, string due, string because)
    {
        var f = Single(Rule, Open(D(referral)), D(referral));
        Assert.True(D(due) == f.DueDate, $"{because}: expected {due}, got {f.DueDate}");
    }

    [Theory]
    [InlineData("2025-01-31", "2025-02-28", "31 Jan + 1 month = 28 Feb")]
    [InlineData("2024-01-31", "2024-02-29", "31 Jan + 1 month = 29 Feb in a leap year")]
    [InlineData("2024-11-25", "2024-12-25", "Christmas Day is not moved")]
    [InlineData("2025-03-18", "2025-04-18", "Good Friday is not moved")]
    [InlineData("2022-05-03", "2022-06-03", "Platinum Jubilee 3 June 2022 is not moved")]
    [InlineData("2022-08-19", "2022-09-19", "State Funeral 19 Sept 2022 is not moved")]
    [InlineData("2023-04-08", "2023-05-08", "Coronation 8 May 2023 is not moved (Saturday referral)")]
    public void DueDate_ChildProtectionOneCalendarMonth(string referral, string due, string because)
    {
        var f = Single(Rule, Open(D(referral), cp: true), D(referral));
        Assert.True(D(due) == f.DueDate, $"{because}: expected {due}, got {f.DueDate}");
    }

    [Fact]
    public void Config_ComplexNeedCodes()
    {
        var rule = new SupervisionRule(new SupervisionOptions { ComplexNeedCodes = ["N1"] });
        var f = Single(rule, Open(31.January(2025)), 1.February(2025));
        f.Is(FindingStatus.Pending, 28.February(2025));
        Assert.Contains("; complex child in need case)", f.Detail);
        Single(Rule, Open(31.January(2025)), 1.February(2025)).Is(FindingStatus.Pending, 30.April(2025));
    }

    [Fact]
    public void Config_LookedAfterIsComplex()
    {
        var record = Open(ReferralDate) with { PeriodsOfCare = [CarePeriod("POC1", ReferralDate)] };
        var rule = new SupervisionRule(new SupervisionOptions { LookedAfterIsComplex = true });
        Single(rule, record, 1.February(2025)).Is(FindingStatus.Pending, 18.February(2025));
        Single(Rule, record, 1.February(2025)).Is(FindingStatus.Pending, Due);
    }

    [Fact]
    public void Config_OtherEveryTwoMonths()
    {
        var rule = new SupervisionRule(new SupervisionOptions { Other = Timescale.Months(2) });
        Single(rule, Open(31.December(2024)), 1.January(2025)).Is(FindingStatus.Pending, 28.February(2025));
    }
}

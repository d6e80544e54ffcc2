using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;

namespace CaseCompliance.Rules.Tests.Catalogue;

/// <summary>visit-seen-alone has no timescale: a visit either records the answer or it does not, so there is no
/// late, overdue, due-soon or pending; the statuses are met, missing-data and not-applicable.</summary>
public class VisitSeenAloneRuleTests
{
    private static readonly VisitSeenAloneRule Rule = new();

    private static CaseRecord WithVisits(params Visit[] visits) => Child() with { Visits = [.. visits] };

    private static readonly LocalDate Day = 10.March(2025);

    [Fact]
    public void Met_SeenAlone()
    {
        var f = Single(Rule, WithVisits(Visit(VisitKind.ChildProtection, "V1", Day, "CPP1")), 20.March(2025));
        f.Is(FindingStatus.Met, Day);
        Assert.Equal(Day, f.CompletedDate);
        Assert.Equal("CPP1", f.EpisodeId);
        Assert.Equal(["V1"], f.Evidence.ToArray());
        Assert.Equal("The CP visit of 2025-03-10 records that the child was seen alone.", f.Detail);
    }

    [Fact]
    public void Met_NotSeenAloneWithReason()
    {
        var visit = Visit(VisitKind.ChildInNeed, "V1", Day, seenAlone: false) with { NotSeenAloneReason = "Child asked for parent to stay" };
        var f = Single(Rule, WithVisits(visit), 20.March(2025));
        f.Is(FindingStatus.Met, Day);
        Assert.Equal("The CIN visit of 2025-03-10 records that the child was not seen alone, with the reason.", f.Detail);
    }

    [Fact]
    public void MissingData_SeenAloneNotRecorded()
    {
        var f = Single(Rule, WithVisits(Visit(VisitKind.LookedAfter, "V1", Day, seenAlone: null)), 20.March(2025));
        Assert.Equal(FindingStatus.MissingData, f.Status);
        Assert.Equal("whether the child was seen alone", f.MissingField);
        Assert.Equal(Day, f.AnchorDate);
        Assert.Equal("The LAC visit of 2025-03-10 cannot be checked: whether the child was seen alone is not recorded.", f.Detail);
    }

    [Fact]
    public void MissingData_NotSeenAloneWithoutReason_WhereTheSourceRecordsReasons()
    {
        var f = Single(Rule, WithVisits(Visit(VisitKind.PrivateFostering, "V1", Day, seenAlone: false)), 20.March(2025));
        Assert.Equal(FindingStatus.MissingData, f.Status);
        Assert.Equal("the reason the child was not seen alone", f.MissingField);
    }

    [Fact]
    public void Met_NotSeenAloneWithoutReason_WhereTheSourceRecordsNoReasons()
    {
        // The doc comment: the reason is only required where the source records reasons; the sentence must not claim one.
        var record = WithVisits(Visit(VisitKind.ChildProtection, "V1", Day, seenAlone: false)).Without(Dataset.VisitDetails);
        var f = Single(Rule, record, 20.March(2025));
        f.Is(FindingStatus.Met, Day);
        Assert.DoesNotContain("with the reason", f.Detail);
        Assert.Equal("The CP visit of 2025-03-10 records that the child was not seen alone (this source records no reasons).", f.Detail);
    }

    [Fact]
    public void NotApplicable_ChildNotSeen()
    {
        var f = Single(Rule, WithVisits(Visit(VisitKind.ChildProtection, "V1", Day, seen: false, seenAlone: null)), 20.March(2025));
        f.Is(FindingStatus.NotApplicable, Day);
        Assert.Equal("The CP visit of 2025-03-10 did not see the child, so there is no seen-alone question.", f.Detail);
    }

    [Fact]
    public void NonStatutoryVisits_AreNotChecked()
    {
        var record = WithVisits(
            Visit(VisitKind.CareLeaver, "V1", Day, seenAlone: null),
            Visit(VisitKind.EarlyHelpHomeVisit, "V2", Day, seenAlone: null),
            Visit(VisitKind.EarlyHelpContact, "V3", Day, seenAlone: null));
        Assert.Empty(Evaluate(Rule, record, 20.March(2025)));
    }

    [Fact]
    public void OneFindingPerStatutoryVisit_InDateOrder()
    {
        var record = WithVisits(
            Visit(VisitKind.LookedAfter, "V2", 12.March(2025)),
            Visit(VisitKind.ChildProtection, "V1", 5.March(2025), seenAlone: null),
            Visit(VisitKind.CareLeaver, "V3", 6.March(2025)));
        var findings = Evaluate(Rule, record, 20.March(2025));
        Assert.Equal([FindingStatus.MissingData, FindingStatus.Met], findings.Select(f => f.Status));
        Assert.Equal(["V1", "V2"], findings.Select(f => f.Evidence.Single()));
    }

    [Theory]
    [InlineData("2024-12-25", "a visit on Christmas Day is judged on its own date")]
    [InlineData("2025-03-01", "a Saturday visit is judged on its own date")]
    [InlineData("2024-02-29", "a leap-day visit is judged on its own date")]
    [InlineData("2022-09-19", "a visit on the State Funeral bank holiday is judged on its own date")]
    public void DueDate_IsTheVisitDate_NeverMoved(string visit, string because)
    {
        var f = Single(Rule, WithVisits(Visit(VisitKind.ChildProtection, "V1", D(visit))), D(visit));
        Assert.True(f.Status == FindingStatus.Met && f.DueDate == D(visit), because);
    }

    [Fact]
    public void VisitAfterTheAsOfDate_IsNotYetKnown()
    {
        Assert.Empty(Evaluate(Rule, WithVisits(Visit(VisitKind.ChildProtection, "V1", Day, seenAlone: null)), 9.March(2025)));
    }

    [Fact]
    public void Config_SwitchedOff_NoFindings()
    {
        // The rule has no timescale to configure; the switch is its only setting.
        var rule = new VisitSeenAloneRule(new RuleOptions { Enabled = false });
        Assert.Empty(Evaluate(rule, WithVisits(Visit(VisitKind.ChildProtection, "V1", Day, seenAlone: null)), 20.March(2025)));
    }
}

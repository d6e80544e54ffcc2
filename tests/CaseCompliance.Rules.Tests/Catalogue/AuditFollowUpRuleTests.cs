using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;

namespace CaseCompliance.Rules.Tests.Catalogue;

/// <summary>
/// <c>audit-follow-up</c>: a management record discussing the audit within 20 working days of it. An audit has no
/// episode end in this rule, so the episode traps (not-applicable / overdue to the end) cannot arise; not-applicable
/// comes only from a source that does not record management records.
/// </summary>
public class AuditFollowUpRuleTests
{
    private static readonly AuditFollowUpRule Rule = new();

    /// <summary>Audit on Mon 3 March 2025: due the 20th working day after, Mon 31 March.</summary>
    private static CaseRecord Audited(LocalDate audit, params ManagementRecord[] records) => Child() with
    {
        Audits = [new Audit("AU1", "C1", "EH1", audit, "Good")],
        ManagementRecords = [.. records],
    };

    private static ManagementRecord Discussion(string id, LocalDate date, string? episodeId = "EH1") =>
        Management(ManagementKind.AuditDiscussion, id, date, episodeId);

    [Fact]
    public void Met_DiscussedWithinTwentyWorkingDays()
    {
        var f = Single(Rule, Audited(3.March(2025), Discussion("M1", 20.March(2025))), 10.April(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Equal("audit-follow-up", f.RuleId);
        Assert.Equal("EH1", f.EpisodeId);
        Assert.Equal(3.March(2025), f.AnchorDate);
        Assert.Equal(31.March(2025), f.DueDate);
        Assert.Equal(["AU1", "M1"], f.Evidence.ToArray());
        Assert.Equal("Management discussion of the audit findings due by 2025-03-31 (20 working days after the audit on 2025-03-03) " +
            "was recorded on 2025-03-20, on time.", f.Detail);
    }

    [Fact]
    public void Met_OnTheAuditDay_ButNotBeforeIt()
    {
        Assert.Equal(FindingStatus.Met, Single(Rule, Audited(3.March(2025), Discussion("M1", 3.March(2025))), 10.April(2025)).Status);
        Assert.Equal(FindingStatus.Overdue, Single(Rule, Audited(3.March(2025), Discussion("M0", 28.February(2025))), 10.April(2025)).Status);
    }

    [Fact]
    public void Late()
    {
        var f = Single(Rule, Audited(3.March(2025), Discussion("M1", 2.April(2025))), 10.April(2025));
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.Equal(2, f.DaysLate);
        Assert.Equal(2, f.WorkingDaysLate);
        Assert.EndsWith("was recorded on 2025-04-02 (2 days late).", f.Detail);
    }

    [Fact]
    public void Overdue()
    {
        var f = Single(Rule, Audited(3.March(2025)), 4.April(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(4, f.DaysLate);
        Assert.Equal(4, f.WorkingDaysLate);
        Assert.Equal(["AU1"], f.Evidence.ToArray());
    }

    [Fact]
    public void DueSoon()
    {
        var f = Single(Rule, Audited(3.March(2025)), 26.March(2025));
        Assert.Equal(FindingStatus.DueSoon, f.Status);
        Assert.EndsWith("has not been recorded yet: 3 working days left at 2025-03-26.", f.Detail);
    }

    [Fact]
    public void Pending()
    {
        Assert.Equal(FindingStatus.Pending, Single(Rule, Audited(3.March(2025)), 10.March(2025)).Status);
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordManagementRecords()
    {
        var f = Single(Rule, Audited(3.March(2025)).Without(Dataset.ManagementRecords), 10.April(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("Audit follow-up cannot be checked: this source does not record management records (cc_management_records).", f.Detail);
    }

    [Fact]
    public void NoAudit_NoFindings()
    {
        Assert.Empty(Evaluate(Rule, Child() with { ManagementRecords = [Discussion("M1", 3.March(2025))] }, 10.April(2025)));
    }

    [Fact]
    public void ByDefault_OnlyAuditDiscussionRecordsCount()
    {
        var record = Audited(3.March(2025),
            Management(ManagementKind.Supervision, "M1", 10.March(2025), "EH1"), Management(ManagementKind.Oversight, "M2", 11.March(2025), "EH1"));
        Assert.Equal(FindingStatus.Overdue, Single(Rule, record, 10.April(2025)).Status);
    }

    [Fact]
    public void DiscussionOfAnotherEpisode_DoesNotCount_OneNamingNoEpisodeDoes()
    {
        Assert.Equal(FindingStatus.Overdue, Single(Rule, Audited(3.March(2025), Discussion("M1", 10.March(2025), "EH9")), 10.April(2025)).Status);
        Assert.Equal(FindingStatus.Met, Single(Rule, Audited(3.March(2025), Discussion("M1", 10.March(2025), null)), 10.April(2025)).Status);
    }

    [Theory]
    [InlineData("2024-12-02", "2025-01-02", "2025-01-03", 1, 1, "Christmas: 25, 26 Dec and 1 Jan skipped")]
    [InlineData("2025-03-31", "2025-04-30", "2025-05-01", 1, 1, "Easter: Good Friday and Easter Monday skipped")]
    [InlineData("2022-05-23", "2022-06-22", "2022-06-23", 1, 1, "Platinum Jubilee: 2 and 3 June 2022 skipped")]
    [InlineData("2022-09-05", "2022-10-04", "2022-10-05", 1, 1, "State Funeral: 19 September 2022 skipped")]
    [InlineData("2023-04-24", "2023-05-24", "2023-05-25", 1, 1, "Coronation: 1 May and 8 May 2023 both skipped")]
    [InlineData("2024-02-01", "2024-02-29", "2024-03-01", 1, 1, "leap year: the 20th working day after 1 Feb 2024 is 29 Feb")]
    [InlineData("2025-02-28", "2025-03-28", "2025-03-31", 3, 1, "month end: from Fri 28 February across into March")]
    [InlineData("2025-03-01", "2025-03-28", "2025-03-31", 3, 1, "weekend start: a Saturday audit is day 0, so the same due date as Friday's")]
    [InlineData("2025-03-02", "2025-03-28", "2025-03-31", 3, 1, "weekend start: a Sunday audit is day 0, so the same due date as Friday's")]
    public void DueDate_WorkingDaysSkipWeekendsAndBankHolidays(string audit, string due, string lateRecord,
        int daysLate, int workingDaysLate, string because)
    {
        var onTime = Single(Rule, Audited(D(audit), Discussion("M1", D(due))), D(due).PlusDays(1));
        Assert.True(D(due) == onTime.DueDate, $"due date {onTime.DueDate} — {because}");
        Assert.True(FindingStatus.Met == onTime.Status, $"recorded on the due date — {because}");

        var late = Single(Rule, Audited(D(audit), Discussion("M1", D(lateRecord))), D(lateRecord).PlusDays(1));
        Assert.Equal(FindingStatus.Late, late.Status);
        Assert.True(daysLate == late.DaysLate, $"days late {late.DaysLate} — {because}");
        Assert.True(workingDaysLate == late.WorkingDaysLate, $"working days late {late.WorkingDaysLate} — {because}");
    }

    [Fact]
    public void Configured_TenWorkingDays_MovesTheDueDate()
    {
        var rule = new AuditFollowUpRule(new AuditFollowUpOptions { Within = Timescale.WorkingDays(10) });
        var f = Single(rule, Audited(3.March(2025), Discussion("M1", 20.March(2025))), 10.April(2025));
        Assert.Equal(17.March(2025), f.DueDate);
        Assert.Equal(FindingStatus.Late, f.Status); // on time under the default 20 working days
        Assert.Equal(3, f.DaysLate);
        Assert.Equal(3, f.WorkingDaysLate);
        Assert.Contains("(10 working days after the audit on 2025-03-03)", f.Detail);
    }

    [Fact]
    public void Configured_SupervisionCounts()
    {
        var rule = new AuditFollowUpRule(new AuditFollowUpOptions { CountingKinds = ["audit-discussion", "supervision"] });
        var record = Audited(3.March(2025), Management(ManagementKind.Supervision, "M1", 10.March(2025), "EH1"));
        var f = Single(rule, record, 10.April(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Equal(["AU1", "M1"], f.Evidence.ToArray());
    }
}

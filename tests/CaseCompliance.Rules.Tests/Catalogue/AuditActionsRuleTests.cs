using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;

namespace CaseCompliance.Rules.Tests.Catalogue;

/// <summary>
/// <c>audit-actions</c>: each recommended action completed by its agreed date. The due date is the date agreed, as
/// recorded: it is never computed or moved, so the date traps here are about weekends/holidays in the days late and
/// in the warning window. There is no episode end and no data-set switch, so not-applicable cannot arise.
/// </summary>
public class AuditActionsRuleTests
{
    private static readonly AuditActionsRule Rule = new();

    private static CaseRecord Audited(LocalDate? due, LocalDate? completed, LocalDate? auditDate = null) => Child() with
    {
        Audits = [new Audit("AU1", "C1", "EH1", auditDate ?? 10.February(2025), "Requires improvement")],
        AuditActions = [new AuditAction("AA1", "AU1", "Update the chronology", "W1", due, completed)],
    };

    [Fact]
    public void Met_CompletedByTheAgreedDate()
    {
        var f = Single(Rule, Audited(14.March(2025), 12.March(2025)), 20.March(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Equal("audit-actions", f.RuleId);
        Assert.Equal("EH1", f.EpisodeId);
        Assert.Equal(10.February(2025), f.AnchorDate);
        Assert.Equal(14.March(2025), f.DueDate);
        Assert.Equal(12.March(2025), f.CompletedDate);
        Assert.Equal(["AU1", "AA1"], f.Evidence.ToArray());
        Assert.Equal("Audit action AA1 due by 2025-03-14 (agreed at the audit on 2025-02-10) was completed on 2025-03-12, on time.", f.Detail);
    }

    [Fact]
    public void Late()
    {
        // Due Fri 14 March, completed Wed 19 March: 5 days, 3 working days (17, 18, 19).
        var f = Single(Rule, Audited(14.March(2025), 19.March(2025)), 20.March(2025));
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.Equal(5, f.DaysLate);
        Assert.Equal(3, f.WorkingDaysLate);
        Assert.Equal("Audit action AA1 due by 2025-03-14 (agreed at the audit on 2025-02-10) was completed on 2025-03-19 (5 days late).", f.Detail);
        Assert.DoesNotContain("chronology", f.Detail); // the free-text description never goes into a finding
    }

    [Fact]
    public void Overdue()
    {
        var f = Single(Rule, Audited(14.March(2025), null), 20.March(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(6, f.DaysLate);
        Assert.Equal(4, f.WorkingDaysLate);
        Assert.EndsWith("has not been completed: 6 days overdue at 2025-03-20.", f.Detail);
    }

    [Fact]
    public void Overdue_CompletionAfterTheAsOfDateIsNotYetKnown()
    {
        var f = Single(Rule, Audited(14.March(2025), 19.March(2025)), 17.March(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Null(f.CompletedDate);
        Assert.Equal(3, f.DaysLate);
        Assert.Equal(1, f.WorkingDaysLate);
    }

    [Fact]
    public void DueSoon()
    {
        var f = Single(Rule, Audited(14.March(2025), null), 10.March(2025));
        Assert.Equal(FindingStatus.DueSoon, f.Status);
        Assert.EndsWith("has not been completed yet: 4 working days left at 2025-03-10.", f.Detail);
    }

    [Fact]
    public void Pending()
    {
        Assert.Equal(FindingStatus.Pending, Single(Rule, Audited(14.March(2025), null), 17.February(2025)).Status);
    }

    [Fact]
    public void MissingData_NoAgreedDueDate()
    {
        var f = Single(Rule, Audited(null, null), 20.March(2025));
        Assert.Equal(FindingStatus.MissingData, f.Status);
        Assert.Equal("the action's agreed due date", f.MissingField);
        Assert.Equal(10.February(2025), f.AnchorDate);
        Assert.Null(f.DueDate);
        Assert.Equal(["AU1", "AA1"], f.Evidence.ToArray());
        Assert.Equal("Audit action AA1 cannot be checked: the action's agreed due date is not recorded.", f.Detail);
    }

    [Fact]
    public void AuditNotFound_AnchoredOnTheAgreedDate()
    {
        var record = Child() with { AuditActions = [new AuditAction("AA1", "AU9", null, null, 14.March(2025), null)] };
        var f = Single(Rule, record, 20.March(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Null(f.EpisodeId);
        Assert.Equal(14.March(2025), f.AnchorDate);
        Assert.Contains("(the agreed date)", f.Detail);
    }

    [Fact]
    public void EachActionJudged()
    {
        var record = Audited(14.March(2025), 12.March(2025)) with
        {
            AuditActions =
            [
                new AuditAction("AA1", "AU1", null, null, 14.March(2025), 12.March(2025)),
                new AuditAction("AA2", "AU1", null, null, 28.March(2025), null),
                new AuditAction("AA3", "AU1", null, null, null, null),
            ],
        };
        var findings = Evaluate(Rule, record, 24.March(2025));
        Assert.Equal([FindingStatus.Met, FindingStatus.DueSoon, FindingStatus.MissingData], findings.Select(f => f.Status));
    }

    [Theory]
    [InlineData("2024-12-24", "2024-12-27", 3, 1, "Christmas: 25 and 26 December are not working days")]
    [InlineData("2025-04-17", "2025-04-22", 5, 1, "Easter: Good Friday and Easter Monday are not working days")]
    [InlineData("2022-06-01", "2022-06-06", 5, 1, "Platinum Jubilee: 2 and 3 June 2022 are not working days")]
    [InlineData("2022-09-16", "2022-09-20", 4, 1, "State Funeral: 19 September 2022 is not a working day")]
    [InlineData("2023-05-05", "2023-05-09", 4, 1, "Coronation: 8 May 2023 is not a working day")]
    [InlineData("2024-02-28", "2024-03-01", 2, 2, "leap year: 29 February 2024 is a day and a working day")]
    [InlineData("2025-01-31", "2025-02-03", 3, 1, "month end: 31 January to 3 February")]
    [InlineData("2025-03-01", "2025-03-03", 2, 1, "weekend: an agreed date on a Saturday is not moved to Monday")]
    public void DaysLate_WorkingDaysSkipWeekendsAndBankHolidays_DueDateNotMoved(string due, string completed,
        int daysLate, int workingDaysLate, string because)
    {
        var f = Single(Rule, Audited(D(due), D(completed), D(due).PlusDays(-30)), D(completed).PlusDays(1));
        Assert.True(D(due) == f.DueDate, $"due date {f.DueDate} — {because}");
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.True(daysLate == f.DaysLate, $"days late {f.DaysLate} — {because}");
        Assert.True(workingDaysLate == f.WorkingDaysLate, $"working days late {f.WorkingDaysLate} — {because}");
    }

    [Theory]
    [InlineData("2025-01-02", FindingStatus.DueSoon, "as at Christmas Eve, 2 Jan is the 4th working day (27, 30, 31, 2)")]
    [InlineData("2025-01-03", FindingStatus.DueSoon, "3 Jan is the 5th working day after Christmas Eve")]
    [InlineData("2025-01-06", FindingStatus.Pending, "6 Jan is beyond the 5-working-day window, which skips Christmas and New Year")]
    public void WarningWindow_CountsWorkingDaysOverChristmas(string due, FindingStatus expected, string because)
    {
        var f = Single(Rule, Audited(D(due), null, 2.December(2024)), 24.December(2024));
        Assert.True(expected == f.Status, $"{f.Status} — {because}");
    }

    [Fact]
    public void Configured_TenWorkingDayWarningWindow()
    {
        // The due date is agreed, not configured; the warning window is. As at Mon 3 March, due Fri 14 March:
        // 5 working days reach 10 March (pending); 10 reach 17 March (due soon).
        Assert.Equal(FindingStatus.Pending, Single(Rule, Audited(14.March(2025), null), 3.March(2025)).Status);
        var rule = new AuditActionsRule(new RuleOptions { WarningWindow = Timescale.WorkingDays(10) });
        var f = Single(rule, Audited(14.March(2025), null), 3.March(2025));
        Assert.Equal(FindingStatus.DueSoon, f.Status);
        Assert.Equal(14.March(2025), f.DueDate);
        Assert.EndsWith("9 working days left at 2025-03-03.", f.Detail);
    }

    [Fact]
    public void Configured_SwitchedOff_NoFindings()
    {
        Assert.Empty(Evaluate(new AuditActionsRule(new RuleOptions { Enabled = false }), Audited(14.March(2025), null), 20.March(2025)));
    }

    [Fact]
    public void AsOfBeforeTheAudit_ItsActionsDoNotExistYet()
    {
        // Audit on 10 February 2025: a scan as of 1 February knows neither the audit nor its actions.
        Assert.Empty(Evaluate(Rule, Audited(14.March(2025), null), 1.February(2025)));
        Assert.Single(Evaluate(Rule, Audited(14.March(2025), null), 10.February(2025)));
    }
}

using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;

namespace CaseCompliance.Rules.Tests.Catalogue;

/// <summary>
/// <c>strategy-discussion</c>: where one is held, a strategy discussion within 24 hours (1 working day with dates only)
/// of the referral. Because it is judged only where one is held, its statuses are <c>met</c> and <c>late</c>:
/// overdue, due-soon, pending, not-applicable and missing-data cannot arise (see NoDiscussionHeld_NoFinding).
/// </summary>
public class StrategyDiscussionRuleTests
{
    private static readonly StrategyDiscussionRule Rule = new();

    private static CaseRecord Referred(LocalDate date, LocalDate? close = null, params Meeting[] meetings) => Child() with
    {
        Referrals = [new Referral("R1", "C1", date, close, "N2", false, "T1", null)],
        Meetings = [.. meetings],
    };

    private static Meeting Strategy(string id, LocalDate date, string? referralId = "R1", bool cancelled = false) =>
        Meeting(MeetingType.StrategyDiscussion, id, date, referralId, cancelled);

    [Fact]
    public void Met_HeldTheNextWorkingDay()
    {
        var f = Single(Rule, Referred(3.March(2025), null, Strategy("SD1", 4.March(2025))), 10.March(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Equal("strategy-discussion", f.RuleId);
        Assert.Equal("R1", f.EpisodeId);
        Assert.Equal(3.March(2025), f.AnchorDate);
        Assert.Equal(4.March(2025), f.DueDate);
        Assert.Equal(["R1", "SD1"], f.Evidence.ToArray());
        Assert.Equal("Strategy discussion due by 2025-03-04 (24 hours (1 working day with dates only) after the referral on 2025-03-03) " +
            "was held on 2025-03-04, on time.", f.Detail);
    }

    [Fact]
    public void Met_HeldTheSameDay()
    {
        Assert.Equal(FindingStatus.Met, Single(Rule, Referred(3.March(2025), null, Strategy("SD1", 3.March(2025))), 10.March(2025)).Status);
    }

    [Fact]
    public void Late()
    {
        var f = Single(Rule, Referred(3.March(2025), null, Strategy("SD1", 6.March(2025))), 10.March(2025));
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.Equal(2, f.DaysLate);
        Assert.Equal(2, f.WorkingDaysLate);
        Assert.Equal("Strategy discussion due by 2025-03-04 (24 hours (1 working day with dates only) after the referral on 2025-03-03) " +
            "was held on 2025-03-06 (2 days late).", f.Detail);
    }

    [Fact]
    public void TheStartOfASection47Enquiry_IsTheStrategyDiscussion()
    {
        var linked = Referred(3.March(2025)) with { S47Enquiries = [new S47Enquiry("S47-1", "C1", "R1", 4.March(2025), null)] };
        var f = Single(Rule, linked, 10.March(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Equal(["R1", "S47-1"], f.Evidence.ToArray());

        var unlinkedWhileOpen = Referred(3.March(2025)) with { S47Enquiries = [new S47Enquiry("S47-1", "C1", null, 5.March(2025), null)] };
        Assert.Equal(FindingStatus.Late, Single(Rule, unlinkedWhileOpen, 10.March(2025)).Status);
    }

    [Fact]
    public void TheFirstDiscussionOnOrAfterTheReferralIsChecked()
    {
        // A cancelled one and one before the referral do not count; of SD2 (7 March) and the s47 start (5 March), the s47 is first.
        var record = Referred(3.March(2025), null,
                Strategy("SD0", 28.February(2025)), Strategy("SDX", 4.March(2025), cancelled: true), Strategy("SD2", 7.March(2025))) with
        {
            S47Enquiries = [new S47Enquiry("S47-1", "C1", "R1", 5.March(2025), null)],
        };
        var f = Single(Rule, record, 10.March(2025));
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.Equal(5.March(2025), f.CompletedDate);
        Assert.Equal(1, f.DaysLate);
        Assert.Equal(["R1", "S47-1"], f.Evidence.ToArray());
    }

    [Fact]
    public void NoDiscussionHeld_NoFinding()
    {
        // "where one is held": a referral without a strategy discussion is not checked, however long ago it was.
        Assert.Empty(Evaluate(Rule, Referred(3.March(2025)), 31.December(2025)));
        Assert.Empty(Evaluate(Rule, Referred(3.March(2025), null, Strategy("SD1", 4.March(2025), cancelled: true)), 31.December(2025)));
    }

    [Fact]
    public void DiscussionAfterTheAsOfDate_NotYetKnown()
    {
        Assert.Empty(Evaluate(Rule, Referred(3.March(2025), null, Strategy("SD1", 6.March(2025))), 5.March(2025)));
    }

    [Fact]
    public void UnlinkedDiscussionOutsideTheReferral_DoesNotCount()
    {
        var record = Referred(3.March(2025), 10.March(2025), Strategy("SD1", 12.March(2025), referralId: null));
        Assert.Empty(Evaluate(Rule, record, 31.March(2025)));
    }

    [Theory]
    [InlineData("2024-12-24", "2024-12-27", "2025-01-02", 6, 3, "Christmas: received Christmas Eve; 25, 26 Dec and 1 Jan skipped")]
    [InlineData("2025-04-17", "2025-04-22", "2025-04-23", 1, 1, "Easter: Good Friday, the weekend and Easter Monday skipped")]
    [InlineData("2022-06-01", "2022-06-06", "2022-06-07", 1, 1, "Platinum Jubilee: 2 and 3 June 2022 skipped")]
    [InlineData("2022-09-16", "2022-09-20", "2022-09-21", 1, 1, "State Funeral: 19 September 2022 skipped")]
    [InlineData("2023-05-05", "2023-05-09", "2023-05-10", 1, 1, "Coronation: 8 May 2023 skipped")]
    [InlineData("2024-02-28", "2024-02-29", "2024-03-01", 1, 1, "leap year: due 29 Feb 2024")]
    [InlineData("2025-01-31", "2025-02-03", "2025-02-04", 1, 1, "month end: Fri 31 January to Mon 3 February")]
    [InlineData("2025-03-01", "2025-03-03", "2025-03-04", 1, 1, "weekend start: a Saturday referral is day 0, due Monday")]
    public void DueDate_OneWorkingDaySkipsWeekendsAndBankHolidays(string referral, string due, string lateHeld,
        int daysLate, int workingDaysLate, string because)
    {
        var onTime = Single(Rule, Referred(D(referral), null, Strategy("SD1", D(due))), D(due).PlusDays(1));
        Assert.True(D(due) == onTime.DueDate, $"due date {onTime.DueDate} — {because}");
        Assert.True(FindingStatus.Met == onTime.Status, $"held on the due date — {because}");

        var late = Single(Rule, Referred(D(referral), null, Strategy("SD1", D(lateHeld))), D(lateHeld).PlusDays(1));
        Assert.Equal(FindingStatus.Late, late.Status);
        Assert.True(daysLate == late.DaysLate, $"days late {late.DaysLate} — {because}");
        Assert.True(workingDaysLate == late.WorkingDaysLate, $"working days late {late.WorkingDaysLate} — {because}");
    }

    [Fact]
    public void Configured_FortyEightHours_IsTwoWorkingDaysWithDatesOnly()
    {
        // Fri 7 March: Mon 10 (1), Tue 11 (2).
        var rule = new StrategyDiscussionRule(new StrategyDiscussionOptions { Within = Timescale.Hours(48) });
        var f = Single(rule, Referred(7.March(2025), null, Strategy("SD1", 11.March(2025))), 12.March(2025));
        Assert.Equal(11.March(2025), f.DueDate);
        Assert.Equal(FindingStatus.Met, f.Status); // late under the default (due Mon 10 March)
        Assert.Contains("(48 hours (2 working days with dates only) after the referral on 2025-03-07)", f.Detail);
    }

    [Fact]
    public void Configured_ThreeWorkingDays_SkipsTheJubilee()
    {
        // Wed 1 June 2022: [2, 3 June], Mon 6 (1), Tue 7 (2), Wed 8 (3).
        var rule = new StrategyDiscussionRule(new StrategyDiscussionOptions { Within = Timescale.WorkingDays(3) });
        var f = Single(rule, Referred(1.June(2022), null, Strategy("SD1", 9.June(2022))), 10.June(2022));
        Assert.Equal(8.June(2022), f.DueDate);
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.Contains("(3 working days after the referral on 2022-06-01)", f.Detail);
    }
}

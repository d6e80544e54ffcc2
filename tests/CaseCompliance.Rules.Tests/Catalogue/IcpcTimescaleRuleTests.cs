using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;
using static CaseCompliance.Rules.Tests.Support.SocialCareCases;

namespace CaseCompliance.Rules.Tests.Catalogue;

public class IcpcTimescaleRuleTests
{
    private static readonly IcpcTimescaleRule Rule = new();

    private static CaseRecord WithEnquiry(LocalDate start, LocalDate? icpc, LocalDate? end = null, bool transferIn = false) => Child() with
    {
        Referrals = [Referral("R1", start.PlusDays(-3))],
        S47Enquiries = [S47("S1", start, end)],
        InitialConferences = icpc is null && !transferIn ? [] : [Icpc("I1", icpc, s47Id: "S1", transferIn: transferIn)],
    };

    // Strategy discussion Mon 16 Dec 2024 + 15 working days = Thu 9 Jan 2025 (25, 26 Dec and 1 Jan skipped).
    private static readonly LocalDate Start = 16.December(2024);
    private static readonly LocalDate Due = 9.January(2025);

    [Fact]
    public void Met_ConferenceOnTheDueDate_AcrossChristmas()
    {
        var f = Single(Rule, WithEnquiry(Start, Due), 20.January(2025));
        f.Is(FindingStatus.Met, Due);
        Assert.Equal(["S1", "I1"], f.Evidence.ToArray());
    }

    [Fact]
    public void Late_SentenceAndWorkingDays()
    {
        // Tue 14 Jan: 5 days, 3 working days (10, 13, 14 Jan) late.
        var f = Single(Rule, WithEnquiry(Start, 14.January(2025)), 20.January(2025));
        f.Is(FindingStatus.Late, Due, 5, 3);
        Assert.Equal("Initial child protection conference due by 2025-01-09 (15 working days after the strategy discussion on 2024-12-16) was held on 2025-01-14 (5 days late).", f.Detail);
    }

    [Fact]
    public void Overdue_OpenEnquiryWithoutConference()
    {
        var f = Single(Rule, WithEnquiry(Start, null), 15.January(2025));
        f.Is(FindingStatus.Overdue, Due, 6, 4);
        Assert.EndsWith("has not been held: 6 days overdue at 2025-01-15.", f.Detail);
    }

    [Fact]
    public void Overdue_ConferenceAfterTheAsOfDateIsNotYetKnown()
    {
        Single(Rule, WithEnquiry(Start, 14.January(2025)), 13.January(2025)).Is(FindingStatus.Overdue, Due, 4, 2);
    }

    [Fact]
    public void DueSoon_WithinFiveWorkingDays()
    {
        // 3 Jan + 5 working days = 10 Jan; left: 6, 7, 8, 9 Jan.
        var f = Single(Rule, WithEnquiry(Start, null), 3.January(2025));
        f.Is(FindingStatus.DueSoon, Due);
        Assert.EndsWith("4 working days left at 2025-01-03.", f.Detail);
    }

    [Fact]
    public void Pending_OutsideTheWarningWindow()
    {
        // 30 Dec + 5 working days = 7 Jan (1 Jan skipped), before the due date.
        Single(Rule, WithEnquiry(Start, null), 30.December(2024)).Is(FindingStatus.Pending, Due);
    }

    [Fact]
    public void NotApplicable_TransferInConference()
    {
        var f = Single(Rule, WithEnquiry(Start, 20.January(2025), transferIn: true), 25.January(2025));
        f.Is(FindingStatus.NotApplicable, Due);
        Assert.Equal("Initial child protection conference timescale does not apply to a transfer-in conference.", f.Detail);
    }

    [Theory]
    [InlineData("2024-12-20", "enquiry ended before the due date")]
    [InlineData("2025-01-14", "enquiry ended after the due date: the doc comment's choice is that an enquiry ending without a conference needed none")]
    public void NotApplicable_EnquiryEndedWithoutConference(string end, string because)
    {
        var f = Single(Rule, WithEnquiry(Start, null, D(end)), 20.January(2025));
        Assert.True(f.Status == FindingStatus.NotApplicable, because);
        Assert.Equal(Due, f.DueDate);
        Assert.Equal($"No initial child protection conference was needed: the section 47 enquiry ended on {end} without one.", f.Detail);
    }

    [Fact]
    public void Overdue_EnquiryEndsAfterTheAsOfDate_IsStillOpen()
    {
        // The end on 20 Jan is not yet known at 15 Jan, so the enquiry is open and the conference overdue.
        Single(Rule, WithEnquiry(Start, null, 20.January(2025)), 15.January(2025)).Is(FindingStatus.Overdue, Due, 6, 4);
    }

    [Fact]
    public void ConferenceLinkedByReferral_Counts()
    {
        var record = WithEnquiry(Start, null) with { InitialConferences = [Icpc("I9", 8.January(2025), s47Id: null)] };
        var f = Single(Rule, record, 20.January(2025));
        f.Is(FindingStatus.Met, Due);
        Assert.Equal(["S1", "I9"], f.Evidence.ToArray());
    }

    [Theory]
    [InlineData("2024-12-16", "2025-01-09", "Christmas: 25, 26 Dec and 1 Jan skipped")]
    [InlineData("2025-04-07", "2025-04-30", "Easter: Good Friday 18 and Easter Monday 21 Apr 2025 skipped")]
    [InlineData("2022-05-27", "2022-06-21", "Platinum Jubilee: 2 and 3 June 2022 skipped (30 May 2022 was a working day)")]
    [InlineData("2022-09-09", "2022-10-03", "State Funeral: 19 Sept 2022 skipped")]
    [InlineData("2023-04-28", "2023-05-23", "Coronation: 1 and 8 May 2023 skipped")]
    [InlineData("2024-02-08", "2024-02-29", "Leap day: 29 Feb 2024 is the 15th working day")]
    [InlineData("2025-03-02", "2025-03-21", "Sunday start is day 0: three full weeks to Fri 21 Mar")]
    [InlineData("2025-03-03", "2025-03-24", "Monday start: one working day later")]
    public void DueDate_FifteenWorkingDays(string start, string due, string because)
    {
        var f = Single(Rule, WithEnquiry(D(start), null), D(start));
        Assert.True(D(due) == f.DueDate, $"{because}: expected {due}, got {f.DueDate}");
    }

    [Fact]
    public void Config_TenWorkingDays()
    {
        // 16 Dec + 10 working days = Thu 2 Jan 2025; the 9 Jan conference is then 7 days, 5 working days late.
        var rule = new IcpcTimescaleRule(new IcpcTimescaleOptions { Within = Timescale.WorkingDays(10) });
        var f = Single(rule, WithEnquiry(Start, Due), 20.January(2025));
        f.Is(FindingStatus.Late, 2.January(2025), 7, 5);
        Assert.Contains("(10 working days after the strategy discussion on 2024-12-16)", f.Detail);
    }
}

using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;
using static CaseCompliance.Rules.Tests.Support.SocialCareCases;

namespace CaseCompliance.Rules.Tests.Catalogue;

public class AssessmentTimescaleRuleTests
{
    private static readonly AssessmentTimescaleRule Rule = new();

    private static CaseRecord WithAssessment(LocalDate? start, LocalDate? completed, LocalDate? referralDate = null,
        LocalDate? referralClosed = null) => Child() with
    {
        Referrals = [Referral("R1", referralDate ?? start ?? 1.January(2025), referralClosed)],
        Assessments = [SocialCareAssessment("A1", start, completed)],
    };

    [Fact]
    public void DueDate_SpecWorkedExample_FortyFiveWorkingDaysAcrossChristmas()
    {
        // rules.md: referral Fri 2024-12-20 + 45 working days → due Wed 2025-02-26 (25, 26 Dec and 1 Jan skipped).
        var f = Single(Rule, WithAssessment(20.December(2024), 26.February(2025)), 1.March(2025));
        f.Is(FindingStatus.Met, 26.February(2025));
        Assert.Equal(20.December(2024), f.AnchorDate);
        Assert.Equal("A1", f.EpisodeId);
        Assert.Equal("Assessment due by 2025-02-26 (45 working days after the assessment start on 2024-12-20) was authorised on 2025-02-26, on time.", f.Detail);
    }

    [Fact]
    public void Late_CountsCalendarAndWorkingDays()
    {
        // Due Wed 26 Feb; authorised Mon 3 Mar: 5 calendar days, 3 working days (27, 28 Feb, 3 Mar).
        var f = Single(Rule, WithAssessment(20.December(2024), 3.March(2025)), 10.March(2025));
        f.Is(FindingStatus.Late, 26.February(2025), 5, 3);
        Assert.Equal("Assessment due by 2025-02-26 (45 working days after the assessment start on 2024-12-20) was authorised on 2025-03-03 (5 days late).", f.Detail);
        Assert.Equal(3.March(2025), f.CompletedDate);
    }

    [Fact]
    public void Overdue_CountedToAsOf()
    {
        // 27, 28 Feb, 3, 4, 5 Mar: 5 working days; 7 calendar days.
        var f = Single(Rule, WithAssessment(20.December(2024), null), 5.March(2025));
        f.Is(FindingStatus.Overdue, 26.February(2025), 7, 5);
        Assert.Equal("Assessment due by 2025-02-26 (45 working days after the assessment start on 2024-12-20) has not been authorised: 7 days overdue at 2025-03-05.", f.Detail);
    }

    [Fact]
    public void Overdue_AuthorisationAfterAsOfIsNotYetKnown()
    {
        // The authorisation on 3 Mar is after the as-of date, so the replay sees an open assessment.
        var f = Single(Rule, WithAssessment(20.December(2024), 3.March(2025)), 28.February(2025));
        f.Is(FindingStatus.Overdue, 26.February(2025), 2, 2);
        Assert.Null(f.CompletedDate);
    }

    [Theory]
    [InlineData("2025-02-20", FindingStatus.DueSoon, "4 working days left (21, 24, 25, 26 Feb) inside the 5-day window")]
    [InlineData("2025-02-19", FindingStatus.DueSoon, "19 Feb + 5 working days = 26 Feb, the due date itself")]
    [InlineData("2025-02-26", FindingStatus.DueSoon, "due today")]
    [InlineData("2025-02-18", FindingStatus.Pending, "18 Feb + 5 working days = 25 Feb, before the due date")]
    public void NotDone_DueSoonOrPending(string asOf, FindingStatus expected, string because)
    {
        var f = Single(Rule, WithAssessment(20.December(2024), null), D(asOf));
        Assert.True(expected == f.Status, because);
        f.Is(expected, 26.February(2025));
    }

    [Fact]
    public void DueSoon_SentenceCountsWorkingDaysLeft()
    {
        var f = Single(Rule, WithAssessment(20.December(2024), null), 20.February(2025));
        Assert.Equal("Assessment due by 2025-02-26 (45 working days after the assessment start on 2024-12-20) has not been authorised yet: 4 working days left at 2025-02-20.", f.Detail);
    }

    [Fact]
    public void NotApplicable_ReferralClosedBeforeTheDueDate()
    {
        var f = Single(Rule, WithAssessment(20.December(2024), null, referralClosed: 10.February(2025)), 1.March(2025));
        f.Is(FindingStatus.NotApplicable, 26.February(2025));
        Assert.Equal("Assessment would have been due by 2025-02-26 (45 working days after the assessment start on 2024-12-20), after the referral ended on 2025-02-10.", f.Detail);
    }

    [Fact]
    public void Overdue_ReferralClosedAfterTheDueDate_CountedToTheClosure()
    {
        // Closed Fri 7 Mar, judged 20 Mar: lateness stops at the closure (9 days; 27, 28 Feb, 3–7 Mar = 7 working days).
        var f = Single(Rule, WithAssessment(20.December(2024), null, referralClosed: 7.March(2025)), 20.March(2025));
        f.Is(FindingStatus.Overdue, 26.February(2025), 9, 7);
        Assert.Contains("before the referral ended on 2025-03-07 (9 days overdue)", f.Detail);
    }

    [Fact]
    public void MissingData_NoAssessmentStart()
    {
        var f = Single(Rule, WithAssessment(null, null, referralDate: 6.January(2025)), 1.March(2025));
        Assert.Equal(FindingStatus.MissingData, f.Status);
        Assert.Equal("the assessment start date", f.MissingField);
        Assert.Null(f.DueDate);
    }

    [Fact]
    public void MissingData_ReferralAnchorWithoutReferral()
    {
        var rule = new AssessmentTimescaleRule(new AssessmentTimescaleOptions { Anchor = "referral-date" });
        var record = Child() with { Assessments = [SocialCareAssessment("A1", 6.January(2025), null, referralId: null)] };
        var f = Single(rule, record, 1.March(2025));
        Assert.Equal(FindingStatus.MissingData, f.Status);
        Assert.Equal("the referral date of the assessment's referral", f.MissingField);
    }

    [Fact]
    public void EarlyHelpAssessments_AreNotChecked()
    {
        var record = Child() with { Assessments = [new Assessment("EA1", "C1", "EH1", AssessmentKind.EarlyHelp, 6.January(2025), null, true)] };
        Assert.Empty(Evaluate(Rule, record, 1.June(2025)));
    }

    [Theory]
    [InlineData("2024-12-20", "2025-02-26", "Christmas: 25, 26 Dec 2024 and 1 Jan 2025 skipped (the spec's example)")]
    [InlineData("2025-03-10", "2025-05-15", "Easter: Good Friday 18 Apr, Easter Monday 21 Apr and 5 May 2025 skipped (9 weeks + 3)")]
    [InlineData("2022-04-25", "2022-06-30", "Platinum Jubilee: 2 May, 2 and 3 June 2022 skipped (9 weeks + 3)")]
    [InlineData("2022-08-01", "2022-10-05", "State Funeral: 29 Aug and 19 Sept 2022 skipped (9 weeks + 2)")]
    [InlineData("2023-04-03", "2023-06-12", "Coronation: 7, 10 Apr, 1, 8 and 29 May 2023 skipped (9 weeks + 5)")]
    [InlineData("2023-12-27", "2024-02-29", "Leap day: 29 Feb 2024 is the 45th working day (1 Jan skipped)")]
    [InlineData("2024-01-01", "2024-03-04", "Leap day 29 Feb 2024 counts as a working day; a start on New Year's Day is still day 0")]
    [InlineData("2025-03-01", "2025-05-07", "Saturday start is day 0: same due date as a Friday start")]
    [InlineData("2025-03-02", "2025-05-07", "Sunday start is day 0: same due date as a Friday start")]
    [InlineData("2025-02-28", "2025-05-07", "Friday start, for comparison")]
    [InlineData("2025-03-03", "2025-05-08", "Monday start is one working day later than a weekend start")]
    public void DueDate_FortyFiveWorkingDays(string start, string due, string because)
    {
        var f = Single(Rule, WithAssessment(D(start), null), D(start));
        Assert.True(D(due) == f.DueDate, $"{because}: expected {due}, got {f.DueDate}");
    }

    [Fact]
    public void DueDate_OnlyWorkingDaysCountTowardsLateness_AcrossEaster()
    {
        // Authorised Tue 22 Apr, 6 days after the due date but only 2 working days (17 and 22 Apr): Good Friday and
        // Easter Monday are not working days.
        var rule = new AssessmentTimescaleRule(new AssessmentTimescaleOptions { Within = Timescale.WorkingDays(27) });
        // 10 Mar + 27 working days: 11–14 (4), 17–21 (9), 24–28 (14), 31 Mar–4 Apr (19), 7–11 (24), 14, 15, 16 (27) = Wed 16 Apr.
        var f = Single(rule, WithAssessment(10.March(2025), 22.April(2025)), 1.May(2025));
        f.Is(FindingStatus.Late, 16.April(2025), 6, 2);
    }

    [Fact]
    public void Config_ShorterTimescaleMovesTheDueDate()
    {
        // 20 working days from Fri 20 Dec 2024: 23, 24, 27, 30, 31 Dec, 2, 3, 6–10, 13–17, 20, 21, 22 Jan.
        var rule = new AssessmentTimescaleRule(new AssessmentTimescaleOptions { Within = Timescale.WorkingDays(20) });
        var f = Single(rule, WithAssessment(20.December(2024), 26.February(2025)), 1.March(2025));
        f.Is(FindingStatus.Late, 22.January(2025), 35, 25);
        Assert.StartsWith("Assessment due by 2025-01-22 (20 working days after the assessment start on 2024-12-20)", f.Detail);
    }

    [Fact]
    public void Config_ReferralDateAnchor()
    {
        // Referral Fri 20 Dec 2024, assessment started Mon 6 Jan 2025: from the start it is due Mon 10 Mar (9 weeks, no
        // holidays); from the referral it is due Wed 26 Feb.
        var record = WithAssessment(6.January(2025), 5.March(2025), referralDate: 20.December(2024));
        Single(Rule, record, 20.March(2025)).Is(FindingStatus.Met, 10.March(2025));

        var fromReferral = new AssessmentTimescaleRule(new AssessmentTimescaleOptions { Anchor = "referral-date" });
        var f = Single(fromReferral, record, 20.March(2025));
        f.Is(FindingStatus.Late, 26.February(2025), 7, 5);
        Assert.Equal(20.December(2024), f.AnchorDate);
        Assert.Contains("45 working days after the referral on 2024-12-20", f.Detail);
    }
}

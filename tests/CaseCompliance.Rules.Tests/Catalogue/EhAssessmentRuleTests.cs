using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;
using static CaseCompliance.Rules.Tests.Support.EarlyHelpCases;

namespace CaseCompliance.Rules.Tests.Catalogue;

/// <summary><c>eh-assessment</c>: Early Help assessment completed within 45 calendar days of its start (allocation if no start).</summary>
public class EhAssessmentRuleTests
{
    private static readonly EhAssessmentRule Rule = new();

    /// <summary>Episode from Mon 3 March 2025, allocated that day; assessment started Mon 10 March: due Thu 24 April (21 + 24 days).</summary>
    private static CaseRecord Assessed(LocalDate? completed, LocalDate? end = null) =>
        WithEpisode(3.March(2025), end, allocated: 3.March(2025)) with { Assessments = [EhAssessment("EA1", 10.March(2025), completed)] };

    [Fact]
    public void Met_CompletedOnTheFortyFifthDay()
    {
        var f = Single(Rule, Assessed(24.April(2025)), 30.April(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Equal("eh-assessment", f.RuleId);
        Assert.Equal("EH1", f.EpisodeId);
        Assert.Equal(10.March(2025), f.AnchorDate);
        Assert.Equal(24.April(2025), f.DueDate);
        Assert.Equal(24.April(2025), f.CompletedDate);
        Assert.Equal(["EA1"], f.Evidence.ToArray());
        Assert.Equal("Early Help assessment due by 2025-04-24 (45 days after the assessment start on 2025-03-10) was completed on 2025-04-24, on time.", f.Detail);
    }

    [Fact]
    public void Late()
    {
        // Due Thu 24 April; completed Tue 29 April: 5 days, 3 working days (25, 28, 29).
        var f = Single(Rule, Assessed(29.April(2025)), 30.April(2025));
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.Equal(5, f.DaysLate);
        Assert.Equal(3, f.WorkingDaysLate);
        Assert.Equal("Early Help assessment due by 2025-04-24 (45 days after the assessment start on 2025-03-10) was completed on 2025-04-29 (5 days late).", f.Detail);
    }

    [Fact]
    public void Overdue()
    {
        // As at Wed 30 April: 6 days, 4 working days.
        var f = Single(Rule, Assessed(null), 30.April(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(6, f.DaysLate);
        Assert.Equal(4, f.WorkingDaysLate);
    }

    [Fact]
    public void Overdue_CompletionAfterTheAsOfDateIsNotYetKnown()
    {
        var f = Single(Rule, Assessed(29.April(2025)), 28.April(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Null(f.CompletedDate);
        Assert.Equal(4, f.DaysLate);
    }

    [Fact]
    public void DueSoon()
    {
        var f = Single(Rule, Assessed(null), 22.April(2025));
        Assert.Equal(FindingStatus.DueSoon, f.Status);
        Assert.EndsWith("has not been completed yet: 2 working days left at 2025-04-22.", f.Detail);
    }

    [Fact]
    public void Pending()
    {
        var f = Single(Rule, Assessed(null), 1.April(2025));
        Assert.Equal(FindingStatus.Pending, f.Status);
        Assert.EndsWith("has not been completed yet; it is not yet due.", f.Detail);
    }

    [Fact]
    public void NoStartRecorded_CountedFromAllocation()
    {
        // Allocated Mon 3 March + 45 days = Thu 17 April.
        var record = WithEpisode(3.March(2025), allocated: 3.March(2025)) with { Assessments = [EhAssessment("EA1", null, 15.April(2025))] };
        var f = Single(Rule, record, 30.April(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Equal(3.March(2025), f.AnchorDate);
        Assert.Equal(17.April(2025), f.DueDate);
        Assert.Contains("(45 days after allocation on 2025-03-03)", f.Detail);
    }

    [Fact]
    public void NoAssessmentRecorded_CheckedFromAllocationSoItShows()
    {
        var f = Single(Rule, WithEpisode(3.March(2025), allocated: 3.March(2025)), 22.April(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(17.April(2025), f.DueDate);
        Assert.Equal(5, f.DaysLate);
        Assert.Equal(1, f.WorkingDaysLate); // Good Friday 18 and Easter Monday 21 April are not working days: only the 22nd
        Assert.Equal(["A1"], f.Evidence.ToArray());
        Assert.EndsWith("5 days overdue at 2025-04-22. No assessment is recorded for this episode.", f.Detail);
    }

    [Fact]
    public void NotApplicable_EpisodeEndedBeforeTheDueDate()
    {
        var f = Single(Rule, Assessed(null, end: 31.March(2025)), 30.April(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal(24.April(2025), f.DueDate);
        Assert.Equal("Early Help assessment would have been due by 2025-04-24 (45 days after the assessment start on 2025-03-10), " +
            "after the episode ended on 2025-03-31.", f.Detail);
    }

    [Fact]
    public void Overdue_EpisodeEndedAfterTheDueDateUncompleted_CountedToTheEnd()
    {
        var f = Single(Rule, Assessed(null, end: 30.April(2025)), 31.May(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(6, f.DaysLate);
        Assert.Equal(4, f.WorkingDaysLate);
        Assert.EndsWith("was not completed before the episode ended on 2025-04-30 (6 days overdue).", f.Detail);
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordEarlyHelpAssessments()
    {
        var f = Single(Rule, Assessed(null).Without(Dataset.EarlyHelpAssessments), 30.April(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("Early Help assessment cannot be checked: this source does not record Early Help assessments (cc_eh_assessments).", f.Detail);
    }

    [Fact]
    public void EveryAssessmentOfTheEpisodeIsChecked_SocialCareAssessmentsIgnored()
    {
        var record = WithEpisode(3.March(2025), allocated: 3.March(2025)) with
        {
            Assessments =
            [
                EhAssessment("EA1", 10.March(2025), 20.April(2025)),
                EhAssessment("EA2", 1.September(2025), null),
                new Assessment("SA1", "C1", "EH1", AssessmentKind.SocialCare, 1.March(2025), null, true),
            ],
        };
        var findings = Evaluate(Rule, record, 20.October(2025));
        Assert.Equal(["EA1", "EA2"], findings.Select(f => f.Evidence[0]));
        Assert.Equal([FindingStatus.Met, FindingStatus.Overdue], findings.Select(f => f.Status));
        Assert.Equal(16.October(2025), findings[1].DueDate); // 1 Sep + 29 = 30 Sep, + 16 = 16 Oct
    }

    [Theory]
    [InlineData("2024-11-11", "2024-12-26", "2024-12-27", 1, 1, "Christmas: due on Boxing Day, not moved")]
    [InlineData("2025-03-04", "2025-04-18", "2025-04-22", 4, 1, "Easter: due on Good Friday, not moved; Easter Monday is not a working day")]
    [InlineData("2022-04-18", "2022-06-02", "2022-06-06", 4, 1, "Platinum Jubilee: started on Easter Monday (day 0), due on 2 June 2022, not moved; 3 June is not a working day")]
    [InlineData("2022-08-05", "2022-09-19", "2022-09-20", 1, 1, "State Funeral: due on 19 September 2022, not moved")]
    [InlineData("2023-03-24", "2023-05-08", "2023-05-09", 1, 1, "Coronation: due on 8 May 2023, not moved")]
    [InlineData("2024-01-15", "2024-02-29", "2024-03-01", 1, 1, "leap year: 15 Jan 2024 + 45 days = 29 Feb 2024")]
    [InlineData("2024-12-31", "2025-02-14", "2025-02-17", 3, 1, "month and year end: 31 Dec 2024 + 45 days = 14 Feb 2025")]
    [InlineData("2025-03-01", "2025-04-15", "2025-04-16", 1, 1, "weekend start: started on a Saturday, which is day 0")]
    public void DueDate_CalendarDaysNotMovedOffWeekendsOrBankHolidays(string start, string due, string completed,
        int daysLate, int workingDaysLate, string because)
    {
        var record = WithEpisode(D(start)) with { Assessments = [EhAssessment("EA1", D(start), D(completed))] };
        var f = Single(Rule, record, D(completed).PlusDays(1));
        Assert.True(D(due) == f.DueDate, $"due date {f.DueDate} — {because}");
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.True(daysLate == f.DaysLate, $"days late {f.DaysLate} — {because}");
        Assert.True(workingDaysLate == f.WorkingDaysLate, $"working days late {f.WorkingDaysLate} — {because}");
    }

    [Fact]
    public void Configured_FortyFiveWorkingDays_SpecExampleAcrossChristmas()
    {
        // rules.md: referral Fri 2024-12-20 + 45 working days → due Wed 2025-02-26.
        var rule = new EhAssessmentRule(new EhAssessmentOptions { Within = Timescale.WorkingDays(45) });
        var record = WithEpisode(20.December(2024)) with { Assessments = [EhAssessment("EA1", 20.December(2024), 27.February(2025))] };
        var f = Single(rule, record, 28.February(2025));
        Assert.Equal(26.February(2025), f.DueDate);
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.Equal(1, f.DaysLate);
        Assert.Equal(1, f.WorkingDaysLate);
        Assert.Contains("(45 working days after the assessment start on 2024-12-20)", f.Detail);
    }

    [Fact]
    public void Configured_ThirtyDays_MovesTheDueDate()
    {
        var rule = new EhAssessmentRule(new EhAssessmentOptions { Within = Timescale.Days(30) });
        var f = Single(rule, Assessed(20.April(2025)), 30.April(2025));
        Assert.Equal(9.April(2025), f.DueDate); // 10 March + 21 = 31 March, + 9 = 9 April
        Assert.Equal(FindingStatus.Late, f.Status); // on time under the default 45 days
        Assert.Equal(11, f.DaysLate);
    }
}

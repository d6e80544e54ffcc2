using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;
using static CaseCompliance.Rules.Tests.Support.EarlyHelpCases;

namespace CaseCompliance.Rules.Tests.Catalogue;

/// <summary>
/// <c>eh-outcome-star</c>: an initial Outcome Star by the assessment's completion (its 45-day due date while open), and
/// a repeat star before closure when the episode lasted over 12 weeks (84 days).
/// </summary>
public class EhOutcomeStarRuleTests
{
    private static readonly EhOutcomeStarRule Rule = new();

    /// <summary>Episode from Mon 3 March 2025 (allocated that day); EA1 started Mon 10 March (45 days → Thu 24 April).</summary>
    private static CaseRecord Assessed(LocalDate? completed, LocalDate? end = null, params Document[] documents) =>
        WithEpisode(3.March(2025), end, allocated: 3.March(2025)) with
        {
            Assessments = [EhAssessment("EA1", 10.March(2025), completed)],
            Documents = [.. documents],
        };

    [Fact]
    public void Met_InitialStarByTheAssessmentCompletion()
    {
        var f = Single(Rule, Assessed(15.April(2025), null, OutcomeStar("S1", 20.March(2025))), 30.April(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Equal("eh-outcome-star", f.RuleId);
        Assert.Equal(15.April(2025), f.DueDate);
        Assert.Equal(["EA1", "S1"], f.Evidence.ToArray());
        Assert.Equal("Initial Outcome Star due by 2025-04-15 (by the assessment's completion on 2025-04-15) was completed on 2025-03-20, on time.", f.Detail);
    }

    [Fact]
    public void Late_InitialStarAfterTheAssessmentCompletion()
    {
        // Completed Tue 15 April; star Wed 23 April: 8 days, 4 working days (Easter skipped).
        var f = Single(Rule, Assessed(15.April(2025), null, OutcomeStar("S1", 23.April(2025))), 30.April(2025));
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.Equal(8, f.DaysLate);
        Assert.Equal(4, f.WorkingDaysLate);
    }

    [Fact]
    public void Overdue_NoInitialStar()
    {
        var f = Single(Rule, Assessed(24.April(2025), null, Consent("D1", 20.March(2025))), 30.April(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(6, f.DaysLate);
        Assert.Equal(4, f.WorkingDaysLate);
    }

    [Fact]
    public void DueSoon_AndPending_WhileTheAssessmentIsOpen()
    {
        var soon = Single(Rule, Assessed(null), 22.April(2025));
        Assert.Equal(FindingStatus.DueSoon, soon.Status);
        Assert.Equal(24.April(2025), soon.DueDate);
        Assert.Equal("Initial Outcome Star due by 2025-04-24 (by the assessment, due 45 days after 2025-03-10) has not been completed yet: " +
            "2 working days left at 2025-04-22.", soon.Detail);
        Assert.Equal(FindingStatus.Pending, Single(Rule, Assessed(null), 1.April(2025)).Status);
    }

    [Fact]
    public void NotApplicable_EpisodeClosedBeforeTheAssessmentWasDue()
    {
        var f = Single(Rule, Assessed(null, end: 31.March(2025)), 30.April(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal(24.April(2025), f.DueDate);
    }

    [Fact]
    public void Overdue_EpisodeClosedAfterTheAssessmentWithNoStar_CountedToTheEnd()
    {
        var f = Single(Rule, Assessed(24.April(2025), end: 30.April(2025)), 31.May(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(6, f.DaysLate);
        Assert.Equal(4, f.WorkingDaysLate);
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordDocuments()
    {
        var f = Single(Rule, Assessed(null).Without(Dataset.Documents), 30.April(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("Outcome Star cannot be checked: this source does not record documents (cc_documents).", f.Detail);
    }

    [Fact]
    public void Repeat_Met_StarBeforeClosureOfAnEpisodeOverTwelveWeeks()
    {
        var record = Assessed(15.April(2025), 30.June(2025), OutcomeStar("S1", 20.March(2025)), OutcomeStar("S2", 25.June(2025)));
        var findings = Evaluate(Rule, record, 31.July(2025));
        Assert.Equal([FindingStatus.Met, FindingStatus.Met], findings.Select(f => f.Status));
        var repeat = findings[1];
        Assert.Equal(3.March(2025), repeat.AnchorDate);
        Assert.Equal(30.June(2025), repeat.DueDate);
        Assert.Equal(["EH1", "S2"], repeat.Evidence.ToArray());
        Assert.Equal("Repeat Outcome Star due by 2025-06-30 (before closure, the episode having lasted over 12 weeks from 2025-03-03) " +
            "was completed on 2025-06-25, on time.", repeat.Detail);
    }

    [Fact]
    public void Repeat_Overdue_NoSecondStarByClosure()
    {
        // Due on the closure date itself; counted to the end, so 0 days overdue — but still a breach.
        var record = Assessed(15.April(2025), 30.June(2025), OutcomeStar("S1", 20.March(2025)));
        var repeat = Evaluate(Rule, record, 31.July(2025))[1];
        Assert.Equal(FindingStatus.Overdue, repeat.Status);
        Assert.True(repeat.Status.IsException());
        Assert.Equal(0, repeat.DaysLate);
        Assert.Equal(0, repeat.WorkingDaysLate);
        Assert.Equal(["EH1"], repeat.Evidence.ToArray());
    }

    [Fact]
    public void Repeat_Late_SecondStarRecordedAfterClosure()
    {
        // Closed Mon 30 June; star dated Wed 2 July against the episode: 2 days, 2 working days late.
        var record = Assessed(15.April(2025), 30.June(2025), OutcomeStar("S1", 20.March(2025)), OutcomeStar("S2", 2.July(2025)));
        var repeat = Evaluate(Rule, record, 31.July(2025))[1];
        Assert.Equal(FindingStatus.Late, repeat.Status);
        Assert.Equal(2, repeat.DaysLate);
        Assert.Equal(2, repeat.WorkingDaysLate);
    }

    [Fact]
    public void Repeat_NotCheckedWhileTheEpisodeIsOpen()
    {
        var record = Assessed(15.April(2025), null, OutcomeStar("S1", 20.March(2025)));
        Assert.Single(Evaluate(Rule, record, 31.December(2025)));
    }

    [Theory]
    [InlineData("2025-03-03", "2025-05-26", false, "exactly 12 weeks (ending on the Spring bank holiday) is not over 12 weeks")]
    [InlineData("2025-03-03", "2025-05-27", true, "one day over 12 weeks")]
    [InlineData("2023-12-07", "2024-02-29", false, "leap year: 7 Dec 2023 to 29 Feb 2024 is exactly 84 days")]
    [InlineData("2023-12-07", "2024-03-01", true, "leap year: 7 Dec 2023 to 1 Mar 2024 is 85 days")]
    [InlineData("2024-10-02", "2024-12-25", false, "Christmas: 2 Oct to Christmas Day 2024 is exactly 84 days")]
    public void Repeat_OnlyWhenTheEpisodeLastedOverTwelveWeeks(string start, string end, bool repeatDue, string because)
    {
        var record = WithEpisode(D(start), D(end)) with
        {
            Assessments = [EhAssessment("EA1", D(start), D(start).PlusDays(20))],
            Documents = [OutcomeStar("S1", D(start).PlusDays(10))],
        };
        var findings = Evaluate(Rule, record, D(end).PlusDays(1));
        Assert.True((repeatDue ? 2 : 1) == findings.Count, because);
    }

    [Theory]
    [InlineData("2024-11-10", "2024-12-25", "2024-12-27", 2, 1, "Christmas: due on Christmas Day, not moved; Boxing Day is not a working day")]
    [InlineData("2025-03-04", "2025-04-18", "2025-04-22", 4, 1, "Easter: due on Good Friday, not moved; Easter Monday is not a working day")]
    [InlineData("2022-04-18", "2022-06-02", "2022-06-06", 4, 1, "Platinum Jubilee: due on 2 June 2022, not moved; 3 June is not a working day")]
    [InlineData("2022-08-05", "2022-09-19", "2022-09-20", 1, 1, "State Funeral: due on 19 September 2022, not moved")]
    [InlineData("2023-03-24", "2023-05-08", "2023-05-09", 1, 1, "Coronation: due on 8 May 2023, not moved")]
    [InlineData("2024-01-15", "2024-02-29", "2024-03-01", 1, 1, "leap year: 15 Jan 2024 + 45 days = 29 Feb 2024")]
    [InlineData("2024-12-31", "2025-02-14", "2025-02-17", 3, 1, "month and year end: 31 Dec 2024 + 45 days = 14 Feb 2025")]
    [InlineData("2025-03-01", "2025-04-15", "2025-04-16", 1, 1, "weekend start: an assessment started on a Saturday, which is day 0")]
    public void DueDate_InitialStar_OpenAssessment_CalendarDaysNotMoved(string start, string due, string star,
        int daysLate, int workingDaysLate, string because)
    {
        var record = WithEpisode(D(start)) with
        {
            Assessments = [EhAssessment("EA1", D(start), null)],
            Documents = [OutcomeStar("S1", D(star))],
        };
        var f = Single(Rule, record, D(star).PlusDays(1));
        Assert.True(D(due) == f.DueDate, $"due date {f.DueDate} — {because}");
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.True(daysLate == f.DaysLate, $"days late {f.DaysLate} — {because}");
        Assert.True(workingDaysLate == f.WorkingDaysLate, $"working days late {f.WorkingDaysLate} — {because}");
    }

    [Fact]
    public void Configured_EightWeekRepeat_AndThirtyDayAssessment()
    {
        // 3 March to 5 May 2025 is 63 days: over 8 weeks (56), not over 12 (84).
        var record = Assessed(null, 5.May(2025), OutcomeStar("S1", 20.March(2025)));
        Assert.Single(Evaluate(Rule, record, 31.May(2025)));

        var rule = new EhOutcomeStarRule(new EhOutcomeStarOptions { RepeatAfter = Timescale.Weeks(8), AssessmentTimescale = Timescale.Days(30) });
        var findings = Evaluate(rule, record, 31.May(2025));
        Assert.Equal(2, findings.Count);
        Assert.Equal(9.April(2025), findings[0].DueDate); // 10 March + 30 days, assessment still open
        Assert.Equal(5.May(2025), findings[1].DueDate);
        Assert.Contains("over 8 weeks from 2025-03-03", findings[1].Detail);
    }
}

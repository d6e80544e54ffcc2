using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;
using static CaseCompliance.Rules.Tests.Support.EarlyHelpCases;

namespace CaseCompliance.Rules.Tests.Catalogue;

/// <summary>
/// <c>eh-consent</c>: signed consent recorded by the time the (first) assessment is completed; while it is open, by
/// the assessment's 45-day due date.
/// </summary>
public class EhConsentRuleTests
{
    private static readonly EhConsentRule Rule = new();

    /// <summary>Episode from Mon 3 March 2025 (allocated that day); EA1 started Mon 10 March (45 days → Thu 24 April).</summary>
    private static CaseRecord Assessed(LocalDate? completed, LocalDate? end = null, params Document[] documents) =>
        WithEpisode(3.March(2025), end, allocated: 3.March(2025)) with
        {
            Assessments = [EhAssessment("EA1", 10.March(2025), completed)],
            Documents = [.. documents],
        };

    [Fact]
    public void Met_ConsentBeforeTheAssessmentWasCompleted()
    {
        var f = Single(Rule, Assessed(15.April(2025), null, Consent("D1", 20.March(2025))), 30.April(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Equal("eh-consent", f.RuleId);
        Assert.Equal(10.March(2025), f.AnchorDate);
        Assert.Equal(15.April(2025), f.DueDate);
        Assert.Equal(20.March(2025), f.CompletedDate);
        Assert.Equal(["EA1", "D1"], f.Evidence.ToArray());
        Assert.Equal("Signed consent due by 2025-04-15 (by the assessment's completion on 2025-04-15) was recorded on 2025-03-20, on time.", f.Detail);
    }

    [Fact]
    public void Met_ConsentOnTheCompletionDay()
    {
        Assert.Equal(FindingStatus.Met, Single(Rule, Assessed(15.April(2025), null, Consent("D1", 15.April(2025))), 30.April(2025)).Status);
    }

    [Fact]
    public void Late_ConsentAfterTheAssessmentWasCompleted()
    {
        // Completed Tue 15 April; consent Wed 23 April: 8 days; working days 16, 17, [Good Friday, Easter Monday], 22, 23 = 4.
        var f = Single(Rule, Assessed(15.April(2025), null, Consent("D1", 23.April(2025))), 30.April(2025));
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.Equal(8, f.DaysLate);
        Assert.Equal(4, f.WorkingDaysLate);
        Assert.Equal("Signed consent due by 2025-04-15 (by the assessment's completion on 2025-04-15) was recorded on 2025-04-23 (8 days late).", f.Detail);
    }

    [Fact]
    public void Overdue_AssessmentCompletedWithoutConsent()
    {
        // Completed Thu 24 April; as at Wed 30 April: 6 days, 4 working days.
        var f = Single(Rule, Assessed(24.April(2025)), 30.April(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(24.April(2025), f.DueDate);
        Assert.Equal(6, f.DaysLate);
        Assert.Equal(4, f.WorkingDaysLate);
        Assert.Equal(["EA1"], f.Evidence.ToArray());
        Assert.Equal("Signed consent due by 2025-04-24 (by the assessment's completion on 2025-04-24) has not been recorded: 6 days overdue at 2025-04-30.", f.Detail);
    }

    [Fact]
    public void DueSoon_AssessmentStillOpen_DueByItsFortyFiveDayDate()
    {
        var f = Single(Rule, Assessed(null), 22.April(2025));
        Assert.Equal(FindingStatus.DueSoon, f.Status);
        Assert.Equal(24.April(2025), f.DueDate);
        Assert.Equal("Signed consent due by 2025-04-24 (by the assessment, due 45 days after 2025-03-10) has not been recorded yet: " +
            "2 working days left at 2025-04-22.", f.Detail);
    }

    [Fact]
    public void DueSoon_AssessmentCompletedToday()
    {
        var f = Single(Rule, Assessed(24.April(2025)), 24.April(2025));
        Assert.Equal(FindingStatus.DueSoon, f.Status);
        Assert.EndsWith("is due today (2025-04-24) and has not been recorded yet.", f.Detail);
    }

    [Fact]
    public void Pending_AssessmentStillOpen()
    {
        Assert.Equal(FindingStatus.Pending, Single(Rule, Assessed(null), 1.April(2025)).Status);
    }

    [Fact]
    public void NoAssessment_DueFortyFiveDaysAfterAllocation()
    {
        var f = Single(Rule, WithEpisode(3.March(2025), allocated: 3.March(2025)), 1.April(2025));
        Assert.Equal(3.March(2025), f.AnchorDate);
        Assert.Equal(17.April(2025), f.DueDate);
        Assert.Equal(["EH1"], f.Evidence.ToArray());
    }

    [Fact]
    public void TheFirstAssessmentDecides()
    {
        var record = Assessed(15.April(2025), null, Consent("D1", 1.May(2025))) with
        {
            Assessments = [EhAssessment("EA2", 1.May(2025), null), EhAssessment("EA1", 10.March(2025), 15.April(2025))],
        };
        var f = Single(Rule, record, 10.May(2025));
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.Equal(15.April(2025), f.DueDate);
        Assert.Equal(["EA1", "D1"], f.Evidence.ToArray());
    }

    [Fact]
    public void OutcomeStarOrConsentOfAnotherEpisode_IsNotConsent()
    {
        var record = Assessed(15.April(2025), null, OutcomeStar("D1", 20.March(2025)), Consent("D2", 20.March(2025), "EH9"));
        Assert.Equal(FindingStatus.Overdue, Single(Rule, record, 30.April(2025)).Status);
    }

    [Fact]
    public void NotApplicable_EpisodeClosedBeforeTheAssessmentWasDue()
    {
        var f = Single(Rule, Assessed(null, end: 31.March(2025)), 30.April(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("Signed consent would have been due by 2025-04-24 (by the assessment, due 45 days after 2025-03-10), " +
            "after the episode ended on 2025-03-31.", f.Detail);
    }

    [Fact]
    public void Overdue_EpisodeClosedAfterTheCompletionWithoutConsent_CountedToTheEnd()
    {
        var f = Single(Rule, Assessed(24.April(2025), end: 30.April(2025)), 31.May(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(6, f.DaysLate);
        Assert.Equal(4, f.WorkingDaysLate);
        Assert.EndsWith("was not recorded before the episode ended on 2025-04-30 (6 days overdue).", f.Detail);
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordDocuments()
    {
        var f = Single(Rule, Assessed(null).Without(Dataset.Documents), 30.April(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("Signed consent cannot be checked: this source does not record documents (cc_documents).", f.Detail);
    }

    /// <summary>While the assessment is open consent is due 45 calendar days after its start, not moved.</summary>
    [Theory]
    [InlineData("2024-11-10", "2024-12-25", "2024-12-27", 2, 1, "Christmas: due on Christmas Day, not moved; Boxing Day is not a working day")]
    [InlineData("2025-03-04", "2025-04-18", "2025-04-22", 4, 1, "Easter: due on Good Friday, not moved; Easter Monday is not a working day")]
    [InlineData("2022-04-18", "2022-06-02", "2022-06-06", 4, 1, "Platinum Jubilee: due on 2 June 2022, not moved; 3 June is not a working day")]
    [InlineData("2022-08-05", "2022-09-19", "2022-09-20", 1, 1, "State Funeral: due on 19 September 2022, not moved")]
    [InlineData("2023-03-24", "2023-05-08", "2023-05-09", 1, 1, "Coronation: due on 8 May 2023, not moved")]
    [InlineData("2024-01-15", "2024-02-29", "2024-03-01", 1, 1, "leap year: 15 Jan 2024 + 45 days = 29 Feb 2024")]
    [InlineData("2024-12-31", "2025-02-14", "2025-02-17", 3, 1, "month and year end: 31 Dec 2024 + 45 days = 14 Feb 2025")]
    [InlineData("2025-03-01", "2025-04-15", "2025-04-16", 1, 1, "weekend start: an assessment started on a Saturday, which is day 0")]
    public void DueDate_OpenAssessment_CalendarDaysNotMoved(string start, string due, string consent,
        int daysLate, int workingDaysLate, string because)
    {
        var record = WithEpisode(D(start)) with
        {
            Assessments = [EhAssessment("EA1", D(start), null)],
            Documents = [Consent("D1", D(consent))],
        };
        var f = Single(Rule, record, D(consent).PlusDays(1));
        Assert.True(D(due) == f.DueDate, $"due date {f.DueDate} — {because}");
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.True(daysLate == f.DaysLate, $"days late {f.DaysLate} — {because}");
        Assert.True(workingDaysLate == f.WorkingDaysLate, $"working days late {f.WorkingDaysLate} — {because}");
    }

    [Fact]
    public void Configured_ThirtyDayAssessment_MovesTheOpenAssessmentDueDate()
    {
        var rule = new EhConsentRule(new EhConsentOptions { AssessmentTimescale = Timescale.Days(30) });
        var f = Single(rule, Assessed(null), 10.April(2025));
        Assert.Equal(9.April(2025), f.DueDate); // 10 March + 30 days
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Contains("(by the assessment, due 30 days after 2025-03-10)", f.Detail);
    }

    [Fact]
    public void Configured_FortyFiveWorkingDays_SkipsChristmas()
    {
        // rules.md example: Fri 2024-12-20 + 45 working days → Wed 2025-02-26.
        var rule = new EhConsentRule(new EhConsentOptions { AssessmentTimescale = Timescale.WorkingDays(45) });
        var record = WithEpisode(20.December(2024)) with { Assessments = [EhAssessment("EA1", 20.December(2024), null)] };
        Assert.Equal(26.February(2025), Single(rule, record, 1.February(2025)).DueDate);
    }
}

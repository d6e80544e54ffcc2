using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;
using static CaseCompliance.Rules.Tests.Support.EarlyHelpCases;

namespace CaseCompliance.Rules.Tests.Catalogue;

/// <summary><c>eh-initial-contact</c>: first contact of any kind with the family within 7 (calendar) days of allocation.</summary>
public class EhInitialContactRuleTests
{
    private static readonly EhInitialContactRule Rule = new();

    /// <summary>Episode from Mon 3 March 2025, allocated Wed 5 March: contact due Wed 12 March.</summary>
    private static CaseRecord Allocated(LocalDate? end = null, params Visit[] visits) =>
        WithEpisode(3.March(2025), end, allocated: 5.March(2025)) with { Visits = [.. visits] };

    [Fact]
    public void Met_ContactWithinSevenDaysOfAllocation()
    {
        var f = Single(Rule, Allocated(null, EhContact("V1", 10.March(2025))), 20.March(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Equal("eh-initial-contact", f.RuleId);
        Assert.Equal(5.March(2025), f.AnchorDate);
        Assert.Equal(12.March(2025), f.DueDate);
        Assert.Equal(10.March(2025), f.CompletedDate);
        Assert.Equal(["A1", "V1"], f.Evidence.ToArray());
        Assert.Equal("First contact with the family due by 2025-03-12 (7 days after allocation on 2025-03-05) " +
            "was made on 2025-03-10, on time.", f.Detail);
    }

    [Fact]
    public void Met_AHomeVisitIsAContactToo()
    {
        var f = Single(Rule, Allocated(null, EhHomeVisit("V1", 12.March(2025))), 20.March(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Equal(12.March(2025), f.CompletedDate);
    }

    [Fact]
    public void Met_ContactOnTheAllocationDay()
    {
        var f = Single(Rule, Allocated(null, EhContact("V1", 5.March(2025))), 20.March(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
    }

    [Fact]
    public void Late_FirstContactAfterTheDueDate()
    {
        // Due Wed 12 March; first contact Fri 14 March (a later home visit does not change the first contact).
        var f = Single(Rule, Allocated(null, EhHomeVisit("V2", 18.March(2025)), EhContact("V1", 14.March(2025))), 20.March(2025));
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.Equal(14.March(2025), f.CompletedDate);
        Assert.Equal(2, f.DaysLate);
        Assert.Equal(2, f.WorkingDaysLate);
        Assert.Equal("First contact with the family due by 2025-03-12 (7 days after allocation on 2025-03-05) " +
            "was made on 2025-03-14 (2 days late).", f.Detail);
    }

    [Fact]
    public void Overdue_NoContact()
    {
        // Due Wed 12 March, as at Mon 17 March: 5 days, 3 working days (13, 14, 17).
        var f = Single(Rule, Allocated(), 17.March(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(5, f.DaysLate);
        Assert.Equal(3, f.WorkingDaysLate);
        Assert.Equal(["A1"], f.Evidence.ToArray());
    }

    [Fact]
    public void DueSoon()
    {
        // As at Fri 7 March, due Wed 12 March: 10, 11, 12 left.
        var f = Single(Rule, Allocated(), 7.March(2025));
        Assert.Equal(FindingStatus.DueSoon, f.Status);
        Assert.EndsWith("3 working days left at 2025-03-07.", f.Detail);
    }

    [Fact]
    public void Pending_NoAllocation_CountedFromASundayEpisodeStart_WithANote()
    {
        // Sun 2 March + 7 = Sun 9 March; five working days from Sun 2 March reach Fri 7 March only.
        var f = Single(Rule, WithEpisode(2.March(2025)), 2.March(2025));
        Assert.Equal(FindingStatus.Pending, f.Status);
        Assert.Equal(2.March(2025), f.AnchorDate);
        Assert.Equal(9.March(2025), f.DueDate);
        Assert.Equal(["EH1"], f.Evidence.ToArray());
        Assert.Equal("First contact with the family due by 2025-03-09 (7 days after the episode start on 2025-03-02) has not " +
            "been made yet; it is not yet due. No allocation is recorded, so it is counted from the episode start.", f.Detail);
    }

    [Fact]
    public void NotApplicable_EpisodeEndedBeforeTheDueDate()
    {
        var f = Single(Rule, Allocated(end: 10.March(2025)), 31.March(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal(12.March(2025), f.DueDate);
        Assert.Null(f.DaysLate);
    }

    [Fact]
    public void Overdue_EpisodeEndedAfterTheDueDate_CountedToTheEnd()
    {
        // Due Wed 12 March, closed Mon 17 March: 5 days, 3 working days; not counted to 31 March.
        var f = Single(Rule, Allocated(end: 17.March(2025)), 31.March(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(5, f.DaysLate);
        Assert.Equal(3, f.WorkingDaysLate);
        Assert.EndsWith("was not made before the episode ended on 2025-03-17 (5 days overdue).", f.Detail);
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordEarlyHelpContacts()
    {
        var f = Single(Rule, Allocated().Without(Dataset.EarlyHelpContacts), 20.March(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("First contact with the family cannot be checked: this source does not record Early Help contacts (cc_eh_contacts).", f.Detail);
    }

    [Fact]
    public void NoEarlyHelpEpisode_NoFindings()
    {
        Assert.Empty(Evaluate(Rule, Child() with { Visits = [EhContact("V1", 3.March(2025), null)] }, 20.March(2025)));
    }

    [Fact]
    public void ContactOfAnotherEpisode_OrAStatutoryVisit_DoesNotCount()
    {
        var record = Allocated(null, EhContact("V1", 6.March(2025), "EH2"), Visit(VisitKind.ChildInNeed, "V2", 6.March(2025), "EH1"));
        Assert.Equal(FindingStatus.Overdue, Single(Rule, record, 17.March(2025)).Status);
    }

    [Theory]
    [InlineData("2024-12-18", "2024-12-25", "2024-12-27", 2, 1, "Christmas: due on Christmas Day, not moved; Boxing Day is not a working day")]
    [InlineData("2025-04-11", "2025-04-18", "2025-04-22", 4, 1, "Easter: due on Good Friday, not moved; Easter Monday is not a working day")]
    [InlineData("2022-05-26", "2022-06-02", "2022-06-06", 4, 1, "Platinum Jubilee: due on 2 June 2022, not moved; 3 June 2022 is not a working day")]
    [InlineData("2022-09-12", "2022-09-19", "2022-09-20", 1, 1, "State Funeral: due on 19 September 2022, not moved")]
    [InlineData("2023-05-01", "2023-05-08", "2023-05-10", 2, 2, "Coronation: allocated on a bank holiday (day 0), due on 8 May 2023, not moved")]
    [InlineData("2024-02-22", "2024-02-29", "2024-03-01", 1, 1, "leap year: due 29 February 2024")]
    [InlineData("2025-01-25", "2025-02-01", "2025-02-03", 2, 1, "month end: crosses into February, due on a Saturday, not moved")]
    [InlineData("2025-03-01", "2025-03-08", "2025-03-10", 2, 1, "weekend start: allocated on a Saturday, which is day 0")]
    public void DueDate_CalendarDaysNotMovedOffWeekendsOrBankHolidays(string allocated, string due, string contact,
        int daysLate, int workingDaysLate, string because)
    {
        var record = WithEpisode(D(allocated), allocated: D(allocated)) with { Visits = [EhContact("V1", D(contact))] };
        var f = Single(Rule, record, D(contact).PlusDays(7));
        Assert.True(D(due) == f.DueDate, $"due date {f.DueDate} — {because}");
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.True(daysLate == f.DaysLate, $"days late {f.DaysLate} — {because}");
        Assert.True(workingDaysLate == f.WorkingDaysLate, $"working days late {f.WorkingDaysLate} — {because}");

        var onTheDay = record with { Visits = [EhContact("V1", D(due))] };
        Assert.True(FindingStatus.Met == Single(Rule, onTheDay, D(due).PlusDays(7)).Status, $"contact on the due date — {because}");
    }

    [Fact]
    public void Configured_ThreeWorkingDays_MovesTheDueDateAndSkipsEaster()
    {
        // Allocated Thu 17 April 2025: Good Friday and Easter Monday skipped: 22 (1), 23 (2), Thu 24 April (3).
        var rule = new EhInitialContactRule(new EhInitialContactOptions { Within = Timescale.WorkingDays(3) });
        var record = WithEpisode(17.April(2025), allocated: 17.April(2025)) with { Visits = [EhContact("V1", 24.April(2025))] };
        var f = Single(rule, record, 30.April(2025));
        Assert.Equal(24.April(2025), f.DueDate);
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Contains("(3 working days after allocation on 2025-04-17)", f.Detail);
    }

    [Fact]
    public void Met_ContactAfterTheEpisodeStartButBeforeAllocation()
    {
        // Duty worker rang the family on Tue 4 March, the day before allocation: the first contact was made on time.
        var f = Single(Rule, Allocated(null, EhContact("V0", 4.March(2025))), 20.March(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Equal(4.March(2025), f.CompletedDate);
    }
}

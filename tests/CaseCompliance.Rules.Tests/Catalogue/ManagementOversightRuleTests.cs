using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;
using static CaseCompliance.Rules.Tests.Support.EarlyHelpCases;

namespace CaseCompliance.Rules.Tests.Catalogue;

/// <summary>
/// <c>management-oversight</c>: an oversight record within 5 working days after each critical point (allocation,
/// assessment completion, first TAF/plan, each review, transfer, closure).
/// </summary>
public class ManagementOversightRuleTests
{
    private static readonly ManagementOversightRule Rule = new();

    private static ManagementRecord Oversight(string id, LocalDate date, string? episodeId = EpisodeId) =>
        Management(ManagementKind.Oversight, id, date, episodeId);

    /// <summary>Episode from Mon 3 March 2025, allocated that day: oversight of the allocation due Mon 10 March.</summary>
    private static CaseRecord Allocated(LocalDate? end = null, params ManagementRecord[] records) =>
        WithEpisode(3.March(2025), end, allocated: 3.March(2025)) with { ManagementRecords = [.. records] };

    [Fact]
    public void Met_OversightOfTheAllocationWithinFiveWorkingDays()
    {
        var f = Single(Rule, Allocated(null, Oversight("M1", 7.March(2025))), 20.March(2025));
        Assert.Equal(FindingStatus.Met, f.Status);
        Assert.Equal("management-oversight", f.RuleId);
        Assert.Equal("EH1", f.EpisodeId);
        Assert.Equal(3.March(2025), f.AnchorDate);
        Assert.Equal(10.March(2025), f.DueDate);
        Assert.Equal(["A1", "M1"], f.Evidence.ToArray());
        Assert.Equal("Management oversight of the allocation due by 2025-03-10 (5 working days after the allocation on 2025-03-03) " +
            "was recorded on 2025-03-07, on time.", f.Detail);
    }

    [Fact]
    public void Met_RecordOnTheDayOfTheEventCounts_RecordBeforeItDoesNot()
    {
        Assert.Equal(FindingStatus.Met, Single(Rule, Allocated(null, Oversight("M1", 3.March(2025))), 20.March(2025)).Status);
        Assert.Equal(FindingStatus.Overdue, Single(Rule, Allocated(null, Oversight("M0", 28.February(2025))), 20.March(2025)).Status);
    }

    [Fact]
    public void Late()
    {
        // Due Mon 10 March; recorded Wed 12 March: 2 days, 2 working days.
        var f = Single(Rule, Allocated(null, Oversight("M1", 12.March(2025))), 20.March(2025));
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.Equal(2, f.DaysLate);
        Assert.Equal(2, f.WorkingDaysLate);
        Assert.EndsWith("was recorded on 2025-03-12 (2 days late).", f.Detail);
    }

    [Fact]
    public void Overdue()
    {
        var f = Single(Rule, Allocated(), 14.March(2025));
        Assert.Equal(FindingStatus.Overdue, f.Status);
        Assert.Equal(4, f.DaysLate);
        Assert.Equal(4, f.WorkingDaysLate);
        Assert.Equal(["A1"], f.Evidence.ToArray());
    }

    [Fact]
    public void DueSoon()
    {
        var f = Single(Rule, Allocated(), 5.March(2025));
        Assert.Equal(FindingStatus.DueSoon, f.Status);
        Assert.EndsWith("has not been recorded yet: 3 working days left at 2025-03-05.", f.Detail);
    }

    // pending cannot arise with the defaults: the due date is 5 working days after an event on or before the as-of
    // date, never beyond the 5-working-day warning window. See Configured_TenWorkingDays_MovesTheDueDate_AndCanBePending.

    [Fact]
    public void EveryCriticalPoint_EachJudged_OneRecordCanCoverPointsOfTheSameDays()
    {
        var record = WithEpisode(3.March(2025), 31.July(2025)) with
        {
            Allocations =
            [
                Allocation("A1", 3.March(2025), EpisodeId, worker: "W1", end: 16.March(2025)),
                Allocation("A2", 17.March(2025), EpisodeId, worker: "W2"),
            ],
            Assessments = [EhAssessment("EA1", 5.March(2025), 14.April(2025))],
            Meetings =
            [
                Meeting(MeetingType.TeamAroundFamily, "T0", 22.April(2025), EpisodeId),
                Meeting(MeetingType.TeamAroundFamilyReview, "T1", 15.July(2025), EpisodeId),
            ],
            ManagementRecords =
            [
                Oversight("M1", 7.March(2025)), Oversight("M2", 20.March(2025)), Oversight("M3", 23.April(2025)),
                Oversight("M4", 16.July(2025)), Oversight("M5", 4.August(2025)),
            ],
        };
        var findings = Evaluate(Rule, record, 31.August(2025));
        Assert.Equal(
            [
                "Management oversight of the allocation", "Management oversight of the transfer to a new worker",
                "Management oversight of the assessment completion", "Management oversight of the first TAF meeting",
                "Management oversight of the review", "Management oversight of the closure",
            ],
            findings.Select(f => f.Detail[..f.Detail.IndexOf(" due by", StringComparison.Ordinal)]));
        Assert.All(findings, f => Assert.Equal(FindingStatus.Met, f.Status));
        Assert.Equal(
            [
                10.March(2025), 24.March(2025),
                23.April(2025), // Mon 14 April: 15, 16, 17, [Good Friday, Easter Monday], 22, 23
                29.April(2025), 22.July(2025), 7.August(2025),
            ],
            findings.Select(f => f.DueDate!.Value));
        // M3 on 23 April covers both the assessment completion (14 April) and the first TAF (22 April).
        Assert.Equal("M3", findings[2].Evidence[^1]);
        Assert.Equal("M3", findings[3].Evidence[^1]);
        Assert.Equal(["EH1", "M5"], findings[5].Evidence.ToArray());
    }

    [Fact]
    public void ReallocationToTheSameWorker_IsNotATransfer()
    {
        var record = Allocated(null, Oversight("M1", 4.March(2025))) with
        {
            Allocations = [Allocation("A1", 3.March(2025), EpisodeId, end: 9.March(2025)), Allocation("A2", 10.March(2025), EpisodeId)],
        };
        Assert.Single(Evaluate(Rule, record, 31.March(2025)));
    }

    [Fact]
    public void OnlyOversightRecordsOfThisEpisodeOrOfNoEpisodeCount()
    {
        var otherEpisode = Allocated(null, Oversight("M1", 4.March(2025), "EH9"), Management(ManagementKind.Supervision, "M2", 4.March(2025), EpisodeId));
        Assert.Equal(FindingStatus.Overdue, Single(Rule, otherEpisode, 14.March(2025)).Status);

        var noEpisode = Allocated(null, Oversight("M1", 4.March(2025), null));
        Assert.Equal(FindingStatus.Met, Single(Rule, noEpisode, 14.March(2025)).Status);
    }

    [Fact]
    public void NotApplicable_EpisodeClosedBeforeTheAllocationOversightWasDue_TheClosureOversightStillDue()
    {
        // Allocated Mon 3 March, closed Wed 5 March, nothing recorded. The allocation's oversight (due 10 March) is
        // not applicable; the closure's (due Wed 12 March) is overdue at 31 March: 19 days, 13 working days.
        var findings = Evaluate(Rule, Allocated(end: 5.March(2025)), 31.March(2025));
        Assert.Equal([FindingStatus.NotApplicable, FindingStatus.Overdue], findings.Select(f => f.Status));
        Assert.Equal("Management oversight of the allocation would have been due by 2025-03-10 (5 working days after the " +
            "allocation on 2025-03-03), after the episode ended on 2025-03-05.", findings[0].Detail);
        Assert.Equal(12.March(2025), findings[1].DueDate);
        Assert.Equal(19, findings[1].DaysLate);
        Assert.Equal(13, findings[1].WorkingDaysLate);
    }

    [Fact]
    public void Overdue_EpisodeClosedAfterTheDueDate_CountedToTheEnd_ClosureCountedToTheAsOfDate()
    {
        // Allocation oversight due Mon 10 March, closed Fri 21 March: 11 days, 9 working days (not to 31 March).
        // Closure oversight due Fri 28 March: at Mon 31 March, 3 days and 1 working day overdue.
        var findings = Evaluate(Rule, Allocated(end: 21.March(2025)), 31.March(2025));
        Assert.Equal([FindingStatus.Overdue, FindingStatus.Overdue], findings.Select(f => f.Status));
        Assert.Equal(11, findings[0].DaysLate);
        Assert.Equal(9, findings[0].WorkingDaysLate);
        Assert.EndsWith("was not recorded before the episode ended on 2025-03-21 (11 days overdue).", findings[0].Detail);
        Assert.Equal(28.March(2025), findings[1].DueDate);
        Assert.Equal(3, findings[1].DaysLate);
        Assert.Equal(1, findings[1].WorkingDaysLate);
    }

    [Fact]
    public void NotApplicable_SourceDoesNotRecordManagementRecords()
    {
        var f = Single(Rule, Allocated().Without(Dataset.ManagementRecords), 20.March(2025));
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("Management oversight cannot be checked: this source does not record management records (cc_management_records).", f.Detail);
    }

    [Theory]
    [InlineData("2024-12-23", "2025-01-02", "2025-01-03", 1, 1, "Christmas: 24, [25, 26], 27, 30, 31, [1 Jan], 2 Jan")]
    [InlineData("2025-04-17", "2025-04-28", "2025-04-29", 1, 1, "Easter: Good Friday and Easter Monday skipped")]
    [InlineData("2022-06-01", "2022-06-10", "2022-06-13", 3, 1, "Platinum Jubilee: 2 and 3 June 2022 skipped")]
    [InlineData("2022-09-14", "2022-09-22", "2022-09-23", 1, 1, "State Funeral: 19 September 2022 skipped")]
    [InlineData("2023-05-05", "2023-05-15", "2023-05-16", 1, 1, "Coronation: 8 May 2023 skipped")]
    [InlineData("2024-02-22", "2024-02-29", "2024-03-01", 1, 1, "leap year: the fifth working day is 29 February 2024")]
    [InlineData("2025-01-27", "2025-02-03", "2025-02-04", 1, 1, "month end: crosses from January into February")]
    [InlineData("2025-03-01", "2025-03-07", "2025-03-10", 3, 1, "weekend start: a Saturday allocation is day 0, Mon 3 March is day 1")]
    public void DueDate_WorkingDaysSkipWeekendsAndBankHolidays(string allocated, string due, string recorded,
        int daysLate, int workingDaysLate, string because)
    {
        var record = WithEpisode(D(allocated), allocated: D(allocated)) with { ManagementRecords = [Oversight("M1", D(recorded))] };
        var f = Single(Rule, record, D(recorded).PlusDays(1));
        Assert.True(D(due) == f.DueDate, $"due date {f.DueDate} — {because}");
        Assert.Equal(FindingStatus.Late, f.Status);
        Assert.True(daysLate == f.DaysLate, $"days late {f.DaysLate} — {because}");
        Assert.True(workingDaysLate == f.WorkingDaysLate, $"working days late {f.WorkingDaysLate} — {because}");

        var onTheDay = record with { ManagementRecords = [Oversight("M1", D(due))] };
        Assert.True(FindingStatus.Met == Single(Rule, onTheDay, D(due).PlusDays(1)).Status, $"recorded on the due date — {because}");
    }

    [Fact]
    public void Configured_TenWorkingDays_MovesTheDueDate_AndCanBePending()
    {
        var rule = new ManagementOversightRule(new ManagementOversightOptions { Within = Timescale.WorkingDays(10) });
        var f = Single(rule, Allocated(), 3.March(2025));
        Assert.Equal(17.March(2025), f.DueDate);
        Assert.Equal(FindingStatus.Pending, f.Status);
        Assert.Contains("(10 working days after the allocation on 2025-03-03)", f.Detail);
    }

    [Fact]
    public void Configured_SocialCare_ChecksReferralsWithTheFirstPlan()
    {
        var rule = new ManagementOversightRule(new ManagementOversightOptions { EarlyHelp = false, SocialCare = true });
        var record = Child() with
        {
            EarlyHelpEpisodes = [Episode(3.March(2025))],
            Referrals = [new Referral("R1", "C1", 3.March(2025), null, "N1", false, "T1", null)],
            Allocations = [Allocation("A1", 3.March(2025), "R1")],
            Plans = [new Plan("CPP1", "C1", "R1", PlanKind.ChildProtection, 10.March(2025), null, null)],
            ManagementRecords = [Management(ManagementKind.Oversight, "M1", 4.March(2025), "R1"), Management(ManagementKind.Oversight, "M2", 18.March(2025), "CPP1")],
        };
        var findings = Evaluate(rule, record, 31.March(2025));
        Assert.Equal(["R1", "R1"], findings.Select(f => f.EpisodeId));
        Assert.Equal([FindingStatus.Met, FindingStatus.Late], findings.Select(f => f.Status));
        Assert.StartsWith("Management oversight of the first plan due by 2025-03-17 (5 working days after the first plan on 2025-03-10)", findings[1].Detail);
        Assert.Equal(1, findings[1].DaysLate);
    }
}

using CaseCompliance.Adapters.CareFirst;
using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Domain;

namespace CaseCompliance.Adapters.Tests;

public class CareFirstAdapterTests
{
    private static (SourceExtract Extract, RejectionLog Log) Read(CareFirstFolder folder, SourceOptions? options = null)
    {
        var log = new RejectionLog();
        var extract = new CareFirstAdapter().Read("carefirst", new CsvFolderSource(folder.Write(), options?.Tables), options ?? new SourceOptions(), log);
        return (extract, log);
    }

    private static CareFirstFolder TwoClients() => new CareFirstFolder()
        .Add("KEY_INFORMATION", ("CLIENT_NO", "C1"), ("FORENAME", "Sample"), ("SURNAME", "Testington"), ("DATE_OF_BIRTH", "01/03/2015"),
            ("TELEPHONE", "07700 900001"), ("PRIMARY_NEED", "N1"))
        .Add("KEY_INFORMATION", ("CLIENT_NO", "C2"), ("FORENAME", "Example"), ("SURNAME", "Placeholder"), ("DATE_OF_BIRTH", "2012-06-01"));

    private static CareFirstFolder WithVisits(params (string Id, string Type)[] visits)
    {
        var folder = TwoClients()
            .Add("CP_REGISTRATIONS", ("REGISTRATION_NO", "CPR1"), ("CLIENT_NO", "C1"), ("REGISTRATION_DATE", "03/03/2025"));
        foreach (var (id, type) in visits)
        {
            folder.Add("VISIT_TO_CHILD", ("VISIT_NO", id), ("CLIENT_NO", "C1"), ("EPISODE_NO", "CPR1"), ("VISIT_TYPE", type),
                ("VISIT_DATE", "10/03/2025"), ("CHILD_SEEN", "Y"), ("SEEN_ALONE", "Y"));
        }

        return folder;
    }

    [Fact]
    public void ReadsASmallExtract()
    {
        using var folder = TwoClients()
            .Add("CLIENT_DISABILITIES", ("CLIENT_NO", "C1"), ("DISABILITY_CODE", "NONE"))
            .Add("CLIENT_ADDRESSES", ("CLIENT_NO", "C1"), ("ADDRESS", "1 Sample Street, Testtown"), ("POSTCODE", "ZZ99 1AA"), ("START_DATE", "01/03/2015"))
            .Add("TEAMS", ("TEAM_NO", "T1"), ("TEAM_NAME", "Child Protection Team"))
            .Add("WORKERS", ("WORKER_NO", "W1"), ("WORKER_NAME", "Sam Sampleford"), ("JOB_TITLE", "Social Worker"), ("TEAM_NO", "T1"))
            .Add("REFERRALS", ("REFERRAL_NO", "R1"), ("CLIENT_NO", "C1"), ("REFERRAL_DATE", "01/03/2025"), ("PRIMARY_NEED", "N1"),
                ("REFERRAL_OUTCOME", "S47"))
            .Add("ALLOCATIONS", ("ALLOCATION_NO", "A1"), ("CLIENT_NO", "C1"), ("EPISODE_NO", "R1"), ("WORKER_NO", "W1"), ("WORKER_ROLE", "ASW"),
                ("TEAM_NO", "T1"), ("START_DATE", "02/03/2025"))
            .Add("ALLOCATIONS", ("ALLOCATION_NO", "A2"), ("CLIENT_NO", "C1"), ("WORKER_NO", "W9"), ("WORKER_ROLE", "IRO"), ("START_DATE", "02/03/2025"))
            .Add("CONTACTS", ("CONTACT_NO", "K1"), ("CLIENT_NO", "C1"), ("CONTACT_DATE", "28/02/2025 16:30"))
            .Add("DECISION_RECORDS", ("DECISION_NO", "D1"), ("CLIENT_NO", "C1"), ("DECISION_TYPE", "CONDEC"), ("LINKED_NO", "K1"),
                ("DECISION_DATE", "2025-03-01 10:00"))
            .Add("DECISION_RECORDS", ("DECISION_NO", "D2"), ("CLIENT_NO", "C1"), ("DECISION_TYPE", "MGTOVS"), ("LINKED_NO", "R1"),
                ("DECISION_DATE", "04/03/2025"), ("WORKER_NO", "W2"))
            .Add("ASSESSMENTS", ("ASSESSMENT_NO", "AS1"), ("CLIENT_NO", "C1"), ("EPISODE_NO", "R1"), ("ASSESSMENT_TYPE", "SA"),
                ("START_DATE", "02/03/2025"), ("REVIEW_POINT_DATE", "20/03/2025"), ("CHILD_SEEN", "Y"))
            .Add("CP_REGISTRATIONS", ("REGISTRATION_NO", "CPR1"), ("CLIENT_NO", "C1"), ("REFERRAL_NO", "R1"), ("CONFERENCE_NO", "CF1"),
                ("REGISTRATION_DATE", "24/03/2025"), ("VISIT_FREQUENCY_DAYS", "10"), ("VISIT_FREQUENCY_BASIS", "WRK"))
            .Add("CP_CONFERENCES", ("CONFERENCE_NO", "CF1"), ("CLIENT_NO", "C1"), ("CONFERENCE_TYPE", "ICPC"), ("REGISTRATION_NO", "CPR1"),
                ("CONFERENCE_DATE", "24/03/2025"))
            .Add("CP_CONFERENCES", ("CONFERENCE_NO", "CF2"), ("CLIENT_NO", "C1"), ("CONFERENCE_TYPE", "RCPC"), ("REGISTRATION_NO", "CPR1"),
                ("DUE_DATE", "24/06/2025"), ("CONFERENCE_DATE", "20/06/2025"))
            .Add("VISIT_TO_CHILD", ("VISIT_NO", "V1"), ("CLIENT_NO", "C1"), ("EPISODE_NO", "CPR1"), ("VISIT_TYPE", "CPV"),
                ("VISIT_DATE", "2025-03-28 14:00"), ("CHILD_SEEN", "Y"), ("SEEN_ALONE", "N"), ("REASON_NOT_SEEN_ALONE", "Asleep"),
                ("DATE_RECORDED", "31/03/2025"))
            .Add("CASE_SUPERVISION", ("SUPERVISION_NO", "S1"), ("CLIENT_NO", "C1"), ("EPISODE_NO", "R1"), ("SUPERVISION_DATE", "15/04/2025"),
                ("SUPERVISOR_NO", "W2"))
            .Add("LAC_EPISODES", ("LAC_EPISODE_NO", "E1"), ("CLIENT_NO", "C2"), ("PERIOD_OF_CARE_NO", "POC1"), ("DATE_ENTERED_CARE", "01/05/2024"),
                ("START_DATE", "01/05/2024"), ("END_DATE", "01/09/2024"))
            .Add("LAC_EPISODES", ("LAC_EPISODE_NO", "E2"), ("CLIENT_NO", "C2"), ("PERIOD_OF_CARE_NO", "POC1"), ("DATE_ENTERED_CARE", "01/05/2024"),
                ("START_DATE", "01/09/2024"))
            .Add("PLACEMENTS", ("PLACEMENT_NO", "PL1"), ("CLIENT_NO", "C2"), ("PERIOD_OF_CARE_NO", "POC1"), ("PLACEMENT_TYPE", "U3"),
                ("START_DATE", "01/05/2024"), ("TEMPORARY_APPROVAL", "Y"), ("CARER_APPROVED_DATE", "01/08/2024"))
            .Add("LEGAL_STATUSES", ("CLIENT_NO", "C2"), ("LEGAL_STATUS", "C1"), ("START_DATE", "01/05/2024"))
            .Add("LAC_REVIEWS", ("LAC_REVIEW_NO", "LR1"), ("CLIENT_NO", "C2"), ("PERIOD_OF_CARE_NO", "POC1"), ("DUE_DATE", "29/05/2024"),
                ("REVIEW_DATE", "28/05/2024"), ("CANCELLED", "N"))
            .Add("EH_EPISODES", ("EH_EPISODE_NO", "EH1"), ("CLIENT_NO", "C2"), ("START_DATE", "01/01/2024"), ("END_DATE", "30/04/2024"))
            .Add("EH_TAF_MEETINGS", ("TAF_MEETING_NO", "M1"), ("CLIENT_NO", "C2"), ("EH_EPISODE_NO", "EH1"), ("MEETING_TYPE", "TAF"),
                ("MEETING_DATE", "01/02/2024"))
            .Add("MEETINGS", ("MEETING_NO", "M2"), ("CLIENT_NO", "C1"), ("EPISODE_NO", "CPR1"), ("MEETING_TYPE", "CORE"), ("MEETING_DATE", "04/04/2025"))
            .Add("DOCUMENTS", ("DOCUMENT_NO", "DOC1"), ("CLIENT_NO", "C2"), ("EPISODE_NO", "EH1"), ("DOCUMENT_TYPE", "OSTAR"), ("DOCUMENT_DATE", "01/02/2024"))
            .Add("CASE_AUDITS", ("AUDIT_NO", "AU1"), ("CLIENT_NO", "C1"), ("EPISODE_NO", "R1"), ("AUDIT_DATE", "01/05/2025"), ("AUDIT_GRADE", "Good"))
            .Add("AUDIT_ACTIONS", ("ACTION_NO", "AU1-1"), ("AUDIT_NO", "AU1"), ("DESCRIPTION", "Update the plan"), ("DUE_DATE", "01/06/2025"));
        var (extract, log) = Read(folder);

        Assert.Empty(log.Items);
        Assert.Equal(2, extract.Cases.Count);
        Assert.Equal("carefirst", extract.Kind);
        Assert.Equal("Social Worker", extract.Directory.Workers["W1"].JobTitle);
        var c1 = extract.Cases.Single(c => c.Person.Id == "C1");
        Assert.Equal(new LocalDate(2015, 3, 1), c1.Person.DateOfBirth);
        Assert.Equal("07700 900001", c1.Person.Telephone);
        Assert.True(c1.Person.DisabilityRecorded);
        Assert.Empty(c1.Person.Disabilities);
        Assert.Equal("ZZ99 1AA", Assert.Single(c1.Person.Addresses).Postcode);

        // Only the allocated-worker role makes an allocation; the IRO row is skipped without a rejection.
        var allocation = Assert.Single(c1.Allocations);
        Assert.Equal(("W1", "R1"), (allocation.WorkerId, allocation.EpisodeId));
        Assert.False(Assert.Single(c1.Referrals).NoFurtherAction);

        var contact = Assert.Single(c1.Contacts);
        Assert.True(contact.HasTimes);
        Assert.Equal(new LocalDateTime(2025, 2, 28, 16, 30), contact.ReceivedAt);
        Assert.Equal(new LocalDateTime(2025, 3, 1, 10, 0), contact.DecisionAt);
        Assert.Equal([("D2", ManagementKind.Oversight), ("S1", ManagementKind.Supervision)],
            c1.ManagementRecords.Select(m => (m.Id, m.Kind)).OrderBy(x => x.Id));

        var plan = Assert.Single(c1.Plans);
        Assert.Equal((PlanKind.ChildProtection, "CF1"), (plan.Kind, plan.IcpcId));
        Assert.Equal(new VisitFrequency(10, true), plan.VisitFrequency);
        Assert.Equal("CPR1", Assert.Single(c1.InitialConferences).CpPlanId);
        Assert.Contains(c1.Meetings, m => m is { Id: "CF2", Type: MeetingType.ChildProtectionReview, EpisodeId: "CPR1" });
        Assert.Contains(c1.Meetings, m => m is { Id: "M2", Type: MeetingType.CoreGroup });
        Assert.Equal(new LocalDate(2025, 3, 20), Assert.Single(c1.AssessmentReviewPoints).Date);

        var visit = Assert.Single(c1.Visits);
        Assert.Equal((VisitKind.ChildProtection, "CPR1", new LocalDate(2025, 3, 28)), (visit.Kind, visit.EpisodeId, visit.Date));
        Assert.Equal((true, false, "Asleep"), (visit.Seen, visit.SeenAlone, visit.NotSeenAloneReason));
        Assert.Equal(new LocalDate(2025, 3, 31), visit.RecordedDate);
        Assert.Equal("AU1", Assert.Single(c1.AuditActions).AuditId);

        var c2 = extract.Cases.Single(c => c.Person.Id == "C2");
        var period = Assert.Single(c2.PeriodsOfCare);
        Assert.Equal(("POC1", new LocalDate(2024, 5, 1), (LocalDate?)null), (period.Id, period.Start, period.End));
        var placement = Assert.Single(c2.Placements);
        Assert.Equal(("U3", true, new LocalDate(2024, 8, 1)), (placement.TypeCode, placement.TemporaryApproval, placement.CarerApprovedDate));
        Assert.Contains(c2.Meetings, m => m is { Id: "LR1", Type: MeetingType.LookedAfterReview, EpisodeId: "POC1" });
        Assert.Contains(c2.Meetings, m => m is { Id: "M1", Type: MeetingType.TeamAroundFamily });
        Assert.Equal(DocumentKind.OutcomeStar, Assert.Single(c2.Documents).Kind);

        // Missing episodes (SSDA903 missing.csv) are read by no case management system's adapter yet.
        foreach (var dataset in Enum.GetValues<Dataset>().Where(d => d != Dataset.MissingEpisodes))
        {
            Assert.True(c1.Records(dataset), $"{dataset} should be recorded when every table is there");
        }
    }

    [Fact]
    public void UnknownCode_BadDate_UnknownClient_AreRejectedWithFileLineAndField_AndTheRestIsRead()
    {
        using var folder = TwoClients()
            .Add("VISIT_TO_CHILD", ("VISIT_NO", "V1"), ("CLIENT_NO", "C1"), ("VISIT_TYPE", "XYZ"), ("VISIT_DATE", "10/03/2025"))
            .Add("VISIT_TO_CHILD", ("VISIT_NO", "V2"), ("CLIENT_NO", "C1"), ("VISIT_TYPE", "CINV"), ("VISIT_DATE", "31/02/2025"))
            .Add("VISIT_TO_CHILD", ("VISIT_NO", "V3"), ("CLIENT_NO", "C1"), ("VISIT_TYPE", "CINV"), ("VISIT_DATE", "12/03/2025"),
                ("DATE_RECORDED", "March 2025"))
            .Add("VISIT_TO_CHILD", ("VISIT_NO", "V4"), ("CLIENT_NO", "C9"), ("VISIT_TYPE", "CINV"), ("VISIT_DATE", "12/03/2025"))
            .Add("PLACEMENTS", ("PLACEMENT_NO", "PL1"), ("CLIENT_NO", "C2"), ("PLACEMENT_TYPE", "XX9"), ("START_DATE", "06/01/2025"))
            .Add("CONTACTS", ("CONTACT_NO", ""), ("CLIENT_NO", "C2"), ("CONTACT_DATE", "02/01/2025"));
        var (extract, log) = Read(folder);

        var rejected = log.Items;
        Assert.Contains(rejected, r => r is { File: "VISIT_TO_CHILD.csv", Line: "2", RecordId: "V1", Field: "VISIT_TYPE" }
            && r.Problem.Contains("unknown code 'XYZ'"));
        Assert.Contains(rejected, r => r is { File: "VISIT_TO_CHILD.csv", Line: "3", RecordId: "V2", Field: "VISIT_DATE" }
            && r.Problem.Contains("'31/02/2025' is not a date"));
        Assert.Contains(rejected, r => r is { File: "VISIT_TO_CHILD.csv", Line: "4", RecordId: "V3", Field: "DATE_RECORDED" }
            && r.Problem.Contains("the field is ignored"));
        Assert.Contains(rejected, r => r is { File: "VISIT_TO_CHILD.csv", Line: "5", Field: "CLIENT_NO" } && r.Problem.Contains("C9"));
        Assert.Contains(rejected, r => r is { File: "PLACEMENTS.csv", Line: "2", Field: "PLACEMENT_TYPE" } && r.Problem.Contains("unknown code 'XX9'"));
        Assert.Contains(rejected, r => r is { File: "CONTACTS.csv", Line: "2", Field: "CONTACT_NO" } && r.Problem.Contains("missing id"));
        Assert.Equal(6, log.RowsRejected("carefirst"));

        // The rest of the rows, and the rest of a row with a bad optional field or an unknown optional code, are still used.
        var visit = Assert.Single(extract.Cases.Single(c => c.Person.Id == "C1").Visits);
        Assert.Equal(("V3", (LocalDate?)null), (visit.Id, visit.RecordedDate));
        Assert.Null(Assert.Single(extract.Cases.Single(c => c.Person.Id == "C2").Placements).TypeCode);
    }

    [Fact]
    public void MissingRequiredFile_FailsTheSourceNamingIt()
    {
        using var folder = TwoClients();
        folder.Write();
        folder.Remove("VISIT_TO_CHILD");
        var e = Assert.Throws<SourceFailedException>(() =>
            new CareFirstAdapter().Read("carefirst", new CsvFolderSource(folder.Path), new SourceOptions(), new RejectionLog()));
        Assert.Contains("VISIT_TO_CHILD.csv", e.Message);
    }

    [Fact]
    public void MissingOptionalFile_MeansNotRecorded_AndOptionalTablesMakesARequiredOneOptional()
    {
        using var folder = TwoClients();
        folder.Write();
        folder.Remove("EH_TAF_MEETINGS").Remove("MEETINGS").Remove("CASE_SUPERVISION");
        var options = new SourceOptions { OptionalTables = ["CASE_SUPERVISION"] };
        var extract = new CareFirstAdapter().Read("carefirst", new CsvFolderSource(folder.Path), options, new RejectionLog());
        Assert.False(extract.Cases[0].Records(Dataset.Meetings));
        Assert.True(extract.Cases[0].Records(Dataset.Documents));
        Assert.True(extract.Cases[0].Records(Dataset.ManagementRecords)); // DECISION_RECORDS still records oversight
    }

    [Fact]
    public void MissingColumn_FailsTheSourceNamingFileAndColumn()
    {
        using var folder = TwoClients();
        var path = folder.Write();
        var file = System.IO.Path.Combine(path, "KEY_INFORMATION.csv");
        File.WriteAllText(file, File.ReadAllText(file).Replace("DATE_OF_BIRTH,", "DOB,"));
        var e = Assert.Throws<SourceFailedException>(() =>
            new CareFirstAdapter().Read("carefirst", new CsvFolderSource(path), new SourceOptions(), new RejectionLog()));
        Assert.Contains("KEY_INFORMATION.csv", e.Message);
        Assert.Contains("DATE_OF_BIRTH", e.Message);
    }

    [Fact]
    public void SiteMapping_TheCpVisitTypeCodeInConfiguration_DecidesWhichVisitsAreCpVisits()
    {
        // By default CPV is the CP visit; STVC is unknown.
        using (var folder = WithVisits(("V1", "CPV"), ("V2", "STVC")))
        {
            var (extract, log) = Read(folder);
            var visit = Assert.Single(extract.Cases.Single(c => c.Person.Id == "C1").Visits);
            Assert.Equal(("V1", VisitKind.ChildProtection), (visit.Id, visit.Kind));
            Assert.Contains(log.Items, r => r is { File: "VISIT_TO_CHILD.csv", Line: "3", Field: "VISIT_TYPE" } && r.Problem.Contains("'STVC'"));
        }

        // A site that records CP visits as STVC says so under Codes; now STVC counts and CPV is unknown.
        var options = new SourceOptions { Codes = { ["CpVisitTypes"] = "STVC" } };
        using (var folder = WithVisits(("V1", "CPV"), ("V2", "STVC")))
        {
            var (extract, log) = Read(folder, options);
            var visit = Assert.Single(extract.Cases.Single(c => c.Person.Id == "C1").Visits);
            Assert.Equal(("V2", VisitKind.ChildProtection), (visit.Id, visit.Kind));
            Assert.Contains(log.Items, r => r is { File: "VISIT_TO_CHILD.csv", Line: "2", Field: "VISIT_TYPE" } && r.Problem.Contains("'CPV'"));
        }

        // Several codes may mean a CP visit; the other visit-type keys keep their defaults.
        options = new SourceOptions { Codes = { ["CpVisitTypes"] = "STVC, CPV" } };
        using (var folder = WithVisits(("V1", "CPV"), ("V2", "stvc"), ("V3", "CINV")))
        {
            var (extract, log) = Read(folder, options);
            Assert.Empty(log.Items);
            Assert.Equal([("V1", VisitKind.ChildProtection), ("V2", VisitKind.ChildProtection), ("V3", VisitKind.ChildInNeed)],
                extract.Cases.Single(c => c.Person.Id == "C1").Visits.Select(v => (v.Id, v.Kind)));
        }
    }

    [Fact]
    public void SiteMapping_RenamesFilesAndColumns()
    {
        using var folder = WithVisits(("V1", "CPV"));
        var path = folder.Write();
        File.Move(System.IO.Path.Combine(path, "VISIT_TO_CHILD.csv"), System.IO.Path.Combine(path, "cf_visit_to_child_export.csv"));
        foreach (var file in Directory.GetFiles(path))
        {
            File.WriteAllText(file, File.ReadAllText(file).Replace("CLIENT_NO", "PERSON_REF"));
        }

        var visits = System.IO.Path.Combine(path, "cf_visit_to_child_export.csv");
        File.WriteAllText(visits, File.ReadAllText(visits).Replace("VISIT_DATE", "DATE_OF_VISIT"));
        var options = new SourceOptions
        {
            Tables = { ["VISIT_TO_CHILD"] = "cf_visit_to_child_export" },
            Columns = { ["CLIENT_NO"] = "PERSON_REF", ["VISIT_TO_CHILD.VISIT_DATE"] = "DATE_OF_VISIT" },
        };
        var log = new RejectionLog();
        var extract = new CareFirstAdapter().Read("carefirst", new CsvFolderSource(path, options.Tables), options, log);
        Assert.Empty(log.Items);
        Assert.Equal(new LocalDate(2025, 3, 10), Assert.Single(extract.Cases.Single(c => c.Person.Id == "C1").Visits).Date);
    }

    [Fact]
    public void IgnoredCodes_SkipRowsWithoutRejection()
    {
        using (var folder = WithVisits(("V1", "CPV"), ("V2", "PHONE")))
        {
            var (extract, log) = Read(folder, new SourceOptions { Codes = { ["IgnoredVisitTypes"] = "PHONE" } });
            Assert.Empty(log.Items);
            Assert.Equal("V1", Assert.Single(extract.Cases.Single(c => c.Person.Id == "C1").Visits).Id);
        }

        using (var folder = WithVisits(("V1", "CPV"), ("V2", "PHONE"), ("V3", "OFFICE")))
        {
            var (extract, log) = Read(folder, new SourceOptions { Codes = { ["IgnoredVisitTypes"] = "*" } });
            Assert.Empty(log.Items);
            Assert.Equal("V1", Assert.Single(extract.Cases.Single(c => c.Person.Id == "C1").Visits).Id);
        }
    }

    [Fact]
    public void ACodeUnderTwoKeys_FailsTheSourceNamingBoth()
    {
        using var folder = WithVisits(("V1", "CPV"));
        folder.Write();
        var options = new SourceOptions { Codes = { ["CinVisitTypes"] = "CINV,CPV" } };
        var e = Assert.Throws<SourceFailedException>(() =>
            new CareFirstAdapter().Read("carefirst", new CsvFolderSource(folder.Path), options, new RejectionLog()));
        Assert.Contains("'CPV'", e.Message);
        Assert.Contains("Codes:CpVisitTypes", e.Message);
        Assert.Contains("Codes:CinVisitTypes", e.Message);
    }

    [Fact]
    public void ContactDecision_TakesTheEarliestDecisionRecord_AndOneNamingNoKnownContactIsRejected()
    {
        using var folder = TwoClients()
            .Add("CONTACTS", ("CONTACT_NO", "K1"), ("CLIENT_NO", "C1"), ("CONTACT_DATE", "03/03/2025 09:00"))
            .Add("CONTACTS", ("CONTACT_NO", "K2"), ("CLIENT_NO", "C2"), ("CONTACT_DATE", "03/03/2025"))
            .Add("DECISION_RECORDS", ("DECISION_NO", "D1"), ("CLIENT_NO", "C1"), ("DECISION_TYPE", "CONDEC"), ("LINKED_NO", "K1"),
                ("DECISION_DATE", "04/03/2025 11:00"))
            .Add("DECISION_RECORDS", ("DECISION_NO", "D2"), ("CLIENT_NO", "C1"), ("DECISION_TYPE", "CONDEC"), ("LINKED_NO", "K1"),
                ("DECISION_DATE", "03/03/2025 15:00"))
            .Add("DECISION_RECORDS", ("DECISION_NO", "D3"), ("CLIENT_NO", "C1"), ("DECISION_TYPE", "CONDEC"), ("LINKED_NO", "K2"),
                ("DECISION_DATE", "03/03/2025 15:00"))
            .Add("DECISION_RECORDS", ("DECISION_NO", "D4"), ("CLIENT_NO", "C2"), ("DECISION_TYPE", "CONDEC"), ("LINKED_NO", "K2"),
                ("DECISION_DATE", "04/03/2025"));
        var (extract, log) = Read(folder);

        var k1 = Assert.Single(extract.Cases.Single(c => c.Person.Id == "C1").Contacts);
        Assert.Equal(new LocalDateTime(2025, 3, 3, 15, 0), k1.DecisionAt);
        Assert.True(k1.HasTimes);
        var k2 = Assert.Single(extract.Cases.Single(c => c.Person.Id == "C2").Contacts);
        Assert.Equal(new LocalDate(2025, 3, 4), k2.DecisionAt?.Date);
        Assert.False(k2.HasTimes);
        var rejection = Assert.Single(log.Items);
        Assert.Equal(("DECISION_RECORDS.csv", "4", "LINKED_NO"), (rejection.File, rejection.Line, rejection.Field));
    }

    [Fact]
    public void TheShippedSample_ReadsWithoutRejections()
    {
        var log = new RejectionLog();
        var extract = new CareFirstAdapter().Read("carefirst", new CsvFolderSource(System.IO.Path.Combine(RepositoryRoot(), "samples", "carefirst")),
            new SourceOptions(), log);
        Assert.Empty(log.Items);
        Assert.Equal(20, extract.Cases.Count);
    }

    [Fact]
    public void TheDocumentedLayout_NamesEveryTableColumnAndCodeKey()
    {
        var doc = File.ReadAllText(System.IO.Path.Combine(RepositoryRoot(), "docs", "sources", "carefirst.md"));
        foreach (var table in CareFirstLayout.Tables)
        {
            var row = doc.Split('\n').FirstOrDefault(l => l.StartsWith($"| `{table.Name}` |", StringComparison.Ordinal));
            Assert.True(row is not null, $"{table.Name} has no row in the table of docs/sources/carefirst.md");
            Assert.All(table.Columns, c => Assert.Contains($"`{c}`", row));
            Assert.Contains(table.Required ? "| yes |" : "| no |", row);
        }

        foreach (var (key, codes) in CareFirstLayout.DefaultCodes)
        {
            var row = doc.Split('\n').FirstOrDefault(l => l.StartsWith($"| `Codes:{key}` |", StringComparison.Ordinal));
            Assert.True(row is not null, $"Codes:{key} has no row in docs/sources/carefirst.md");
            if (key is not ("PlacementTypes" or "LegalStatuses"))
            {
                Assert.All(codes.Split(',', StringSplitOptions.RemoveEmptyEntries), c => Assert.Contains($"`{c}`", row));
            }
        }
    }

    [Fact]
    public void EveryCodeGroupKey_HasAShippedDefault()
    {
        var keys = new[]
        {
            CareFirstLayout.WorkerRoles.AllKeys, CareFirstLayout.ReferralOutcomes.AllKeys, CareFirstLayout.AssessmentTypes.AllKeys,
            CareFirstLayout.VisitTypes.AllKeys, CareFirstLayout.MeetingTypes.AllKeys, CareFirstLayout.TafMeetingTypes.AllKeys,
            CareFirstLayout.ConferenceTypes.AllKeys, CareFirstLayout.DecisionTypes.AllKeys, CareFirstLayout.DocumentTypes.AllKeys,
            CareFirstLayout.FrequencyBases.AllKeys,
        }.SelectMany(k => k);
        Assert.All(keys, k => Assert.True(new CareFirstAdapter().DefaultCodes.ContainsKey(k), k));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CaseCompliance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}

using CaseCompliance.Adapters.LiquidLogic;
using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Domain;

namespace CaseCompliance.Adapters.Tests;

public class LiquidLogicAdapterTests
{
    private static (SourceExtract Extract, RejectionLog Log) Read(LiquidLogicFolder folder, SourceOptions? options = null)
    {
        var log = new RejectionLog();
        var extract = new LiquidLogicAdapter().Read("liquidlogic", new CsvFolderSource(folder.Write(), options?.Tables),
            options ?? new SourceOptions(), log);
        return (extract, log);
    }

    private static CaseRecord Child(SourceExtract extract, string id) => extract.Cases.Single(c => c.Person.Id == id);

    private static LiquidLogicFolder TwoChildren() => new LiquidLogicFolder()
        .Add("DIM_PERSON", ("DIM_PERSON_ID", "-1"), ("SURNAME", "Unknown"))
        .Add("DIM_PERSON", ("DIM_PERSON_ID", "1001"), ("FORENAME", "Sample"), ("SURNAME", "Testington"), ("GENDER_MAIN_CODE", "F"),
            ("BIRTH_DTTM", "2015-03-01 00:00:00.000"), ("DOB_ESTIMATED", "N"))
        .Add("DIM_PERSON", ("DIM_PERSON_ID", "1002"), ("SURNAME", "Placeholder"), ("BIRTH_DTTM", "2027-01-18 00:00:00.000"),
            ("DOB_ESTIMATED", "Y"));

    /// <summary>A child protection case: referral, plan, CP visit casenotes linked to the plan.</summary>
    private static LiquidLogicFolder ChildProtectionCase() => TwoChildren()
        .Add("FACT_REFERRALS", ("FACT_REFERRAL_ID", "R1"), ("DIM_PERSON_ID", "1001"), ("REFRL_START_DTTM", "2025-02-10 09:30:00.000"),
            ("DIM_LOOKUP_CATEGORY_OF_NEED_CODE", "N1"), ("OUTCOME_NFA_FLAG", "N"), ("DIM_WORKER_ID", "-1"))
        .Add("FACT_CP_PLAN", ("FACT_CP_PLAN_ID", "P1"), ("DIM_PERSON_ID", "1001"), ("FACT_REFERRAL_ID", "R1"),
            ("FACT_INITIAL_CP_CONFERENCE_ID", "IC1"), ("START_DTTM", "2025-03-03"))
        .Add("FACT_CASENOTES", ("FACT_CASENOTE_ID", "N1"), ("DIM_PERSON_ID", "1001"), ("DIM_LOOKUP_CASNT_TYPE_ID_CODE", "STVC"),
            ("EVENT_DTTM", "2025-03-10 14:00:00.000"), ("SEEN_FLAG", "Y"), ("SEEN_ALONE_FLAG", "N"), ("NOT_SEEN_ALONE_REASON", "Asleep"),
            ("CREATED_DTTM", "2025-03-12 10:00:00.000"), ("FACT_REFERRAL_ID", "R1"))
        .Add("FACT_CP_VISIT", ("FACT_CP_VISIT_ID", "CV1"), ("FACT_CASENOTE_ID", "N1"), ("FACT_CP_PLAN_ID", "P1"));

    [Fact]
    public void ReadsASmallExtract_IntoTheCanonicalRecord()
    {
        using var folder = ChildProtectionCase()
            .Add("FACT_INVOLVEMENTS", ("FACT_INVOLVEMENTS_ID", "I1"), ("DIM_PERSON_ID", "1001"), ("DIM_WORKER_ID", "W1"),
                ("DIM_LOOKUP_INVOLVEMENT_TYPE_CODE", "CW"), ("DIM_DEPARTMENT_ID", "D1"), ("START_DTTM", "2025-02-11"), ("FACT_REFERRAL_ID", "R1"))
            .Add("FACT_INVOLVEMENTS", ("FACT_INVOLVEMENTS_ID", "I2"), ("DIM_PERSON_ID", "1001"), ("DIM_WORKER_ID", "-1"),
                ("DIM_LOOKUP_INVOLVEMENT_TYPE_CODE", "CW"), ("START_DTTM", "2025-02-10"), ("FACT_REFERRAL_ID", "R1"))
            .Add("FACT_INVOLVEMENTS", ("FACT_INVOLVEMENTS_ID", "I3"), ("DIM_PERSON_ID", "1001"), ("DIM_WORKER_ID", "W9"),
                ("DIM_LOOKUP_INVOLVEMENT_TYPE_CODE", "IRO"), ("START_DTTM", "2025-03-03"))
            .Add("FACT_CONTACTS", ("FACT_CONTACT_ID", "K1"), ("DIM_PERSON_ID", "1001"), ("CONTACT_DTTM", "2025-02-07 16:40:00.000"),
                ("FACT_FORM_ID", "F-K1"))
            .Add("FACT_SINGLE_ASSESSMENT", ("FACT_SINGLE_ASSESSMENT_ID", "A1"), ("DIM_PERSON_ID", "1001"), ("FACT_REFERRAL_ID", "R1"),
                ("FACT_FORM_ID", "F-A1"), ("START_DTTM", "2025-02-11"), ("DIM_LOOKUP_STEP_SUBSTATUS_CODE", "C"))
            .Add("FACT_FORM_ANSWERS", ("FACT_FORM_ANSWER_ID", "FA1"), ("FACT_FORM_ID", "F-K1"), ("ANSWER_NO", "FormEndDate"), ("ANSWER", "2025-02-10 09:15:00.000"))
            .Add("FACT_FORM_ANSWERS", ("FACT_FORM_ANSWER_ID", "FA2"), ("FACT_FORM_ID", "F-A1"), ("ANSWER_NO", "FormEndDate"), ("ANSWER", "2025-04-01"))
            .Add("FACT_FORM_ANSWERS", ("FACT_FORM_ANSWER_ID", "FA3"), ("FACT_FORM_ID", "F-A1"), ("ANSWER_NO", "seenYN"), ("ANSWER", "Yes"))
            .Add("FACT_FORM_ANSWERS", ("FACT_FORM_ANSWER_ID", "FA4"), ("FACT_FORM_ID", "F-A1"), ("ANSWER_NO", "ReviewPointDate"), ("ANSWER", "2025-03-05"))
            .Add("FACT_FORM_ANSWERS", ("FACT_FORM_ANSWER_ID", "FA5"), ("FACT_FORM_ID", "F-A1"), ("ANSWER_NO", "SomethingElse"), ("ANSWER", "not a date"))
            .Add("FACT_FORM_ANSWERS", ("FACT_FORM_ANSWER_ID", "FA6"), ("FACT_FORM_ID", "F-OTHER"), ("ANSWER_NO", "FormEndDate"), ("ANSWER", "not a date"))
            .Add("FACT_MEETINGS", ("FACT_MEETING_ID", "M1"), ("DIM_PERSON_ID", "1001"), ("DIM_LOOKUP_MTG_TYPE_ID_CODE", "CPConference"),
                ("MEETING_DTTM", "2025-03-03 10:00:00.000"), ("CANCELLED", "N"))
            .Add("FACT_MEETINGS", ("FACT_MEETING_ID", "M2"), ("DIM_PERSON_ID", "1001"), ("DIM_LOOKUP_MTG_TYPE_ID_CODE", "CoreGroup"),
                ("MEETING_DTTM", "2025-03-14"), ("CANCELLED", "N"), ("FACT_REFERRAL_ID", "R1"), ("FACT_CP_PLAN_ID", "P1"))
            .Add("FACT_CP_CONFERENCE", ("FACT_CP_CONFERENCE_ID", "IC1"), ("DIM_PERSON_ID", "1001"), ("FACT_S47_ID", "-1"),
                ("FACT_REFERRAL_ID", "R1"), ("FACT_MEETING_ID", "M1"), ("TRANSFER_IN_FLAG", "N"))
            .Add("DIM_WORKER", ("DIM_WORKER_ID", "-1"), ("WORKER_NAME", "Unallocated"))
            .Add("DIM_WORKER", ("DIM_WORKER_ID", "W1"), ("WORKER_NAME", "Sam Sampleford"), ("DIM_DEPARTMENT_ID", "D1"));
        var (extract, log) = Read(folder);

        Assert.Empty(log.Items);
        Assert.Equal("liquidlogic", extract.Kind);
        Assert.Equal(["1001", "1002"], extract.Cases.Select(c => c.Person.Id).Order());
        Assert.Equal(["W1"], extract.Directory.Workers.Keys);

        var c1 = Child(extract, "1001");
        Assert.Equal(new LocalDate(2015, 3, 1), c1.Person.DateOfBirth);
        var unborn = Child(extract, "1002").Person;
        Assert.Null(unborn.DateOfBirth);
        Assert.Equal(new LocalDate(2027, 1, 18), unborn.ExpectedDateOfBirth);

        // Allocations: CW involvements only; worker -1 is "no worker".
        Assert.Equal(new (string, string?, string?)[] { ("I1", "W1", "D1"), ("I2", null, null) },
            c1.Allocations.OrderBy(a => a.Id).Select(a => (a.Id, a.WorkerId, a.TeamId)));
        Assert.All(c1.Allocations, a => Assert.Equal("R1", a.EpisodeId));
        Assert.Null(Assert.Single(c1.Referrals).WorkerId);

        var contact = Assert.Single(c1.Contacts);
        Assert.Equal(new LocalDateTime(2025, 2, 7, 16, 40), contact.ReceivedAt);
        Assert.Equal(new LocalDateTime(2025, 2, 10, 9, 15), contact.DecisionAt);
        Assert.True(contact.HasTimes);

        var assessment = Assert.Single(c1.Assessments);
        Assert.Equal((AssessmentKind.SocialCare, "R1"), (assessment.Kind, assessment.EpisodeId));
        Assert.Equal(new LocalDate(2025, 2, 11), assessment.Start);
        Assert.Equal(new LocalDate(2025, 4, 1), assessment.Completed);
        Assert.True(assessment.ChildSeen);
        Assert.Equal(new LocalDate(2025, 3, 5), Assert.Single(c1.AssessmentReviewPoints).Date);

        var icpc = Assert.Single(c1.InitialConferences);
        Assert.Equal(new LocalDate(2025, 3, 3), icpc.Date);
        Assert.Equal("P1", icpc.CpPlanId);
        Assert.Null(icpc.S47EnquiryId);
        var meeting = Assert.Single(c1.Meetings);
        Assert.Equal((MeetingType.CoreGroup, "P1", true), (meeting.Type, meeting.EpisodeId, meeting.Held));

        var visit = Assert.Single(c1.Visits);
        Assert.Equal((VisitKind.ChildProtection, "P1", new LocalDate(2025, 3, 10)), (visit.Kind, visit.EpisodeId, visit.Date));
        Assert.True(visit.Seen);
        Assert.False(visit.SeenAlone);
        Assert.Equal("Asleep", visit.NotSeenAloneReason);
        Assert.Equal(new LocalDate(2025, 3, 12), visit.RecordedDate);
        Assert.True(c1.Records(Dataset.ChildProtectionVisits));
        Assert.True(c1.Records(Dataset.ContactDecisions));
    }

    [Fact]
    public void DraftAndCancelledAssessments_AreLeftOut()
    {
        using var folder = TwoChildren()
            .Add("FACT_SINGLE_ASSESSMENT", ("FACT_SINGLE_ASSESSMENT_ID", "A1"), ("DIM_PERSON_ID", "1001"), ("START_DTTM", "2025-02-11"),
                ("DIM_LOOKUP_STEP_SUBSTATUS_CODE", "C"))
            .Add("FACT_SINGLE_ASSESSMENT", ("FACT_SINGLE_ASSESSMENT_ID", "A2"), ("DIM_PERSON_ID", "1001"), ("START_DTTM", "2025-02-12"),
                ("DIM_LOOKUP_STEP_SUBSTATUS_CODE", "D"), ("FACT_FORM_ID", "F-A2"))
            .Add("FACT_SINGLE_ASSESSMENT", ("FACT_SINGLE_ASSESSMENT_ID", "A3"), ("DIM_PERSON_ID", "1001"), ("START_DTTM", "2025-02-13"),
                ("DIM_LOOKUP_STEP_SUBSTATUS_CODE", "x"))
            .Add("FACT_SINGLE_ASSESSMENT", ("FACT_SINGLE_ASSESSMENT_ID", "A4"), ("DIM_PERSON_ID", "1001"), ("START_DTTM", "2025-02-14"))
            .Add("FACT_FORM_ANSWERS", ("FACT_FORM_ANSWER_ID", "FA1"), ("FACT_FORM_ID", "F-A2"), ("ANSWER_NO", "FormEndDate"), ("ANSWER", "2025-03-01"));
        var (extract, log) = Read(folder);

        Assert.Empty(log.Items);
        Assert.Equal(["A1", "A4"], Child(extract, "1001").Assessments.Select(a => a.Id).Order());
    }

    [Fact]
    public void UnknownCode_And_BadDate_AreRejectedWithFileLineAndField_AndTheRestIsRead()
    {
        using var folder = ChildProtectionCase()
            .Add("FACT_CASENOTES", ("FACT_CASENOTE_ID", "N2"), ("DIM_PERSON_ID", "1001"), ("DIM_LOOKUP_CASNT_TYPE_ID_CODE", "CPVIS"),
                ("EVENT_DTTM", "2025-03-20"))
            .Add("FACT_CASENOTES", ("FACT_CASENOTE_ID", "N3"), ("DIM_PERSON_ID", "1001"), ("DIM_LOOKUP_CASNT_TYPE_ID_CODE", "STVC"),
                ("EVENT_DTTM", "2025-02-30"))
            .Add("FACT_CASENOTES", ("FACT_CASENOTE_ID", "N4"), ("DIM_PERSON_ID", "1001"), ("DIM_LOOKUP_CASNT_TYPE_ID_CODE", "STVC"),
                ("EVENT_DTTM", "2025-03-24"), ("SEEN_FLAG", "Y"), ("CREATED_DTTM", "24th March"))
            .Add("FACT_CASENOTES", ("FACT_CASENOTE_ID", "N5"), ("DIM_PERSON_ID", "9999"), ("DIM_LOOKUP_CASNT_TYPE_ID_CODE", "STVC"),
                ("EVENT_DTTM", "2025-03-24"))
            .Add("FACT_CASENOTES", ("FACT_CASENOTE_ID", "N6"), ("DIM_PERSON_ID", "1001"), ("DIM_LOOKUP_CASNT_TYPE_ID_CODE", "IRO"),
                ("EVENT_DTTM", "2025-03-25"))
            .Add("FACT_CLA_PLACEMENT", ("FACT_CLA_PLACEMENT_ID", "PL1"), ("DIM_PERSON_ID", "1002"), ("START_DTTM", "2025-01-06"),
                ("DIM_LOOKUP_PLACEMENT_TYPE_CODE", "XX9"))
            .Add("FACT_SINGLE_ASSESSMENT", ("FACT_SINGLE_ASSESSMENT_ID", "A1"), ("DIM_PERSON_ID", "1001"), ("FACT_FORM_ID", "F-A1"),
                ("START_DTTM", "2025-02-11"))
            .Add("FACT_FORM_ANSWERS", ("FACT_FORM_ANSWER_ID", "FA1"), ("FACT_FORM_ID", "F-A1"), ("ANSWER_NO", "FormEndDate"), ("ANSWER", "31/02/2025"))
            .Add("FACT_FORM_ANSWERS", ("FACT_FORM_ANSWER_ID", "FA2"), ("FACT_FORM_ID", "F-A1"), ("ANSWER_NO", "seenYN"), ("ANSWER", "Maybe"));
        var (extract, log) = Read(folder);

        var rejected = log.Items;
        Assert.Contains(rejected, r => r is { File: "FACT_CASENOTES.csv", Line: "3", RecordId: "N2", Field: "DIM_LOOKUP_CASNT_TYPE_ID_CODE" }
            && r.Problem.Contains("unknown code 'CPVIS'"));
        Assert.Contains(rejected, r => r is { File: "FACT_CASENOTES.csv", Line: "4", RecordId: "N3", Field: "EVENT_DTTM" }
            && r.Problem.Contains("'2025-02-30' is not a date"));
        Assert.Contains(rejected, r => r is { File: "FACT_CASENOTES.csv", Line: "5", RecordId: "N4", Field: "CREATED_DTTM" }
            && r.Problem.Contains("the field is ignored"));
        Assert.Contains(rejected, r => r is { File: "FACT_CASENOTES.csv", Line: "6", Field: "DIM_PERSON_ID" }
            && r.Problem.Contains("9999"));
        Assert.Contains(rejected, r => r is { File: "FACT_CLA_PLACEMENT.csv", Line: "2", RecordId: "PL1", Field: "DIM_LOOKUP_PLACEMENT_TYPE_CODE" }
            && r.Problem.Contains("unknown code 'XX9'"));
        Assert.Contains(rejected, r => r is { File: "FACT_FORM_ANSWERS.csv", Line: "2", RecordId: "FA1", Field: "ANSWER" }
            && r.Problem.Contains("'31/02/2025' is not a date"));
        Assert.Contains(rejected, r => r is { File: "FACT_FORM_ANSWERS.csv", Line: "3", RecordId: "FA2", Field: "ANSWER" }
            && r.Problem.Contains("unknown code 'Maybe'"));
        Assert.Equal(7, rejected.Count);

        // The rest of the rows, and the rest of a row with a bad field, are still used; other casenote types are left out.
        var c1 = Child(extract, "1001");
        Assert.Equal(["N1", "N4"], c1.Visits.Select(v => v.Id).Order());
        Assert.Null(c1.Visits.Single(v => v.Id == "N4").RecordedDate);
        Assert.Null(Assert.Single(Child(extract, "1002").Placements).TypeCode);
        Assert.Null(Assert.Single(c1.Assessments).Completed);
    }

    [Theory]
    [InlineData("CinVisitCasenoteTypes", "STVC")]    // a code meaning two kinds
    [InlineData("OtherCasenoteTypes", "STVC")]       // a code meaning a kind and "not used"
    public void CodeListedForTwoMeanings_FailsTheSource_NamingBothKeysAndTheColumn(string key, string code)
    {
        using var folder = ChildProtectionCase();
        var options = new SourceOptions();
        options.Codes[key] = code;

        var failure = Assert.Throws<SourceFailedException>(() => Read(folder, options));

        Assert.Contains($"Codes:{key}", failure.Message);
        Assert.Contains("Codes:CpVisitCasenoteTypes", failure.Message);
        Assert.Contains($"FACT_CASENOTES.DIM_LOOKUP_CASNT_TYPE_ID_CODE code '{code}'", failure.Message);
    }

    [Fact]
    public void OtherCodes_AreReadAndLeftOut_AndAStarLeavesOutEveryUnmappedCode()
    {
        using var folder = ChildProtectionCase()
            .Add("FACT_CASENOTES", ("FACT_CASENOTE_ID", "N9"), ("DIM_PERSON_ID", "1001"), ("DIM_LOOKUP_CASNT_TYPE_ID_CODE", "ZZTOP"),
                ("EVENT_DTTM", "2025-03-11 14:00:00.000"));

        var (_, strict) = Read(folder);
        Assert.Contains(strict.Items, r => r.Field == "DIM_LOOKUP_CASNT_TYPE_ID_CODE" && r.Problem.Contains("ZZTOP"));

        var options = new SourceOptions();
        options.Codes["OtherCasenoteTypes"] = "*";
        var (extract, relaxed) = Read(folder, options);
        Assert.DoesNotContain(relaxed.Items, r => r.Field == "DIM_LOOKUP_CASNT_TYPE_ID_CODE");
        Assert.Single(Child(extract, "1001").Visits);
    }

    [Fact]
    public void MissingRequiredFile_FailsTheSourceNamingIt()
    {
        using var folder = TwoChildren();
        folder.Write();
        folder.Remove("FACT_CASENOTES");
        var e = Assert.Throws<SourceFailedException>(() =>
            new LiquidLogicAdapter().Read("liquidlogic", new CsvFolderSource(folder.Path), new SourceOptions(), new RejectionLog()));
        Assert.Contains("FACT_CASENOTES.csv", e.Message);
    }

    [Fact]
    public void MissingColumn_FailsTheSourceNamingFileAndColumn()
    {
        using var folder = TwoChildren()
            .Add("FACT_CASENOTES", ("FACT_CASENOTE_ID", "N1"), ("DIM_PERSON_ID", "1001"), ("DIM_LOOKUP_CASNT_TYPE_ID_CODE", "STVC"),
                ("EVENT_DTTM", "2025-03-10"));
        var path = folder.Write();
        var file = System.IO.Path.Combine(path, "FACT_CASENOTES.csv");
        File.WriteAllText(file, File.ReadAllText(file).Replace("SEEN_ALONE_FLAG,", "SEEN_ALONE,"));
        var e = Assert.Throws<SourceFailedException>(() =>
            new LiquidLogicAdapter().Read("liquidlogic", new CsvFolderSource(path), new SourceOptions(), new RejectionLog()));
        Assert.Contains("FACT_CASENOTES.csv", e.Message);
        Assert.Contains("SEEN_ALONE_FLAG", e.Message);
    }

    [Fact]
    public void MissingOptionalFile_OrEmptyCodeList_MeansNotRecorded()
    {
        using var folder = TwoChildren();
        folder.Write();
        folder.Remove("FACT_FORMS");
        var options = new SourceOptions { Codes = { ["SupervisionCasenoteTypes"] = "", ["OversightCasenoteTypes"] = "", ["AuditDiscussionCasenoteTypes"] = "" } };
        var extract = new LiquidLogicAdapter().Read("liquidlogic", new CsvFolderSource(folder.Path), options, new RejectionLog());
        var c = extract.Cases[0];
        Assert.False(c.Records(Dataset.Documents));
        Assert.False(c.Records(Dataset.EarlyHelpAssessments));
        Assert.False(c.Records(Dataset.ManagementRecords));
        Assert.True(c.Records(Dataset.ChildProtectionVisits));
        Assert.True(c.Records(Dataset.Meetings));
    }

    [Fact]
    public void SiteMapping_TheCpVisitCasenoteCodeInCodes_DecidesWhichCasenotesAreCpVisits()
    {
        static LiquidLogicFolder Casenotes() => TwoChildren()
            .Add("FACT_CASENOTES", ("FACT_CASENOTE_ID", "N1"), ("DIM_PERSON_ID", "1001"), ("DIM_LOOKUP_CASNT_TYPE_ID_CODE", "STVC"),
                ("EVENT_DTTM", "2025-03-10"), ("SEEN_FLAG", "Y"), ("SEEN_ALONE_FLAG", "Y"))
            .Add("FACT_CASENOTES", ("FACT_CASENOTE_ID", "N2"), ("DIM_PERSON_ID", "1001"), ("DIM_LOOKUP_CASNT_TYPE_ID_CODE", "CPVIS"),
                ("EVENT_DTTM", "2025-03-20"), ("SEEN_FLAG", "Y"), ("SEEN_ALONE_FLAG", "Y"));

        // Shipped default: STVC is a CP visit; CPVIS is a code this site has not declared, so it is rejected.
        using (var folder = Casenotes())
        {
            var (extract, log) = Read(folder);
            var visit = Assert.Single(Child(extract, "1001").Visits);
            Assert.Equal(("N1", VisitKind.ChildProtection), (visit.Id, visit.Kind));
            var rejection = Assert.Single(log.Items);
            Assert.Equal(("FACT_CASENOTES.csv", "3", "DIM_LOOKUP_CASNT_TYPE_ID_CODE"), (rejection.File, rejection.Line, rejection.Field));
            Assert.Contains("unknown code 'CPVIS'", rejection.Problem);
        }

        // A site that records CP visits as CPVIS (and uses STVC for something the rules do not need) says so in Codes.
        using (var folder = Casenotes())
        {
            var options = new SourceOptions
            {
                Codes = { ["CpVisitCasenoteTypes"] = "CPVIS", ["OtherCasenoteTypes"] = "STVC,IRO" },
            };
            var (extract, log) = Read(folder, options);
            Assert.Empty(log.Items);
            var visit = Assert.Single(Child(extract, "1001").Visits);
            Assert.Equal(("N2", VisitKind.ChildProtection, new LocalDate(2025, 3, 20)), (visit.Id, visit.Kind, visit.Date));
        }
    }

    [Fact]
    public void SiteMapping_RenamesFilesAndColumns()
    {
        using var folder = ChildProtectionCase();
        var path = folder.Write();
        File.Move(System.IO.Path.Combine(path, "FACT_CASENOTES.csv"), System.IO.Path.Combine(path, "casenotes_export.csv"));
        var notes = System.IO.Path.Combine(path, "casenotes_export.csv");
        File.WriteAllText(notes, File.ReadAllText(notes).Replace("EVENT_DTTM,", "CASENOTE_DATE,"));
        var options = new SourceOptions
        {
            Tables = { ["FACT_CASENOTES"] = "casenotes_export" },
            Columns = { ["FACT_CASENOTES.EVENT_DTTM"] = "CASENOTE_DATE" },
            Codes = { ["OtherCasenoteTypes"] = "*" },
        };
        var log = new RejectionLog();
        var extract = new LiquidLogicAdapter().Read("liquidlogic", new CsvFolderSource(path, options.Tables), options, log);
        Assert.Empty(log.Items);
        Assert.Equal(new LocalDate(2025, 3, 10), Assert.Single(Child(extract, "1001").Visits).Date);
    }

    [Fact]
    public void ACodeConfiguredForTwoKinds_FailsTheSource()
    {
        using var folder = TwoChildren();
        var options = new SourceOptions { Codes = { ["CinVisitCasenoteTypes"] = "STAT,STVC" } };
        var e = Assert.Throws<SourceFailedException>(() => Read(folder, options));
        Assert.Contains("'STVC'", e.Message);
        Assert.Contains("CpVisitCasenoteTypes", e.Message);
    }

    [Fact]
    public void AMisspeltCodeListKey_FailsTheSourceNamingIt()
    {
        using var folder = TwoChildren();
        var options = new SourceOptions { Codes = { ["CpVisitCasenoteType"] = "CPVIS" } };
        var e = Assert.Throws<SourceFailedException>(() => Read(folder, options));
        Assert.Contains("Codes:CpVisitCasenoteType ", e.Message);
    }

    [Fact]
    public void ReviewsAndVisits_GetTheirEpisodeAndCancellationFromTheWarehouseLinks()
    {
        using var folder = TwoChildren()
            .Add("FACT_CARE_EPISODES", ("FACT_CARE_EPISODES_ID", "E1"), ("DIM_PERSON_ID", "1001"), ("FACT_CLA_ID", "LA1"),
                ("CARE_START_DATE", "2024-05-01"), ("CARE_END_DATE", "2024-09-01"))
            .Add("FACT_CARE_EPISODES", ("FACT_CARE_EPISODES_ID", "E2"), ("DIM_PERSON_ID", "1001"), ("FACT_CLA_ID", "LA1"),
                ("CARE_START_DATE", "2024-09-01"))
            .Add("FACT_MEETINGS", ("FACT_MEETING_ID", "M1"), ("DIM_PERSON_ID", "1001"), ("DIM_LOOKUP_MTG_TYPE_ID_CODE", "LACReview"),
                ("MEETING_DTTM", "2024-05-20"), ("CANCELLED", "Y"))
            .Add("FACT_CLA_REVIEW", ("FACT_CLA_REVIEW_ID", "LR1"), ("DIM_PERSON_ID", "1001"), ("FACT_CLA_ID", "LA1"), ("FACT_MEETING_ID", "M1"),
                ("DUE_DTTM", "2024-05-29"), ("MEETING_DTTM", "2024-05-20"))
            .Add("FACT_CASENOTES", ("FACT_CASENOTE_ID", "N1"), ("DIM_PERSON_ID", "1001"), ("DIM_LOOKUP_CASNT_TYPE_ID_CODE", "STVL"),
                ("EVENT_DTTM", "2024-05-06"), ("SEEN_FLAG", "Y"), ("SEEN_ALONE_FLAG", "Y"))
            .Add("FACT_CLA_VISIT", ("FACT_CLA_VISIT_ID", "LV1"), ("FACT_CASENOTE_ID", "N1"), ("FACT_CLA_ID", "LA1"))
            .Add("FACT_PRIVATE_FOSTERING", ("FACT_PRIVATE_FOSTERING_ID", "PF1"), ("DIM_PERSON_ID", "1002"),
                ("NOTIFICATION_DTTM", "2025-05-12"), ("START_DTTM", "2025-05-05"))
            .Add("FACT_CASENOTES", ("FACT_CASENOTE_ID", "N2"), ("DIM_PERSON_ID", "1002"), ("DIM_LOOKUP_CASNT_TYPE_ID_CODE", "PFVIS"),
                ("EVENT_DTTM", "2025-05-19"), ("SEEN_FLAG", "Y"), ("SEEN_ALONE_FLAG", "Y"));
        var (extract, log) = Read(folder);

        Assert.Empty(log.Items);
        var c1 = Child(extract, "1001");
        var period = Assert.Single(c1.PeriodsOfCare);
        Assert.Equal(("LA1", new LocalDate(2024, 5, 1), (LocalDate?)null), (period.Id, period.Start, period.End));
        var review = Assert.Single(c1.Meetings);
        Assert.Equal((MeetingType.LookedAfterReview, "LA1", true), (review.Type, review.EpisodeId, review.Cancelled));
        Assert.Equal(new LocalDate(2024, 5, 29), review.RecordedDueDate);
        Assert.Equal("LA1", Assert.Single(c1.Visits).EpisodeId);
        Assert.Equal("PF1", Assert.Single(Child(extract, "1002").Visits).EpisodeId);
    }

    [Fact]
    public void AConferenceMeetingAndPlan_AreTheChildsOwn_NotAnotherChildsRowsOfTheSameIds()
    {
        // Sibling conference M1: FACT_MEETINGS has a row per child; 1002's plan names conference IC1 too, but 1001's
        // conference must take 1001's plan, and 1002's conference (no meeting row of its own) no meeting date.
        using var folder = ChildProtectionCase()
            .Add("FACT_CP_PLAN", ("FACT_CP_PLAN_ID", "P2"), ("DIM_PERSON_ID", "1002"), ("FACT_INITIAL_CP_CONFERENCE_ID", "IC1"),
                ("START_DTTM", "2025-03-03"))
            .Add("FACT_MEETINGS", ("FACT_MEETING_ID", "M1"), ("DIM_PERSON_ID", "1001"), ("DIM_LOOKUP_MTG_TYPE_ID_CODE", "CPConference"),
                ("MEETING_DTTM", "2025-03-03 10:00:00.000"), ("CANCELLED", "N"))
            .Add("FACT_CP_CONFERENCE", ("FACT_CP_CONFERENCE_ID", "IC1"), ("DIM_PERSON_ID", "1002"), ("FACT_MEETING_ID", "M1"), ("TRANSFER_IN_FLAG", "N"))
            .Add("FACT_CP_CONFERENCE", ("FACT_CP_CONFERENCE_ID", "IC1"), ("DIM_PERSON_ID", "1001"), ("FACT_MEETING_ID", "M1"), ("TRANSFER_IN_FLAG", "N"));
        var (extract, log) = Read(folder);

        var first = Assert.Single(Child(extract, "1001").InitialConferences);
        Assert.Equal(("P1", new LocalDate(2025, 3, 3)), (first.CpPlanId, first.Date));
        var second = Assert.Single(Child(extract, "1002").InitialConferences);
        Assert.Equal(("P2", (LocalDate?)null), (second.CpPlanId, second.Date));
        var rejection = Assert.Single(log.Items);
        Assert.Equal(("FACT_MEETING_ID", "IC1"), (rejection.Field, rejection.RecordId));
        Assert.Contains("for person 1002", rejection.Problem);
    }

    [Fact]
    public void TheShippedSample_ReadsWithoutRejections()
    {
        var sample = Path.Combine(RepositoryRoot(), "samples", "liquidlogic");
        var log = new RejectionLog();
        var extract = new LiquidLogicAdapter().Read("liquidlogic", new CsvFolderSource(sample), new SourceOptions(), log);
        Assert.Empty(log.Items);
        Assert.Equal(20, extract.Cases.Count);
        Assert.Equal(12, extract.Cases.SelectMany(c => c.Assessments).Count(a => a.Kind == AssessmentKind.SocialCare));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CaseCompliance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("repository root (CaseCompliance.sln) not found");
    }
}

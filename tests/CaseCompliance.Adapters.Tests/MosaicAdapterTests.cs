using CaseCompliance.Adapters.Mosaic;
using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Domain;

namespace CaseCompliance.Adapters.Tests;

public class MosaicAdapterTests
{
    private static (SourceExtract Extract, RejectionLog Log) Read(MosaicFolder folder, SourceOptions? options = null)
    {
        var log = new RejectionLog();
        var extract = new MosaicAdapter().Read("mosaic", new CsvFolderSource(folder.Write(), options?.Tables), options ?? new SourceOptions(), log);
        return (extract, log);
    }

    private static MosaicFolder TwoChildren() => new MosaicFolder()
        .Person("C1")
        .Person("C2", "Example", "Placeholder", "01/06/2012")
        .Add(MosaicLayout.Registrations.Table, ("REGISTRATION_ID", "CPP1"), ("PERSON_ID", "C1"), ("REGISTRATION_STEP_ID", "ICPC1"),
            ("REGISTRATION_START_DATE", "2025-03-03 00:00:00"), ("IS_CHILD_PROTECTION_PLAN", "Y"), ("IS_TEMPORARY_CHILD_PROTECTION", "N"));

    [Fact]
    public void ReadsASmallExtract_StepsAndFormAnswersBecomeTheCanonicalRecord()
    {
        using var folder = TwoChildren()
            .Add(MosaicLayout.Referrals.Table, ("REFERRAL_ID", "R1"), ("PERSON_ID", "C1"), ("REFERRAL_DATE", "2025-02-20"), ("PRIMARY_NEED_CODE", "N1"))
            .Add(MosaicLayout.Registrations.Table, ("REGISTRATION_ID", "DIS1"), ("PERSON_ID", "C1"), ("REGISTRATION_START_DATE", "2020-01-01"),
                ("IS_CHILD_PROTECTION_PLAN", "N"))
            .CpVisit("900", "C1", "2025-03-10", seen: "Yes", alone: "No", completed: "2025-03-12 16:00:00")
            .Answer("900", "cpFLDReasonChildNotSeenAlone", "Asleep")
            .Step("901", "C1", "1400", "COMPLETED", "2025-03-11", "2025-03-11", "2025-03-11") // a step type nobody configured
            .Step("CT1", "C2", "1100", "COMPLETED", "2025-01-06 09:15", "2025-01-06 09:15", "2025-01-06 15:00")
            .Step("EH1", "C2", "1208", "COMPLETED", "2025-01-07", "2025-01-07", "2025-01-08")
            .Step("902", "C2", "1217", "COMPLETED", "2025-06-30", "2025-06-30", "2025-06-30")
            .Step("903", "C2", "1214", "COMPLETED", "2025-04-01", "2025-04-01", "2025-04-01")
            .Answer("903", "mtgFLDDateOfMeeting", date: "2025-03-31");
        var (extract, log) = Read(folder);

        Assert.Empty(log.Items);
        Assert.Equal(2, extract.Cases.Count);
        var c1 = extract.Cases.Single(c => c.Person.Id == "C1");
        Assert.Equal(new LocalDate(2015, 3, 1), c1.Person.DateOfBirth);
        var plan = Assert.Single(c1.Plans);
        Assert.Equal(("CPP1", PlanKind.ChildProtection, "R1", "ICPC1"), (plan.Id, plan.Kind, plan.ReferralId, plan.IcpcId));
        var visit = Assert.Single(c1.Visits);
        Assert.Equal(("900", VisitKind.ChildProtection, "CPP1"), (visit.Id, visit.Kind, visit.EpisodeId));
        Assert.Equal(new LocalDate(2025, 3, 10), visit.Date);
        Assert.True(visit.Seen);
        Assert.False(visit.SeenAlone);
        Assert.Equal("Asleep", visit.NotSeenAloneReason);
        Assert.Equal(new LocalDate(2025, 3, 12), visit.RecordedDate);
        Assert.True(c1.Records(Dataset.ChildProtectionVisits));

        var c2 = extract.Cases.Single(c => c.Person.Id == "C2");
        Assert.Equal(new LocalDate(2012, 6, 1), c2.Person.DateOfBirth);
        var contact = Assert.Single(c2.Contacts);
        Assert.True(contact.HasTimes);
        Assert.Equal(new LocalDateTime(2025, 1, 6, 15, 0), contact.DecisionAt);
        var episode = Assert.Single(c2.EarlyHelpEpisodes);
        Assert.Equal((new LocalDate(2025, 1, 7), new LocalDate(2025, 6, 30)), (episode.Start, episode.End));
        var review = Assert.Single(c2.Meetings);
        Assert.Equal((MeetingType.TeamAroundFamilyReview, "EH1", new LocalDate(2025, 3, 31)), (review.Type, review.EpisodeId, review.Date));
    }

    [Fact]
    public void UnknownCode_BadDate_UnknownPerson_AreRejectedWithFileLineAndField_AndTheRestIsRead()
    {
        using var folder = TwoChildren()
            .Add(MosaicLayout.PeriodsOfCare.Table, ("PERIOD_OF_CARE_ID", "POC1"), ("PERSON_ID", "C2"), ("START_DATE", "2025-01-06"))
            .Add(MosaicLayout.Placements.Table, ("PLACEMENT_ID", "PL1"), ("PERSON_ID", "C2"), ("PERIOD_OF_CARE_ID", "POC1"), ("START_DATE", "2025-01-06"),
                ("PLACEMENT_TYPE", "XX9"))
            .CpVisit("900", "C1", "2025-03-10")
            .Step("901", "C1", "1187", "STARTED", "2025-03-11", "2025-03-11")
            .Answer("901", "cpFLDDateAndTimeOfVisit", date: "2025-02-30")
            .CpVisit("902", "C1", "2025-03-24", seen: "Maybe")
            .Step("CT9", "C9", "1100", "COMPLETED", "2025-01-02", "2025-01-02", "2025-01-02")
            .Step("CT2", "C2", "1100", "DONE", "2025-01-02 10:00", "2025-01-02 10:00", "2025-01-03 09:00");
        var (extract, log) = Read(folder);

        var rejected = log.Items;
        Assert.Contains(rejected, r => r is { File: "dm_placements.csv", Line: "2", RecordId: "PL1", Field: "PLACEMENT_TYPE" }
            && r.Problem.Contains("unknown code 'XX9'"));
        // Answers: 900 has three (lines 2-4), then 901's date on line 5, then 902's three (6-8).
        Assert.Contains(rejected, r => r is { File: "dm_cached_form_answers.csv", Line: "5", RecordId: "901", Field: "DATE_ANSWER" }
            && r.Problem.Contains("'2025-02-30' is not a date"));
        Assert.Contains(rejected, r => r is { File: "dm_cached_form_answers.csv", Line: "7", RecordId: "902", Field: "TEXT_ANSWER" }
            && r.Problem.Contains("unknown code 'Maybe'"));
        Assert.Contains(rejected, r => r is { File: "dm_workflow_steps.csv", Line: "5", RecordId: "CT9", Field: "PERSON_ID" }
            && r.Problem.Contains("C9"));
        Assert.Contains(rejected, r => r is { File: "dm_workflow_steps.csv", Line: "6", RecordId: "CT2", Field: "STEP_STATUS" }
            && r.Problem.Contains("unknown code 'DONE'"));
        Assert.Equal(5, log.RowsRejected("mosaic"));

        // The rest of the rows, and the rest of a row with an unknown code, are still used.
        var c1 = extract.Cases.Single(c => c.Person.Id == "C1");
        Assert.Equal(["900", "902"], c1.Visits.Select(v => v.Id).Order());
        Assert.Null(c1.Visits.Single(v => v.Id == "902").Seen);
        var c2 = extract.Cases.Single(c => c.Person.Id == "C2");
        Assert.Null(Assert.Single(c2.Placements).TypeCode);
        Assert.Equal(new LocalDateTime(2025, 1, 3, 9, 0), Assert.Single(c2.Contacts).DecisionAt);
    }

    [Fact]
    public void MissingRequiredFile_FailsTheSourceNamingIt()
    {
        using var folder = TwoChildren();
        folder.Write();
        folder.Remove(MosaicLayout.Steps.Table);
        var e = Assert.Throws<SourceFailedException>(() => new MosaicAdapter().Read("mosaic", new CsvFolderSource(folder.Path), new SourceOptions(), new RejectionLog()));
        Assert.Contains("dm_workflow_steps.csv", e.Message);
    }

    [Fact]
    public void MissingColumn_FailsTheSourceNamingFileAndColumn()
    {
        using var folder = TwoChildren();
        var path = folder.Write();
        var file = Path.Combine(path, "dm_persons.csv");
        File.WriteAllText(file, File.ReadAllText(file).Replace("DATE_OF_BIRTH,", "BIRTH_DATE,"));
        var e = Assert.Throws<SourceFailedException>(() => new MosaicAdapter().Read("mosaic", new CsvFolderSource(path), new SourceOptions(), new RejectionLog()));
        Assert.Contains("dm_persons.csv", e.Message);
        Assert.Contains("DATE_OF_BIRTH", e.Message);
    }

    [Fact]
    public void MissingOptionalFile_MeansNotRecorded_AndAnEmptyStepList_MeansTheSiteDoesNotRecordIt()
    {
        using var folder = TwoChildren();
        folder.Write();
        folder.Remove(MosaicLayout.Addresses.Table);
        var options = new SourceOptions { Codes = { ["CaseAuditSteps"] = "" } };
        var extract = new MosaicAdapter().Read("mosaic", new CsvFolderSource(folder.Path), options, new RejectionLog());
        Assert.False(extract.Cases[0].Records(Dataset.Addresses));
        Assert.False(extract.Cases[0].Records(Dataset.Audits));
        Assert.True(extract.Cases[0].Records(Dataset.Disabilities));
        Assert.True(extract.Cases[0].Records(Dataset.ManagementRecords));
    }

    [Fact]
    public void SiteMapping_ChangingTheCpVisitStepTypeId_ChangesWhichStepsAreVisits()
    {
        using var folder = TwoChildren()
            .CpVisit("900", "C1", "2025-03-10", type: "1187")
            .CpVisit("901", "C1", "2025-03-20", type: "4321");

        // Shipped default: 1187 is a CP visit, 4321 means nothing.
        var (before, beforeLog) = Read(folder);
        Assert.Empty(beforeLog.Items);
        Assert.Equal(["900"], before.Cases.Single(c => c.Person.Id == "C1").Visits.Select(v => v.Id));

        // This site records CP visits with step type 4321: 1187 no longer counts, 4321 does.
        var options = new SourceOptions { Codes = { ["CpVisitSteps"] = "4321" } };
        var (after, afterLog) = Read(folder, options);
        Assert.Empty(afterLog.Items);
        var visit = Assert.Single(after.Cases.Single(c => c.Person.Id == "C1").Visits);
        Assert.Equal(("901", VisitKind.ChildProtection, "CPP1"), (visit.Id, visit.Kind, visit.EpisodeId));
    }

    [Fact]
    public void SiteMapping_RenamesFilesColumnsAndQuestionCodes()
    {
        using var folder = TwoChildren()
            .Step("900", "C1", "1187", "COMPLETED", "2025-03-10", "2025-03-10", "2025-03-11")
            .Answer("900", "xxVisitDate", date: "2025-03-09")
            .Answer("900", "cpCOLSubjectsFLDChildYPSeen", "Ja");
        var path = folder.Write();
        File.Move(Path.Combine(path, "dm_persons.csv"), Path.Combine(path, "people.csv"));
        var persons = Path.Combine(path, "people.csv");
        File.WriteAllText(persons, File.ReadAllText(persons).Replace("DATE_OF_BIRTH,", "DOB,"));
        var options = new SourceOptions
        {
            Tables = { ["dm_persons"] = "people" },
            Columns = { ["dm_persons.DATE_OF_BIRTH"] = "DOB" },
            Codes = { ["VisitDateQuestions"] = "xxVisitDate", ["YesAnswers"] = "Ja" },
        };
        var log = new RejectionLog();
        var extract = new MosaicAdapter().Read("mosaic", new CsvFolderSource(path, options.Tables), options, log);
        Assert.Empty(log.Items);
        var c1 = extract.Cases.Single(c => c.Person.Id == "C1");
        Assert.Equal(new LocalDate(2015, 3, 1), c1.Person.DateOfBirth);
        var visit = Assert.Single(c1.Visits);
        Assert.Equal(new LocalDate(2025, 3, 9), visit.Date);
        Assert.True(visit.Seen);
    }

    [Fact]
    public void AStepTypeConfiguredForTwoKinds_FailsTheSourceNamingBothKeys()
    {
        using var folder = TwoChildren();
        var options = new SourceOptions { Codes = { ["CinVisitSteps"] = "1187" } };
        var e = Assert.Throws<SourceFailedException>(() => Read(folder, options));
        Assert.Contains("CpVisitSteps", e.Message);
        Assert.Contains("CinVisitSteps", e.Message);
    }

    [Fact]
    public void AMisspeltCodesKey_FailsTheSourceNamingIt()
    {
        using var folder = TwoChildren();
        var options = new SourceOptions { Codes = { ["CpVisitStep"] = "4321" } };
        var e = Assert.Throws<SourceFailedException>(() => Read(folder, options));
        Assert.Contains("Codes:CpVisitStep ", e.Message);
    }

    [Fact]
    public void AuditActions_AreTheRepeatingGroupOfTheAuditForm()
    {
        using var folder = TwoChildren()
            .Add(MosaicLayout.Referrals.Table, ("REFERRAL_ID", "R1"), ("PERSON_ID", "C1"), ("REFERRAL_DATE", "2025-02-20"))
            .Step("AUD1", "C1", "1260", "COMPLETED", "2025-05-01", "2025-05-01", "2025-05-02")
            .Answer("AUD1", "auditFLDOverallGrade", "Good")
            .Add(MosaicLayout.Answers.Table, ("WORKFLOW_STEP_ID", "AUD1"), ("FORM_ANSWER_ROW_ID", "1"), ("QUESTION_USER_CODE", "auditCOLActionsFLDAction"), ("TEXT_ANSWER", "Update the plan"))
            .Add(MosaicLayout.Answers.Table, ("WORKFLOW_STEP_ID", "AUD1"), ("FORM_ANSWER_ROW_ID", "1"), ("QUESTION_USER_CODE", "auditCOLActionsFLDDueDate"), ("DATE_ANSWER", "2025-06-01"))
            .Add(MosaicLayout.Answers.Table, ("WORKFLOW_STEP_ID", "AUD1"), ("FORM_ANSWER_ROW_ID", "2"), ("QUESTION_USER_CODE", "auditCOLActionsFLDAction"), ("TEXT_ANSWER", "See the child"))
            .Add(MosaicLayout.Answers.Table, ("WORKFLOW_STEP_ID", "AUD1"), ("FORM_ANSWER_ROW_ID", "2"), ("QUESTION_USER_CODE", "auditCOLActionsFLDCompletedDate"), ("DATE_ANSWER", "2025-05-20"));
        var (extract, log) = Read(folder);
        Assert.Empty(log.Items);
        var c1 = extract.Cases.Single(c => c.Person.Id == "C1");
        var audit = Assert.Single(c1.Audits);
        Assert.Equal(("R1", "Good", new LocalDate(2025, 5, 2)), (audit.EpisodeId, audit.Grade, audit.Date));
        Assert.Equal(["AUD1-A1", "AUD1-A2"], c1.AuditActions.Select(a => a.Id).Order());
        Assert.Equal(new LocalDate(2025, 6, 1), c1.AuditActions.Single(a => a.Id == "AUD1-A1").Due);
        Assert.Equal(new LocalDate(2025, 5, 20), c1.AuditActions.Single(a => a.Id == "AUD1-A2").Completed);
    }

    [Fact]
    public void TheShippedSample_ReadsWithoutRejections()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CaseCompliance.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var log = new RejectionLog();
        var extract = new MosaicAdapter().Read("mosaic", new CsvFolderSource(Path.Combine(dir.FullName, "samples", "mosaic")), new SourceOptions(), log);
        Assert.Empty(log.Items);
        Assert.Equal(20, extract.Cases.Count);
        // Missing episodes (SSDA903 missing.csv) are read by no case management system's adapter yet.
        Assert.All(Enum.GetValues<Dataset>().Where(d => d != Dataset.MissingEpisodes), d => Assert.True(extract.Cases[0].Records(d), $"{d} is recorded"));
    }
}

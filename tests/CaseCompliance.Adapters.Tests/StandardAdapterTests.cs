using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Standard;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Domain;

namespace CaseCompliance.Adapters.Tests;

public class StandardAdapterTests
{
    private static (SourceExtract Extract, RejectionLog Log) Read(SsdFolder folder, SourceOptions? options = null)
    {
        var log = new RejectionLog();
        var extract = new StandardAdapter().Read("standard", new CsvFolderSource(folder.Write(), options?.Tables), options ?? new SourceOptions(), log);
        return (extract, log);
    }

    private static SsdFolder TwoChildren() => new SsdFolder()
        .Add("ssd_person", ("pers_person_id", "C1"), ("pers_forename", "Sample"), ("pers_surname", "Testington"), ("pers_dob", "2015-03-01"))
        .Add("ssd_person", ("pers_person_id", "C2"), ("pers_forename", "Example"), ("pers_surname", "Placeholder"), ("pers_dob", "01/06/2012"));

    [Fact]
    public void ReadsPersonsAndTheirRecords()
    {
        using var folder = TwoChildren()
            .Add("ssd_cp_plans", ("cppl_cp_plan_id", "P1"), ("cppl_person_id", "C1"), ("cppl_cp_plan_start_date", "2025-03-03"), ("cppl_referral_id", "R1"))
            .Add("ssd_cp_visits", ("cppv_cp_visit_id", "V1"), ("cppv_person_id", "C1"), ("cppv_cp_plan_id", "P1"),
                ("cppv_cp_visit_date", "2025-03-10 14:00"), ("cppv_cp_visit_seen", "Y"), ("cppv_cp_visit_seen_alone", "0"))
            .Add("cc_visit_details", ("vdet_visit_id", "V1"), ("vdet_not_seen_alone_reason", "Asleep"), ("vdet_recorded_date", "2025-03-12"));
        var (extract, log) = Read(folder);

        Assert.Empty(log.Items);
        Assert.Equal(2, extract.Cases.Count);
        var c1 = extract.Cases.Single(c => c.Person.Id == "C1");
        Assert.Equal(new LocalDate(2015, 3, 1), c1.Person.DateOfBirth);
        var visit = Assert.Single(c1.Visits);
        Assert.Equal(new LocalDate(2025, 3, 10), visit.Date);
        Assert.True(visit.Seen);
        Assert.False(visit.SeenAlone);
        Assert.Equal("Asleep", visit.NotSeenAloneReason);
        Assert.Equal(new LocalDate(2025, 3, 12), visit.RecordedDate);
        Assert.Equal(new LocalDate(2012, 6, 1), extract.Cases.Single(c => c.Person.Id == "C2").Person.DateOfBirth);
        Assert.True(c1.Records(Dataset.VisitDetails));
    }

    [Fact]
    public void BadDate_UnknownCode_MissingId_AreRejectedWithFileLineAndField_AndTheRestIsRead()
    {
        using var folder = TwoChildren()
            .Add("ssd_cp_visits", ("cppv_cp_visit_id", "V1"), ("cppv_person_id", "C1"), ("cppv_cp_visit_date", "2025-02-30"))
            .Add("ssd_cp_visits", ("cppv_cp_visit_id", "V2"), ("cppv_person_id", "C1"), ("cppv_cp_visit_date", "2025-03-10"))
            .Add("ssd_cla_placement", ("clap_cla_placement_id", "PL1"), ("clap_person_id", "C2"), ("clap_cla_placement_start_date", "2025-01-06"),
                ("clap_cla_placement_type", "XX9"))
            .Add("ssd_contacts", ("cont_contact_id", ""), ("cont_person_id", "C2"), ("cont_contact_date", "2025-01-02"))
            .Add("ssd_contacts", ("cont_contact_id", "K2"), ("cont_person_id", "C9"), ("cont_contact_date", "2025-01-02"));
        var (extract, log) = Read(folder);

        var rejected = log.Items;
        Assert.Contains(rejected, r => r is { File: "ssd_cp_visits.csv", Line: "2", RecordId: "V1", Field: "cppv_cp_visit_date" }
            && r.Problem.Contains("'2025-02-30' is not a date"));
        Assert.Contains(rejected, r => r is { File: "ssd_cla_placement.csv", Line: "2", Field: "clap_cla_placement_type" }
            && r.Problem.Contains("unknown code 'XX9'"));
        Assert.Contains(rejected, r => r is { File: "ssd_contacts.csv", Line: "2", Field: "cont_contact_id" } && r.Problem.Contains("missing id"));
        Assert.Contains(rejected, r => r is { File: "ssd_contacts.csv", Line: "3", Field: "cont_person_id" } && r.Problem.Contains("C9"));

        // The rest of the rows, and the rest of a row with an unknown code, are still used.
        var c1 = extract.Cases.Single(c => c.Person.Id == "C1");
        Assert.Equal(["V2"], c1.Visits.Select(v => v.Id));
        var placement = Assert.Single(extract.Cases.Single(c => c.Person.Id == "C2").Placements);
        Assert.Null(placement.TypeCode);
        Assert.Equal(4, log.RowsRejected("standard"));
    }

    [Fact]
    public void MissingRequiredFile_FailsTheSourceNamingIt()
    {
        using var folder = TwoChildren();
        folder.Write();
        folder.Remove("ssd_cp_visits");
        var e = Assert.Throws<SourceFailedException>(() => new StandardAdapter().Read("standard", new CsvFolderSource(folder.Path), new SourceOptions(), new RejectionLog()));
        Assert.Contains("ssd_cp_visits.csv", e.Message);
    }

    [Fact]
    public void MissingOptionalFile_MeansNotRecorded()
    {
        using var folder = TwoChildren();
        folder.Write();
        folder.Remove("cc_meetings");
        var extract = new StandardAdapter().Read("standard", new CsvFolderSource(folder.Path), new SourceOptions(), new RejectionLog());
        Assert.False(extract.Cases[0].Records(Dataset.Meetings));
        Assert.True(extract.Cases[0].Records(Dataset.Documents));
    }

    /// <summary>PowerShell's Export-Csv writes 0 bytes for a query without rows: the table is present and has none (ADR 010).</summary>
    [Fact]
    public void ZeroByteFiles_OptionalAreTablesWithNoRows_RequiredFailTheSource_UnlessTheSiteListsThemOptional()
    {
        using var folder = TwoChildren();
        var path = folder.Write();
        File.WriteAllBytes(System.IO.Path.Combine(path, "cc_meetings.csv"), []);

        // An optional table with nothing in it (PowerShell's Export-Csv of no rows): present, recorded, no rows.
        var log = new RejectionLog();
        var extract = new StandardAdapter().Read("standard", new CsvFolderSource(path), new SourceOptions(), log);
        Assert.Empty(log.Items);
        Assert.Equal(2, extract.Cases.Count);
        Assert.All(extract.Cases, c => Assert.True(c.Records(Dataset.Meetings)));

        // A required one may be an export that failed: refused, never read as "no plans, no visits".
        File.WriteAllBytes(System.IO.Path.Combine(path, "ssd_cp_visits.csv"), []);
        var e = Assert.Throws<SourceFailedException>(() => new StandardAdapter().Read("standard", new CsvFolderSource(path), new SourceOptions(), new RejectionLog()));
        Assert.StartsWith("ssd_cp_visits.csv: the file is empty (not even a header row)", e.Message);
        Assert.Contains("list it in OptionalTables", e.Message);

        // A site where the table is really empty says so.
        var quiet = new SourceOptions { OptionalTables = ["ssd_cp_visits"] };
        var read = new StandardAdapter().Read("standard", new CsvFolderSource(path), quiet, new RejectionLog());
        Assert.All(read.Cases, c => Assert.True(c.Records(Dataset.ChildProtectionVisits) && c.Visits.IsEmpty));
    }

    [Fact]
    public void ZeroBytePersonFile_FailsTheSource()
    {
        using var folder = TwoChildren();
        var path = folder.Write();
        File.WriteAllBytes(System.IO.Path.Combine(path, "ssd_person.csv"), []);

        var e = Assert.Throws<SourceFailedException>(() => new StandardAdapter().Read("standard", new CsvFolderSource(path), new SourceOptions(), new RejectionLog()));
        Assert.StartsWith("ssd_person.csv: the file is empty", e.Message);
    }

    [Fact]
    public void MissingColumn_FailsTheSourceNamingFileAndColumn()
    {
        using var folder = TwoChildren();
        var path = folder.Write();
        var file = System.IO.Path.Combine(path, "ssd_person.csv");
        File.WriteAllText(file, File.ReadAllText(file).Replace("pers_dob,", "pers_birthday,"));
        var e = Assert.Throws<SourceFailedException>(() => new StandardAdapter().Read("standard", new CsvFolderSource(path), new SourceOptions(), new RejectionLog()));
        Assert.Contains("ssd_person.csv", e.Message);
        Assert.Contains("pers_dob", e.Message);
    }

    [Fact]
    public void SiteMapping_RenamesColumnsAndFiles_AndReplacesCodeLists()
    {
        using var folder = TwoChildren()
            .Add("ssd_involvements", ("invo_involvements_id", "I1"), ("invo_professional_id", "W1"), ("invo_professional_role_id", "KEY WORKER"),
                ("invo_involvement_start_date", "2025-01-02"), ("invo_person_id", "C1"), ("invo_referral_id", "R1"));
        var path = folder.Write();
        File.Move(System.IO.Path.Combine(path, "ssd_person.csv"), System.IO.Path.Combine(path, "people_export.csv"));
        var person = System.IO.Path.Combine(path, "people_export.csv");
        File.WriteAllText(person, File.ReadAllText(person).Replace("pers_dob,", "birth_date,"));
        var options = new SourceOptions
        {
            Tables = { ["ssd_person"] = "people_export" },
            Columns = { ["ssd_person.pers_dob"] = "birth_date" },
            Codes = { ["AllocatedWorkerRoles"] = "KEY WORKER" },
        };
        var log = new RejectionLog();
        var extract = new StandardAdapter().Read("standard", new CsvFolderSource(path, options.Tables), options, log);
        Assert.Empty(log.Items);
        var c1 = extract.Cases.Single(c => c.Person.Id == "C1");
        Assert.Equal(new LocalDate(2015, 3, 1), c1.Person.DateOfBirth);
        Assert.Equal("W1", Assert.Single(c1.Allocations).WorkerId);
    }

    [Fact]
    public void PeriodOfCare_IsOpenWhileAnyEpisodeIsOpen()
    {
        using var folder = TwoChildren()
            .Add("ssd_cla_episodes", ("clae_cla_episode_id", "E1"), ("clae_person_id", "C1"), ("clae_cla_id", "LA1"),
                ("clae_cla_episode_start_date", "2024-05-01"), ("clae_entered_care_date", "2024-05-01"), ("clae_cla_episode_ceased_date", "2024-09-01"))
            .Add("ssd_cla_episodes", ("clae_cla_episode_id", "E2"), ("clae_person_id", "C1"), ("clae_cla_id", "LA1"),
                ("clae_cla_episode_start_date", "2024-09-01"), ("clae_entered_care_date", "2024-05-01"));
        var period = Assert.Single(Read(folder).Extract.Cases.Single(c => c.Person.Id == "C1").PeriodsOfCare);
        Assert.Equal(new LocalDate(2024, 5, 1), period.Start);
        Assert.Null(period.End);
    }

    [Fact]
    public void VisitDetails_AttachToVisitsOfEveryVisitTable()
    {
        using var folder = TwoChildren()
            .Add("cc_visits", ("visi_id", "PF1"), ("visi_person_id", "C2"), ("visi_type", "private-fostering"), ("visi_date", "2025-03-10"),
                ("visi_seen", "Y"), ("visi_seen_alone", "N"))
            .Add("cc_eh_contacts", ("ehco_id", "EH1"), ("ehco_person_id", "C1"), ("ehco_type", "home-visit"), ("ehco_date", "2025-03-11"))
            .Add("cc_visit_details", ("vdet_visit_id", "PF1"), ("vdet_not_seen_alone_reason", "Carer present"), ("vdet_recorded_date", "2025-03-12"))
            .Add("cc_visit_details", ("vdet_visit_id", "EH1"), ("vdet_recorded_date", "2025-03-13"));
        var (extract, log) = Read(folder);
        Assert.Empty(log.Items);
        var pf = Assert.Single(extract.Cases.Single(c => c.Person.Id == "C2").Visits);
        Assert.Equal(new LocalDate(2025, 3, 12), pf.RecordedDate);
        Assert.Equal("Carer present", pf.NotSeenAloneReason);
        Assert.Equal(new LocalDate(2025, 3, 13), Assert.Single(extract.Cases.Single(c => c.Person.Id == "C1").Visits).RecordedDate);
    }

    [Fact]
    public void MissingColumn_InAnEmptyRequiredFile_StillFailsTheSource()
    {
        using var folder = TwoChildren();
        var path = folder.Write();
        var file = System.IO.Path.Combine(path, "ssd_cp_reviews.csv");
        File.WriteAllText(file, File.ReadAllText(file).Replace("cppr_cp_review_due,", ""));
        var e = Assert.Throws<SourceFailedException>(() => new StandardAdapter().Read("standard", new CsvFolderSource(path), new SourceOptions(), new RejectionLog()));
        Assert.Equal("ssd_cp_reviews.csv: missing column cppr_cp_review_due.", e.Message);
    }
}

using CaseCompliance.Adapters.Standard;

namespace CaseCompliance.Generation.Tests;

public sealed class StandardFolderTests
{
    [Fact]
    public void Sample_GivesTheDirectoryAndEachChildInPersonOrder_WithEveryRowOnce()
    {
        var sample = SinkSamples.Sample("standard");
        var folder = StandardFolder.Read(sample);

        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"C{i:000}"), folder.Children.Select(c => c.PersonId));
        Assert.Null(folder.Directory.PersonId);
        Assert.Equal(["ssd_professionals", "ssd_department"], folder.Directory.Tables);
        Assert.Equal(9, folder.Directory.Rows("ssd_department").Count);
        Assert.Equal(20, folder.Directory.Rows("ssd_professionals").Count);

        foreach (var table in StandardLayout.Tables)
        {
            var inFile = SinkSamples.ReadCsv(Path.Combine(sample, table.Name + ".csv")).Count - 1;
            var given = folder.Directory.Rows(table.Name).Count + folder.Children.Sum(c => c.Rows(table.Name).Count);
            Assert.True(inFile == given, $"{table.Name}: {inFile} rows in the file, {given} given");
        }
    }

    [Fact]
    public void RowsWithoutAPersonColumn_GoToTheChildOfTheRecordTheyName()
    {
        var folder = StandardFolder.Read(SinkSamples.Sample("standard"));
        (string Table, string Key, (string Table, string Id)[] Owners)[] linked =
        [
            ("cc_contact_decisions", "cdec_contact_id", [("ssd_contacts", "cont_contact_id")]),
            ("cc_assessment_review_points", "arp_assessment_id", [("ssd_cin_assessments", "cina_assessment_id")]),
            ("cc_visit_details", "vdet_visit_id",
            [
                ("ssd_cp_visits", "cppv_cp_visit_id"), ("ssd_cla_visits", "clav_cla_visit_id"), ("ssd_cin_visits", "cinv_cin_visit_id"),
                ("cc_eh_contacts", "ehco_id"), ("cc_visits", "visi_id"), ("cc_management_records", "mgmt_id"),
            ]),
            ("cc_plan_visit_frequency", "pvf_plan_id", [("ssd_cp_plans", "cppl_cp_plan_id"), ("ssd_cin_plans", "cinp_cin_plan_id")]),
            ("cc_placement_details", "pdet_placement_id", [("ssd_cla_placement", "clap_cla_placement_id")]),
            ("ssd_cla_reviews", "clar_cla_id", [("ssd_cla_episodes", "clae_cla_id")]),
            ("cc_audit_actions", "act_audit_id", [("cc_audits", "aud_id")]),
        ];

        var given = 0;
        foreach (var child in folder.Children)
        {
            foreach (var (table, key, owners) in linked)
            {
                var own = owners.SelectMany(o => child.Rows(o.Table).Select(r => r[o.Id])).ToHashSet();
                Assert.All(child.Rows(table), r => Assert.Contains(r[key], own));
                given += child.Rows(table).Count;
            }
        }

        Assert.Equal(17 + 12 + 202 + 3 + 4 + 11 + 7, given);
        Assert.Equal(5, folder.Children.Single(c => c.PersonId == "C012").Rows("ssd_cla_reviews").Count);
    }

    [Fact]
    public void EmptyValues_AreLeftOut_AndMissingFilesAreEmptyTables()
    {
        using var dir = new SinkTempFolder();
        File.WriteAllText(Path.Combine(dir.Path, "ssd_person.csv"), "pers_person_id,pers_forename,pers_dob\nC1,,2015-03-01\n");
        File.WriteAllText(Path.Combine(dir.Path, "cc_meetings.csv"), "meet_id,meet_person_id,meet_type,meet_date,extra\nM1,C2,taf,2025-01-02,x\n");

        var folder = StandardFolder.Read(dir.Path);

        Assert.Equal(["C1", "C2"], folder.Children.Select(c => c.PersonId));
        var person = Assert.Single(folder.Children[0].Rows("ssd_person"));
        Assert.Equal(new Dictionary<string, string> { ["pers_person_id"] = "C1", ["pers_dob"] = "2015-03-01" }, person);
        Assert.Equal(["meet_id", "meet_person_id", "meet_type", "meet_date"], Assert.Single(folder.Children[1].Rows("cc_meetings")).Keys);
        Assert.Empty(folder.Directory.Tables);
    }

    [Fact]
    public void ARowNamingNoRecord_IsRefused()
    {
        using var dir = new SinkTempFolder();
        File.WriteAllText(Path.Combine(dir.Path, "ssd_person.csv"), "pers_person_id\nC1\n");
        File.WriteAllText(Path.Combine(dir.Path, "cc_visit_details.csv"), "vdet_visit_id,vdet_recorded_date\nV9,2025-01-02\n");

        var e = Assert.Throws<InvalidDataException>(() => StandardFolder.Read(dir.Path));
        Assert.Contains("cc_visit_details: vdet_visit_id V9", e.Message, StringComparison.Ordinal);
    }
}

namespace CaseCompliance.Generation.Tests;

public sealed class CareFirstSinkTests
{
    /// <summary>
    /// samples/carefirst is the converter's output (/tmp/cf-gen/convert.py, deterministic; it adds no rows of its own).
    /// The sink writes the same files except the records the converter gathered from several SSD tables one after the
    /// other and the sink writes child by child: <c>ASSESSMENTS</c> (social care, then Early Help assessments),
    /// <c>DECISION_RECORDS</c> (contact decisions, then oversight and audit discussions), <c>CP_CONFERENCES</c>
    /// (initial, then review conferences) and <c>VISIT_TO_CHILD</c> (CIN, CP, LAC, other visits, Early Help contacts).
    /// Every other file is identical but for line ends.
    /// </summary>
    [Fact]
    public void Files_AreTheConvertersOutput_ChildByChild()
    {
        using var written = SinkSamples.Write("carefirst");
        var sample = new SinkSampleComparison(SinkSamples.Sample("carefirst"), written.Path);
        var child = sample.Order("KEY_INFORMATION", "CLIENT_NO");
        foreach (var table in new[] { "ASSESSMENTS", "DECISION_RECORDS", "CP_CONFERENCES", "VISIT_TO_CHILD" })
        {
            var client = sample.Column(table, "CLIENT_NO");
            sample.ChildByChild(table, r => child[r[client]]);
        }

        var identical = sample.AssertAll();
        Assert.Equal(29 - 4, identical.Count);
    }

    [Fact]
    public void AllocationRole_IsTheConvertersForItsJobTitles_ElseFromTheSsdRoleAndEpisode()
    {
        using var dir = new SinkTempFolder();
        using (var sink = new CareFirstSink(dir.Path))
        {
            sink.Directory(new SsdTables()
                .Add("ssd_professionals", ("prof_professional_id", "W1"), ("prof_professional_job_title", "Senior Practitioner"))
                .Add("ssd_professionals", ("prof_professional_id", "W2"), ("prof_professional_job_title", "Team Manager"))
                .Add("ssd_professionals", ("prof_professional_id", "W3"), ("prof_professional_job_title", "Social Worker")));
            static (string, string?)[] Involvement(string id, string worker, string role, string? episode) =>
                [("invo_involvements_id", id), ("invo_person_id", "C1"), ("invo_professional_id", worker), ("invo_professional_role_id", role),
                    ("invo_referral_id", episode)];
            sink.Child(new SsdTables { PersonId = "C1" }
                .Add("ssd_person", ("pers_person_id", "C1"))
                .Add("ssd_early_help_episodes", ("earl_episode_id", "EH1"), ("earl_person_id", "C1"))
                .Add("ssd_cin_episodes", ("cine_referral_id", "REF1"), ("cine_person_id", "C1"))
                .Add("ssd_involvements", Involvement("I1", "W1", "ALLOCATED CASE WORKER", "EH1"))
                .Add("ssd_involvements", Involvement("I2", "W1", "ALLOCATED CASE WORKER", "REF1"))
                .Add("ssd_involvements", Involvement("I3", "W2", "ALLOCATED CASE WORKER", null))
                .Add("ssd_involvements", Involvement("I4", "W2", "INDEPENDENT REVIEWING OFFICER", "REF1"))
                .Add("ssd_involvements", Involvement("I5", "W3", "ALLOCATED CASE WORKER", "EH1")));
        }

        var rows = SinkSamples.ReadCsv(Path.Combine(dir.Path, "ALLOCATIONS.csv"));
        Assert.Equal(["EHW", "ASW", "PA", "IRO", "ASW"], rows.Skip(1).Select(r => r[4]));
    }

    [Theory]
    [InlineData("2025-03-10", "10/03/2025")]
    [InlineData("2025-03-10 14:05", "10/03/2025 14:05")]
    [InlineData("2025-03-10 14:05:59", "10/03/2025 14:05")]
    [InlineData("", "")]
    [InlineData("2025-3-10", "2025-3-10")]
    public void Dates_AreUkDates(string ssd, string carefirst) => Assert.Equal(carefirst, CareFirstSink.Uk(ssd));
}

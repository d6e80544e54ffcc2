namespace CaseCompliance.Generation.Tests;

public class StandardSinkTests
{
    [Fact]
    public void WritesEveryTableWithItsHeader_AndRowsInLayoutColumnOrder()
    {
        var dir = Directory.CreateTempSubdirectory("cc-sink-").FullName;
        try
        {
            using (var sink = new StandardSink(dir))
            {
                sink.Directory(new SsdTables().Add("ssd_department", ("dept_team_id", "T1"), ("dept_team_name", "North, East")));
                sink.Child(new SsdTables { PersonId = "C1" }
                    .Add("ssd_person", ("pers_person_id", "C1"), ("pers_dob", "2015-03-01"))
                    .Add("cc_meetings", ("meet_id", "M1"), ("meet_person_id", "C1"), ("meet_type", "taf"), ("meet_date", "2025-01-02")));
            }

            Assert.Equal(39, Directory.GetFiles(dir, "*.csv").Length);
            Assert.Equal(["dept_team_id,dept_team_name,dept_team_parent_id", "T1,\"North, East\","], File.ReadAllLines(Path.Combine(dir, "ssd_department.csv")));
            Assert.Equal("C1,,,,,,2015-03-01,,,,,", File.ReadAllLines(Path.Combine(dir, "ssd_person.csv"))[1]);
            Assert.Single(File.ReadAllLines(Path.Combine(dir, "ssd_cp_visits.csv")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

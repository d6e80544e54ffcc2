using CaseCompliance.Host.Tests;

namespace CaseCompliance.Generation.Tests;

/// <summary>
/// The scan streams an extract a window of children at a time. Through the real executable, on a generated caseload
/// with its planted data-quality faults: small windows write byte-identical files to reading the source whole; a table
/// out of person order (person-linked or detail table) is detected and the source read whole with the same results;
/// rows naming a missing person or record are rejected just as when read whole, and the source still streams.
/// </summary>
public sealed class StreamingTests(StreamingTests.Extract extract) : IClassFixture<StreamingTests.Extract>
{
    /// <summary>900 generated children in the standard layout, with the generator's planted faults.</summary>
    public sealed class Extract : IDisposable
    {
        private readonly TempFolder _tmp = new();

        public Extract() => StreamScans.Generate(_tmp, "standard", 900, Folder);

        public string Folder => _tmp.File("extract");

        public void Dispose() => _tmp.Dispose();
    }

    private static StreamScans.Scan Run(TempFolder tmp, string folder, int window, string name) =>
        StreamScans.Run(tmp, "standard", folder, window, name);

    private static void AssertSameFiles(StreamScans.Scan expected, StreamScans.Scan actual) => StreamScans.AssertSameFiles(expected, actual);

    private static string Copy(TempFolder tmp, string from, string table, Func<List<string>, List<string>> rows) =>
        StreamScans.Copy(tmp, from, table, rows);

    [Fact]
    public void SmallWindows_WriteTheSameFiles_AsReadingTheSourceWhole()
    {
        using var tmp = new TempFolder();
        var whole = Run(tmp, extract.Folder, 0, "whole");
        var streamed = Run(tmp, extract.Folder, 37, "streamed");

        Assert.Equal("whole", whole.Source.GetProperty("reading").GetString());
        Assert.Equal("streamed", streamed.Source.GetProperty("reading").GetString());
        Assert.True(whole.Source.GetProperty("records_rejected").GetInt32() > 0, "the generated faults should reject rows");
        AssertSameFiles(whole, streamed);
    }

    [Theory]
    [InlineData("ssd_cin_visits")]
    [InlineData("cc_visit_details")]
    [InlineData("ssd_cla_reviews")]
    public void TableOutOfPersonOrder_IsDetected_AndTheSourceReadWhole_WithTheSameResults(string table)
    {
        using var tmp = new TempFolder();
        var folder = Copy(tmp, extract.Folder, table, rows => Enumerable.Reverse(rows).ToList());

        var whole = Run(tmp, folder, 0, "whole");
        var streamed = Run(tmp, folder, 37, "streamed");

        Assert.Equal("whole", streamed.Source.GetProperty("reading").GetString());
        Assert.Contains(table, streamed.Source.GetProperty("reading_note").GetString());
        AssertSameFiles(whole, streamed);
    }

    [Fact]
    public void RowsNamingNoPersonOrRecord_AreRejectedAsWhenReadWhole_AndTheSourceStillStreams()
    {
        using var tmp = new TempFolder();
        var withOrphans = Copy(tmp, extract.Folder, "cc_visit_details", rows =>
        {
            // Detail rows for visits that do not exist, at the start, in the middle and at the end of the table.
            var orphan = string.Join(',', ["NO-SUCH-VISIT", "", "2026-01-01"]);
            rows.Insert(rows.Count / 2, orphan.Replace("NO-SUCH-VISIT", "NO-SUCH-VISIT-2"));
            return [orphan.Replace("NO-SUCH-VISIT", "NO-SUCH-VISIT-1"), .. rows, orphan.Replace("NO-SUCH-VISIT", "NO-SUCH-VISIT-3")];
        });
        var cinVisits = Path.Combine(withOrphans, "ssd_cin_visits.csv");
        var lines = File.ReadAllLines(cinVisits).ToList();
        var header = lines[0].Split(',');
        var visit = lines[lines.Count / 3].Split(',');
        visit[Array.IndexOf(header, "cinv_person_id")] = "NOBODY";
        visit[Array.IndexOf(header, "cinv_cin_visit_id")] = "ORPHAN-VISIT";
        lines.Insert(lines.Count / 3, string.Join(',', visit));
        File.WriteAllLines(cinVisits, lines);

        var whole = Run(tmp, withOrphans, 0, "whole");
        var streamed = Run(tmp, withOrphans, 37, "streamed");

        Assert.Equal("streamed", streamed.Source.GetProperty("reading").GetString());
        AssertSameFiles(whole, streamed);
        var rejected = CsvFile.Read(Path.Combine(streamed.Out, "rejected.csv")).Rows;
        foreach (var id in new[] { "NO-SUCH-VISIT-1", "NO-SUCH-VISIT-2", "NO-SUCH-VISIT-3" })
        {
            Assert.Contains(rejected, r => r["file"] == "cc_visit_details.csv" && r["record_id"] == id && r["problem"].Contains("no visit"));
        }

        Assert.Contains(rejected, r => r["file"] == "ssd_cin_visits.csv" && r["record_id"] == "ORPHAN-VISIT" && r["problem"].Contains("NOBODY"));
    }

    [Fact]
    public void RecordIdRepeatedInAnotherWindow_IsRejectedAsWhenReadWhole_ByReadingTheSourceWhole()
    {
        using var tmp = new TempFolder();
        var header = File.ReadLines(Path.Combine(extract.Folder, "ssd_cin_visits.csv")).First().Split(',');
        var id = Array.IndexOf(header, "cinv_cin_visit_id");
        string? first = null;
        var folder = Copy(tmp, extract.Folder, "ssd_cin_visits", rows =>
        {
            // A late child's visit takes the id of an early child's visit: two windows apart at 37 children.
            first = rows[0].Split(',')[id];
            var late = rows[^1].Split(',');
            late[id] = first;
            rows[^1] = string.Join(',', late);
            return rows;
        });

        var whole = Run(tmp, folder, 0, "whole");
        var streamed = Run(tmp, folder, 37, "streamed");

        Assert.Equal("whole", streamed.Source.GetProperty("reading").GetString());
        Assert.Contains(first!, streamed.Source.GetProperty("reading_note").GetString());
        AssertSameFiles(whole, streamed);
        Assert.Contains(CsvFile.Read(Path.Combine(whole.Out, "rejected.csv")).Rows,
            r => r["file"] == "ssd_cin_visits.csv" && r["field"] == "cinv_cin_visit_id" && r["record_id"] == first && r["problem"].Contains("again"));
    }

    [Fact]
    public void RecordIdRepeatedWithinAChild_IsRejected_AndTheSourceStillStreams()
    {
        using var tmp = new TempFolder();
        var folder = Copy(tmp, extract.Folder, "ssd_cin_visits", rows =>
        {
            rows.Insert(rows.Count / 2, rows[rows.Count / 2]);
            return rows;
        });

        var whole = Run(tmp, folder, 0, "whole");
        var streamed = Run(tmp, folder, 37, "streamed");

        Assert.Equal("streamed", streamed.Source.GetProperty("reading").GetString());
        AssertSameFiles(whole, streamed);
        Assert.Contains(CsvFile.Read(Path.Combine(streamed.Out, "rejected.csv")).Rows,
            r => r["file"] == "ssd_cin_visits.csv" && r["field"] == "cinv_cin_visit_id" && r["problem"].Contains("again"));
    }
}

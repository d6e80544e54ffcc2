using System.Text.Json;

namespace CaseCompliance.Host.Tests;

/// <summary>One scan of the bundled sample, shared by the tests that read its files.</summary>
public sealed class SampleScan : IDisposable
{
    public SampleScan()
    {
        Result = Cli.RunFromRoot("scan", "--as-of", "2026-11-20", "--out", Out.Path, "--no-store");
    }

    public TempFolder Out { get; } = new();

    public Cli.Result Result { get; }

    public void Dispose() => Out.Dispose();
}

public class ScanCommandTests(SampleScan sample) : IClassFixture<SampleScan>
{
    private static readonly string[] Columns =
        ["rule_id", "status", "child_id", "episode_id", "source", "anchor_date", "due_date", "completed_date",
         "days_late", "working_days_late", "worker_id", "team", "evidence", "detail"];

    [Fact]
    public void Sample_ScansCleanly_AndSaysWhereTheExceptionListWent()
    {
        Assert.True(sample.Result.ExitCode == 0, sample.Result.Stdout + sample.Result.Stderr);
        Assert.Contains($"Exception list: {sample.Out.File("exceptions.csv")}", sample.Result.Stdout);
        Assert.Contains("standard", sample.Result.Stdout);
        foreach (var name in new[] { "findings.csv", "exceptions.csv", "rejected.csv", "summary.json" })
        {
            Assert.True(File.Exists(sample.Out.File(name)), name);
            Assert.Contains(sample.Out.File(name), sample.Result.Stdout);
        }

        Assert.Empty(Directory.GetFiles(sample.Out.Path, "*.tmp"));
    }

    [Fact]
    public void FindingsAndExceptions_HaveExactlyTheContractColumns()
    {
        Assert.Equal(Columns, CsvFile.Read(sample.Out.File("findings.csv")).Header);
        Assert.Equal(Columns, CsvFile.Read(sample.Out.File("exceptions.csv")).Header);
        Assert.Equal(["source", "file", "line", "record_id", "field", "problem"], CsvFile.Read(sample.Out.File("rejected.csv")).Header);
    }

    [Fact]
    public void Findings_FollowTheContractFormats()
    {
        var (_, rows) = CsvFile.Read(sample.Out.File("findings.csv"));
        Assert.NotEmpty(rows);
        string[] statuses = ["met", "late", "overdue", "due-soon", "pending", "early", "missing-data", "not-applicable"];
        foreach (var row in rows)
        {
            Assert.Contains(row["status"], statuses);
            Assert.StartsWith("standard:", row["child_id"]);
            Assert.True(row["episode_id"] == "" || row["episode_id"].StartsWith("standard:"), row["episode_id"]);
            foreach (var date in new[] { "anchor_date", "due_date", "completed_date" })
            {
                Assert.Matches(@"^(\d{4}-\d{2}-\d{2})?$", row[date]);
            }

            var lateness = row["status"] is "late" or "overdue";
            Assert.Equal(lateness, row["days_late"] != "");
            Assert.Equal(lateness, row["working_days_late"] != "");
            // Done statuses carry the completion date (key-information is judged at the as-of date, with none);
            // undone statuses never do.
            if (row["status"] is "late" or "early" || (row["status"] == "met" && row["rule_id"] != "key-information"))
            {
                Assert.NotEqual("", row["completed_date"]);
            }
            else if (row["status"] is "overdue" or "due-soon" or "pending")
            {
                Assert.Equal("", row["completed_date"]);
            }

            Assert.EndsWith(".", row["detail"]);
            Assert.DoesNotContain("\n", row["detail"]);
        }
    }

    [Fact]
    public void Sample_EveryRuleHasAMetAndABreach()
    {
        var (_, rows) = CsvFile.Read(sample.Out.File("findings.csv"));
        var byRule = rows.GroupBy(r => r["rule_id"]).ToDictionary(g => g.Key, g => g.Select(r => r["status"]).ToHashSet());
        Assert.Equal(30, byRule.Count);
        foreach (var (rule, statuses) in byRule)
        {
            Assert.True(statuses.Contains("met"), $"{rule} has no met finding");
            Assert.True(statuses.Overlaps(["late", "overdue", "missing-data"]), $"{rule} has no breach");
        }
    }

    [Fact]
    public void Exceptions_AreTheBreachesSortedByTeamWorkerChildDue()
    {
        var (_, rows) = CsvFile.Read(sample.Out.File("exceptions.csv"));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains(r["status"], new[] { "late", "overdue", "missing-data" }));
        var keys = rows.Select(r => (r["team"], r["worker_id"], r["child_id"], r["due_date"])).ToList();
        var sorted = keys.OrderBy(k => k.Item1 == "" ? "\uffff" : k.Item1, StringComparer.Ordinal)
            .ThenBy(k => k.Item2 == "" ? "\uffff" : k.Item2, StringComparer.Ordinal)
            .ThenBy(k => k.Item3, StringComparer.Ordinal)
            .ThenBy(k => k.Item4 == "" ? "9999" : k.Item4, StringComparer.Ordinal).ToList();
        Assert.Equal(sorted, keys);

        // Late rows older than the 12-month look-back are left out of the exception list, not of the findings.
        var (_, findings) = CsvFile.Read(sample.Out.File("findings.csv"));
        Assert.All(rows.Where(r => r["status"] == "late"), r => Assert.True(string.CompareOrdinal(r["completed_date"], "2025-11-20") >= 0));
        Assert.True(findings.Count(f => f["status"] is "late" or "overdue" or "missing-data") >= rows.Count);
    }

    [Fact]
    public void Summary_HasScanIdAsOfTimesSourcesAndCounts()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(sample.Out.File("summary.json")));
        var root = json.RootElement;
        Assert.True(Guid.TryParse(root.GetProperty("scan_id").GetString(), out _));
        Assert.Equal("2026-11-20", root.GetProperty("as_of").GetString());
        Assert.EndsWith("Z", root.GetProperty("started_at").GetString());
        Assert.EndsWith("Z", root.GetProperty("finished_at").GetString());
        var source = Assert.Single(root.GetProperty("sources").EnumerateArray());
        Assert.Equal("ok", source.GetProperty("status").GetString());
        Assert.Equal(0, source.GetProperty("records_rejected").GetInt32());
        Assert.True(source.GetProperty("records_read").GetInt32() > 100);
        var (_, rows) = CsvFile.Read(sample.Out.File("findings.csv"));
        Assert.Equal(rows.Count, root.GetProperty("findings").GetInt32());
        Assert.Equal(rows.Count(r => r["rule_id"] == "cp-visits" && r["status"] == "met"),
            root.GetProperty("counts_by_rule").GetProperty("cp-visits").GetProperty("met").GetInt32());
    }
}

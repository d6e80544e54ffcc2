using System.Text.Json;

namespace CaseCompliance.Host.Tests;

/// <summary>A source that fails or shrinks must never make its breaches look resolved.</summary>
public class SourceSafetyTests
{
    private static JsonElement Source(string outDir, string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        return doc.RootElement.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name).Clone();
    }

    private static List<Dictionary<string, string>> Rows(string outDir, string file) => CsvFile.Read(Path.Combine(outDir, file)).Rows;

    [Fact]
    public void FailedSource_RepublishesItsLastGoodFindings_AndSaysSo()
    {
        using var tmp = new TempFolder();
        using var extract = Fixtures.WorkedExample();
        var config = Fixtures.Config(tmp, new Dictionary<string, string> { ["standard"] = extract.Write() });

        var first = Cli.Run(tmp.Path, "scan", "--config", config, "--as-of", "2025-04-15", "--out", tmp.File("night1"));
        Assert.Equal(0, first.ExitCode);
        var good = Rows(tmp.File("night1"), "findings.csv");
        Assert.Contains(good, r => r["rule_id"] == "cp-visits" && r["status"] == "pending");

        extract.Remove("ssd_cp_plans");
        var second = Cli.Run(tmp.Path, "scan", "--config", config, "--as-of", "2025-04-16", "--out", tmp.File("night2"));

        Assert.Equal(3, second.ExitCode);
        var source = Source(tmp.File("night2"), "standard");
        Assert.Equal("failed", source.GetProperty("status").GetString());
        Assert.Contains("ssd_cp_plans.csv", source.GetProperty("reason").GetString());
        Assert.Equal("2025-04-15", source.GetProperty("findings_kept_from").GetString());
        Assert.Equal(good.Count, source.GetProperty("findings").GetInt32());
        Assert.Equal(good.Select(r => string.Join('|', r.Values)), Rows(tmp.File("night2"), "findings.csv").Select(r => string.Join('|', r.Values)));
        Assert.Equal(Rows(tmp.File("night1"), "exceptions.csv").Count, Rows(tmp.File("night2"), "exceptions.csv").Count);
        Assert.Contains("published again, not dropped", second.Stdout);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(tmp.File("night2"), "summary.json")));
        Assert.Equal(good.Count, summary.RootElement.GetProperty("counts_by_status").EnumerateObject().Sum(p => p.Value.GetInt32()));
    }

    [Fact]
    public void TruncatedExtract_FailsTheSource_AgainstTheLastGoodOne()
    {
        using var tmp = new TempFolder();
        using var extract = Fixtures.WorkedExample();
        for (var i = 0; i < 12; i++)
        {
            extract.Add("ssd_cp_visits", ("cppv_cp_visit_id", $"V{i}"), ("cppv_person_id", "C1"), ("cppv_cp_plan_id", "CP1"),
                ("cppv_cp_visit_date", "2025-04-15"), ("cppv_cp_visit_seen", "Y"), ("cppv_cp_visit_seen_alone", "Y"));
        }

        var config = Fixtures.Config(tmp, new Dictionary<string, string> { ["standard"] = extract.Write() });
        Assert.Equal(0, Cli.Run(tmp.Path, "scan", "--config", config, "--as-of", "2025-04-20", "--out", tmp.File("night1")).ExitCode);

        // Tonight's export was cut short: only the header of the visits file arrived.
        var visits = Path.Combine(extract.Path, "ssd_cp_visits.csv");
        File.WriteAllLines(visits, File.ReadLines(visits).Take(1).ToList());
        var second = Cli.Run(tmp.Path, "scan", "--config", config, "--as-of", "2025-04-21", "--out", tmp.File("night2"));

        Assert.Equal(3, second.ExitCode);
        var source = Source(tmp.File("night2"), "standard");
        Assert.Equal("failed", source.GetProperty("status").GetString());
        Assert.Contains("fewer than 50% of the last good extract (19 rows", source.GetProperty("reason").GetString());
        Assert.Contains(Rows(tmp.File("night2"), "findings.csv"), r => r["rule_id"] == "cp-visits" && r["status"] == "met");

        // The check can be relaxed per source.
        var relaxed = Cli.Run(tmp.Path, "scan", "--config", config, "--as-of", "2025-04-21", "--out", tmp.File("night3"),
            "--Sources:standard:MinimumRowFraction=0");
        Assert.Equal(0, relaxed.ExitCode);
    }

    [Fact]
    public void NoStore_LeavesTheHistoryAlone()
    {
        using var tmp = new TempFolder();
        using var extract = Fixtures.WorkedExample();
        var config = Fixtures.Config(tmp, new Dictionary<string, string> { ["standard"] = extract.Write() });
        Assert.Equal(0, Cli.Run(tmp.Path, "scan", "--config", config, "--as-of", "2025-04-15", "--out", tmp.File("out"), "--no-store").ExitCode);
        Assert.False(Directory.Exists(tmp.File("data")));
        Assert.Equal(0, Cli.Run(tmp.Path, "scan", "--config", config, "--as-of", "2025-04-15", "--out", tmp.File("out")).ExitCode);
        Assert.True(File.Exists(tmp.File("data/sources.json")));
    }

    [Fact]
    public void AnotherFolderUnderTheSameName_IsAnotherExtract_NotATruncatedOne()
    {
        using var tmp = new TempFolder();
        var config = Fixtures.Config(tmp);
        Assert.Equal(0, Cli.Run(tmp.Path, "scan", "--config", config, "--source", $"standard={Cli.SampleFolder}", "--as-of", "2026-11-20",
            "--out", tmp.File("big")).ExitCode);

        using var small = Fixtures.WorkedExample();
        var result = Cli.Run(tmp.Path, "scan", "--config", config, "--source", $"standard={small.Write()}", "--as-of", "2025-04-15",
            "--out", tmp.File("small"));
        Assert.True(result.ExitCode == 0, result.Stdout);
        Assert.Equal("ok", Source(tmp.File("small"), "standard").GetProperty("status").GetString());
    }
}

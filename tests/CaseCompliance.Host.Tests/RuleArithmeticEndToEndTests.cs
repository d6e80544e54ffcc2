namespace CaseCompliance.Host.Tests;

public class RuleArithmeticEndToEndTests
{
    private static Dictionary<string, string> Finding(string outDir, string rule) =>
        CsvFile.Read(Path.Combine(outDir, "findings.csv")).Rows.Single(r => r["rule_id"] == rule);

    [Fact]
    public void WorkedExample_Referral20December2024_Plus45WorkingDays_IsDue26February2025()
    {
        using var tmp = new TempFolder();
        using var extract = Fixtures.WorkedExample();
        var config = Fixtures.Config(tmp, new Dictionary<string, string> { ["standard"] = extract.Write() });
        var result = Cli.Run(tmp.Path, "scan", "--config", config, "--as-of", "2025-03-31", "--out", tmp.File("out"));
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var f = Finding(tmp.File("out"), "assessment-timescale");
        Assert.Equal("2024-12-20", f["anchor_date"]);
        Assert.Equal("2025-02-26", f["due_date"]);
        Assert.Equal("late", f["status"]);
        Assert.Equal("1", f["days_late"]);
        Assert.Equal("standard:A1", f["episode_id"]);
        Assert.Equal("W1", f["worker_id"]);
        Assert.Equal("Assessment Team", f["team"]);
        Assert.Equal("Assessment due by 2025-02-26 (45 working days after the assessment start on 2024-12-20) was authorised on 2025-02-27 (1 day late).", f["detail"]);
    }

    [Fact]
    public void ConfiguredTimescale_ChangesDueDates_AndRulesShowsTheEffectiveValue()
    {
        using var tmp = new TempFolder();
        using var extract = Fixtures.WorkedExample();
        var folder = extract.Write();
        var defaults = Fixtures.Config(tmp, new Dictionary<string, string> { ["standard"] = folder });
        var before = Cli.Run(tmp.Path, "scan", "--config", defaults, "--as-of", "2025-04-15", "--out", tmp.File("before"));
        Assert.Equal(0, before.ExitCode);
        // Plan start Mon 14 April 2025: 14 calendar days → Mon 28 April.
        Assert.Equal("2025-04-28", Finding(tmp.File("before"), "cp-visits")["due_date"]);

        using var tmp2 = new TempFolder();
        var edited = Fixtures.Config(tmp2, new Dictionary<string, string> { ["standard"] = folder }, root =>
        {
            root["Rules"]!["cp-visits"]!["First"] = "10 working days";
            root["Rules"]!["cp-visits"]!["Interval"] = "10 working days";
        });
        var after = Cli.Run(tmp2.Path, "scan", "--config", edited, "--as-of", "2025-04-15", "--out", tmp2.File("after"));
        Assert.Equal(0, after.ExitCode);
        // 10 working days skipping Good Friday 18 and Easter Monday 21 April 2025 → Wed 30 April.
        Assert.Equal("2025-04-30", Finding(tmp2.File("after"), "cp-visits")["due_date"]);

        var rules = Cli.Run(tmp2.Path, "rules", "--config", edited);
        Assert.Equal(0, rules.ExitCode);
        var cpVisits = rules.Stdout.Split('\n').SkipWhile(l => !l.StartsWith("cp-visits")).Take(3).Last();
        Assert.Contains("First = 10 working days", cpVisits);
        Assert.Contains("Interval = 10 working days", cpVisits);
        Assert.Contains("Interval = 14 days", Cli.Run(tmp.Path, "rules", "--config", defaults).Stdout);
    }

    [Fact]
    public void CommandLineOverride_ChangesTheTimescaleToo()
    {
        using var tmp = new TempFolder();
        using var extract = Fixtures.WorkedExample();
        var config = Fixtures.Config(tmp, new Dictionary<string, string> { ["standard"] = extract.Write() });
        var result = Cli.Run(tmp.Path, "scan", "--config", config, "--as-of", "2025-04-15", "--out", tmp.File("out"),
            "--Rules:cp-visits:First=10 working days");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2025-04-30", Finding(tmp.File("out"), "cp-visits")["due_date"]);
    }
}

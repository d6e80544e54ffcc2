using System.Text.Json;

namespace CaseCompliance.Host.Tests;

public class BadInputTests
{
    [Fact]
    public void BadRows_LandInRejectedCsv_WithFileLineAndField_TheRestIsScanned_Exit3()
    {
        using var tmp = new TempFolder();
        using var extract = Fixtures.WorkedExample()
            .Add("ssd_person", ("pers_person_id", "C2"), ("pers_forename", "Example"), ("pers_surname", "Placeholder"), ("pers_dob", "2012-06-01"))
            .Add("ssd_cp_visits", ("cppv_cp_visit_id", "V1"), ("cppv_person_id", "C1"), ("cppv_cp_plan_id", "CP1"), ("cppv_cp_visit_date", "31/02/2025"))
            .Add("ssd_cla_placement", ("clap_cla_placement_id", "PL1"), ("clap_person_id", "C2"), ("clap_cla_placement_start_date", "2025-01-06"),
                ("clap_cla_placement_type", "Q7"))
            .Add("ssd_contacts", ("cont_contact_id", ""), ("cont_person_id", "C2"), ("cont_contact_date", "2025-01-02"));
        var config = Fixtures.Config(tmp, new Dictionary<string, string> { ["standard"] = extract.Write() });

        var result = Cli.Run(tmp.Path, "scan", "--config", config, "--as-of", "2025-04-15", "--out", tmp.File("out"));

        Assert.Equal(3, result.ExitCode);
        var rejected = CsvFile.Read(tmp.File("out/rejected.csv")).Rows;
        Assert.Contains(rejected, r => r["file"] == "ssd_cp_visits.csv" && r["line"] == "2" && r["field"] == "cppv_cp_visit_date"
            && r["record_id"] == "V1" && r["problem"].Contains("31/02/2025"));
        Assert.Contains(rejected, r => r["file"] == "ssd_cla_placement.csv" && r["line"] == "2" && r["field"] == "clap_cla_placement_type"
            && r["problem"].Contains("unknown code 'Q7'"));
        Assert.Contains(rejected, r => r["file"] == "ssd_contacts.csv" && r["line"] == "2" && r["field"] == "cont_contact_id");
        Assert.All(rejected, r => Assert.Equal("standard", r["source"]));

        // Every other row was scanned: both children have findings, including the placement with the bad code.
        var findings = CsvFile.Read(tmp.File("out/findings.csv")).Rows;
        Assert.Contains(findings, f => f["child_id"] == "standard:C1" && f["rule_id"] == "assessment-timescale");
        Assert.Contains(findings, f => f["child_id"] == "standard:C2" && f["rule_id"] == "lac-visits");
        Assert.Contains("rejected", result.Stdout);
        using var summary = JsonDocument.Parse(File.ReadAllText(tmp.File("out/summary.json")));
        var source = summary.RootElement.GetProperty("sources")[0];
        Assert.Equal("ok", source.GetProperty("status").GetString());
        Assert.Equal(3, source.GetProperty("records_rejected").GetInt32());
    }

    /// <summary>PowerShell's Export-Csv writes 0 bytes for a query without rows: such a table is present and empty,
    /// whether required or optional; only an empty person table fails the source (no child).</summary>
    [Fact]
    public void ZeroByteFiles_OptionalAreEmptyTables_RequiredFailTheirSourceUnlessListedOptional()
    {
        using var tmp = new TempFolder();
        using var quiet = Fixtures.WorkedExample();
        using var broken = Fixtures.WorkedExample();
        var quietPath = quiet.Write();
        File.WriteAllBytes(Path.Combine(quietPath, "cc_meetings.csv"), []);
        File.WriteAllBytes(Path.Combine(quietPath, "ssd_cp_visits.csv"), []);
        var brokenPath = broken.Write();
        File.WriteAllBytes(Path.Combine(brokenPath, "ssd_cp_visits.csv"), []);
        var config = Fixtures.Config(tmp, new Dictionary<string, string> { ["quiet"] = quietPath, ["broken"] = brokenPath },
            root => root["Sources"]!["quiet"]!["OptionalTables"] = new System.Text.Json.Nodes.JsonArray("ssd_cp_visits"));

        var result = Cli.Run(tmp.Path, "scan", "--config", config, "--as-of", "2025-04-15", "--out", tmp.File("out"));

        Assert.Equal(3, result.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllText(tmp.File("out/summary.json")));
        var sources = summary.RootElement.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal("ok", sources["quiet"].GetProperty("status").GetString());
        Assert.Equal("failed", sources["broken"].GetProperty("status").GetString());
        Assert.StartsWith("ssd_cp_visits.csv: the file is empty", sources["broken"].GetProperty("reason").GetString());
        Assert.DoesNotContain(CsvFile.Read(tmp.File("out/rejected.csv")).Rows, r => r["file"] is "ssd_cp_visits.csv" or "cc_meetings.csv");
    }

    [Fact]
    public void MissingRequiredFile_FailsThatSource_NamingIt_OtherSourcesComplete_Exit3()
    {
        using var tmp = new TempFolder();
        using var good = Fixtures.WorkedExample();
        using var broken = Fixtures.WorkedExample();
        broken.Write();
        broken.Remove("ssd_cp_visits");
        var config = Fixtures.Config(tmp, new Dictionary<string, string> { ["good"] = good.Write(), ["broken"] = broken.Path });

        var result = Cli.Run(tmp.Path, "scan", "--config", config, "--as-of", "2025-04-15", "--out", tmp.File("out"));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("ssd_cp_visits.csv", result.Stdout);
        using var summary = JsonDocument.Parse(File.ReadAllText(tmp.File("out/summary.json")));
        var sources = summary.RootElement.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal("ok", sources["good"].GetProperty("status").GetString());
        Assert.Equal("failed", sources["broken"].GetProperty("status").GetString());
        Assert.Contains("ssd_cp_visits.csv", sources["broken"].GetProperty("reason").GetString());
        var findings = CsvFile.Read(tmp.File("out/findings.csv")).Rows;
        Assert.Contains(findings, f => f["child_id"] == "good:C1");
        Assert.DoesNotContain(findings, f => f["child_id"].StartsWith("broken:"));
    }

    [Theory]
    [InlineData("unknown verb 'sacn'", "sacn")]
    [InlineData("--as-of: '2025-13-01' is not a date", "scan", "--as-of", "2025-13-01")]
    [InlineData("'--frobnicate' is not an option of 'scan'", "scan", "--frobnicate")]
    [InlineData("--source: 'standard' is not KIND=LOCATION", "scan", "--source", "standard")]
    [InlineData("--source: unknown kind 'eclipse'", "scan", "--source", "eclipse=/tmp")]
    [InlineData("outside the bank holiday calendar", "scan", "--as-of", "2031-01-01")]
    public void BadArguments_Exit2_WithAMessageNamingTheOption(string message, params string[] args)
    {
        var result = Cli.RunFromRoot(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public void ScanHelp_NamesEverySourceKind_AndEveryReturnFormat()
    {
        var result = Cli.RunFromRoot("scan", "--help");

        Assert.Equal(0, result.ExitCode);
        var kinds = result.Stdout[result.Stdout.IndexOf("(KIND: ", StringComparison.Ordinal)..];
        kinds = kinds[..kinds.IndexOf(')', StringComparison.Ordinal)];
        Assert.All(CaseCompliance.Adapters.SourceCatalog.Kinds, kind => Assert.Contains(kind, kinds));
        Assert.All(CaseCompliance.Host.Cli.GenerateCommand.Returns, format => Assert.Contains(format, result.Stdout));
    }

    [Theory]
    [InlineData("Rules:cp-visits:Interval", "fortnightly", "Rules:cp-visits")]
    [InlineData("Rules:cp-vists:Enabled", "true", "Rules:cp-vists: unknown rule id")]
    [InlineData("Rules:cp-visits:Intervall", "14 days", "Intervall")]
    [InlineData("Calendar:Region", "wales", "Calendar:Region: 'wales'")]
    [InlineData("Rules:assessment-timescale:Anchor", "referal-date", "Rules:assessment-timescale:Anchor: 'referal-date'")]
    [InlineData("Sources:standard:Codes:AllocatedWorkerRole", "KEY WORKER", "Sources:standard:Codes:AllocatedWorkerRole: not a code list")]
    [InlineData("Sources:standard:Tables:ssd_persons", "people", "Sources:standard: 'ssd_persons' is not a table of the standard adapter")]
    [InlineData("Sources:standard:Columns:ssd_person.pers_id", "PERSON_ID", "Sources:standard:Columns:ssd_person.pers_id: ssd_person has no column pers_id")]
    [InlineData("Sources:standard:Columns:ssd_persons.pers_person_id", "PERSON_ID", "Sources:standard:Columns:ssd_persons.pers_person_id: 'ssd_persons' is not a table")]
    [InlineData("Sources:standard:Columns:pers_personid", "PERSON_ID", "Sources:standard:Columns:pers_personid: no table of the standard adapter has a column")]
    [InlineData("Sources:standard:OptionalTables:0", "ssd_cla_visit", "Sources:standard: 'ssd_cla_visit' is not a table of the standard adapter")]
    public void BadConfiguration_Exit2_NamingTheKey(string key, string value, string message)
    {
        var scan = Cli.RunFromRoot("scan", "--out", Path.Combine(Path.GetTempPath(), "cc-never"), $"--{key}={value}");
        Assert.Equal(2, scan.ExitCode);
        Assert.Contains(message, scan.Stderr);

        var check = Cli.RunFromRoot("check-config", $"--{key}={value}");
        Assert.Equal(2, check.ExitCode);
        Assert.Contains(message, check.Stdout);
    }

    [Fact]
    public void CheckConfig_ShippedConfiguration_IsOk()
    {
        var result = Cli.RunFromRoot("check-config");
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("Configuration OK.", result.Stdout);
        Assert.Contains("30 of 30 rules enabled", result.Stdout);
    }

    [Fact]
    public void CheckConfig_MissingSourceFolder_SaysWhich()
    {
        var result = Cli.RunFromRoot("check-config", "--Sources:standard:Location=samples/nowhere");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("samples/nowhere: folder not found", result.Stdout);
    }

    [Fact]
    public void CheckConfig_ShowsWhatAScanWouldReject()
    {
        using var tmp = new TempFolder();
        using var extract = Fixtures.WorkedExample()
            .Add("ssd_cla_placement", ("clap_cla_placement_id", "PL1"), ("clap_person_id", "C1"), ("clap_cla_placement_start_date", "2025-01-06"),
                ("clap_cla_placement_type", "Q7"));
        var config = Fixtures.Config(tmp, new Dictionary<string, string> { ["standard"] = extract.Write() });
        var result = Cli.Run(tmp.Path, "check-config", "--config", config);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("WARN  Sources:standard: ssd_cla_placement.csv clap_cla_placement_type: 1 row(s), e.g. line 2: unknown code 'Q7'", result.Stdout);
        Assert.Contains("Configuration OK, with 1 warning(s) about the data.", result.Stdout);
    }
}

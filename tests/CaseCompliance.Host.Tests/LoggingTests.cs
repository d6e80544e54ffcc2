using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CaseCompliance.Host.Tests;

/// <summary>The logs carry ids, never the names or addresses of the children in the extracts.</summary>
public sealed class LoggingTests
{
    [Fact]
    public void Scan_LoggingAtDebug_WritesIdsButNoNamesOrAddresses()
    {
        using var folder = new TempFolder();
        var config = Fixtures.Config(folder, new Dictionary<string, string> { ["standard"] = Cli.SampleFolder });
        var log = folder.File("logs/scan-.json");
        var result = Cli.Run(folder.Path, "scan", "--config", config, "--as-of", "2026-11-20",
            "--Serilog:MinimumLevel:Default=Debug", "--Serilog:MinimumLevel:Override:Microsoft=Debug",
            "--Serilog:MinimumLevel:Override:System=Debug", "--Serilog:WriteTo:0:Args:restrictedToMinimumLevel=Debug",
            $"--Serilog:WriteTo:1:Args:path={log}");
        Assert.True(result.ExitCode is 0 or 3, result.Stderr);

        var files = Directory.GetFiles(folder.File("logs"), "scan-*.json");
        var text = string.Concat(files.Select(File.ReadAllText)) + result.Stderr;
        var events = files.SelectMany(File.ReadAllLines).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

        // The log is not empty: the scan is there, by id.
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, "out", "summary.json")))!;
        var scanId = (string)summary["scan_id"]!;
        Assert.Contains(events, e => (string?)e["ScanId"] == scanId);
        Assert.Contains(events, e => (string?)e["@l"] == "Debug" && (string?)e["RuleId"] == "cp-visits");
        Assert.Contains(events, e => (string?)e["Source"] == "standard");

        foreach (var word in PersonalWords().Where(w => !string.IsNullOrWhiteSpace(w)))
        {
            Assert.False(Regex.IsMatch(text, $@"\b{Regex.Escape(word)}\b"), $"the log output contains the sample's '{word}'");
        }
    }

    /// <summary>Every forename, surname, address line, town and postcode of the sample extract.</summary>
    private static IEnumerable<string> PersonalWords()
    {
        var (_, people) = CsvFile.Read(Path.Combine(Cli.SampleFolder, "ssd_person.csv"));
        foreach (var p in people)
        {
            yield return p["pers_forename"];
            yield return p["pers_surname"];
        }

        var (_, addresses) = CsvFile.Read(Path.Combine(Cli.SampleFolder, "ssd_address.csv"));
        foreach (var a in addresses)
        {
            foreach (var value in JsonDocument.Parse(a["addr_address_json"]).RootElement.EnumerateObject())
            {
                yield return value.Value.GetString()!;
            }

            yield return a["addr_address_postcode"];
        }
    }
}

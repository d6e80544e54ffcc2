using CaseCompliance.Host.Tests;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Generation.Tests;

/// <summary>
/// Two thousand generated children in all four formats, scanned by the real executable: every finding the generator
/// says it planted (expected.csv) is found with the same rule, child, due date and status, in every format, for every
/// one of the 30 rules — and the four formats give the same findings.
/// </summary>
public sealed class GeneratedCaseloadTests(GeneratedCaseloadTests.Caseload caseload) : IClassFixture<GeneratedCaseloadTests.Caseload>
{
    public const string AsOf = "2026-11-20";

    public static TheoryData<string> Formats => new() { "standard", "liquidlogic", "mosaic", "carefirst" };

    /// <summary>Generates the caseload once (<c>generate --format all</c>) and scans each format folder once.</summary>
    public sealed class Caseload : IDisposable
    {
        private readonly TempFolder _tmp = new();
        private readonly Dictionary<string, (Cli.Result Scan, List<Dictionary<string, string>> Findings)> _scans = [];

        public Caseload()
        {
            Config = Fixtures.Config(_tmp);
            Generated = Cli.Run(_tmp.Path, "generate", "--config", Config, "--children", "2000", "--seed", "20261120",
                "--format", "all", "--as-of", AsOf, "--out", _tmp.File("extract"));
        }

        public string Config { get; }

        public Cli.Result Generated { get; }

        public string Folder(string format) => Path.Combine(_tmp.File("extract"), format);

        public List<Dictionary<string, string>> Expected(string format) => CsvFile.Read(Path.Combine(Folder(format), "expected.csv")).Rows;

        public (Cli.Result Scan, List<Dictionary<string, string>> Findings) Scan(string format)
        {
            lock (_scans)
            {
                if (!_scans.TryGetValue(format, out var scan))
                {
                    Assert.True(Generated.ExitCode == 0, $"generate: exit {Generated.ExitCode}\n{Generated.Stdout}\n{Generated.Stderr}");
                    var outDir = _tmp.File("out-" + format);
                    var result = Cli.Run(_tmp.Path, "scan", "--config", Config, "--source", $"{format}={Folder(format)}",
                        "--as-of", AsOf, "--out", outDir, "--no-store");
                    _scans[format] = scan = (result, result.ExitCode is 0 or 3 ? CsvFile.Read(Path.Combine(outDir, "findings.csv")).Rows : []);
                }

                return scan;
            }
        }

        public void Dispose() => _tmp.Dispose();
    }

    private static string Key(Dictionary<string, string> row) => string.Join('|', row["rule_id"], row["child_id"], row["due_date"], row["status"]);

    [Theory]
    [MemberData(nameof(Formats))]
    public void EveryExpectedFinding_IsFound_ForEveryRule(string format)
    {
        var (scan, findings) = caseload.Scan(format);

        // 3: the planted data-quality faults are rejected rows (rejected.csv); the scan itself completes.
        Assert.True(scan.ExitCode is 0 or 3, $"scan {format}: exit {scan.ExitCode}\n{scan.Stdout}\n{scan.Stderr}");
        var expected = caseload.Expected(format);
        Assert.All(expected, row => Assert.StartsWith(format + ":", row["child_id"]));
        Assert.All(RuleCatalogue.Ids, rule => Assert.Contains(expected, row => row["rule_id"] == rule));

        var found = findings.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count());
        var missing = expected.GroupBy(Key)
            .Where(g => found.GetValueOrDefault(g.Key) < g.Count())
            .Select(g => g.Key)
            .ToList();
        Assert.True(missing.Count == 0,
            $"{format}: {missing.Count} expected findings not found, e.g.\n  {string.Join("\n  ", missing.Take(10))}");

        // The generator models every rule completely: nothing the scan finds was left out of expected.csv either.
        var listed = expected.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count());
        var unlisted = findings.GroupBy(Key)
            .Where(g => listed.GetValueOrDefault(g.Key) < g.Count())
            .Select(g => g.Key)
            .ToList();
        Assert.True(unlisted.Count == 0,
            $"{format}: {unlisted.Count} findings not in expected.csv, e.g.\n  {string.Join("\n  ", unlisted.Take(10))}");
    }

    [Fact]
    public void EveryRule_HasPlantedBreaches_AndTheCaseloadIsLarge()
    {
        var expected = caseload.Expected("standard");
        Assert.True(expected.Count > 50_000, $"{expected.Count} expected findings");

        // Every child has at least its key-information finding.
        Assert.Equal(2000, expected.Select(r => r["child_id"]).Distinct().Count());
        foreach (var rule in RuleCatalogue.Ids)
        {
            var statuses = expected.Where(r => r["rule_id"] == rule).Select(r => r["status"]).ToHashSet();
            Assert.Contains("met", statuses);
            Assert.True(statuses.Overlaps(["late", "overdue", "missing-data"]), $"{rule}: no breach planted ({string.Join(", ", statuses)})");
        }
    }

    [Fact]
    public void FourFormats_GiveTheSameFindings_UpToTheIdPrefix()
    {
        var standard = Comparable("standard");
        Assert.True(standard.Count > 50_000);
        foreach (var format in new[] { "liquidlogic", "mosaic", "carefirst" })
        {
            var other = Comparable(format);
            var missing = standard.Except(other).Take(5).ToList();
            var extra = other.Except(standard).Take(5).ToList();
            Assert.True(standard.SequenceEqual(other),
                $"{format}: {other.Count} findings vs {standard.Count} for standard\nmissing: {string.Join("\n  ", missing)}\nextra: {string.Join("\n  ", extra)}");
        }

        // expected.csv differs between the formats only in the prefix of the child ids.
        var expected = File.ReadAllText(Path.Combine(caseload.Folder("standard"), "expected.csv"));
        foreach (var format in new[] { "liquidlogic", "mosaic", "carefirst" })
        {
            Assert.Equal(expected, File.ReadAllText(Path.Combine(caseload.Folder(format), "expected.csv")).Replace($",{format}:C", ",standard:C", StringComparison.Ordinal));
        }
    }

    /// <summary>Rule, status, child, episode, anchor, due and completed dates, days late: what must agree across formats.</summary>
    private List<string> Comparable(string format)
    {
        var (scan, findings) = caseload.Scan(format);
        Assert.True(scan.ExitCode is 0 or 3, $"scan {format}: exit {scan.ExitCode}\n{scan.Stderr}");
        return [.. findings
            .Select(r => string.Join('|', r["rule_id"], r["status"], Unprefix(r["child_id"], format), Unprefix(r["episode_id"], format),
                r["anchor_date"], r["due_date"], r["completed_date"], r["days_late"], r["working_days_late"]))
            .Order(StringComparer.Ordinal)];
    }

    private static string Unprefix(string id, string format) =>
        id.Length == 0 ? "" : id.StartsWith(format + ":", StringComparison.Ordinal) ? id[(format.Length + 1)..]
            : throw new Xunit.Sdk.XunitException($"{id} lacks the {format}: prefix");
}

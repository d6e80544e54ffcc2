using System.Text;
using System.Text.RegularExpressions;

namespace CaseCompliance.Host.Tests;

/// <summary>
/// The SSD as authorities really export it (extracts.md, second contract): <c>samples/ssd-v1.4</c> holds the 20
/// sample children in the v1.4.5 shape (its column sets and order, SQL Server datetimes, role <c>CW</c>, legal
/// statuses as descriptions, <c>SSD_PH</c> and <c>1900-01-01</c> placeholders, CP and LAC visits repeated in
/// <c>ssd_cin_visits</c>, no <c>cc_</c> tables). With the default configuration it scans clean and agrees with
/// <c>samples/standard</c> on the rules a plain SSD carries, and the ways other SQL tools write the same data read
/// identically.
/// </summary>
public sealed partial class SsdAsExportedTests
{
    private const string AsOf = "2026-11-20";

    /// <summary>The rules a plain SSD export carries in full (docs/sources/standard.md).</summary>
    private static readonly string[] PlainSsdRules =
        ["allocation", "assessment-timescale", "icpc-timescale", "cp-review-conference", "cp-visits", "lac-review", "strategy-discussion"];

    private static string Sample(string name) => Path.Combine(Cli.RepoRoot, "samples", name);

    private static List<Dictionary<string, string>> Scan(TempFolder tmp, string location)
    {
        var outDir = tmp.File($"out-{Guid.NewGuid():N}");
        var result = Cli.Run(tmp.Path, "scan", "--config", Fixtures.Config(tmp), "--source", $"standard={location}", "--as-of", AsOf,
            "--out", outDir, "--no-store");
        Assert.True(result.ExitCode == 0, $"{location}: exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        var rejected = File.ReadAllLines(Path.Combine(outDir, "rejected.csv"));
        Assert.True(rejected.Length == 1, $"{location}: rejected\n{string.Join('\n', rejected.Take(10))}");
        return CsvFile.Read(Path.Combine(outDir, "findings.csv")).Rows;
    }

    private static List<string> Lines(IEnumerable<Dictionary<string, string>> rows, params string[] columns) =>
        [.. rows.Select(r => string.Join('|', columns.Select(c => r[c]))).Order(StringComparer.Ordinal)];

    private static readonly string[] Judgement =
        ["rule_id", "status", "child_id", "episode_id", "anchor_date", "due_date", "completed_date", "days_late", "working_days_late", "detail"];

    private static readonly string[] Everything = [.. Judgement, "worker_id", "team", "evidence"];

    private static void AssertSame(List<string> expected, List<string> actual, string what) =>
        Assert.True(expected.SequenceEqual(actual),
            $"{what}: {expected.Count} vs {actual.Count} findings\nonly expected:\n  {string.Join("\n  ", expected.Except(actual).Take(8))}\n" +
            $"only actual:\n  {string.Join("\n  ", actual.Except(expected).Take(8))}");

    [Fact]
    public void V14Sample_ScansCleanWithTheDefaults_AndAgreesWithTheStandardSampleOnThePlainSsdRules()
    {
        using var tmp = new TempFolder();
        var standard = Scan(tmp, Sample("standard")).Where(r => PlainSsdRules.Contains(r["rule_id"])).ToList();
        var exported = Scan(tmp, Sample("ssd-v1.4")).Where(r => PlainSsdRules.Contains(r["rule_id"])).ToList();

        // Every plain-SSD rule has findings, breaches among them, so agreement is not agreement on nothing.
        foreach (var rule in PlainSsdRules)
        {
            Assert.Contains(standard, r => r["rule_id"] == rule);
        }

        Assert.Contains(standard, r => r["status"] is "late" or "overdue");

        // The evidence of strategy-discussion is the s47 start in a plain SSD, the strategy meeting with cc_meetings.
        AssertSame(Lines(standard, Judgement), Lines(exported, Judgement), "ssd-v1.4 against standard");
    }

    [Fact]
    public void V14Sample_ReadsEveryPlaceholderAsEmpty_AndEveryRepeatedVisitOnce()
    {
        using var tmp = new TempFolder();
        var findings = Scan(tmp, Sample("ssd-v1.4"));

        // 1900-01-01 placeholders in open referrals, plans and pathway plan reviews: nothing closes in 1900, and the
        // care leaver's pathway review is judged on the real date, not as "missing".
        Assert.DoesNotContain(findings, r => r["detail"].Contains("1900", StringComparison.Ordinal));

        // A CP or LAC visit repeated in ssd_cin_visits is judged once, as the CP or LAC visit it is.
        var cinVisitEvidence = findings.Where(r => r["rule_id"] == "cin-visits").SelectMany(r => r["evidence"].Split(';')).ToHashSet();
        var cpAndLac = findings.Where(r => r["rule_id"] is "cp-visits" or "lac-visits").SelectMany(r => r["evidence"].Split(';'))
            .Where(e => e.Length > 0).ToHashSet();
        Assert.NotEmpty(cpAndLac);
        Assert.Empty(cinVisitEvidence.Intersect(cpAndLac));
        var seenAlone = findings.Where(r => r["rule_id"] == "visit-seen-alone").Select(r => r["evidence"]).ToList();
        Assert.Equal(seenAlone.Count, seenAlone.Distinct().Count());
    }

    [Fact]
    public void V14Sample_WrittenWithNullTextAndUkDateTimes_GivesIdenticalFindings()
    {
        using var tmp = new TempFolder();
        var expected = Lines(Scan(tmp, Sample("ssd-v1.4")), Everything);

        // As SSMS "save results as" writes it: NULL for every null, and a UK-locale tool's dd/MM/yyyy HH:mm:ss.
        var rewritten = Rewrite(tmp, "null-uk", value =>
            value.Length == 0 ? "NULL"
            : SqlDateTime().Match(value) is { Success: true } m ? $"{m.Groups["d"]}/{m.Groups["m"]}/{m.Groups["y"]} {m.Groups["t"]}"
            : value);
        Assert.Contains("NULL", File.ReadAllText(Path.Combine(rewritten, "ssd_person.csv")));
        Assert.Matches(@"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d", File.ReadAllText(Path.Combine(rewritten, "ssd_cp_visits.csv")));

        AssertSame(expected, Lines(Scan(tmp, rewritten), Everything), "NULL and dd/MM/yyyy HH:mm:ss");
    }

    [Fact]
    public void V14Sample_WrittenWithDatetime2SevenDigitFractions_GivesIdenticalFindings()
    {
        using var tmp = new TempFolder();
        var expected = Lines(Scan(tmp, Sample("ssd-v1.4")), Everything);
        var rewritten = Rewrite(tmp, "datetime2", value =>
            SqlDateTime().Match(value) is { Success: true } m ? $"{m.Groups["y"]}-{m.Groups["m"]}-{m.Groups["d"]} {m.Groups["t"]}.0000000" : value);
        Assert.Contains(".0000000", File.ReadAllText(Path.Combine(rewritten, "ssd_cla_reviews.csv")));

        AssertSame(expected, Lines(Scan(tmp, rewritten), Everything), "datetime2(7)");
    }

    /// <summary>samples/ssd-v1.4 copied with every field passed through <paramref name="change"/> (RFC 4180 out).</summary>
    private static string Rewrite(TempFolder tmp, string name, Func<string, string> change)
    {
        var dir = Directory.CreateDirectory(tmp.File(name)).FullName;
        foreach (var file in Directory.GetFiles(Sample("ssd-v1.4"), "*.csv"))
        {
            var (header, rows) = CsvFile.Read(file);
            var sb = new StringBuilder();
            sb.Append(string.Join(',', header)).Append("\r\n");
            foreach (var row in rows)
            {
                sb.Append(string.Join(',', header.Select(c => Quote(change(row[c]))))).Append("\r\n");
            }

            File.WriteAllText(Path.Combine(dir, Path.GetFileName(file)), sb.ToString(), new UTF8Encoding(false));
        }

        return dir;
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d\d)-(?<d>\d\d) (?<t>\d\d:\d\d:\d\d)\.000$", RegexOptions.CultureInvariant)]
    private static partial Regex SqlDateTime();

    /// <summary>ssd-v1.4.5-tables.json beside this file is the contract's list of the v1.4.5 script's tables.</summary>
    [Fact]
    public void V14Sample_HasTheV145ColumnSetsAndOrder_AndNoExtensionTables()
    {
        var tables = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Cli.RepoRoot, "tests", "CaseCompliance.Host.Tests", "ssd-v1.4.5-tables.json")));
        var files = Directory.GetFiles(Sample("ssd-v1.4"), "*.csv").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(tables.RootElement.EnumerateObject().Select(t => t.Name).Order(StringComparer.Ordinal), files);
        foreach (var table in tables.RootElement.EnumerateObject())
        {
            var header = File.ReadLines(Path.Combine(Sample("ssd-v1.4"), table.Name + ".csv")).First();
            Assert.Equal(string.Join(',', table.Value.EnumerateObject().Select(c => c.Name)), header);
        }
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseCompliance.Storage;

namespace CaseCompliance.Host.Tests;

/// <summary>
/// A corpus of damaged extracts, driven through the real CLI. Each bundled sample (the same 20 children in each
/// system's layout) is copied, scanned and stored clean, given one damage, and scanned and stored again. A damaged row
/// is rejected with its file, line and field while every other child reads as before; damage to a table as a whole
/// fails the source, which then publishes its last good findings again; and no damage makes a breach look resolved.
/// </summary>
/// <remarks>
/// Every case makes its own clean scan: the truncation check and the findings a failed source publishes again are
/// those of the last good extract of the same source at the same folder, so the clean scan must be of the copy
/// that is then damaged. A scan of a sample takes about a second.
/// </remarks>
public sealed class DamagedExtractTests
{
    private const string AsOf = "2026-11-20";

    public static TheoryData<string, Damage> Cases
    {
        get
        {
            var cases = new TheoryData<string, Damage>();
            foreach (var sample in SampleLayout.ByKind.Values)
            {
                foreach (var damage in Enum.GetValues<Damage>().Where(sample.Has))
                {
                    cases.Add(sample.Kind, damage);
                }
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Damage_RejectsItsRowsOrFailsTheSource_AndResolvesNothing(string kind, Damage damage)
    {
        using var tmp = new TempFolder();
        var extract = tmp.File("extract");
        Directory.CreateDirectory(extract);
        foreach (var file in Directory.GetFiles(Path.Combine(Cli.RepoRoot, "samples", kind), "*.csv"))
        {
            File.Copy(file, Path.Combine(extract, Path.GetFileName(file)));
        }

        var config = Fixtures.Config(tmp, edit: root => root["Sources"] = new JsonObject
        {
            [kind] = new JsonObject { ["Kind"] = kind, ["Location"] = extract },
        });
        var clean = Scan(tmp, config, kind, extract, "clean");
        Assert.True(clean.Result.ExitCode == 0, clean.Output);
        Assert.Empty(clean.Rejected);

        var done = DamagedExtracts.Apply(SampleLayout.ByKind[kind], damage, extract);
        var damaged = Scan(tmp, config, kind, extract, "damaged");

        ShortRecordIds(damaged);
        if (done.FailsSource)
        {
            FailedAlone(done, clean, damaged);
        }
        else
        {
            RejectedRowByRow(done, clean, damaged);
        }

        await NothingResolved(tmp, damaged, stored: 2);

        if (done.Recoded is { } recoded)
        {
            // Told the file's encoding, the same extract reads whole, and the name reads as written.
            var told = Scan(tmp, config, kind, extract, "windows-1252", $"--Sources:{kind}:Encoding=windows-1252");
            Assert.True(told.Result.ExitCode == 0, told.Output);
            Assert.Equal("ok", told.Status);
            Assert.Empty(told.Rejected);
            AssertSame(Others(clean, done), Others(told, done), "children with no windows-1252 byte");
            await NothingResolved(tmp, told, stored: 3);
            await using var store = Store(tmp);
            var child = Assert.Single((await store.ChildrenAsync([$"{kind}:{recoded.Child}"])).Values);
            Assert.Equal(recoded.Forename, child.Forename);
        }
    }

    /// <summary>The source fails, naming what is wrong; its last good findings are published again, unchanged.</summary>
    private static void FailedAlone(DamageDone done, ScanRun clean, ScanRun damaged)
    {
        Assert.True(damaged.Result.ExitCode == 3, $"{done.What}\n{damaged.Output}");
        Assert.True(damaged.Status == "failed", $"{done.What}: the source is {damaged.Status}, not failed (reason: {damaged.Reason})");
        foreach (var name in done.ReasonNames)
        {
            Assert.True(damaged.Reason.Contains(name, StringComparison.Ordinal), $"{done.What}: the reason does not name {name}: {damaged.Reason}");
        }

        if (done.ReasonPattern is { } pattern)
        {
            Assert.Matches(pattern, damaged.Reason);
        }

        Assert.Equal(AsOf, damaged.Source.GetProperty("findings_kept_from").GetString());
        Assert.Equal(clean.Findings.Select(Line), damaged.Findings.Select(Line));
    }

    /// <summary>
    /// The source is read: each damaged row is in rejected.csv with its file, line and field, no other row of a damaged
    /// file is, and every child the damage did not touch has the findings of the clean scan.
    /// </summary>
    private static void RejectedRowByRow(DamageDone done, ScanRun clean, ScanRun damaged)
    {
        Assert.True(damaged.Result.ExitCode == 3, $"{done.What}\n{damaged.Output}");
        Assert.True(damaged.Status == "ok", $"{done.What}: the source is {damaged.Status}: {damaged.Reason}");
        foreach (var expected in done.Rejections)
        {
            var line = expected.Line.ToString(CultureInfo.InvariantCulture);
            Assert.True(damaged.Rejected.Any(r => r["source"] == damaged.Kind && r["file"] == expected.File && r["line"] == line
                    && r["field"] == expected.Field
                    && (expected.ProblemMentions is not { } word || r["problem"].Contains(word, StringComparison.OrdinalIgnoreCase))),
                $"{done.What}: rejected.csv lacks {expected}; it has\n{string.Join("\n", damaged.Rejected.Select(Line))}");
        }

        foreach (var file in done.Rejections.GroupBy(r => r.File))
        {
            var expected = string.Join(", ", file.Select(r => r.Line).Distinct().Order());
            var actual = string.Join(", ", damaged.Rejected.Where(r => r["file"] == file.Key).Select(r => int.Parse(r["line"], CultureInfo.InvariantCulture)).Distinct().Order());
            Assert.True(expected == actual, $"{done.What}: rejected lines of {file.Key} are {actual}, not {expected} alone");
        }

        AssertSame(Others(clean, done), Others(damaged, done), $"{done.What}: children it did not touch");
        if (done.PhantomId is { } phantom)
        {
            Assert.DoesNotContain(damaged.Findings, f => f["episode_id"] == $"{damaged.Kind}:{phantom}" || f["episode_id"] == phantom);
        }
    }

    /// <summary>A rejected row never carries a record's text: record ids are cut to 64 characters.</summary>
    private static void ShortRecordIds(ScanRun run) =>
        Assert.All(run.Rejected, r => Assert.True(r["record_id"].Length <= 64, $"{r["file"]} line {r["line"]}: a record id of {r["record_id"].Length} characters"));

    /// <summary>The last of <paramref name="stored"/> stored scans resolved no breach, though the first stored some.</summary>
    private static async Task NothingResolved(TempFolder tmp, ScanRun run, int stored)
    {
        await using var store = Store(tmp);
        var scans = await store.ScansAsync(10);
        Assert.Equal(stored, scans.Count);
        Assert.True(scans[^1].New > 0, "the clean scan stored no breach that could look resolved");
        var latest = scans[0];
        Assert.Equal(0, latest.Resolved);
        Assert.Empty(await store.ResolvedAsync(latest.ScanId));
        Assert.Matches($@"Stored as scan {latest.ScanId}: \d+ new, \d+ persisting, 0 resolved", run.Result.Stdout);
    }

    private static SqlScanStore Store(TempFolder tmp) => ScanStores.Create(new StorageOptions { Directory = tmp.File("data") }, tmp.Path);

    private static ScanRun Scan(TempFolder tmp, string config, string kind, string extract, string name, params string[] more)
    {
        var outDir = tmp.File($"out-{name}");
        var result = Cli.Run(tmp.Path, ["scan", "--config", config, "--source", $"{kind}={extract}", "--as-of", AsOf, "--out", outDir, .. more]);
        var run = new ScanRun(kind, name, result, outDir);
        Assert.True(File.Exists(Path.Combine(outDir, "summary.json")), run.Output);
        return run;
    }

    /// <summary>The findings of the children a damage did not touch, as sorted lines.</summary>
    private static List<string> Others(ScanRun run, DamageDone done) =>
        [.. run.Findings.Where(f => !done.Children.Contains(f["child_id"][(run.Kind.Length + 1)..])).Select(Line).Order(StringComparer.Ordinal)];

    private static string Line(Dictionary<string, string> row) => string.Join('|', row.Values);

    private static void AssertSame(List<string> expected, List<string> actual, string what)
    {
        var missing = expected.Except(actual).Take(5);
        var extra = actual.Except(expected).Take(5);
        Assert.True(expected.SequenceEqual(actual),
            $"{what}: {expected.Count} findings clean, {actual.Count} damaged\nmissing:\n  {string.Join("\n  ", missing)}\nextra:\n  {string.Join("\n  ", extra)}");
    }

    /// <summary>One CLI scan and its output files.</summary>
    private sealed record ScanRun(string Kind, string Name, Cli.Result Result, string OutDir)
    {
        public string Output => $"{Name} scan: exit {Result.ExitCode}\n{Result.Stdout}\n{Result.Stderr}";

        public List<Dictionary<string, string>> Findings => CsvFile.Read(Path.Combine(OutDir, "findings.csv")).Rows;

        public List<Dictionary<string, string>> Rejected => CsvFile.Read(Path.Combine(OutDir, "rejected.csv")).Rows;

        public JsonElement Source
        {
            get
            {
                using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutDir, "summary.json")));
                return summary.RootElement.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == Kind).Clone();
            }
        }

        public string? Status => Source.GetProperty("status").GetString();

        public string Reason => Source.GetProperty("reason").GetString() ?? "";
    }
}

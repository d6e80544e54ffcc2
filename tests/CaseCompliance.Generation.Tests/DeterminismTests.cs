using CaseCompliance.Host.Tests;
using System.Security.Cryptography;

namespace CaseCompliance.Generation.Tests;

/// <summary>Same seed and settings: byte-identical files; another seed: other files.</summary>
public sealed class DeterminismTests
{
    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    private static Cli.Result Generate(TempFolder tmp, string config, string seed, string format, string outDir, params string[] more) =>
        Cli.Run(tmp.Path, ["generate", "--config", config, "--children", "400", "--seed", seed, "--format", format,
            "--as-of", "2025-03-31", "--out", outDir, .. more]);

    [Fact]
    public void SameSeed_GivesByteIdenticalFiles_AnotherSeedOthers()
    {
        using var tmp = new TempFolder();
        var config = Fixtures.Config(tmp);
        foreach (var (seed, dir) in new[] { ("42", "a"), ("42", "b"), ("43", "c") })
        {
            var run = Generate(tmp, config, seed, "all", tmp.File(dir));
            Assert.True(run.ExitCode == 0, $"generate: exit {run.ExitCode}\n{run.Stdout}\n{run.Stderr}");
        }

        var a = Hashes(tmp.File("a"));
        var b = Hashes(tmp.File("b"));
        var c = Hashes(tmp.File("c"));
        Assert.True(a.Count >= 4 * 30, $"{a.Count} files");
        Assert.Equal(a.Keys, b.Keys);
        Assert.All(a, file => Assert.True(file.Value == b[file.Key], $"{file.Key} differs between two runs with seed 42"));

        Assert.Equal(a.Keys, c.Keys);
        Assert.NotEqual(a[Path.Combine("standard", "ssd_person.csv")], c[Path.Combine("standard", "ssd_person.csv")]);
        Assert.NotEqual(a[Path.Combine("standard", "expected.csv")], c[Path.Combine("standard", "expected.csv")]);
        Assert.True(a.Count(f => f.Value != c[f.Key]) > a.Count / 2, "seed 43 left most files as seed 42 wrote them");
    }

    [Fact]
    public void OneFormat_IsTheSameAsThatFormatOfAll()
    {
        using var tmp = new TempFolder();
        var config = Fixtures.Config(tmp);
        Assert.Equal(0, Generate(tmp, config, "7", "all", tmp.File("all")).ExitCode);
        Assert.Equal(0, Generate(tmp, config, "7", "mosaic", tmp.File("mosaic")).ExitCode);
        Assert.Equal(Hashes(tmp.File(Path.Combine("all", "mosaic"))), Hashes(tmp.File("mosaic")));
    }

    [Fact]
    public void TheSsda903Return_IsByteIdenticalForTheSameSeed_AndWithoutFaultsHasNoRejectedRow()
    {
        using var tmp = new TempFolder();
        var config = Fixtures.Config(tmp);
        Assert.Equal(0, Generate(tmp, config, "11", "ssda903", tmp.File("a")).ExitCode);
        Assert.Equal(0, Generate(tmp, config, "11", "ssda903", tmp.File("b")).ExitCode);
        var a = Hashes(tmp.File("a"));
        Assert.Equal(["episodes.csv", "expected.csv", "header.csv", "missing.csv", "reviews.csv", "ssda903.xml", "sw_episodes.csv"], a.Keys);
        Assert.Equal(a, Hashes(tmp.File("b")));

        Assert.Equal(0, Generate(tmp, config, "11", "ssda903", tmp.File("x"), "--fault-rate", "0").ExitCode);
        foreach (var location in new[] { tmp.File("x"), tmp.File(Path.Combine("x", "ssda903.xml")) })
        {
            var outDir = tmp.File("out-" + Path.GetFileName(location));
            var scan = Cli.Run(tmp.Path, "scan", "--config", config, "--source", $"ssda903={location}", "--as-of", "2025-03-31",
                "--out", outDir, "--no-store");
            Assert.True(scan.ExitCode == 0, $"scan {location}: exit {scan.ExitCode}\n{scan.Stdout}\n{scan.Stderr}");
            Assert.Empty(CsvFile.Read(Path.Combine(outDir, "rejected.csv")).Rows);
        }
    }

    [Fact]
    public void NoFaults_NoRejectedRows_NoBreachesPlanted()
    {
        using var tmp = new TempFolder();
        var config = Fixtures.Config(tmp);
        var run = Generate(tmp, config, "9", "standard", tmp.File("x"), "--fault-rate", "0", "--breach-rate", "0");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var scan = Cli.Run(tmp.Path, "scan", "--config", config, "--source", $"standard={tmp.File("x")}", "--as-of", "2025-03-31",
            "--out", tmp.File("out"), "--no-store");
        Assert.True(scan.ExitCode == 0, $"scan: exit {scan.ExitCode}\n{scan.Stdout}\n{scan.Stderr}");
        Assert.Empty(CsvFile.Read(tmp.File(Path.Combine("out", "rejected.csv"))).Rows);
        var expected = CsvFile.Read(tmp.File(Path.Combine("x", "expected.csv"))).Rows;
        Assert.DoesNotContain(expected, r => r["status"] == "missing-data");

        // Without planted breaches, lateness is rare: only where two obligations share one event.
        var breaches = expected.Count(r => r["status"] is "late" or "overdue");
        Assert.True(breaches < expected.Count / 500, $"{breaches} of {expected.Count} late or overdue");
    }

    [Theory]
    [InlineData("missing --as-of", "generate", "--children", "5", "--out", "x")]
    [InlineData("--as-of: '2025-13-01'", "generate", "--children", "5", "--out", "x", "--as-of", "2025-13-01")]
    [InlineData("--children: '0'", "generate", "--children", "0", "--out", "x", "--as-of", "2025-03-31")]
    [InlineData("--format: unknown format 'excel'", "generate", "--children", "5", "--out", "x", "--as-of", "2025-03-31", "--format", "excel")]
    [InlineData("--fault-rate: '1.5'", "generate", "--children", "5", "--out", "x", "--as-of", "2025-03-31", "--fault-rate", "1.5")]
    [InlineData("--seed: '-1'", "generate", "--children", "5", "--out", "x", "--as-of", "2025-03-31", "--seed", "-1")]
    [InlineData("--as-of: 2011-06-01 is outside", "generate", "--children", "5", "--out", "x", "--as-of", "2011-06-01")]
    public void BadOptions_ExitWithCode2_NamingTheOption(string message, params string[] args)
    {
        using var tmp = new TempFolder();
        var result = Cli.Run(tmp.Path, [.. args, "--config", Fixtures.Config(tmp)]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message.Replace("missing --as-of", "--as-of is required", StringComparison.Ordinal), result.Stderr);
        Assert.False(Directory.Exists(tmp.File("x")));
    }
}

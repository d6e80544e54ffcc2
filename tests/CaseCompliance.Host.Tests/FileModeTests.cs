namespace CaseCompliance.Host.Tests;

/// <summary>
/// Data files are private to the service account: after a stored scan, the scan history database, its folder, the
/// output folder, the logs and every file in them are readable by their owner only (files 0600, folders 0700).
/// </summary>
public sealed class FileModeTests
{
    private const UnixFileMode Group = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute;
    private const UnixFileMode Other = UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void AfterAStoredScan_DataAndOutputAreOwnerOnly()
    {
        Assert.True(OperatingSystem.IsLinux(), "file modes are checked on Linux, where the service runs");
        using var tmp = new TempFolder();
        var config = Fixtures.Config(tmp);
        var result = Cli.Run(tmp.Path, "scan", "--config", config, "--source", $"standard={Cli.SampleFolder}", "--as-of", "2026-11-20",
            "--out", tmp.File("out"));
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);

        // The log folder is relative to the working folder (Serilog's "logs/…" path) when the configuration writes one.
        var folders = new[] { tmp.File("data"), tmp.File("out"), tmp.File("logs") }.Where(Directory.Exists).ToArray();
        Assert.True(folders.Length >= 2, string.Join(", ", folders));
        var files = folders.SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories)).ToList();
        Assert.Contains(files, f => f.EndsWith(".db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("findings.csv", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".xlsx", StringComparison.Ordinal));
        foreach (var path in files.Concat(folders).Concat(folders.SelectMany(f => Directory.EnumerateDirectories(f, "*", SearchOption.AllDirectories))))
        {
            var mode = File.GetUnixFileMode(path);
            Assert.True((mode & (Group | Other)) == 0, $"{Path.GetRelativePath(tmp.Path, path)} is {Convert.ToString((int)mode, 8)}: readable beyond its owner");
        }
    }
}

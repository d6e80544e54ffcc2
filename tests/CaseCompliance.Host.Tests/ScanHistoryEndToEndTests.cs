using System.Diagnostics;
using System.Text.Json.Nodes;
using CaseCompliance.Storage;
using CaseCompliance.Storage.Tests;

namespace CaseCompliance.Host.Tests;

/// <summary>The scan history through the real CLI, on SQLite and on a real PostgreSQL server.</summary>
public sealed class ScanHistoryEndToEndTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgresql" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Scan_StoredTwice_SecondSeesPersistingNotNew(string provider)
    {
        using var folder = new TempFolder();
        var (config, options) = await ConfigFor(provider, folder, Cli.SampleFolder);
        var first = Cli.Run(folder.Path, "scan", "--config", config, "--as-of", "2026-11-20");
        Assert.Equal(0, first.ExitCode);
        var second = Cli.Run(folder.Path, "scan", "--config", config, "--as-of", "2026-11-20");
        Assert.Equal(0, second.ExitCode);

        await using var store = ScanStores.Create(options, folder.Path);
        var scans = await store.ScansAsync(10);
        Assert.Equal(2, scans.Count);
        var (latest, earlier) = (scans[0], scans[1]);
        Assert.True(earlier.New > 0, "the first scan of a source reports its breaches as new");
        Assert.Equal(0, latest.New);
        Assert.Equal(0, latest.Resolved);
        var open = (await store.FindingsAsync(earlier.ScanId, new FindingQuery(Statuses: ["overdue", "missing-data"]))).Count;
        Assert.Equal(open, latest.Persisting);
        Assert.Contains($"Stored as scan {latest.ScanId}: 0 new, {open} persisting, 0 resolved", second.Stdout);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Scan_KilledWhileStoring_LeavesNoPartialScan(string provider)
    {
        using var folder = new TempFolder();
        var extract = folder.File("extract");
        var generated = Cli.RunFromRoot("generate", "--children", "6000", "--seed", "5", "--as-of", "2026-11-20",
            "--fault-rate", "0", "--out", extract);
        Assert.Equal(0, generated.ExitCode);
        var (config, options) = await ConfigFor(provider, folder, extract);
        var first = Cli.Run(folder.Path, "scan", "--config", config, "--as-of", "2026-11-20");
        Assert.Equal(0, first.ExitCode);

        await using var store = ScanStores.Create(options, folder.Path);
        var before = Assert.Single(await store.ScansAsync(10));
        var findingsBefore = (await store.FindingsAsync(before.ScanId, new FindingQuery())).Count;

        // The next night's scan is killed (SIGKILL: no chance to clean up) while it writes to the database.
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder.Path, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { Cli.HostDll, "scan", "--config", config, "--as-of", "2026-11-21" })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var storing = false;
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            if (line.Contains("Storing the scan", StringComparison.Ordinal))
            {
                storing = true;
                break;
            }
        }

        Assert.True(storing, "the scan never reached the storing step");
        await Task.Delay(150);
        Assert.False(process.HasExited, "the scan stored too fast to be interrupted: enlarge the caseload");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        await using var reopened = ScanStores.Create(options, folder.Path);
        var after = Assert.Single(await reopened.ScansAsync(10));
        Assert.Equal(before.ScanId, after.ScanId);
        Assert.Equal(findingsBefore, (await reopened.FindingsAsync(before.ScanId, new FindingQuery())).Count);
        Assert.Equal(before.ScanId, (await reopened.LatestScanAsync())!.ScanId);
    }

    /// <summary>A configuration for the provider (a fresh database on the shared test server for PostgreSQL).</summary>
    internal static async Task<(string Config, StorageOptions Options)> ConfigFor(string provider, TempFolder folder, string extract,
        Action<JsonObject>? edit = null)
    {
        var options = new StorageOptions { Directory = folder.File("data") };
        if (provider == "postgresql")
        {
            var server = await PostgresServer.SharedAsync();
            options.Provider = "postgresql";
            options.ConnectionString = await server.CreateDatabaseAsync();
        }

        var config = Fixtures.Config(folder, new Dictionary<string, string> { ["standard"] = extract }, root =>
        {
            root["Storage"] = new JsonObject
            {
                ["Provider"] = options.Provider,
                ["Directory"] = options.Directory,
                ["ConnectionString"] = options.ConnectionString,
            };
            edit?.Invoke(root);
        });
        return (config, options);
    }
}

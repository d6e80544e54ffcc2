using System.Text.Json.Nodes;
using CaseCompliance.Storage;

namespace CaseCompliance.Host.Tests;

/// <summary><c>serve</c> as a real process: health endpoint, the missed night run once at start-up, graceful stop.</summary>
public sealed class ServiceTests
{
    [Fact]
    public async Task Serve_RunsTheMissedNightOnceAtStartUp_AndNotAgainAfterARestart()
    {
        using var folder = new TempFolder();
        var config = Fixtures.Config(folder, new Dictionary<string, string> { ["standard"] = Cli.SampleFolder });

        string firstScan;
        await using (var service = ServiceProcess.Start(folder.Path, "--config", config))
        {
            // A new install has never scanned: the most recent 02:00 counts as missed and is run once now.
            var health = await service.HealthAsync(TimeSpan.FromMinutes(2), h => LastScan(h) is not null);
            Assert.Equal("Healthy", (string?)health["status"]);
            firstScan = LastScan(health)!;
            Assert.True(File.Exists(Path.Combine(folder.Path, "out", "exceptions.csv")));
            Assert.True(File.Exists(Path.Combine(folder.Path, "out", "exceptions.xlsx")));
            Assert.NotEmpty(Directory.GetDirectories(Path.Combine(folder.Path, "out", "teams")));
            Assert.Equal(0, await service.StopAsync());
        }

        await using (var again = ServiceProcess.Start(folder.Path, "--config", config))
        {
            var health = await again.HealthAsync(TimeSpan.FromMinutes(1));
            Assert.Equal(firstScan, LastScan(health));
            // Give a wrongly triggered catch-up the time to run: the night is stored, so nothing runs.
            await Task.Delay(TimeSpan.FromSeconds(4));
            health = await again.HealthAsync(TimeSpan.FromMinutes(1));
            Assert.Equal(firstScan, LastScan(health));
            Assert.Equal(0, await again.StopAsync());
        }
    }

    [Fact]
    public async Task Serve_StoppedDuringAScan_LetsItFinishAndStoresItWhole()
    {
        using var folder = new TempFolder();
        var extract = folder.File("extract");
        Assert.Equal(0, Cli.RunFromRoot("generate", "--children", "6000", "--seed", "9", "--as-of", "2026-11-20", "--out", extract).ExitCode);
        var (config, options) = await ScanHistoryEndToEndTests.ConfigFor("sqlite", folder, extract);

        await using var service = ServiceProcess.Start(folder.Path, "--config", config,
            "--Serilog:WriteTo:0:Args:restrictedToMinimumLevel=Information");
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (!service.Output.Contains("started on", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Contains("started on", service.Output);
        // The service manager asks it to stop while the catch-up scan runs: the scan is finished, stored, then it exits.
        Assert.Equal(0, await service.StopAsync(TimeSpan.FromMinutes(3)));
        Assert.Contains("finished: scan", service.Output);

        await using var store = ScanStores.Create(options, folder.Path);
        var scan = Assert.Single(await store.ScansAsync(10));
        Assert.True(scan.Findings > 0);
        Assert.Equal(scan.Findings, (await store.FindingsAsync(scan.ScanId, new FindingQuery())).Count);
    }

    [Fact]
    public async Task Health_WithAnAlertInDoubt_IsDegraded()
    {
        using var folder = new TempFolder();
        var (config, options) = await ScanHistoryEndToEndTests.ConfigFor("sqlite", folder, Cli.SampleFolder,
            root => root["Schedule"] = new JsonObject { ["CatchUp"] = false });
        await using (var store = ScanStores.Create(options, folder.Path))
        {
            // A digest claimed by a process that died before recording whether it was sent.
            await store.MigrateAsync();
            var at = NodaTime.Instant.FromUtc(2026, 11, 20, 2, 30);
            await store.EnqueueAsync([new OutboxMessage(0, Guid.NewGuid(), "email", "tm@council.example", "s", "t", null, 0, "pending", null)], at);
            Assert.NotNull(await store.ClaimNextAsync(at, "dead-process"));
            Assert.Equal(1, await store.ExpireClaimsAsync(at + NodaTime.Duration.FromHours(1), NodaTime.Duration.FromMinutes(10)));
        }

        await using var service = ServiceProcess.Start(folder.Path, "--config", config);
        var health = await service.HealthAsync(TimeSpan.FromMinutes(1));
        Assert.Equal("Degraded", (string?)health["status"]);
        Assert.Equal(1, (int?)health["checks"]!["storage"]!["data"]!["alerts_in_doubt"]);
        Assert.Equal(0, await service.StopAsync());
    }

    [Fact]
    public async Task Serve_WithAnUnknownScheduleKey_ExitsWithUsageCode()
    {
        using var folder = new TempFolder();
        var config = Fixtures.Config(folder, new Dictionary<string, string> { ["standard"] = Cli.SampleFolder });
        await using var service = ServiceProcess.Start(folder.Path, "--config", config, "--Schedule:Crn=0 0 3 * * ?");
        Assert.Equal(2, await service.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("Schedule", service.Output);
    }

    internal static string? LastScan(JsonObject health) => (string?)health["checks"]?["storage"]?["data"]?["last_scan_id"];
}

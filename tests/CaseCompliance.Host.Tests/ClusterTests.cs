using System.Text.Json.Nodes;
using CaseCompliance.Storage;

namespace CaseCompliance.Host.Tests;

/// <summary>Two <c>serve</c> instances on one PostgreSQL database: Quartz's clustered store fires each night once.</summary>
public sealed class ClusterTests
{
    [Fact]
    public async Task TwoInstances_OnOnePostgresDatabase_RunEachFiringOnce()
    {
        using var folder = new TempFolder();
        var (config, options) = await ScanHistoryEndToEndTests.ConfigFor("postgresql", folder, Cli.SampleFolder, root =>
        {
            // A firing every 10 seconds; no start-up catch-up, so every run below is a cron firing.
            root["Schedule"] = new JsonObject { ["Cron"] = "0/10 * * * * ?", ["CatchUp"] = false };
        });

        var logs = new[] { folder.File("logs/a-.json"), folder.File("logs/b-.json") };
        await using var a = ServiceProcess.Start(folder.Path, "--config", config, $"--Serilog:WriteTo:1:Args:path={logs[0]}",
            "--Output:Directory=out-a");
        await using var b = ServiceProcess.Start(folder.Path, "--config", config, $"--Serilog:WriteTo:1:Args:path={logs[1]}",
            "--Output:Directory=out-b");
        await a.HealthAsync(TimeSpan.FromMinutes(1));
        await b.HealthAsync(TimeSpan.FromMinutes(1));

        await using var store = ScanStores.Create(options, folder.Path);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while ((await store.ScansAsync(100)).Count < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }

        Assert.Equal(0, await a.StopAsync());
        Assert.Equal(0, await b.StopAsync());

        var scans = await store.ScansAsync(100);
        Assert.True(scans.Count >= 3, $"only {scans.Count} scans in 90 s:\n{a.Output}\n{b.Output}");
        var started = Directory.GetFiles(folder.File("logs"), "*.json")
            .SelectMany(File.ReadAllLines)
            .Select(l => JsonNode.Parse(l)!.AsObject())
            .Where(e => ((string?)e["@mt"])?.StartsWith("Nightly scan {Slot} started", StringComparison.Ordinal) == true)
            .Select(e => ((string)e["Slot"]!, (string)e["Instance"]!))
            .ToList();

        // Each firing ran on exactly one instance: one start per slot, and every stored scan is one of them.
        Assert.Equal(started.Count, started.Select(s => s.Item1).Distinct().Count());
        Assert.Equal(scans.Select(s => s.TriggerSlot).Order(), started.Select(s => s.Item1).Order());
        Assert.DoesNotContain(Directory.GetFiles(folder.File("logs"), "*.json").SelectMany(File.ReadAllLines),
            l => l.Contains("skipped on", StringComparison.Ordinal) || l.Contains("another instance stored it first", StringComparison.Ordinal));
    }
}

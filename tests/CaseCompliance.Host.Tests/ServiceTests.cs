using System.Text.Json.Nodes;

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
    public async Task Serve_WithAnUnknownScheduleKey_ExitsWithUsageCode()
    {
        using var folder = new TempFolder();
        var config = Fixtures.Config(folder, new Dictionary<string, string> { ["standard"] = Cli.SampleFolder });
        await using var service = ServiceProcess.Start(folder.Path, "--config", config, "--Schedule:Crn=0 0 3 * * ?");
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!service.HasExited)
        {
            await Task.Delay(100, cts.Token);
        }

        Assert.Equal(2, service.ExitCode);
        Assert.Contains("Schedule", service.Output);
    }

    internal static string? LastScan(JsonObject health) => (string?)health["checks"]?["storage"]?["data"]?["last_scan_id"];
}

using CaseCompliance.Storage;
using NodaTime;

namespace CaseCompliance.Host.Tests;

/// <summary>Audits and actions recorded in CaseCompliance feed the audit rules at the next scan.</summary>
public sealed class RecordedAuditTests
{
    [Fact]
    public async Task RecordedAction_NotDoneByItsDueDate_IsOverdueAtTheNextScan()
    {
        using var folder = new TempFolder();
        var (config, options) = await ScanHistoryEndToEndTests.ConfigFor("sqlite", folder, Cli.SampleFolder);
        Assert.Equal(0, Cli.Run(folder.Path, "scan", "--config", config, "--as-of", "2026-11-20").ExitCode);

        RecordedAudit audit;
        await using (var store = ScanStores.Create(options, folder.Path))
        {
            audit = await store.RecordAuditAsync("standard:C003", new LocalDate(2026, 10, 1), "requires-improvement",
                [("Update the chronology", "W03", new LocalDate(2026, 11, 2)), ("Hold a core group", "W03", new LocalDate(2026, 12, 15))],
                "auditor", Instant.FromUtc(2026, 10, 1, 10, 0));
        }

        Assert.Equal(0, Cli.Run(folder.Path, "scan", "--config", config, "--as-of", "2026-11-20").ExitCode);
        var (_, rows) = CsvFile.Read(Path.Combine(folder.Path, "out", "findings.csv"));
        var mine = rows.Where(r => r["rule_id"] == "audit-actions" && r["evidence"].Contains("cc-action-", StringComparison.Ordinal)).ToList();
        var overdue = Assert.Single(mine, r => r["evidence"].Contains($"cc-action-{audit.Actions[0].Id}", StringComparison.Ordinal));
        Assert.Equal("overdue", overdue["status"]);
        Assert.Equal("standard:C003", overdue["child_id"]);
        Assert.Equal("2026-11-02", overdue["due_date"]);
        Assert.Contains(mine, r => r["evidence"].Contains($"cc-action-{audit.Actions[1].Id}", StringComparison.Ordinal) && r["status"] != "overdue");
    }
}

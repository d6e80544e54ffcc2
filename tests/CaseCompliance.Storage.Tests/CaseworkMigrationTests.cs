using System.Data.Common;
using CaseCompliance.Storage.Sql;
using NodaTime;
using static CaseCompliance.Storage.Tests.TestScans;

namespace CaseCompliance.Storage.Tests;

/// <summary>A database left by the build before the casework tables upgrades in place and keeps its history; on each database.</summary>
public abstract class CaseworkMigrationTests(StoreKind kind) : IAsyncLifetime
{
    /// <summary>The last migration before the casework tables (3).</summary>
    private const int BeforeCasework = 2;

    private TestStore _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabases.CreateAsync(kind, migrate: false);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Upgrade_FromTheSchemaBeforeCasework_KeepsScansFindingsAndOutbox()
    {
        var store = _db.Store;
        await store.MigrateAsync(BeforeCasework, CancellationToken.None);
        Assert.Equal([1, 2], await store.AppliedVersionsAsync());
        await Assert.ThrowsAnyAsync<DbException>(() => store.AccessLogAsync(null, 1));

        string?[] a = Row("cp-visits", "overdue", "C001", "2025-02-20", "V1", anchor: "2025-02-06", episode: "CP1", asOf: "2025-03-01");
        string?[] b = Row("assessment-timescale", "overdue", "C002", "2025-02-25", "A1", episode: "R2", asOf: "2025-03-01");
        string?[] c = Row("allocation", "met", "C003", "2025-02-10", "R3", team: "T2");
        var s1 = await store.SaveScanAsync(Scan("2025-03-01", "2025-03-01T02:00"), [a, b, c]);
        var s2 = await store.SaveScanAsync(Scan("2025-03-02", "2025-03-02T02:00"), [a, c]);
        await store.EnqueueAsync([new OutboxMessage(0, s2.ScanId, "email", "team1@example.test", "Digest", "body", null, 0, "", null)],
            Instant.FromUtc(2025, 3, 2, 7, 0));

        var scansBefore = Describe(await store.ScansAsync(10));
        var findingsBefore = (await store.FindingsAsync(s1.ScanId, new FindingQuery())).Concat(await store.FindingsAsync(s2.ScanId, new FindingQuery())).ToList();
        var resolvedBefore = await store.ResolvedAsync(s2.ScanId);
        var obligationsBefore = await _db.ObligationsAsync();
        var outboxBefore = await store.MessagesAsync();

        await store.MigrateAsync();

        Assert.Equal(SqlScanStore.SchemaVersions, await store.AppliedVersionsAsync());
        Assert.Contains(BeforeCasework + 1, SqlScanStore.SchemaVersions);
        Assert.Equal(scansBefore, Describe(await store.ScansAsync(10)));
        Assert.Equal(findingsBefore, (await store.FindingsAsync(s1.ScanId, new FindingQuery())).Concat(await store.FindingsAsync(s2.ScanId, new FindingQuery())));
        Assert.Equal(resolvedBefore, await store.ResolvedAsync(s2.ScanId));
        Assert.Equal(obligationsBefore, await _db.ObligationsAsync());
        Assert.Equal(outboxBefore, await store.MessagesAsync());
        Assert.Single(resolvedBefore);
        Assert.Equal(2, scansBefore.Count);

        // The new tables work on the upgraded database, and the history goes on from the scans it kept.
        var key = ObligationKeys.Of(a);
        await store.AcknowledgeAsync(key, "standard:C001", "cp-visits", "Visit booked.", "manager.one", Instant.FromUtc(2025, 3, 2, 9, 0));
        var s3 = await store.SaveScanAsync(Scan("2025-03-03", "2025-03-03T02:00"), [a, c]);
        Assert.Equal((0, 1, 0), (s3.New, s3.Persisting, s3.Resolved));
        Assert.Single((await store.AcknowledgementsAsync([key]))[key]);
        Assert.Equal([s1.ScanId, s2.ScanId, s3.ScanId], (await store.TeamRuleCountsAsync(10)).Select(t => t.ScanId).Distinct());
        Assert.True(await store.SlotTakenAsync("2025-03-01T02:00"));

        await store.MigrateAsync();
        Assert.Equal(SqlScanStore.SchemaVersions, await store.AppliedVersionsAsync());
    }

    private static List<string> Describe(IEnumerable<StoredScan> scans) => scans.Select(s =>
        $"{s.ScanId} {s.AsOf} {s.StartedAt} {s.FinishedAt} {s.TriggerSlot} {s.Findings}/{s.New}/{s.Persisting}/{s.Resolved} {s.FindingsKept} " +
        string.Join(",", s.Sources)).ToList();
}

/// <summary><see cref="CaseworkMigrationTests"/> on SQLite.</summary>
public sealed class SqliteCaseworkMigrationTests() : CaseworkMigrationTests(StoreKind.Sqlite);

/// <summary><see cref="CaseworkMigrationTests"/> on PostgreSQL.</summary>
public sealed class PostgresCaseworkMigrationTests() : CaseworkMigrationTests(StoreKind.Postgres);

/// <summary>How migrations are cut into statements.</summary>
public sealed class SchemaStatementTests
{
    [Fact]
    public void ShippedMigrations_SplitExactlyAsBefore()
    {
        // Until migration 3 every ';' ended a statement; those migrations must run the very same statements now.
        foreach (var migration in Schema.Migrations.Where(m => m.Version <= 2))
        {
            var before = migration.Ddl.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length > 0);
            Assert.Equal(before, Schema.Statements(migration.Ddl));
        }
    }

    [Fact]
    public void ASemicolonInsideALine_DoesNotEndTheStatement()
    {
        var ddl = "CREATE TABLE t (a int);\nCREATE TRIGGER g BEFORE UPDATE ON t BEGIN SELECT RAISE(ABORT, 'no'); END;  \r\nCREATE INDEX i ON t (a)";
        Assert.Equal(["CREATE TABLE t (a int)", "CREATE TRIGGER g BEFORE UPDATE ON t BEGIN SELECT RAISE(ABORT, 'no'); END", "CREATE INDEX i ON t (a)"],
            Schema.Statements(ddl));
    }
}

namespace CaseCompliance.Storage.Tests;

/// <summary>The schema is created once, in order, however many processes start together; on each database.</summary>
public abstract class MigrationTests(StoreKind kind) : IAsyncLifetime
{
    private TestStore _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabases.CreateAsync(kind, migrate: false);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Migrate_Twice_AppliesEachMigrationOnce()
    {
        await _db.Store.MigrateAsync();
        await _db.Store.SaveScanAsync(TestScans.Scan("2025-03-01"), [TestScans.Row("allocation", "overdue", "C1", "2025-02-01", "R1", asOf: "2025-03-01")]);
        await _db.Store.MigrateAsync();

        Assert.Equal(SqlScanStore.SchemaVersions, await _db.Store.AppliedVersionsAsync());
        Assert.Single(await _db.Store.ScansAsync(5));
    }

    [Fact]
    public async Task Migrate_FromSeveralProcessesAtOnce_AllSucceedAndTheSchemaIsWhole()
    {
        const int processes = 5;
        var stores = Enumerable.Range(0, processes).Select(_ => _db.OpenAnother()).ToList();
        using var start = new Barrier(processes);
        await Task.WhenAll(stores.Select(store => Task.Run(async () =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            await store.MigrateAsync();
        })));

        Assert.Equal(SqlScanStore.SchemaVersions, await _db.Store.AppliedVersionsAsync());
        var scan = await stores[^1].SaveScanAsync(TestScans.Scan("2025-03-01"), [TestScans.Row("allocation", "overdue", "C1", "2025-02-01", "R1")]);
        Assert.Equal(1, scan.New);
        Assert.Equal(1, await stores[0].EnqueueAsync([new OutboxMessage(0, scan.ScanId, "email", "t1@example.test", "s", "b", null, 0, "", null)],
            NodaTime.Instant.FromUtc(2025, 3, 1, 7, 0)));
    }
}

/// <summary><see cref="MigrationTests"/> on SQLite.</summary>
public sealed class SqliteMigrationTests() : MigrationTests(StoreKind.Sqlite);

/// <summary><see cref="MigrationTests"/> on PostgreSQL.</summary>
public sealed class PostgresMigrationTests() : MigrationTests(StoreKind.Postgres);

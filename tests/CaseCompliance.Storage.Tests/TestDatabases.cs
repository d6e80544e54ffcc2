using CaseCompliance.Storage.Sql;

namespace CaseCompliance.Storage.Tests;

/// <summary>The two databases the store runs on.</summary>
public enum StoreKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Fresh, migrated stores for tests: SQLite on a file in a new temporary folder, or PostgreSQL on a new database of
/// the run's <see cref="PostgresServer"/>. Dispose the result to delete the file or drop the database.
/// </summary>
public static class TestDatabases
{
    /// <summary>A migrated SQLite store on a new temporary file.</summary>
    public static TestStore Sqlite(int keepScans = 400) => SqliteAsync(keepScans).GetAwaiter().GetResult();

    public static Task<TestStore> SqliteAsync(int keepScans = 400, bool migrate = true) => CreateAsync(StoreKind.Sqlite, keepScans, migrate);

    /// <summary>A migrated PostgreSQL store on a new database of the test run's server.</summary>
    public static Task<TestStore> PostgresAsync(int keepScans = 400, bool migrate = true) => CreateAsync(StoreKind.Postgres, keepScans, migrate);

    public static async Task<TestStore> CreateAsync(StoreKind kind, int keepScans = 400, bool migrate = true)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cc-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        StorageOptions options;
        PostgresServer? server = null;
        if (kind == StoreKind.Postgres)
        {
            server = await PostgresServer.SharedAsync();
            options = new StorageOptions { Provider = "postgresql", ConnectionString = await server.CreateDatabaseAsync(), KeepScans = keepScans };
        }
        else
        {
            options = new StorageOptions { Provider = "sqlite", Directory = "data", KeepScans = keepScans };
        }

        var store = new TestStore(kind, options, folder, server);
        if (migrate)
        {
            await store.Store.MigrateAsync();
        }

        return store;
    }
}

/// <summary>A store on its own database; <see cref="OpenAnother"/> gives a second, independent store on the same database (as another process would have).</summary>
public sealed class TestStore : IAsyncDisposable, IDisposable
{
    private readonly PostgresServer? _server;
    private readonly List<SqlScanStore> _stores = [];

    internal TestStore(StoreKind kind, StorageOptions options, string folder, PostgresServer? server)
    {
        Kind = kind;
        Options = options;
        Folder = folder;
        _server = server;
        Store = OpenAnother();
    }

    public StoreKind Kind { get; }

    public StorageOptions Options { get; }

    /// <summary>The temporary folder (the base directory; SQLite's file is <c>data/casecompliance.db</c> in it).</summary>
    public string Folder { get; }

    public SqlScanStore Store { get; }

    /// <summary>The SQLite file (SQLite only).</summary>
    public string SqliteFile => Path.Combine(Folder, "data", "casecompliance.db");

    /// <summary>Another store on the same database, with its own connections; disposed with this one.</summary>
    public SqlScanStore OpenAnother(int? keepScans = null)
    {
        var options = new StorageOptions
        {
            Provider = Options.Provider, ConnectionString = Options.ConnectionString, Directory = Options.Directory,
            KeepScans = keepScans ?? Options.KeepScans,
        };
        var store = ScanStores.Create(options, Folder);
        lock (_stores)
        {
            _stores.Add(store);
        }

        return store;
    }

    /// <summary>Runs a query straight on the database (for assertions on tables the interface does not show).</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<IReadOnlyDictionary<string, object?>, T> map)
    {
        await using var session = await Store.OpenAsync(CancellationToken.None);
        await using var command = session.Command(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            list.Add(map(row));
        }

        return list;
    }

    /// <summary>Every obligation as (key, last status, open, last breached scan), ordered by key.</summary>
    public async Task<List<(string Key, string LastStatus, bool Open, string LastScan, string FirstAsOf)>> ObligationsAsync() =>
        await QueryAsync("SELECT obligation_key, last_status, is_open, last_breached_scan, first_breached_as_of FROM cc_obligations ORDER BY obligation_key",
            r => ((string)r["obligation_key"]!, (string)r["last_status"]!, Convert.ToBoolean(r["is_open"], System.Globalization.CultureInfo.InvariantCulture),
                r["last_breached_scan"]!.ToString()!, r["first_breached_as_of"] is DateOnly d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : r["first_breached_as_of"]!.ToString()!));

    public async ValueTask DisposeAsync()
    {
        List<SqlScanStore> stores;
        lock (_stores)
        {
            stores = [.. _stores];
        }

        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        if (_server is not null && Options.ConnectionString is { } cs)
        {
            await _server.DropDatabaseAsync(cs);
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}

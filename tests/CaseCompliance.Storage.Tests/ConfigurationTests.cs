using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseCompliance.Storage.Tests;

/// <summary>The <c>Storage</c> section: defaults, unknown keys, and connection strings kept out of messages.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private const string Secret = "S3cret-Passw0rd-Never-Shown";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cc-storage-tests", Guid.NewGuid().ToString("N"));

    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public async Task AddStorage_Defaults_SqliteFileInTheDataFolder_InWalMode()
    {
        var services = new ServiceCollection().AddStorage(Config(("Storage:Directory", "data")), _folder);
        var factory = services.Single(d => d.ServiceType == typeof(SqlScanStore)).ImplementationFactory!;
        Assert.Contains(services, d => d.ServiceType == typeof(IScanStore));
        Assert.Contains(services, d => d.ServiceType == typeof(IOutbox));
        var options = (StorageOptions)services.Single(d => d.ServiceType == typeof(StorageOptions)).ImplementationInstance!;
        Assert.Equal((400, "sqlite"), (options.KeepScans, options.Provider));

        await using var store = (SqlScanStore)factory(null!);
        await store.MigrateAsync();
        var file = Path.Combine(_folder, "data", "casecompliance.db");
        Assert.True(File.Exists(file));

        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("Storage:Provdier", "sqlite", "Storage:Provdier")]
    [InlineData("Storage:KeepScans", "many", "Storage:KeepScans")]
    [InlineData("Storage:KeepScans", "-1", "Storage:KeepScans")]
    [InlineData("Storage:Provider", "oracle", "Storage:Provider")]
    public void AddStorage_BadSetting_NamesTheKey(string key, string value, string named)
    {
        var e = Assert.Throws<StorageConfigurationException>(() => new ServiceCollection().AddStorage(Config((key, value)), _folder));
        Assert.StartsWith(named + ":", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_WithoutConnectionString_IsAConfigurationError()
    {
        var e = Assert.Throws<StorageConfigurationException>(() => new ServiceCollection().AddStorage(Config(("Storage:Provider", "postgresql")), _folder));
        Assert.StartsWith("Storage:ConnectionString:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedConnectionString_MessageDoesNotShowIt()
    {
        var e = Assert.Throws<StorageConfigurationException>(() => new ServiceCollection().AddStorage(
            Config(("Storage:Provider", "postgresql"), ("Storage:ConnectionString", $"Host=db;Pasword={Secret};Nonsense Key={Secret}")), _folder));
        Assert.StartsWith("Storage:ConnectionString:", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableServer_MessageDoesNotShowThePassword()
    {
        // A closed loopback port: the driver fails to connect; neither its message nor ours may carry the password.
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        await using var store = ScanStores.Create(new StorageOptions
        {
            Provider = "postgresql", ConnectionString = $"Host=127.0.0.1;Port={port};Username=cc;Password={Secret};Timeout=3",
        }, _folder);
        var e = await Assert.ThrowsAnyAsync<Exception>(() => store.MigrateAsync());
        Assert.DoesNotContain(Secret, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqliteConnectionString_RelativeFile_IsTakenFromTheBaseDirectory()
    {
        await using var store = ScanStores.Create(new StorageOptions { ConnectionString = "Data Source=elsewhere/history.db" }, _folder);
        await store.MigrateAsync();
        Assert.True(File.Exists(Path.Combine(_folder, "elsewhere", "history.db")));
        Assert.Equal("sqlite", store.Provider);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

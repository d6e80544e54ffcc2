using System.Globalization;
using CaseCompliance.Storage.Sql;
using Microsoft.Extensions.Configuration;

namespace CaseCompliance.Storage;

/// <summary>A <c>Storage</c> setting that is unknown or wrong; the message names the key, never a connection string.</summary>
public sealed class StorageConfigurationException(string message) : Exception(message);

/// <summary>Builds the store the <c>Storage</c> section describes.</summary>
public static class ScanStores
{
    private static readonly string[] Keys =
        [nameof(StorageOptions.Provider), nameof(StorageOptions.ConnectionString), nameof(StorageOptions.Directory), nameof(StorageOptions.KeepScans)];

    /// <summary>
    /// The store for <paramref name="options"/>: SQLite (<c>casecompliance.db</c> in <see cref="StorageOptions.Directory"/>,
    /// or the file of <see cref="StorageOptions.ConnectionString"/>) or PostgreSQL. Relative paths are taken from
    /// <paramref name="baseDirectory"/> (the configuration file's folder). Nothing is opened until first used.
    /// </summary>
    public static SqlScanStore Create(StorageOptions options, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        Dialect dialect = IsPostgres(options.Provider)
            ? PostgresDialect.Create(options.ConnectionString)
            : SqliteDialect.Create(options.ConnectionString, options.Directory, baseDirectory);
        return new SqlScanStore(dialect, options);
    }

    /// <summary>Reads and checks the <c>Storage</c> section of <paramref name="configuration"/> (unknown keys are errors).</summary>
    public static StorageOptions ReadOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Storage");
        foreach (var child in section.GetChildren())
        {
            if (!Keys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw new StorageConfigurationException($"Storage:{child.Key}: unknown setting (use {string.Join(", ", Keys)}).");
            }
        }

        if (section[nameof(StorageOptions.KeepScans)] is { } keep
            && !int.TryParse(keep, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            throw new StorageConfigurationException($"Storage:KeepScans: '{keep}' is not a whole number (0 keeps every scan's findings).");
        }

        var options = new StorageOptions();
        try
        {
            section.Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException)
        {
            // Not chained: the binder's message can quote values, and one of them is a connection string.
            throw new StorageConfigurationException("Storage: a setting could not be read (check Provider, ConnectionString, Directory, KeepScans).");
        }

        Validate(options);
        if (IsPostgres(options.Provider))
        {
            // Parsed now, so a malformed string is a configuration error at start-up rather than at the first save.
            PostgresDialect.Create(options.ConnectionString).DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return options;
    }

    private static void Validate(StorageOptions options)
    {
        if (!IsPostgres(options.Provider) && !string.Equals(options.Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new StorageConfigurationException($"Storage:Provider: '{options.Provider}' is not a provider (use sqlite or postgresql).");
        }

        if (options.KeepScans < 0)
        {
            throw new StorageConfigurationException("Storage:KeepScans: must be 0 (keep every scan's findings) or more.");
        }

        if (IsPostgres(options.Provider) && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new StorageConfigurationException("Storage:ConnectionString: required when Storage:Provider is postgresql.");
        }

        if (!IsPostgres(options.Provider) && string.IsNullOrWhiteSpace(options.ConnectionString) && string.IsNullOrWhiteSpace(options.Directory))
        {
            throw new StorageConfigurationException("Storage:Directory: required for sqlite (the folder of casecompliance.db).");
        }
    }

    private static bool IsPostgres(string? provider) => string.Equals(provider, "postgresql", StringComparison.OrdinalIgnoreCase);
}

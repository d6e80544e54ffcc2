using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseCompliance.Storage;

/// <summary>Registers the scan store, the alert outbox and the casework store (one <see cref="SqlScanStore"/>) from the <c>Storage</c> section.</summary>
public static class DependencyInjection
{
    /// <summary>
    /// Binds <c>Storage</c> now (an unknown or wrong key throws <see cref="StorageConfigurationException"/> naming
    /// <c>Storage:&lt;key&gt;</c>) and registers <see cref="IScanStore"/>, <see cref="IOutbox"/> and
    /// <see cref="ICaseworkStore"/>, all one instance. Relative paths are taken from <paramref name="baseDirectory"/>
    /// (the configuration file's folder; the current folder when null).
    /// The schema is not touched here: call <see cref="IScanStore.MigrateAsync"/> at start-up.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration, string? baseDirectory = null)
    {
        var options = ScanStores.ReadOptions(configuration);
        var root = baseDirectory ?? System.IO.Directory.GetCurrentDirectory();
        services.AddSingleton(options);
        services.AddSingleton(_ => ScanStores.Create(options, root));
        services.AddSingleton<IScanStore>(sp => sp.GetRequiredService<SqlScanStore>());
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<SqlScanStore>());
        services.AddSingleton<ICaseworkStore>(sp => sp.GetRequiredService<SqlScanStore>());
        return services;
    }
}

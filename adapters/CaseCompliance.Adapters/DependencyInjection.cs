using CaseCompliance.Adapters.Standard;
using CaseCompliance.Adapters.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseCompliance.Adapters;

/// <summary>Registers the adapters.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ISourceAdapter, StandardAdapter>();
        services.AddSingleton<ISourceAdapter, LiquidLogic.LiquidLogicAdapter>();
        services.AddSingleton<ISourceAdapter, Mosaic.MosaicAdapter>();
        services.AddSingleton<ISourceAdapter, CareFirst.CareFirstAdapter>();
        services.AddSingleton<ISourceAdapter, Ssda903.Ssda903Adapter>();
        services.AddSingleton<ISourceAdapter, CinCensus.CinCensusAdapter>();
        return services;
    }
}

/// <summary>The <c>Sources</c> section and the opening of a source's tables.</summary>
public static class SourceCatalog
{
    public static readonly IReadOnlyList<string> Kinds = ["standard", "liquidlogic", "mosaic", "carefirst", "ssda903", "cin-census"];

    /// <summary>Kinds that read one file (an XML return), and how each opens it as tables.</summary>
    public static readonly IReadOnlyDictionary<string, Func<string, SourceOptions, ITableSource>> FileSources =
        new Dictionary<string, Func<string, SourceOptions, ITableSource>>(StringComparer.OrdinalIgnoreCase)
        {
            ["ssda903"] = Ssda903.Ssda903Xml.Open,
            ["cin-census"] = CinCensus.CinCensusAdapter.Open,
        };

    /// <summary>Kinds that read only a file, never a folder or an HTTP address.</summary>
    public static readonly IReadOnlySet<string> FileOnlyKinds = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "cin-census" };

    /// <summary>The configured sources by name; a source's kind defaults to its name.</summary>
    public static IReadOnlyDictionary<string, SourceOptions> ConfiguredSources(IConfiguration configuration)
    {
        var result = new Dictionary<string, SourceOptions>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in configuration.GetSection("Sources").GetChildren())
        {
            var options = new SourceOptions();
            section.Bind(options);
            options.Kind ??= section.Key;

            // A code list may also be written as a JSON array: ["A", "B"] means "A,B"; a map of descriptions (a key
            // ending in "Descriptions": ["C1=Interim care order", …], whose descriptions hold commas) means "C1=…;…".
            foreach (var codes in section.GetSection("Codes").GetChildren().Where(c => c.Value is null && c.GetChildren().Any()))
            {
                var items = codes.GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v));
                options.Codes[codes.Key] = string.Join(codes.Key.EndsWith("Descriptions", StringComparison.OrdinalIgnoreCase) ? ';' : ',', items);
            }

            result[section.Key] = options;
        }

        return result;
    }

    /// <summary>A configured code key the adapter does not have (a typo would otherwise be ignored silently).</summary>
    public static string? UnknownCodeKey(string sourceName, SourceOptions options, ISourceAdapter adapter) =>
        options.Codes.Keys.FirstOrDefault(k => !adapter.DefaultCodes.ContainsKey(k)) is { } unknown
            ? $"Sources:{sourceName}:Codes:{unknown}: not a code list of the {adapter.Kind} adapter (it has: {string.Join(", ", adapter.DefaultCodes.Keys)})."
            : null;

    /// <summary>
    /// The first site override the adapter's layout does not know: a <c>Tables</c> key or <c>OptionalTables</c> entry
    /// that is no table of it, a <c>Columns</c> key (<c>table.column</c> or <c>column</c>) that is no column of it, or
    /// a <c>Codes</c> key that is no code list of it. A typo would otherwise be ignored silently and the shipped name
    /// read instead.
    /// </summary>
    public static string? UnknownKey(string sourceName, SourceOptions options, ISourceAdapter adapter)
    {
        if (UnknownCodeKey(sourceName, options, adapter) is { } code)
        {
            return code;
        }

        var layout = adapter.Layout(options);
        var tables = layout.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        var names = string.Join(", ", layout.Select(t => t.Name));
        foreach (var table in options.Tables.Keys.Concat(options.OptionalTables).Where(t => !tables.ContainsKey(t)))
        {
            return $"Sources:{sourceName}: '{table}' is not a table of the {adapter.Kind} adapter (it has: {names}).";
        }

        foreach (var key in options.Columns.Keys)
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && tables.TryGetValue(key[..dot], out var table))
            {
                if (!table.Declares(key[(dot + 1)..]))
                {
                    return $"Sources:{sourceName}:Columns:{key}: {table.Name} has no column {key[(dot + 1)..]} (it has: {string.Join(", ", table.Columns)}).";
                }
            }
            else if (dot > 0)
            {
                return $"Sources:{sourceName}:Columns:{key}: '{key[..dot]}' is not a table of the {adapter.Kind} adapter (it has: {names}).";
            }
            else if (!layout.Any(t => t.Declares(key)))
            {
                return $"Sources:{sourceName}:Columns:{key}: no table of the {adapter.Kind} adapter has a column {key}.";
            }
        }

        return null;
    }

    /// <summary>Opens a source's tables: a folder of CSV files, an HTTP base address, or (for a kind of
    /// <see cref="FileSources"/>) one file. A location that cannot be used for the kind yields a source that fails
    /// with the reason when it is read.</summary>
    public static ITableSource OpenTables(string kind, string location, SourceOptions options)
    {
        var fileOnly = FileOnlyKinds.Contains(kind);
        if (location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return fileOnly
                ? new UnreadableSource(location, $"{location}: the {kind} source reads one file, not an HTTP address.")
                : Uri.TryCreate(location, UriKind.Absolute, out _)
                ? new Http.HttpTableSource(location, options)
                : new UnreadableSource(location, $"{location}: not a valid address.");
        }

        if (File.Exists(location))
        {
            return FileSources.TryGetValue(kind, out var open)
                ? open(location, options)
                : new UnreadableSource(location, $"{location}: a file, but the {kind} source reads a folder of CSV files (or an HTTP address)" +
                    $" (only {string.Join(", ", FileSources.Keys)} read a file).");
        }

        if (Directory.Exists(location))
        {
            return fileOnly
                ? new UnreadableSource(location, $"{location}: a folder, but the {kind} source reads one file (the return's XML).")
                : new CsvFolderSource(location, options.Tables, options.Encoding);
        }

        return new UnreadableSource(location, fileOnly ? $"{location}: file not found."
            : $"{location}: {(FileSources.ContainsKey(kind) ? "folder or file" : "folder")} not found.");
    }
}

/// <summary>A source whose location cannot be read: every use fails the source with the reason.</summary>
public sealed class UnreadableSource(string location, string reason) : ITableSource
{
    public string Location { get; } = location;

    public string Reason { get; } = reason;

    public bool Exists(string table) => throw new SourceFailedException(Reason);

    public string Describe(string table) => table;

    public IEnumerable<TableRow> Read(string table, CancellationToken cancellationToken = default) => throw new SourceFailedException(Reason);

    public IReadOnlyCollection<string>? Header(string table) => throw new SourceFailedException(Reason);
}

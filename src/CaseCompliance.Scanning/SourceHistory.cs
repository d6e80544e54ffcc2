using CaseCompliance.Adapters.Tables;
using System.Globalization;
using System.Text.Json;
using CaseCompliance.Scanning.Output;
using CsvHelper;
using CsvHelper.Configuration;
using NodaTime;
using NodaTime.Text;

namespace CaseCompliance.Scanning;

/// <summary>The last good extract of a source (a name at a location): when, how big, and the findings it gave.</summary>
public sealed record LastGood(string Source, string Location, Guid ScanId, LocalDate AsOf, long RowsRead, int Children)
{
    /// <summary>A source is its name and where it is read from: another folder is another extract.</summary>
    public string Key => Keys.Of(Source, Location);
}

internal static class Keys
{
    public static string Of(string source, string location) => $"{source}|{location}";
}

/// <summary>
/// What earlier scans learned about each source, kept in a folder (<c>Storage:Directory</c>, default <c>data</c>):
/// the size of its last good extract, for the truncation check, and that extract's findings, which a failed source
/// republishes instead of dropping (a failed source must never make its breaches look resolved).
/// Written only when a scan completes; <c>--no-store</c> reads it but never writes it.
/// </summary>
public sealed class SourceHistory(string directory)
{
    private const string IndexFile = "sources.json";

    public string Directory { get; } = Path.GetFullPath(directory);

    public LastGood? Find(string source, string location) => Load().GetValueOrDefault(Keys.Of(source, location));

    /// <summary>The findings.csv rows of the source's last good scan (empty when there is none).</summary>
    public IEnumerable<string[]> Rows(LastGood good)
    {
        var path = RowsPath(good);
        if (!File.Exists(path))
        {
            yield break;
        }

        using var reader = new StreamReader(path);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var header = true;
        while (parser.Read())
        {
            if (header)
            {
                header = false;
                continue;
            }

            yield return parser.Record!;
        }
    }

    /// <summary>Records good extracts and their rows; each file is replaced whole.</summary>
    public void Save(IEnumerable<(LastGood Good, IReadOnlyList<string?[]> Rows)> sources)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var index = Load();
        foreach (var (good, rows) in sources)
        {
            var temp = RowsPath(good) + ".tmp";
            using (var writer = CsvText.Create(temp))
            {
                var csv = new CsvText(writer);
                csv.Row(FindingRows.Header);
                foreach (var row in rows)
                {
                    csv.Row(row);
                }
            }

            File.Move(temp, RowsPath(good), overwrite: true);
            index[good.Key] = good;
        }

        var json = JsonSerializer.Serialize(index.Values.Select(g => new
        {
            source = g.Source,
            location = g.Location,
            scan_id = g.ScanId,
            as_of = LocalDatePattern.Iso.Format(g.AsOf),
            rows_read = g.RowsRead,
            children = g.Children,
        }), new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(Path.Combine(Directory, IndexFile + ".tmp"), json);
        File.Move(Path.Combine(Directory, IndexFile + ".tmp"), Path.Combine(Directory, IndexFile), overwrite: true);
    }

    private Dictionary<string, LastGood> Load()
    {
        var path = Path.Combine(Directory, IndexFile);
        var result = new Dictionary<string, LastGood>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path))
        {
            return result;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            // An entry of an older layout (no location) is not a comparable last good extract: it is left out.
            if (!e.TryGetProperty("location", out var where) || where.GetString() is not { } location)
            {
                continue;
            }

            var source = e.GetProperty("source").GetString()!;
            result[Keys.Of(source, location)] = new LastGood(source, location, e.GetProperty("scan_id").GetGuid(),
                LocalDatePattern.Iso.Parse(e.GetProperty("as_of").GetString()!).Value,
                e.GetProperty("rows_read").GetInt64(), e.GetProperty("children").GetInt32());
        }

        return result;
    }

    /// <summary>One file per source and location: the name for people, a short hash of the key for uniqueness.</summary>
    private string RowsPath(LastGood good)
    {
        var safe = string.Concat(good.Source.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(good.Key)))[..12];
        return Path.Combine(Directory, $"last-good-{safe}-{hash}.csv");
    }
}

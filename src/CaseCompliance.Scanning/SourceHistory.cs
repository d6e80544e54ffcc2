using System.Globalization;
using System.Text.Json;
using CaseCompliance.Scanning.Output;
using CsvHelper;
using CsvHelper.Configuration;
using NodaTime;
using NodaTime.Text;

namespace CaseCompliance.Scanning;

/// <summary>The last good extract of a source: when, how big, and the findings it gave.</summary>
public sealed record LastGood(string Source, Guid ScanId, LocalDate AsOf, long RowsRead, int Children);

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

    public LastGood? Find(string source) => Load().GetValueOrDefault(source);

    /// <summary>The findings.csv rows of the source's last good scan (empty when there is none).</summary>
    public IEnumerable<string[]> Rows(string source)
    {
        var path = RowsPath(source);
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
            var temp = RowsPath(good.Source) + ".tmp";
            using (var writer = CsvText.Create(temp))
            {
                var csv = new CsvText(writer);
                csv.Row(FindingRows.Header);
                foreach (var row in rows)
                {
                    csv.Row(row);
                }
            }

            File.Move(temp, RowsPath(good.Source), overwrite: true);
            index[good.Source] = good;
        }

        var json = JsonSerializer.Serialize(index.Values.Select(g => new
        {
            source = g.Source,
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
            var source = e.GetProperty("source").GetString()!;
            result[source] = new LastGood(source, e.GetProperty("scan_id").GetGuid(),
                LocalDatePattern.Iso.Parse(e.GetProperty("as_of").GetString()!).Value,
                e.GetProperty("rows_read").GetInt64(), e.GetProperty("children").GetInt32());
        }

        return result;
    }

    private string RowsPath(string source) =>
        Path.Combine(Directory, $"last-good-{string.Concat(source.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'))}.csv");
}

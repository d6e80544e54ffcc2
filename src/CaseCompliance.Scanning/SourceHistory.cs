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

    /// <summary>
    /// Starts recording a source's findings as they are written (nothing is kept in memory); they only replace the
    /// source's last good findings when <see cref="Save"/> commits them.
    /// </summary>
    public Recording Record(string source, string location)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var key = new LastGood(source, location, Guid.Empty, default, 0, 0);
        return new Recording(RowsPath(key));
    }

    /// <summary>Commits good extracts: their recorded rows replace the previous ones, then the index is rewritten.</summary>
    public void Save(IReadOnlyCollection<(LastGood Good, Recording Rows)> sources)
    {
        if (sources.Count == 0)
        {
            return;
        }

        var index = Load();
        foreach (var (good, rows) in sources)
        {
            rows.Commit();
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

    /// <summary>A source's findings being written to a temporary file, moved into place on commit.</summary>
    public sealed class Recording : IDisposable
    {
        private readonly string _path;
        private readonly StreamWriter _writer;

        internal Recording(string path)
        {
            _path = path;
            _writer = CsvText.Create(path + ".tmp");
            Csv = new CsvText(_writer);
            Csv.Row(FindingRows.Header);
        }

        public CsvText Csv { get; }

        /// <summary>For text already in CSV form (a batch of rows).</summary>
        public TextWriter Writer => _writer;

        internal void Commit()
        {
            _writer.Dispose();
            File.Move(_path + ".tmp", _path, overwrite: true);
        }

        public void Dispose() => _writer.Dispose();
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

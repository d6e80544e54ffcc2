using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace CaseCompliance.Adapters.Tables;

/// <summary>
/// Tables as <c>&lt;table&gt;.csv</c> files in a folder: UTF-8 (a BOM is fine), comma-separated, header row,
/// RFC 4180 quoting. Streamed row by row (CsvHelper's parser), never read whole.
/// </summary>
public sealed class CsvFolderSource(string folder, IReadOnlyDictionary<string, string>? fileNames = null) : ITableSource
{
    public string Location { get; } = Path.GetFullPath(folder);

    public bool Exists(string table) => File.Exists(PathOf(table));

    public string Describe(string table) => FileName(table);

    public IEnumerable<TableRow> Read(string table, CancellationToken cancellationToken = default)
    {
        var path = PathOf(table);
        if (!File.Exists(path))
        {
            throw new SourceFailedException($"{FileName(table)}: file not found in {Location}.");
        }

        return ReadFile(path, FileName(table), cancellationToken);
    }

    public IReadOnlyCollection<string>? Header(string table)
    {
        var path = PathOf(table);
        if (!File.Exists(path))
        {
            throw new SourceFailedException($"{FileName(table)}: file not found in {Location}.");
        }

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, Config);
        return parser.Read() && parser.Record is { } header
            ? header.Select(h => h.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : throw new SourceFailedException($"{FileName(table)}: the file is empty (no header row).");
    }

    private static readonly CsvConfiguration Config = new(CultureInfo.InvariantCulture)
    {
        HasHeaderRecord = true,
        BadDataFound = null,
        DetectColumnCountChanges = false,
        TrimOptions = TrimOptions.None,
    };

    private static IEnumerable<TableRow> ReadFile(string path, string name, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var parser = new CsvParser(reader, Config);
        if (!parser.Read())
        {
            throw new SourceFailedException($"{name}: the file is empty (no header row).");
        }

        var header = parser.Record ?? [];
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            columns.TryAdd(header[i].Trim(), i);
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool more;
            try
            {
                more = parser.Read();
            }
            catch (CsvHelperException e)
            {
                throw new SourceFailedException($"{name}: unreadable CSV near line {parser.RawRow} ({e.GetType().Name}).", e);
            }

            if (!more)
            {
                yield break;
            }

            var record = parser.Record ?? [];
            if (record.Length == 1 && record[0].Length == 0)
            {
                continue;
            }

            yield return new TableRow(name, parser.Row.ToString(CultureInfo.InvariantCulture), columns, record);
        }
    }

    private string FileName(string table) =>
        fileNames is not null && fileNames.TryGetValue(table, out var f) && !string.IsNullOrWhiteSpace(f)
            ? (f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? f : f + ".csv")
            : table + ".csv";

    private string PathOf(string table) => Path.Combine(Location, FileName(table));
}

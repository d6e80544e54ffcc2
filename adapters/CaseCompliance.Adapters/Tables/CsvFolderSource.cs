namespace CaseCompliance.Adapters.Tables;

/// <summary>
/// Tables as <c>&lt;table&gt;.csv</c> files in a folder (the name in any case when no file has it exactly): UTF-8 (a
/// BOM is fine) or the configured encoding, a byte order mark deciding (UTF-16 too); comma-separated, header row,
/// RFC 4180 quoting; a file of 0 bytes or blank lines is a table with no rows. Streamed row by row (Sep, checked by a strict parser where a record
/// is not plain: see <see cref="CsvFileReader"/> and docs/decisions/010-csv-reader.md), never read whole.
/// </summary>
/// <remarks>
/// A header with a blank or repeated column name, bytes the encoding cannot decode, or an unknown encoding fail the
/// source. A row that cannot be split into the header's fields comes as a rejected row (<see cref="TableRow.Problem"/>).
/// </remarks>
public sealed class CsvFolderSource : ITableSource
{
    private readonly IReadOnlyDictionary<string, string>? _fileNames;
    private readonly CsvEncoding? _encoding;
    private readonly string? _encodingProblem;

    /// <param name="folder">The folder of the files.</param>
    /// <param name="fileNames">File name per table, where a site's export names them differently.</param>
    /// <param name="encoding">The files' encoding (<c>Sources:&lt;name&gt;:Encoding</c>); null or empty for UTF-8.</param>
    public CsvFolderSource(string folder, IReadOnlyDictionary<string, string>? fileNames = null, string? encoding = null)
    {
        Location = Path.GetFullPath(folder);
        _fileNames = fileNames;
        _encoding = CsvEncoding.Resolve(encoding, out _encodingProblem);
    }

    public string Location { get; }

    public bool Exists(string table) => PathOf(table) is not null;

    /// <summary>The table's file name as found (in its own case), else as expected.</summary>
    public string Describe(string table)
    {
        try
        {
            return PathOf(table) is { } path ? Path.GetFileName(path) : FileName(table);
        }
        catch (SourceFailedException)
        {
            return FileName(table);
        }
    }

    public IEnumerable<TableRow> Read(string table, CancellationToken cancellationToken = default)
    {
        var path = ExistingPath(table);
        return ReadFile(path, Path.GetFileName(path), Encoding(), cancellationToken);
    }

    public bool IsBlank(string table)
    {
        var path = ExistingPath(table);
        using var file = CsvFileReader.Open(path, Path.GetFileName(path), Encoding());
        return file.IsEmpty;
    }

    /// <summary>The file's column names; null for an empty file (no header: nothing to check, and no rows).</summary>
    public IReadOnlyCollection<string>? Header(string table)
    {
        var path = ExistingPath(table);
        using var file = CsvFileReader.Open(path, Path.GetFileName(path), Encoding());
        return file.IsEmpty ? null : file.Header.ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static IEnumerable<TableRow> ReadFile(string path, string name, CsvEncoding encoding, CancellationToken cancellationToken)
    {
        using var file = CsvFileReader.Open(path, name, encoding);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.Next() is not { } row)
            {
                yield break;
            }

            yield return row;
        }
    }

    private CsvEncoding Encoding() => _encoding ?? throw new SourceFailedException(_encodingProblem!);

    private string ExistingPath(string table) =>
        PathOf(table) ?? throw new SourceFailedException($"{FileName(table)}: file not found in {Location}.");

    private string FileName(string table) =>
        _fileNames is not null && _fileNames.TryGetValue(table, out var f) && !string.IsNullOrWhiteSpace(f)
            ? (f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? f : f + ".csv")
            : table + ".csv";

    /// <summary>
    /// The table's file: the expected name exactly, else the one file whose name differs from it only in case
    /// (<c>SSD_PERSON.CSV</c> for <c>ssd_person.csv</c>: Windows exports are named in any case, and Linux names are
    /// case-sensitive); two such files fail the source, naming both. Null when there is none.
    /// </summary>
    private string? PathOf(string table)
    {
        var name = FileName(table);
        var exact = Path.Combine(Location, name);
        if (File.Exists(exact) || !Directory.Exists(Location))
        {
            return File.Exists(exact) ? exact : null;
        }

        var matches = Directory.EnumerateFiles(Location)
            .Where(f => string.Equals(Path.GetFileName(f), name, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        return matches.Count switch
        {
            0 => null,
            1 => matches[0],
            _ => throw new SourceFailedException(
                $"{name}: {string.Join(" and ", matches.Select(Path.GetFileName))} in {Location} differ only in case: which is the table's is not known; remove or rename one."),
        };
    }
}

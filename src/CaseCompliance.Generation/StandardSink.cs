using CaseCompliance.Adapters.Standard;
using CaseCompliance.Adapters.Tables;

namespace CaseCompliance.Generation;

/// <summary>Writes the <c>standard</c> layout: one CSV per SSD and <c>cc_</c> table, header first, in layout column order.</summary>
public sealed class StandardSink : IExtractSink
{
    private readonly Dictionary<string, (StreamWriter Writer, CsvText Csv, string[] Columns, HashSet<string> Declared)> _files = new(StringComparer.Ordinal);

    public StandardSink(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        foreach (var table in StandardLayout.Tables)
        {
            var writer = CsvText.Create(Path.Combine(directory, table.Name + ".csv"));
            var csv = new CsvText(writer);
            string[] columns = [.. table.Columns, .. table.OptionalColumns];
            csv.Row(columns);
            _files[table.Name] = (writer, csv, columns, new HashSet<string>(columns, StringComparer.Ordinal));
        }
    }

    public string Format => "standard";

    public void Directory(SsdTables tables) => Write(tables);

    public void Child(SsdTables tables) => Write(tables);

    private void Write(SsdTables tables)
    {
        foreach (var table in tables.Tables)
        {
            var (_, csv, columns, declared) = _files.TryGetValue(table, out var f)
                ? f
                : throw new ArgumentException($"{table} is not a table of the standard layout.");
            foreach (var row in tables.Rows(table))
            {
                // A story's column that the layout does not declare would be dropped silently: refuse it.
                foreach (var column in row.Keys)
                {
                    if (!declared.Contains(column))
                    {
                        throw new ArgumentException($"{table}.{column} is not a column of the standard layout.");
                    }
                }

                csv.Row(columns.Select(c => row.GetValueOrDefault(c)).ToArray());
            }
        }
    }

    public void Dispose()
    {
        foreach (var (writer, _, _, _) in _files.Values)
        {
            writer.Dispose();
        }
    }
}

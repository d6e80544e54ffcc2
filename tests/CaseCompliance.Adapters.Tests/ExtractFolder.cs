using System.Text;

namespace CaseCompliance.Adapters.Tests;

/// <summary>
/// A temporary extract folder for one layout: each table written with its header, plus the rows a test adds.
/// Each system's folder (<see cref="SsdFolder"/>, <see cref="LiquidLogicFolder"/>, <see cref="CareFirstFolder"/>,
/// <see cref="MosaicFolder"/>) only says which tables and columns it has.
/// </summary>
public abstract class ExtractFolder<TSelf> : IDisposable
    where TSelf : ExtractFolder<TSelf>
{
    private readonly Dictionary<string, List<Dictionary<string, string>>> _rows = new();
    private readonly Dictionary<string, string[]> _columns = new();
    private readonly bool _checkColumns;

    /// <param name="tables">Every table of the layout with its columns, and whether it is written when the test adds no row.</param>
    /// <param name="checkColumns">Fail a test that names a column the layout does not have.</param>
    protected ExtractFolder(string prefix, IEnumerable<(string Name, string[] Columns, bool Written)> tables, bool checkColumns = false)
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
        _checkColumns = checkColumns;
        foreach (var (name, columns, written) in tables)
        {
            _columns[name] = columns;
            if (written)
            {
                _rows[name] = [];
            }
        }
    }

    public string Path { get; }

    public TSelf Add(string table, params (string Column, string Value)[] values)
    {
        if (!_rows.TryGetValue(table, out var rows))
        {
            _rows[table] = rows = [];
        }

        rows.Add(values.ToDictionary(v => v.Column, v => v.Value));
        return (TSelf)this;
    }

    public TSelf Remove(string table)
    {
        _rows.Remove(table);
        File.Delete(System.IO.Path.Combine(Path, table + ".csv"));
        return (TSelf)this;
    }

    public string Write()
    {
        foreach (var (table, rows) in _rows)
        {
            var columns = _columns[table];
            var text = new StringBuilder(string.Join(',', columns)).Append('\n');
            foreach (var row in rows)
            {
                if (_checkColumns)
                {
                    Assert.All(row.Keys, c => Assert.Contains(c, columns));
                }

                text.Append(string.Join(',', columns.Select(c => Quote(row.GetValueOrDefault(c, ""))))).Append('\n');
            }

            File.WriteAllText(System.IO.Path.Combine(Path, table + ".csv"), text.ToString());
        }

        return Path;
    }

    private static string Quote(string v) => v.Contains(',') || v.Contains('"') ? $"\"{v.Replace("\"", "\"\"")}\"" : v;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

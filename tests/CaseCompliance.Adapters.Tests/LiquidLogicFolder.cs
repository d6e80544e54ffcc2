using System.Text;
using CaseCompliance.Adapters.LiquidLogic;

namespace CaseCompliance.Adapters.Tests;

/// <summary>A temporary Liquidlogic warehouse extract folder: every table with its header, plus the rows a test adds.</summary>
public sealed class LiquidLogicFolder : IDisposable
{
    private readonly Dictionary<string, List<Dictionary<string, string>>> _rows = new();

    public LiquidLogicFolder(bool withOptionalTables = true)
    {
        Path = Directory.CreateTempSubdirectory("cc-ll-").FullName;
        foreach (var table in LiquidLogicLayout.Tables.Where(t => t.Required || withOptionalTables))
        {
            _rows[table.Name] = [];
        }
    }

    public string Path { get; }

    public LiquidLogicFolder Add(string table, params (string Column, string Value)[] values)
    {
        if (!_rows.TryGetValue(table, out var rows))
        {
            _rows[table] = rows = [];
        }

        rows.Add(values.ToDictionary(v => v.Column, v => v.Value));
        return this;
    }

    public LiquidLogicFolder Remove(string table)
    {
        _rows.Remove(table);
        File.Delete(System.IO.Path.Combine(Path, table + ".csv"));
        return this;
    }

    public string Write()
    {
        foreach (var (table, rows) in _rows)
        {
            var columns = LiquidLogicLayout.Tables.First(t => t.Name == table).Columns;
            var text = new StringBuilder(string.Join(',', columns)).Append('\n');
            foreach (var row in rows)
            {
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

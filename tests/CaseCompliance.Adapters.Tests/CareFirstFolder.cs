using System.Text;
using CaseCompliance.Adapters.CareFirst;

namespace CaseCompliance.Adapters.Tests;

/// <summary>A temporary CareFirst extract folder: every table of the default layout with its header, plus the rows a test adds.</summary>
public sealed class CareFirstFolder : IDisposable
{
    private readonly Dictionary<string, List<Dictionary<string, string>>> _rows = new();

    public CareFirstFolder(bool withOptionalTables = true)
    {
        Path = Directory.CreateTempSubdirectory("cc-carefirst-").FullName;
        foreach (var table in CareFirstLayout.Tables.Where(t => t.Required || withOptionalTables))
        {
            _rows[table.Name] = [];
        }
    }

    public string Path { get; }

    public CareFirstFolder Add(string table, params (string Column, string Value)[] values)
    {
        if (!_rows.TryGetValue(table, out var rows))
        {
            _rows[table] = rows = [];
        }

        rows.Add(values.ToDictionary(v => v.Column, v => v.Value));
        return this;
    }

    public CareFirstFolder Remove(string table)
    {
        _rows.Remove(table);
        File.Delete(System.IO.Path.Combine(Path, table + ".csv"));
        return this;
    }

    public string Write()
    {
        foreach (var (table, rows) in _rows)
        {
            var columns = CareFirstLayout.Tables.First(t => t.Name == table).Columns;
            foreach (var row in rows)
            {
                Assert.All(row.Keys, c => Assert.Contains(c, columns));
            }

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

using System.Diagnostics;
using CaseCompliance.Adapters.Tables;

namespace CaseCompliance.Bench;

/// <summary>
/// The floor of a scan: read and split every CSV row of an extract folder with the same reader the adapters use,
/// and nothing else (no typing, no records, no rules, no output).
/// </summary>
public static class Floor
{
    public static (long Rows, long Fields, TimeSpan Elapsed) Run(string folder)
    {
        var watch = Stopwatch.StartNew();
        var source = new CsvFolderSource(folder);
        long rows = 0, fields = 0;
        foreach (var file in Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            var table = Path.GetFileNameWithoutExtension(file);
            if (table == "expected")
            {
                continue;
            }

            foreach (var row in source.Read(table))
            {
                rows++;
                fields += row.Columns.Count;
            }
        }

        return (rows, fields, watch.Elapsed);
    }
}

using System.Diagnostics;
using CaseCompliance.Adapters.Tables;
using nietras.SeparatedValues;

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

    /// <summary>
    /// The Sep reading floor: Sep alone splits every row of the same files and touches every field as a span, with no
    /// string made, no check and no row object: what reading costs before anything the scan needs.
    /// </summary>
    public static (long Rows, long Fields, TimeSpan Elapsed) Sep(string folder)
    {
        var watch = Stopwatch.StartNew();
        long rows = 0, fields = 0, chars = 0;
        var options = new SepReaderOptions(new nietras.SeparatedValues.Sep(',')) { HasHeader = true, DisableColCountCheck = true };
        foreach (var file in Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileNameWithoutExtension(file) == "expected")
            {
                continue;
            }

            using var reader = options.FromFile(file);
            foreach (var row in reader)
            {
                rows++;
                for (var i = 0; i < row.ColCount; i++)
                {
                    chars += row[i].Span.Length;
                    fields++;
                }
            }
        }

        return chars < 0 ? default : (rows, fields, watch.Elapsed);
    }
}

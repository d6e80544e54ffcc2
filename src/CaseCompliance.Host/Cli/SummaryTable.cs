using System.Globalization;
using CaseCompliance.Rules.Engine;
using CaseCompliance.Scanning;

namespace CaseCompliance.Host.Cli;

/// <summary>The table <c>scan</c> prints: sources, counts by rule and status, and where the files went.</summary>
public static class SummaryTable
{
    public static void Write(TextWriter w, ScanResult result, IEnumerable<IRule> rules)
    {
        w.WriteLine($"CaseCompliance scan {result.ScanId} as of {result.AsOf:yyyy-MM-dd}");
        w.WriteLine();
        Table(w, ["source", "status", "children", "rows read", "rows rejected", "findings"],
            result.Sources.Select(s => new[] { s.Name, s.Status, N(s.Children), N(s.RecordsRead), N(s.RecordsRejected), N(s.Findings) }));
        foreach (var s in result.Sources.Where(s => s.Reason is not null))
        {
            w.WriteLine($"  {s.Name} {s.Status}: {s.Reason}");
            if (s.KeptFrom is { } kept)
            {
                w.WriteLine($"  {s.Name}: its {s.Findings} findings of the last good scan ({kept:yyyy-MM-dd}) are published again, not dropped.");
            }
        }

        w.WriteLine();
        var statuses = FindingStatuses.All;
        Table(w, ["rule", .. statuses.Select(s => s.Id())],
            rules.Select(r => new[] { r.Id }.Concat(statuses.Select(s => N(result.Counts[r.Id][s]))).ToArray()));
        w.WriteLine();
        w.WriteLine($"Findings: {N(result.FindingCount)}   Exceptions (late, overdue, missing-data): {N(result.ExceptionCount)}   Rejected input: {N(result.RejectedCount)}");
        w.WriteLine();
        w.WriteLine($"Exception list: {result.Files["exceptions.csv"]}");
        w.WriteLine($"Files written to {result.OutputDirectory}:");
        foreach (var (name, path) in result.Files)
        {
            w.WriteLine($"  {name,-16} {path}");
        }
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static void Table(TextWriter w, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            w.WriteLine(string.Join("  ", row.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd());
        }
    }
}

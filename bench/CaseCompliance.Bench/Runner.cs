using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CaseCompliance.Bench;

/// <summary>One size's figures: medians over the runs.</summary>
public sealed record Measurement(string Folder, int? Children, long Rows, double FloorSeconds, double ScanSeconds, double ScanCpuSeconds,
    long PeakBytes, int Runs, int ScannedChildren);

/// <summary>Drives the real executable (as a user would) and the floor, and formats the results.</summary>
public static class Runner
{
    private static readonly string Repo = FindRepo();

    private static string Host => Path.Combine(Repo, "src", "CaseCompliance.Host", "bin", "Release", "net10.0", "casecompliance.dll");

    /// <summary>Generates the standard-format extract for <paramref name="children"/> once; later runs reuse it.</summary>
    public static string Generate(string data, int children, int seed, string asOf)
    {
        var folder = Path.Combine(data, $"n{children}-s{seed}");
        var extract = Path.Combine(folder, "standard");
        if (File.Exists(Path.Combine(extract, "ssd_person.csv")))
        {
            return extract;
        }

        var watch = Stopwatch.StartNew();
        Run("generate", "--children", children.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture),
            "--format", "standard", "--as-of", asOf, "--fault-rate", "0", "--out", extract);
        Console.Error.WriteLine($"generated {children} children in {watch.Elapsed.TotalSeconds:F1} s into {extract}");
        return extract;
    }

    public static Measurement Measure(string folder, int? children, int runs, string asOf)
    {
        var floors = new List<double>();
        var scans = new List<(double Wall, double Cpu, long Peak)>();
        long rows = 0;
        var scanned = 0;
        var output = Path.Combine(Path.GetTempPath(), $"casecompliance-bench-out-{Environment.ProcessId}");
        for (var i = 0; i < runs; i++)
        {
            var (r, _, elapsed) = Floor.Run(folder);
            rows = r;
            floors.Add(elapsed.TotalSeconds);
            scans.Add(Run("scan", "--source", $"standard={folder}", "--as-of", asOf, "--out", output, "--no-store"));
            scanned = ChildrenIn(Path.Combine(output, "summary.json"));
            Console.Error.WriteLine($"  run {i + 1}: floor {elapsed.TotalSeconds:F2} s, scan {scans[^1].Wall:F2} s, peak {scans[^1].Peak / 1048576} MB");
        }

        return new Measurement(folder, children, rows, Median(floors), Median(scans.Select(s => s.Wall)), Median(scans.Select(s => s.Cpu)),
            (long)Median(scans.Select(s => (double)s.Peak)), runs, scanned);
    }

    /// <summary>Runs casecompliance with the arguments; returns wall and CPU seconds and the peak resident memory.</summary>
    private static (double Wall, double Cpu, long Peak) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo };
        start.ArgumentList.Add(Host);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        double cpu = 0;
        while (!process.WaitForExit(50))
        {
            // VmHWM is the process's own high-water mark, so sampling cannot miss the peak; read it until exit.
            peak = Math.Max(peak, HighWaterMark(process.Id));
            try
            {
                cpu = process.TotalProcessorTime.TotalSeconds;
            }
            catch (InvalidOperationException)
            {
            }
        }

        var wall = watch.Elapsed.TotalSeconds;
        if (process.ExitCode is not (0 or 3))
        {
            throw new InvalidOperationException($"casecompliance {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result}{stdout.Result}");
        }

        return (wall, cpu, peak);
    }

    private static long HighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static int ChildrenIn(string summary)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(summary));
        return doc.RootElement.GetProperty("sources").EnumerateArray().Sum(s => s.GetProperty("children").GetInt32());
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static string Table(IEnumerable<Measurement> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| children | rows | floor (s) | scan (s) | scan CPU (s) | children/s | rows/s | peak memory | scan ÷ floor | runs |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var m in results)
        {
            var children = m.Children ?? m.ScannedChildren;
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {children:N0} | {m.Rows:N0} | {m.FloorSeconds:F2} | {m.ScanSeconds:F2} | {m.ScanCpuSeconds:F2} | {children / m.ScanSeconds:N0} | {m.Rows / m.ScanSeconds:N0} | {m.PeakBytes / 1048576.0:N0} MB | {m.ScanSeconds / m.FloorSeconds:F1} | {m.Runs} |"));
        }

        return text.ToString();
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CaseCompliance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CaseCompliance.sln not found above the benchmark.");
    }
}

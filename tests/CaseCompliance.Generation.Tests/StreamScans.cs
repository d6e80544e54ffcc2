using System.Text.Json;
using CaseCompliance.Host.Tests;

namespace CaseCompliance.Generation.Tests;

/// <summary>
/// What the streaming tests share: a generated caseload, a scan through the real executable with a given stream window,
/// the comparison of its files with another scan's, and copies of an extract with one table rewritten.
/// </summary>
internal static class StreamScans
{
    public const string AsOf = "2026-11-20";
    private static readonly string[] Outputs = ["findings.csv", "exceptions.csv", "rejected.csv"];

    /// <summary>One scan's output folder and its source's entry in summary.json.</summary>
    public sealed record Scan(string Out, JsonElement Source)
    {
        public string? Reading => Source.GetProperty("reading").GetString();

        public string? Note => Source.TryGetProperty("reading_note", out var note) && note.ValueKind == JsonValueKind.String ? note.GetString() : null;
    }

    /// <summary>Generates <paramref name="children"/> children (seed 77) in a system's layout, with the generator's planted faults.</summary>
    public static void Generate(TempFolder tmp, string format, int children, string folder)
    {
        var result = Cli.Run(tmp.Path, "generate", "--config", Fixtures.Config(tmp), "--children", children.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--seed", "77", "--format", format, "--as-of", AsOf, "--out", folder);
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        File.Delete(Path.Combine(folder, "expected.csv"));
    }

    /// <summary>Scans one source of <paramref name="kind"/> at <paramref name="folder"/>; a window of 0 reads it whole.</summary>
    public static Scan Run(TempFolder tmp, string kind, string folder, int window, string name)
    {
        var config = Fixtures.Config(tmp, new Dictionary<string, string> { [kind] = folder }, root =>
        {
            root["Sources"]![kind]!["Kind"] = kind;
            root["Sources"]![kind]!["StreamWindow"] = window;
        });
        var outDir = tmp.File("out-" + name);
        var result = Cli.Run(tmp.Path, "scan", "--config", config, "--as-of", AsOf, "--out", outDir, "--no-store");
        Assert.True(result.ExitCode is 0 or 3, result.Stdout + result.Stderr);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        return new Scan(outDir, summary.RootElement.GetProperty("sources")[0].Clone());
    }

    /// <summary>findings.csv, exceptions.csv and rejected.csv byte for byte, and the source's counts.</summary>
    public static void AssertSameFiles(Scan expected, Scan actual)
    {
        foreach (var file in Outputs)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected.Out, file)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(actual.Out, file))), $"{file} differs");
        }

        foreach (var field in new[] { "records_read", "records_rejected", "children", "findings" })
        {
            Assert.Equal(expected.Source.GetProperty(field).GetInt64(), actual.Source.GetProperty(field).GetInt64());
        }
    }

    /// <summary>A copy of the extract with one table's data rows rewritten.</summary>
    public static string Copy(TempFolder tmp, string from, string table, Func<List<string>, List<string>> rows) =>
        Copy(tmp, from, (table, rows));

    /// <summary>A copy of the extract with the data rows of some tables rewritten.</summary>
    public static string Copy(TempFolder tmp, string from, params (string Table, Func<List<string>, List<string>> Rows)[] edits)
    {
        var to = tmp.File("copy");
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var (table, rows) in edits)
        {
            var path = Path.Combine(to, table + ".csv");
            var lines = File.ReadAllLines(path).ToList();
            File.WriteAllLines(path, [lines[0], .. rows(lines.Skip(1).ToList())]);
        }

        return to;
    }
}

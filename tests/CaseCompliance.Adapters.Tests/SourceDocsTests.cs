using System.Text.RegularExpressions;

namespace CaseCompliance.Adapters.Tests;

/// <summary>
/// docs/sources/&lt;system&gt;.md says which tables and columns each adapter reads; the adapter's layout is the one
/// declaration, and this test holds the page's "Tables" section to it: the same tables in the same order, the same
/// required flag, the same columns in the same order.
/// </summary>
public sealed partial class SourceDocsTests
{
    public static TheoryData<string> Kinds => new() { "standard", "liquidlogic", "mosaic", "carefirst", "ssda903", "cin-census" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TablesSection_ListsTheLayout(string kind)
    {
        var adapter = new ServiceAdapters().Single(a => a.Kind == kind);
        var expected = adapter.Layout(new SourceOptions())
            .Select(t => $"{t.Name} | {(t.Required ? "yes" : "no")} | {string.Join(", ", t.Columns)}" +
                (t.OptionalColumns.Count > 0 ? $" | optional {string.Join(", ", t.OptionalColumns)}" : ""))
            .ToList();

        var documented = DocumentedTables(Path.Combine(Root(), "docs", "sources", kind + ".md"));

        var differ = expected.Zip(documented).Where(p => p.First != p.Second)
            .Select(p => $"layout: {p.First}\n  docs: {p.Second}").FirstOrDefault();
        Assert.True(expected.SequenceEqual(documented),
            $"docs/sources/{kind}.md disagrees with the {kind} layout ({expected.Count} tables declared, {documented.Count} documented)\n{differ}");
    }

    /// <summary>The rows of the first table under "## Tables": name, yes/no, the backticked column names.</summary>
    private static List<string> DocumentedTables(string path)
    {
        var lines = File.ReadAllLines(path);
        var start = Array.FindIndex(lines, l => l.Trim() == "## Tables");
        Assert.True(start >= 0, $"{path} has no '## Tables' section");
        var rows = new List<string>();
        foreach (var line in lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (!cells[0].StartsWith('`'))
            {
                continue;
            }

            // "`A`, `B`; optional `C` (why), `D`": the columns, then those read only when present.
            var parts = cells[2].Split("; optional", 2);
            var row = $"{cells[0].Trim('`')} | {(cells[1].StartsWith("yes", StringComparison.Ordinal) ? "yes" : "no")} | {string.Join(", ", Names(parts[0]))}";
            rows.Add(parts.Length > 1 ? $"{row} | optional {string.Join(", ", Names(parts[1]))}" : row);
        }

        return rows;
    }

    /// <summary>Column names: the backticked names, each possibly a comma-separated run (`A, B`).</summary>
    private static IEnumerable<string> Names(string cell) =>
        Backticked().Matches(cell).SelectMany(m => m.Groups[1].Value.Split(',')).Select(c => c.Trim()).Where(c => c.Length > 0);

    [GeneratedRegex("`([^`]*)`")]
    private static partial Regex Backticked();

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CaseCompliance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CaseCompliance.sln not found above the test folder.");
    }

    /// <summary>The adapters as the Host registers them.</summary>
    private sealed class ServiceAdapters : List<ISourceAdapter>
    {
        public ServiceAdapters()
        {
            var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
            services.AddAdapters(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
            AddRange(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetServices<ISourceAdapter>(
                Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services)));
        }
    }
}

using CaseCompliance.Adapters;
using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Rules.Engine;
using CaseCompliance.Scanning.Output;
using NodaTime;

namespace CaseCompliance.Scanning;

/// <summary>A source to scan: its name (the id prefix), adapter kind, tables and options.</summary>
public sealed record ScanSource(string Name, string Kind, ITableSource Tables, SourceOptions Options);

/// <summary>
/// One scan: read every source, run every enabled rule for every child, write findings.csv, exceptions.csv,
/// rejected.csv and summary.json. A failing source is reported and never stops the others; files are written to
/// temporary names and moved into place at the end, so a scan that dies leaves the previous files whole.
/// </summary>
public sealed class Scanner(RuleEngine engine, IEnumerable<ISourceAdapter> adapters, IClock clock, OutputOptions output)
{
    private readonly Dictionary<string, ISourceAdapter> _adapters =
        adapters.ToDictionary(a => a.Kind, StringComparer.OrdinalIgnoreCase);

    public ScanResult Run(IReadOnlyList<ScanSource> sources, LocalDate asOf, string outputDirectory,
        IProgress<ScanProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = clock.GetCurrentInstant();
        var scanId = Guid.CreateVersion7(started.ToDateTimeOffset());
        Directory.CreateDirectory(outputDirectory);
        var rejections = new RejectionLog();
        var failures = new List<RuleFailure>();
        var counts = engine.Enabled.ToDictionary(r => r.Id, _ => FindingStatuses.All.ToDictionary(s => s, _ => 0));
        var exceptions = new List<Finding>();
        var summaries = new List<SourceSummary>();
        var lookBack = LookBackCutoff(asOf);
        var findingCount = 0;

        var files = new OutputFiles(outputDirectory);
        using (var findingsWriter = CsvText.Create(files.Temp("findings.csv")))
        {
            var findingsCsv = new CsvText(findingsWriter);
            findingsCsv.Row(FindingRows.Header);
            foreach (var source in sources)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var summary = new SourceSummary(source.Name, source.Kind, source.Tables.Location);
                progress?.Report(new ScanProgress(source.Name, "reading", 0, 0));
                SourceExtract extract;
                try
                {
                    if (!_adapters.TryGetValue(source.Kind, out var adapter))
                    {
                        throw new SourceFailedException($"no adapter for source kind '{source.Kind}' (known: {string.Join(", ", _adapters.Keys)}).");
                    }

                    extract = adapter.Read(source.Name, source.Tables, source.Options, rejections, cancellationToken);
                }
                catch (Exception e) when (e is SourceFailedException or IOException or UnauthorizedAccessException)
                {
                    summaries.Add(summary with
                    {
                        Status = "failed",
                        Reason = e.Message,
                        RecordsRejected = rejections.RowsRejected(source.Name),
                    });
                    progress?.Report(new ScanProgress(source.Name, "failed", 0, 0));
                    continue;
                }

                var sourceFindings = 0;
                var total = extract.Cases.Count;
                for (var i = 0; i < total; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    foreach (var f in engine.Evaluate(extract.Cases[i], extract.Directory, asOf, failures))
                    {
                        findingsCsv.Row(FindingRows.Row(f));
                        sourceFindings++;
                        counts[f.RuleId][f.Status]++;
                        if (IsListed(f, lookBack))
                        {
                            exceptions.Add(f);
                        }
                    }

                    if ((i + 1) % 500 == 0 || i + 1 == total)
                    {
                        progress?.Report(new ScanProgress(source.Name, "evaluating", i + 1, total));
                    }
                }

                findingCount += sourceFindings;
                summaries.Add(summary with
                {
                    RecordsRead = extract.RowsRead,
                    RecordsRejected = rejections.RowsRejected(source.Name),
                    Children = total,
                    Findings = sourceFindings,
                });
            }
        }

        WriteExceptions(files.Temp("exceptions.csv"), exceptions);
        WriteRejected(files.Temp("rejected.csv"), rejections.Items, failures);
        var result = new ScanResult
        {
            ScanId = scanId,
            AsOf = asOf,
            StartedAt = started,
            FinishedAt = clock.GetCurrentInstant(),
            Sources = summaries,
            Counts = counts.ToDictionary(c => c.Key, c => (IReadOnlyDictionary<FindingStatus, int>)c.Value),
            FindingCount = findingCount,
            ExceptionCount = exceptions.Count,
            RejectedCount = rejections.Items.Count,
            RuleFailureCount = failures.Count,
            OutputDirectory = Path.GetFullPath(outputDirectory),
            Files = files.Names.ToDictionary(n => n, n => Path.Combine(Path.GetFullPath(outputDirectory), n)),
        };
        SummaryJson.Write(files.Temp("summary.json"), result);
        files.Commit();
        return result;
    }

    /// <summary>Exception list membership: late, overdue and missing-data, less late rows older than the look-back.</summary>
    private static bool IsListed(Finding f, LocalDate cutoff) => f.Status.IsException() && f.Status switch
    {
        FindingStatus.Late => f.CompletedDate >= cutoff,
        FindingStatus.Overdue => f.LapsedOn is not { } lapsed || lapsed >= cutoff,
        _ => true,
    };

    private LocalDate LookBackCutoff(LocalDate asOf)
    {
        var t = output.ExceptionLookBack;
        return t.Unit switch
        {
            TimescaleUnit.Months => asOf.PlusMonths(-t.Amount),
            TimescaleUnit.Weeks => asOf.PlusDays(-7 * t.Amount),
            _ => asOf.PlusDays(-t.Amount),
        };
    }

    private static void WriteExceptions(string path, List<Finding> exceptions)
    {
        using var writer = CsvText.Create(path);
        var csv = new CsvText(writer);
        csv.Row(FindingRows.Header);
        var sorted = exceptions
            .OrderBy(f => f.Team ?? "\uffff", StringComparer.Ordinal)
            .ThenBy(f => f.WorkerId ?? "\uffff", StringComparer.Ordinal)
            .ThenBy(f => FindingRows.Prefixed(f.Source, f.ChildId), StringComparer.Ordinal)
            .ThenBy(f => f.DueDate ?? LocalDate.MaxIsoValue)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal);
        foreach (var f in sorted)
        {
            csv.Row(FindingRows.Row(f));
        }
    }

    private static void WriteRejected(string path, IReadOnlyList<Rejection> rejections, List<RuleFailure> failures)
    {
        using var writer = CsvText.Create(path);
        var csv = new CsvText(writer);
        csv.Row("source", "file", "line", "record_id", "field", "problem");
        foreach (var r in rejections)
        {
            csv.Row(r.Source, r.File, r.Line, r.RecordId, r.Field, r.Problem);
        }

        foreach (var f in failures)
        {
            csv.Row(f.Source, "", "", f.ChildId, f.RuleId, f.Problem);
        }
    }

    /// <summary>Files are written as <c>.name.tmp</c> and renamed into place only when the whole scan succeeded.</summary>
    private sealed class OutputFiles(string directory)
    {
        private readonly List<string> _names = [];

        public IReadOnlyList<string> Names => _names;

        public string Temp(string name)
        {
            _names.Add(name);
            return Path.Combine(directory, $".{name}.tmp");
        }

        public void Commit()
        {
            foreach (var name in _names)
            {
                File.Move(Path.Combine(directory, $".{name}.tmp"), Path.Combine(directory, name), overwrite: true);
            }
        }
    }
}

using CaseCompliance.Adapters;
using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Rules.Engine;
using System.Globalization;
using System.Text;
using CaseCompliance.Scanning.Output;
using NodaTime;

namespace CaseCompliance.Scanning;

/// <summary>A source to scan: its name (the id prefix), adapter kind, tables and options.</summary>
public sealed record ScanSource(string Name, string Kind, ITableSource Tables, SourceOptions Options);

/// <summary>
/// One scan: read every source, run every enabled rule for every child, write findings.csv, exceptions.csv,
/// rejected.csv and summary.json. A failing source is reported and never stops the others, and its last good
/// findings are published again rather than dropped; an extract much smaller than the source's last good one fails
/// the source. Files are written to temporary names and moved into place at the end, so a scan that dies leaves the
/// previous files whole; the source history is updated only then, and never with <c>store: false</c>.
/// </summary>
public sealed class Scanner(RuleEngine engine, IEnumerable<ISourceAdapter> adapters, IClock clock, OutputOptions output,
    SourceHistory? history = null)
{
    private readonly Dictionary<string, ISourceAdapter> _adapters =
        adapters.ToDictionary(a => a.Kind, StringComparer.OrdinalIgnoreCase);

    public ScanResult Run(IReadOnlyList<ScanSource> sources, LocalDate asOf, string outputDirectory,
        IProgress<ScanProgress>? progress = null, CancellationToken cancellationToken = default, bool store = true)
    {
        var started = clock.GetCurrentInstant();
        var scanId = Guid.CreateVersion7(started.ToDateTimeOffset());
        Directory.CreateDirectory(outputDirectory);
        var rejections = new RejectionLog();
        var failures = new List<RuleFailure>();
        var counts = engine.Enabled.ToDictionary(r => r.Id, _ => FindingStatuses.All.ToDictionary(s => s, _ => 0));
        var exceptions = new List<ExceptionRow>();
        var summaries = new List<SourceSummary>();
        var good = new List<(LastGood, SourceHistory.Recording)>();
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
                var previous = history?.Find(source.Name, source.Tables.Location);
                progress?.Report(new ScanProgress(source.Name, "reading", 0, 0));
                SourceExtract extract;
                try
                {
                    extract = Read(source, previous, rejections, cancellationToken);
                }
                catch (Exception e) when (e is SourceFailedException or IOException or UnauthorizedAccessException)
                {
                    // Never publish a failed source as if its breaches were resolved: its last good findings stand.
                    var kept = 0;
                    foreach (var row in previous is null ? [] : history!.Rows(previous))
                    {
                        findingsCsv.Row(row);
                        kept++;
                        if (counts.TryGetValue(row[0], out var byStatus))
                        {
                            byStatus[FindingStatuses.Parse(row[1])]++;
                        }

                        if (ExceptionRow.From(row, lookBack) is { } listed)
                        {
                            exceptions.Add(listed);
                        }
                    }

                    findingCount += kept;
                    summaries.Add(summary with
                    {
                        Status = "failed",
                        Reason = e.Message,
                        RecordsRejected = rejections.RowsRejected(source.Name),
                        Findings = kept,
                        KeptFrom = kept > 0 ? previous?.AsOf : null,
                    });
                    progress?.Report(new ScanProgress(source.Name, "failed", 0, 0));
                    continue;
                }
                finally
                {
                    (source.Tables as IDisposable)?.Dispose();
                }

                var recording = store ? history?.Record(source.Name, source.Tables.Location) : null;
                var findings = 0;
                var total = extract.Cases.Count;
                var done = 0;

                // Children are evaluated in batches on every core; each batch's findings are written in child order,
                // so the files are the same whatever the number of cores.
                foreach (var batch in Evaluate(extract, asOf, lookBack, cancellationToken))
                {
                    findingsWriter.Write(batch.Csv);
                    recording?.Writer.Write(batch.Csv);
                    findings += batch.Findings;
                    exceptions.AddRange(batch.Exceptions);
                    failures.AddRange(batch.Failures);
                    foreach (var (rule, status, n) in batch.Counts)
                    {
                        counts[rule][status] += n;
                    }

                    done += batch.Children;
                    progress?.Report(new ScanProgress(source.Name, "evaluating", done, total));
                }

                findingCount += findings;
                if (recording is not null)
                {
                    good.Add((new LastGood(source.Name, source.Tables.Location, scanId, asOf, extract.RowsRead, total), recording));
                }

                summaries.Add(summary with
                {
                    RecordsRead = extract.RowsRead,
                    RecordsRejected = rejections.RowsRejected(source.Name),
                    Children = total,
                    Findings = findings,
                });
            }
        }

        WriteExceptions(files.Temp("exceptions.csv"), exceptions);
        WriteRejected(files.Temp("rejected.csv"), rejections.Items, failures);
        var summaryPath = files.Temp("summary.json");
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
        SummaryJson.Write(summaryPath, result);
        files.Commit();
        history?.Save(good);

        return result;
    }

    private const int BatchSize = 256;

    /// <summary>One batch of children evaluated: its findings as CSV text, exceptions, counts and rule failures.</summary>
    private sealed record Batch(int Children, string Csv, int Findings, List<ExceptionRow> Exceptions,
        List<(string Rule, FindingStatus Status, int Count)> Counts, List<RuleFailure> Failures);

    /// <summary>Evaluates the children in batches, a window of them at a time in parallel, yielded in order.</summary>
    private IEnumerable<Batch> Evaluate(SourceExtract extract, LocalDate asOf, LocalDate lookBack, CancellationToken cancellationToken)
    {
        var cases = extract.Cases;
        var batches = (cases.Count + BatchSize - 1) / BatchSize;
        var window = Math.Max(2, Environment.ProcessorCount * 2);
        for (var first = 0; first < batches; first += window)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var results = new Batch[Math.Min(window, batches - first)];
            Parallel.For(0, results.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                var from = (first + i) * BatchSize;
                results[i] = EvaluateBatch(extract, from, Math.Min(from + BatchSize, cases.Count), asOf, lookBack);
            });
            foreach (var batch in results)
            {
                yield return batch;
            }
        }
    }

    private Batch EvaluateBatch(SourceExtract extract, int from, int to, LocalDate asOf, LocalDate lookBack)
    {
        var text = new StringWriter(new StringBuilder(16 * 1024));
        var exceptions = new List<ExceptionRow>();
        var failures = new List<RuleFailure>();
        var counts = new Dictionary<(string, FindingStatus), int>();
        var findings = 0;
        for (var i = from; i < to; i++)
        {
            foreach (var f in engine.Evaluate(extract.Cases[i], extract.Directory, asOf, failures))
            {
                FindingRows.Write(text, f);
                findings++;
                counts[(f.RuleId, f.Status)] = counts.GetValueOrDefault((f.RuleId, f.Status)) + 1;
                if (IsListed(f, lookBack))
                {
                    exceptions.Add(ExceptionRow.From(f, FindingRows.Row(f)));
                }
            }
        }

        return new Batch(to - from, text.ToString(), findings, exceptions,
            [.. counts.Select(c => (c.Key.Item1, c.Key.Item2, c.Value))], failures);
    }

    /// <summary>Reads a source and refuses an extract much smaller than its last good one (a half-written export).</summary>
    private SourceExtract Read(ScanSource source, LastGood? previous, RejectionLog rejections, CancellationToken cancellationToken)
    {
        if (!_adapters.TryGetValue(source.Kind, out var adapter))
        {
            throw new SourceFailedException($"no adapter for source kind '{source.Kind}' (known: {string.Join(", ", _adapters.Keys)}).");
        }

        var extract = adapter.Read(source.Name, source.Tables, source.Options, rejections, cancellationToken);
        var fraction = source.Options.MinimumRowFraction;
        if (previous is not null && fraction > 0 && extract.RowsRead < previous.RowsRead * fraction)
        {
            throw new SourceFailedException(string.Format(CultureInfo.InvariantCulture,
                "the extract has {0} rows, fewer than {1:0%} of the last good extract ({2} rows, as of {3:yyyy-MM-dd}); " +
                "it looks empty or truncated (Sources:{4}:MinimumRowFraction).",
                extract.RowsRead, fraction, previous.RowsRead, previous.AsOf, source.Name));
        }

        return extract;
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

    private static void WriteExceptions(string path, List<ExceptionRow> exceptions)
    {
        using var writer = CsvText.Create(path);
        var csv = new CsvText(writer);
        csv.Row(FindingRows.Header);
        foreach (var e in exceptions.OrderBy(e => e.SortKey, StringComparer.Ordinal))
        {
            csv.Row(e.Row);
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

/// <summary>A row of the exception list with its sort key: team, worker, child, due date (empty last), rule.</summary>
internal sealed record ExceptionRow(string SortKey, IReadOnlyList<string?> Row)
{
    private const char Last = '\uffff';

    public static ExceptionRow From(Finding f, string?[] row) => new(Key(f.Team, f.WorkerId, row[2], FindingRows.Date(f.DueDate), f.RuleId), row);

    /// <summary>A findings.csv row kept from an earlier scan, if it belongs on the list (same rules as a new one,
    /// judged from its columns).</summary>
    public static ExceptionRow? From(string[] row, LocalDate lookBack)
    {
        var status = row[1];
        var listed = status switch
        {
            "late" => string.CompareOrdinal(row[7], FindingRows.Date(lookBack)) >= 0,
            "overdue" or "missing-data" => true,
            _ => false,
        };
        return listed ? new ExceptionRow(Key(row[11], row[10], row[2], row[6], row[0]), row) : null;
    }

    private static string Key(string? team, string? worker, string? child, string? due, string rule) =>
        string.Join('\u0001', Or(team), Or(worker), child, Or(due), rule);

    private static string Or(string? s) => string.IsNullOrEmpty(s) ? Last.ToString() : s;
}

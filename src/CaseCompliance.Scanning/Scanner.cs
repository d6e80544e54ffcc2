using CaseCompliance.Adapters;
using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Streaming;
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
        IProgress<ScanProgress>? progress = null, CancellationToken cancellationToken = default, bool store = true,
        IScanObserver? observer = null, ICaseSupplement? supplement = null)
    {
        var hooks = new ScanHooks(observer, supplement);
        var started = clock.GetCurrentInstant();
        var scanId = Guid.CreateVersion7(started.ToDateTimeOffset());
        Directory.CreateDirectory(outputDirectory);
        var rejections = new RejectionLog();
        var failures = new List<RuleFailure>();
        var counts = engine.Enabled.ToDictionary(r => r.Id, _ => FindingStatuses.All.ToDictionary(s => s, _ => 0));
        var summaries = new List<SourceSummary>();
        var good = new List<(LastGood, SourceHistory.Recording)>();
        var lookBack = output.ExceptionCutoff(asOf);
        var findingCount = 0;

        var files = new OutputFiles(outputDirectory);
        using var exceptions = new ExceptionList(Path.Combine(outputDirectory, ".exceptions.scratch.tmp"));
        using (var findingsWriter = CsvText.Create(files.Temp("findings.csv")))
        {
            var findingsCsv = new CsvText(findingsWriter, neutralise: true);
            findingsCsv.Row(FindingRows.Header);
            foreach (var source in sources)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var summary = new SourceSummary(source.Name, source.Kind, source.Tables.Location);
                var previous = history?.Find(source.Name, source.Tables.Location);
                progress?.Report(new ScanProgress(source.Name, "reading", 0, 0));
                var recording = store ? history?.Record(source.Name, source.Tables.Location) : null;
                var sink = new SourceSink(findingsWriter, recording?.Writer, exceptions);
                var start = sink.Mark();
                SourceRead read;
                try
                {
                    read = ReadAndEvaluate(source, sink, asOf, lookBack, rejections, progress, hooks, cancellationToken);
                    CheckSize(source, previous, read);
                }
                catch (Exception e) when (e is SourceFailedException or IOException or UnauthorizedAccessException)
                {
                    // Nothing of a failed source is published: what it wrote is taken back, and its last good
                    // findings stand, so that its breaches never look resolved.
                    sink.Rollback(start);
                    recording?.Dispose();
                    var kept = 0;
                    foreach (var row in previous is null ? [] : history!.Rows(previous))
                    {
                        findingsCsv.Row(row);
                        kept++;
                        if (counts.TryGetValue(row[0], out var byStatus))
                        {
                            byStatus[FindingStatuses.Parse(row[1])]++;
                        }

                        if (IsListed(row, lookBack))
                        {
                            exceptions.Add(row);
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

                findingCount += sink.Findings;
                failures.AddRange(sink.Failures);
                foreach (var ((rule, status), n) in sink.Counts)
                {
                    counts[rule][status] += n;
                }

                if (recording is not null)
                {
                    good.Add((new LastGood(source.Name, source.Tables.Location, scanId, asOf, read.RowsRead, read.Children), recording));
                }

                summaries.Add(summary with
                {
                    RecordsRead = read.RowsRead,
                    RecordsRejected = rejections.RowsRejected(source.Name),
                    Children = read.Children,
                    Findings = sink.Findings,
                    Reading = read.Streamed ? "streamed" : "whole",
                    ReadingNote = read.Note,
                });
            }
        }

        var exceptionsCsv = files.Temp("exceptions.csv");
        exceptions.WriteSorted(exceptionsCsv);
        ExceptionWorkbook.Write(files.Temp("exceptions.xlsx"), ExceptionCsv.Rows(exceptionsCsv), asOf);
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

    /// <summary>How a source was read: rows, children, streamed or whole, and why not streamed when it could have been.</summary>
    private sealed record SourceRead(long RowsRead, int Children, bool Streamed, string? Note);

    /// <summary>
    /// Reads a source and evaluates its children into <paramref name="sink"/>: a window of children at a time when the
    /// adapter can stream and the tables are in person order (the next window is read while this one is evaluated),
    /// else the whole extract at once. A stream found out of order is taken back and the source read whole.
    /// </summary>
    private SourceRead ReadAndEvaluate(ScanSource source, SourceSink sink, LocalDate asOf, LocalDate lookBack,
        RejectionLog rejections, IProgress<ScanProgress>? progress, ScanHooks hooks, CancellationToken cancellationToken)
    {
        if (!_adapters.TryGetValue(source.Kind, out var adapter))
        {
            throw new SourceFailedException($"no adapter for source kind '{source.Kind}' (known: {string.Join(", ", _adapters.Keys)}).");
        }

        string? note = null;
        if (source.Options.StreamWindow > 0 && adapter.Streaming is { } layout &&
            PersonWindows.Open(source.Tables, layout, new ColumnMap(source.Options.Columns), source.Options.StreamWindow,
                cancellationToken) is { } windows)
        {
            var mark = sink.Mark();
            var rejectionMark = rejections.Count;
            try
            {
                return Stream(source, adapter, windows, sink, asOf, lookBack, rejections, progress, hooks, cancellationToken);
            }
            catch (ExtractNotOrderedException e)
            {
                sink.Rollback(mark);
                rejections.RemoveAfter(rejectionMark);
                note = e.Message;
            }
        }

        var extract = adapter.Read(source.Name, source.Tables, source.Options, rejections, cancellationToken);
        Evaluate(source.Name, extract, 0, extract.Cases.Count, sink, asOf, lookBack, progress, hooks, cancellationToken);
        return new SourceRead(extract.RowsRead, extract.Cases.Count, false, note);
    }

    private SourceRead Stream(ScanSource source, ISourceAdapter adapter, PersonWindows windows, SourceSink sink,
        LocalDate asOf, LocalDate lookBack, RejectionLog rejections, IProgress<ScanProgress>? progress, ScanHooks hooks,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var ready = new System.Collections.Concurrent.BlockingCollection<SourceExtract>(boundedCapacity: 1);
        var rows = 0L;
        var reader = Task.Run(() =>
        {
            try
            {
                var first = true;
                foreach (var tables in windows.Read(stop.Token))
                {
                    var mark = rejections.Count;
                    var extract = adapter.Read(source.Name, tables, source.Options, rejections, stop.Token);
                    if (!first)
                    {
                        // The directory tables come with every window: count and reject their rows once.
                        rejections.RemoveAfter(mark, r => windows.DirectoryFiles.Contains(r.File));
                        extract = extract with { RowsRead = extract.RowsRead - windows.DirectoryRows };
                    }

                    first = false;
                    rows += extract.RowsRead;
                    ready.Add(extract, stop.Token);
                }
            }
            finally
            {
                ready.CompleteAdding();
            }
        }, stop.Token);

        var children = 0;
        try
        {
            foreach (var extract in ready.GetConsumingEnumerable(cancellationToken))
            {
                Evaluate(source.Name, extract, children, windows.People, sink, asOf, lookBack, progress, hooks, cancellationToken);
                children += extract.Cases.Count;
            }
        }
        catch
        {
            // The evaluation failed or was cancelled: stop the reader and report this failure, not its cancellation.
            stop.Cancel();
            try
            {
                reader.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
            }

            throw;
        }

        // The reader ends the queue when it finishes or fails; a failure (disorder, a bad table) is rethrown here.
        reader.GetAwaiter().GetResult();
        return new SourceRead(rows, children, true, null);
    }

    /// <summary>Evaluates one extract's children in batches, a window of batches at a time on every core; each
    /// batch's findings are written in child order, so the files are the same whatever the number of cores.</summary>
    private void Evaluate(string source, SourceExtract extract, int before, int total, SourceSink sink, LocalDate asOf,
        LocalDate lookBack, IProgress<ScanProgress>? progress, ScanHooks hooks, CancellationToken cancellationToken)
    {
        hooks.Observer?.Read(source, extract);
        var cases = extract.Cases;
        var batches = (cases.Count + BatchSize - 1) / BatchSize;
        var window = Math.Max(2, Environment.ProcessorCount * 2);
        var done = before;
        for (var first = 0; first < batches; first += window)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var results = new Batch[Math.Min(window, batches - first)];
            Parallel.For(0, results.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                var from = (first + i) * BatchSize;
                results[i] = EvaluateBatch(extract, from, Math.Min(from + BatchSize, cases.Count), asOf, lookBack, hooks.Supplement);
            });
            foreach (var batch in results)
            {
                sink.Add(batch);
                done += batch.Children;
                progress?.Report(new ScanProgress(source, "evaluating", done, Math.Max(total, done)));
            }
        }
    }

    /// <summary>One batch of children evaluated: its findings as CSV text, exceptions, counts and rule failures.</summary>
    private sealed record Batch(int Children, StringBuilder Csv, int Findings, List<ExceptionEntry> Exceptions,
        Dictionary<(string, FindingStatus), int> Counts, List<RuleFailure> Failures);

    private Batch EvaluateBatch(SourceExtract extract, int from, int to, LocalDate asOf, LocalDate lookBack, ICaseSupplement? supplement)
    {
        var csv = new StringBuilder(64 * 1024);
        var text = new StringWriter(csv);
        var exceptions = new List<ExceptionEntry>();
        var failures = new List<RuleFailure>();
        var counts = new Dictionary<(string, FindingStatus), int>();
        var findings = 0;
        for (var i = from; i < to; i++)
        {
            var record = supplement is null ? extract.Cases[i] : supplement.Supplement(extract.Name, extract.Cases[i]);
            foreach (var f in engine.Evaluate(record, extract.Directory, asOf, failures))
            {
                var start = csv.Length;
                FindingRows.Write(text, f);
                findings++;
                counts[(f.RuleId, f.Status)] = counts.GetValueOrDefault((f.RuleId, f.Status)) + 1;
                if (IsListed(f, lookBack))
                {
                    // An exception list row is the same line as in findings.csv.
                    exceptions.Add(ExceptionEntry.Of(f, start, csv.Length - start));
                }
            }
        }

        return new Batch(to - from, csv, findings, exceptions, counts, failures);
    }

    /// <summary>
    /// A source's findings as they are evaluated: written to findings.csv (and the source history) at once, the rest
    /// kept until the source has been read to the end. <see cref="Rollback"/> takes back what was written since a mark.
    /// </summary>
    private sealed class SourceSink(StreamWriter findings, TextWriter? recording, ExceptionList exceptions)
    {
        public int Findings { get; private set; }
        public List<RuleFailure> Failures { get; } = [];
        public Dictionary<(string, FindingStatus), int> Counts { get; private set; } = [];

        public void Add(Batch batch)
        {
            findings.Write(batch.Csv);
            recording?.Write(batch.Csv);
            exceptions.Add(batch.Csv, batch.Exceptions);
            Findings += batch.Findings;
            Failures.AddRange(batch.Failures);
            foreach (var (key, n) in batch.Counts)
            {
                Counts[key] = Counts.GetValueOrDefault(key) + n;
            }
        }

        public Mark Mark()
        {
            findings.Flush();
            recording?.Flush();
            return new Mark(findings.BaseStream.Position, (recording as StreamWriter)?.BaseStream.Position ?? 0, exceptions.Mark());
        }

        public void Rollback(Mark mark)
        {
            Truncate(findings, mark.Findings);
            if (recording is StreamWriter r)
            {
                Truncate(r, mark.Recording);
            }

            exceptions.Rollback(mark.Exceptions);
            Findings = 0;
            Failures.Clear();
            Counts = [];
        }
    }

    private sealed record Mark(long Findings, long Recording, (int, long) Exceptions);

    private static void Truncate(StreamWriter writer, long position)
    {
        writer.Flush();
        writer.BaseStream.SetLength(position);
        writer.BaseStream.Position = position;
    }

    /// <summary>
    /// Refuses an extract that gave no child at all, or far fewer rows or children than its last good one (a
    /// half-written export, or one whose rows were rejected): its breaches must not look resolved. Rows read catch a
    /// truncated file of any table; children accepted catch a person table whose rows are there but unusable.
    /// </summary>
    private static void CheckSize(ScanSource source, LastGood? previous, SourceRead read)
    {
        if (read.Children == 0)
        {
            throw new SourceFailedException(string.Format(CultureInfo.InvariantCulture,
                "the extract gave no child ({0} rows read, none of them a child that could be used); it looks empty or broken.",
                read.RowsRead));
        }

        var fraction = source.Options.MinimumRowFraction;
        if (previous is not null && fraction > 0 && read.RowsRead < previous.RowsRead * fraction)
        {
            throw new SourceFailedException(string.Format(CultureInfo.InvariantCulture,
                "the extract has {0} rows, fewer than {1:0%} of the last good extract ({2} rows, as of {3:yyyy-MM-dd}); " +
                "it looks empty or truncated (Sources:{4}:MinimumRowFraction).",
                read.RowsRead, fraction, previous.RowsRead, previous.AsOf, source.Name));
        }

        if (previous is not null && fraction > 0 && previous.Children > 0 && read.Children < previous.Children * fraction)
        {
            throw new SourceFailedException(string.Format(CultureInfo.InvariantCulture,
                "the extract gave {0} children, fewer than {1:0%} of the last good extract ({2} children, as of {3:yyyy-MM-dd}); " +
                "it looks truncated or broken (Sources:{4}:MinimumRowFraction).",
                read.Children, fraction, previous.Children, previous.AsOf, source.Name));
        }
    }

    /// <summary>Exception list membership: late, overdue and missing-data, less late rows older than the look-back.</summary>
    private static bool IsListed(Finding f, LocalDate cutoff) => f.Status.IsException() && f.Status switch
    {
        FindingStatus.Late => f.CompletedDate >= cutoff,
        FindingStatus.Overdue => f.LapsedOn is not { } lapsed || lapsed >= cutoff,
        _ => true,
    };

    /// <summary>The same judgement for a findings.csv row kept from an earlier scan, from its columns.</summary>
    private static bool IsListed(string[] row, LocalDate cutoff) => row[1] switch
    {
        "late" => string.CompareOrdinal(row[7], FindingRows.Date(cutoff)) >= 0,
        "overdue" or "missing-data" => true,
        _ => false,
    };

    private static void WriteRejected(string path, IReadOnlyList<Rejection> rejections, List<RuleFailure> failures)
    {
        using var writer = CsvText.Create(path);
        var csv = new CsvText(writer, neutralise: true);
        csv.Row("source", "file", "line", "record_id", "field", "problem");
        // In reading order of sources, then by file and line: the same list whether the source was streamed in
        // windows or read whole.
        var sources = rejections.Select(r => r.Source).Distinct().Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        foreach (var r in rejections.OrderBy(r => sources[r.Source]).ThenBy(r => r.File, StringComparer.Ordinal)
                     .ThenBy(r => r.Line.Length).ThenBy(r => r.Line, StringComparer.Ordinal))
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

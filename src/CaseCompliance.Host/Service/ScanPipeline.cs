using CaseCompliance.Adapters;
using CaseCompliance.Rules.Engine;
using CaseCompliance.Scanning;
using CaseCompliance.Scanning.Output;
using CaseCompliance.Storage;
using NodaTime;
using Serilog;
using Serilog.Context;

namespace CaseCompliance.Host.Service;

/// <summary>What one run of the pipeline should do.</summary>
public sealed record ScanRequest(IReadOnlyList<ScanSource> Sources, LocalDate AsOf, string OutputDirectory, bool Store,
    string? TriggerSlot = null, bool Alerts = true);

/// <summary>What the pipeline did: the scan's files and, when stored, the stored scan with its comparison.</summary>
public sealed record PipelineResult(ScanResult Scan, StoredScan? Stored, string? TeamFolder);

/// <summary>
/// One whole scan, as the <c>scan</c> verb and the nightly job both run it: read and evaluate every source (files),
/// store the scan whole or not at all, write the team files with new/persisting marked, then plan and send the drift
/// alerts. Storage and alerts come after the files, so a database that is down never costs the exception list.
/// </summary>
public sealed class ScanPipeline(Scanner scanner, IScanStore store, OutputOptions output, IClock clock,
    Func<Guid, Instant, CancellationToken, Task>? alerts = null, ICaseworkStore? casework = null)
{
    public async Task<PipelineResult> RunAsync(ScanRequest request, IProgress<ScanProgress>? progress, TextWriter? status,
        CancellationToken cancellationToken)
    {
        var observer = request.Store ? new DirectoryCollector() : null;
        RecordedAudits? recorded = null;
        if (request.Store)
        {
            // Once per run, before the scan: the audits recorded on the web pages count at this scan (never with
            // --no-store, which leaves the database alone), and the scan is stored at the end.
            await store.MigrateAsync(cancellationToken);
            recorded = casework is null ? null : await RecordedAudits.LoadAsync(casework, cancellationToken);
        }

        var result = scanner.Run(request.Sources, request.AsOf, request.OutputDirectory, progress, cancellationToken,
            store: request.Store, observer: observer, supplement: recorded);
        using var scanProperty = LogContext.PushProperty("ScanId", result.ScanId);
        foreach (var source in result.Sources)
        {
            Log.Information("Source {Source} {Status}: {Rows} rows read, {Rejected} rejected, {Children} children, {Findings} findings",
                source.Name, source.Status, source.RecordsRead, source.RecordsRejected, source.Children, source.Findings);
        }

        foreach (var (rule, byStatus) in result.Counts)
        {
            Log.Debug("Rule {RuleId}: {Findings} findings, {Exceptions} exceptions", rule, byStatus.Values.Sum(),
                byStatus.Where(s => s.Key.IsException()).Sum(s => s.Value));
        }

        StoredScan? stored = null;
        Dictionary<string, BreachChange>? changes = null;
        if (request.Store)
        {
            status?.WriteLine("Storing the scan...");
            var toStore = new ScanToStore(result.ScanId, result.AsOf, result.StartedAt, result.FinishedAt,
                result.Sources.Select(s => new SourceOutcome(s.Name, s.Kind, s.Status, s.Reason, s.RecordsRead, s.RecordsRejected,
                    s.Children, s.Findings, s.KeptFrom)).ToList(), request.TriggerSlot)
            {
                Children = observer!.Children,
                Staff = observer.Staff,
                Teams = observer.Teams,
            };
            stored = await store.SaveScanAsync(toStore, ExceptionCsv.Rows(result.Files["findings.csv"]), cancellationToken);
            Log.Information("Scan {ScanId} stored: {New} new, {Persisting} persisting, {Resolved} resolved",
                stored.ScanId, stored.New, stored.Persisting, stored.Resolved);
            changes = (await store.FindingsAsync(stored.ScanId, new FindingQuery(ExceptionsOnly: true), cancellationToken))
                .GroupBy(f => f.ObligationKey).ToDictionary(g => g.Key, g => g.First().Change);
        }

        string? teamFolder = null;
        if (output.TeamFiles)
        {
            var lookup = changes;
            teamFolder = TeamFiles.Write(request.OutputDirectory, request.AsOf, ExceptionCsv.Rows(result.Files["exceptions.csv"]),
                lookup is null ? null : row => lookup.TryGetValue(ObligationKeys.Of(row), out var c) ? c.Text() : "",
                output.TeamFolderRetention).Folder;
        }

        if (stored is not null && request.Alerts && alerts is not null)
        {
            try
            {
                await alerts(stored.ScanId, clock.GetCurrentInstant(), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Alerts stay in the outbox and are retried by the service; the scan itself is done.
                Log.Error("Drift alerts for scan {ScanId} could not be planned or sent: {ExceptionType}", stored.ScanId, e.GetType().Name);
            }
        }

        return new PipelineResult(result, stored, teamFolder);
    }

    /// <summary>Children, staff and teams the extracts named, kept for the scan history (latest per id).</summary>
    private sealed class DirectoryCollector : IScanObserver
    {
        private readonly Dictionary<string, ChildRecord> _children = new(StringComparer.Ordinal);
        private readonly Dictionary<(string, string), StaffRecord> _staff = [];
        private readonly Dictionary<(string, string), TeamRecord> _teams = [];

        public IReadOnlyList<ChildRecord> Children => [.. _children.Values];
        public IReadOnlyList<StaffRecord> Staff => [.. _staff.Values];
        public IReadOnlyList<TeamRecord> Teams => [.. _teams.Values];

        public void Read(string source, SourceExtract extract)
        {
            foreach (var c in extract.Cases)
            {
                var id = FindingRows.Prefixed(source, c.Person.Id);
                _children[id] = new ChildRecord(id, source, c.Person.Forename, c.Person.Surname, c.Person.DateOfBirth);
            }

            foreach (var w in extract.Directory.Workers.Values)
            {
                _staff[(source, w.Id)] = new StaffRecord(source, w.Id, w.Name, w.JobTitle, w.TeamId);
            }

            foreach (var t in extract.Directory.Teams.Values)
            {
                _teams[(source, t.Id)] = new TeamRecord(source, t.Id, t.Name, t.ParentId);
            }
        }
    }
}

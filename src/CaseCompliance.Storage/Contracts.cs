using NodaTime;

namespace CaseCompliance.Storage;

/// <summary>The <c>Storage</c> section: which database, and where.</summary>
public sealed class StorageOptions
{
    /// <summary><c>sqlite</c> (default: a file under <see cref="Directory"/>, no set-up) or <c>postgresql</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>For PostgreSQL (required) or to override the SQLite file (<c>Data Source=...</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder of the SQLite database file (<c>casecompliance.db</c>) and the source history.</summary>
    public string Directory { get; set; } = "data";

    /// <summary>Scans whose findings are kept; older scans keep their summary row only. 0 keeps everything.</summary>
    public int KeepScans { get; set; } = 400;
}

/// <summary>How a breach compares with the previous scan of its source (ADR 006).</summary>
public enum BreachChange
{
    /// <summary>Not a breach now, or a closed (late) breach that was already a breach before.</summary>
    None,

    /// <summary>A breach now that was not one in the previous scan.</summary>
    New,

    /// <summary>Open (overdue or missing-data) now and in the previous scan.</summary>
    Persisting,
}

/// <summary>The spelling of a change in files and pages: <c>new</c>, <c>persisting</c> or empty.</summary>
public static class BreachChanges
{
    public static string Text(this BreachChange change) => change switch
    {
        BreachChange.New => "new",
        BreachChange.Persisting => "persisting",
        _ => "",
    };
}

/// <summary>One source's outcome in a scan, as summary.json gives it.</summary>
public sealed record SourceOutcome(string Name, string Kind, string Status, string? Reason, long RecordsRead,
    int RecordsRejected, int Children, int Findings, LocalDate? KeptFrom);

/// <summary>
/// A completed scan to store: the run, its sources, the children and staff its extracts named (for digests and pages;
/// kept as the latest known per id), and (streamed separately) its findings.csv rows.
/// </summary>
public sealed record ScanToStore(Guid ScanId, LocalDate AsOf, Instant StartedAt, Instant FinishedAt,
    IReadOnlyList<SourceOutcome> Sources, string? TriggerSlot)
{
    public IReadOnlyList<ChildRecord> Children { get; init; } = [];
    public IReadOnlyList<StaffRecord> Staff { get; init; } = [];
    public IReadOnlyList<TeamRecord> Teams { get; init; } = [];
}

/// <summary>A child as the findings name it (id prefixed, <c>standard:C001</c>); names are personal data, never logged.</summary>
public sealed record ChildRecord(string ChildId, string Source, string? Forename, string? Surname, LocalDate? DateOfBirth)
{
    /// <summary>Initials, as digests show by default: <c>J.S.</c>; empty parts are skipped.</summary>
    public string Initials => string.Concat(new[] { Forename, Surname }
        .Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => char.ToUpperInvariant(n!.Trim()[0]) + "."));
}

/// <summary>A practitioner of a source: id as in findings.csv's <c>worker_id</c> (not prefixed), job title, team.</summary>
public sealed record StaffRecord(string Source, string WorkerId, string? Name, string? JobTitle, string? TeamId);

/// <summary>A team of a source: id as in findings.csv's <c>team</c> column.</summary>
public sealed record TeamRecord(string Source, string TeamId, string? Name, string? ParentId);

/// <summary>A stored scan with its comparison counts.</summary>
public sealed record StoredScan(Guid ScanId, LocalDate AsOf, Instant StartedAt, Instant FinishedAt, string? TriggerSlot,
    int Findings, int New, int Persisting, int Resolved, IReadOnlyList<SourceOutcome> Sources)
{
    /// <summary>False once retention (<see cref="StorageOptions.KeepScans"/>) has deleted the scan's findings; its counts stay.</summary>
    public bool FindingsKept { get; init; } = true;
}

/// <summary>A stored finding: the findings.csv columns (ids prefixed) with its obligation and comparison.</summary>
public sealed record StoredFinding(
    string RuleId, string Status, string ChildId, string? EpisodeId, string Source,
    LocalDate? AnchorDate, LocalDate? DueDate, LocalDate? CompletedDate, int? DaysLate, int? WorkingDaysLate,
    string? WorkerId, string? Team, string Evidence, string Detail,
    string ObligationKey, BreachChange Change, bool Stale, LocalDate? FirstBreachedOn);

/// <summary>An obligation that was an open breach in the previous scan and is not any more.</summary>
public sealed record ResolvedBreach(string ObligationKey, string RuleId, string ChildId, string? EpisodeId, string Source,
    LocalDate? DueDate, string PreviousStatus, string? NowStatus, string? WorkerId, string? Team);

/// <summary>A child with repeated breaches: obligations first breached within the window.</summary>
public sealed record ChronicCase(string ChildId, string? Team, string? WorkerId, int Breaches, IReadOnlyList<string> RuleIds);

/// <summary>Filter for <see cref="IScanStore.FindingsAsync"/>; null means any.</summary>
public sealed record FindingQuery(string? Team = null, string? ChildId = null, bool ExceptionsOnly = false,
    IReadOnlyCollection<string>? Statuses = null);

/// <summary>
/// Scan history: every scan whole or not at all, its findings, and per obligation when its breach was first and last
/// seen. SQLite by default, PostgreSQL by connection string; the schema is created and migrated by <see cref="MigrateAsync"/>.
/// </summary>
public interface IScanStore
{
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a completed scan in one transaction: the scan, its sources, its findings.csv rows (a failed source's
    /// republished rows are marked stale and leave its obligations untouched), new/persisting/resolved against the
    /// previous stored scan of each source. A scan with the same <see cref="ScanToStore.TriggerSlot"/> as a stored one
    /// is refused with <see cref="DuplicateScanException"/>.
    /// </summary>
    Task<StoredScan> SaveScanAsync(ScanToStore scan, IEnumerable<string?[]> findingsRows, CancellationToken cancellationToken = default);

    Task<StoredScan?> LatestScanAsync(CancellationToken cancellationToken = default);

    Task<StoredScan?> ScanAsync(Guid scanId, CancellationToken cancellationToken = default);

    /// <summary>The newest first.</summary>
    Task<IReadOnlyList<StoredScan>> ScansAsync(int take, CancellationToken cancellationToken = default);

    Task<bool> SlotTakenAsync(string triggerSlot, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredFinding>> FindingsAsync(Guid scanId, FindingQuery query, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ResolvedBreach>> ResolvedAsync(Guid scanId, CancellationToken cancellationToken = default);

    /// <summary>Children with at least <paramref name="minimumBreaches"/> obligations first breached in the <paramref name="days"/> days up to the scan's as-of date.</summary>
    Task<IReadOnlyList<ChronicCase>> ChronicAsync(Guid scanId, int days, int minimumBreaches, CancellationToken cancellationToken = default);

    /// <summary>The latest known record of each child named (ids prefixed); unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<string, ChildRecord>> ChildrenAsync(IEnumerable<string> childIds, CancellationToken cancellationToken = default);

    /// <summary>Staff and teams as the latest stored scan of each source gave them.</summary>
    Task<(IReadOnlyList<StaffRecord> Staff, IReadOnlyList<TeamRecord> Teams)> DirectoryAsync(CancellationToken cancellationToken = default);
}

/// <summary>A scan for a trigger slot (one firing of the schedule) that is already stored.</summary>
public sealed class DuplicateScanException(string slot) : Exception($"a scan for schedule slot {slot} is already stored.")
{
    public string Slot { get; } = slot;
}

/// <summary>One message waiting to be delivered: a digest for one recipient over one channel, for one scan.</summary>
public sealed record OutboxMessage(long Id, Guid ScanId, string Channel, string Recipient, string Subject,
    string TextBody, string? HtmlBody, int Attempts, string State, string? LastError);

/// <summary>
/// The alert outbox: a message is enqueued once per (scan, channel, recipient) and delivered once. A delivery is
/// claimed (committed as <c>sending</c>) before it is attempted and recorded <c>sent</c> after; a claim found
/// unfinished after its lease (the process died between sending and recording) becomes <c>in-doubt</c> and is never
/// sent again, so nothing is sent twice.
/// </summary>
public interface IOutbox
{
    /// <summary>Adds messages; one already there for the same scan, channel and recipient is left as it is.</summary>
    Task<int> EnqueueAsync(IEnumerable<OutboxMessage> messages, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Claims the next message due (pending, or failed with its retry time passed); null when none.</summary>
    Task<OutboxMessage?> ClaimNextAsync(Instant now, string claimant, CancellationToken cancellationToken = default);

    Task MarkSentAsync(long id, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt: retried at <paramref name="retryAt"/>, or <c>dead</c> when null.</summary>
    Task MarkFailedAsync(long id, string error, Instant? retryAt, CancellationToken cancellationToken = default);

    /// <summary>Claims older than <paramref name="lease"/> become <c>in-doubt</c>; returns how many.</summary>
    Task<int> ExpireClaimsAsync(Instant now, Duration lease, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OutboxMessage>> MessagesAsync(Guid? scanId = null, CancellationToken cancellationToken = default);
}

using System.Data.Common;
using System.Text.RegularExpressions;
using NodaTime;

namespace CaseCompliance.Storage.Sql;

/// <summary>Which writers a write transaction excludes while it runs.</summary>
internal enum WriteLock
{
    /// <summary>Only the rows it touches (PostgreSQL); SQLite still takes its one write lock.</summary>
    None,

    /// <summary>Schema migration: one process at a time.</summary>
    Migrate,

    /// <summary>Scan saves and retention: one at a time, so each compares against the scan saved just before it.</summary>
    Save,
}

/// <summary>
/// What differs between the databases: connections, transactions and locks, column types, how values are bound and
/// read, and how a scan's findings are streamed in. The SQL of the store is otherwise shared: both speak
/// <c>INSERT … ON CONFLICT</c>, <c>RETURNING</c>, window functions and <c>UPDATE … WHERE EXISTS</c>.
/// </summary>
internal abstract partial class Dialect : IAsyncDisposable
{
    /// <summary><c>sqlite</c> or <c>postgresql</c>.</summary>
    public abstract string Provider { get; }

    /// <summary>Command timeout (seconds, 0 = none) for the statements of a scan save, which can touch a million rows.</summary>
    public abstract int LongCommandTimeout { get; }

    /// <summary>Appended to the claim query's row selection so concurrent claimants pass over each other's rows.</summary>
    public virtual string SkipLocked => "";

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that holds the write lock from its first statement (no lock upgrade deadlocks).</summary>
    public abstract Task<DbTransaction> BeginAsync(DbConnection connection, WriteLock writeLock, CancellationToken cancellationToken);

    /// <summary>
    /// The schema's column types for this database: <c>{text}</c>, <c>{uuid}</c>, <c>{date}</c>, <c>{instant}</c>, …;
    /// and <c>{append-only table}</c>, the statements that make a table refuse updates and deletes.
    /// </summary>
    public abstract string Render(string ddl);

    /// <summary>
    /// Trigger statements (each on one line, separated by <c>;</c> and a new line, the last without <c>;</c>) after
    /// which the database itself refuses to change or delete rows of <paramref name="table"/>.
    /// </summary>
    protected abstract string AppendOnly(string table);

    /// <summary>Expands the <c>{append-only table}</c> placeholders of <paramref name="ddl"/>.</summary>
    protected string RenderAppendOnly(string ddl) => AppendOnlyPlaceholder().Replace(ddl, m => AppendOnly(m.Groups[1].Value));

    /// <summary>A CLR or NodaTime value as this database's driver takes it.</summary>
    public abstract object ToDb(object? value);

    public abstract Guid ReadGuid(DbDataReader reader, int ordinal);

    public abstract LocalDate ReadDate(DbDataReader reader, int ordinal);

    public abstract Instant ReadInstant(DbDataReader reader, int ordinal);

    /// <summary>True when <paramref name="exception"/> is a unique-constraint violation on a constraint or column named <paramref name="name"/>.</summary>
    public abstract bool IsUniqueViolation(DbException exception, string name);

    /// <summary>Streams a scan's parsed findings into <c>cc_findings</c> inside the session's transaction; returns how many.</summary>
    public abstract Task<int> WriteFindingsAsync(Session session, Guid scanId, IEnumerable<FindingRow> rows, CancellationToken cancellationToken);

    /// <summary>
    /// Brings the planner's statistics up to date after a bulk load inside the save's transaction, so the comparison
    /// queries that follow are planned for the rows just loaded rather than for an empty or older table.
    /// </summary>
    public virtual Task RefreshStatisticsAsync(Session session, CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract ValueTask DisposeAsync();

    /// <summary>
    /// Instants are kept to the microsecond on both databases (PostgreSQL's precision), so a value reads back the same
    /// whichever database stored it.
    /// </summary>
    protected static Instant Truncate(Instant instant) => Instant.FromUnixTimeTicks(instant.ToUnixTimeTicks() / 10 * 10);

    /// <summary>The columns of <c>cc_findings</c> a save writes, in order.</summary>
    protected const string FindingInsertColumns =
        "scan_id, ordinal, rule_id, status, child_id, episode_id, source, anchor_date, due_date, completed_date, days_late, " +
        "working_days_late, worker_id, team, evidence, detail, obligation_key, stale";

    [GeneratedRegex(@"\{append-only ([a-z_]+)\}")]
    private static partial Regex AppendOnlyPlaceholder();
}

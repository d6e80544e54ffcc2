using System.Globalization;
using CaseCompliance.Storage.Sql;
using NodaTime;

namespace CaseCompliance.Storage;

/// <summary>
/// The scan history, alert outbox and casework records over plain ADO.NET, on SQLite or PostgreSQL (<see cref="ScanStores.Create"/>).
/// Thread-safe: each call opens its own pooled connection.
/// </summary>
public sealed partial class SqlScanStore : IScanStore, IOutbox, ICaseworkStore, IAsyncDisposable
{
    private readonly Dialect _dialect;
    private readonly StorageOptions _options;

    internal SqlScanStore(Dialect dialect, StorageOptions options)
    {
        _dialect = dialect;
        _options = options;
    }

    /// <summary><c>sqlite</c> or <c>postgresql</c>.</summary>
    public string Provider => _dialect.Provider;

    /// <summary>The schema versions this build knows; <see cref="MigrateAsync"/> brings a database up to the last.</summary>
    public static IReadOnlyList<int> SchemaVersions { get; } = Schema.Migrations.Select(m => m.Version).ToArray();

    internal async Task<Session> OpenAsync(CancellationToken cancellationToken, bool longCommands = false)
    {
        var connection = await _dialect.OpenAsync(cancellationToken);
        return new Session(_dialect, connection, longCommands ? _dialect.LongCommandTimeout : null);
    }

    /// <summary>
    /// Creates the schema or brings it up to date, each migration once and in order. Two processes starting together
    /// are safe: the whole run holds the migration lock (PostgreSQL advisory lock; SQLite <c>BEGIN IMMEDIATE</c>), and
    /// the second finds the work done.
    /// </summary>
    public Task MigrateAsync(CancellationToken cancellationToken = default) => MigrateAsync(int.MaxValue, cancellationToken);

    /// <summary>Applies the migrations up to <paramref name="upToVersion"/> only: a database as an older build left it (tests of upgrades).</summary>
    internal async Task MigrateAsync(int upToVersion, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken, longCommands: true);
        await session.BeginAsync(WriteLock.Migrate, cancellationToken);
        await session.ExecuteAsync(_dialect.Render(Schema.VersionTable), cancellationToken);
        var applied = (await session.QueryAsync("SELECT version FROM cc_schema_version", r => r.Int("version"), cancellationToken)).ToHashSet();
        foreach (var migration in Schema.Migrations.Where(m => m.Version <= upToVersion && !applied.Contains(m.Version)).OrderBy(m => m.Version))
        {
            foreach (var statement in Schema.Statements(_dialect.Render(migration.Ddl)))
            {
                await session.ExecuteAsync(statement, cancellationToken);
            }

            await session.ExecuteAsync("INSERT INTO cc_schema_version (version, name, applied_at) VALUES (@v, @n, @at)", cancellationToken,
                ("@v", migration.Version), ("@n", migration.Name), ("@at", SystemClock.Instance.GetCurrentInstant()));
        }

        await session.CommitAsync(cancellationToken);
    }

    /// <summary>The schema versions recorded as applied, in order.</summary>
    public async Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await OpenAsync(cancellationToken);
        return await session.QueryAsync("SELECT version FROM cc_schema_version ORDER BY version", r => r.Int("version"), cancellationToken);
    }

    public async Task<StoredScan?> LatestScanAsync(CancellationToken cancellationToken = default) =>
        (await ScansAsync(1, cancellationToken)).FirstOrDefault();

    public async Task<StoredScan?> ScanAsync(Guid scanId, CancellationToken cancellationToken = default)
    {
        await using var session = await OpenAsync(cancellationToken);
        return (await ReadScansAsync(session, $"SELECT {ScanColumns} FROM cc_scans WHERE scan_id = @id", cancellationToken, ("@id", scanId)))
            .FirstOrDefault();
    }

    public async Task<IReadOnlyList<StoredScan>> ScansAsync(int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        await using var session = await OpenAsync(cancellationToken);
        return await ReadScansAsync(session, $"SELECT {ScanColumns} FROM cc_scans ORDER BY seq DESC LIMIT @take", cancellationToken, ("@take", take));
    }

    public async Task<bool> SlotTakenAsync(string triggerSlot, CancellationToken cancellationToken = default)
    {
        await using var session = await OpenAsync(cancellationToken);
        return await SlotTakenAsync(session, triggerSlot, cancellationToken);
    }

    private static async Task<bool> SlotTakenAsync(Session session, string triggerSlot, CancellationToken cancellationToken) =>
        await session.ScalarAsync("SELECT 1 FROM cc_scans WHERE trigger_slot = @slot", cancellationToken, ("@slot", triggerSlot)) is not null;

    public async Task<IReadOnlyList<StoredFinding>> FindingsAsync(Guid scanId, FindingQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new List<string> { "scan_id = @scan" };
        var parameters = new List<(string, object?)> { ("@scan", scanId) };
        if (query.Team is not null)
        {
            where.Add("team = @team");
            parameters.Add(("@team", query.Team));
        }

        if (query.ChildId is not null)
        {
            where.Add("child_id = @child");
            parameters.Add(("@child", query.ChildId));
        }

        IEnumerable<string>? statuses = query.Statuses;
        if (query.ExceptionsOnly)
        {
            statuses = statuses is null ? BreachStatuses.All : statuses.Intersect(BreachStatuses.All);
        }

        if (statuses is not null)
        {
            where.Add($"status IN ({In("@st", statuses.Distinct().ToList(), parameters)})");
        }

        await using var session = await OpenAsync(cancellationToken);
        return await session.QueryAsync(
            $"""
            SELECT rule_id, status, child_id, episode_id, source, anchor_date, due_date, completed_date, days_late, working_days_late,
                   worker_id, team, evidence, detail, obligation_key, change_kind, stale, first_breached_on
            FROM cc_findings WHERE {string.Join(" AND ", where)}
            ORDER BY {ListOrder}, ordinal
            """,
            r => new StoredFinding(r.Text("rule_id"), r.Text("status"), r.Text("child_id"), r.TextOrNull("episode_id"), r.Text("source"),
                r.DateOrNull("anchor_date"), r.DateOrNull("due_date"), r.DateOrNull("completed_date"), r.IntOrNull("days_late"),
                r.IntOrNull("working_days_late"), r.TextOrNull("worker_id"), r.TextOrNull("team"), r.Text("evidence"), r.Text("detail"),
                r.Text("obligation_key"), Change(r.Text("change_kind")), r.Bool("stale"), r.DateOrNull("first_breached_on")),
            cancellationToken, parameters.ToArray());
    }

    public async Task<IReadOnlyList<ResolvedBreach>> ResolvedAsync(Guid scanId, CancellationToken cancellationToken = default)
    {
        await using var session = await OpenAsync(cancellationToken);
        return await session.QueryAsync(
            $"""
            SELECT obligation_key, rule_id, child_id, episode_id, source, due_date, previous_status, now_status, worker_id, team
            FROM cc_resolutions WHERE scan_id = @scan
            ORDER BY {ListOrder}, obligation_key
            """,
            r => new ResolvedBreach(r.Text("obligation_key"), r.Text("rule_id"), r.Text("child_id"), r.TextOrNull("episode_id"), r.Text("source"),
                r.DateOrNull("due_date"), r.Text("previous_status"), r.TextOrNull("now_status"), r.TextOrNull("worker_id"), r.TextOrNull("team")),
            cancellationToken, ("@scan", scanId));
    }

    /// <summary>
    /// Children with at least <paramref name="minimumBreaches"/> distinct obligations whose first breach was seen by a
    /// scan as of a date in (as-of − <paramref name="days"/>, as-of] of scan <paramref name="scanId"/>; the most
    /// first. Team and worker are those of the child's latest breach: last seen most recently, then first seen most recently.
    /// </summary>
    public async Task<IReadOnlyList<ChronicCase>> ChronicAsync(Guid scanId, int days, int minimumBreaches, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumBreaches);
        await using var session = await OpenAsync(cancellationToken);
        var scanAsOf = await session.QueryAsync("SELECT as_of FROM cc_scans WHERE scan_id = @scan", r => r.Date("as_of"), cancellationToken, ("@scan", scanId));
        if (scanAsOf.Count == 0)
        {
            return [];
        }

        var asOf = scanAsOf[0];
        var from = asOf.PlusDays(-days);
        var rows = await session.QueryAsync(
            """
            SELECT o.child_id, o.rule_id, o.team, o.worker_id
            FROM cc_obligations o
            WHERE o.first_breached_as_of > @from AND o.first_breached_as_of <= @asof
              AND o.child_id IN (SELECT c.child_id FROM cc_obligations c
                                 WHERE c.first_breached_as_of > @from AND c.first_breached_as_of <= @asof
                                 GROUP BY c.child_id HAVING COUNT(*) >= @min)
            ORDER BY o.child_id, o.last_breached_as_of DESC, o.first_breached_as_of DESC, o.obligation_key
            """,
            r => (Child: r.Text("child_id"), Rule: r.Text("rule_id"), Team: r.TextOrNull("team"), Worker: r.TextOrNull("worker_id")),
            cancellationToken, ("@from", from), ("@asof", asOf), ("@min", minimumBreaches));
        return rows.GroupBy(r => r.Child)
            .Select(g => new ChronicCase(g.Key, g.First().Team, g.First().Worker, g.Count(),
                g.Select(r => r.Rule).Distinct().Order(StringComparer.Ordinal).ToList()))
            .OrderByDescending(c => c.Breaches).ThenBy(c => c.ChildId, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyDictionary<string, ChildRecord>> ChildrenAsync(IEnumerable<string> childIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(childIds);
        var result = new Dictionary<string, ChildRecord>(StringComparer.Ordinal);
        await using var session = await OpenAsync(cancellationToken);
        foreach (var chunk in childIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var parameters = new List<(string, object?)>();
            var list = In("@c", chunk, parameters);
            foreach (var child in await session.QueryAsync(
                $"SELECT child_id, source, forename, surname, date_of_birth FROM cc_children WHERE child_id IN ({list})",
                r => new ChildRecord(r.Text("child_id"), r.Text("source"), r.TextOrNull("forename"), r.TextOrNull("surname"), r.DateOrNull("date_of_birth")),
                cancellationToken, parameters.ToArray()))
            {
                result[child.ChildId] = child;
            }
        }

        return result;
    }

    public async Task<(IReadOnlyList<StaffRecord> Staff, IReadOnlyList<TeamRecord> Teams)> DirectoryAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await OpenAsync(cancellationToken);
        var staff = await session.QueryAsync("SELECT source, worker_id, name, job_title, team_id FROM cc_staff ORDER BY source, worker_id",
            r => new StaffRecord(r.Text("source"), r.Text("worker_id"), r.TextOrNull("name"), r.TextOrNull("job_title"), r.TextOrNull("team_id")),
            cancellationToken);
        var teams = await session.QueryAsync("SELECT source, team_id, name, parent_id FROM cc_teams ORDER BY source, team_id",
            r => new TeamRecord(r.Text("source"), r.Text("team_id"), r.TextOrNull("name"), r.TextOrNull("parent_id")),
            cancellationToken);
        return (staff, teams);
    }

    public ValueTask DisposeAsync() => _dialect.DisposeAsync();

    /// <summary>The exception list's order (cli-and-outputs.md): team, worker, child, due date, rule; empty teams, workers and dates last.</summary>
    private const string ListOrder =
        "CASE WHEN team IS NULL THEN 1 ELSE 0 END, team, CASE WHEN worker_id IS NULL THEN 1 ELSE 0 END, worker_id, child_id, " +
        "CASE WHEN due_date IS NULL THEN 1 ELSE 0 END, due_date, rule_id";

    private const string ScanColumns =
        "scan_id, as_of, started_at, finished_at, trigger_slot, findings, new_count, persisting_count, resolved_count, findings_kept, seq";

    private static async Task<IReadOnlyList<StoredScan>> ReadScansAsync(Session session, string sql, CancellationToken cancellationToken,
        params (string, object?)[] parameters)
    {
        var scans = await session.QueryAsync(sql,
            r => (Id: r.Guid("scan_id"), AsOf: r.Date("as_of"), Started: r.Instant("started_at"), Finished: r.Instant("finished_at"),
                Slot: r.TextOrNull("trigger_slot"), Findings: r.Int("findings"), New: r.Int("new_count"), Persisting: r.Int("persisting_count"),
                Resolved: r.Int("resolved_count"), Kept: r.Bool("findings_kept")),
            cancellationToken, parameters);
        if (scans.Count == 0)
        {
            return [];
        }

        var sourceParameters = new List<(string, object?)>();
        var list = In("@s", scans.Select(s => (object)s.Id).ToList(), sourceParameters);
        var sources = (await session.QueryAsync(
                $"""
                SELECT scan_id, name, kind, status, reason, records_read, records_rejected, children, findings, kept_from
                FROM cc_scan_sources WHERE scan_id IN ({list}) ORDER BY ordinal
                """,
                r => (Scan: r.Guid("scan_id"), Source: new SourceOutcome(r.Text("name"), r.Text("kind"), r.Text("status"), r.TextOrNull("reason"),
                    r.Long("records_read"), r.Int("records_rejected"), r.Int("children"), r.Int("findings"), r.DateOrNull("kept_from"))),
                cancellationToken, sourceParameters.ToArray()))
            .ToLookup(s => s.Scan, s => s.Source);
        return scans.Select(s => new StoredScan(s.Id, s.AsOf, s.Started, s.Finished, s.Slot, s.Findings, s.New, s.Persisting, s.Resolved,
            sources[s.Id].ToList()) { FindingsKept = s.Kept }).ToList();
    }

    /// <summary>Adds one parameter per value and returns the list for an <c>IN (…)</c>.</summary>
    private static string In<T>(string prefix, IReadOnlyCollection<T> values, List<(string, object?)> parameters)
    {
        if (values.Count == 0)
        {
            return "NULL";
        }

        var names = new List<string>(values.Count);
        foreach (var value in values)
        {
            var name = prefix + parameters.Count.ToString(CultureInfo.InvariantCulture);
            parameters.Add((name, value));
            names.Add(name);
        }

        return string.Join(", ", names);
    }

    private static BreachChange Change(string text) => text switch
    {
        "new" => BreachChange.New,
        "persisting" => BreachChange.Persisting,
        _ => BreachChange.None,
    };
}

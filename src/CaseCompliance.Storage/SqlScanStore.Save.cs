using System.Data.Common;
using System.Globalization;
using CaseCompliance.Storage.Sql;

namespace CaseCompliance.Storage;

public sealed partial class SqlScanStore
{
    private const string Ok = "ok";
    private static readonly string BreachList = string.Join(", ", BreachStatuses.All.Select(s => $"'{s}'"));
    private static readonly string OpenList = string.Join(", ", BreachStatuses.Open.Select(s => $"'{s}'"));

    /// <summary>
    /// Stores a completed scan in one transaction, holding the save lock so scans are compared in the order they are
    /// saved. The findings are streamed in; the comparison with the previous scan is then done by the database, set
    /// by set, so memory does not grow with the size of the scan. See ADR 006 for the definitions.
    /// </summary>
    public async Task<StoredScan> SaveScanAsync(ScanToStore scan, IEnumerable<string?[]> findingsRows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(findingsRows);
        var sourceIsOk = CheckSources(scan);

        await using (var session = await OpenAsync(cancellationToken, longCommands: true))
        {
            await session.BeginAsync(WriteLock.Save, cancellationToken);
            if (scan.TriggerSlot is { } slot && await SlotTakenAsync(session, slot, cancellationToken))
            {
                throw new DuplicateScanException(slot);
            }

            if (await session.ScalarAsync("SELECT 1 FROM cc_scans WHERE scan_id = @id", cancellationToken, ("@id", scan.ScanId)) is not null)
            {
                throw new InvalidOperationException($"scan {scan.ScanId} is already stored.");
            }

            var seq = Convert.ToInt64(await session.ScalarAsync("SELECT COALESCE(MAX(seq), 0) + 1 FROM cc_scans", cancellationToken),
                CultureInfo.InvariantCulture);
            await InsertScanAsync(session, scan, seq, cancellationToken);

            var findings = await _dialect.WriteFindingsAsync(session, scan.ScanId, Parse(findingsRows, sourceIsOk), cancellationToken);
            await _dialect.RefreshStatisticsAsync(session, cancellationToken);
            var (added, persisting, resolved) = await CompareAsync(session, scan, seq, cancellationToken);
            await session.ExecuteAsync(
                "UPDATE cc_scans SET findings = @findings, new_count = @new, persisting_count = @persisting, resolved_count = @resolved WHERE scan_id = @id",
                cancellationToken, ("@findings", findings), ("@new", added), ("@persisting", persisting), ("@resolved", resolved), ("@id", scan.ScanId));

            await SaveDirectoryAsync(session, scan, cancellationToken);
            await ApplyRetentionAsync(session, cancellationToken);
            await session.CommitAsync(cancellationToken);
        }

        return (await ScanAsync(scan.ScanId, cancellationToken))!;
    }

    private static Dictionary<string, bool> CheckSources(ScanToStore scan)
    {
        var sources = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var source in scan.Sources)
        {
            if (string.IsNullOrEmpty(source.Name) || string.IsNullOrEmpty(source.Status))
            {
                throw new ArgumentException($"scan {scan.ScanId}: every source needs a name and a status.", nameof(scan));
            }

            if (!sources.TryAdd(source.Name, source.Status == Ok))
            {
                throw new ArgumentException($"scan {scan.ScanId}: source '{source.Name}' is listed twice.", nameof(scan));
            }
        }

        return sources;
    }

    private static IEnumerable<FindingRow> Parse(IEnumerable<string?[]> rows, IReadOnlyDictionary<string, bool> sourceIsOk)
    {
        var row = new FindingRow();
        var ordinal = 0;
        foreach (var raw in rows)
        {
            row.Load(raw, ordinal++, sourceIsOk);
            yield return row;
        }
    }

    private async Task InsertScanAsync(Session session, ScanToStore scan, long seq, CancellationToken cancellationToken)
    {
        try
        {
            await session.ExecuteAsync(
                """
                INSERT INTO cc_scans (scan_id, seq, as_of, started_at, finished_at, trigger_slot)
                VALUES (@id, @seq, @asof, @started, @finished, @slot)
                """,
                cancellationToken, ("@id", scan.ScanId), ("@seq", seq), ("@asof", scan.AsOf), ("@started", scan.StartedAt),
                ("@finished", scan.FinishedAt), ("@slot", scan.TriggerSlot));
        }
        catch (DbException e) when (scan.TriggerSlot is not null && _dialect.IsUniqueViolation(e, "trigger_slot"))
        {
            // Reached only when another writer slipped past the lock (it cannot on either database); kept as the rule of record.
            throw new DuplicateScanException(scan.TriggerSlot);
        }

        var ordinal = 0;
        foreach (var s in scan.Sources)
        {
            await session.ExecuteAsync(
                """
                INSERT INTO cc_scan_sources (scan_id, name, ordinal, kind, status, reason, records_read, records_rejected, children, findings, kept_from)
                VALUES (@id, @name, @ordinal, @kind, @status, @reason, @read, @rejected, @children, @findings, @kept)
                """,
                cancellationToken, ("@id", scan.ScanId), ("@name", s.Name), ("@ordinal", ordinal++), ("@kind", s.Kind), ("@status", s.Status),
                ("@reason", s.Reason), ("@read", s.RecordsRead), ("@rejected", s.RecordsRejected), ("@children", s.Children),
                ("@findings", s.Findings), ("@kept", s.KeptFrom));
        }
    }

    /// <summary>
    /// New, persisting and resolved for each source that is <c>ok</c> in this scan, against the obligations as the
    /// previous ok scan of that source left them, then the obligations brought up to this scan. A source that is not
    /// ok is skipped entirely: its rows are stale and its obligations stay as they were.
    /// </summary>
    private async Task<(int New, int Persisting, int Resolved)> CompareAsync(Session session, ScanToStore scan, long seq, CancellationToken cancellationToken)
    {
        int added = 0, persisting = 0, resolved = 0;
        var id = ("@scan", (object?)scan.ScanId);
        foreach (var source in scan.Sources.Where(s => s.Status == Ok))
        {
            var name = ("@source", (object?)source.Name);

            // Obligations are only ever written by ok scans of their own source, so "breached in the previous ok
            // scan" is exactly "last breached by that scan", and is_open says whether it was open then.
            var previous = (await session.QueryAsync(
                """
                SELECT ss.scan_id FROM cc_scan_sources ss JOIN cc_scans s ON s.scan_id = ss.scan_id
                WHERE ss.name = @source AND ss.status = 'ok' AND s.seq < @seq
                ORDER BY s.seq DESC LIMIT 1
                """,
                r => r.Guid("scan_id"), cancellationToken, name, ("@seq", seq))).Cast<Guid?>().FirstOrDefault();

            // One pass over the source's breach rows, against the obligations as the previous ok scan left them.
            // With no previous ok scan the source has no obligations yet, and every breach is new.
            await session.ForEachAsync(
                $"""
                UPDATE cc_findings SET
                    change_kind = CASE
                        WHEN NOT EXISTS (SELECT 1 FROM cc_obligations o
                                         WHERE o.obligation_key = cc_findings.obligation_key AND o.last_breached_scan = @prev) THEN 'new'
                        WHEN cc_findings.status IN ({OpenList})
                             AND EXISTS (SELECT 1 FROM cc_obligations o
                                         WHERE o.obligation_key = cc_findings.obligation_key AND o.last_breached_scan = @prev
                                           AND o.is_open = TRUE) THEN 'persisting'
                        ELSE 'none' END,
                    first_breached_on = COALESCE(
                        (SELECT o.first_breached_as_of FROM cc_obligations o WHERE o.obligation_key = cc_findings.obligation_key), @asof)
                WHERE scan_id = @scan AND source = @source AND status IN ({BreachList})
                RETURNING change_kind
                """,
                r =>
                {
                    switch (r.Text("change_kind"))
                    {
                        case "new":
                            added++;
                            break;
                        case "persisting":
                            persisting++;
                            break;
                    }
                },
                cancellationToken, id, name, ("@prev", previous ?? Guid.Empty), ("@asof", scan.AsOf));

            // Open then, not open now: met, late, due-soon, pending, not-applicable, or no row at all (now_status null).
            resolved += await session.ExecuteAsync(
                $"""
                INSERT INTO cc_resolutions (scan_id, obligation_key, rule_id, child_id, episode_id, source, due_date, previous_status, now_status, worker_id, team)
                SELECT @scan, o.obligation_key, o.rule_id, o.child_id, o.episode_id, o.source, o.due_date, o.last_status,
                       (SELECT f.status FROM cc_findings f
                        WHERE f.scan_id = @scan AND f.source = o.source AND f.obligation_key = o.obligation_key
                        ORDER BY CASE WHEN f.status = 'late' THEN 0 ELSE 1 END, f.ordinal LIMIT 1),
                       o.worker_id, o.team
                FROM cc_obligations o
                WHERE o.source = @source AND o.is_open = TRUE
                  AND NOT EXISTS (SELECT 1 FROM cc_findings f
                                  WHERE f.scan_id = @scan AND f.source = o.source AND f.obligation_key = o.obligation_key
                                    AND f.status IN ({OpenList}))
                """,
                cancellationToken, id, name);
        }

        // A failed source's republished breaches show when they were first seen, and change nothing.
        foreach (var source in scan.Sources.Where(s => s.Status != Ok))
        {
            await session.ExecuteAsync(
                $"""
                UPDATE cc_findings SET first_breached_on =
                    (SELECT o.first_breached_as_of FROM cc_obligations o WHERE o.obligation_key = cc_findings.obligation_key)
                WHERE scan_id = @scan AND source = @source AND status IN ({BreachList})
                """,
                cancellationToken, id, ("@source", source.Name));
        }

        await session.ExecuteAsync(
            """
            UPDATE cc_obligations SET is_open = FALSE, resolved_scan = @scan
            WHERE is_open = TRUE AND obligation_key IN (SELECT r.obligation_key FROM cc_resolutions r WHERE r.scan_id = @scan)
            """,
            cancellationToken, id);

        // One obligation can have more than one row in a scan; the open one (else the first) speaks for it.
        await session.ExecuteAsync(
            $"""
            INSERT INTO cc_obligations (obligation_key, source, rule_id, child_id, episode_id, anchor_date, due_date, team, worker_id,
                first_breached_scan, first_breached_as_of, last_breached_scan, last_breached_as_of, last_status, is_open, resolved_scan)
            SELECT b.obligation_key, b.source, b.rule_id, b.child_id, b.episode_id, b.anchor_date, b.due_date, b.team, b.worker_id,
                @scan, @asof, @scan, @asof, b.status, CASE WHEN b.status IN ({OpenList}) THEN TRUE ELSE FALSE END, NULL
            FROM (SELECT f.obligation_key, f.source, f.rule_id, f.child_id, f.episode_id, f.anchor_date, f.due_date, f.team, f.worker_id, f.status,
                         ROW_NUMBER() OVER (PARTITION BY f.obligation_key
                                            ORDER BY CASE WHEN f.status IN ({OpenList}) THEN 0 ELSE 1 END, f.ordinal) AS pick
                  FROM cc_findings f
                  WHERE f.scan_id = @scan AND f.stale = FALSE AND f.status IN ({BreachList})) b
            WHERE b.pick = 1
            ON CONFLICT (obligation_key) DO UPDATE SET
                team = excluded.team,
                worker_id = excluded.worker_id,
                last_breached_scan = excluded.last_breached_scan,
                last_breached_as_of = excluded.last_breached_as_of,
                last_status = excluded.last_status,
                is_open = excluded.is_open,
                resolved_scan = CASE WHEN excluded.is_open THEN NULL ELSE cc_obligations.resolved_scan END
            """,
            cancellationToken, id, ("@asof", scan.AsOf));

        return (added, persisting, resolved);
    }

    /// <summary>
    /// Children: the latest record per id. Staff and teams: replaced for each source this scan read successfully or
    /// gave any for, so a failed source keeps the directory of its last good extract.
    /// </summary>
    private static async Task SaveDirectoryAsync(Session session, ScanToStore scan, CancellationToken cancellationToken)
    {
        var children = scan.Children.GroupBy(c => c.ChildId, StringComparer.Ordinal).Select(g => g.Last());
        await InsertManyAsync(session, "INSERT INTO cc_children (child_id, source, forename, surname, date_of_birth, scan_id)",
            """
            ON CONFLICT (child_id) DO UPDATE SET source = excluded.source, forename = excluded.forename, surname = excluded.surname,
                date_of_birth = excluded.date_of_birth, scan_id = excluded.scan_id
            """,
            children, c => [c.ChildId, c.Source, c.Forename, c.Surname, c.DateOfBirth, scan.ScanId], cancellationToken);

        var replaced = scan.Sources.Where(s => s.Status == Ok).Select(s => s.Name)
            .Concat(scan.Staff.Select(s => s.Source)).Concat(scan.Teams.Select(t => t.Source))
            .Distinct(StringComparer.Ordinal).ToList();
        foreach (var source in replaced)
        {
            await session.ExecuteAsync("DELETE FROM cc_staff WHERE source = @source", cancellationToken, ("@source", source));
            await session.ExecuteAsync("DELETE FROM cc_teams WHERE source = @source", cancellationToken, ("@source", source));
        }

        await InsertManyAsync(session, "INSERT INTO cc_staff (source, worker_id, name, job_title, team_id)", "",
            scan.Staff.GroupBy(s => (s.Source, s.WorkerId)).Select(g => g.Last()),
            s => [s.Source, s.WorkerId, s.Name, s.JobTitle, s.TeamId], cancellationToken);
        await InsertManyAsync(session, "INSERT INTO cc_teams (source, team_id, name, parent_id)", "",
            scan.Teams.GroupBy(t => (t.Source, t.TeamId)).Select(g => g.Last()),
            t => [t.Source, t.TeamId, t.Name, t.ParentId], cancellationToken);
    }

    /// <summary>Multi-row <c>INSERT … VALUES</c> in chunks: one round trip per 200 rows on PostgreSQL, within SQLite's parameter limit.</summary>
    private static async Task InsertManyAsync<T>(Session session, string head, string tail, IEnumerable<T> items, Func<T, object?[]> values,
        CancellationToken cancellationToken)
    {
        foreach (var chunk in items.Chunk(200))
        {
            var parameters = new List<(string, object?)>();
            var tuples = new List<string>(chunk.Length);
            foreach (var item in chunk)
            {
                var names = new List<string>();
                foreach (var value in values(item))
                {
                    var name = "@p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
                    parameters.Add((name, value));
                    names.Add(name);
                }

                tuples.Add($"({string.Join(", ", names)})");
            }

            await session.ExecuteAsync($"{head} VALUES {string.Join(", ", tuples)} {tail}", cancellationToken, parameters.ToArray());
        }
    }

    /// <summary>
    /// Keeps the findings of the <see cref="StorageOptions.KeepScans"/> newest scans, in the save's transaction; older
    /// scans keep their row, sources, counts and resolutions, and the obligations keep the whole history.
    /// </summary>
    private async Task ApplyRetentionAsync(Session session, CancellationToken cancellationToken)
    {
        if (_options.KeepScans <= 0)
        {
            return;
        }

        var cut = await session.ScalarAsync("SELECT seq FROM cc_scans ORDER BY seq DESC LIMIT 1 OFFSET @keep", cancellationToken,
            ("@keep", _options.KeepScans));
        if (cut is null)
        {
            return;
        }

        var seq = ("@cut", (object?)Convert.ToInt64(cut, CultureInfo.InvariantCulture));
        await session.ExecuteAsync(
            "DELETE FROM cc_findings WHERE scan_id IN (SELECT scan_id FROM cc_scans WHERE seq <= @cut AND findings_kept = TRUE)",
            cancellationToken, seq);
        await session.ExecuteAsync("UPDATE cc_scans SET findings_kept = FALSE WHERE seq <= @cut AND findings_kept = TRUE", cancellationToken, seq);
    }
}

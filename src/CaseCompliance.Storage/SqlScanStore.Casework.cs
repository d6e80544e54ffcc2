using CaseCompliance.Storage.Sql;
using NodaTime;

namespace CaseCompliance.Storage;

public sealed partial class SqlScanStore
{
    private const string AcknowledgementColumns = "id, obligation_key, child_id, rule_id, reason, recorded_by, recorded_at";

    private const string AuditColumns = "id, child_id, audit_date, grade, recorded_by, recorded_at";

    private const string ActionColumns =
        "id, audit_id, child_id, action, owner, due, done_on, done_by, done_recorded_at, recorded_by, recorded_at";

    private static readonly ILookup<long, RecordedAuditAction> NoActions = Array.Empty<RecordedAuditAction>().ToLookup(a => a.AuditId);

    /// <summary>
    /// Records a reason against an obligation. The key must be of <paramref name="ruleId"/> and <paramref name="childId"/>
    /// (<see cref="ObligationKeys.Of"/> starts <c>rule|child|</c>), so a reason can never be shown on another child's breach.
    /// </summary>
    public async Task<Acknowledgement> AcknowledgeAsync(string obligationKey, string childId, string ruleId, string reason, string user, Instant at,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(obligationKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(childId);
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        if (!obligationKey.StartsWith(ruleId + "|" + childId + "|", StringComparison.Ordinal))
        {
            throw new ArgumentException("the obligation key is not one of this rule and child.", nameof(obligationKey));
        }

        await using var session = await OpenAsync(cancellationToken);
        var stored = await session.QueryAsync(
            $"""
            INSERT INTO cc_acknowledgements (obligation_key, child_id, rule_id, reason, recorded_by, recorded_at)
            VALUES (@key, @child, @rule, @reason, @user, @at)
            RETURNING {AcknowledgementColumns}
            """,
            ReadAcknowledgement, cancellationToken,
            ("@key", obligationKey), ("@child", childId), ("@rule", ruleId), ("@reason", reason), ("@user", user), ("@at", at));
        return stored.Single();
    }

    /// <summary>Only obligations with at least one acknowledgement appear in the result.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Acknowledgement>>> AcknowledgementsAsync(IEnumerable<string> obligationKeys,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(obligationKeys);
        var result = new Dictionary<string, IReadOnlyList<Acknowledgement>>(StringComparer.Ordinal);
        await using var session = await OpenAsync(cancellationToken);
        foreach (var chunk in obligationKeys.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var parameters = new List<(string, object?)>();
            var list = In("@k", chunk, parameters);
            var rows = await session.QueryAsync(
                $"""
                SELECT {AcknowledgementColumns} FROM cc_acknowledgements WHERE obligation_key IN ({list})
                ORDER BY obligation_key, recorded_at, id
                """,
                ReadAcknowledgement, cancellationToken, parameters.ToArray());
            foreach (var group in rows.GroupBy(a => a.ObligationKey, StringComparer.Ordinal))
            {
                result[group.Key] = group.ToList();
            }
        }

        return result;
    }

    /// <summary>The audit and its actions in one transaction: a half-recorded audit is never seen.</summary>
    public async Task<RecordedAudit> RecordAuditAsync(string childId, LocalDate date, string? grade,
        IReadOnlyList<(string Action, string Owner, LocalDate Due)> actions, string user, Instant at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(childId);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        foreach (var (action, owner, _) in actions)
        {
            // The action's text is personal data: the message names the argument, never the text.
            if (string.IsNullOrWhiteSpace(action) || string.IsNullOrWhiteSpace(owner))
            {
                throw new ArgumentException("every action needs its text and an owner.", nameof(actions));
            }
        }

        await using var session = await OpenAsync(cancellationToken);
        await session.BeginAsync(WriteLock.None, cancellationToken);
        var audit = (await session.QueryAsync(
            $"""
            INSERT INTO cc_audits (child_id, audit_date, grade, recorded_by, recorded_at)
            VALUES (@child, @date, @grade, @user, @at)
            RETURNING {AuditColumns}
            """,
            r => ReadAudit(r, NoActions), cancellationToken,
            ("@child", childId), ("@date", date), ("@grade", string.IsNullOrWhiteSpace(grade) ? null : grade), ("@user", user), ("@at", at))).Single();
        var stored = new List<RecordedAuditAction>(actions.Count);
        foreach (var (action, owner, due) in actions)
        {
            stored.AddRange(await session.QueryAsync(
                $"""
                INSERT INTO cc_audit_actions (audit_id, child_id, action, owner, due, recorded_by, recorded_at)
                VALUES (@audit, @child, @action, @owner, @due, @user, @at)
                RETURNING {ActionColumns}
                """,
                ReadAction, cancellationToken,
                ("@audit", audit.Id), ("@child", childId), ("@action", action), ("@owner", owner), ("@due", due), ("@user", user), ("@at", at)));
        }

        await session.CommitAsync(cancellationToken);
        return audit with { Actions = stored };
    }

    /// <summary>
    /// The child is part of the match, so a page posting another child's action id changes nothing. Marking an action
    /// done again replaces its date (a correction), and who recorded it.
    /// </summary>
    public async Task<bool> MarkActionDoneAsync(string childId, long actionId, LocalDate doneOn, string user, Instant at,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(childId);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        await using var session = await OpenAsync(cancellationToken);
        var changed = await session.ExecuteAsync(
            "UPDATE cc_audit_actions SET done_on = @done, done_by = @user, done_recorded_at = @at WHERE id = @id AND child_id = @child",
            cancellationToken, ("@done", doneOn), ("@user", user), ("@at", at), ("@id", actionId), ("@child", childId));
        return changed == 1;
    }

    /// <summary>By child, then audit date, then the order recorded; each audit's actions in the order recorded.</summary>
    public async Task<IReadOnlyList<RecordedAudit>> AuditsAsync(string? childId, CancellationToken cancellationToken = default)
    {
        var where = childId is null ? "" : "WHERE child_id = @child";
        (string, object?)[] parameters = childId is null ? [] : [("@child", childId)];
        await using var session = await OpenAsync(cancellationToken);
        var actions = (await session.QueryAsync($"SELECT {ActionColumns} FROM cc_audit_actions {where} ORDER BY audit_id, id",
                ReadAction, cancellationToken, parameters))
            .ToLookup(a => a.AuditId);
        return await session.QueryAsync($"SELECT {AuditColumns} FROM cc_audits {where} ORDER BY child_id, audit_date, id",
            r => ReadAudit(r, actions), cancellationToken, parameters);
    }

    /// <summary>Appends one entry; the log has no update or delete (the database refuses both).</summary>
    public async Task LogAccessAsync(AccessEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.User);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.ChildId);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.What);
        await using var session = await OpenAsync(cancellationToken);
        await session.ExecuteAsync("INSERT INTO cc_access_log (user_name, child_id, accessed_at, what) VALUES (@user, @child, @at, @what)",
            cancellationToken, ("@user", entry.User), ("@child", entry.ChildId), ("@at", entry.At), ("@what", entry.What));
    }

    /// <summary>Newest first (entries at the same instant: the last recorded first).</summary>
    public async Task<IReadOnlyList<AccessEntry>> AccessLogAsync(string? childId, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        await using var session = await OpenAsync(cancellationToken);
        var where = childId is null ? "" : "WHERE child_id = @child";
        var parameters = new List<(string, object?)> { ("@take", take) };
        if (childId is not null)
        {
            parameters.Add(("@child", childId));
        }

        return await session.QueryAsync(
            $"SELECT user_name, child_id, accessed_at, what FROM cc_access_log {where} ORDER BY accessed_at DESC, id DESC LIMIT @take",
            r => new AccessEntry(r.Text("user_name"), r.Text("child_id"), r.Instant("accessed_at"), r.Text("what")),
            cancellationToken, parameters.ToArray());
    }

    /// <summary>
    /// One <c>GROUP BY</c> over the findings of the newest <paramref name="scans"/> scans whose findings are kept
    /// (retention has not deleted them). Stale rows count: they are what the scan published. Ordered by as-of date
    /// (then save order), team (none last), rule, status. A scan with no findings has no rows.
    /// </summary>
    public async Task<IReadOnlyList<TeamRuleCount>> TeamRuleCountsAsync(int scans, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scans);
        await using var session = await OpenAsync(cancellationToken, longCommands: true);
        return await session.QueryAsync(
            """
            SELECT s.scan_id, s.as_of, f.team, f.rule_id, f.status, COUNT(*) AS n
            FROM (SELECT scan_id, as_of, seq FROM cc_scans WHERE findings_kept = TRUE ORDER BY seq DESC LIMIT @take) s
            JOIN cc_findings f ON f.scan_id = s.scan_id
            GROUP BY s.scan_id, s.as_of, s.seq, f.team, f.rule_id, f.status
            ORDER BY s.as_of, s.seq, CASE WHEN f.team IS NULL THEN 1 ELSE 0 END, f.team, f.rule_id, f.status
            """,
            r => new TeamRuleCount(r.Guid("scan_id"), r.Date("as_of"), r.TextOrNull("team"), r.Text("rule_id"), r.Text("status"), r.Int("n")),
            cancellationToken, ("@take", scans));
    }

    private static Acknowledgement ReadAcknowledgement(Row r) => new(r.Long("id"), r.Text("obligation_key"), r.Text("child_id"),
        r.Text("rule_id"), r.Text("reason"), r.Text("recorded_by"), r.Instant("recorded_at"));

    private static RecordedAudit ReadAudit(Row r, ILookup<long, RecordedAuditAction> actions)
    {
        var id = r.Long("id");
        return new RecordedAudit(id, r.Text("child_id"), r.Date("audit_date"), r.TextOrNull("grade"), r.Text("recorded_by"),
            r.Instant("recorded_at"), actions[id].ToList());
    }

    private static RecordedAuditAction ReadAction(Row r) => new(r.Long("id"), r.Long("audit_id"), r.Text("child_id"), r.Text("action"),
        r.Text("owner"), r.Date("due"), r.DateOrNull("done_on"), r.Text("recorded_by"), r.Instant("recorded_at"))
    {
        DoneBy = r.TextOrNull("done_by"),
        DoneRecordedAt = r.IsNull("done_recorded_at") ? null : r.Instant("done_recorded_at"),
    };
}

using NodaTime;

namespace CaseCompliance.Storage;

/// <summary>
/// A manager's reason recorded against a breach (for example "family cancelled, visit re-arranged for the 14th"). It is
/// keyed by the obligation, so it is shown again on later scans of the same obligation; it never hides the breach.
/// The reason is free text about a child: stored and shown, never logged.
/// </summary>
public sealed record Acknowledgement(long Id, string ObligationKey, string ChildId, string RuleId, string Reason,
    string RecordedBy, Instant RecordedAt);

/// <summary>A case audit recorded in CaseCompliance (ids shown as <c>cc-audit-N</c>), with its recommended actions.</summary>
public sealed record RecordedAudit(long Id, string ChildId, LocalDate Date, string? Grade, string RecordedBy, Instant RecordedAt,
    IReadOnlyList<RecordedAuditAction> Actions);

/// <summary>One recommended action of a recorded audit: what, who owns it, by when, and when it was done.</summary>
public sealed record RecordedAuditAction(long Id, long AuditId, string ChildId, string Action, string Owner, LocalDate Due,
    LocalDate? DoneOn, string RecordedBy, Instant RecordedAt)
{
    /// <summary>Who last marked the action done (null while it is not done).</summary>
    public string? DoneBy { get; init; }

    /// <summary>When the action was last marked done (null while it is not done).</summary>
    public Instant? DoneRecordedAt { get; init; }
}

/// <summary>One opening of a child's page: who, when, which child (the access log).</summary>
public sealed record AccessEntry(string User, string ChildId, Instant At, string What);

/// <summary>Findings of one scan counted by team, rule and status (the overview and its trend).</summary>
public sealed record TeamRuleCount(Guid ScanId, LocalDate AsOf, string? Team, string RuleId, string Status, int Count);

/// <summary>
/// What people record in CaseCompliance itself: acknowledgements, audits and their actions (which the
/// <c>audit-actions</c> and <c>audit-follow-up</c> rules read at the next scan, beside the extract's own), and the
/// access log. Same database as the scan history.
/// </summary>
public interface ICaseworkStore
{
    Task<Acknowledgement> AcknowledgeAsync(string obligationKey, string childId, string ruleId, string reason, string user, Instant at,
        CancellationToken cancellationToken = default);

    /// <summary>Acknowledgements of these obligations, oldest first per obligation.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Acknowledgement>>> AcknowledgementsAsync(IEnumerable<string> obligationKeys,
        CancellationToken cancellationToken = default);

    Task<RecordedAudit> RecordAuditAsync(string childId, LocalDate date, string? grade,
        IReadOnlyList<(string Action, string Owner, LocalDate Due)> actions, string user, Instant at, CancellationToken cancellationToken = default);

    /// <summary>Marks an action done on <paramref name="doneOn"/>; false when there is no such action for the child.</summary>
    Task<bool> MarkActionDoneAsync(string childId, long actionId, LocalDate doneOn, string user, Instant at,
        CancellationToken cancellationToken = default);

    /// <summary>Recorded audits with their actions; all children when <paramref name="childId"/> is null.</summary>
    Task<IReadOnlyList<RecordedAudit>> AuditsAsync(string? childId, CancellationToken cancellationToken = default);

    Task LogAccessAsync(AccessEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Newest first; one child's or everyone's.</summary>
    Task<IReadOnlyList<AccessEntry>> AccessLogAsync(string? childId, int take, CancellationToken cancellationToken = default);

    /// <summary>Counts by team, rule and status for each of the newest <paramref name="scans"/> scans whose findings are kept.</summary>
    Task<IReadOnlyList<TeamRuleCount>> TeamRuleCountsAsync(int scans, CancellationToken cancellationToken = default);
}

using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>audit-follow-up</c>.</summary>
public sealed class AuditFollowUpOptions : RuleOptions
{
    public Timescale Within { get; set; } = Timescale.WorkingDays(20);

    /// <summary>Kinds of management record that count as discussing the audit: audit-discussion, supervision, oversight.</summary>
    public List<string> CountingKinds { get; set; } = ["audit-discussion"];
}

/// <summary>
/// <c>audit-follow-up</c>: a management record discussing the audit findings within 20 working days of an audit.
/// Source: Dorset EH §3. Choices: by default only records of type <c>audit-discussion</c> count (a routine
/// supervision does not show the audit was discussed; authorities may add kinds); a record on the audit day counts.
/// </summary>
public sealed class AuditFollowUpRule(AuditFollowUpOptions? options = null) : Rule<AuditFollowUpOptions>(options)
{
    public override string Id => "audit-follow-up";
    public override string Title => "Audit findings discussed by a manager within 20 working days";
    public override string Citation => "Dorset EH §3";
    public override AuditArea Area => AuditArea.AuditFollowUp;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        if (record.Audits.IsEmpty)
        {
            yield break;
        }

        if (!record.Records(Dataset.ManagementRecords))
        {
            yield return context.NotRecorded(this, "Audit follow-up", "management records (cc_management_records)");
            yield break;
        }

        var kinds = Options.CountingKinds.Select(ParseKind).ToHashSet();
        foreach (var audit in record.Audits)
        {
            var discussion = record.ManagementRecords
                .Where(m => kinds.Contains(m.Kind) && m.Date >= audit.Date
                    && (string.IsNullOrEmpty(m.EpisodeId) || audit.EpisodeId is null || m.EpisodeId == audit.EpisodeId))
                .MinBy(m => m.Date);
            yield return context.Judge(this, new Obligation
            {
                EpisodeId = audit.EpisodeId,
                What = "Management discussion of the audit findings",
                Done = "recorded",
                Anchor = audit.Date,
                Basis = RuleContext.Basis(Options.Within, "the audit", audit.Date),
                Due = context.Due(audit.Date, Options.Within),
                Completed = discussion?.Date,
                Evidence = discussion is null ? [audit.Id] : [audit.Id, discussion.Id],
            });
        }
    }

    internal static ManagementKind ParseKind(string kind) => kind.Trim().ToLowerInvariant() switch
    {
        "audit-discussion" => ManagementKind.AuditDiscussion,
        "supervision" => ManagementKind.Supervision,
        "oversight" => ManagementKind.Oversight,
        _ => throw new FormatException($"'{kind}' is not a management record kind (audit-discussion, supervision, oversight)."),
    };
}

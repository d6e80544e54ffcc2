using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>
/// <c>audit-actions</c>: each recommended action from a case audit completed by its agreed date. Source:
/// Darlington EH (action plan); Rutland ("ensure these are followed up"). Choices: the anchor is the audit date
/// (when the action was agreed); an action without an agreed date is missing data; the description is free text
/// and never goes into the finding.
/// </summary>
public sealed class AuditActionsRule(RuleOptions? options = null) : Rule<RuleOptions>(options)
{
    public override string Id => "audit-actions";
    public override string Title => "Audit actions completed by their agreed date";
    public override string Citation => "Darlington EH (action plan); Rutland (\"ensure these are followed up\")";
    public override AuditArea Area => AuditArea.AuditFollowUp;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        foreach (var action in record.AuditActions)
        {
            var audit = record.Audits.FirstOrDefault(a => a.Id == action.AuditId);
            var what = $"Audit action {action.Id}";
            if (action.Due is not { } due)
            {
                yield return context.MissingData(this, audit?.EpisodeId, what, "the action's agreed due date", audit?.Date,
                    [action.AuditId, action.Id]);
                continue;
            }

            var agreed = audit?.Date ?? due;
            yield return context.Judge(this, new Obligation
            {
                EpisodeId = audit?.EpisodeId,
                What = what,
                Anchor = agreed,
                Basis = audit is null ? "the agreed date" : $"agreed at the audit on {RuleContext.Date(audit.Date)}",
                Due = due,
                Completed = action.Completed,
                Evidence = [action.AuditId, action.Id],
            });
        }
    }
}

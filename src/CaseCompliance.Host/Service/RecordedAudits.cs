using CaseCompliance.Domain;
using CaseCompliance.Scanning;
using CaseCompliance.Scanning.Output;
using CaseCompliance.Storage;

namespace CaseCompliance.Host.Service;

/// <summary>
/// Case audits and their actions recorded on the web pages, added to each child's record before the rules run, so
/// that <c>audit-actions</c> and <c>audit-follow-up</c> judge them like the extract's own. Ids are <c>cc-audit-N</c> and
/// <c>cc-action-N</c>, never clashing with a source's.
/// </summary>
public sealed class RecordedAudits : ICaseSupplement
{
    private readonly Dictionary<string, (Audit[] Audits, AuditAction[] Actions)> _byChild;

    private RecordedAudits(Dictionary<string, (Audit[], AuditAction[])> byChild) => _byChild = byChild;

    public int Children => _byChild.Count;

    public static async Task<RecordedAudits> LoadAsync(ICaseworkStore store, CancellationToken cancellationToken)
    {
        var audits = await store.AuditsAsync(null, cancellationToken);
        return new RecordedAudits(audits.GroupBy(a => a.ChildId, StringComparer.Ordinal).ToDictionary(g => g.Key, g =>
        (
            g.Select(a => new Audit(AuditId(a.Id), PersonId(a.ChildId), null, a.Date, a.Grade)).ToArray(),
            g.SelectMany(a => a.Actions).Select(x => new AuditAction($"cc-action-{x.Id}", AuditId(x.AuditId), x.Action, x.Owner, x.Due, x.DoneOn)).ToArray()
        ), StringComparer.Ordinal));
    }

    public CaseRecord Supplement(string source, CaseRecord record)
    {
        if (!_byChild.TryGetValue(FindingRows.Prefixed(source, record.Person.Id), out var recorded))
        {
            return record;
        }

        return record with
        {
            Audits = record.Audits.AddRange(recorded.Audits),
            AuditActions = record.AuditActions.AddRange(recorded.Actions),
        };
    }

    private static string AuditId(long id) => $"cc-audit-{id}";

    /// <summary>The source's own person id: the child id without its <c>source:</c> prefix.</summary>
    private static string PersonId(string childId) => childId[(childId.IndexOf(':') + 1)..];
}

using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>eh-initial-contact</c>.</summary>
public sealed class EhInitialContactOptions : RuleOptions
{
    public Timescale Within { get; set; } = Timescale.Days(7);
}

/// <summary>
/// <c>eh-initial-contact</c>: first contact of any kind with the family within 7 days of allocation.
/// Source: Dorset EH §4. Choices: a home visit is a contact too; a contact made after the episode started but before the allocation counts (it is on time); with no allocation recorded the clock runs from
/// the episode start (the allocation rule reports the missing allocation itself).
/// </summary>
public sealed class EhInitialContactRule(EhInitialContactOptions? options = null) : Rule<EhInitialContactOptions>(options)
{
    public override string Id => "eh-initial-contact";
    public override string Title => "First contact with the family within 7 days of allocation";
    public override string Citation => "Dorset EH §4";
    public override AuditArea Area => AuditArea.ContactAndReferral;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        if (record.EarlyHelpEpisodes.IsEmpty)
        {
            yield break;
        }

        if (!record.Records(Dataset.EarlyHelpContacts))
        {
            yield return context.NotRecorded(this, "First contact with the family", "Early Help contacts (cc_eh_contacts)");
            yield break;
        }

        foreach (var e in record.EarlyHelpEpisodes)
        {
            var start = EarlyHelpStart.Of(record, e);
            var first = record.Visits
                .Where(v => v.Kind is VisitKind.EarlyHelpContact or VisitKind.EarlyHelpHomeVisit)
                .Where(v => v.Date >= e.Start && Episodes.BelongsTo(v.EpisodeId, v.Date, [e.Id], e.Start, e.End))
                .OrderBy(v => v.Date).FirstOrDefault();
            yield return context.Judge(this, new Obligation
            {
                EpisodeId = e.Id,
                What = "First contact with the family",
                Done = "made",
                Anchor = start.Date,
                Basis = RuleContext.Basis(Options.Within, start.Label, start.Date),
                Due = context.Due(start.Date, Options.Within),
                Completed = first?.Date,
                Evidence = first is null ? [start.Id!] : [start.Id!, first.Id],
                EpisodeEnd = e.End,
                Note = start.Note,
            });
        }
    }
}

using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>eh-initial-home-visit</c>.</summary>
public sealed class EhInitialHomeVisitOptions : RuleOptions
{
    public Timescale Within { get; set; } = Timescale.Days(14);
}

/// <summary>
/// <c>eh-initial-home-visit</c>: first home visit within 14 days of allocation. Source: Dorset EH §4 ("within 2
/// weeks"). Choices: with no allocation recorded the clock runs from the episode start; a home visit made after the episode started but before the allocation counts (it is on time).
/// </summary>
public sealed class EhInitialHomeVisitRule(EhInitialHomeVisitOptions? options = null) : Rule<EhInitialHomeVisitOptions>(options)
{
    public override string Id => "eh-initial-home-visit";
    public override string Title => "First home visit within 14 days of allocation";
    public override string Citation => "Dorset EH §4 (\"within 2 weeks\")";
    public override AuditArea Area => AuditArea.VisitsAndSeeingTheChild;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        if (record.EarlyHelpEpisodes.IsEmpty)
        {
            yield break;
        }

        if (!record.Records(Dataset.EarlyHelpContacts))
        {
            yield return context.NotRecorded(this, "First home visit", "Early Help contacts (cc_eh_contacts)");
            yield break;
        }

        foreach (var e in record.EarlyHelpEpisodes)
        {
            var start = EarlyHelpStart.Of(record, e);
            var first = record.Visits
                .Where(v => v.Kind == VisitKind.EarlyHelpHomeVisit)
                .Where(v => v.Date >= e.Start && Episodes.BelongsTo(v.EpisodeId, v.Date, [e.Id], e.Start, e.End))
                .OrderBy(v => v.Date).FirstOrDefault();
            yield return context.Judge(this, new Obligation
            {
                EpisodeId = e.Id,
                What = "First home visit",
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

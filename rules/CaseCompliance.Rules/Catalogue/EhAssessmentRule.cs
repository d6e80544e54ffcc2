using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>eh-assessment</c>.</summary>
public sealed class EhAssessmentOptions : RuleOptions
{
    public Timescale Within { get; set; } = Timescale.Days(45);
}

/// <summary>
/// <c>eh-assessment</c>: the Early Help assessment completed within 45 (calendar) days of its start, or of the
/// allocation where no start is recorded. Source: Dorset EH §4. Choices: every assessment of the episode is
/// checked; an episode with none is checked from its allocation (or start) so that a missing assessment shows.
/// </summary>
public sealed class EhAssessmentRule(EhAssessmentOptions? options = null) : Rule<EhAssessmentOptions>(options)
{
    public override string Id => "eh-assessment";
    public override string Title => "Early Help assessment completed within 45 days";
    public override string Citation => "Dorset EH §4";
    public override AuditArea Area => AuditArea.AllocationAndAssessment;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        if (record.EarlyHelpEpisodes.IsEmpty)
        {
            yield break;
        }

        if (!record.Records(Dataset.EarlyHelpAssessments))
        {
            yield return context.NotRecorded(this, "Early Help assessment", "Early Help assessments (cc_eh_assessments)");
            yield break;
        }

        foreach (var e in record.EarlyHelpEpisodes)
        {
            var start = EarlyHelpStart.Of(record, e);
            var assessments = EarlyHelpAssessments.Of(record, e).ToList();
            if (assessments.Count == 0)
            {
                yield return context.Judge(this, new Obligation
                {
                    EpisodeId = e.Id,
                    What = "Early Help assessment",
                    Anchor = start.Date,
                    Basis = RuleContext.Basis(Options.Within, start.Label, start.Date),
                    Due = context.Due(start.Date, Options.Within),
                    Evidence = [start.Id!],
                    EpisodeEnd = e.End,
                    Note = "No assessment is recorded for this episode.",
                });
                continue;
            }

            foreach (var a in assessments)
            {
                var anchor = a.Start ?? start.Date;
                var label = a.Start is null ? start.Label : "the assessment start";
                yield return context.Judge(this, new Obligation
                {
                    EpisodeId = e.Id,
                    What = "Early Help assessment",
                    Anchor = anchor,
                    Basis = RuleContext.Basis(Options.Within, label, anchor),
                    Due = context.Due(anchor, Options.Within),
                    Completed = a.Completed,
                    Evidence = [a.Id],
                    EpisodeEnd = e.End,
                });
            }
        }
    }
}

/// <summary>The Early Help assessments of an episode, in date order.</summary>
internal static class EarlyHelpAssessments
{
    public static IEnumerable<Assessment> Of(CaseRecord record, EarlyHelpEpisode e) => record.Assessments
        .Where(a => a.Kind == AssessmentKind.EarlyHelp)
        .Where(a => Episodes.BelongsTo(a.EpisodeId, a.Start ?? a.Completed ?? e.Start, [e.Id], e.Start, e.End))
        .OrderBy(a => a.Start ?? a.Completed);
}

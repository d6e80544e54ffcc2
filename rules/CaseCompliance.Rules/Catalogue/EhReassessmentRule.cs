using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>eh-reassessment</c>.</summary>
public sealed class EhReassessmentOptions : RuleOptions
{
    public Timescale After { get; set; } = Timescale.Months(6);
}

/// <summary>
/// <c>eh-reassessment</c>: a review assessment is started when the episode passes 6 months since the last
/// assessment was completed. Source: Darlington EH §4.1. Choices: each completed assessment is checked against
/// the next assessment started after it; an episode that closes before the 6 months is not applicable.
/// </summary>
public sealed class EhReassessmentRule(EhReassessmentOptions? options = null) : Rule<EhReassessmentOptions>(options)
{
    public override string Id => "eh-reassessment";
    public override string Title => "Review assessment started 6 months after the last one";
    public override string Citation => "Darlington EH §4.1";
    public override AuditArea Area => AuditArea.AllocationAndAssessment;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        if (record.EarlyHelpEpisodes.IsEmpty || !record.Records(Dataset.EarlyHelpAssessments))
        {
            yield break;
        }

        foreach (var e in record.EarlyHelpEpisodes)
        {
            var assessments = EarlyHelpAssessments.Of(record, e).ToList();
            foreach (var done in assessments.Where(a => a.Completed is not null).OrderBy(a => a.Completed))
            {
                var completed = done.Completed!.Value;
                var next = assessments.Where(a => a.Start is { } s && s > completed).MinBy(a => a.Start);
                yield return context.Judge(this, new Obligation
                {
                    EpisodeId = e.Id,
                    What = "Review assessment",
                    Done = "started",
                    Anchor = completed,
                    Basis = RuleContext.Basis(Options.After, "the last assessment was completed", completed),
                    Due = context.Due(completed, Options.After),
                    Completed = next?.Start,
                    Evidence = next is null ? [done.Id] : [done.Id, next.Id],
                    EpisodeEnd = e.End,
                });
            }
        }
    }
}

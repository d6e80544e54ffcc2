using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>eh-outcome-star</c>.</summary>
public sealed class EhOutcomeStarOptions : RuleOptions
{
    public Timescale AssessmentTimescale { get; set; } = Timescale.Days(45);

    /// <summary>Episodes that lasted longer than this need a repeat star before closure.</summary>
    public Timescale RepeatAfter { get; set; } = Timescale.Weeks(12);
}

/// <summary>
/// <c>eh-outcome-star</c>: an initial Outcome Star by the completion of the assessment, and a repeat star before
/// closure when the episode lasted over 12 weeks. Source: Dorset EH §4, §6. Choices: the repeat is checked when
/// the episode closes (until then nobody knows when closure will be); the repeat is any star after the initial one.
/// </summary>
public sealed class EhOutcomeStarRule(EhOutcomeStarOptions? options = null) : Rule<EhOutcomeStarOptions>(options)
{
    public override string Id => "eh-outcome-star";
    public override string Title => "Outcome Star at assessment and again before closure";
    public override string Citation => "Dorset EH §4, §6";
    public override AuditArea Area => AuditArea.PlansConferencesReviews;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        if (record.EarlyHelpEpisodes.IsEmpty)
        {
            yield break;
        }

        if (!record.Records(Dataset.Documents))
        {
            yield return context.NotRecorded(this, "Outcome Star", "documents (cc_documents)");
            yield break;
        }

        foreach (var e in record.EarlyHelpEpisodes)
        {
            var deadline = AssessmentDeadline.Of(record, e, context, Options.AssessmentTimescale);
            var stars = record.Documents
                .Where(d => d.Kind == DocumentKind.OutcomeStar && Episodes.BelongsTo(d.EpisodeId, d.Date, [e.Id], e.Start, e.End))
                .OrderBy(d => d.Date).ToList();
            var initial = stars.FirstOrDefault();
            yield return context.Judge(this, new Obligation
            {
                EpisodeId = e.Id,
                What = "Initial Outcome Star",
                Anchor = deadline.Anchor,
                Basis = deadline.Basis,
                Due = deadline.Due,
                Completed = initial?.Date,
                Evidence = initial is null ? [deadline.Id] : [deadline.Id, initial.Id],
                EpisodeEnd = e.End,
            });

            if (e.End is not { } end || end <= context.Due(e.Start, Options.RepeatAfter))
            {
                continue;
            }

            var repeat = stars.Skip(1).FirstOrDefault();
            yield return context.Judge(this, new Obligation
            {
                EpisodeId = e.Id,
                What = "Repeat Outcome Star",
                Anchor = e.Start,
                Basis = $"before closure, the episode having lasted over {Options.RepeatAfter} from {RuleContext.Date(e.Start)}",
                Due = end,
                Completed = repeat?.Date,
                Evidence = repeat is null ? [e.Id] : [e.Id, repeat.Id],
                EpisodeEnd = end,
            });
        }
    }
}

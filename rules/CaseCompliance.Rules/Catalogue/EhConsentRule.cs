using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>eh-consent</c>.</summary>
public sealed class EhConsentOptions : RuleOptions
{
    /// <summary>While the assessment is not complete, consent is due by the assessment's own due date.</summary>
    public Timescale AssessmentTimescale { get; set; } = Timescale.Days(45);
}

/// <summary>
/// <c>eh-consent</c>: signed consent recorded by the time the (first) assessment of the episode is completed.
/// Source: Dorset EH §4. Choice: while the assessment is still open, consent is due by the assessment's due date.
/// </summary>
public sealed class EhConsentRule(EhConsentOptions? options = null) : Rule<EhConsentOptions>(options)
{
    public override string Id => "eh-consent";
    public override string Title => "Signed consent by the time the assessment is completed";
    public override string Citation => "Dorset EH §4";
    public override AuditArea Area => AuditArea.AllocationAndAssessment;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        if (record.EarlyHelpEpisodes.IsEmpty)
        {
            yield break;
        }

        if (!record.Records(Dataset.Documents))
        {
            yield return context.NotRecorded(this, "Signed consent", "documents (cc_documents)");
            yield break;
        }

        foreach (var e in record.EarlyHelpEpisodes)
        {
            var deadline = AssessmentDeadline.Of(record, e, context, Options.AssessmentTimescale);
            var consent = record.Documents
                .Where(d => d.Kind == DocumentKind.Consent && Episodes.BelongsTo(d.EpisodeId, d.Date, [e.Id], e.Start, e.End))
                .MinBy(d => d.Date);
            yield return context.Judge(this, new Obligation
            {
                EpisodeId = e.Id,
                What = "Signed consent",
                Done = "recorded",
                Anchor = deadline.Anchor,
                Basis = deadline.Basis,
                Due = deadline.Due,
                Completed = consent?.Date,
                Evidence = consent is null ? [deadline.Id] : [deadline.Id, consent.Id],
                EpisodeEnd = e.End,
            });
        }
    }
}

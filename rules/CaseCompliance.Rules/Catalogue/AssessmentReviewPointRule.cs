using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>assessment-review-point</c>.</summary>
public sealed class AssessmentReviewPointOptions : RuleOptions
{
    public Timescale Within { get; set; } = Timescale.WorkingDays(20);
}

/// <summary>
/// <c>assessment-review-point</c>: a review and decision point within 20 working days of the assessment start,
/// where the source records review points. Source: CareFirst guidance. Choice: an assessment completed before the
/// review point fell due needs none (not applicable).
/// </summary>
public sealed class AssessmentReviewPointRule(AssessmentReviewPointOptions? options = null) : Rule<AssessmentReviewPointOptions>(options)
{
    public override string Id => "assessment-review-point";
    public override string Title => "Assessment review point within 20 working days";
    public override string Citation => "CareFirst guidance";
    public override AuditArea Area => AuditArea.AllocationAndAssessment;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        var assessments = record.Assessments.Where(a => a.Kind == AssessmentKind.SocialCare).ToList();
        if (assessments.Count == 0)
        {
            yield break;
        }

        if (!record.Records(Dataset.AssessmentReviewPoints))
        {
            yield return context.NotRecorded(this, "Assessment review point", "assessment review points (cc_assessment_review_points)");
            yield break;
        }

        foreach (var a in assessments)
        {
            if (a.Start is not { } start)
            {
                yield return context.MissingData(this, a.Id, "Assessment review point", "the assessment start date", evidence: [a.Id]);
                continue;
            }

            var point = record.AssessmentReviewPoints.Where(p => p.AssessmentId == a.Id && p.Date >= start).MinBy(p => p.Date);
            var end = a.Completed is { } c && (point is null || c < point.Date) ? c : (NodaTime.LocalDate?)null;
            yield return context.Judge(this, new Obligation
            {
                EpisodeId = a.Id,
                What = "Assessment review point",
                Done = "held",
                Anchor = start,
                Basis = RuleContext.Basis(Options.Within, "the assessment start", start),
                Due = context.Due(start, Options.Within),
                Completed = point?.Date,
                Evidence = [a.Id],
                EpisodeEnd = end,
                EpisodeLabel = "assessment",
            });
        }
    }
}

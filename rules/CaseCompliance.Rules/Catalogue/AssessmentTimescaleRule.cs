using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>assessment-timescale</c>.</summary>
public sealed class AssessmentTimescaleOptions : RuleOptions
{
    public Timescale Within { get; set; } = Timescale.WorkingDays(45);

    /// <summary><c>assessment-start</c> (default) or <c>referral-date</c>: where the 45 working days run from.</summary>
    public string Anchor { get; set; } = "assessment-start";

    public override IEnumerable<string> Validate()
    {
        if (Anchor is not ("assessment-start" or "referral-date"))
        {
            yield return $"Anchor: '{Anchor}' is not assessment-start or referral-date.";
        }
    }
}

/// <summary>
/// <c>assessment-timescale</c>: a social care assessment authorised within 45 working days of its start (or of
/// the referral, by configuration). Source: Working Together; CareFirst guidance. Choices: the authorisation date
/// is the completion; an assessment left open when its referral closed counts as overdue to the closure.
/// </summary>
public sealed class AssessmentTimescaleRule(AssessmentTimescaleOptions? options = null) : Rule<AssessmentTimescaleOptions>(options)
{
    public override string Id => "assessment-timescale";
    public override string Title => "Assessment authorised within 45 working days";
    public override string Citation => "Working Together; CareFirst guidance";
    public override AuditArea Area => AuditArea.AllocationAndAssessment;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        var fromReferral = Options.Anchor == "referral-date";
        foreach (var a in record.Assessments.Where(a => a.Kind == AssessmentKind.SocialCare))
        {
            var referral = record.Referrals.FirstOrDefault(r => r.Id == a.EpisodeId);
            var anchor = fromReferral ? referral?.ReferralDate : a.Start;
            if (anchor is null)
            {
                yield return context.MissingData(this, a.Id, "Assessment timescale",
                    fromReferral ? "the referral date of the assessment's referral" : "the assessment start date",
                    evidence: [a.Id]);
                continue;
            }

            yield return context.Judge(this, new Obligation
            {
                EpisodeId = a.Id,
                What = "Assessment",
                Done = "authorised",
                Anchor = anchor.Value,
                Basis = RuleContext.Basis(Options.Within, fromReferral ? "the referral" : "the assessment start", anchor.Value),
                Due = context.Due(anchor.Value, Options.Within),
                Completed = a.Completed,
                Evidence = [a.Id],
                EpisodeEnd = referral?.CloseDate,
                EpisodeLabel = "referral",
            });
        }
    }
}

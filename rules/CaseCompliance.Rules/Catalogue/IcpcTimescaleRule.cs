using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>icpc-timescale</c>.</summary>
public sealed class IcpcTimescaleOptions : RuleOptions
{
    public Timescale Within { get; set; } = Timescale.WorkingDays(15);
}

/// <summary>
/// <c>icpc-timescale</c>: the initial child protection conference within 15 working days of the strategy
/// discussion that started the section 47 enquiry. Source: Working Together; CareFirst guidance. Choices: an
/// enquiry that ended without a conference needed none (not applicable); an open enquiry with no conference is
/// shown as due/overdue so that drift is seen; transfer-in conferences are not applicable.
/// </summary>
public sealed class IcpcTimescaleRule(IcpcTimescaleOptions? options = null) : Rule<IcpcTimescaleOptions>(options)
{
    public override string Id => "icpc-timescale";
    public override string Title => "Initial child protection conference within 15 working days";
    public override string Citation => "Working Together; CareFirst guidance";
    public override AuditArea Area => AuditArea.PlansConferencesReviews;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        foreach (var s in record.S47Enquiries)
        {
            var icpc = record.InitialConferences.FirstOrDefault(c => c.S47EnquiryId == s.Id)
                ?? record.InitialConferences.FirstOrDefault(c => c.S47EnquiryId is null && c.ReferralId == s.ReferralId
                    && c.Date >= s.Start);
            var due = context.Due(s.Start, Options.Within);
            if (icpc is { TransferIn: true })
            {
                yield return context.NotApplicable(this, s.Id,
                    "Initial child protection conference timescale does not apply to a transfer-in conference.", s.Start, due, [s.Id, icpc.Id]);
                continue;
            }

            if (icpc?.Date is null && s.End is { } end && end <= context.AsOf)
            {
                yield return context.NotApplicable(this, s.Id,
                    $"No initial child protection conference was needed: the section 47 enquiry ended on {RuleContext.Date(end)} without one.",
                    s.Start, due, [s.Id]);
                continue;
            }

            yield return context.Judge(this, new Obligation
            {
                EpisodeId = s.Id,
                What = "Initial child protection conference",
                Done = "held",
                Anchor = s.Start,
                Basis = RuleContext.Basis(Options.Within, "the strategy discussion", s.Start),
                Due = due,
                Completed = icpc?.Date,
                Evidence = icpc is null ? [s.Id] : [s.Id, icpc.Id],
            });
        }
    }
}

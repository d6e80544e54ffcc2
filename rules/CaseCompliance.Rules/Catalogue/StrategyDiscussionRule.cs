using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>strategy-discussion</c>.</summary>
public sealed class StrategyDiscussionOptions : RuleOptions
{
    /// <summary>Dates only: 24 hours is 1 working day.</summary>
    public Timescale Within { get; set; } = Timescale.Hours(24);
}

/// <summary>
/// <c>strategy-discussion</c>: where a strategy discussion is held, it is held within 24 hours (1 working day with
/// dates only) of the referral. Source: CareFirst guidance. Choices: a strategy discussion is a meeting of that
/// type or the start of a section 47 enquiry (the SSD records the discussion that began it as the start); the
/// first one on or after the referral date is checked; referrals with none are not checked.
/// </summary>
public sealed class StrategyDiscussionRule(StrategyDiscussionOptions? options = null) : Rule<StrategyDiscussionOptions>(options)
{
    public override string Id => "strategy-discussion";
    public override string Title => "Strategy discussion within 24 hours of the referral";
    public override string Citation => "CareFirst guidance";
    public override AuditArea Area => AuditArea.ContactAndReferral;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        foreach (var r in record.Referrals)
        {
            var discussions = record.Meetings
                .Where(m => m.Type == MeetingType.StrategyDiscussion && m.Held
                    && Episodes.BelongsTo(m.EpisodeId, m.Date!.Value, [r.Id], r.ReferralDate, r.CloseDate))
                .Occurrences(m => m.Date, m => m.Id)
                .Concat(record.S47Enquiries.Where(s => s.ReferralId == r.Id
                        || (s.ReferralId is null && r.IsOpenAt(s.Start)))
                    .Select(s => new Occurrence(s.Start, s.Id)))
                .Where(o => o.Date >= r.ReferralDate && o.Date <= context.AsOf)
                .OrderBy(o => o.Date)
                .ToList();
            if (discussions.Count == 0)
            {
                continue;
            }

            var first = discussions[0];
            yield return context.Judge(this, new Obligation
            {
                EpisodeId = r.Id,
                What = "Strategy discussion",
                Done = "held",
                Anchor = r.ReferralDate,
                Basis = $"{ContactDecisionRule.DatesOnly(Options.Within)} after the referral on {RuleContext.Date(r.ReferralDate)}",
                Due = context.Due(r.ReferralDate, Options.Within),
                Completed = first.Date,
                Evidence = [r.Id, first.Id],
            });
        }
    }
}

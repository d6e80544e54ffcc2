using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;
using NodaTime;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>cin-review</c>.</summary>
public sealed class CinReviewOptions : RuleOptions
{
    public Timescale First { get; set; } = Timescale.Months(3);
    public Timescale Interval { get; set; } = Timescale.Months(6);
}

/// <summary>
/// <c>cin-review</c>: the first CIN review within 3 months of the referral, then at intervals of not more than 6
/// months. Source: CareFirst guidance. Choices: only referrals that led to a child in need plan are checked; the
/// obligation ends when the last CIN plan of the referral ends (or the referral closes).
/// </summary>
public sealed class CinReviewRule(CinReviewOptions? options = null) : Rule<CinReviewOptions>(options)
{
    public override string Id => "cin-review";
    public override string Title => "CIN review within 3 months of the referral, then every 6 months";
    public override string Citation => "CareFirst guidance";
    public override AuditArea Area => AuditArea.PlansConferencesReviews;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        foreach (var r in record.Referrals)
        {
            var plans = record.Plans.Where(p => p.Kind == PlanKind.ChildInNeed && p.ReferralId == r.Id).ToList();
            if (plans.Count == 0)
            {
                continue;
            }

            if (!record.Records(Dataset.Meetings))
            {
                yield return context.NotRecorded(this, "CIN review", "meetings (cc_meetings)");
                yield break;
            }

            LocalDate? end = plans.All(p => p.End is not null) ? plans.Max(p => p.End) : r.CloseDate;
            var ids = plans.Select(p => p.Id).Append(r.Id).ToHashSet();
            var reviews = record.Meetings
                .Where(m => m.Type == MeetingType.ChildInNeedReview && m.Held
                    && Episodes.BelongsTo(m.EpisodeId, m.Date!.Value, ids, r.ReferralDate, end))
                .Occurrences(m => m.Date, m => m.Id);
            foreach (var f in context.Recurring(this, new RecurringSchedule
            {
                EpisodeId = r.Id,
                What = "CIN review",
                FirstWhat = "First CIN review",
                Done = "held",
                EpisodeLabel = "child in need plan",
                Anchor = r.ReferralDate,
                AnchorId = r.Id,
                First = from => context.Step(from, Options.First, "the referral"),
                Next = (from, _) => context.Step(from, Options.Interval, "the previous CIN review"),
                Events = reviews,
                End = end,
            }))
            {
                yield return f;
            }
        }
    }
}

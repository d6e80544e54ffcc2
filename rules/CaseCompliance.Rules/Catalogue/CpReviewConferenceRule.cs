using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>cp-review-conference</c>.</summary>
public sealed class CpReviewConferenceOptions : RuleOptions
{
    public Timescale First { get; set; } = Timescale.Months(3);
    public Timescale Interval { get; set; } = Timescale.Months(6);
}

/// <summary>
/// <c>cp-review-conference</c>: the first review conference within 3 months of the ICPC, then at intervals of not
/// more than 6 months, until the plan ends. Source: Working Together; CareFirst guidance. Choices: only review
/// conferences actually held count; without a linked ICPC the plan start is the anchor.
/// </summary>
public sealed class CpReviewConferenceRule(CpReviewConferenceOptions? options = null) : Rule<CpReviewConferenceOptions>(options)
{
    public override string Id => "cp-review-conference";
    public override string Title => "CP review conference within 3 months, then every 6 months";
    public override string Citation => "Working Together; CareFirst guidance";
    public override AuditArea Area => AuditArea.PlansConferencesReviews;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        foreach (var plan in ChildProtectionPlans.Of(record))
        {
            if (!record.Records(Dataset.ChildProtectionReviews))
            {
                yield return context.NotRecorded(this, "CP review conference", "child protection reviews (ssd_cp_reviews)");
                yield break;
            }

            var icpc = ChildProtectionPlans.Conference(record, plan);
            var reviews = record.Meetings
                .Where(m => m.Type == MeetingType.ChildProtectionReview && m.Held
                    && Episodes.BelongsTo(m.EpisodeId, m.Date!.Value, ChildProtectionPlans.Ids(plan), plan.Start, plan.End))
                .Occurrences(m => m.Date, m => m.Id);
            foreach (var f in context.Recurring(this, new RecurringSchedule
            {
                EpisodeId = plan.Id,
                What = "CP review conference",
                FirstWhat = "First CP review conference",
                Done = "held",
                EpisodeLabel = "plan",
                Anchor = icpc.Date,
                AnchorId = icpc.Id,
                First = from => context.Step(from, Options.First, icpc.Label),
                Next = (from, _) => context.Step(from, Options.Interval, "the previous review conference"),
                Events = reviews.Where(r => r.Date > icpc.Date),
                End = plan.End,
            }))
            {
                yield return f;
            }
        }
    }
}

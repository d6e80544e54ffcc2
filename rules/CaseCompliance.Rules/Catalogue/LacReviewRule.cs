using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>lac-review</c>.</summary>
public sealed class LacReviewOptions : RuleOptions
{
    public Timescale First { get; set; } = Timescale.WorkingDays(20);
    public Timescale Second { get; set; } = Timescale.Months(3);
    public Timescale Interval { get; set; } = Timescale.Months(6);
}

/// <summary>
/// <c>lac-review</c>: the first review within 20 working days of becoming looked after, the second within 3 months
/// of the first, then at intervals of not more than 6 months. Source: CPPCR reg 33; CareFirst guidance. Choices:
/// cancelled reviews do not count; the clock runs per period of care.
/// </summary>
public sealed class LacReviewRule(LacReviewOptions? options = null) : Rule<LacReviewOptions>(options)
{
    public override string Id => "lac-review";
    public override string Title => "LAC reviews: 20 working days, 3 months, then every 6 months";
    public override string Citation => "CPPCR reg 33; CareFirst guidance";
    public override AuditArea Area => AuditArea.PlansConferencesReviews;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        foreach (var period in record.PeriodsOfCare)
        {
            if (!record.Records(Dataset.LookedAfterReviews))
            {
                yield return context.NotRecorded(this, "LAC review", "looked-after reviews (ssd_cla_reviews)");
                yield break;
            }

            var reviews = LookedAfterReviews.Of(record, period).Occurrences(m => m.Date, m => m.Id);
            foreach (var f in context.Recurring(this, new RecurringSchedule
            {
                EpisodeId = period.Id,
                What = "LAC review",
                FirstWhat = "First LAC review",
                Done = "held",
                EpisodeLabel = "period of care",
                Anchor = period.Start,
                AnchorId = period.Id,
                First = from => context.Step(from, Options.First, "becoming looked after"),
                Next = (from, count) => count == 1
                    ? context.Step(from, Options.Second, "the first review")
                    : context.Step(from, Options.Interval, "the previous review"),
                Events = reviews,
                End = period.End,
            }))
            {
                yield return f;
            }
        }
    }
}

/// <summary>Held LAC reviews of a period of care.</summary>
internal static class LookedAfterReviews
{
    public static IEnumerable<Meeting> Of(CaseRecord record, PeriodOfCare period) => record.Meetings
        .Where(m => m.Type == MeetingType.LookedAfterReview && m.Held
            && Episodes.BelongsTo(m.EpisodeId, m.Date!.Value, [period.Id], period.Start, period.End))
        .OrderBy(m => m.Date);
}

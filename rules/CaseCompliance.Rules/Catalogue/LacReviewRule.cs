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
/// <remarks>
/// A period whose source records its reviews only from <see cref="PeriodOfCare.ReviewsRecordedFrom"/> (a yearly
/// SSDA903 return: a period that began before the collection year, or care whose start is not in the return) is
/// judged only from what the source can show (ADR 013): reviews due before that date are not judged, and reviews held
/// before it are not counted. The review held before it is unknown but can have been no later than that date, so the
/// first review held on or after it is due at the latest <see cref="LacReviewOptions.Interval"/> (6 months) after it:
/// met on or before then (it cannot be shown late against a review that is not in the source), late after; with no
/// review held, it is overdue from then. Each later review is due within the interval of the one before: the first
/// review in the source is not known to be the child's first, so the shorter second-review interval (3 months) is
/// never applied to it.
/// </remarks>
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
            // From becoming looked after: 20 working days, then 3 months, then every 6 months.
            var schedule = new RecurringSchedule
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
            };
            if (period.ReviewsRecordedFrom is { } recordedFrom && recordedFrom >= period.Start)
            {
                // Only from the date the source records reviews from: every review within the interval of the last.
                schedule = schedule with
                {
                    FirstWhat = null,
                    Anchor = recordedFrom,
                    First = from => context.Step(from, Options.Interval, "the date the source records reviews from (the review before is not in it)"),
                    Next = (from, _) => context.Step(from, Options.Interval, "the previous review"),
                };
            }

            foreach (var f in context.Recurring(this, schedule))
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

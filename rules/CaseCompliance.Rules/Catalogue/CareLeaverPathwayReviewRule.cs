using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>care-leaver-pathway-review</c>.</summary>
public sealed class CareLeaverPathwayReviewOptions : RuleOptions
{
    public Timescale Interval { get; set; } = Timescale.Months(6);
}

/// <summary>
/// <c>care-leaver-pathway-review</c>: the pathway plan reviewed at intervals of not more than 6 months. Source:
/// Care Leavers (England) Regulations 2010. Choices: the reviews are the care leaver record's latest review date
/// and any pathway plan review meetings; the earliest known one is the anchor; a care leaver with none recorded is
/// missing data.
/// </summary>
public sealed class CareLeaverPathwayReviewRule(CareLeaverPathwayReviewOptions? options = null) : Rule<CareLeaverPathwayReviewOptions>(options)
{
    public override string Id => "care-leaver-pathway-review";
    public override string Title => "Pathway plan reviewed at least every 6 months";
    public override string Citation => "Care leavers regulations";
    public override AuditArea Area => AuditArea.PlansConferencesReviews;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        if (record.CareLeaver is not { } leaver)
        {
            yield break;
        }

        var reviews = record.Meetings.Where(m => m.Type == MeetingType.PathwayPlanReview && m.Held)
            .Occurrences(m => m.Date, m => m.Id)
            .ToList();
        if (leaver.PathwayPlanReviewDate is { } latest && reviews.All(r => r.Date != latest))
        {
            reviews.Add(new Occurrence(latest, $"{leaver.PersonId}:pathway-plan"));
        }

        reviews = reviews.Where(r => r.Date <= context.AsOf).OrderBy(r => r.Date).ToList();
        if (reviews.Count == 0)
        {
            yield return context.MissingData(this, null, "Pathway plan review", "the pathway plan (review) date");
            yield break;
        }

        foreach (var f in context.Recurring(this, new RecurringSchedule
        {
            What = "Pathway plan review",
            Done = "held",
            Anchor = reviews[0].Date,
            AnchorId = reviews[0].Id,
            First = from => context.Step(from, Options.Interval, "the pathway plan review"),
            Next = (from, _) => context.Step(from, Options.Interval, "the previous pathway plan review"),
            Events = reviews.Skip(1),
        }))
        {
            yield return f;
        }
    }
}

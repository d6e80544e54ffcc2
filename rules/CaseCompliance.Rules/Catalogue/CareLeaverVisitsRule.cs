using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>care-leaver-visits</c>.</summary>
public sealed class CareLeaverVisitsOptions : RuleOptions
{
    public Timescale First { get; set; } = Timescale.Days(7);
    public Timescale Interval { get; set; } = Timescale.Months(2);
}

/// <summary>
/// <c>care-leaver-visits</c>: where the authority provides the accommodation, a visit within 7 days of it first
/// being provided, then at intervals of not more than 2 months. Source: Care Leavers (England) Regulations 2010
/// reg 8. Choices: each accommodation period restarts the schedule; only visits where the young person was seen count;
/// a source that does not record care leaver visits is not applicable.
/// </summary>
public sealed class CareLeaverVisitsRule(CareLeaverVisitsOptions? options = null) : Rule<CareLeaverVisitsOptions>(options)
{
    public override string Id => "care-leaver-visits";
    public override string Title => "Care leaver in provided accommodation visited within 7 days, then every 2 months";
    public override string Citation => "Care Leavers (England) Regs 2010 reg 8";
    public override AuditArea Area => AuditArea.VisitsAndSeeingTheChild;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        if (record.CareLeaver is null && record.CareLeaverAccommodation.IsEmpty)
        {
            yield break;
        }

        if (!record.Records(Dataset.CareLeaverAccommodation))
        {
            yield return context.NotRecorded(this, "Care leaver visit", "accommodation provided to care leavers (cc_care_leaver_accommodation)");
            yield break;
        }

        foreach (var a in record.CareLeaverAccommodation)
        {
            if (!record.Records(Dataset.OtherVisits))
            {
                yield return context.NotRecorded(this, "Care leaver visit", "care leaver visits (cc_visits)");
                yield break;
            }

            var visits = record.Visits
                .Where(v => v.Kind == VisitKind.CareLeaver && v.Seen == true && v.Date >= a.Start && (a.End is null || v.Date <= a.End))
                .Occurrences(v => v.Date, v => v.Id);
            foreach (var f in context.Recurring(this, new RecurringSchedule
            {
                EpisodeId = a.Id,
                What = "Care leaver visit",
                FirstWhat = "First care leaver visit",
                EpisodeLabel = "accommodation",
                Anchor = a.Start,
                AnchorId = a.Id,
                First = from => context.Step(from, Options.First, "the accommodation was first provided"),
                Next = (from, _) => context.Step(from, Options.Interval, "the previous visit"),
                Events = visits,
                End = a.End,
            }))
            {
                yield return f;
            }
        }
    }
}

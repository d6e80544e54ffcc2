using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>private-fostering-visits</c>.</summary>
public sealed class PrivateFosteringVisitsOptions : RuleOptions
{
    public Timescale First { get; set; } = Timescale.WorkingDays(7);
    public Timescale FirstYear { get; set; } = Timescale.Weeks(6);
    public Timescale AfterFirstYear { get; set; } = Timescale.Weeks(12);
}

/// <summary>
/// <c>private-fostering-visits</c>: the first visit within 7 working days of the authority receiving notification
/// (or of the placement, if later), then at intervals of not more than 6 weeks in the first year, then not more
/// than 12 weeks. Source: Children (Private Arrangements for Fostering) Regulations 2005 regs 4 and 8; CareFirst
/// guidance. Choices: "the first year" runs from that anchor; the interval is chosen by the date of the previous
/// visit; only visits where the child was seen count; a source that does not record private fostering visits is not
/// applicable.
/// </summary>
public sealed class PrivateFosteringVisitsRule(PrivateFosteringVisitsOptions? options = null) : Rule<PrivateFosteringVisitsOptions>(options)
{
    public override string Id => "private-fostering-visits";
    public override string Title => "Private fostering visits: 7 working days, 6-weekly, then 12-weekly";
    public override string Citation => "Children (Private Arrangements for Fostering) Regs 2005 reg 4, 8; CareFirst guidance";
    public override AuditArea Area => AuditArea.VisitsAndSeeingTheChild;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        foreach (var pf in record.PrivateFostering)
        {
            if (!record.Records(Dataset.OtherVisits))
            {
                yield return context.NotRecorded(this, "Private fostering visit", "private fostering visits (cc_visits)");
                yield break;
            }

            var anchor = (pf.Notification, pf.Start) switch
            {
                ({ } n, { } s) => n > s ? n : s,
                ({ } n, null) => n,
                (null, { } s) => s,
                _ => (NodaTime.LocalDate?)null,
            };
            if (anchor is not { } from0)
            {
                yield return context.MissingData(this, pf.Id, "Private fostering visits",
                    "a notification or start date", evidence: [pf.Id]);
                continue;
            }

            var label = pf.Notification is { } n2 && n2 == from0 ? "notification" : "the arrangement start";
            var yearEnd = from0.PlusYears(1);
            var visits = record.Visits
                .Where(v => v.Kind == VisitKind.PrivateFostering && v.Seen == true
                    && Episodes.BelongsTo(v.EpisodeId, v.Date, [pf.Id], pf.Start ?? from0, pf.End))
                .Occurrences(v => v.Date, v => v.Id);
            foreach (var f in context.Recurring(this, new RecurringSchedule
            {
                EpisodeId = pf.Id,
                What = "Private fostering visit",
                FirstWhat = "First private fostering visit",
                EpisodeLabel = "arrangement",
                Anchor = from0,
                AnchorId = pf.Id,
                First = from => context.Step(from, Options.First, label),
                Next = (from, _) => context.Step(from, from < yearEnd ? Options.FirstYear : Options.AfterFirstYear, "the previous visit"),
                Events = visits,
                End = pf.End,
            }))
            {
                yield return f;
            }
        }
    }
}

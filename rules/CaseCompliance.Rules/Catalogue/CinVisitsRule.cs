using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>
/// <c>cin-visits</c>: only where the CIN plan records a visit frequency, the child is seen at that interval from
/// the plan start. Source: CareFirst guidance (frequency is professional judgement). Choices: a plan without a
/// recorded frequency is not applicable; only visits where the child was seen count; a source that does not record
/// CIN visits is not applicable.
/// </summary>
public sealed class CinVisitsRule(RuleOptions? options = null) : Rule<RuleOptions>(options)
{
    public override string Id => "cin-visits";
    public override string Title => "CIN visits at the frequency the plan records";
    public override string Citation => "CareFirst guidance (professional judgement)";
    public override AuditArea Area => AuditArea.VisitsAndSeeingTheChild;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        foreach (var plan in record.Plans.Where(p => p.Kind == PlanKind.ChildInNeed))
        {
            if (!record.Records(Dataset.ChildInNeedVisits))
            {
                yield return context.NotRecorded(this, "CIN visit", "child in need visits (ssd_cin_visits)");
                yield break;
            }

            if (plan.VisitFrequency is not { } frequency)
            {
                yield return context.NotApplicable(this, plan.Id,
                    $"CIN visits: the child in need plan that started on {RuleContext.Date(plan.Start)} records no visit frequency.",
                    plan.Start, evidence: [plan.Id]);
                continue;
            }

            var interval = new Timescale(frequency.IntervalDays, frequency.WorkingDays ? TimescaleUnit.WorkingDays : TimescaleUnit.Days);
            var ids = plan.ReferralId is null ? new[] { plan.Id } : [plan.Id, plan.ReferralId];
            var visits = record.Visits
                .Where(v => v.Kind == VisitKind.ChildInNeed && v.Seen == true
                    && Episodes.BelongsTo(v.EpisodeId, v.Date, ids, plan.Start, plan.End))
                .Occurrences(v => v.Date, v => v.Id);
            foreach (var f in context.Recurring(this, new RecurringSchedule
            {
                EpisodeId = plan.Id,
                What = "CIN visit",
                FirstWhat = "First CIN visit",
                EpisodeLabel = "plan",
                Anchor = plan.Start,
                AnchorId = plan.Id,
                First = from => context.Step(from, interval, "the plan start"),
                Next = (from, _) => context.Step(from, interval, "the previous visit"),
                Events = visits,
                End = plan.End,
            }))
            {
                yield return f;
            }
        }
    }
}

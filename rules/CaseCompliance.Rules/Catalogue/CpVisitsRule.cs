using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;
using NodaTime;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>cp-visits</c>.</summary>
public sealed class CpVisitsOptions : RuleOptions
{
    /// <summary>The first visit is due within this of the plan start.</summary>
    public Timescale First { get; set; } = Timescale.Days(14);

    /// <summary>Then each within this of the previous visit (many authorities use "10 working days").</summary>
    public Timescale Interval { get; set; } = Timescale.Days(14);

    /// <summary>Use the plan's own visit frequency where it is stricter.</summary>
    public bool UsePlanFrequency { get; set; } = true;
}

/// <summary>
/// <c>cp-visits</c>: the child seen on a CP visit within 14 days of the plan start, then at intervals of not more
/// than 14 days, or the plan's own frequency where stricter. Source: CareFirst guidance ("as a minimum
/// fortnightly"); there is no national frequency, so interval and basis are configuration. Choices: only visits
/// where the child was seen count; a visit on the plan start day counts as the first.
/// </summary>
public sealed class CpVisitsRule(CpVisitsOptions? options = null) : Rule<CpVisitsOptions>(options)
{
    public override string Id => "cp-visits";
    public override string Title => "Child seen on CP visits at least fortnightly";
    public override string Citation => "CareFirst guidance (\"as a minimum fortnightly\")";
    public override AuditArea Area => AuditArea.VisitsAndSeeingTheChild;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        foreach (var plan in ChildProtectionPlans.Of(record))
        {
            if (!record.Records(Dataset.ChildProtectionVisits))
            {
                yield return context.NotRecorded(this, "CP visit", "child protection visits (ssd_cp_visits)");
                yield break;
            }

            var visits = record.Visits
                .Where(v => v.Kind == VisitKind.ChildProtection && v.Seen == true
                    && Episodes.BelongsTo(v.EpisodeId, v.Date, ChildProtectionPlans.Ids(plan), plan.Start, plan.End))
                .Occurrences(v => v.Date, v => v.Id);
            foreach (var f in context.Recurring(this, new RecurringSchedule
            {
                EpisodeId = plan.Id,
                What = "CP visit",
                FirstWhat = "First CP visit",
                EpisodeLabel = "plan",
                Anchor = plan.Start,
                AnchorId = plan.Id,
                First = from => Stricter(context, plan, from, Options.First, "the plan start"),
                Next = (from, _) => Stricter(context, plan, from, Options.Interval, "the previous visit"),
                Events = visits,
                End = plan.End,
            }))
            {
                yield return f;
            }
        }
    }

    private Step Stricter(RuleContext context, Plan plan, LocalDate from, Timescale timescale, string label)
    {
        var step = context.Step(from, timescale, label);
        if (Options.UsePlanFrequency && plan.VisitFrequency is { } f)
        {
            var own = new Timescale(f.IntervalDays, f.WorkingDays ? TimescaleUnit.WorkingDays : TimescaleUnit.Days);
            var planStep = context.Step(from, own, label);
            if (planStep.Due < step.Due)
            {
                return planStep with { Basis = planStep.Basis + ", the plan's own frequency" };
            }
        }

        return step;
    }
}

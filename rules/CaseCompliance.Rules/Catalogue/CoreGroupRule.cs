using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>core-group</c>.</summary>
public sealed class CoreGroupOptions : RuleOptions
{
    public Timescale First { get; set; } = Timescale.WorkingDays(10);
    public Timescale Interval { get; set; } = Timescale.Weeks(6);
}

/// <summary>
/// <c>core-group</c>: the first core group within 10 working days of the ICPC, then at intervals of not more than
/// 6 weeks, until the plan ends. Source: Working Together; CareFirst guidance ("4–6 weekly"). Choices: cancelled
/// meetings do not count; a core group on the day of the ICPC counts as the first.
/// </summary>
public sealed class CoreGroupRule(CoreGroupOptions? options = null) : Rule<CoreGroupOptions>(options)
{
    public override string Id => "core-group";
    public override string Title => "Core group within 10 working days of the ICPC, then every 6 weeks";
    public override string Citation => "Working Together; CareFirst guidance (\"4–6 weekly\")";
    public override AuditArea Area => AuditArea.PlansConferencesReviews;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        foreach (var plan in ChildProtectionPlans.Of(record))
        {
            if (!record.Records(Dataset.Meetings))
            {
                yield return context.NotRecorded(this, "Core group", "meetings (cc_meetings)");
                yield break;
            }

            var icpc = ChildProtectionPlans.Conference(record, plan);
            var groups = record.Meetings
                .Where(m => m.Type == MeetingType.CoreGroup && m.Held
                    && Episodes.BelongsTo(m.EpisodeId, m.Date!.Value, ChildProtectionPlans.Ids(plan), plan.Start, plan.End))
                .Occurrences(m => m.Date, m => m.Id);
            foreach (var f in context.Recurring(this, new RecurringSchedule
            {
                EpisodeId = plan.Id,
                What = "Core group meeting",
                FirstWhat = "First core group meeting",
                Done = "held",
                EpisodeLabel = "plan",
                Anchor = icpc.Date,
                AnchorId = icpc.Id,
                First = from => context.Step(from, Options.First, icpc.Label),
                Next = (from, _) => context.Step(from, Options.Interval, "the previous core group"),
                Events = groups,
                End = plan.End,
            }))
            {
                yield return f;
            }
        }
    }
}

using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>eh-taf-review</c>.</summary>
public sealed class EhTafReviewOptions : RuleOptions
{
    /// <summary>Each review is due within this of the previous TAF meeting.</summary>
    public Timescale Interval { get; set; } = Timescale.Weeks(12);

    /// <summary>A review held sooner than this after the previous one is <c>early</c>.</summary>
    public Timescale MinimumInterval { get; set; } = Timescale.Weeks(6);
}

/// <summary>
/// <c>eh-taf-review</c>: a TAF review within 12 weeks of the initial TAF meeting, then each within 12 weeks of
/// the previous, until closure; one held under 6 weeks after the previous TAF meeting (the initial one included) is <c>early</c> (information, and it
/// still restarts the clock). Source: Dorset EH §8 ("6–12 week timescales"). Choices: cancelled meetings do not
/// count; an episode with no initial TAF held has nothing to review (not applicable).
/// </summary>
public sealed class EhTafReviewRule(EhTafReviewOptions? options = null) : Rule<EhTafReviewOptions>(options)
{
    public override string Id => "eh-taf-review";
    public override string Title => "TAF reviews every 6–12 weeks";
    public override string Citation => "Dorset EH §8 (\"6–12 week timescales\")";
    public override AuditArea Area => AuditArea.PlansConferencesReviews;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        if (record.EarlyHelpEpisodes.IsEmpty)
        {
            yield break;
        }

        if (!record.Records(Dataset.Meetings))
        {
            yield return context.NotRecorded(this, "TAF review", "meetings (cc_meetings)");
            yield break;
        }

        foreach (var e in record.EarlyHelpEpisodes)
        {
            var meetings = record.Meetings
                .Where(m => m.Held && Episodes.BelongsTo(m.EpisodeId, m.Date!.Value, [e.Id], e.Start, e.End))
                .ToList();
            var initial = meetings.Where(m => m.Type == MeetingType.TeamAroundFamily).MinBy(m => m.Date);
            if (initial is null)
            {
                yield return context.NotApplicable(this, e.Id,
                    $"TAF reviews: no initial TAF meeting is recorded for the Early Help episode that started on {RuleContext.Date(e.Start)}.",
                    e.Start);
                continue;
            }

            var reviews = meetings.Where(m => m.Type == MeetingType.TeamAroundFamilyReview && m.Date > initial.Date)
                .Occurrences(m => m.Date, m => m.Id);
            foreach (var f in context.Recurring(this, new RecurringSchedule
            {
                EpisodeId = e.Id,
                What = "TAF review",
                FirstWhat = "First TAF review",
                Done = "held",
                Anchor = initial.Date!.Value,
                AnchorId = initial.Id,
                First = from => context.Step(from, Options.Interval, "the initial TAF meeting"),
                Next = (from, _) => context.Step(from, Options.Interval, "the previous TAF review"),
                NotBefore = from => context.Due(from, Options.MinimumInterval),
                Events = reviews,
                End = e.End,
            }))
            {
                yield return f;
            }
        }
    }
}

using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>recording-timeliness</c>.</summary>
public sealed class RecordingTimelinessOptions : RuleOptions
{
    public Timescale Within { get; set; } = Timescale.Days(28);
}

/// <summary>
/// <c>recording-timeliness</c>: each visit record written up within 28 days of the visit. Source: CareFirst
/// guidance ("up to date (within 4 weeks)"). Choices: every visit and family contact is checked where the source
/// records write-up dates; a visit with no write-up date is not yet written up.
/// </summary>
public sealed class RecordingTimelinessRule(RecordingTimelinessOptions? options = null) : Rule<RecordingTimelinessOptions>(options)
{
    public override string Id => "recording-timeliness";
    public override string Title => "Visits written up within 28 days";
    public override string Citation => "CareFirst guidance (\"up to date (within 4 weeks)\")";
    public override AuditArea Area => AuditArea.KeyInformation;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        if (record.Visits.IsEmpty)
        {
            yield break;
        }

        if (!record.Records(Dataset.VisitDetails))
        {
            yield return context.NotRecorded(this, "Recording timeliness", "visit write-up dates (cc_visit_details)");
            yield break;
        }

        foreach (var v in record.Visits.OrderBy(v => v.Date))
        {
            yield return context.Judge(this, new Obligation
            {
                EpisodeId = v.EpisodeId,
                What = $"Write-up of the {Words.Visit(v.Kind)} of {RuleContext.Date(v.Date)}",
                Done = "recorded",
                Anchor = v.Date,
                Basis = RuleContext.Basis(Options.Within, "the visit", v.Date),
                Due = context.Due(v.Date, Options.Within),
                Completed = v.RecordedDate,
                Evidence = [v.Id],
            });
        }
    }
}

/// <summary>Words for sentences.</summary>
internal static class Words
{
    public static string Visit(VisitKind kind) => kind switch
    {
        VisitKind.ChildProtection => "CP visit",
        VisitKind.ChildInNeed => "CIN visit",
        VisitKind.LookedAfter => "LAC visit",
        VisitKind.PrivateFostering => "private fostering visit",
        VisitKind.CareLeaver => "care leaver visit",
        VisitKind.EarlyHelpHomeVisit => "Early Help home visit",
        VisitKind.EarlyHelpContact => "Early Help contact",
        _ => "visit",
    };
}

using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>
/// <c>visit-seen-alone</c>: every statutory visit (CP, CIN, LAC, private fostering) records whether the child was
/// seen alone, and a reason where not. Source: CareFirst guidance. Choices: a visit where the child was not seen
/// is not applicable; the reason is only required where the source records reasons (cc_visit_details); a complete
/// record is <c>met</c> on the visit date, an incomplete one <c>missing-data</c> naming the field.
/// </summary>
public sealed class VisitSeenAloneRule(RuleOptions? options = null) : Rule<RuleOptions>(options)
{
    public override string Id => "visit-seen-alone";
    public override string Title => "Statutory visits record whether the child was seen alone";
    public override string Citation => "CareFirst guidance";
    public override AuditArea Area => AuditArea.VisitsAndSeeingTheChild;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        var reasonsRecorded = record.Records(Dataset.VisitDetails);
        foreach (var v in record.Visits.Where(v => v.IsStatutory).OrderBy(v => v.Date))
        {
            var what = $"The {Words.Visit(v.Kind)} of {RuleContext.Date(v.Date)}";
            if (v.Seen == false)
            {
                yield return context.NotApplicable(this, v.EpisodeId,
                    $"{what} did not see the child, so there is no seen-alone question.", v.Date, v.Date, [v.Id]);
                continue;
            }

            if (v.SeenAlone is null)
            {
                yield return context.MissingData(this, v.EpisodeId, what, "whether the child was seen alone", v.Date, [v.Id]);
                continue;
            }

            if (v.SeenAlone == false && reasonsRecorded && string.IsNullOrWhiteSpace(v.NotSeenAloneReason))
            {
                yield return context.MissingData(this, v.EpisodeId, what,
                    "the reason the child was not seen alone", v.Date, [v.Id]);
                continue;
            }

            var recorded = v.SeenAlone == true ? "the child was seen alone"
                : string.IsNullOrWhiteSpace(v.NotSeenAloneReason) ? "the child was not seen alone (this source records no reasons)"
                : "the child was not seen alone, with the reason";
            var f = context.Judge(this, new Obligation
            {
                EpisodeId = v.EpisodeId,
                What = what,
                Anchor = v.Date,
                Basis = "at the visit",
                Due = v.Date,
                Completed = v.Date,
                Evidence = [v.Id],
            });
            yield return f with { Detail = $"{what} records that {recorded}." };
        }
    }
}

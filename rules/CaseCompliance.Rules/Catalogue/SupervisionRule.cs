using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;
using NodaTime;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>supervision</c>.</summary>
public sealed class SupervisionOptions : RuleOptions
{
    /// <summary>Child protection and complex child in need cases.</summary>
    public Timescale Complex { get; set; } = Timescale.Months(1);

    /// <summary>Every other open case.</summary>
    public Timescale Other { get; set; } = Timescale.Months(3);

    /// <summary>Primary need codes (CIN census N1–N9) that make a child in need case "complex".</summary>
    public List<string> ComplexNeedCodes { get; set; } = [];

    /// <summary>Treat a case with a looked-after period open as complex.</summary>
    public bool LookedAfterIsComplex { get; set; }
}

/// <summary>
/// <c>supervision</c>: case supervision at intervals of not more than 1 month for child protection and complex
/// child in need cases, not more than 3 months for every other open case, from the referral. Source: CareFirst
/// guidance; Enfield. Choices: "complex" is a child protection plan open when the interval starts, or a primary
/// need code listed in configuration (none by default); the interval is chosen at the start of each interval;
/// a supervision record naming no episode counts for any open referral.
/// </summary>
public sealed class SupervisionRule(SupervisionOptions? options = null) : Rule<SupervisionOptions>(options)
{
    public override string Id => "supervision";
    public override string Title => "Case supervision monthly (CP, complex CIN) or 3-monthly";
    public override string Citation => "CareFirst guidance; Enfield";
    public override AuditArea Area => AuditArea.ManagementOversight;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        var referrals = record.Referrals.Where(r => r.NoFurtherAction != true).ToList();
        if (referrals.Count == 0)
        {
            yield break;
        }

        if (!record.Records(Dataset.ManagementRecords))
        {
            yield return context.NotRecorded(this, "Case supervision", "management records (cc_management_records)");
            yield break;
        }

        foreach (var r in referrals)
        {
            var ids = record.Plans.Where(p => p.ReferralId == r.Id).Select(p => p.Id)
                .Concat(record.PeriodsOfCare.Where(p => p.ReferralId == r.Id).Select(p => p.Id))
                .Append(r.Id).ToHashSet();
            var records = record.ManagementRecords
                .Where(m => m.Kind == ManagementKind.Supervision && Episodes.BelongsTo(m.EpisodeId, m.Date, ids, r.ReferralDate, r.CloseDate))
                .Occurrences(m => (LocalDate?)m.Date, m => m.Id);
            foreach (var f in context.Recurring(this, new RecurringSchedule
            {
                EpisodeId = r.Id,
                What = "Case supervision",
                Done = "recorded",
                EpisodeLabel = "referral",
                Anchor = r.ReferralDate,
                AnchorId = r.Id,
                First = from => Step(context, record, r, from, "the referral"),
                Next = (from, _) => Step(context, record, r, from, "the previous supervision"),
                Events = records,
                End = r.CloseDate,
            }))
            {
                yield return f;
            }
        }
    }

    private Step Step(RuleContext context, CaseRecord record, Referral referral, LocalDate from, string label)
    {
        var cp = record.Plans.Any(p => p.Kind == PlanKind.ChildProtection && p.IsOpenAt(from));
        var complexNeed = referral.PrimaryNeedCode is { } code && Options.ComplexNeedCodes.Contains(code, StringComparer.OrdinalIgnoreCase);
        var lac = Options.LookedAfterIsComplex && record.PeriodsOfCare.Any(p => p.IsOpenAt(from));
        var step = context.Step(from, cp || complexNeed || lac ? Options.Complex : Options.Other, label);
        var why = cp ? "child protection plan open" : complexNeed ? "complex child in need case" : lac ? "looked after" : "open case";
        return step with { Basis = $"{step.Basis}; {why}" };
    }
}

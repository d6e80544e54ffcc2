using System.Collections.Frozen;

namespace CaseCompliance.Host.Web;

/// <summary>One heading of the child page and the evidence document, in the order an auditor's case file review takes.</summary>
public sealed record AuditArea(string Id, string Title);

/// <summary>
/// The audit areas of a case file review and which rule (docs/rules.md) belongs to which: the one place this is decided.
/// A test checks that every rule of the catalogue maps; a rule added without a mapping shows under "Other findings"
/// rather than disappearing.
/// </summary>
public static class AuditAreas
{
    public static readonly AuditArea ContactAndReferral = new("contact-and-referral", "Contact and referral");
    public static readonly AuditArea AllocationAndAssessment = new("allocation-and-assessment", "Allocation and assessment");
    public static readonly AuditArea PlansConferencesReviews = new("plans-conferences-reviews", "Plans, conferences and reviews");
    public static readonly AuditArea Visits = new("visits", "Visits and seeing the child");
    public static readonly AuditArea Oversight = new("oversight-and-supervision", "Management oversight and supervision");
    public static readonly AuditArea KeyInformation = new("key-information", "Key information");
    public static readonly AuditArea AuditFollowUp = new("audit-follow-up", "Audit follow-up");
    public static readonly AuditArea Other = new("other", "Other findings");

    /// <summary>The areas in page order (without <see cref="Other"/>).</summary>
    public static readonly IReadOnlyList<AuditArea> All =
        [ContactAndReferral, AllocationAndAssessment, PlansConferencesReviews, Visits, Oversight, KeyInformation, AuditFollowUp];

    private static readonly FrozenDictionary<string, AuditArea> ByRule = new Dictionary<string, AuditArea>(StringComparer.Ordinal)
    {
        ["contact-decision"] = ContactAndReferral,
        ["strategy-discussion"] = ContactAndReferral,
        ["eh-initial-contact"] = ContactAndReferral,

        ["allocation"] = AllocationAndAssessment,
        ["eh-assessment"] = AllocationAndAssessment,
        ["eh-reassessment"] = AllocationAndAssessment,
        ["eh-consent"] = AllocationAndAssessment,
        ["eh-outcome-star"] = AllocationAndAssessment,
        ["assessment-timescale"] = AllocationAndAssessment,
        ["assessment-review-point"] = AllocationAndAssessment,

        ["eh-taf-review"] = PlansConferencesReviews,
        ["icpc-timescale"] = PlansConferencesReviews,
        ["cp-review-conference"] = PlansConferencesReviews,
        ["core-group"] = PlansConferencesReviews,
        ["cin-review"] = PlansConferencesReviews,
        ["lac-review"] = PlansConferencesReviews,
        ["care-leaver-pathway-review"] = PlansConferencesReviews,

        ["eh-initial-home-visit"] = Visits,
        ["cp-visits"] = Visits,
        ["cin-visits"] = Visits,
        ["lac-visits"] = Visits,
        ["private-fostering-visits"] = Visits,
        ["care-leaver-visits"] = Visits,
        ["visit-seen-alone"] = Visits,
        // Writing a visit up is part of the visit's evidence: an auditor reads them together.
        ["recording-timeliness"] = Visits,

        ["management-oversight"] = Oversight,
        ["supervision"] = Oversight,

        ["key-information"] = KeyInformation,

        ["audit-actions"] = AuditFollowUp,
        ["audit-follow-up"] = AuditFollowUp,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The rule ids that have an area.</summary>
    public static IEnumerable<string> MappedRules => ByRule.Keys;

    public static AuditArea Of(string ruleId) => ByRule.TryGetValue(ruleId, out var area) ? area : Other;
}

using CaseCompliance.Domain;
using NodaTime;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Shared look-ups for child protection plans.</summary>
internal static class ChildProtectionPlans
{
    public static IEnumerable<Plan> Of(CaseRecord record) => record.Plans.Where(p => p.Kind == PlanKind.ChildProtection);

    /// <summary>The plan's ICPC date (the conference that made it), else the plan start.</summary>
    public static (LocalDate Date, string Label, string Id) Conference(CaseRecord record, Plan plan)
    {
        var icpc = record.InitialConferences.FirstOrDefault(c => c.Id == plan.IcpcId && c.Date is not null)
            ?? record.InitialConferences.FirstOrDefault(c => c.CpPlanId == plan.Id && c.Date is not null);
        return icpc is null ? (plan.Start, "the plan start", plan.Id) : (icpc.Date!.Value, "the initial conference", icpc.Id);
    }

    /// <summary>Ids a record may carry to say it belongs to this plan.</summary>
    public static string[] Ids(Plan plan) => plan.ReferralId is null ? [plan.Id] : [plan.Id, plan.ReferralId];
}

using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;
using NodaTime;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>lac-visits</c>: the schedule of rules.md and the codes that choose it.</summary>
public sealed class LacVisitsOptions : RuleOptions
{
    public Timescale FirstVisit { get; set; } = Timescale.Days(7);
    public Timescale Standard { get; set; } = Timescale.Weeks(6);
    public Timescale LongTermAfterFirstYear { get; set; } = Timescale.Months(3);
    public Timescale ReducedVisits { get; set; } = Timescale.Months(6);
    public Timescale UntilFirstReview { get; set; } = Timescale.Days(7);
    public Timescale ConnectedPersonUntilApproved { get; set; } = Timescale.Weeks(4);
    public Timescale PlacedWithParentsInterimCareOrder { get; set; } = Timescale.Weeks(4);
    public Timescale ShortBreak { get; set; } = Timescale.Months(3);
    public Timescale OtherPersonFirstYear { get; set; } = Timescale.Weeks(6);
    public Timescale OtherPersonAfterFirstYear { get; set; } = Timescale.Months(3);

    /// <summary>SSDA903 PLACE codes of foster placements with a connected person (family and friends), with the
    /// codes of earlier years a placement history holds (F1–F3 to 2015, Q1 before them).</summary>
    public List<string> ConnectedPersonCodes { get; set; } = ["U1", "U2", "U3", "F1", "F2", "F3", "Q1"];

    /// <summary>SSDA903 PLACE codes of foster placements (for reg 28(3A) reduced visits), with earlier years' codes.</summary>
    public List<string> FosterCodes { get; set; } = ["U1", "U2", "U3", "U4", "U5", "U6", "F1", "F2", "F3", "F4", "F5", "F6", "Q1", "Q2"];

    public List<string> PlacedWithParentsCodes { get; set; } = ["P1"];

    /// <summary>PLACE codes where another person is responsible for the accommodation (e.g. YOI or prison).</summary>
    public List<string> OtherPersonCodes { get; set; } = ["R5"];

    /// <summary>SSDA903 LS codes: interim care order, full care order (s31), short breaks (reg 48).</summary>
    public List<string> InterimCareOrderCodes { get; set; } = ["C1"];
    public List<string> CareOrderCodes { get; set; } = ["C2"];
    public List<string> ShortBreakCodes { get; set; } = ["V3", "V4"];
}

/// <summary>
/// <c>lac-visits</c>: the visiting schedule for the placement type (rules.md, LAC visiting schedules); a new
/// placement restarts it. Source: CPPCR reg 28; CareFirst guidance. Choices: the schedule is chosen from the
/// placement type and the legal status (short breaks: V3/V4 at the placement start; placed with parents: an
/// interim care order open at the start keeps the interim-care-order schedule, else a care order made before or
/// during the placement gives the care-order schedule from the order's date, else pending assessment); "from the placement's second year" applies
/// to intervals that start a year or more after the placement began; "until the first LAC review" means the first
/// review held in the period of care; a short break's first visit is due within its interval.
/// </summary>
public sealed class LacVisitsRule(LacVisitsOptions? options = null) : Rule<LacVisitsOptions>(options)
{
    public override string Id => "lac-visits";
    public override string Title => "LAC visits on the placement's statutory schedule";
    public override string Citation => "CPPCR reg 28; CareFirst guidance";
    public override AuditArea Area => AuditArea.VisitsAndSeeingTheChild;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        foreach (var placement in record.Placements)
        {
            if (!record.Records(Dataset.LookedAfterVisits))
            {
                yield return context.NotRecorded(this, "LAC visit", "looked-after visits (ssd_cla_visits)");
                yield break;
            }

            var category = Classify(record, placement, out var anchor);
            var period = record.PeriodsOfCare.FirstOrDefault(p => p.Id == placement.PeriodOfCareId);
            LocalDate? firstReview = period is null ? null : LookedAfterReviews.Of(record, period).FirstOrDefault()?.Date;
            var ids = placement.PeriodOfCareId is null ? new[] { placement.Id } : [placement.Id, placement.PeriodOfCareId];
            var visits = record.Visits
                .Where(v => v.Kind == VisitKind.LookedAfter && v.Seen == true
                    && v.Date >= placement.Start && (placement.End is null || v.Date <= placement.End)
                    && (string.IsNullOrEmpty(v.EpisodeId) || ids.Contains(v.EpisodeId)))
                .Occurrences(v => v.Date, v => v.Id);
            var label = Describe(category);
            foreach (var f in context.Recurring(this, new RecurringSchedule
            {
                EpisodeId = placement.Id,
                What = $"LAC visit ({label})",
                FirstWhat = $"First LAC visit ({label})",
                EpisodeLabel = "placement",
                Anchor = anchor,
                AnchorId = placement.Id,
                First = from => category == PlacementCategory.ShortBreak
                    ? context.Step(from, ShortBreakInterval(placement), "the start of the short breaks")
                    : context.Step(from, Options.FirstVisit, category == PlacementCategory.PlacedWithParentsCareOrder && from > placement.Start
                        ? "the care order" : "the placement start"),
                Next = (from, _) => context.Step(from, Interval(category, placement, from, firstReview), "the previous visit"),
                Events = visits,
                End = placement.End,
            }))
            {
                yield return f;
            }
        }
    }

    /// <summary>The interval that applies after a visit on <paramref name="from"/>.</summary>
    private Timescale Interval(PlacementCategory category, Placement placement, LocalDate from, LocalDate? firstReview)
    {
        var beforeFirstReview = firstReview is null || from < firstReview;
        var secondYear = from >= placement.Start.PlusYears(1);
        return category switch
        {
            PlacementCategory.ConnectedPersonTemporary when beforeFirstReview => Options.UntilFirstReview,
            PlacementCategory.ConnectedPersonTemporary when placement.CarerApprovedDate is not { } approved || from < approved
                => Options.ConnectedPersonUntilApproved,
            PlacementCategory.PlacedWithParentsPendingAssessment => beforeFirstReview ? Options.UntilFirstReview : Options.Standard,
            PlacementCategory.PlacedWithParentsInterimCareOrder => beforeFirstReview ? Options.UntilFirstReview : Options.PlacedWithParentsInterimCareOrder,
            PlacementCategory.PlacedWithParentsCareOrder => Options.Standard,
            PlacementCategory.ShortBreak => ShortBreakInterval(placement),
            PlacementCategory.OtherResponsiblePerson => secondYear ? Options.OtherPersonAfterFirstYear : Options.OtherPersonFirstYear,
            _ => StandardInterval(placement, secondYear),
        };
    }

    private Timescale StandardInterval(Placement placement, bool secondYear)
    {
        if (!secondYear || placement.LongTerm != true)
        {
            return Options.Standard;
        }

        var foster = placement.TypeCode is { } code && Options.FosterCodes.Contains(code, StringComparer.OrdinalIgnoreCase);
        return foster && placement.ReducedVisitsAgreed == true ? Options.ReducedVisits : Options.LongTermAfterFirstYear;
    }

    private Timescale ShortBreakInterval(Placement placement) =>
        placement.AgreedIntervalDays is { } days and > 0 ? Timescale.Days(days) : Options.ShortBreak;

    internal PlacementCategory Classify(CaseRecord record, Placement placement, out LocalDate anchor)
    {
        anchor = placement.Start;
        var code = placement.TypeCode ?? "";
        var statuses = record.LegalStatuses.Where(l => l.IsOpenAt(placement.Start)).Select(l => l.Code).ToList();
        bool Has(List<string> codes) => statuses.Any(s => codes.Contains(s, StringComparer.OrdinalIgnoreCase));

        if (Has(Options.ShortBreakCodes))
        {
            return PlacementCategory.ShortBreak;
        }

        if (Options.PlacedWithParentsCodes.Contains(code, StringComparer.OrdinalIgnoreCase))
        {
            var careOrder = record.LegalStatuses
                .Where(l => Options.CareOrderCodes.Contains(l.Code, StringComparer.OrdinalIgnoreCase)
                    && l.Start <= (placement.End ?? LocalDate.MaxIsoValue) && (l.End is null || l.End >= placement.Start))
                .MinBy(l => l.Start);
            if (careOrder is not null && !Has(Options.InterimCareOrderCodes))
            {
                anchor = careOrder.Start > placement.Start ? careOrder.Start : placement.Start;
                return PlacementCategory.PlacedWithParentsCareOrder;
            }

            return Has(Options.InterimCareOrderCodes)
                ? PlacementCategory.PlacedWithParentsInterimCareOrder
                : PlacementCategory.PlacedWithParentsPendingAssessment;
        }

        if (Options.ConnectedPersonCodes.Contains(code, StringComparer.OrdinalIgnoreCase) && placement.TemporaryApproval == true)
        {
            return PlacementCategory.ConnectedPersonTemporary;
        }

        return Options.OtherPersonCodes.Contains(code, StringComparer.OrdinalIgnoreCase)
            ? PlacementCategory.OtherResponsiblePerson
            : PlacementCategory.Standard;
    }

    private static string Describe(PlacementCategory category) => category switch
    {
        PlacementCategory.ConnectedPersonTemporary => "connected person, temporary approval",
        PlacementCategory.PlacedWithParentsPendingAssessment => "placed with parents, pending assessment",
        PlacementCategory.PlacedWithParentsInterimCareOrder => "placed with parents, interim care order",
        PlacementCategory.PlacedWithParentsCareOrder => "placed with parents, care order",
        PlacementCategory.ShortBreak => "short breaks",
        PlacementCategory.OtherResponsiblePerson => "other person responsible for the accommodation",
        _ => "standard schedule",
    };
}

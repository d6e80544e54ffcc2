using System.Globalization;
using NodaTime;
using PlacementCategory = CaseCompliance.Domain.PlacementCategory;

namespace CaseCompliance.Generation;

/// <summary>
/// A period of care: legal statuses, a run of placements (moves restart the visiting schedule) of the placement types
/// of the LAC visiting schedule table, LAC reviews, and visits on each placement's statutory schedule
/// (<c>lac-review</c>, <c>lac-visits</c>).
/// </summary>
internal static class LookedAfterStory
{
    private enum Route
    {
        Voluntary,
        InterimThenFullOrder,
        CareOrder,
        ShortBreaks,
        Remand,
    }

    private sealed record LegalStatus(string Code, LocalDate Start, LocalDate? End)
    {
        public bool OpenAt(LocalDate d) => Start <= d && (End is null || End >= d);
    }

    private sealed class Placement
    {
        public required string Id { get; init; }
        public required LocalDate Start { get; init; }
        public LocalDate? End { get; init; }

        /// <summary>The code as written; <see cref="Code"/> is what the adapter keeps (null for an unknown code).</summary>
        public required string Written { get; init; }

        public string? Code => Written == UnknownPlacementType ? null : Written;
        public bool LongTerm { get; init; }
        public bool TemporaryApproval { get; init; }
        public LocalDate? CarerApproved { get; init; }
        public bool ReducedVisits { get; init; }
        public int? AgreedIntervalDays { get; init; }
    }

    /// <summary>A placement type that is not an SSDA903 PLACE code: a data-quality fault the adapter rejects as a field.</summary>
    private const string UnknownPlacementType = "U7";

    private static readonly string[] Foster = ["U4", "U4", "U5", "U6", "U6"];
    private static readonly string[] Connected = ["U1", "U2", "U3"];

    /// <summary>A referral that leads to care: returns the referral's closure (null: open).</summary>
    public static LocalDate? Run(Child c, LocalDate date)
    {
        var r = SocialCareStory.Begin(c, date, c.Rng.Chance(0.6) ? "N1" : null);
        var start = c.Rng.Chance(0.5) ? date : date.PlusDays(c.Rng.Between(1, 60));
        LocalDate? close = null;
        if (start <= c.ActivityLimit && c.DateOfBirth is { } dob && start < dob.PlusYears(18).PlusDays(-30))
        {
            close = Run(c, r, start, dob.PlusYears(18));
        }

        SocialCareStory.Finish(c, r, close);
        return close;
    }

    /// <summary>
    /// A period of care of referral <paramref name="r"/> from <paramref name="start"/>, ending by
    /// <paramref name="ageOut"/> (the 18th birthday) at the latest. Returns the referral's closure (null: open).
    /// </summary>
    public static LocalDate? Run(Child c, Referral r, LocalDate start, LocalDate ageOut, bool untilAgeOut = false)
    {
        var period = c.NewId("CLA");
        var planned = untilAgeOut ? ageOut : Child.Min(ageOut, start.PlusDays(c.Rng.Between(30, 1800)));
        var end = c.EndBy(planned);
        var limit = c.Limit(end);
        var age = c.DateOfBirth is { } dob ? Period.Between(dob, start, PeriodUnits.Years).Years : 10;
        SocialCareStory.Transfer(c, r, start, Area.ChildrenInCare);

        var route = age >= 14 && c.Rng.Chance(0.08) ? Route.Remand
            : c.Rng.Chance(0.07) ? Route.ShortBreaks
            : c.Rng.NextDouble() switch
            {
                < 0.35 => Route.Voluntary,
                < 0.75 => Route.InterimThenFullOrder,
                _ => Route.CareOrder,
            };
        var statuses = LegalStatuses(c, route, start, end);
        foreach (var s in statuses)
        {
            c.Row("ssd_legal_status", ("lega_person_id", c.Id), ("lega_legal_status", s.Code),
                ("lega_legal_status_start_date", Child.D(s.Start)), ("lega_legal_status_end_date", Child.D(s.End)));
        }

        // LAC reviews first: the first review held changes some visiting schedules.
        LocalDate? firstReview = null;
        c.Recurring("lac-review", start, end, limit,
            (from, index) => index switch
            {
                0 => c.WorkingDays(from, 20),
                1 => from.PlusMonths(3),
                _ => from.PlusMonths(6),
            },
            new Cadence(FirstMin: 3, MinGap: 30, Window: 12, MaxLate: 30, StopWeight: 0.05),
            (date, _, due) =>
            {
                if (c.Rng.Chance(0.05))
                {
                    // Booked, then cancelled: cancelled reviews count for nothing.
                    Review(c, period, due, date.PlusDays(-c.Rng.Between(1, 10)), cancelled: true);
                }

                Review(c, period, due, date, cancelled: false);
                firstReview ??= date;
            });

        // Placements: a move restarts the visiting schedule.
        var placementStart = start;
        for (var n = 0; ; n++)
        {
            var single = route is Route.ShortBreaks or Route.Remand;
            var next = placementStart.PlusDays(n == 0 ? c.Rng.Between(10, 400) : c.Rng.Between(30, 700));
            var last = single || n >= 4 || next >= planned || next > c.AsOf;
            LocalDate? placementEnd = last ? end : next;
            var placement = NewPlacement(c, route, placementStart, placementEnd,
                Period.Between(c.DateOfBirth ?? placementStart.PlusYears(-age), placementStart, PeriodUnits.Years).Years);
            Write(c, period, r, start, placement);
            Visits(c, period, placement, statuses, firstReview);
            if (last)
            {
                break;
            }

            placementStart = next;
        }

        c.Opened(end);
        r.Latest = Child.Max(r.Latest, end ?? limit);
        return end is { } ended ? c.EndBy(ended.PlusDays(untilAgeOut ? 0 : c.Rng.Between(0, 30))) : null;
    }

    private static List<LegalStatus> LegalStatuses(Child c, Route route, LocalDate start, LocalDate? end)
    {
        switch (route)
        {
            case Route.InterimThenFullOrder:
                var order = start.PlusDays(c.Rng.Between(60, 300));
                if (order > c.AsOf || (end is { } e && order > e))
                {
                    return [new LegalStatus("C1", start, end)];
                }

                return [new LegalStatus("C1", start, order.PlusDays(-1)), new LegalStatus("C2", order, end)];
            case Route.CareOrder:
                return [new LegalStatus("C2", start, end)];
            case Route.ShortBreaks:
                return [new LegalStatus(c.Rng.Chance(0.8) ? "V4" : "V3", start, end)];
            case Route.Remand:
                return [new LegalStatus("J2", start, end)];
            default:
                return [new LegalStatus("V2", start, end)];
        }
    }

    private static Placement NewPlacement(Child c, Route route, LocalDate start, LocalDate? end, int age)
    {
        var id = c.NewId("PL");
        string code;
        if (route == Route.Remand)
        {
            code = "R5";
        }
        else if (route == Route.ShortBreaks)
        {
            code = c.Rng.Chance(0.6) ? "U6" : "K2";
        }
        else
        {
            var x = c.Rng.NextDouble();
            code = x switch
            {
                < 0.15 => c.Rng.Pick(Connected),
                < 0.27 when route != Route.Voluntary => "P1",
                < 0.28 => "P1",
                < 0.40 when age >= 11 => "K2",
                < 0.46 when age >= 16 => c.Rng.Chance(0.5) ? "H5" : "S1",
                _ => c.Rng.Pick(Foster),
            };
        }

        var foster = code.StartsWith('U');
        var temporary = code is "U1" or "U2" or "U3" && c.Rng.Chance(0.7);
        LocalDate? approved = null;
        if (temporary)
        {
            var a = start.PlusDays(c.Rng.Between(40, 160));
            approved = a <= c.AsOf ? a : null;
        }

        var longTerm = foster && !temporary && c.Rng.Chance(0.35);
        var reduced = longTerm && c.Rng.Chance(0.3);
        int? agreed = route == Route.ShortBreaks && c.Rng.Chance(0.4) ? c.Rng.Pick(AgreedIntervals) : null;
        var written = !longTerm && !temporary && code is "U4" or "U5" or "U6" or "K2" && c.Fault(0.5) ? UnknownPlacementType : code;
        return new Placement
        {
            Id = id,
            Start = start,
            End = end,
            Written = written,
            LongTerm = longTerm,
            TemporaryApproval = temporary,
            CarerApproved = approved,
            ReducedVisits = reduced,
            AgreedIntervalDays = agreed,
        };
    }

    private static readonly int[] AgreedIntervals = [30, 42, 60, 90];

    private static void Write(Child c, string period, Referral r, LocalDate entered, Placement p)
    {
        c.Row("ssd_cla_placement", ("clap_cla_placement_id", p.Id), ("clap_cla_id", period), ("clap_person_id", c.Id),
            ("clap_cla_placement_start_date", Child.D(p.Start)), ("clap_cla_placement_end_date", Child.D(p.End)),
            ("clap_cla_placement_type", p.Written));
        c.Row("cc_placement_details", ("pdet_placement_id", p.Id), ("pdet_long_term", Child.Flag(p.LongTerm)),
            ("pdet_temporary_approval", Child.Flag(p.TemporaryApproval)), ("pdet_carer_approved_date", Child.D(p.CarerApproved)),
            ("pdet_reduced_visits_agreed", Child.Flag(p.ReducedVisits)),
            ("pdet_agreed_interval_days", p.AgreedIntervalDays?.ToString(CultureInfo.InvariantCulture)));

        // The SSD keeps one episode row per placement; the period of care is the group of rows with the same cla id.
        c.Row("ssd_cla_episodes", ("clae_cla_episode_id", c.NewId("CLE")), ("clae_person_id", c.Id),
            ("clae_cla_episode_start_date", Child.D(p.Start)), ("clae_cla_episode_ceased_date", Child.D(p.End)),
            ("clae_cla_id", period), ("clae_referral_id", r.Id), ("clae_entered_care_date", Child.D(entered)));
    }

    private static void Review(Child c, string period, LocalDate due, LocalDate date, bool cancelled) =>
        c.Row("ssd_cla_reviews", ("clar_cla_review_id", c.NewId("LAR")), ("clar_cla_id", period),
            ("clar_cla_review_due_date", Child.D(due)), ("clar_cla_review_date", Child.D(date)),
            ("clar_cla_review_cancelled", Child.Flag(cancelled)));

    /// <summary>
    /// <c>lac-visits</c> for one placement: visits (child seen) on the placement's schedule. Visits fall strictly inside
    /// the placement, so that one on a moving day never counts for two placements.
    /// </summary>
    private static void Visits(Child c, string period, Placement p, List<LegalStatus> statuses, LocalDate? firstReview)
    {
        var schedule = Classify(p, statuses, out var anchor);
        var limit = c.Limit(p.End is { } e ? e.PlusDays(-1) : null);
        c.Recurring("lac-visits", anchor, p.End, limit,
            (from, index) => index == 0
                ? schedule == PlacementCategory.ShortBreak ? ShortBreak(p, from) : from.PlusDays(7)
                : Next(schedule, p, from, firstReview),
            new Cadence(FirstMin: 1, MinGap: 3, Window: -40, MaxLate: 14, StopWeight: 0.03),
            (date, _, _) =>
            {
                if (c.Rng.Chance(0.03))
                {
                    c.Visit(VisitKind.LookedAfter, date.PlusDays(-1), period, seen: false);
                }

                c.Visit(VisitKind.LookedAfter, date, period);
            });
        if (c.Fault(0.2))
        {
            c.RejectedVisit(VisitKind.LookedAfter, period, p.Start.Year);
        }
    }

    /// <summary>The schedule of rules.md for the placement: by the legal status open at its start and its type.</summary>
    private static PlacementCategory Classify(Placement p, List<LegalStatus> statuses, out LocalDate anchor)
    {
        anchor = p.Start;
        bool OpenAtStart(string code)
        {
            foreach (var s in statuses)
            {
                if (s.Code == code && s.OpenAt(p.Start))
                {
                    return true;
                }
            }

            return false;
        }

        if (OpenAtStart("V3") || OpenAtStart("V4"))
        {
            return PlacementCategory.ShortBreak;
        }

        if (p.Code == "P1")
        {
            LegalStatus? order = null;
            foreach (var s in statuses)
            {
                if (s.Code == "C2" && (p.End is null || s.Start <= p.End) && (s.End is null || s.End >= p.Start)
                    && (order is null || s.Start < order.Start))
                {
                    order = s;
                }
            }

            if (order is not null && !OpenAtStart("C1"))
            {
                anchor = order.Start > p.Start ? order.Start : p.Start;
                return PlacementCategory.PlacedWithParentsCareOrder;
            }

            return OpenAtStart("C1") ? PlacementCategory.PlacedWithParentsInterimCareOrder : PlacementCategory.PlacedWithParentsPendingAssessment;
        }

        if (p.Code is "U1" or "U2" or "U3" && p.TemporaryApproval)
        {
            return PlacementCategory.ConnectedPersonTemporary;
        }

        return p.Code == "R5" ? PlacementCategory.OtherResponsiblePerson : PlacementCategory.Standard;
    }

    /// <summary>The next visit's due date after a visit on <paramref name="from"/>.</summary>
    private static LocalDate Next(PlacementCategory schedule, Placement p, LocalDate from, LocalDate? firstReview)
    {
        var beforeFirstReview = firstReview is null || from < firstReview;
        var secondYear = from >= p.Start.PlusYears(1);
        return schedule switch
        {
            PlacementCategory.ConnectedPersonTemporary when beforeFirstReview => from.PlusDays(7),
            PlacementCategory.ConnectedPersonTemporary when p.CarerApproved is not { } approved || from < approved => from.PlusDays(28),
            PlacementCategory.PlacedWithParentsPendingAssessment => beforeFirstReview ? from.PlusDays(7) : from.PlusDays(42),
            PlacementCategory.PlacedWithParentsInterimCareOrder => beforeFirstReview ? from.PlusDays(7) : from.PlusDays(28),
            PlacementCategory.PlacedWithParentsCareOrder => from.PlusDays(42),
            PlacementCategory.ShortBreak => ShortBreak(p, from),
            PlacementCategory.OtherResponsiblePerson => secondYear ? from.PlusMonths(3) : from.PlusDays(42),
            _ => !secondYear || !p.LongTerm ? from.PlusDays(42)
                : p.Code is "U1" or "U2" or "U3" or "U4" or "U5" or "U6" && p.ReducedVisits ? from.PlusMonths(6)
                : from.PlusMonths(3),
        };
    }

    private static LocalDate ShortBreak(Placement p, LocalDate from) =>
        p.AgreedIntervalDays is { } days ? from.PlusDays(days) : from.PlusMonths(3);
}

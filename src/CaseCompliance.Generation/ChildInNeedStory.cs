using NodaTime;

namespace CaseCompliance.Generation;

/// <summary>
/// A child in need: referral and assessment, then either closure or a child in need plan with visits (at the plan's
/// own frequency where it records one) and CIN reviews (<c>cin-visits</c>, <c>cin-review</c>, with the referral's rules).
/// </summary>
internal static class ChildInNeedStory
{
    private static readonly (int Days, bool Working)[] Frequencies =
        [(10, false), (14, false), (15, false), (20, false), (28, false), (30, false), (10, true), (20, true)];

    /// <summary>Writes a referral on <paramref name="date"/>; returns its closure (null: open).</summary>
    public static LocalDate? Run(Child c, LocalDate date)
    {
        var r = SocialCareStory.Begin(c, date);
        LocalDate? close;
        if (r.AssessmentDone is not { } assessed)
        {
            close = null; // assessment still open (or drifting): the referral stays open
        }
        else if (c.Rng.Chance(0.35))
        {
            close = c.EndBy(assessed.PlusDays(c.Rng.Between(1, 20)));
        }
        else
        {
            var start = assessed.PlusDays(c.Rng.Between(0, 10));
            close = start <= c.ActivityLimit ? Plan(c, r, start) : null;
        }

        SocialCareStory.Finish(c, r, close);
        return close;
    }

    /// <summary>
    /// A child in need plan of the referral from <paramref name="start"/>: visits, reviews, a transfer to the child in
    /// need team. Returns the referral's closure after the plan ended (null: open).
    /// </summary>
    public static LocalDate? Plan(Child c, Referral r, LocalDate start)
    {
        var id = c.NewId("CIN");
        var end = c.EndBy(start.PlusDays(c.Rng.Between(90, 720)));
        var limit = c.Limit(end);
        SocialCareStory.Transfer(c, r, start, Area.ChildInNeed);
        c.Row("ssd_cin_plans", ("cinp_cin_plan_id", id), ("cinp_referral_id", r.Id), ("cinp_person_id", c.Id),
            ("cinp_cin_plan_start_date", Child.D(start)), ("cinp_cin_plan_end_date", Child.D(end)));
        c.Opened(end);

        // Visits: at the plan's recorded frequency (cin-visits), or at the worker's judgement where none is recorded.
        // CIN visits name no plan: they belong to the plan whose dates they fall in.
        if (c.Rng.Chance(0.6))
        {
            var (days, working) = c.Rng.Pick(Frequencies);
            c.Row("cc_plan_visit_frequency", ("pvf_plan_id", id), ("pvf_interval_days", days.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("pvf_basis", working ? "working" : "calendar"));
            c.Recurring("cin-visits", start, end, limit,
                (from, _) => working ? c.WorkingDays(from, days) : from.PlusDays(days),
                new Cadence(FirstMin: 0, MinGap: 3, Window: -50, MaxLate: 12, StopWeight: 0.03),
                (date, _, _) => Visit(c, date, start));
        }
        else
        {
            c.Expect("cin-visits", null, Status.NotApplicable);
            for (var d = start.PlusDays(c.Rng.Between(3, 20)); d <= limit; d = d.PlusDays(c.Rng.Between(20, 45)))
            {
                Visit(c, d, start);
            }
        }

        // CIN reviews: 3 months from the referral, then 6-monthly, until the plan ends.
        c.Recurring("cin-review", r.Date, end, limit,
            (from, index) => index == 0 ? r.Date.PlusMonths(3) : from.PlusMonths(6),
            new Cadence(FirstMin: Child.Days(r.Date, start), MinGap: 60, Window: 25, MaxLate: 45, StopWeight: 0.05),
            (date, _, _) => EarlyHelpStory.Meeting(c, r.Id, "cin-review", date, false));

        if (c.Fault(0.3))
        {
            c.RejectedVisit(VisitKind.ChildInNeed, null, start.Year);
        }

        r.Latest = Child.Max(r.Latest, end ?? limit);
        return end is { } ended ? c.EndBy(ended.PlusDays(c.Rng.Between(0, 14))) : null;
    }

    /// <summary>A CIN visit; now and then an unannounced one that did not see the child comes first.</summary>
    private static void Visit(Child c, LocalDate date, LocalDate planStart)
    {
        if (c.Rng.Chance(0.04) && date.PlusDays(-2) >= planStart)
        {
            c.Visit(VisitKind.ChildInNeed, date.PlusDays(-c.Rng.Between(1, 2)), null, seen: false);
        }

        c.Visit(VisitKind.ChildInNeed, date, null);
    }
}

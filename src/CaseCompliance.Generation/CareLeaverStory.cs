using NodaTime;

namespace CaseCompliance.Generation;

/// <summary>
/// A care leaver (18 to 21): sometimes the last years in care, then the care leaver record with pathway plan reviews,
/// and accommodation the authority provides with visits (<c>care-leaver-pathway-review</c>, <c>care-leaver-visits</c>).
/// </summary>
internal static class CareLeaverStory
{
    public static void Run(Child c, LocalDate eighteenth)
    {
        // Some leave care inside the history: their last period of care ends on the 18th birthday.
        if (c.Rng.Chance(0.4))
        {
            var entered = eighteenth.PlusDays(-c.Rng.Between(200, 900));
            if (entered >= c.AsOf.PlusYears(-6))
            {
                var r = SocialCareStory.Begin(c, entered.PlusDays(-c.Rng.Between(0, 30)));
                var close = LookedAfterStory.Run(c, r, entered, eighteenth, untilAgeOut: true);
                SocialCareStory.Finish(c, r, close);
            }
        }

        var team = c.Staff.Team(ref c.Rng, Area.LeavingCare);
        var adviser = Staff.Practitioner(ref c.Rng, team);
        LocalDate? latest = null;
        LocalDate latestContact = c.AsOf.PlusDays(-c.Rng.Between(0, 60));

        // Pathway plan reviews: as meetings (the latest also on the care leaver record), or only the latest date on
        // the record, or (a data-quality fault) no date at all.
        var kind = c.Fault(3) ? 2 : c.Rng.Chance(0.25) ? 1 : 0;
        if (kind == 0)
        {
            var first = eighteenth.PlusDays(-c.Rng.Between(0, 90));
            if (first < c.AsOf.PlusDays(-1100))
            {
                first = c.AsOf.PlusDays(-c.Rng.Between(600, 1100));
            }

            EarlyHelpStory.Meeting(c, null, "pathway-plan-review", first, false);
            latest = first;
            c.Recurring("care-leaver-pathway-review", first, null, c.ActivityLimit, (from, _) => from.PlusMonths(6),
                new Cadence(FirstMin: 60, MinGap: 60, Window: 30, MaxLate: 45, StopWeight: 0.05),
                (date, _, _) =>
                {
                    EarlyHelpStory.Meeting(c, null, "pathway-plan-review", date, false);
                    latest = date;
                });
        }
        else if (kind == 1)
        {
            var only = c.AsOf.PlusDays(-c.Rng.Between(0, c.Breach(2) ? 300 : 170));
            latest = only;
            var due = only.PlusMonths(6);
            c.Expect("care-leaver-pathway-review", due, c.Open(due, null));
        }
        else
        {
            c.Expect("care-leaver-pathway-review", null, Status.MissingData);
        }

        // Accommodation the authority provides: visited within 7 days, then at least every 2 months.
        if (c.Rng.Chance(0.6))
        {
            var start = Child.Max(eighteenth, c.AsOf.PlusDays(-900)).PlusDays(c.Rng.Between(0, 60));
            for (var n = 0; n < 2 && start <= c.AsOf; n++)
            {
                var end = c.EndBy(start.PlusDays(c.Rng.Between(60, 700)));
                var from = start;
                c.Row("cc_care_leaver_accommodation", ("clac_person_id", c.Id), ("clac_start_date", Child.D(start)),
                    ("clac_end_date", Child.D(end)));
                c.Opened(end);
                c.Recurring("care-leaver-visits", from, end, c.Limit(end),
                    (f, index) => index == 0 ? f.PlusDays(7) : f.PlusMonths(2),
                    new Cadence(FirstMin: 0, MinGap: 14, Window: -40, MaxLate: 25, StopWeight: 0.04),
                    (date, _, _) => c.Visit(VisitKind.CareLeaver, date, null));
                if (end is not { } ended)
                {
                    break;
                }

                start = ended.PlusDays(c.Rng.Between(14, 120));
            }
        }

        c.Row("ssd_care_leavers", ("clea_person_id", c.Id), ("clea_care_leaver_latest_contact", Child.D(latestContact)),
            ("clea_pathway_plan_review_date", Child.D(latest)), ("clea_care_leaver_worker_id", adviser));
        c.Opened(null);
    }
}

using NodaTime;

namespace CaseCompliance.Generation;

/// <summary>
/// A private fostering arrangement notified to the authority (usually after it began), assessed as a referral, with
/// visits within 7 working days and then 6-weekly in the first year, 12-weekly after (<c>private-fostering-visits</c>).
/// </summary>
internal static class PrivateFosteringStory
{
    public static LocalDate? Run(Child c, LocalDate notified)
    {
        var r = SocialCareStory.Begin(c, notified, "N8");
        var id = c.NewId("PF");
        var start = c.Rng.Chance(0.8) ? notified.PlusDays(-c.Rng.Between(0, 60)) : notified.PlusDays(c.Rng.Between(1, 14));
        if (start > c.AsOf)
        {
            start = notified;
        }

        var anchor = Child.Max(start, notified);
        var end = c.EndBy(anchor.PlusDays(c.Rng.Between(60, 900)));
        var limit = c.Limit(end);

        // A data-quality fault: the notification date keyed as an impossible date and no start date recorded.
        var unusable = c.Fault(2);
        c.Row("cc_private_fostering", ("pfos_id", id), ("pfos_person_id", c.Id),
            ("pfos_notification_date", unusable ? Child.BadDate(notified.Year) : Child.D(notified)),
            ("pfos_start_date", unusable ? null : Child.D(start)), ("pfos_end_date", Child.D(end)));
        if (unusable)
        {
            c.Expect("private-fostering-visits", null, Status.MissingData);
            // Visits name no arrangement here: a system that links them by the arrangement's dates could not link them.
            for (var d = anchor.PlusDays(c.Rng.Between(3, 10)); d <= limit; d = d.PlusDays(c.Rng.Between(30, 60)))
            {
                c.Visit(VisitKind.PrivateFostering, d, null);
            }
        }
        else
        {
            c.Opened(end);
            var firstYear = anchor.PlusYears(1);
            c.Recurring("private-fostering-visits", anchor, end, limit,
                (from, index) => index == 0 ? c.WorkingDays(from, 7) : from < firstYear ? from.PlusDays(42) : from.PlusDays(84),
                new Cadence(FirstMin: 0, MinGap: 14, Window: -40, MaxLate: 20, StopWeight: 0.04),
                (date, _, _) =>
                {
                    if (c.Rng.Chance(0.03) && date.PlusDays(-1) >= anchor)
                    {
                        c.Visit(VisitKind.PrivateFostering, date.PlusDays(-1), id, seen: false);
                    }

                    c.Visit(VisitKind.PrivateFostering, date, id);
                });
        }

        r.Latest = Child.Max(r.Latest, end ?? limit);
        var close = end is { } ended ? c.EndBy(ended.PlusDays(c.Rng.Between(0, 14))) : null;
        SocialCareStory.Finish(c, r, close);
        return close;
    }
}

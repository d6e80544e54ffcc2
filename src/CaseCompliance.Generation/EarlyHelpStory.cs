using NodaTime;

namespace CaseCompliance.Generation;

/// <summary>
/// An Early Help episode: request for support, allocation (sometimes a transfer), first contact and home visit,
/// regular family contacts, the family assessment with consent and Outcome Star, review assessments every six months,
/// the Team Around the Family and its reviews, management oversight of each critical point, closure with a repeat star
/// (<c>allocation</c>, <c>eh-*</c>, <c>management-oversight</c>).
/// </summary>
internal static class EarlyHelpStory
{
    /// <summary>Writes an episode starting on <paramref name="start"/>; returns its closure date (null: still open).</summary>
    public static LocalDate? Run(Child c, LocalDate start)
    {
        var id = c.NewId("EH");
        var team = c.Staff.Team(ref c.Rng, Area.EarlyHelp);
        var worker = Staff.Practitioner(ref c.Rng, team);
        if (c.Rng.Chance(0.6))
        {
            SocialCareStory.Contact(c, start, SocialCareStory.ToEarlyHelp);
        }

        // Most episodes run three months to a year; a few close within weeks (family declined, no assessment).
        var declined = c.Rng.Chance(0.08);
        var length = declined ? c.Rng.Between(10, 45) : c.Rng.Chance(0.15) ? c.Rng.Between(420, 800) : c.Rng.Between(70, 420);
        var end = c.EndBy(start.PlusDays(length));
        var limit = c.Limit(end);

        // Allocation (and sometimes a transfer to another worker).
        LocalDate? allocated = null;
        if (!c.Breach(0.1))
        {
            var a = c.Breach() ? start.PlusDays(c.Rng.Between(8, 21)) : start.PlusDays(c.Rng.Between(0, 7));
            if (a <= limit)
            {
                allocated = a;
            }
        }

        LocalDate? transfer = null;
        if (allocated is { } al && c.Rng.Chance(0.15))
        {
            var t = al.PlusDays(c.Rng.Between(30, 200));
            if (t <= limit)
            {
                transfer = t;
            }
        }

        if (allocated is { } allocation)
        {
            c.Row("ssd_involvements", ("invo_involvements_id", c.NewId("INV")), ("invo_professional_id", worker),
                ("invo_professional_role_id", "ALLOCATED CASE WORKER"), ("invo_professional_team", Staff.TeamId(team)),
                ("invo_involvement_start_date", Child.D(allocation)), ("invo_involvement_end_date", Child.D(transfer ?? end)),
                ("invo_person_id", c.Id), ("invo_referral_id", id));
            if (transfer is { } moved)
            {
                c.Row("ssd_involvements", ("invo_involvements_id", c.NewId("INV")), ("invo_professional_id", Staff.Other(ref c.Rng, team, worker)),
                    ("invo_professional_role_id", "ALLOCATED CASE WORKER"), ("invo_professional_team", Staff.TeamId(team)),
                    ("invo_involvement_start_date", Child.D(moved)), ("invo_involvement_end_date", Child.D(end)),
                    ("invo_person_id", c.Id), ("invo_referral_id", id));
            }
        }

        c.Judge("allocation", start.PlusDays(7), allocated, end);
        var clock = allocated ?? start; // with no allocation the clocks run from the episode start

        // First contact and home visit, then regular contact with the family.
        LocalDate? firstContact = null, firstHome = null;
        void FamilyContact(VisitKind kind, LocalDate date)
        {
            c.Visit(kind, date, id);
            if (firstContact is null || date < firstContact)
            {
                firstContact = date;
            }

            if (kind == VisitKind.EarlyHelpHomeVisit && (firstHome is null || date < firstHome))
            {
                firstHome = date;
            }
        }

        var contact = c.Breach() ? clock.PlusDays(c.Rng.Between(8, 20)) : clock.PlusDays(c.Rng.Between(0, 7));
        var home = c.Breach() ? clock.PlusDays(c.Rng.Between(15, 30)) : clock.PlusDays(c.Rng.Between(1, 14));
        var last = start;
        if (home <= limit)
        {
            FamilyContact(VisitKind.EarlyHelpHomeVisit, home);
            last = home;
        }

        if (contact <= limit && contact != home && !c.Breach(0.1))
        {
            FamilyContact(VisitKind.EarlyHelpContact, contact);
            last = Child.Max(last, contact);
        }

        for (var d = last.PlusDays(c.Rng.Between(14, 35)); d <= limit; d = d.PlusDays(c.Rng.Between(14, 42)))
        {
            FamilyContact(c.Rng.Chance(0.3) ? VisitKind.EarlyHelpHomeVisit : VisitKind.EarlyHelpContact, d);
        }

        c.Judge("eh-initial-contact", clock.PlusDays(7), firstContact, end);
        c.Judge("eh-initial-home-visit", clock.PlusDays(14), firstHome, end);

        // The family assessment, then a review assessment whenever six months pass since the last one was completed.
        var points = new List<(LocalDate Date, bool Closure)>();
        if (allocated is { } p1)
        {
            points.Add((p1, false));
        }

        if (transfer is { } p2)
        {
            points.Add((p2, false));
        }

        LocalDate? firstStart = null, firstDone = null;
        var assessed = false;
        if (!declined)
        {
            var aStart = clock.PlusDays(c.Rng.Between(0, 10));
            while (aStart <= limit)
            {
                var aId = c.NewId("EHA");
                LocalDate? done = c.Breach(0.08) ? null
                    : c.Breach() ? aStart.PlusDays(c.Rng.Between(46, 90))
                    : aStart.PlusDays(c.Rng.Between(15, 45));
                if (done > limit)
                {
                    done = null;
                }

                c.Row("cc_eh_assessments", ("ehas_id", aId), ("ehas_person_id", c.Id), ("ehas_episode_id", id),
                    ("ehas_start_date", Child.D(aStart)), ("ehas_completed_date", Child.D(done)));
                c.Judge("eh-assessment", aStart.PlusDays(45), done, end);
                if (!assessed)
                {
                    assessed = true;
                    firstStart = aStart;
                    firstDone = done;
                }

                if (done is not { } completed)
                {
                    break;
                }

                points.Add((completed, false));
                var due = completed.PlusMonths(6);
                LocalDate? next = c.Breach(0.15) ? null
                    : c.Breach() ? due.PlusDays(c.Rng.Between(1, 45))
                    : c.Day(Child.Max(completed.PlusDays(1), due.PlusDays(-30)), due);
                if (next > limit)
                {
                    next = null;
                }

                c.Judge("eh-reassessment", due, next, end);
                if (next is not { } n)
                {
                    break;
                }

                aStart = n;
            }
        }

        if (!assessed)
        {
            c.Judge("eh-assessment", clock.PlusDays(45), null, end);
        }

        // Consent and the initial Outcome Star are due by the first assessment's completion (or its 45-day due date).
        var anchor = firstStart ?? clock;
        var deadline = firstDone ?? anchor.PlusDays(45);
        LocalDate? consent = c.Breach(0.1) ? null
            : c.Breach() ? deadline.PlusDays(c.Rng.Between(1, 20))
            : c.Day(anchor, deadline);
        if (consent > limit)
        {
            consent = null;
        }

        if (consent is { } signed)
        {
            Document(c, id, "consent", signed);
        }

        c.Judge("eh-consent", deadline, consent, end);

        LocalDate? star1 = c.Breach(0.1) ? null
            : c.Breach() ? deadline.PlusDays(c.Rng.Between(1, 25))
            : c.Day(anchor, deadline);
        if (star1 > limit)
        {
            star1 = null;
        }

        var repeatDue = end is { } e && e > start.PlusDays(84);
        LocalDate? star2 = null;
        if (repeatDue)
        {
            var closed = end!.Value;
            star2 = c.Breach(0.15) ? null
                : c.Breach() ? closed.PlusDays(c.Rng.Between(1, 14))
                : c.Day(closed.PlusDays(-30), closed);
            if (star2 > c.ActivityLimit)
            {
                star2 = null;
            }
        }

        // The rule takes the stars in date order: the first is the initial one, the second the repeat.
        var (s0, s1) = (star1, star2) switch
        {
            ({ } x, { } y) => x <= y ? (x, (LocalDate?)y) : (y, x),
            ({ } x, null) => (x, null),
            (null, { } y) => (y, (LocalDate?)null),
            _ => ((LocalDate?)null, (LocalDate?)null),
        };
        if (star1 is { } st1)
        {
            Document(c, id, "outcome-star", st1);
        }

        if (star2 is { } st2)
        {
            Document(c, id, "outcome-star", st2);
        }

        c.Judge("eh-outcome-star", deadline, s0, end);
        if (repeatDue)
        {
            c.Judge("eh-outcome-star", end!.Value, s1, end);
        }

        // The Team Around the Family: the initial meeting after the assessment, reviews every 6 to 12 weeks.
        if (firstDone is { } assessedOn && !declined && assessedOn.PlusDays(1) <= limit)
        {
            var taf = c.Workday(assessedOn.PlusDays(c.Rng.Between(0, 21)), assessedOn);
            if (taf <= limit)
            {
                Meeting(c, id, "taf", taf, false);
                points.Add((taf, false));
                c.Recurring("eh-taf-review", taf, end, limit, (from, _) => from.PlusDays(84),
                    new Cadence(FirstMin: 21, MinGap: 21, Window: -45, MaxLate: 40, StopWeight: 0.08),
                    (date, _, _) =>
                    {
                        if (c.Rng.Chance(0.05))
                        {
                            Meeting(c, id, "taf-review", date.PlusDays(-c.Rng.Between(1, 7)), true);
                        }

                        if (c.Fault(0.2))
                        {
                            // An unknown meeting type: the adapter rejects the row, so it counts for nothing.
                            Meeting(c, id, "taf-reveiw", date, false);
                        }

                        Meeting(c, id, "taf-review", date, false);
                        points.Add((date, false));
                    },
                    earlyBefore: 42, earlyChance: 0.04);
            }
            else
            {
                c.Expect("eh-taf-review", null, Status.NotApplicable);
            }
        }
        else
        {
            c.Expect("eh-taf-review", null, Status.NotApplicable);
        }

        if (end is { } closure)
        {
            points.Add((closure, true));
        }

        Oversight(c, id, team, points, end, limit);

        c.Row("ssd_early_help_episodes", ("earl_episode_id", id), ("earl_person_id", c.Id), ("earl_episode_start_date", Child.D(start)),
            ("earl_episode_end_date", Child.D(end)), ("earl_episode_worker_id", worker));
        c.Opened(end);
        c.Auditable.Add((id, start, end));
        return end;
    }

    /// <summary>
    /// <c>management-oversight</c>: an oversight record within 5 working days after each critical point. Records are
    /// planted on time, late or not at all; a point is met by the first record on or after it, whichever point that
    /// record was written for.
    /// </summary>
    private static void Oversight(Child c, string id, int team, List<(LocalDate Date, bool Closure)> points, LocalDate? end, LocalDate limit)
    {
        var records = new List<LocalDate>();
        foreach (var (date, closure) in points)
        {
            var due = c.WorkingDays(date, 5);
            LocalDate? record = c.Breach(0.3) ? null
                : c.Breach() ? due.PlusDays(c.Rng.Between(1, 15))
                : c.WorkingDays(date, c.Rng.Between(0, 5));
            if (record is { } r && r <= (closure ? c.ActivityLimit : limit))
            {
                records.Add(r);
                c.Row("cc_management_records", ("mgmt_id", c.NewId("MO")), ("mgmt_person_id", c.Id), ("mgmt_episode_id", id),
                    ("mgmt_type", "oversight"), ("mgmt_date", Child.D(r)), ("mgmt_worker_id", Staff.Manager(team)));
            }
        }

        foreach (var (date, closure) in points)
        {
            LocalDate? first = null;
            foreach (var r in records)
            {
                if (r >= date && (first is null || r < first))
                {
                    first = r;
                }
            }

            c.Judge("management-oversight", c.WorkingDays(date, 5), first, closure ? null : end);
        }
    }

    private static void Document(Child c, string episode, string type, LocalDate date) =>
        c.Row("cc_documents", ("doc_id", c.NewId("DOC")), ("doc_person_id", c.Id), ("doc_episode_id", episode),
            ("doc_type", type), ("doc_date", Child.D(date)));

    internal static void Meeting(Child c, string? episode, string type, LocalDate date, bool cancelled) =>
        c.Row("cc_meetings", ("meet_id", c.NewId("MTG")), ("meet_person_id", c.Id), ("meet_episode_id", episode),
            ("meet_type", type), ("meet_date", Child.D(date)), ("meet_cancelled", Child.Flag(cancelled)));
}

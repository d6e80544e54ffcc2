using NodaTime;

namespace CaseCompliance.Generation;

/// <summary>A children's social care referral as it is being built: what the rules of the referral need at the end.</summary>
internal sealed class Referral
{
    public required string Id { get; init; }
    public required LocalDate Date { get; init; }
    public required string Need { get; init; }
    public required int Team { get; init; }
    public required string Worker { get; init; }

    /// <summary>Allocated-worker involvements (start, worker, team); the first allocation is the earliest.</summary>
    public List<(LocalDate Start, string Worker, int Team)> Allocations { get; } = [];

    public string? AssessmentId { get; set; }
    public LocalDate? AssessmentStart { get; set; }
    public LocalDate? AssessmentDone { get; set; }
    public LocalDate? ReviewPoint { get; set; }

    /// <summary>The assessment start was keyed as an impossible date (a data-quality fault).</summary>
    public bool BadStart { get; set; }

    /// <summary>The latest thing that happened on the referral: it cannot close before this.</summary>
    public LocalDate Latest { get; set; }
}

/// <summary>
/// The front door and the referral: contacts with their 24-hour decisions, the referral, its allocation, the single
/// assessment with its review point, and at the end the referral row and case supervision
/// (<c>contact-decision</c>, <c>allocation</c>, <c>assessment-timescale</c>, <c>assessment-review-point</c>, <c>supervision</c>).
/// </summary>
internal static class SocialCareStory
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private static readonly string[] Needs = ["N1", "N1", "N1", "N2", "N3", "N4", "N4", "N5", "N6", "N7", "N8", "N9"];

    public const string ToSocialCare = "{\"outcome\": \"Referral to children's social care\"}";
    public const string ToEarlyHelp = "{\"outcome\": \"Step down to Early Help\"}";

    private static readonly string[] NoAction =
    [
        "{\"outcome\": \"Advice and information\"}", "{\"outcome\": \"No further action\"}",
        "{\"outcome\": \"Signposted to universal services\"}",
    ];

    /// <summary>A contact received at a time of day on <paramref name="date"/> and its decision (<c>contact-decision</c>:
    /// 24 hours, exact with date-times).</summary>
    public static void Contact(Child c, LocalDate date, string? outcome = null)
    {
        var id = c.NewId("CT");
        var received = date.At(new LocalTime(c.Rng.Between(8, 18), c.Rng.Between(0, 59)));
        c.Row("ssd_contacts", ("cont_contact_id", id), ("cont_person_id", c.Id), ("cont_contact_date", Child.D(date)),
            ("cont_contact_outcome_json", outcome ?? c.Rng.Pick(NoAction)));

        // 24 hours is elapsed time in UK local time: across a clock change it is 23 or 25 hours on the clock.
        var dueAt = received.InZoneLeniently(London).Plus(Duration.FromHours(24)).LocalDateTime;
        LocalDateTime? decision;
        if ((date >= c.AsOf.PlusDays(-1) && c.Rng.Chance(0.4)) || c.Breach(0.05))
        {
            decision = null;
        }
        else if (c.Breach())
        {
            decision = received.PlusMinutes(c.Rng.Between(25 * 60, 80 * 60));
        }
        else
        {
            decision = received.PlusMinutes(c.Rng.Between(30, 23 * 60));
        }

        if (decision is { } d && (d.Date > c.AsOf || d.Date > c.ActivityLimit))
        {
            decision = null;
        }

        c.Row("cc_contact_decisions", ("cdec_contact_id", id), ("cdec_received_at", DateText.Of(received)),
            ("cdec_decision_at", decision is { } at ? DateText.Of(at) : null));
        c.Expect("contact-decision", dueAt.Date,
            decision is { } made ? (made <= dueAt ? Status.Met : Status.Late) : c.Open(dueAt.Date, null));
    }

    /// <summary>Contacts only: advice, signposting, or a referral closed with no further action.</summary>
    public static void ContactsOnly(Child c, LocalDate first)
    {
        var date = first;
        var count = c.Rng.Between(1, 3);
        for (var i = 0; i < count && date <= c.AsOf; i++)
        {
            if (c.Rng.Chance(0.3))
            {
                Contact(c, date, ToSocialCare);
                NoFurtherAction(c, date.PlusDays(c.Rng.Between(0, 1)));
            }
            else
            {
                Contact(c, date);
            }

            date = date.PlusDays(c.Rng.Between(60, 500));
        }
    }

    /// <summary>A referral closed as no further action within days: allocation is not applicable, no supervision.</summary>
    public static void NoFurtherAction(Child c, LocalDate date)
    {
        if (date > c.AsOf)
        {
            return;
        }

        var id = c.NewId("REF");
        var team = c.Staff.Team(ref c.Rng, Area.FrontDoor);
        var close = c.EndBy(date.PlusDays(c.Rng.Between(0, 5)));
        var need = c.Rng.Pick(Needs);
        c.Row("ssd_cin_episodes", ("cine_referral_id", id), ("cine_person_id", c.Id), ("cine_referral_date", Child.D(date)),
            ("cine_cin_primary_need_code", need), ("cine_referral_nfa", "Y"), ("cine_close_date", Child.D(close)),
            ("cine_referral_team", Staff.TeamId(team)), ("cine_referral_worker_id", Staff.Practitioner(ref c.Rng, team)));
        c.LatestReferralNeed = need;
        c.Opened(close);
        c.Expect("allocation", null, Status.NotApplicable);
    }

    /// <summary>
    /// A referral received on <paramref name="date"/> after a contact, allocated to a front door worker and assessed.
    /// The assessment is authorised within 45 working days (or planted late, or still open); where it runs past 20
    /// working days a review point is recorded.
    /// </summary>
    public static Referral Begin(Child c, LocalDate date, string? need = null)
    {
        Contact(c, c.Rng.Chance(0.5) ? date : date.PlusDays(-c.Rng.Between(1, 2)), ToSocialCare);
        var team = c.Staff.Team(ref c.Rng, Area.FrontDoor);
        var r = new Referral
        {
            Id = c.NewId("REF"),
            Date = date,
            Need = need ?? c.Rng.Pick(Needs),
            Team = team,
            Worker = Staff.Practitioner(ref c.Rng, team),
            Latest = date,
        };
        c.LatestReferralNeed = r.Need;

        // Allocation: within a week, or planted late, or (rarely) never.
        if (!c.Breach(0.1))
        {
            var allocated = c.Breach() ? date.PlusDays(c.Rng.Between(8, 25)) : date.PlusDays(c.Rng.Between(0, 7));
            if (allocated <= c.ActivityLimit)
            {
                r.Allocations.Add((allocated, r.Worker, team));
                r.Latest = allocated;
            }
        }

        // The single assessment.
        var start = date.PlusDays(c.Rng.Between(0, 3));
        if (start > c.ActivityLimit)
        {
            return r;
        }

        r.AssessmentId = c.NewId("ASM");
        r.AssessmentStart = start;
        r.BadStart = c.Fault(0.3);
        r.Latest = Child.Max(r.Latest, start);
        LocalDate? done = c.Breach(0.1) ? null
            : c.Breach() ? c.WorkingDays(start, c.Rng.Between(46, 70))
            : c.WorkingDays(start, c.Rng.Between(8, 45));
        if (done > c.ActivityLimit)
        {
            done = null;
        }

        r.AssessmentDone = done;
        var reviewDue = c.WorkingDays(start, 20);
        if (done is null || done >= reviewDue)
        {
            LocalDate? point = c.Breach(0.3) ? null
                : c.Breach() ? c.WorkingDays(start, c.Rng.Between(21, 30))
                : c.WorkingDays(start, c.Rng.Between(10, 20));
            if (point > c.ActivityLimit || (done is { } d && point > d))
            {
                point = null;
            }

            r.ReviewPoint = point;
            if (point is { } p)
            {
                r.Latest = Child.Max(r.Latest, p);
            }
        }

        if (done is { } completed)
        {
            r.Latest = Child.Max(r.Latest, completed);
        }

        return r;
    }

    /// <summary>Another allocated worker from <paramref name="from"/> (the case moves to a plan or care team).</summary>
    public static void Transfer(Child c, Referral r, LocalDate from, Area area)
    {
        if (from > c.ActivityLimit)
        {
            return;
        }

        var team = c.Staff.Team(ref c.Rng, area);
        r.Allocations.Add((from, Staff.Practitioner(ref c.Rng, team), team));
        r.Latest = Child.Max(r.Latest, from);
    }

    /// <summary>
    /// Closes the referral on <paramref name="close"/> (or leaves it open) and writes what depends on the whole referral:
    /// the referral, involvement and assessment rows, and the findings of allocation, the assessment, its review point
    /// and case supervision.
    /// </summary>
    public static void Finish(Child c, Referral r, LocalDate? close)
    {
        if (close is { } cl && cl < r.Latest)
        {
            close = c.EndBy(r.Latest);
        }

        c.Row("ssd_cin_episodes", ("cine_referral_id", r.Id), ("cine_person_id", c.Id), ("cine_referral_date", Child.D(r.Date)),
            ("cine_cin_primary_need_code", r.Need), ("cine_referral_nfa", "N"), ("cine_close_date", Child.D(close)),
            ("cine_referral_team", Staff.TeamId(r.Team)), ("cine_referral_worker_id", r.Worker));
        c.Opened(close);
        c.Auditable.Add((r.Id, r.Date, close));

        // The first allocation is the earliest involvement, whatever order the story added them in.
        r.Allocations.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 0; i < r.Allocations.Count; i++)
        {
            var (start, worker, team) = r.Allocations[i];
            var end = i + 1 < r.Allocations.Count ? r.Allocations[i + 1].Start : close;
            c.Row("ssd_involvements", ("invo_involvements_id", c.NewId("INV")), ("invo_professional_id", worker),
                ("invo_professional_role_id", "ALLOCATED CASE WORKER"), ("invo_professional_team", Staff.TeamId(team)),
                ("invo_involvement_start_date", Child.D(start)), ("invo_involvement_end_date", Child.D(end)),
                ("invo_person_id", c.Id), ("invo_referral_id", r.Id));
        }

        c.Judge("allocation", r.Date.PlusDays(7), r.Allocations.Count > 0 ? r.Allocations[0].Start : null, close);

        if (r.AssessmentId is { } assessment && r.AssessmentStart is { } start0)
        {
            c.Row("ssd_cin_assessments", ("cina_assessment_id", assessment), ("cina_person_id", c.Id), ("cina_referral_id", r.Id),
                ("cina_assessment_start_date", r.BadStart ? Child.BadDate(start0.Year) : Child.D(start0)),
                ("cina_assessment_child_seen", "Y"), ("cina_assessment_auth_date", Child.D(r.AssessmentDone)));
            if (r.ReviewPoint is { } point)
            {
                c.Row("cc_assessment_review_points", ("arp_assessment_id", assessment), ("arp_date", Child.D(point)));
            }

            if (r.BadStart)
            {
                c.Expect("assessment-timescale", null, Status.MissingData);
                c.Expect("assessment-review-point", null, Status.MissingData);
            }
            else
            {
                c.Judge("assessment-timescale", c.WorkingDays(start0, 45), r.AssessmentDone, close);

                // Completed before any review point was held: the assessment's end closes the obligation.
                var done = r.AssessmentDone;
                LocalDate? end = done is { } d && (r.ReviewPoint is null || d < r.ReviewPoint) ? d : null;
                c.Judge("assessment-review-point", c.WorkingDays(start0, 20), r.ReviewPoint, end);
            }
        }

        Supervision(c, r, close);
    }

    /// <summary><c>supervision</c>: monthly while a child protection plan is open when the interval starts, else 3-monthly,
    /// from the referral until it closes.</summary>
    private static void Supervision(Child c, Referral r, LocalDate? close)
    {
        var manager = Staff.Manager(r.Allocations.Count > 0 ? r.Allocations[^1].Team : r.Team);
        var plans = c.ChildProtectionPlans;
        c.Recurring("supervision", r.Date, close, c.Limit(close),
            (from, _) => from.PlusMonths(ChildProtectionOpen(plans, from) ? 1 : 3),
            new Cadence(FirstMin: 7, MinGap: 14, Window: 20, MaxLate: 30, StopWeight: 0.05),
            (date, _, _) => c.Row("cc_management_records", ("mgmt_id", c.NewId("SUP")), ("mgmt_person_id", c.Id),
                ("mgmt_episode_id", r.Id), ("mgmt_type", "supervision"), ("mgmt_date", Child.D(date)), ("mgmt_worker_id", manager)));
    }

    private static bool ChildProtectionOpen(List<(LocalDate Start, LocalDate? End)> plans, LocalDate date)
    {
        foreach (var (start, end) in plans)
        {
            if (start <= date && (end is null || end >= date))
            {
                return true;
            }
        }

        return false;
    }
}

using NodaTime;

namespace CaseCompliance.Generation;

/// <summary>
/// Child protection: referral, strategy discussion starting a section 47 enquiry, then no conference (closure or a
/// child in need plan), or an initial conference (rarely a transfer-in) and a child protection plan with visits, core
/// groups and review conferences; the plan ends, sometimes with the child becoming looked after
/// (<c>strategy-discussion</c>, <c>icpc-timescale</c>, <c>cp-visits</c>, <c>core-group</c>, <c>cp-review-conference</c>).
/// </summary>
internal static class ChildProtectionStory
{
    /// <summary>Writes a referral on <paramref name="date"/>; returns its closure (null: open).</summary>
    public static LocalDate? Run(Child c, LocalDate date)
    {
        var r = SocialCareStory.Begin(c, date, c.Rng.Chance(0.7) ? "N1" : null);
        var strategyDue = c.WorkingDays(date, 1);
        var strategy = c.Breach() ? date.PlusDays(c.Rng.Between(2, 6))
            : c.Rng.Chance(0.5) ? date : strategyDue;
        if (strategy > c.ActivityLimit)
        {
            SocialCareStory.Finish(c, r, null);
            return null;
        }

        r.Latest = Child.Max(r.Latest, strategy);
        c.Judge("strategy-discussion", strategyDue, strategy, null);
        if (c.Rng.Chance(0.5))
        {
            EarlyHelpStory.Meeting(c, r.Id, "strategy-discussion", strategy, false);
        }

        var s47 = c.NewId("S47");
        var icpcDue = c.WorkingDays(strategy, 15);
        var outcome = c.Rng.NextDouble();
        LocalDate? close;
        if (outcome < 0.25)
        {
            // The enquiry ends without a conference.
            var ended = strategy.PlusDays(c.Rng.Between(5, 20));
            LocalDate? s47End = ended <= c.ActivityLimit ? ended : null;
            S47(c, s47, r, strategy, s47End);
            if (s47End is { } e)
            {
                r.Latest = Child.Max(r.Latest, e);
                c.Expect("icpc-timescale", icpcDue, Status.NotApplicable);
                if (r.AssessmentDone is { } assessed && c.Rng.Chance(0.5))
                {
                    var start = Child.Max(assessed, e).PlusDays(c.Rng.Between(0, 10));
                    close = start <= c.ActivityLimit ? ChildInNeedStory.Plan(c, r, start) : null;
                }
                else
                {
                    close = r.AssessmentDone is { } a ? c.EndBy(Child.Max(a, e).PlusDays(c.Rng.Between(1, 20))) : null;
                }
            }
            else
            {
                c.Judge("icpc-timescale", icpcDue, null, null);
                close = null;
            }

            SocialCareStory.Finish(c, r, close);
            return close;
        }

        var transferIn = outcome > 0.98;
        var conference = transferIn ? c.WorkingDays(strategy, c.Rng.Between(3, 10))
            : c.Breach() ? c.WorkingDays(strategy, c.Rng.Between(16, 28))
            : c.WorkingDays(strategy, c.Rng.Between(5, 15));
        if (conference > c.ActivityLimit)
        {
            // The enquiry is still open and no conference has been held: drift shows as due or overdue.
            S47(c, s47, r, strategy, null);
            c.Judge("icpc-timescale", icpcDue, null, null);
            SocialCareStory.Finish(c, r, null);
            return null;
        }

        S47(c, s47, r, strategy, conference);
        c.Expect("icpc-timescale", icpcDue, transferIn ? Status.NotApplicable : conference <= icpcDue ? Status.Met : Status.Late);

        var icpc = c.NewId("ICPC");
        var plan = c.NewId("CPP");
        c.Row("ssd_initial_cp_conference", ("icpc_icpc_id", icpc), ("icpc_s47_enquiry_id", s47), ("icpc_person_id", c.Id),
            ("icpc_cp_plan_id", plan), ("icpc_referral_id", r.Id), ("icpc_icpc_transfer_in", Child.Flag(transferIn)),
            ("icpc_icpc_date", Child.D(conference)));
        var planEnd = Plan(c, r, plan, icpc, conference);

        if (planEnd is { } ended2 && c.Rng.Chance(0.15) && c.DateOfBirth is { } dob && ended2 < dob.PlusYears(17))
        {
            // Protection was not enough: the child becomes looked after the day the plan ends.
            close = LookedAfterStory.Run(c, r, ended2, dob.PlusYears(18));
        }
        else
        {
            close = planEnd is { } pe ? c.EndBy(pe.PlusDays(c.Rng.Between(0, 20))) : null;
        }

        SocialCareStory.Finish(c, r, close);
        return close;
    }

    private static void S47(Child c, string id, Referral r, LocalDate start, LocalDate? end) =>
        c.Row("ssd_s47_enquiry", ("s47e_s47_enquiry_id", id), ("s47e_referral_id", r.Id), ("s47e_person_id", c.Id),
            ("s47e_s47_start_date", Child.D(start)), ("s47e_s47_end_date", Child.D(end)));

    /// <summary>The child protection plan made at the conference; returns its end (null: open).</summary>
    private static LocalDate? Plan(Child c, Referral r, string id, string icpc, LocalDate start)
    {
        var end = c.EndBy(start.PlusDays(c.Rng.Chance(0.2) ? c.Rng.Between(400, 800) : c.Rng.Between(90, 400)));
        var limit = c.Limit(end);
        SocialCareStory.Transfer(c, r, start, Area.ChildProtection);
        c.ChildProtectionPlans.Add((start, end));
        c.Row("ssd_cp_plans", ("cppl_cp_plan_id", id), ("cppl_referral_id", r.Id), ("cppl_icpc_id", icpc), ("cppl_person_id", c.Id),
            ("cppl_cp_plan_start_date", Child.D(start)), ("cppl_cp_plan_end_date", Child.D(end)));
        c.Opened(end);
        r.Latest = Child.Max(r.Latest, end ?? limit);

        // Visits at least every 14 days. (No plan-own frequency is planted on CP plans: Mosaic records none for a
        // registration, and the four formats of one caseload must give the same findings.)
        c.Recurring("cp-visits", start, end, limit, (from, _) => from.PlusDays(14),
            new Cadence(FirstMin: 0, MinGap: 3, Window: -50, MaxLate: 10, StopWeight: 0.03),
            (date, _, _) =>
            {
                if (c.Rng.Chance(0.05) && date.PlusDays(-2) >= start)
                {
                    c.Visit(VisitKind.ChildProtection, date.PlusDays(-c.Rng.Between(1, 2)), id, seen: false);
                }

                c.Visit(VisitKind.ChildProtection, date, id);
            });

        // Core groups: 10 working days after the conference, then 6-weekly; a cancelled one now and then.
        c.Recurring("core-group", start, end, limit,
            (from, index) => index == 0 ? c.WorkingDays(from, 10) : from.PlusDays(42),
            new Cadence(FirstMin: 1, MinGap: 21, Window: 14, MaxLate: 21, StopWeight: 0.05),
            (date, _, _) =>
            {
                if (c.Rng.Chance(0.04))
                {
                    EarlyHelpStory.Meeting(c, id, "core-group", date.PlusDays(-c.Rng.Between(1, 5)), true);
                }

                EarlyHelpStory.Meeting(c, id, "core-group", date, false);
            });

        // Review conferences: 3 months after the conference, then 6-monthly.
        c.Recurring("cp-review-conference", start, end, limit,
            (from, index) => index == 0 ? from.PlusMonths(3) : from.PlusMonths(6),
            new Cadence(FirstMin: 30, MinGap: 60, Window: 20, MaxLate: 30, StopWeight: 0.05),
            (date, _, due) => c.Row("ssd_cp_reviews", ("cppr_cp_review_id", c.NewId("CPR")), ("cppr_person_id", c.Id),
                ("cppr_cp_plan_id", id), ("cppr_cp_review_due", Child.D(due)), ("cppr_cp_review_date", Child.D(date))));

        if (c.Fault(0.3))
        {
            c.RejectedVisit(VisitKind.ChildProtection, id, start.Year);
        }

        return end;
    }
}

using NodaTime;

namespace CaseCompliance.Generation;

/// <summary>
/// Case audits of a sample of episodes: grade, recommended actions with agreed dates, and a manager's discussion of the
/// findings (<c>audit-actions</c>, <c>audit-follow-up</c>).
/// </summary>
internal static class AuditStory
{
    private static readonly string[] Grades = ["Outstanding", "Good", "Good", "Requires improvement", "Requires improvement", "Inadequate"];

    private static readonly string[] Actions =
    [
        "Update the chronology", "Hold a review of the plan", "Record the child's views", "Complete the overdue visit",
        "Update the risk assessment", "Record management oversight of the plan",
    ];

    public static void Run(Child c)
    {
        if (c.Auditable.Count == 0 || !c.Rng.Chance(0.1))
        {
            return;
        }

        var audits = new List<(LocalDate Date, string Episode)>();
        var discussions = new List<(LocalDate Date, string Episode)>();
        var count = c.Rng.Chance(0.15) ? 2 : 1;
        for (var n = 0; n < count; n++)
        {
            var (episode, start, end) = c.Auditable[c.Rng.Below(c.Auditable.Count)];
            var last = end ?? c.AsOf;
            if (last <= start.PlusDays(30))
            {
                continue;
            }

            var date = c.Workday(c.Day(start.PlusDays(30), last), start);
            if (date > c.AsOf)
            {
                continue;
            }

            var id = c.NewId("AUD");
            audits.Add((date, episode));
            c.Row("cc_audits", ("aud_id", id), ("aud_person_id", c.Id), ("aud_episode_id", episode), ("aud_date", Child.D(date)),
                ("aud_grade", c.Rng.Pick(Grades)));

            var actions = c.Rng.Between(0, 3);
            for (var a = 0; a < actions; a++)
            {
                var due = date.PlusDays(c.Rng.Between(14, 90));
                LocalDate? done = c.Breach(0.3) ? null
                    : c.Breach() ? due.PlusDays(c.Rng.Between(1, 30))
                    : c.Day(date.PlusDays(1), due);
                if (done > c.ActivityLimit)
                {
                    done = null;
                }

                var noDueDate = c.Fault(1);
                c.Row("cc_audit_actions", ("act_id", id + "-A" + (a + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("act_audit_id", id), ("act_description", c.Rng.Pick(Actions)), ("act_owner", null),
                    ("act_due_date", noDueDate ? null : Child.D(due)), ("act_completed_date", Child.D(done)));
                if (noDueDate)
                {
                    c.Expect("audit-actions", null, Status.MissingData);
                }
                else
                {
                    c.Judge("audit-actions", due, done, null);
                }
            }

            LocalDate? discussed = c.Breach(0.3) ? null
                : c.Breach() ? c.WorkingDays(date, c.Rng.Between(21, 40))
                : c.WorkingDays(date, c.Rng.Between(0, 20));
            if (discussed is { } d && d <= c.ActivityLimit)
            {
                discussions.Add((d, episode));
                c.Row("cc_management_records", ("mgmt_id", c.NewId("AD")), ("mgmt_person_id", c.Id), ("mgmt_episode_id", episode),
                    ("mgmt_type", "audit-discussion"), ("mgmt_date", Child.D(d)), ("mgmt_worker_id", null));
            }
        }

        // A discussion counts for every audit of the same episode on or before it: the first one on or after the audit.
        foreach (var (date, episode) in audits)
        {
            LocalDate? first = null;
            foreach (var (d, e) in discussions)
            {
                if (e == episode && d >= date && (first is null || d < first))
                {
                    first = d;
                }
            }

            c.Judge("audit-follow-up", c.WorkingDays(date, 20), first, null);
        }
    }
}

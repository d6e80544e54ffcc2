using NodaTime;

namespace CaseCompliance.Generation;

/// <summary>The visit tables a generated visit goes to.</summary>
internal enum VisitKind
{
    ChildProtection,
    ChildInNeed,
    LookedAfter,
    PrivateFostering,
    CareLeaver,
    EarlyHelpContact,
    EarlyHelpHomeVisit,
}

internal sealed partial class Child
{
    private static readonly string[] NotAloneReasons =
    [
        "Child asked for a parent to stay", "Seen at school with a teacher present", "Sibling present throughout",
        "Interpreter present", "Child unwell and wanted carer nearby",
    ];

    private const string TooYoung = "Child too young to be seen alone";

    /// <summary>
    /// Writes a visit (or Early Help contact) with its write-up details, and the findings every visit implies:
    /// <c>recording-timeliness</c> (written up within 28 days) and, for statutory visits, <c>visit-seen-alone</c>.
    /// </summary>
    public string Visit(VisitKind kind, LocalDate date, string? episodeId, bool seen = true)
    {
        var code = kind switch
        {
            VisitKind.ChildProtection => "CPV",
            VisitKind.ChildInNeed => "CNV",
            VisitKind.LookedAfter => "LAV",
            VisitKind.PrivateFostering => "PFV",
            VisitKind.CareLeaver => "CLV",
            _ => "EHC",
        };
        var id = NewId(code);
        var statutory = kind is VisitKind.ChildProtection or VisitKind.ChildInNeed or VisitKind.LookedAfter or VisitKind.PrivateFostering;
        var recordsAlone = statutory || kind == VisitKind.CareLeaver;

        bool? alone = null;
        string? reason = null;
        if (recordsAlone)
        {
            if (!seen)
            {
                alone = false;
            }
            else if (statutory && Fault(0.4))
            {
                alone = null; // seen-alone flag left empty
            }
            else
            {
                var young = DateOfBirth is { } dob && date < dob.PlusYears(4);
                alone = !young && !Rng.Chance(0.2);
                if (alone == false)
                {
                    reason = statutory && Fault(0.4) ? null : young ? TooYoung : Rng.Pick(NotAloneReasons);
                }
            }
        }

        var flag = alone is { } a ? Flag(a) : null;
        switch (kind)
        {
            case VisitKind.ChildProtection:
                Row("ssd_cp_visits", ("cppv_cp_visit_id", id), ("cppv_person_id", Id), ("cppv_cp_plan_id", episodeId),
                    ("cppv_cp_visit_date", D(date)), ("cppv_cp_visit_seen", Flag(seen)), ("cppv_cp_visit_seen_alone", flag));
                break;
            case VisitKind.ChildInNeed:
                Row("ssd_cin_visits", ("cinv_cin_visit_id", id), ("cinv_person_id", Id), ("cinv_cin_visit_date", D(date)),
                    ("cinv_cin_visit_seen", Flag(seen)), ("cinv_cin_visit_seen_alone", flag));
                break;
            case VisitKind.LookedAfter:
                Row("ssd_cla_visits", ("clav_cla_visit_id", id), ("clav_cla_id", episodeId), ("clav_person_id", Id),
                    ("clav_cla_visit_date", D(date)), ("clav_cla_visit_seen", Flag(seen)), ("clav_cla_visit_seen_alone", flag));
                break;
            case VisitKind.PrivateFostering or VisitKind.CareLeaver:
                Row("cc_visits", ("visi_id", id), ("visi_person_id", Id), ("visi_episode_id", episodeId),
                    ("visi_type", kind == VisitKind.PrivateFostering ? "private-fostering" : "care-leaver"), ("visi_date", D(date)),
                    ("visi_seen", Flag(seen)), ("visi_seen_alone", flag));
                break;
            default:
                Row("cc_eh_contacts", ("ehco_id", id), ("ehco_person_id", Id), ("ehco_episode_id", episodeId),
                    ("ehco_type", kind == VisitKind.EarlyHelpHomeVisit ? "home-visit" : "contact"), ("ehco_date", D(date)));
                break;
        }

        // Written up: usually within days; planted late, or never; not yet when that day is after the as-of date.
        LocalDate? recorded = Breach(0.15) ? null
            : Breach(0.6) ? date.PlusDays(Rng.Between(29, 75))
            : date.PlusDays(Rng.Between(0, 12));
        if (recorded > AsOf)
        {
            recorded = null;
        }

        if (recorded is not null || reason is not null)
        {
            Row("cc_visit_details", ("vdet_visit_id", id), ("vdet_not_seen_alone_reason", reason), ("vdet_recorded_date", D(recorded)));
        }

        Judge("recording-timeliness", date.PlusDays(28), recorded, null);
        if (statutory)
        {
            if (!seen)
            {
                Expect("visit-seen-alone", date, Status.NotApplicable);
            }
            else if (alone is null || (alone == false && reason is null))
            {
                Expect("visit-seen-alone", null, Status.MissingData);
            }
            else
            {
                Expect("visit-seen-alone", date, Status.Met);
            }
        }

        return id;
    }

    /// <summary>
    /// A data-quality fault that costs the row: a visit whose date is impossible (30 February). The adapter rejects
    /// the whole row, so it satisfies nothing and no finding is expected for it.
    /// </summary>
    public void RejectedVisit(VisitKind kind, string? episodeId, int year)
    {
        var bad = BadDate(year);
        var id = NewId("BAD");
        switch (kind)
        {
            case VisitKind.ChildProtection:
                Row("ssd_cp_visits", ("cppv_cp_visit_id", id), ("cppv_person_id", Id), ("cppv_cp_plan_id", episodeId),
                    ("cppv_cp_visit_date", bad), ("cppv_cp_visit_seen", "Y"), ("cppv_cp_visit_seen_alone", "Y"));
                break;
            case VisitKind.LookedAfter:
                Row("ssd_cla_visits", ("clav_cla_visit_id", id), ("clav_cla_id", episodeId), ("clav_person_id", Id),
                    ("clav_cla_visit_date", bad), ("clav_cla_visit_seen", "Y"), ("clav_cla_visit_seen_alone", "Y"));
                break;
            default:
                Row("ssd_cin_visits", ("cinv_cin_visit_id", id), ("cinv_person_id", Id), ("cinv_cin_visit_date", bad),
                    ("cinv_cin_visit_seen", "Y"), ("cinv_cin_visit_seen_alone", "Y"));
                break;
        }
    }

    /// <summary>A date that does not exist, as a keying slip would leave it: <c>yyyy-02-30</c>.</summary>
    public static string BadDate(int year) => year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "-02-30";
}

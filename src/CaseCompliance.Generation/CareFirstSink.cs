using CaseCompliance.Adapters.CareFirst;
using Row = System.Collections.Generic.IReadOnlyDictionary<string, string>;

namespace CaseCompliance.Generation;

/// <summary>
/// Writes the <c>carefirst</c> default layout (docs/sources/carefirst.md, <see cref="CareFirstLayout"/>): one CSV per
/// CareFirst record, dates <c>dd/MM/yyyy</c> and date-times <c>dd/MM/yyyy HH:mm</c>, with the ids and codes of the
/// converter that made samples/carefirst from samples/standard. Streams: nothing is kept between children but the
/// workers' job titles (the allocation role comes from them, as in the converter; for a title it did not know, such
/// as a team manager or senior practitioner, from the SSD role and the episode: IRO, else PA without an episode, EHW
/// for an Early Help episode, ASW otherwise). Records the converter gathered from several SSD tables (assessments,
/// decision records, conferences, visits) come child by child. An SSD code with no CareFirst counterpart, and a date
/// that is not an SSD date, are written as they are, for the adapter to reject as it would in the standard extract.
/// </summary>
public sealed class CareFirstSink : IExtractSink
{
    private readonly List<SinkTable> _files = [];
    private readonly SinkTable _keyInformation, _addresses, _disabilities, _teams, _workers, _contacts, _referrals, _allocations, _assessments,
        _s47, _cinPlans, _registrations, _conferences, _visits, _lacEpisodes, _placements, _legal, _lacReviews, _decisions, _supervision,
        _meetings, _ehEpisodes, _taf, _documents, _fostering, _careLeavers, _accommodation, _audits, _actions;

    private readonly Dictionary<string, string> _titles = new(StringComparer.Ordinal); // directory: worker → job title

    // Look-ups within one child, cleared for the next.
    private readonly Dictionary<string, Row> _contactDecisions = new(StringComparer.Ordinal), _visitDetails = new(StringComparer.Ordinal),
        _frequencies = new(StringComparer.Ordinal), _placementDetails = new(StringComparer.Ordinal);
    private readonly HashSet<string> _s47Referrals = new(StringComparer.Ordinal), _ehIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _periodPerson = new(StringComparer.Ordinal);

    public CareFirstSink(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        SinkTable Open(string table, int width)
        {
            var file = new SinkTable(directory, table, SinkTable.Columns(CareFirstLayout.Tables, table, width));
            _files.Add(file);
            return file;
        }

        _keyInformation = Open(CareFirstLayout.KeyInformation.Table.Name, 13);
        _addresses = Open("CLIENT_ADDRESSES", 5);
        _disabilities = Open("CLIENT_DISABILITIES", 2);
        _teams = Open("TEAMS", 3);
        _workers = Open("WORKERS", 4);
        _contacts = Open("CONTACTS", 3);
        _decisions = Open("DECISION_RECORDS", 6);
        _supervision = Open("CASE_SUPERVISION", 5);
        _referrals = Open("REFERRALS", 8);
        _allocations = Open("ALLOCATIONS", 8);
        _assessments = Open("ASSESSMENTS", 8);
        _s47 = Open("S47_ENQUIRIES", 5);
        _registrations = Open("CP_REGISTRATIONS", 8);
        _cinPlans = Open("CIN_PLANS", 7);
        _conferences = Open("CP_CONFERENCES", 8);
        _visits = Open("VISIT_TO_CHILD", 9);
        _lacEpisodes = Open("LAC_EPISODES", 7);
        _placements = Open("PLACEMENTS", 11);
        _legal = Open("LEGAL_STATUSES", 4);
        _lacReviews = Open("LAC_REVIEWS", 6);
        _meetings = Open("MEETINGS", 6);
        _taf = Open("EH_TAF_MEETINGS", 6);
        _ehEpisodes = Open("EH_EPISODES", 5);
        _documents = Open("DOCUMENTS", 5);
        _fostering = Open("PRIVATE_FOSTERING", 5);
        _careLeavers = Open("CARE_LEAVERS", 4);
        _accommodation = Open("CARE_LEAVER_ACCOMMODATION", 3);
        _audits = Open("CASE_AUDITS", 5);
        _actions = Open("AUDIT_ACTIONS", 6);
    }

    public string Format => "carefirst";

    public void Directory(SsdTables tables)
    {
        foreach (var t in tables.Rows("ssd_department"))
        {
            _teams.Row(V(t, "dept_team_id"), V(t, "dept_team_name"), V(t, "dept_team_parent_id"));
        }

        foreach (var w in tables.Rows("ssd_professionals"))
        {
            _workers.Row(V(w, "prof_professional_id"), V(w, "prof_professional_name"), V(w, "prof_professional_job_title"),
                V(w, "prof_professional_department"));
            _titles[V(w, "prof_professional_id")] = V(w, "prof_professional_job_title");
        }
    }

    public void Child(SsdTables tables)
    {
        try
        {
            Index(tables);
            Client(tables);
            ContactsAndDecisions(tables);
            ReferralsAndAssessments(tables);
            PlansAndConferences(tables);
            Visits(tables);
            LookedAfter(tables);
            Others(tables);
        }
        finally
        {
            _contactDecisions.Clear();
            _visitDetails.Clear();
            _frequencies.Clear();
            _placementDetails.Clear();
            _s47Referrals.Clear();
            _ehIds.Clear();
            _periodPerson.Clear();
        }
    }

    private void Index(SsdTables t)
    {
        foreach (var r in t.Rows("cc_contact_decisions"))
        {
            _contactDecisions[V(r, "cdec_contact_id")] = r;
        }

        foreach (var r in t.Rows("cc_visit_details"))
        {
            _visitDetails[V(r, "vdet_visit_id")] = r;
        }

        foreach (var r in t.Rows("cc_plan_visit_frequency"))
        {
            _frequencies[V(r, "pvf_plan_id")] = r;
        }

        foreach (var r in t.Rows("cc_placement_details"))
        {
            _placementDetails[V(r, "pdet_placement_id")] = r;
        }

        foreach (var r in t.Rows("ssd_s47_enquiry"))
        {
            _s47Referrals.Add(V(r, "s47e_referral_id"));
        }

        foreach (var r in t.Rows("ssd_early_help_episodes"))
        {
            _ehIds.Add(V(r, "earl_episode_id"));
        }

        foreach (var r in t.Rows("ssd_cla_episodes"))
        {
            _periodPerson[V(r, "clae_cla_id")] = V(r, "clae_person_id");
        }
    }

    private void Client(SsdTables t)
    {
        var details = t.Rows("cc_person_details");
        foreach (var p in t.Rows("ssd_person"))
        {
            var id = V(p, "pers_person_id");
            Row? d = null;
            foreach (var r in details)
            {
                if (V(r, "pdet_person_id") == id)
                {
                    d = r;
                }
            }

            _keyInformation.Row(id, V(p, "pers_forename"), V(p, "pers_surname"), First(V(p, "pers_gender"), V(p, "pers_sex")), V(p, "pers_ethnicity"),
                D(d, "pdet_ethnicity_detail"), Uk(V(p, "pers_dob")), Uk(V(p, "pers_expected_dob")), Uk(V(p, "pers_death_date")),
                V(p, "pers_common_child_id"), V(p, "pers_upn_unknown"), D(d, "pdet_telephone"), D(d, "pdet_primary_need"));
        }

        foreach (var a in t.Rows("ssd_address"))
        {
            _addresses.Row(V(a, "addr_person_id"), SinkTable.AddressText(V(a, "addr_address_json")), V(a, "addr_address_postcode"),
                Uk(V(a, "addr_address_start_date")), Uk(V(a, "addr_address_end_date")));
        }

        foreach (var d in t.Rows("ssd_disability"))
        {
            _disabilities.Row(V(d, "disa_person_id"), V(d, "disa_disability_code"));
        }
    }

    private void ContactsAndDecisions(SsdTables t)
    {
        foreach (var c in t.Rows("ssd_contacts"))
        {
            var id = V(c, "cont_contact_id");
            _contactDecisions.TryGetValue(id, out var d);
            var received = d is not null && V(d, "cdec_received_at") is { Length: > 0 } at ? at : V(c, "cont_contact_date");
            _contacts.Row(id, V(c, "cont_person_id"), Uk(received));
            if (d is not null && V(d, "cdec_decision_at") is { Length: > 0 } decided)
            {
                _decisions.Row("CD-" + id, V(c, "cont_person_id"), "CONDEC", id, Uk(decided), "");
            }
        }

        foreach (var m in t.Rows("cc_management_records"))
        {
            var type = V(m, "mgmt_type");
            if (type == "supervision")
            {
                _supervision.Row(V(m, "mgmt_id"), V(m, "mgmt_person_id"), V(m, "mgmt_episode_id"), Uk(V(m, "mgmt_date")), V(m, "mgmt_worker_id"));
                continue;
            }

            var code = type switch
            {
                "oversight" => "MGTOVS",
                "audit-discussion" => "AUDDIS",
                _ => type, // an unknown code as written: the adapter judges it
            };
            _decisions.Row(V(m, "mgmt_id"), V(m, "mgmt_person_id"), code, V(m, "mgmt_episode_id"), Uk(V(m, "mgmt_date")), V(m, "mgmt_worker_id"));
        }
    }

    private void ReferralsAndAssessments(SsdTables t)
    {
        foreach (var r in t.Rows("ssd_cin_episodes"))
        {
            var id = V(r, "cine_referral_id");
            var outcome = V(r, "cine_referral_nfa") switch
            {
                "Y" => "NFA",
                "N" => _s47Referrals.Contains(id) ? "S47" : "SA",
                "" => "",
                var other => other, // an unknown code as written: the adapter judges it
            };
            _referrals.Row(id, V(r, "cine_person_id"), Uk(V(r, "cine_referral_date")), V(r, "cine_cin_primary_need_code"), outcome,
                Uk(V(r, "cine_close_date")), V(r, "cine_referral_team"), V(r, "cine_referral_worker_id"));
        }

        foreach (var i in t.Rows("ssd_involvements"))
        {
            var worker = V(i, "invo_professional_id");
            var title = _titles.GetValueOrDefault(worker, "");
            var episode = V(i, "invo_referral_id");
            var role = title switch
            {
                "Social Worker" => "ASW",
                "Family Support Worker" => "EHW",
                "Personal Adviser" => "PA",
                "Independent Reviewing Officer" => "IRO",

                // Another job title (a team manager, a senior practitioner): the role the SSD records, for the kind of episode.
                _ => V(i, "invo_professional_role_id") switch
                {
                    "INDEPENDENT REVIEWING OFFICER" => "IRO",
                    "ALLOCATED CASE WORKER" => episode.Length == 0 ? "PA" : _ehIds.Contains(episode) ? "EHW" : "ASW",
                    var other => other, // an unknown code as written: the adapter judges it
                },
            };
            _allocations.Row(V(i, "invo_involvements_id"), V(i, "invo_person_id"), episode, worker, role,
                V(i, "invo_professional_team"), Uk(V(i, "invo_involvement_start_date")), Uk(V(i, "invo_involvement_end_date")));
        }

        // One review point per assessment in this layout: the first one recorded.
        var points = t.Rows("cc_assessment_review_points");
        foreach (var a in t.Rows("ssd_cin_assessments"))
        {
            var id = V(a, "cina_assessment_id");
            var point = "";
            foreach (var p in points)
            {
                if (V(p, "arp_assessment_id") == id)
                {
                    point = V(p, "arp_date");
                    break;
                }
            }

            _assessments.Row(id, V(a, "cina_person_id"), V(a, "cina_referral_id"), "SA", Uk(V(a, "cina_assessment_start_date")), Uk(point),
                V(a, "cina_assessment_child_seen"), Uk(V(a, "cina_assessment_auth_date")));
        }

        foreach (var a in t.Rows("cc_eh_assessments"))
        {
            _assessments.Row(V(a, "ehas_id"), V(a, "ehas_person_id"), V(a, "ehas_episode_id"), "EHA", Uk(V(a, "ehas_start_date")), "", "",
                Uk(V(a, "ehas_completed_date")));
        }

        foreach (var s in t.Rows("ssd_s47_enquiry"))
        {
            _s47.Row(V(s, "s47e_s47_enquiry_id"), V(s, "s47e_person_id"), V(s, "s47e_referral_id"), Uk(V(s, "s47e_s47_start_date")),
                Uk(V(s, "s47e_s47_end_date")));
        }
    }

    private void PlansAndConferences(SsdTables t)
    {
        foreach (var p in t.Rows("ssd_cp_plans"))
        {
            var id = V(p, "cppl_cp_plan_id");
            var (days, basis) = Frequency(id);
            _registrations.Row(id, V(p, "cppl_person_id"), V(p, "cppl_referral_id"), V(p, "cppl_icpc_id"), Uk(V(p, "cppl_cp_plan_start_date")),
                Uk(V(p, "cppl_cp_plan_end_date")), days, basis);
        }

        foreach (var p in t.Rows("ssd_cin_plans"))
        {
            var id = V(p, "cinp_cin_plan_id");
            var (days, basis) = Frequency(id);
            _cinPlans.Row(id, V(p, "cinp_person_id"), V(p, "cinp_referral_id"), Uk(V(p, "cinp_cin_plan_start_date")),
                Uk(V(p, "cinp_cin_plan_end_date")), days, basis);
        }

        foreach (var c in t.Rows("ssd_initial_cp_conference"))
        {
            _conferences.Row(V(c, "icpc_icpc_id"), V(c, "icpc_person_id"), V(c, "icpc_icpc_transfer_in") == "Y" ? "TICPC" : "ICPC",
                V(c, "icpc_s47_enquiry_id"), V(c, "icpc_cp_plan_id"), V(c, "icpc_referral_id"), "", Uk(V(c, "icpc_icpc_date")));
        }

        foreach (var c in t.Rows("ssd_cp_reviews"))
        {
            _conferences.Row(V(c, "cppr_cp_review_id"), V(c, "cppr_person_id"), "RCPC", "", V(c, "cppr_cp_plan_id"), "",
                Uk(V(c, "cppr_cp_review_due")), Uk(V(c, "cppr_cp_review_date")));
        }
    }

    private (string Days, string Basis) Frequency(string planId) =>
        _frequencies.TryGetValue(planId, out var f)
            ? (V(f, "pvf_interval_days"), V(f, "pvf_basis") switch
            {
                "calendar" => "CAL",
                "working" => "WRK",
                "" => "",
                var other => other, // an unknown code as written: the adapter judges it
            })
            : ("", "");

    private void Visits(SsdTables t)
    {
        foreach (var v in t.Rows("ssd_cin_visits"))
        {
            Visit(V(v, "cinv_cin_visit_id"), V(v, "cinv_person_id"), "", "CINV", V(v, "cinv_cin_visit_date"), V(v, "cinv_cin_visit_seen"),
                V(v, "cinv_cin_visit_seen_alone"));
        }

        foreach (var v in t.Rows("ssd_cp_visits"))
        {
            Visit(V(v, "cppv_cp_visit_id"), V(v, "cppv_person_id"), V(v, "cppv_cp_plan_id"), "CPV", V(v, "cppv_cp_visit_date"),
                V(v, "cppv_cp_visit_seen"), V(v, "cppv_cp_visit_seen_alone"));
        }

        foreach (var v in t.Rows("ssd_cla_visits"))
        {
            Visit(V(v, "clav_cla_visit_id"), V(v, "clav_person_id"), V(v, "clav_cla_id"), "LACV", V(v, "clav_cla_visit_date"),
                V(v, "clav_cla_visit_seen"), V(v, "clav_cla_visit_seen_alone"));
        }

        foreach (var v in t.Rows("cc_visits"))
        {
            var type = V(v, "visi_type") switch
            {
                "private-fostering" => "PFV",
                "care-leaver" => "CLV",
                var other => other, // an unknown code as written: the adapter judges it
            };
            Visit(V(v, "visi_id"), V(v, "visi_person_id"), V(v, "visi_episode_id"), type, V(v, "visi_date"), V(v, "visi_seen"), V(v, "visi_seen_alone"));
        }

        foreach (var v in t.Rows("cc_eh_contacts"))
        {
            var type = V(v, "ehco_type") switch
            {
                "contact" => "EHC",
                "home-visit" => "EHHV",
                var other => other, // an unknown code as written: the adapter judges it
            };
            Visit(V(v, "ehco_id"), V(v, "ehco_person_id"), V(v, "ehco_episode_id"), type, V(v, "ehco_date"), "", "");
        }
    }

    private void Visit(string id, string person, string episode, string type, string date, string seen, string alone)
    {
        _visitDetails.TryGetValue(id, out var d);
        _visits.Row(id, person, episode, type, Uk(date), seen, alone, D(d, "vdet_not_seen_alone_reason"), Uk(D(d, "vdet_recorded_date")));
    }

    private void LookedAfter(SsdTables t)
    {
        foreach (var e in t.Rows("ssd_cla_episodes"))
        {
            _lacEpisodes.Row(V(e, "clae_cla_episode_id"), V(e, "clae_person_id"), V(e, "clae_cla_id"), V(e, "clae_referral_id"),
                Uk(V(e, "clae_entered_care_date")), Uk(V(e, "clae_cla_episode_start_date")), Uk(V(e, "clae_cla_episode_ceased_date")));
        }

        foreach (var p in t.Rows("ssd_cla_placement"))
        {
            var id = V(p, "clap_cla_placement_id");
            _placementDetails.TryGetValue(id, out var d);
            _placements.Row(id, V(p, "clap_person_id"), V(p, "clap_cla_id"), V(p, "clap_cla_placement_type"), Uk(V(p, "clap_cla_placement_start_date")),
                Uk(V(p, "clap_cla_placement_end_date")), D(d, "pdet_long_term"), D(d, "pdet_temporary_approval"), Uk(D(d, "pdet_carer_approved_date")),
                D(d, "pdet_reduced_visits_agreed"), D(d, "pdet_agreed_interval_days"));
        }

        foreach (var l in t.Rows("ssd_legal_status"))
        {
            _legal.Row(V(l, "lega_person_id"), V(l, "lega_legal_status"), Uk(V(l, "lega_legal_status_start_date")), Uk(V(l, "lega_legal_status_end_date")));
        }

        foreach (var r in t.Rows("ssd_cla_reviews"))
        {
            var cla = V(r, "clar_cla_id");
            var person = _periodPerson.TryGetValue(cla, out var p) ? p
                : t.PersonId ?? throw new InvalidDataException($"ssd_cla_reviews {V(r, "clar_cla_review_id")}: no period of care {cla}.");
            _lacReviews.Row(V(r, "clar_cla_review_id"), person, cla, Uk(V(r, "clar_cla_review_due_date")), Uk(V(r, "clar_cla_review_date")),
                V(r, "clar_cla_review_cancelled"));
        }
    }

    private void Others(SsdTables t)
    {
        foreach (var m in t.Rows("cc_meetings"))
        {
            var type = V(m, "meet_type");
            if (type is "taf" or "taf-review")
            {
                _taf.Row(V(m, "meet_id"), V(m, "meet_person_id"), V(m, "meet_episode_id"), type == "taf" ? "TAF" : "TAFR", Uk(V(m, "meet_date")),
                    V(m, "meet_cancelled"));
                continue;
            }

            var code = type switch
            {
                "strategy-discussion" => "STRAT",
                "core-group" => "CORE",
                "cin-review" => "CINREV",
                "pathway-plan-review" => "PPR",
                _ => type, // an unknown code as written: the adapter judges it
            };
            _meetings.Row(V(m, "meet_id"), V(m, "meet_person_id"), V(m, "meet_episode_id"), code, Uk(V(m, "meet_date")), V(m, "meet_cancelled"));
        }

        foreach (var e in t.Rows("ssd_early_help_episodes"))
        {
            _ehEpisodes.Row(V(e, "earl_episode_id"), V(e, "earl_person_id"), Uk(V(e, "earl_episode_start_date")), Uk(V(e, "earl_episode_end_date")),
                V(e, "earl_episode_worker_id"));
        }

        foreach (var d in t.Rows("cc_documents"))
        {
            var type = V(d, "doc_type") switch
            {
                "consent" => "CONSENT",
                "outcome-star" => "OSTAR",
                var other => other, // an unknown code as written: the adapter judges it
            };
            _documents.Row(V(d, "doc_id"), V(d, "doc_person_id"), V(d, "doc_episode_id"), type, Uk(V(d, "doc_date")));
        }

        foreach (var p in t.Rows("cc_private_fostering"))
        {
            _fostering.Row(V(p, "pfos_id"), V(p, "pfos_person_id"), Uk(V(p, "pfos_notification_date")), Uk(V(p, "pfos_start_date")),
                Uk(V(p, "pfos_end_date")));
        }

        foreach (var c in t.Rows("ssd_care_leavers"))
        {
            _careLeavers.Row(V(c, "clea_person_id"), Uk(V(c, "clea_care_leaver_latest_contact")), Uk(V(c, "clea_pathway_plan_review_date")),
                V(c, "clea_care_leaver_worker_id"));
        }

        foreach (var a in t.Rows("cc_care_leaver_accommodation"))
        {
            _accommodation.Row(V(a, "clac_person_id"), Uk(V(a, "clac_start_date")), Uk(V(a, "clac_end_date")));
        }

        foreach (var a in t.Rows("cc_audits"))
        {
            _audits.Row(V(a, "aud_id"), V(a, "aud_person_id"), V(a, "aud_episode_id"), Uk(V(a, "aud_date")), V(a, "aud_grade"));
        }

        foreach (var a in t.Rows("cc_audit_actions"))
        {
            _actions.Row(V(a, "act_id"), V(a, "act_audit_id"), V(a, "act_description"), V(a, "act_owner"), Uk(V(a, "act_due_date")),
                Uk(V(a, "act_completed_date")));
        }
    }

    /// <summary><c>yyyy-MM-dd[ HH:mm]</c> → <c>dd/MM/yyyy[ HH:mm]</c>; empty stays empty, any other text is kept as it is.</summary>
    internal static string Uk(string value)
    {
        if (value.Length == 0)
        {
            return "";
        }

        var space = value.IndexOf(' ', StringComparison.Ordinal);
        var date = space < 0 ? value.AsSpan() : value.AsSpan(0, space);
        var time = space < 0 ? [] : value.AsSpan(space + 1);
        if (date.Length != 10 || date[4] != '-' || date[7] != '-')
        {
            return value; // not an SSD date: as written, for the adapter to reject
        }

        Span<char> text = stackalloc char[16];
        date[8..10].CopyTo(text);
        text[2] = '/';
        date[5..7].CopyTo(text[3..]);
        text[5] = '/';
        date[..4].CopyTo(text[6..]);
        if (time.IsEmpty)
        {
            return new string(text[..10]);
        }

        text[10] = ' ';
        time = time[..Math.Min(5, time.Length)];
        time.CopyTo(text[11..]);
        return new string(text[..(11 + time.Length)]);
    }

    private static string D(Row? row, string column) => row is null ? "" : V(row, column);

    private static string First(string a, string b) => a.Length > 0 ? a : b;

    private static string V(Row row, string column) => SinkTable.Value(row, column);

    public void Dispose()
    {
        foreach (var file in _files)
        {
            file.Dispose();
        }
    }
}

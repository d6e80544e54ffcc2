using CaseCompliance.Adapters.CareFirst;
using CaseCompliance.Adapters.Reading;
using Row = System.Collections.Generic.IReadOnlyDictionary<string, string>;

using CF = CaseCompliance.Adapters.CareFirst.CareFirstLayout;

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
        SinkTable Open(TableDef table)
        {
            var file = new SinkTable(directory, table);
            _files.Add(file);
            return file;
        }

        _keyInformation = Open(CF.KeyInformation.Table);
        _addresses = Open(CF.ClientAddresses.Table);
        _disabilities = Open(CF.ClientDisabilities.Table);
        _teams = Open(CF.Teams.Table);
        _workers = Open(CF.Workers.Table);
        _contacts = Open(CF.Contacts.Table);
        _decisions = Open(CF.DecisionRecords.Table);
        _supervision = Open(CF.CaseSupervision.Table);
        _referrals = Open(CF.Referrals.Table);
        _allocations = Open(CF.Allocations.Table);
        _assessments = Open(CF.Assessments.Table);
        _s47 = Open(CF.S47Enquiries.Table);
        _registrations = Open(CF.CpRegistrations.Table);
        _cinPlans = Open(CF.CinPlans.Table);
        _conferences = Open(CF.CpConferences.Table);
        _visits = Open(CF.VisitToChild.Table);
        _lacEpisodes = Open(CF.LacEpisodes.Table);
        _placements = Open(CF.Placements.Table);
        _legal = Open(CF.LegalStatuses.Table);
        _lacReviews = Open(CF.LacReviews.Table);
        _meetings = Open(CF.Meetings.Table);
        _taf = Open(CF.EhTafMeetings.Table);
        _ehEpisodes = Open(CF.EhEpisodes.Table);
        _documents = Open(CF.Documents.Table);
        _fostering = Open(CF.PrivateFostering.Table);
        _careLeavers = Open(CF.CareLeavers.Table);
        _accommodation = Open(CF.CareLeaverAccommodation.Table);
        _audits = Open(CF.CaseAudits.Table);
        _actions = Open(CF.AuditActions.Table);
    }

    public string Format => "carefirst";

    public void Directory(SsdTables tables)
    {
        foreach (var t in tables.Rows("ssd_department"))
        {
            _teams.Write((CF.Teams.TeamNo, V(t, "dept_team_id")), (CF.Teams.TeamName, V(t, "dept_team_name")),
                (CF.Teams.ParentTeamNo, V(t, "dept_team_parent_id")));
        }

        foreach (var w in tables.Rows("ssd_professionals"))
        {
            _workers.Write((CF.Workers.WorkerNo, V(w, "prof_professional_id")), (CF.Workers.WorkerName, V(w, "prof_professional_name")),
                (CF.Workers.JobTitle, V(w, "prof_professional_job_title")), (CF.Workers.TeamNo, V(w, "prof_professional_department")));
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

            _keyInformation.Write(
                (CF.KeyInformation.ClientNo, id),
                (CF.KeyInformation.Forename, V(p, "pers_forename")),
                (CF.KeyInformation.Surname, V(p, "pers_surname")),
                (CF.KeyInformation.Gender, First(V(p, "pers_gender"), V(p, "pers_sex"))),
                (CF.KeyInformation.Ethnicity, V(p, "pers_ethnicity")),
                (CF.KeyInformation.EthnicityDetail, D(d, "pdet_ethnicity_detail")),
                (CF.KeyInformation.DateOfBirth, Uk(V(p, "pers_dob"))),
                (CF.KeyInformation.ExpectedDateOfBirth, Uk(V(p, "pers_expected_dob"))),
                (CF.KeyInformation.DateOfDeath, Uk(V(p, "pers_death_date"))),
                (CF.KeyInformation.Upn, V(p, "pers_common_child_id")),
                (CF.KeyInformation.UpnUnknownReason, V(p, "pers_upn_unknown")),
                (CF.KeyInformation.Telephone, D(d, "pdet_telephone")),
                (CF.KeyInformation.PrimaryNeed, D(d, "pdet_primary_need")));
        }

        foreach (var a in t.Rows("ssd_address"))
        {
            _addresses.Write((CF.ClientAddresses.ClientNo, V(a, "addr_person_id")),
                (CF.ClientAddresses.Address, SinkTable.AddressText(V(a, "addr_address_json"))),
                (CF.ClientAddresses.Postcode, V(a, "addr_address_postcode")),
                (CF.ClientAddresses.StartDate, Uk(V(a, "addr_address_start_date"))),
                (CF.ClientAddresses.EndDate, Uk(V(a, "addr_address_end_date"))));
        }

        foreach (var d in t.Rows("ssd_disability"))
        {
            _disabilities.Write((CF.ClientDisabilities.ClientNo, V(d, "disa_person_id")),
                (CF.ClientDisabilities.DisabilityCode, V(d, "disa_disability_code")));
        }
    }

    private void ContactsAndDecisions(SsdTables t)
    {
        foreach (var c in t.Rows("ssd_contacts"))
        {
            var id = V(c, "cont_contact_id");
            _contactDecisions.TryGetValue(id, out var d);
            var received = d is not null && V(d, "cdec_received_at") is { Length: > 0 } at ? at : V(c, "cont_contact_date");
            _contacts.Write((CF.Contacts.ContactNo, id), (CF.Contacts.ClientNo, V(c, "cont_person_id")), (CF.Contacts.ContactDate, Uk(received)));
            if (d is not null && V(d, "cdec_decision_at") is { Length: > 0 } decided)
            {
                // The SSD records no decision maker for a contact decision: WORKER_NO stays empty.
                _decisions.Write((CF.DecisionRecords.DecisionNo, "CD-" + id), (CF.DecisionRecords.ClientNo, V(c, "cont_person_id")),
                    (CF.DecisionRecords.DecisionType, "CONDEC"), (CF.DecisionRecords.LinkedNo, id), (CF.DecisionRecords.DecisionDate, Uk(decided)));
            }
        }

        foreach (var m in t.Rows("cc_management_records"))
        {
            var type = V(m, "mgmt_type");
            if (type == "supervision")
            {
                _supervision.Write((CF.CaseSupervision.SupervisionNo, V(m, "mgmt_id")), (CF.CaseSupervision.ClientNo, V(m, "mgmt_person_id")),
                    (CF.CaseSupervision.EpisodeNo, V(m, "mgmt_episode_id")), (CF.CaseSupervision.SupervisionDate, Uk(V(m, "mgmt_date"))),
                    (CF.CaseSupervision.SupervisorNo, V(m, "mgmt_worker_id")));
                continue;
            }

            var code = type switch
            {
                "oversight" => "MGTOVS",
                "audit-discussion" => "AUDDIS",
                _ => type, // an unknown code as written: the adapter judges it
            };
            _decisions.Write((CF.DecisionRecords.DecisionNo, V(m, "mgmt_id")), (CF.DecisionRecords.ClientNo, V(m, "mgmt_person_id")),
                (CF.DecisionRecords.DecisionType, code), (CF.DecisionRecords.LinkedNo, V(m, "mgmt_episode_id")),
                (CF.DecisionRecords.DecisionDate, Uk(V(m, "mgmt_date"))), (CF.DecisionRecords.WorkerNo, V(m, "mgmt_worker_id")));
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
            _referrals.Write(
                (CF.Referrals.ReferralNo, id),
                (CF.Referrals.ClientNo, V(r, "cine_person_id")),
                (CF.Referrals.ReferralDate, Uk(V(r, "cine_referral_date"))),
                (CF.Referrals.PrimaryNeed, V(r, "cine_cin_primary_need_code")),
                (CF.Referrals.ReferralOutcome, outcome),
                (CF.Referrals.ClosureDate, Uk(V(r, "cine_close_date"))),
                (CF.Referrals.TeamNo, V(r, "cine_referral_team")),
                (CF.Referrals.WorkerNo, V(r, "cine_referral_worker_id")));
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
            _allocations.Write(
                (CF.Allocations.AllocationNo, V(i, "invo_involvements_id")),
                (CF.Allocations.ClientNo, V(i, "invo_person_id")),
                (CF.Allocations.EpisodeNo, episode),
                (CF.Allocations.WorkerNo, worker),
                (CF.Allocations.WorkerRole, role),
                (CF.Allocations.TeamNo, V(i, "invo_professional_team")),
                (CF.Allocations.StartDate, Uk(V(i, "invo_involvement_start_date"))),
                (CF.Allocations.EndDate, Uk(V(i, "invo_involvement_end_date"))));
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

            _assessments.Write(
                (CF.Assessments.AssessmentNo, id),
                (CF.Assessments.ClientNo, V(a, "cina_person_id")),
                (CF.Assessments.EpisodeNo, V(a, "cina_referral_id")),
                (CF.Assessments.AssessmentType, "SA"),
                (CF.Assessments.StartDate, Uk(V(a, "cina_assessment_start_date"))),
                (CF.Assessments.ReviewPointDate, Uk(point)),
                (CF.Assessments.ChildSeen, V(a, "cina_assessment_child_seen")),
                (CF.Assessments.AuthorisedDate, Uk(V(a, "cina_assessment_auth_date"))));
        }

        foreach (var a in t.Rows("cc_eh_assessments"))
        {
            // No review point and no "child seen" for an Early Help assessment: those columns stay empty.
            _assessments.Write(
                (CF.Assessments.AssessmentNo, V(a, "ehas_id")),
                (CF.Assessments.ClientNo, V(a, "ehas_person_id")),
                (CF.Assessments.EpisodeNo, V(a, "ehas_episode_id")),
                (CF.Assessments.AssessmentType, "EHA"),
                (CF.Assessments.StartDate, Uk(V(a, "ehas_start_date"))),
                (CF.Assessments.AuthorisedDate, Uk(V(a, "ehas_completed_date"))));
        }

        foreach (var s in t.Rows("ssd_s47_enquiry"))
        {
            _s47.Write((CF.S47Enquiries.S47No, V(s, "s47e_s47_enquiry_id")), (CF.S47Enquiries.ClientNo, V(s, "s47e_person_id")),
                (CF.S47Enquiries.ReferralNo, V(s, "s47e_referral_id")), (CF.S47Enquiries.StrategyDiscussionDate, Uk(V(s, "s47e_s47_start_date"))),
                (CF.S47Enquiries.EndDate, Uk(V(s, "s47e_s47_end_date"))));
        }
    }

    private void PlansAndConferences(SsdTables t)
    {
        foreach (var p in t.Rows("ssd_cp_plans"))
        {
            var id = V(p, "cppl_cp_plan_id");
            var (days, basis) = Frequency(id);
            _registrations.Write(
                (CF.CpRegistrations.RegistrationNo, id),
                (CF.CpRegistrations.ClientNo, V(p, "cppl_person_id")),
                (CF.CpRegistrations.ReferralNo, V(p, "cppl_referral_id")),
                (CF.CpRegistrations.ConferenceNo, V(p, "cppl_icpc_id")),
                (CF.CpRegistrations.RegistrationDate, Uk(V(p, "cppl_cp_plan_start_date"))),
                (CF.CpRegistrations.DeregistrationDate, Uk(V(p, "cppl_cp_plan_end_date"))),
                (CF.CpRegistrations.VisitFrequencyDays, days),
                (CF.CpRegistrations.VisitFrequencyBasis, basis));
        }

        foreach (var p in t.Rows("ssd_cin_plans"))
        {
            var id = V(p, "cinp_cin_plan_id");
            var (days, basis) = Frequency(id);
            _cinPlans.Write(
                (CF.CinPlans.CinPlanNo, id),
                (CF.CinPlans.ClientNo, V(p, "cinp_person_id")),
                (CF.CinPlans.ReferralNo, V(p, "cinp_referral_id")),
                (CF.CinPlans.StartDate, Uk(V(p, "cinp_cin_plan_start_date"))),
                (CF.CinPlans.EndDate, Uk(V(p, "cinp_cin_plan_end_date"))),
                (CF.CinPlans.VisitFrequencyDays, days),
                (CF.CinPlans.VisitFrequencyBasis, basis));
        }

        foreach (var c in t.Rows("ssd_initial_cp_conference"))
        {
            // An initial conference has no recorded due date in the SSD: DUE_DATE stays empty.
            _conferences.Write(
                (CF.CpConferences.ConferenceNo, V(c, "icpc_icpc_id")),
                (CF.CpConferences.ClientNo, V(c, "icpc_person_id")),
                (CF.CpConferences.ConferenceType, V(c, "icpc_icpc_transfer_in") == "Y" ? "TICPC" : "ICPC"),
                (CF.CpConferences.S47No, V(c, "icpc_s47_enquiry_id")),
                (CF.CpConferences.RegistrationNo, V(c, "icpc_cp_plan_id")),
                (CF.CpConferences.ReferralNo, V(c, "icpc_referral_id")),
                (CF.CpConferences.ConferenceDate, Uk(V(c, "icpc_icpc_date"))));
        }

        foreach (var c in t.Rows("ssd_cp_reviews"))
        {
            // A review conference names its registration only: S47_NO and REFERRAL_NO stay empty.
            _conferences.Write(
                (CF.CpConferences.ConferenceNo, V(c, "cppr_cp_review_id")),
                (CF.CpConferences.ClientNo, V(c, "cppr_person_id")),
                (CF.CpConferences.ConferenceType, "RCPC"),
                (CF.CpConferences.RegistrationNo, V(c, "cppr_cp_plan_id")),
                (CF.CpConferences.DueDate, Uk(V(c, "cppr_cp_review_due"))),
                (CF.CpConferences.ConferenceDate, Uk(V(c, "cppr_cp_review_date"))));
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
        _visits.Write(
            (CF.VisitToChild.VisitNo, id),
            (CF.VisitToChild.ClientNo, person),
            (CF.VisitToChild.EpisodeNo, episode),
            (CF.VisitToChild.VisitType, type),
            (CF.VisitToChild.VisitDate, Uk(date)),
            (CF.VisitToChild.ChildSeen, seen),
            (CF.VisitToChild.SeenAlone, alone),
            (CF.VisitToChild.ReasonNotSeenAlone, D(d, "vdet_not_seen_alone_reason")),
            (CF.VisitToChild.DateRecorded, Uk(D(d, "vdet_recorded_date"))));
    }

    private void LookedAfter(SsdTables t)
    {
        foreach (var e in t.Rows("ssd_cla_episodes"))
        {
            _lacEpisodes.Write(
                (CF.LacEpisodes.LacEpisodeNo, V(e, "clae_cla_episode_id")),
                (CF.LacEpisodes.ClientNo, V(e, "clae_person_id")),
                (CF.LacEpisodes.PeriodOfCareNo, V(e, "clae_cla_id")),
                (CF.LacEpisodes.ReferralNo, V(e, "clae_referral_id")),
                (CF.LacEpisodes.DateEnteredCare, Uk(V(e, "clae_entered_care_date"))),
                (CF.LacEpisodes.StartDate, Uk(V(e, "clae_cla_episode_start_date"))),
                (CF.LacEpisodes.EndDate, Uk(V(e, "clae_cla_episode_ceased_date"))));
        }

        foreach (var p in t.Rows("ssd_cla_placement"))
        {
            var id = V(p, "clap_cla_placement_id");
            _placementDetails.TryGetValue(id, out var d);
            _placements.Write(
                (CF.Placements.PlacementNo, id),
                (CF.Placements.ClientNo, V(p, "clap_person_id")),
                (CF.Placements.PeriodOfCareNo, V(p, "clap_cla_id")),
                (CF.Placements.PlacementType, V(p, "clap_cla_placement_type")),
                (CF.Placements.StartDate, Uk(V(p, "clap_cla_placement_start_date"))),
                (CF.Placements.EndDate, Uk(V(p, "clap_cla_placement_end_date"))),
                (CF.Placements.LongTerm, D(d, "pdet_long_term")),
                (CF.Placements.TemporaryApproval, D(d, "pdet_temporary_approval")),
                (CF.Placements.CarerApprovedDate, Uk(D(d, "pdet_carer_approved_date"))),
                (CF.Placements.ReducedVisitsAgreed, D(d, "pdet_reduced_visits_agreed")),
                (CF.Placements.AgreedVisitIntervalDays, D(d, "pdet_agreed_interval_days")));
        }

        foreach (var l in t.Rows("ssd_legal_status"))
        {
            _legal.Write((CF.LegalStatuses.ClientNo, V(l, "lega_person_id")), (CF.LegalStatuses.LegalStatus, V(l, "lega_legal_status")),
                (CF.LegalStatuses.StartDate, Uk(V(l, "lega_legal_status_start_date"))), (CF.LegalStatuses.EndDate, Uk(V(l, "lega_legal_status_end_date"))));
        }

        foreach (var r in t.Rows("ssd_cla_reviews"))
        {
            var cla = V(r, "clar_cla_id");
            var person = _periodPerson.TryGetValue(cla, out var p) ? p
                : t.PersonId ?? throw new InvalidDataException($"ssd_cla_reviews {V(r, "clar_cla_review_id")}: no period of care {cla}.");
            _lacReviews.Write(
                (CF.LacReviews.LacReviewNo, V(r, "clar_cla_review_id")),
                (CF.LacReviews.ClientNo, person),
                (CF.LacReviews.PeriodOfCareNo, cla),
                (CF.LacReviews.DueDate, Uk(V(r, "clar_cla_review_due_date"))),
                (CF.LacReviews.ReviewDate, Uk(V(r, "clar_cla_review_date"))),
                (CF.LacReviews.Cancelled, V(r, "clar_cla_review_cancelled")));
        }
    }

    private void Others(SsdTables t)
    {
        foreach (var m in t.Rows("cc_meetings"))
        {
            var type = V(m, "meet_type");
            if (type is "taf" or "taf-review")
            {
                _taf.Write(
                    (CF.EhTafMeetings.TafMeetingNo, V(m, "meet_id")),
                    (CF.EhTafMeetings.ClientNo, V(m, "meet_person_id")),
                    (CF.EhTafMeetings.EhEpisodeNo, V(m, "meet_episode_id")),
                    (CF.EhTafMeetings.MeetingType, type == "taf" ? "TAF" : "TAFR"),
                    (CF.EhTafMeetings.MeetingDate, Uk(V(m, "meet_date"))),
                    (CF.EhTafMeetings.Cancelled, V(m, "meet_cancelled")));
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
            _meetings.Write(
                (CF.Meetings.MeetingNo, V(m, "meet_id")),
                (CF.Meetings.ClientNo, V(m, "meet_person_id")),
                (CF.Meetings.EpisodeNo, V(m, "meet_episode_id")),
                (CF.Meetings.MeetingType, code),
                (CF.Meetings.MeetingDate, Uk(V(m, "meet_date"))),
                (CF.Meetings.Cancelled, V(m, "meet_cancelled")));
        }

        foreach (var e in t.Rows("ssd_early_help_episodes"))
        {
            _ehEpisodes.Write((CF.EhEpisodes.EhEpisodeNo, V(e, "earl_episode_id")), (CF.EhEpisodes.ClientNo, V(e, "earl_person_id")),
                (CF.EhEpisodes.StartDate, Uk(V(e, "earl_episode_start_date"))), (CF.EhEpisodes.EndDate, Uk(V(e, "earl_episode_end_date"))),
                (CF.EhEpisodes.WorkerNo, V(e, "earl_episode_worker_id")));
        }

        foreach (var d in t.Rows("cc_documents"))
        {
            var type = V(d, "doc_type") switch
            {
                "consent" => "CONSENT",
                "outcome-star" => "OSTAR",
                var other => other, // an unknown code as written: the adapter judges it
            };
            _documents.Write((CF.Documents.DocumentNo, V(d, "doc_id")), (CF.Documents.ClientNo, V(d, "doc_person_id")),
                (CF.Documents.EpisodeNo, V(d, "doc_episode_id")), (CF.Documents.DocumentType, type), (CF.Documents.DocumentDate, Uk(V(d, "doc_date"))));
        }

        foreach (var p in t.Rows("cc_private_fostering"))
        {
            _fostering.Write((CF.PrivateFostering.ArrangementNo, V(p, "pfos_id")), (CF.PrivateFostering.ClientNo, V(p, "pfos_person_id")),
                (CF.PrivateFostering.NotificationDate, Uk(V(p, "pfos_notification_date"))), (CF.PrivateFostering.StartDate, Uk(V(p, "pfos_start_date"))),
                (CF.PrivateFostering.EndDate, Uk(V(p, "pfos_end_date"))));
        }

        foreach (var c in t.Rows("ssd_care_leavers"))
        {
            _careLeavers.Write((CF.CareLeavers.ClientNo, V(c, "clea_person_id")),
                (CF.CareLeavers.LatestContactDate, Uk(V(c, "clea_care_leaver_latest_contact"))),
                (CF.CareLeavers.PathwayPlanReviewDate, Uk(V(c, "clea_pathway_plan_review_date"))),
                (CF.CareLeavers.WorkerNo, V(c, "clea_care_leaver_worker_id")));
        }

        foreach (var a in t.Rows("cc_care_leaver_accommodation"))
        {
            _accommodation.Write((CF.CareLeaverAccommodation.ClientNo, V(a, "clac_person_id")),
                (CF.CareLeaverAccommodation.StartDate, Uk(V(a, "clac_start_date"))), (CF.CareLeaverAccommodation.EndDate, Uk(V(a, "clac_end_date"))));
        }

        foreach (var a in t.Rows("cc_audits"))
        {
            _audits.Write((CF.CaseAudits.AuditNo, V(a, "aud_id")), (CF.CaseAudits.ClientNo, V(a, "aud_person_id")),
                (CF.CaseAudits.EpisodeNo, V(a, "aud_episode_id")), (CF.CaseAudits.AuditDate, Uk(V(a, "aud_date"))),
                (CF.CaseAudits.AuditGrade, V(a, "aud_grade")));
        }

        foreach (var a in t.Rows("cc_audit_actions"))
        {
            _actions.Write((CF.AuditActions.ActionNo, V(a, "act_id")), (CF.AuditActions.AuditNo, V(a, "act_audit_id")),
                (CF.AuditActions.Description, V(a, "act_description")), (CF.AuditActions.Owner, V(a, "act_owner")),
                (CF.AuditActions.DueDate, Uk(V(a, "act_due_date"))), (CF.AuditActions.CompletedDate, Uk(V(a, "act_completed_date"))));
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

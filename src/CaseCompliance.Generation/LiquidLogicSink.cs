using System.Globalization;
using CaseCompliance.Adapters.LiquidLogic;
using CaseCompliance.Adapters.Reading;
using L = CaseCompliance.Adapters.LiquidLogic.LiquidLogicLayout;
using Row = System.Collections.Generic.IReadOnlyDictionary<string, string>;

namespace CaseCompliance.Generation;

/// <summary>
/// Writes the <c>liquidlogic</c> layout (docs/sources/liquidlogic.md, <see cref="LiquidLogicLayout"/>): the
/// <c>HDM.Child_Social</c> warehouse tables as CSV, with the ids, codes and <c>DATETIME</c> texts of the converter
/// that made samples/liquidlogic from samples/standard. Streams: a child's rows are written when it is given; only
/// the running numbers of generated ids (addresses, disabilities, legal statuses, care leavers, accommodation,
/// form answers) are kept between children. Rows of several SSD tables that share a warehouse table come child by
/// child (the converter wrote them table by table), so form answers are numbered in that order too. The converter's
/// hand-made extra rows (a draft and a cancelled assessment, a pathway plan, an IRO casenote) are not invented here.
/// An SSD code with no Liquidlogic counterpart, and a date that is not an SSD date, are written as they are, for the
/// adapter to reject as it would in the standard extract.
/// </summary>
public sealed class LiquidLogicSink : IExtractSink
{
    private const string None = "-1"; // the warehouse's "no record" id

    private readonly List<SinkTable> _files = [];
    private readonly SinkTable _person, _noUpn, _details, _address, _disability, _department, _worker, _involvements, _contacts,
        _caf, _referrals, _assessments, _answers, _s47, _meetings, _cpPlan, _conference, _cinPlan, _cpReview, _notes, _cpVisit,
        _claVisit, _careEpisodes, _placement, _placementDetails, _legal, _claReview, _careLeavers, _accommodation, _fostering,
        _forms, _actions;

    private int _addresses, _disabilities, _legalStatuses, _careLeaverRows, _accommodations, _answerRows;

    // Look-ups within one child, cleared for the next (reused so that a child costs no dictionary allocation).
    private readonly HashSet<string> _refIds = new(StringComparer.Ordinal), _ehIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Row> _cpPlans = new(StringComparer.Ordinal), _decisions = new(StringComparer.Ordinal),
        _frequencies = new(StringComparer.Ordinal), _visitDetails = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _claPerson = new(StringComparer.Ordinal), _planReferral = new(StringComparer.Ordinal);

    public LiquidLogicSink(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        SinkTable Open(TableDef table)
        {
            var file = new SinkTable(directory, table);
            _files.Add(file);
            return file;
        }

        _person = Open(L.Person.Table);
        _noUpn = Open(L.NoUpn.Table);
        _details = Open(L.PersonDetails.Table);
        _address = Open(L.Address.Table);
        _disability = Open(L.Disability.Table);
        _department = Open(L.Department.Table);
        _worker = Open(L.Worker.Table);
        _involvements = Open(L.Involvements.Table);
        _answers = Open(L.FormAnswers.Table);
        _contacts = Open(L.Contacts.Table);
        _caf = Open(L.CafEpisode.Table);
        _referrals = Open(L.Referrals.Table);
        _assessments = Open(L.SingleAssessment.Table);
        _s47 = Open(L.S47.Table);
        _cpPlan = Open(L.CpPlan.Table);
        _cinPlan = Open(L.CarePlanSummary.Table);
        _meetings = Open(L.Meetings.Table);
        _conference = Open(L.CpConference.Table);
        _cpReview = Open(L.CpReview.Table);
        _careEpisodes = Open(L.CareEpisodes.Table);
        _placement = Open(L.Placement.Table);
        _placementDetails = Open(L.PlacementDetails.Table);
        _legal = Open(L.LegalStatus.Table);
        _claReview = Open(L.ClaReview.Table);
        _careLeavers = Open(L.CareLeavers.Table);
        _accommodation = Open(L.CareLeaverAccommodation.Table);
        _fostering = Open(L.PrivateFostering.Table);
        _forms = Open(L.Forms.Table);
        _actions = Open(L.AuditActions.Table);
        _notes = Open(L.Casenotes.Table);
        _cpVisit = Open(L.CpVisit.Table);
        _claVisit = Open(L.ClaVisit.Table);

        // The warehouse's placeholder rows.
        _person.Write((L.Person.PersonId, None), (L.Person.Surname, "Unknown"));
        _department.Write((L.Department.DepartmentId, None), (L.Department.Name, "Unknown"), (L.Department.DeptId, None));
        _worker.Write((L.Worker.WorkerId, None), (L.Worker.WorkerName, "Unallocated"), (L.Worker.DepartmentId, None));
    }

    public string Format => "liquidlogic";

    public void Directory(SsdTables tables)
    {
        foreach (var t in tables.Rows("ssd_department"))
        {
            _department.Write((L.Department.DepartmentId, V(t, "dept_team_id")), (L.Department.Name, V(t, "dept_team_name")),
                (L.Department.DeptId, Or(V(t, "dept_team_parent_id"))));
        }

        foreach (var w in tables.Rows("ssd_professionals"))
        {
            _worker.Write((L.Worker.WorkerId, V(w, "prof_professional_id")), (L.Worker.WorkerName, V(w, "prof_professional_name")),
                (L.Worker.JobTitle, V(w, "prof_professional_job_title")), (L.Worker.DepartmentId, V(w, "prof_professional_department")));
        }
    }

    public void Child(SsdTables tables)
    {
        try
        {
            Index(tables);
            People(tables);
            Episodes(tables);
            AssessmentsAndPlans(tables);
            Meetings(tables);
            LookedAfter(tables);
            Forms(tables);
            Casenotes(tables);
        }
        finally
        {
            _refIds.Clear();
            _ehIds.Clear();
            _cpPlans.Clear();
            _decisions.Clear();
            _frequencies.Clear();
            _visitDetails.Clear();
            _claPerson.Clear();
            _planReferral.Clear();
        }
    }

    private void Index(SsdTables t)
    {
        foreach (var r in t.Rows("ssd_early_help_episodes"))
        {
            _ehIds.Add(V(r, "earl_episode_id"));
        }

        foreach (var r in t.Rows("ssd_cin_episodes"))
        {
            _refIds.Add(V(r, "cine_referral_id"));
        }

        foreach (var r in t.Rows("ssd_cp_plans"))
        {
            _cpPlans[V(r, "cppl_cp_plan_id")] = r;
            _planReferral[V(r, "cppl_cp_plan_id")] = V(r, "cppl_referral_id");
        }

        foreach (var r in t.Rows("ssd_cin_plans"))
        {
            _planReferral[V(r, "cinp_cin_plan_id")] = V(r, "cinp_referral_id");
        }

        foreach (var r in t.Rows("cc_visit_details"))
        {
            _visitDetails[V(r, "vdet_visit_id")] = r;
        }

        foreach (var r in t.Rows("cc_contact_decisions"))
        {
            _decisions[V(r, "cdec_contact_id")] = r;
        }

        foreach (var r in t.Rows("cc_plan_visit_frequency"))
        {
            _frequencies[V(r, "pvf_plan_id")] = r;
        }
    }

    private void People(SsdTables t)
    {
        foreach (var p in t.Rows("ssd_person"))
        {
            var dob = V(p, "pers_dob");
            var expected = V(p, "pers_expected_dob");
            var estimated = dob.Length == 0 && expected.Length > 0;
            _person.Write((L.Person.PersonId, V(p, "pers_person_id")), (L.Person.Forename, V(p, "pers_forename")),
                (L.Person.Surname, V(p, "pers_surname")), (L.Person.GenderMainCode, First(V(p, "pers_gender"), V(p, "pers_sex"))),
                (L.Person.EthnicityMainCode, V(p, "pers_ethnicity")), (L.Person.BirthDttm, Dt(estimated ? expected : dob)),
                (L.Person.DobEstimated, estimated ? "Y" : "N"), (L.Person.DeathDttm, Dt(V(p, "pers_death_date"))),
                (L.Person.Upn, V(p, "pers_common_child_id")));
        }

        foreach (var p in t.Rows("ssd_person"))
        {
            var reason = V(p, "pers_upn_unknown");
            if (reason.Length > 0)
            {
                _noUpn.Write((L.NoUpn.PersonId, V(p, "pers_person_id")), (L.NoUpn.NoUpnCode, reason));
            }
        }

        foreach (var d in t.Rows("cc_person_details"))
        {
            _details.Write((L.PersonDetails.PersonId, V(d, "pdet_person_id")), (L.PersonDetails.TelephoneNo, V(d, "pdet_telephone")),
                (L.PersonDetails.EthnicityDetail, V(d, "pdet_ethnicity_detail")),
                (L.PersonDetails.LookupCategoryOfNeedCode, V(d, "pdet_primary_need")));
        }

        foreach (var a in t.Rows("ssd_address"))
        {
            var (line1, town) = SinkTable.Address(V(a, "addr_address_json"));
            var (house, street) = SplitLine1(line1 ?? "");
            _address.Write((L.Address.PersonAddressId, "ADR" + Number(++_addresses, "000")), (L.Address.PersonId, V(a, "addr_person_id")),
                (L.Address.HouseNo, house), (L.Address.Street, street), (L.Address.Town, town),
                (L.Address.Postcode, V(a, "addr_address_postcode")), (L.Address.StartDttm, Dt(V(a, "addr_address_start_date"))),
                (L.Address.EndDttm, Dt(V(a, "addr_address_end_date"))));
        }

        foreach (var d in t.Rows("ssd_disability"))
        {
            _disability.Write((L.Disability.DisabilityId, "DIS" + Number(++_disabilities, "000")),
                (L.Disability.PersonId, V(d, "disa_person_id")), (L.Disability.LookupDisabCode, V(d, "disa_disability_code")));
        }
    }

    private void Episodes(SsdTables t)
    {
        foreach (var v in t.Rows("ssd_involvements"))
        {
            var episode = V(v, "invo_referral_id");
            var (referral, caf) = EpisodeLinks(episode);
            var role = V(v, "invo_professional_role_id") switch
            {
                "ALLOCATED CASE WORKER" => episode.Length == 0 ? "16PLUS" : "CW", // no episode: a care leaver's personal adviser
                "INDEPENDENT REVIEWING OFFICER" => "IRO",
                var other => other, // an unknown code as written: the adapter judges it
            };
            _involvements.Write((L.Involvements.InvolvementsId, V(v, "invo_involvements_id")),
                (L.Involvements.PersonId, V(v, "invo_person_id")), (L.Involvements.WorkerId, Or(V(v, "invo_professional_id"))),
                (L.Involvements.LookupInvolvementTypeCode, role), (L.Involvements.DepartmentId, Or(V(v, "invo_professional_team"))),
                (L.Involvements.StartDttm, Dt(V(v, "invo_involvement_start_date"))),
                (L.Involvements.EndDttm, Dt(V(v, "invo_involvement_end_date"))), (L.Involvements.ReferralId, referral),
                (L.Involvements.CafEpisodeId, caf));
        }

        foreach (var c in t.Rows("ssd_contacts"))
        {
            var id = V(c, "cont_contact_id");
            _decisions.TryGetValue(id, out var d);
            var form = "FRM-" + id;
            var received = d is not null && V(d, "cdec_received_at") is { Length: > 0 } at ? at : V(c, "cont_contact_date");
            _contacts.Write((L.Contacts.ContactId, id), (L.Contacts.PersonId, V(c, "cont_person_id")),
                (L.Contacts.ContactDttm, Dt(received)), (L.Contacts.FormId, form));
            if (d is not null && V(d, "cdec_decision_at") is { Length: > 0 } decided)
            {
                Answer(form, "FormEndDate", Dt(decided));
            }
        }

        foreach (var e in t.Rows("ssd_early_help_episodes"))
        {
            _caf.Write((L.CafEpisode.CafEpisodeId, V(e, "earl_episode_id")), (L.CafEpisode.PersonId, V(e, "earl_person_id")),
                (L.CafEpisode.EpisodeStartDttm, Dt(V(e, "earl_episode_start_date"))),
                (L.CafEpisode.EpisodeEndDttm, Dt(V(e, "earl_episode_end_date"))),
                (L.CafEpisode.WorkerId, Or(V(e, "earl_episode_worker_id"))));
        }

        foreach (var r in t.Rows("ssd_cin_episodes"))
        {
            _referrals.Write((L.Referrals.ReferralId, V(r, "cine_referral_id")), (L.Referrals.PersonId, V(r, "cine_person_id")),
                (L.Referrals.RefrlStartDttm, Dt(V(r, "cine_referral_date"))), (L.Referrals.RefrlEndDttm, Dt(V(r, "cine_close_date"))),
                (L.Referrals.LookupCategoryOfNeedCode, V(r, "cine_cin_primary_need_code")),
                (L.Referrals.OutcomeNfaFlag, V(r, "cine_referral_nfa")), (L.Referrals.DepartmentId, Or(V(r, "cine_referral_team"))),
                (L.Referrals.WorkerId, Or(V(r, "cine_referral_worker_id"))));
        }
    }

    private void AssessmentsAndPlans(SsdTables t)
    {
        var points = t.Rows("cc_assessment_review_points");
        foreach (var a in t.Rows("ssd_cin_assessments"))
        {
            var id = V(a, "cina_assessment_id");
            var form = "FRM-" + id;
            var authorised = V(a, "cina_assessment_auth_date");
            _assessments.Write((L.SingleAssessment.SingleAssessmentId, id), (L.SingleAssessment.PersonId, V(a, "cina_person_id")),
                (L.SingleAssessment.ReferralId, Or(V(a, "cina_referral_id"))), (L.SingleAssessment.FormId, form),
                (L.SingleAssessment.StartDttm, Dt(V(a, "cina_assessment_start_date"))),
                (L.SingleAssessment.LookupStepSubstatusCode, authorised.Length > 0 ? "C" : "I"));
            if (authorised.Length > 0)
            {
                Answer(form, "FormEndDate", Dt(authorised));
            }

            var seen = V(a, "cina_assessment_child_seen");
            if (seen.Length > 0)
            {
                Answer(form, "seenYN", YesNo(seen));
            }

            foreach (var p in points)
            {
                if (V(p, "arp_assessment_id") == id)
                {
                    Answer(form, "ReviewPointDate", Dt(V(p, "arp_date")));
                }
            }
        }

        foreach (var s in t.Rows("ssd_s47_enquiry"))
        {
            _s47.Write((L.S47.S47Id, V(s, "s47e_s47_enquiry_id")), (L.S47.PersonId, V(s, "s47e_person_id")),
                (L.S47.ReferralId, Or(V(s, "s47e_referral_id"))), (L.S47.StartDttm, Dt(V(s, "s47e_s47_start_date"))),
                (L.S47.EndDttm, Dt(V(s, "s47e_s47_end_date"))));
        }

        foreach (var p in t.Rows("ssd_cp_plans"))
        {
            var id = V(p, "cppl_cp_plan_id");
            _cpPlan.Write((L.CpPlan.CpPlanId, id), (L.CpPlan.PersonId, V(p, "cppl_person_id")),
                (L.CpPlan.ReferralId, Or(V(p, "cppl_referral_id"))), (L.CpPlan.InitialCpConferenceId, Or(V(p, "cppl_icpc_id"))),
                (L.CpPlan.FormId, PlanForm(id)), (L.CpPlan.StartDttm, Dt(V(p, "cppl_cp_plan_start_date"))),
                (L.CpPlan.EndDttm, Dt(V(p, "cppl_cp_plan_end_date"))));
        }

        foreach (var p in t.Rows("ssd_cin_plans"))
        {
            var id = V(p, "cinp_cin_plan_id");
            _cinPlan.Write((L.CarePlanSummary.CarePlanSummaryId, id), (L.CarePlanSummary.PersonId, V(p, "cinp_person_id")),
                (L.CarePlanSummary.ReferralId, Or(V(p, "cinp_referral_id"))), (L.CarePlanSummary.FormId, PlanForm(id)),
                (L.CarePlanSummary.LookupPlanTypeCode, "FP"), (L.CarePlanSummary.LookupPlanStatusIdCode, "A"),
                (L.CarePlanSummary.StartDttm, Dt(V(p, "cinp_cin_plan_start_date"))),
                (L.CarePlanSummary.EndDttm, Dt(V(p, "cinp_cin_plan_end_date"))));
        }
    }

    /// <summary>The plan's form when it records a visit frequency (its two answers written), else the null id.</summary>
    private string PlanForm(string planId)
    {
        if (!_frequencies.Remove(planId, out var f))
        {
            return None;
        }

        var form = "FRM-" + planId;
        Answer(form, "VisitFrequencyDays", V(f, "pvf_interval_days"));
        Answer(form, "VisitFrequencyBasis", V(f, "pvf_basis") switch
        {
            "calendar" => "Calendar days",
            "working" => "Working days",
            var other => other, // an unknown code as written: the adapter judges it
        });
        return form;
    }

    private void Meetings(SsdTables t)
    {
        foreach (var m in t.Rows("cc_meetings"))
        {
            var episode = V(m, "meet_episode_id");
            string referral, caf, plan;
            if (_cpPlans.TryGetValue(episode, out var cp))
            {
                (referral, caf, plan) = (V(cp, "cppl_referral_id"), None, episode);
            }
            else
            {
                (referral, caf) = EpisodeLinks(episode);
                plan = None;
            }

            var type = V(m, "meet_type") switch
            {
                "taf" => "TAF",
                "taf-review" => "TAFReview",
                "core-group" => "CoreGroup",
                "cin-review" => "CINReview",
                "pathway-plan-review" => "PathwayPlanReview",
                "strategy-discussion" => "StrategyDiscussion",
                var other => other, // an unknown code as written: the adapter judges it
            };
            _meetings.Write((L.Meetings.MeetingId, V(m, "meet_id")), (L.Meetings.PersonId, V(m, "meet_person_id")),
                (L.Meetings.LookupMtgTypeIdCode, type), (L.Meetings.MeetingDttm, Dt(V(m, "meet_date"))),
                (L.Meetings.Cancelled, V(m, "meet_cancelled")), (L.Meetings.ReferralId, referral), (L.Meetings.CafEpisodeId, caf),
                (L.Meetings.CpPlanId, plan));
        }

        foreach (var c in t.Rows("ssd_initial_cp_conference"))
        {
            var id = V(c, "icpc_icpc_id");
            var meeting = "MTG-" + id;
            var referral = Or(V(c, "icpc_referral_id"));
            _meetings.Write((L.Meetings.MeetingId, meeting), (L.Meetings.PersonId, V(c, "icpc_person_id")),
                (L.Meetings.LookupMtgTypeIdCode, "CPConference"), (L.Meetings.MeetingDttm, Dt(V(c, "icpc_icpc_date"))),
                (L.Meetings.Cancelled, "N"), (L.Meetings.ReferralId, referral), (L.Meetings.CafEpisodeId, None),
                (L.Meetings.CpPlanId, None));
            _conference.Write((L.CpConference.CpConferenceId, id), (L.CpConference.PersonId, V(c, "icpc_person_id")),
                (L.CpConference.S47Id, Or(V(c, "icpc_s47_enquiry_id"))), (L.CpConference.ReferralId, referral),
                (L.CpConference.MeetingId, meeting), (L.CpConference.TransferInFlag, V(c, "icpc_icpc_transfer_in")));
        }

        foreach (var r in t.Rows("ssd_cp_reviews"))
        {
            _cpReview.Write((L.CpReview.CpReviewId, V(r, "cppr_cp_review_id")), (L.CpReview.PersonId, V(r, "cppr_person_id")),
                (L.CpReview.CpPlanId, Or(V(r, "cppr_cp_plan_id"))), (L.CpReview.DueDttm, Dt(V(r, "cppr_cp_review_due"))),
                (L.CpReview.MeetingDttm, Dt(V(r, "cppr_cp_review_date"))));
        }
    }

    private void LookedAfter(SsdTables t)
    {
        foreach (var e in t.Rows("ssd_cla_episodes"))
        {
            _careEpisodes.Write((L.CareEpisodes.CareEpisodesId, V(e, "clae_cla_episode_id")),
                (L.CareEpisodes.PersonId, V(e, "clae_person_id")), (L.CareEpisodes.ClaId, V(e, "clae_cla_id")),
                (L.CareEpisodes.ReferralId, Or(V(e, "clae_referral_id"))),
                (L.CareEpisodes.CareStartDate, Dt(V(e, "clae_cla_episode_start_date"))),
                (L.CareEpisodes.CareEndDate, Dt(V(e, "clae_cla_episode_ceased_date"))));
            _claPerson[V(e, "clae_cla_id")] = V(e, "clae_person_id");
        }

        foreach (var p in t.Rows("ssd_cla_placement"))
        {
            _placement.Write((L.Placement.ClaPlacementId, V(p, "clap_cla_placement_id")), (L.Placement.PersonId, V(p, "clap_person_id")),
                (L.Placement.ClaId, Or(V(p, "clap_cla_id"))), (L.Placement.StartDttm, Dt(V(p, "clap_cla_placement_start_date"))),
                (L.Placement.EndDttm, Dt(V(p, "clap_cla_placement_end_date"))),
                (L.Placement.LookupPlacementTypeCode, V(p, "clap_cla_placement_type")));
        }

        foreach (var d in t.Rows("cc_placement_details"))
        {
            _placementDetails.Write((L.PlacementDetails.ClaPlacementId, V(d, "pdet_placement_id")),
                (L.PlacementDetails.LongTermFlag, V(d, "pdet_long_term")),
                (L.PlacementDetails.TemporaryApprovalFlag, V(d, "pdet_temporary_approval")),
                (L.PlacementDetails.CarerApprovedDttm, Dt(V(d, "pdet_carer_approved_date"))),
                (L.PlacementDetails.ReducedVisitsFlag, V(d, "pdet_reduced_visits_agreed")),
                (L.PlacementDetails.AgreedVisitIntervalDays, V(d, "pdet_agreed_interval_days")));
        }

        foreach (var l in t.Rows("ssd_legal_status"))
        {
            _legal.Write((L.LegalStatus.LegalStatusId, "LS" + Number(++_legalStatuses, "000")),
                (L.LegalStatus.PersonId, V(l, "lega_person_id")), (L.LegalStatus.LookupLglStatusCode, V(l, "lega_legal_status")),
                (L.LegalStatus.StartDttm, Dt(V(l, "lega_legal_status_start_date"))),
                (L.LegalStatus.EndDttm, Dt(V(l, "lega_legal_status_end_date"))));
        }

        foreach (var r in t.Rows("ssd_cla_reviews"))
        {
            var id = V(r, "clar_cla_review_id");
            var meeting = "MTG-" + id;
            var cla = V(r, "clar_cla_id");
            var person = _claPerson.TryGetValue(cla, out var p) ? p : ChildOf(t);
            _meetings.Write((L.Meetings.MeetingId, meeting), (L.Meetings.PersonId, person), (L.Meetings.LookupMtgTypeIdCode, "LACReview"),
                (L.Meetings.MeetingDttm, Dt(V(r, "clar_cla_review_date"))), (L.Meetings.Cancelled, V(r, "clar_cla_review_cancelled")),
                (L.Meetings.ReferralId, None), (L.Meetings.CafEpisodeId, None), (L.Meetings.CpPlanId, None));
            _claReview.Write((L.ClaReview.ClaReviewId, id), (L.ClaReview.PersonId, person), (L.ClaReview.ClaId, cla),
                (L.ClaReview.MeetingId, meeting), (L.ClaReview.DueDttm, Dt(V(r, "clar_cla_review_due_date"))),
                (L.ClaReview.MeetingDttm, Dt(V(r, "clar_cla_review_date"))));
        }

        foreach (var c in t.Rows("ssd_care_leavers"))
        {
            _careLeavers.Write((L.CareLeavers.ClaCareLeaversId, "CL" + Number(++_careLeaverRows, "000")),
                (L.CareLeavers.PersonId, V(c, "clea_person_id")), (L.CareLeavers.InTouchDttm, Dt(V(c, "clea_care_leaver_latest_contact"))),
                (L.CareLeavers.PathwayPlanReviewDttm, Dt(V(c, "clea_pathway_plan_review_date"))),
                (L.CareLeavers.WorkerId, Or(V(c, "clea_care_leaver_worker_id"))));
        }

        foreach (var a in t.Rows("cc_care_leaver_accommodation"))
        {
            _accommodation.Write((L.CareLeaverAccommodation.CareLeaverAccommodationId, "CLA-ACC" + Number(++_accommodations, "000")),
                (L.CareLeaverAccommodation.PersonId, V(a, "clac_person_id")),
                (L.CareLeaverAccommodation.StartDttm, Dt(V(a, "clac_start_date"))),
                (L.CareLeaverAccommodation.EndDttm, Dt(V(a, "clac_end_date"))));
        }

        foreach (var p in t.Rows("cc_private_fostering"))
        {
            _fostering.Write((L.PrivateFostering.PrivateFosteringId, V(p, "pfos_id")),
                (L.PrivateFostering.PersonId, V(p, "pfos_person_id")),
                (L.PrivateFostering.NotificationDttm, Dt(V(p, "pfos_notification_date"))),
                (L.PrivateFostering.StartDttm, Dt(V(p, "pfos_start_date"))), (L.PrivateFostering.EndDttm, Dt(V(p, "pfos_end_date"))));
        }
    }

    private static string ChildOf(SsdTables t) =>
        t.PersonId ?? throw new InvalidDataException("ssd_cla_reviews: a review of a period of care the child does not have.");

    private void Forms(SsdTables t)
    {
        foreach (var a in t.Rows("cc_eh_assessments"))
        {
            var (referral, caf) = EpisodeLinks(V(a, "ehas_episode_id"));
            _forms.Write((L.Forms.FormId, V(a, "ehas_id")), (L.Forms.PersonId, V(a, "ehas_person_id")),
                (L.Forms.LookupFormTypeIdCode, "EHA"), (L.Forms.ReferralId, referral), (L.Forms.CafEpisodeId, caf),
                (L.Forms.StartDttm, Dt(V(a, "ehas_start_date"))), (L.Forms.CompletedDttm, Dt(V(a, "ehas_completed_date"))));
        }

        foreach (var d in t.Rows("cc_documents"))
        {
            var (referral, caf) = EpisodeLinks(V(d, "doc_episode_id"));
            var type = V(d, "doc_type") switch
            {
                "consent" => "EHCONSENT",
                "outcome-star" => "OSTAR",
                var other => other, // an unknown code as written: the adapter judges it
            };
            var date = Dt(V(d, "doc_date"));
            _forms.Write((L.Forms.FormId, V(d, "doc_id")), (L.Forms.PersonId, V(d, "doc_person_id")), (L.Forms.LookupFormTypeIdCode, type),
                (L.Forms.ReferralId, referral), (L.Forms.CafEpisodeId, caf), (L.Forms.StartDttm, date), (L.Forms.CompletedDttm, date));
        }

        foreach (var a in t.Rows("cc_audits"))
        {
            var (referral, caf) = EpisodeLinks(V(a, "aud_episode_id"));
            var date = Dt(V(a, "aud_date"));
            _forms.Write((L.Forms.FormId, V(a, "aud_id")), (L.Forms.PersonId, V(a, "aud_person_id")),
                (L.Forms.LookupFormTypeIdCode, "CASEAUDIT"), (L.Forms.ReferralId, referral), (L.Forms.CafEpisodeId, caf),
                (L.Forms.StartDttm, date), (L.Forms.CompletedDttm, date));
            if (V(a, "aud_grade") is { Length: > 0 } grade)
            {
                Answer(V(a, "aud_id"), "AuditGrade", grade);
            }
        }

        foreach (var a in t.Rows("cc_audit_actions"))
        {
            _actions.Write((L.AuditActions.AuditActionId, V(a, "act_id")), (L.AuditActions.FormId, V(a, "act_audit_id")),
                (L.AuditActions.Description, V(a, "act_description")), (L.AuditActions.WorkerId, Or(V(a, "act_owner"))),
                (L.AuditActions.DueDttm, Dt(V(a, "act_due_date"))), (L.AuditActions.CompletedDttm, Dt(V(a, "act_completed_date"))));
        }
    }

    private void Casenotes(SsdTables t)
    {
        foreach (var v in t.Rows("ssd_cp_visits"))
        {
            var id = V(v, "cppv_cp_visit_id");
            var plan = V(v, "cppv_cp_plan_id");
            var referral = _cpPlans.TryGetValue(plan, out var p) ? V(p, "cppl_referral_id") : None;
            Note(id, V(v, "cppv_person_id"), "STVC", V(v, "cppv_cp_visit_date"), V(v, "cppv_cp_visit_seen"), V(v, "cppv_cp_visit_seen_alone"), referral);
            if (plan.Length > 0)
            {
                _cpVisit.Write((L.CpVisit.CpVisitId, "CPV-" + id), (L.CpVisit.CasenoteId, id), (L.CpVisit.CpPlanId, plan));
            }
        }

        foreach (var v in t.Rows("ssd_cla_visits"))
        {
            var id = V(v, "clav_cla_visit_id");
            Note(id, V(v, "clav_person_id"), "STVL", V(v, "clav_cla_visit_date"), V(v, "clav_cla_visit_seen"), V(v, "clav_cla_visit_seen_alone"));
            if (V(v, "clav_cla_id") is { Length: > 0 } cla)
            {
                _claVisit.Write((L.ClaVisit.ClaVisitId, "CLAV-" + id), (L.ClaVisit.CasenoteId, id), (L.ClaVisit.ClaId, cla));
            }
        }

        foreach (var v in t.Rows("ssd_cin_visits"))
        {
            // The SSD's CIN visits name no episode; neither do these casenotes.
            Note(V(v, "cinv_cin_visit_id"), V(v, "cinv_person_id"), "STAT", V(v, "cinv_cin_visit_date"), V(v, "cinv_cin_visit_seen"),
                V(v, "cinv_cin_visit_seen_alone"));
        }

        foreach (var v in t.Rows("cc_eh_contacts"))
        {
            var (referral, caf) = EpisodeLinks(V(v, "ehco_episode_id"));
            var type = V(v, "ehco_type") switch
            {
                "contact" => "EHCONT",
                "home-visit" => "HVIS",
                var other => other, // an unknown code as written: the adapter judges it
            };
            Note(V(v, "ehco_id"), V(v, "ehco_person_id"), type, V(v, "ehco_date"), "", "", referral, caf);
        }

        foreach (var v in t.Rows("cc_visits"))
        {
            // A private fostering visit names no arrangement in the warehouse: the adapter finds the one open on the day.
            var type = V(v, "visi_type") switch
            {
                "private-fostering" => "PFVIS",
                "care-leaver" => "CLVIS",
                var other => other, // an unknown code as written: the adapter judges it
            };
            Note(V(v, "visi_id"), V(v, "visi_person_id"), type, V(v, "visi_date"), V(v, "visi_seen"), V(v, "visi_seen_alone"));
        }

        foreach (var m in t.Rows("cc_management_records"))
        {
            var (referral, caf) = EpisodeLinks(V(m, "mgmt_episode_id"));
            var type = V(m, "mgmt_type") switch
            {
                "oversight" => "MGTOV",
                "supervision" => "SUPV",
                "audit-discussion" => "AUDDIS",
                var other => other, // an unknown code as written: the adapter judges it
            };
            Note(V(m, "mgmt_id"), V(m, "mgmt_person_id"), type, V(m, "mgmt_date"), "", "", referral, caf, Or(V(m, "mgmt_worker_id")));
        }
    }

    private void Note(string id, string person, string type, string date, string seen, string alone, string referral = None,
        string caf = None, string worker = None)
    {
        _visitDetails.TryGetValue(id, out var d);
        _notes.Write((L.Casenotes.CasenoteId, id), (L.Casenotes.PersonId, person), (L.Casenotes.LookupCasntTypeIdCode, type),
            (L.Casenotes.EventDttm, Dt(date)), (L.Casenotes.SeenFlag, seen), (L.Casenotes.SeenAloneFlag, alone),
            (L.Casenotes.NotSeenAloneReason, d is null ? "" : V(d, "vdet_not_seen_alone_reason")),
            (L.Casenotes.CreatedDttm, d is null ? "" : Dt(V(d, "vdet_recorded_date"))), (L.Casenotes.ReferralId, referral),
            (L.Casenotes.CafEpisodeId, caf), (L.Casenotes.WorkerId, worker));
    }

    private void Answer(string form, string question, string value) =>
        _answers.Write((L.FormAnswers.FormAnswerId, "FA" + Number(++_answerRows, "0000")), (L.FormAnswers.FormId, form),
            (L.FormAnswers.AnswerNo, question), (L.FormAnswers.Answer, value));

    /// <summary>An SSD episode id → (FACT_REFERRAL_ID, FACT_CAF_EPISODE_ID), from the child's referrals and Early Help episodes.
    /// Beyond the converter (which knew only those): a child in need or CP plan of the child stands for its referral
    /// (the generator names the CIN plan of a CIN review, which the rules accept as the referral's).</summary>
    private (string Referral, string Caf) EpisodeLinks(string episode) =>
        episode.Length == 0 ? (None, None)
        : _refIds.Contains(episode) ? (episode, None)
        : _ehIds.Contains(episode) ? (None, episode)
        : _planReferral.TryGetValue(episode, out var referral) ? (Or(referral), None)
        : throw new InvalidDataException($"Episode {episode} is neither a referral, an Early Help episode nor a plan of the child.");

    /// <summary>SSD date or date-time → SQL Server <c>DATETIME</c> text as a warehouse export writes it (other text as it is).</summary>
    internal static string Dt(string value) => value.Length switch
    {
        0 => "",
        10 => value + " 00:00:00.000",
        16 => value + ":00.000",
        19 => value + ".000",
        _ => value, // not an SSD date: as written, for the adapter to reject
    };

    /// <summary>The house number and street of an address line ("12A Sample Street" → "12A", "Sample Street"): the last
    /// number (with an optional letter) followed by white space and a non-digit. A line without one is all street.</summary>
    internal static (string House, string Street) SplitLine1(string line)
    {
        // The converter's ^(.*\d+[A-Za-z]?)\s+(\D.*)$, without a regular expression: the greedy match ends the house at the
        // last digit (or digit + letter) that white space and then a non-digit follow.
        for (var k = line.Length - 1; k >= 0; k--)
        {
            if (!char.IsDigit(line[k]))
            {
                continue;
            }

            var withLetter = k + 1 < line.Length && char.IsAsciiLetter(line[k + 1]);
            if (withLetter && Split(line, k + 2) is { } a)
            {
                return a;
            }

            if (Split(line, k + 1) is { } b)
            {
                return b;
            }
        }

        return ("", line);

        static (string, string)? Split(string line, int end)
        {
            var w = end;
            while (w < line.Length && char.IsWhiteSpace(line[w]))
            {
                w++;
            }

            if (w == end)
            {
                return null;
            }

            // \s+ gives back one white-space character when what follows is a digit or nothing (\D matches white space).
            var street = w < line.Length && !char.IsDigit(line[w]) ? w : w - 1 > end ? w - 1 : -1;
            return street < 0 || line.AsSpan(street).Contains('\n') ? null : (line[..end], line[street..]);
        }
    }

    private static string YesNo(string value) => value switch
    {
        "Y" => "Yes",
        "N" => "No",
        _ => value,
    };

    private static string Or(string value) => value.Length == 0 ? None : value;

    private static string First(string a, string b) => a.Length > 0 ? a : b;

    private static string Number(int n, string format) => n.ToString(format, CultureInfo.InvariantCulture);

    private static string V(Row row, string column) => SinkTable.Value(row, column);

    public void Dispose()
    {
        foreach (var file in _files)
        {
            file.Dispose();
        }
    }
}

using CaseCompliance.Adapters.Streaming;
using CaseCompliance.Domain;

namespace CaseCompliance.Adapters.Standard;

/// <summary>The tables and columns the <c>standard</c> adapter reads (extracts.md), and what each one records.</summary>
public static class StandardLayout
{
    private static Reference CpPlan(string column) => new(column, "child protection plan", new ParentKey("ssd_cp_plans", "cppl_cp_plan_id"));

    private static Reference PeriodOfCare(string column) => new(column, "period of care", new ParentKey("ssd_cla_episodes", "clae_cla_id"));

    public static readonly TableLayout[] Tables =
    [
        new("ssd_person", true, [], ["pers_person_id", "pers_forename", "pers_surname", "pers_sex", "pers_gender", "pers_ethnicity", "pers_dob", "pers_common_child_id", "pers_upn_unknown", "pers_expected_dob", "pers_death_date"]),
        new("ssd_address", true, [Dataset.Addresses], ["addr_person_id", "addr_address_json", "addr_address_postcode", "addr_address_start_date", "addr_address_end_date"]) { Periods = [("addr_address_start_date", "addr_address_end_date")] },
        new("ssd_disability", true, [Dataset.Disabilities], ["disa_person_id", "disa_disability_code"]),
        new("ssd_professionals", true, [], ["prof_professional_id", "prof_professional_name", "prof_professional_job_title", "prof_professional_department"]),
        new("ssd_department", true, [], ["dept_team_id", "dept_team_name", "dept_team_parent_id"]),
        new("ssd_involvements", true, [Dataset.Allocations], ["invo_involvements_id", "invo_professional_id", "invo_professional_role_id", "invo_professional_team", "invo_involvement_start_date", "invo_involvement_end_date", "invo_person_id", "invo_referral_id"]) { Periods = [("invo_involvement_start_date", "invo_involvement_end_date")] },
        new("ssd_contacts", true, [Dataset.Contacts], ["cont_contact_id", "cont_person_id", "cont_contact_date", "cont_contact_outcome_json"]),
        new("ssd_early_help_episodes", true, [Dataset.EarlyHelpEpisodes], ["earl_episode_id", "earl_person_id", "earl_episode_start_date", "earl_episode_end_date", "earl_episode_worker_id"]) { Periods = [("earl_episode_start_date", "earl_episode_end_date")] },
        new("ssd_cin_episodes", true, [Dataset.Referrals], ["cine_referral_id", "cine_person_id", "cine_referral_date", "cine_cin_primary_need_code", "cine_referral_nfa", "cine_close_date", "cine_referral_team", "cine_referral_worker_id"]) { Periods = [("cine_referral_date", "cine_close_date")] },
        new("ssd_cin_assessments", true, [Dataset.SocialCareAssessments], ["cina_assessment_id", "cina_person_id", "cina_referral_id", "cina_assessment_start_date", "cina_assessment_child_seen", "cina_assessment_auth_date"]),
        new("ssd_cin_plans", true, [Dataset.Plans], ["cinp_cin_plan_id", "cinp_referral_id", "cinp_person_id", "cinp_cin_plan_start_date", "cinp_cin_plan_end_date"]) { Periods = [("cinp_cin_plan_start_date", "cinp_cin_plan_end_date")] },
        new("ssd_cin_visits", true, [Dataset.ChildInNeedVisits], ["cinv_cin_visit_id", "cinv_person_id", "cinv_cin_visit_date", "cinv_cin_visit_seen", "cinv_cin_visit_seen_alone"]),
        new("ssd_s47_enquiry", true, [Dataset.S47Enquiries], ["s47e_s47_enquiry_id", "s47e_referral_id", "s47e_person_id", "s47e_s47_start_date", "s47e_s47_end_date"]) { Periods = [("s47e_s47_start_date", "s47e_s47_end_date")] },
        new("ssd_initial_cp_conference", true, [Dataset.InitialConferences], ["icpc_icpc_id", "icpc_s47_enquiry_id", "icpc_person_id", "icpc_cp_plan_id", "icpc_referral_id", "icpc_icpc_transfer_in", "icpc_icpc_date"]),
        new("ssd_cp_plans", true, [Dataset.Plans], ["cppl_cp_plan_id", "cppl_referral_id", "cppl_icpc_id", "cppl_person_id", "cppl_cp_plan_start_date", "cppl_cp_plan_end_date"]) { Periods = [("cppl_cp_plan_start_date", "cppl_cp_plan_end_date")] },
        new("ssd_cp_visits", true, [Dataset.ChildProtectionVisits], ["cppv_cp_visit_id", "cppv_person_id", "cppv_cp_plan_id", "cppv_cp_visit_date", "cppv_cp_visit_seen", "cppv_cp_visit_seen_alone"]) { References = [CpPlan("cppv_cp_plan_id")] },
        new("ssd_cp_reviews", true, [Dataset.ChildProtectionReviews], ["cppr_cp_review_id", "cppr_person_id", "cppr_cp_plan_id", "cppr_cp_review_due", "cppr_cp_review_date"]) { References = [CpPlan("cppr_cp_plan_id")] },
        new("ssd_cla_episodes", true, [Dataset.PeriodsOfCare], ["clae_cla_episode_id", "clae_person_id", "clae_cla_episode_start_date", "clae_cla_episode_ceased_date", "clae_cla_id", "clae_referral_id", "clae_entered_care_date"]) { Periods = [("clae_cla_episode_start_date", "clae_cla_episode_ceased_date")] },
        new("ssd_cla_placement", true, [Dataset.Placements], ["clap_cla_placement_id", "clap_cla_id", "clap_person_id", "clap_cla_placement_start_date", "clap_cla_placement_end_date", "clap_cla_placement_type"]) { Periods = [("clap_cla_placement_start_date", "clap_cla_placement_end_date")], References = [PeriodOfCare("clap_cla_id")] },
        new("ssd_legal_status", true, [Dataset.LegalStatuses], ["lega_person_id", "lega_legal_status", "lega_legal_status_start_date", "lega_legal_status_end_date"]) { Periods = [("lega_legal_status_start_date", "lega_legal_status_end_date")] },
        new("ssd_cla_reviews", true, [Dataset.LookedAfterReviews], ["clar_cla_review_id", "clar_cla_id", "clar_cla_review_due_date", "clar_cla_review_date", "clar_cla_review_cancelled"]),
        new("ssd_cla_visits", true, [Dataset.LookedAfterVisits], ["clav_cla_visit_id", "clav_cla_id", "clav_person_id", "clav_cla_visit_date", "clav_cla_visit_seen", "clav_cla_visit_seen_alone"]) { References = [PeriodOfCare("clav_cla_id")] },
        new("ssd_care_leavers", true, [Dataset.CareLeavers], ["clea_person_id", "clea_care_leaver_latest_contact", "clea_pathway_plan_review_date", "clea_care_leaver_worker_id"]),
        new("cc_meetings", false, [Dataset.Meetings], ["meet_id", "meet_person_id", "meet_episode_id", "meet_type", "meet_date", "meet_cancelled"]),
        new("cc_eh_assessments", false, [Dataset.EarlyHelpAssessments], ["ehas_id", "ehas_person_id", "ehas_episode_id", "ehas_start_date", "ehas_completed_date"]),
        new("cc_eh_contacts", false, [Dataset.EarlyHelpContacts], ["ehco_id", "ehco_person_id", "ehco_episode_id", "ehco_type", "ehco_date"]),
        new("cc_contact_decisions", false, [Dataset.ContactDecisions], ["cdec_contact_id", "cdec_received_at", "cdec_decision_at"]) { Key = "cdec_contact_id" },
        new("cc_assessment_review_points", false, [Dataset.AssessmentReviewPoints], ["arp_assessment_id", "arp_date"]),
        new("cc_visit_details", false, [Dataset.VisitDetails], ["vdet_visit_id", "vdet_not_seen_alone_reason", "vdet_recorded_date"]),
        new("cc_plan_visit_frequency", false, [Dataset.PlanVisitFrequency], ["pvf_plan_id", "pvf_interval_days", "pvf_basis"]),
        new("cc_placement_details", false, [Dataset.PlacementDetails], ["pdet_placement_id", "pdet_long_term", "pdet_temporary_approval", "pdet_carer_approved_date", "pdet_reduced_visits_agreed", "pdet_agreed_interval_days"]),
        new("cc_private_fostering", false, [Dataset.PrivateFostering], ["pfos_id", "pfos_person_id", "pfos_notification_date", "pfos_start_date", "pfos_end_date"]) { Periods = [("pfos_start_date", "pfos_end_date")] },
        new("cc_care_leaver_accommodation", false, [Dataset.CareLeaverAccommodation], ["clac_person_id", "clac_start_date", "clac_end_date"]) { Periods = [("clac_start_date", "clac_end_date")] },
        new("cc_visits", false, [Dataset.OtherVisits], ["visi_id", "visi_person_id", "visi_episode_id", "visi_type", "visi_date", "visi_seen", "visi_seen_alone"]),
        new("cc_management_records", false, [Dataset.ManagementRecords], ["mgmt_id", "mgmt_person_id", "mgmt_episode_id", "mgmt_type", "mgmt_date", "mgmt_worker_id"]),
        new("cc_documents", false, [Dataset.Documents], ["doc_id", "doc_person_id", "doc_episode_id", "doc_type", "doc_date"]),
        new("cc_audits", false, [Dataset.Audits], ["aud_id", "aud_person_id", "aud_episode_id", "aud_date", "aud_grade"]),
        new("cc_audit_actions", false, [Dataset.AuditActions], ["act_id", "act_audit_id", "act_description", "act_owner", "act_due_date", "act_completed_date"]),
        new("cc_person_details", false, [Dataset.PersonDetails], ["pdet_person_id", "pdet_telephone", "pdet_ethnicity_detail", "pdet_primary_need"]),
    ];

    /// <summary>
    /// How each table links to a child, for streaming: a table with a <c>*_person_id</c> column by that column; the
    /// detail tables by the record they describe; professionals and departments are the directory.
    /// </summary>
    public static readonly StreamLayout Stream = new("ssd_person", "pers_person_id",
        Tables.Skip(1).Where(t => t.Columns.Any(c => c.EndsWith("_person_id", StringComparison.Ordinal)))
            .Select(t => KeyValuePair.Create(t.Name, (TableLink)new PersonLink(t.Columns.First(c => c.EndsWith("_person_id", StringComparison.Ordinal)))))
            .Concat(new Dictionary<string, TableLink>
            {
                ["ssd_cla_reviews"] = new ParentLink("clar_cla_id", new ParentKey("ssd_cla_episodes", "clae_cla_id")),
                ["cc_contact_decisions"] = new ParentLink("cdec_contact_id", new ParentKey("ssd_contacts", "cont_contact_id")),
                ["cc_assessment_review_points"] = new ParentLink("arp_assessment_id", new ParentKey("ssd_cin_assessments", "cina_assessment_id")),
                ["cc_visit_details"] = new ParentLink("vdet_visit_id", new ParentKey("ssd_cin_visits", "cinv_cin_visit_id"),
                    new ParentKey("ssd_cp_visits", "cppv_cp_visit_id"), new ParentKey("ssd_cla_visits", "clav_cla_visit_id"),
                    new ParentKey("cc_eh_contacts", "ehco_id"), new ParentKey("cc_visits", "visi_id")),
                ["cc_plan_visit_frequency"] = new ParentLink("pvf_plan_id", new ParentKey("ssd_cin_plans", "cinp_cin_plan_id"),
                    new ParentKey("ssd_cp_plans", "cppl_cp_plan_id")),
                ["cc_placement_details"] = new ParentLink("pdet_placement_id", new ParentKey("ssd_cla_placement", "clap_cla_placement_id")),
                ["cc_audit_actions"] = new ParentLink("act_audit_id", new ParentKey("cc_audits", "aud_id")),
            })
            .ToDictionary(StringComparer.OrdinalIgnoreCase),
        ["ssd_professionals", "ssd_department"]);

    public static readonly IReadOnlyDictionary<string, MeetingType> MeetingTypes = new Dictionary<string, MeetingType>(StringComparer.OrdinalIgnoreCase)
    {
        ["taf"] = MeetingType.TeamAroundFamily,
        ["taf-review"] = MeetingType.TeamAroundFamilyReview,
        ["core-group"] = MeetingType.CoreGroup,
        ["cin-review"] = MeetingType.ChildInNeedReview,
        ["pathway-plan-review"] = MeetingType.PathwayPlanReview,
        ["strategy-discussion"] = MeetingType.StrategyDiscussion,
    };

    public static readonly IReadOnlyDictionary<string, VisitKind> EarlyHelpContactTypes = new Dictionary<string, VisitKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["contact"] = VisitKind.EarlyHelpContact,
        ["home-visit"] = VisitKind.EarlyHelpHomeVisit,
    };

    public static readonly IReadOnlyDictionary<string, VisitKind> OtherVisitTypes = new Dictionary<string, VisitKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["private-fostering"] = VisitKind.PrivateFostering,
        ["care-leaver"] = VisitKind.CareLeaver,
    };

    public static readonly IReadOnlyDictionary<string, ManagementKind> ManagementTypes = new Dictionary<string, ManagementKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["oversight"] = ManagementKind.Oversight,
        ["supervision"] = ManagementKind.Supervision,
        ["audit-discussion"] = ManagementKind.AuditDiscussion,
    };

    public static readonly IReadOnlyDictionary<string, DocumentKind> DocumentTypes = new Dictionary<string, DocumentKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["consent"] = DocumentKind.Consent,
        ["outcome-star"] = DocumentKind.OutcomeStar,
    };

    public static readonly string[] FrequencyBases = ["calendar", "working"];
}

using CaseCompliance.Adapters.Streaming;
using CaseCompliance.Adapters.Reading;
using CaseCompliance.Domain;

namespace CaseCompliance.Adapters.Standard;

/// <summary>The tables and columns the <c>standard</c> adapter reads (extracts.md), and what each one records.</summary>
public static class StandardLayout
{
    private static Reference CpPlan(string column) => new(column, "child protection plan", new ParentKey("ssd_cp_plans", "cppl_cp_plan_id"));

    private static Reference PeriodOfCare(string column) => new(column, "period of care", new ParentKey("ssd_cla_episodes", "clae_cla_id"));

    /// <summary>Every table, the person table first, in the order the adapter reads them.</summary>
    public static readonly TableLayout[] Tables =
    [
        Person.Table.Layout,
        Address.Table.Layout,
        Disability.Table.Layout,
        Professionals.Table.Layout,
        Department.Table.Layout,
        Involvements.Table.Layout,
        Contacts.Table.Layout,
        EarlyHelpEpisodes.Table.Layout,
        CinEpisodes.Table.Layout,
        CinAssessments.Table.Layout,
        CinPlans.Table.Layout,
        CinVisits.Table.Layout,
        S47Enquiry.Table.Layout,
        InitialCpConference.Table.Layout,
        CpPlans.Table.Layout,
        CpVisits.Table.Layout,
        CpReviews.Table.Layout,
        ClaEpisodes.Table.Layout,
        ClaPlacement.Table.Layout,
        LegalStatus.Table.Layout,
        ClaReviews.Table.Layout,
        ClaVisits.Table.Layout,
        CareLeavers.Table.Layout,
        CcMeetings.Table.Layout,
        CcEhAssessments.Table.Layout,
        CcEhContacts.Table.Layout,
        CcContactDecisions.Table.Layout,
        CcAssessmentReviewPoints.Table.Layout,
        CcVisitDetails.Table.Layout,
        CcPlanVisitFrequency.Table.Layout,
        CcPlacementDetails.Table.Layout,
        CcPrivateFostering.Table.Layout,
        CcCareLeaverAccommodation.Table.Layout,
        CcVisits.Table.Layout,
        CcManagementRecords.Table.Layout,
        CcDocuments.Table.Layout,
        CcAudits.Table.Layout,
        CcAuditActions.Table.Layout,
        CcPersonDetails.Table.Layout,
    ];

    /// <summary><c>ssd_person</c>.</summary>
    public static class Person
    {
        public static readonly TableDef Table = new("ssd_person", required: true, Dataset.PersonNames);

        public static readonly Column PersonId = Table.Column("pers_person_id");
        public static readonly Column Forename = Table.Column("pers_forename");
        public static readonly Column Surname = Table.Column("pers_surname");
        public static readonly Column Sex = Table.Column("pers_sex");
        public static readonly Column Gender = Table.Column("pers_gender");
        public static readonly Column Ethnicity = Table.Column("pers_ethnicity");
        public static readonly Column Dob = Table.Column("pers_dob");
        public static readonly Column UpnUnknown = Table.Column("pers_upn_unknown");
        public static readonly Column ExpectedDob = Table.Column("pers_expected_dob");
        public static readonly Column DeathDate = Table.Column("pers_death_date");

        /// <summary>The UPN in SSD v1.2.x; v1.3 renamed the column <c>pers_single_unique_id</c> (an NHS number
        /// placeholder, never the UPN, and not read), so it is read only where <see cref="Upn"/> is absent or blank.</summary>
        public static readonly Column CommonChildId = Table.OptionalColumn("pers_common_child_id");

        /// <summary>The UPN from SSD v1.4 on.</summary>
        public static readonly Column Upn = Table.OptionalColumn("pers_upn");
    }

    /// <summary><c>ssd_address</c>.</summary>
    public static class Address
    {
        public static readonly TableDef Table = new("ssd_address", required: true, Dataset.Addresses) { Periods = [("addr_address_start_date", "addr_address_end_date")] };

        public static readonly Column PersonId = Table.Column("addr_person_id");
        public static readonly Column AddressJson = Table.Column("addr_address_json");
        public static readonly Column AddressPostcode = Table.Column("addr_address_postcode");
        public static readonly Column AddressStartDate = Table.Column("addr_address_start_date");
        public static readonly Column AddressEndDate = Table.Column("addr_address_end_date");
    }

    /// <summary><c>ssd_disability</c>.</summary>
    public static class Disability
    {
        public static readonly TableDef Table = new("ssd_disability", required: true, Dataset.Disabilities);

        public static readonly Column PersonId = Table.Column("disa_person_id");
        public static readonly Column DisabilityCode = Table.Column("disa_disability_code");
    }

    /// <summary><c>ssd_professionals</c>.</summary>
    public static class Professionals
    {
        public static readonly TableDef Table = new("ssd_professionals", required: true);

        public static readonly Column ProfessionalId = Table.Column("prof_professional_id");
        public static readonly Column ProfessionalName = Table.Column("prof_professional_name");
        public static readonly Column ProfessionalJobTitle = Table.Column("prof_professional_job_title");
        public static readonly Column ProfessionalDepartment = Table.Column("prof_professional_department");
    }

    /// <summary><c>ssd_department</c>.</summary>
    public static class Department
    {
        public static readonly TableDef Table = new("ssd_department", required: true);

        public static readonly Column TeamId = Table.Column("dept_team_id");
        public static readonly Column TeamName = Table.Column("dept_team_name");
        public static readonly Column TeamParentId = Table.Column("dept_team_parent_id");
    }

    /// <summary><c>ssd_involvements</c>.</summary>
    public static class Involvements
    {
        public static readonly TableDef Table = new("ssd_involvements", required: true, Dataset.Allocations) { Periods = [("invo_involvement_start_date", "invo_involvement_end_date")] };

        public static readonly Column InvolvementsId = Table.Column("invo_involvements_id");
        public static readonly Column ProfessionalId = Table.Column("invo_professional_id");
        public static readonly Column ProfessionalRoleId = Table.Column("invo_professional_role_id");
        public static readonly Column ProfessionalTeam = Table.Column("invo_professional_team");
        public static readonly Column InvolvementStartDate = Table.Column("invo_involvement_start_date");
        public static readonly Column InvolvementEndDate = Table.Column("invo_involvement_end_date");
        public static readonly Column PersonId = Table.Column("invo_person_id");
        public static readonly Column ReferralId = Table.Column("invo_referral_id");
    }

    /// <summary><c>ssd_contacts</c>.</summary>
    public static class Contacts
    {
        public static readonly TableDef Table = new("ssd_contacts", required: true, Dataset.Contacts);

        public static readonly Column ContactId = Table.Column("cont_contact_id");
        public static readonly Column PersonId = Table.Column("cont_person_id");
        public static readonly Column ContactDate = Table.Column("cont_contact_date");
        public static readonly Column ContactOutcomeJson = Table.Column("cont_contact_outcome_json");
    }

    /// <summary><c>ssd_early_help_episodes</c>.</summary>
    public static class EarlyHelpEpisodes
    {
        public static readonly TableDef Table = new("ssd_early_help_episodes", required: true, Dataset.EarlyHelpEpisodes) { Periods = [("earl_episode_start_date", "earl_episode_end_date")] };

        public static readonly Column EpisodeId = Table.Column("earl_episode_id");
        public static readonly Column PersonId = Table.Column("earl_person_id");
        public static readonly Column EpisodeStartDate = Table.Column("earl_episode_start_date");
        public static readonly Column EpisodeEndDate = Table.Column("earl_episode_end_date");
        public static readonly Column EpisodeWorkerId = Table.Column("earl_episode_worker_id");
    }

    /// <summary><c>ssd_cin_episodes</c>.</summary>
    public static class CinEpisodes
    {
        public static readonly TableDef Table = new("ssd_cin_episodes", required: true, Dataset.Referrals) { Periods = [("cine_referral_date", "cine_close_date")] };

        public static readonly Column ReferralId = Table.Column("cine_referral_id");
        public static readonly Column PersonId = Table.Column("cine_person_id");
        public static readonly Column ReferralDate = Table.Column("cine_referral_date");
        public static readonly Column CinPrimaryNeedCode = Table.Column("cine_cin_primary_need_code");
        public static readonly Column ReferralNfa = Table.Column("cine_referral_nfa");
        public static readonly Column CloseDate = Table.Column("cine_close_date");
        public static readonly Column ReferralTeam = Table.Column("cine_referral_team");
        public static readonly Column ReferralWorkerId = Table.Column("cine_referral_worker_id");
    }

    /// <summary><c>ssd_cin_assessments</c>.</summary>
    public static class CinAssessments
    {
        public static readonly TableDef Table = new("ssd_cin_assessments", required: true, Dataset.SocialCareAssessments);

        public static readonly Column AssessmentId = Table.Column("cina_assessment_id");
        public static readonly Column PersonId = Table.Column("cina_person_id");
        public static readonly Column ReferralId = Table.Column("cina_referral_id");
        public static readonly Column AssessmentStartDate = Table.Column("cina_assessment_start_date");
        public static readonly Column AssessmentChildSeen = Table.Column("cina_assessment_child_seen");
        public static readonly Column AssessmentAuthDate = Table.Column("cina_assessment_auth_date");
    }

    /// <summary><c>ssd_cin_plans</c>.</summary>
    public static class CinPlans
    {
        public static readonly TableDef Table = new("ssd_cin_plans", required: true, Dataset.Plans) { Periods = [("cinp_cin_plan_start_date", "cinp_cin_plan_end_date")] };

        public static readonly Column CinPlanId = Table.Column("cinp_cin_plan_id");
        public static readonly Column ReferralId = Table.Column("cinp_referral_id");
        public static readonly Column PersonId = Table.Column("cinp_person_id");
        public static readonly Column CinPlanStartDate = Table.Column("cinp_cin_plan_start_date");
        public static readonly Column CinPlanEndDate = Table.Column("cinp_cin_plan_end_date");
    }

    /// <summary><c>ssd_cin_visits</c>.</summary>
    public static class CinVisits
    {
        public static readonly TableDef Table = new("ssd_cin_visits", required: true, Dataset.ChildInNeedVisits);

        public static readonly Column CinVisitId = Table.Column("cinv_cin_visit_id");
        public static readonly Column PersonId = Table.Column("cinv_person_id");
        public static readonly Column CinVisitDate = Table.Column("cinv_cin_visit_date");
        public static readonly Column CinVisitSeen = Table.Column("cinv_cin_visit_seen");
        public static readonly Column CinVisitSeenAlone = Table.Column("cinv_cin_visit_seen_alone");
    }

    /// <summary><c>ssd_s47_enquiry</c>.</summary>
    public static class S47Enquiry
    {
        public static readonly TableDef Table = new("ssd_s47_enquiry", required: true, Dataset.S47Enquiries) { Periods = [("s47e_s47_start_date", "s47e_s47_end_date")] };

        public static readonly Column S47EnquiryId = Table.Column("s47e_s47_enquiry_id");
        public static readonly Column ReferralId = Table.Column("s47e_referral_id");
        public static readonly Column PersonId = Table.Column("s47e_person_id");
        public static readonly Column S47StartDate = Table.Column("s47e_s47_start_date");
        public static readonly Column S47EndDate = Table.Column("s47e_s47_end_date");
    }

    /// <summary><c>ssd_initial_cp_conference</c>.</summary>
    public static class InitialCpConference
    {
        public static readonly TableDef Table = new("ssd_initial_cp_conference", required: true, Dataset.InitialConferences);

        public static readonly Column IcpcId = Table.Column("icpc_icpc_id");
        public static readonly Column S47EnquiryId = Table.Column("icpc_s47_enquiry_id");
        public static readonly Column PersonId = Table.Column("icpc_person_id");
        public static readonly Column CpPlanId = Table.Column("icpc_cp_plan_id");
        public static readonly Column ReferralId = Table.Column("icpc_referral_id");
        public static readonly Column IcpcTransferIn = Table.Column("icpc_icpc_transfer_in");
        public static readonly Column IcpcDate = Table.Column("icpc_icpc_date");
    }

    /// <summary><c>ssd_cp_plans</c>.</summary>
    public static class CpPlans
    {
        public static readonly TableDef Table = new("ssd_cp_plans", required: true, Dataset.Plans) { Periods = [("cppl_cp_plan_start_date", "cppl_cp_plan_end_date")] };

        public static readonly Column CpPlanId = Table.Column("cppl_cp_plan_id");
        public static readonly Column ReferralId = Table.Column("cppl_referral_id");
        public static readonly Column IcpcId = Table.Column("cppl_icpc_id");
        public static readonly Column PersonId = Table.Column("cppl_person_id");
        public static readonly Column CpPlanStartDate = Table.Column("cppl_cp_plan_start_date");
        public static readonly Column CpPlanEndDate = Table.Column("cppl_cp_plan_end_date");
    }

    /// <summary><c>ssd_cp_visits</c>.</summary>
    public static class CpVisits
    {
        public static readonly TableDef Table = new("ssd_cp_visits", required: true, Dataset.ChildProtectionVisits) { References = [CpPlan("cppv_cp_plan_id")] };

        public static readonly Column CpVisitId = Table.Column("cppv_cp_visit_id");
        public static readonly Column PersonId = Table.Column("cppv_person_id");
        public static readonly Column CpPlanId = Table.Column("cppv_cp_plan_id");
        public static readonly Column CpVisitDate = Table.Column("cppv_cp_visit_date");
        public static readonly Column CpVisitSeen = Table.Column("cppv_cp_visit_seen");
        public static readonly Column CpVisitSeenAlone = Table.Column("cppv_cp_visit_seen_alone");
    }

    /// <summary><c>ssd_cp_reviews</c>.</summary>
    public static class CpReviews
    {
        public static readonly TableDef Table = new("ssd_cp_reviews", required: true, Dataset.ChildProtectionReviews) { References = [CpPlan("cppr_cp_plan_id")] };

        public static readonly Column CpReviewId = Table.Column("cppr_cp_review_id");
        public static readonly Column PersonId = Table.Column("cppr_person_id");
        public static readonly Column CpPlanId = Table.Column("cppr_cp_plan_id");
        public static readonly Column CpReviewDue = Table.Column("cppr_cp_review_due");
        public static readonly Column CpReviewDate = Table.Column("cppr_cp_review_date");
    }

    /// <summary><c>ssd_cla_episodes</c>.</summary>
    public static class ClaEpisodes
    {
        public static readonly TableDef Table = new("ssd_cla_episodes", required: true, Dataset.PeriodsOfCare) { Periods = [("clae_cla_episode_start_date", "clae_cla_episode_ceased_date")] };

        public static readonly Column ClaEpisodeId = Table.Column("clae_cla_episode_id");
        public static readonly Column PersonId = Table.Column("clae_person_id");
        public static readonly Column ClaEpisodeStartDate = Table.Column("clae_cla_episode_start_date");
        public static readonly Column ClaEpisodeCeasedDate = Table.Column("clae_cla_episode_ceased_date");
        public static readonly Column ClaId = Table.Column("clae_cla_id");
        public static readonly Column ReferralId = Table.Column("clae_referral_id");
        public static readonly Column EnteredCareDate = Table.Column("clae_entered_care_date");
    }

    /// <summary><c>ssd_cla_placement</c>.</summary>
    public static class ClaPlacement
    {
        public static readonly TableDef Table = new("ssd_cla_placement", required: true, Dataset.Placements) { Periods = [("clap_cla_placement_start_date", "clap_cla_placement_end_date")], References = [PeriodOfCare("clap_cla_id")] };

        public static readonly Column ClaPlacementId = Table.Column("clap_cla_placement_id");
        public static readonly Column ClaId = Table.Column("clap_cla_id");
        public static readonly Column PersonId = Table.Column("clap_person_id");
        public static readonly Column ClaPlacementStartDate = Table.Column("clap_cla_placement_start_date");
        public static readonly Column ClaPlacementEndDate = Table.Column("clap_cla_placement_end_date");
        public static readonly Column ClaPlacementType = Table.Column("clap_cla_placement_type");
    }

    /// <summary><c>ssd_legal_status</c>.</summary>
    public static class LegalStatus
    {
        public static readonly TableDef Table = new("ssd_legal_status", required: true, Dataset.LegalStatuses) { Periods = [("lega_legal_status_start_date", "lega_legal_status_end_date")] };

        public static readonly Column PersonId = Table.Column("lega_person_id");
        public static readonly Column Code = Table.Column("lega_legal_status");
        public static readonly Column LegalStatusStartDate = Table.Column("lega_legal_status_start_date");
        public static readonly Column LegalStatusEndDate = Table.Column("lega_legal_status_end_date");
    }

    /// <summary><c>ssd_cla_reviews</c>.</summary>
    public static class ClaReviews
    {
        public static readonly TableDef Table = new("ssd_cla_reviews", required: true, Dataset.LookedAfterReviews);

        public static readonly Column ClaReviewId = Table.Column("clar_cla_review_id");
        public static readonly Column ClaId = Table.Column("clar_cla_id");
        public static readonly Column ClaReviewDueDate = Table.Column("clar_cla_review_due_date");
        public static readonly Column ClaReviewDate = Table.Column("clar_cla_review_date");
        public static readonly Column ClaReviewCancelled = Table.Column("clar_cla_review_cancelled");
    }

    /// <summary><c>ssd_cla_visits</c>.</summary>
    public static class ClaVisits
    {
        public static readonly TableDef Table = new("ssd_cla_visits", required: true, Dataset.LookedAfterVisits) { References = [PeriodOfCare("clav_cla_id")] };

        public static readonly Column ClaVisitId = Table.Column("clav_cla_visit_id");
        public static readonly Column ClaId = Table.Column("clav_cla_id");
        public static readonly Column PersonId = Table.Column("clav_person_id");
        public static readonly Column ClaVisitDate = Table.Column("clav_cla_visit_date");
        public static readonly Column ClaVisitSeen = Table.Column("clav_cla_visit_seen");
        public static readonly Column ClaVisitSeenAlone = Table.Column("clav_cla_visit_seen_alone");
    }

    /// <summary><c>ssd_care_leavers</c>.</summary>
    public static class CareLeavers
    {
        public static readonly TableDef Table = new("ssd_care_leavers", required: true, Dataset.CareLeavers);

        public static readonly Column PersonId = Table.Column("clea_person_id");
        public static readonly Column CareLeaverLatestContact = Table.Column("clea_care_leaver_latest_contact");
        public static readonly Column PathwayPlanReviewDate = Table.Column("clea_pathway_plan_review_date");
        public static readonly Column CareLeaverWorkerId = Table.Column("clea_care_leaver_worker_id");
    }

    /// <summary><c>cc_meetings</c>.</summary>
    public static class CcMeetings
    {
        public static readonly TableDef Table = new("cc_meetings", required: false, Dataset.Meetings);

        public static readonly Column Id = Table.Column("meet_id");
        public static readonly Column PersonId = Table.Column("meet_person_id");
        public static readonly Column EpisodeId = Table.Column("meet_episode_id");
        public static readonly Column Type = Table.Column("meet_type");
        public static readonly Column Date = Table.Column("meet_date");
        public static readonly Column Cancelled = Table.Column("meet_cancelled");
    }

    /// <summary><c>cc_eh_assessments</c>.</summary>
    public static class CcEhAssessments
    {
        public static readonly TableDef Table = new("cc_eh_assessments", required: false, Dataset.EarlyHelpAssessments);

        public static readonly Column Id = Table.Column("ehas_id");
        public static readonly Column PersonId = Table.Column("ehas_person_id");
        public static readonly Column EpisodeId = Table.Column("ehas_episode_id");
        public static readonly Column StartDate = Table.Column("ehas_start_date");
        public static readonly Column CompletedDate = Table.Column("ehas_completed_date");
    }

    /// <summary><c>cc_eh_contacts</c>.</summary>
    public static class CcEhContacts
    {
        public static readonly TableDef Table = new("cc_eh_contacts", required: false, Dataset.EarlyHelpContacts);

        public static readonly Column Id = Table.Column("ehco_id");
        public static readonly Column PersonId = Table.Column("ehco_person_id");
        public static readonly Column EpisodeId = Table.Column("ehco_episode_id");
        public static readonly Column Type = Table.Column("ehco_type");
        public static readonly Column Date = Table.Column("ehco_date");
    }

    /// <summary><c>cc_contact_decisions</c>.</summary>
    public static class CcContactDecisions
    {
        public static readonly TableDef Table = new("cc_contact_decisions", required: false, Dataset.ContactDecisions) { Key = "cdec_contact_id" };

        public static readonly Column ContactId = Table.Column("cdec_contact_id");
        public static readonly Column ReceivedAt = Table.Column("cdec_received_at");
        public static readonly Column DecisionAt = Table.Column("cdec_decision_at");
    }

    /// <summary><c>cc_assessment_review_points</c>.</summary>
    public static class CcAssessmentReviewPoints
    {
        public static readonly TableDef Table = new("cc_assessment_review_points", required: false, Dataset.AssessmentReviewPoints);

        public static readonly Column AssessmentId = Table.Column("arp_assessment_id");
        public static readonly Column Date = Table.Column("arp_date");
    }

    /// <summary><c>cc_visit_details</c>.</summary>
    public static class CcVisitDetails
    {
        public static readonly TableDef Table = new("cc_visit_details", required: false, Dataset.VisitDetails);

        public static readonly Column VisitId = Table.Column("vdet_visit_id");
        public static readonly Column NotSeenAloneReason = Table.Column("vdet_not_seen_alone_reason");
        public static readonly Column RecordedDate = Table.Column("vdet_recorded_date");
    }

    /// <summary><c>cc_plan_visit_frequency</c>.</summary>
    public static class CcPlanVisitFrequency
    {
        public static readonly TableDef Table = new("cc_plan_visit_frequency", required: false, Dataset.PlanVisitFrequency);

        public static readonly Column PlanId = Table.Column("pvf_plan_id");
        public static readonly Column IntervalDays = Table.Column("pvf_interval_days");
        public static readonly Column Basis = Table.Column("pvf_basis");
    }

    /// <summary><c>cc_placement_details</c>.</summary>
    public static class CcPlacementDetails
    {
        public static readonly TableDef Table = new("cc_placement_details", required: false, Dataset.PlacementDetails);

        public static readonly Column PlacementId = Table.Column("pdet_placement_id");
        public static readonly Column LongTerm = Table.Column("pdet_long_term");
        public static readonly Column TemporaryApproval = Table.Column("pdet_temporary_approval");
        public static readonly Column CarerApprovedDate = Table.Column("pdet_carer_approved_date");
        public static readonly Column ReducedVisitsAgreed = Table.Column("pdet_reduced_visits_agreed");
        public static readonly Column AgreedIntervalDays = Table.Column("pdet_agreed_interval_days");
    }

    /// <summary><c>cc_private_fostering</c>.</summary>
    public static class CcPrivateFostering
    {
        public static readonly TableDef Table = new("cc_private_fostering", required: false, Dataset.PrivateFostering) { Periods = [("pfos_start_date", "pfos_end_date")] };

        public static readonly Column Id = Table.Column("pfos_id");
        public static readonly Column PersonId = Table.Column("pfos_person_id");
        public static readonly Column NotificationDate = Table.Column("pfos_notification_date");
        public static readonly Column StartDate = Table.Column("pfos_start_date");
        public static readonly Column EndDate = Table.Column("pfos_end_date");
    }

    /// <summary><c>cc_care_leaver_accommodation</c>.</summary>
    public static class CcCareLeaverAccommodation
    {
        public static readonly TableDef Table = new("cc_care_leaver_accommodation", required: false, Dataset.CareLeaverAccommodation) { Periods = [("clac_start_date", "clac_end_date")] };

        public static readonly Column PersonId = Table.Column("clac_person_id");
        public static readonly Column StartDate = Table.Column("clac_start_date");
        public static readonly Column EndDate = Table.Column("clac_end_date");
    }

    /// <summary><c>cc_visits</c>.</summary>
    public static class CcVisits
    {
        public static readonly TableDef Table = new("cc_visits", required: false, Dataset.OtherVisits);

        public static readonly Column Id = Table.Column("visi_id");
        public static readonly Column PersonId = Table.Column("visi_person_id");
        public static readonly Column EpisodeId = Table.Column("visi_episode_id");
        public static readonly Column Type = Table.Column("visi_type");
        public static readonly Column Date = Table.Column("visi_date");
        public static readonly Column Seen = Table.Column("visi_seen");
        public static readonly Column SeenAlone = Table.Column("visi_seen_alone");
    }

    /// <summary><c>cc_management_records</c>.</summary>
    public static class CcManagementRecords
    {
        public static readonly TableDef Table = new("cc_management_records", required: false, Dataset.ManagementRecords);

        public static readonly Column Id = Table.Column("mgmt_id");
        public static readonly Column PersonId = Table.Column("mgmt_person_id");
        public static readonly Column EpisodeId = Table.Column("mgmt_episode_id");
        public static readonly Column Type = Table.Column("mgmt_type");
        public static readonly Column Date = Table.Column("mgmt_date");
        public static readonly Column WorkerId = Table.Column("mgmt_worker_id");
    }

    /// <summary><c>cc_documents</c>.</summary>
    public static class CcDocuments
    {
        public static readonly TableDef Table = new("cc_documents", required: false, Dataset.Documents);

        public static readonly Column Id = Table.Column("doc_id");
        public static readonly Column PersonId = Table.Column("doc_person_id");
        public static readonly Column EpisodeId = Table.Column("doc_episode_id");
        public static readonly Column Type = Table.Column("doc_type");
        public static readonly Column Date = Table.Column("doc_date");
    }

    /// <summary><c>cc_audits</c>.</summary>
    public static class CcAudits
    {
        public static readonly TableDef Table = new("cc_audits", required: false, Dataset.Audits);

        public static readonly Column Id = Table.Column("aud_id");
        public static readonly Column PersonId = Table.Column("aud_person_id");
        public static readonly Column EpisodeId = Table.Column("aud_episode_id");
        public static readonly Column Date = Table.Column("aud_date");
        public static readonly Column Grade = Table.Column("aud_grade");
    }

    /// <summary><c>cc_audit_actions</c>.</summary>
    public static class CcAuditActions
    {
        public static readonly TableDef Table = new("cc_audit_actions", required: false, Dataset.AuditActions);

        public static readonly Column Id = Table.Column("act_id");
        public static readonly Column AuditId = Table.Column("act_audit_id");
        public static readonly Column Description = Table.Column("act_description");
        public static readonly Column Owner = Table.Column("act_owner");
        public static readonly Column DueDate = Table.Column("act_due_date");
        public static readonly Column CompletedDate = Table.Column("act_completed_date");
    }

    /// <summary><c>cc_person_details</c>.</summary>
    public static class CcPersonDetails
    {
        public static readonly TableDef Table = new("cc_person_details", required: false, Dataset.PersonDetails);

        public static readonly Column PersonId = Table.Column("pdet_person_id");
        public static readonly Column Telephone = Table.Column("pdet_telephone");
        public static readonly Column EthnicityDetail = Table.Column("pdet_ethnicity_detail");
        public static readonly Column PrimaryNeed = Table.Column("pdet_primary_need");
    }

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

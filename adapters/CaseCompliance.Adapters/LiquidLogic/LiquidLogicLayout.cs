using CaseCompliance.Adapters.Streaming;
using CaseCompliance.Domain;

namespace CaseCompliance.Adapters.LiquidLogic;

/// <summary>
/// The tables and columns the <c>liquidlogic</c> adapter reads: CSV exports of the Liquidlogic LCS/EHM reporting
/// warehouse (<c>HDM.Child_Social</c>), one file per table named after it, warehouse column names. The tables of
/// extracts.md are required; the others carry what the canonical record needs beyond them and are optional
/// (a missing one means "this source does not record that"), except where their absence would make a case look
/// compliant when it is not (addresses, disabilities, legal statuses, child in need plans, form answers).
/// </summary>
public static class LiquidLogicLayout
{
    public const string Person = "DIM_PERSON";
    public const string NoUpn = "FACT_903_DATA";
    public const string PersonDetails = "DIM_PERSON_DETAILS";
    public const string Address = "DIM_PERSON_ADDRESS";
    public const string Disability = "FACT_DISABILITY";
    public const string Department = "DIM_DEPARTMENT";
    public const string Worker = "DIM_WORKER";
    public const string Involvements = "FACT_INVOLVEMENTS";
    public const string Contacts = "FACT_CONTACTS";
    public const string CafEpisode = "FACT_CAF_EPISODE";
    public const string Referrals = "FACT_REFERRALS";
    public const string SingleAssessment = "FACT_SINGLE_ASSESSMENT";
    public const string FormAnswers = "FACT_FORM_ANSWERS";
    public const string S47 = "FACT_S47";
    public const string Meetings = "FACT_MEETINGS";
    public const string CpConference = "FACT_CP_CONFERENCE";
    public const string CpPlan = "FACT_CP_PLAN";
    public const string CarePlanSummary = "FACT_CARE_PLAN_SUMMARY";
    public const string CpReview = "FACT_CP_REVIEW";
    public const string Casenotes = "FACT_CASENOTES";
    public const string CpVisit = "FACT_CP_VISIT";
    public const string ClaVisit = "FACT_CLA_VISIT";
    public const string CareEpisodes = "FACT_CARE_EPISODES";
    public const string Placement = "FACT_CLA_PLACEMENT";
    public const string PlacementDetails = "FACT_CLA_PLACEMENT_DETAILS";
    public const string LegalStatus = "FACT_LEGAL_STATUS";
    public const string ClaReview = "FACT_CLA_REVIEW";
    public const string CareLeavers = "FACT_CLA_CARE_LEAVERS";
    public const string CareLeaverAccommodation = "FACT_CARE_LEAVER_ACCOMMODATION";
    public const string PrivateFostering = "FACT_PRIVATE_FOSTERING";
    public const string Forms = "FACT_FORMS";
    public const string AuditActions = "FACT_AUDIT_ACTIONS";

    public static readonly TableLayout[] Tables =
    [
        new(Person, true, [], ["DIM_PERSON_ID", "FORENAME", "SURNAME", "GENDER_MAIN_CODE", "ETHNICITY_MAIN_CODE", "BIRTH_DTTM", "DOB_ESTIMATED", "DEATH_DTTM", "UPN"]),
        new(NoUpn, false, [], ["DIM_PERSON_ID", "NO_UPN_CODE"]),
        new(PersonDetails, false, [Dataset.PersonDetails], ["DIM_PERSON_ID", "TELEPHONE_NO", "ETHNICITY_DETAIL", "DIM_LOOKUP_CATEGORY_OF_NEED_CODE"]),
        new(Address, true, [Dataset.Addresses], ["DIM_PERSON_ADDRESS_ID", "DIM_PERSON_ID", "HOUSE_NO", "STREET", "TOWN", "POSTCODE", "START_DTTM", "END_DTTM"]) { Periods = [("START_DTTM", "END_DTTM")] },
        new(Disability, true, [Dataset.Disabilities], ["FACT_DISABILITY_ID", "DIM_PERSON_ID", "DIM_LOOKUP_DISAB_CODE"]),
        new(Department, false, [], ["DIM_DEPARTMENT_ID", "NAME", "DEPT_ID"]),
        new(Worker, true, [], ["DIM_WORKER_ID", "WORKER_NAME", "JOB_TITLE", "DIM_DEPARTMENT_ID"]),
        new(Involvements, true, [Dataset.Allocations], ["FACT_INVOLVEMENTS_ID", "DIM_PERSON_ID", "DIM_WORKER_ID", "DIM_LOOKUP_INVOLVEMENT_TYPE_CODE", "DIM_DEPARTMENT_ID", "START_DTTM", "END_DTTM", "FACT_REFERRAL_ID", "FACT_CAF_EPISODE_ID"]) { Periods = [("START_DTTM", "END_DTTM")] },
        new(Contacts, true, [Dataset.Contacts], ["FACT_CONTACT_ID", "DIM_PERSON_ID", "CONTACT_DTTM", "FACT_FORM_ID"]),
        new(CafEpisode, true, [Dataset.EarlyHelpEpisodes], ["FACT_CAF_EPISODE_ID", "DIM_PERSON_ID", "EPISODE_START_DTTM", "EPISODE_END_DTTM", "DIM_WORKER_ID"]) { Periods = [("EPISODE_START_DTTM", "EPISODE_END_DTTM")] },
        new(Referrals, true, [Dataset.Referrals], ["FACT_REFERRAL_ID", "DIM_PERSON_ID", "REFRL_START_DTTM", "REFRL_END_DTTM", "DIM_LOOKUP_CATEGORY_OF_NEED_CODE", "OUTCOME_NFA_FLAG", "DIM_DEPARTMENT_ID", "DIM_WORKER_ID"]) { Periods = [("REFRL_START_DTTM", "REFRL_END_DTTM")] },
        new(SingleAssessment, true, [Dataset.SocialCareAssessments], ["FACT_SINGLE_ASSESSMENT_ID", "DIM_PERSON_ID", "FACT_REFERRAL_ID", "FACT_FORM_ID", "START_DTTM", "DIM_LOOKUP_STEP_SUBSTATUS_CODE"]),
        new(FormAnswers, true, [Dataset.ContactDecisions, Dataset.AssessmentReviewPoints, Dataset.PlanVisitFrequency], ["FACT_FORM_ANSWER_ID", "FACT_FORM_ID", "ANSWER_NO", "ANSWER"]),
        new(S47, true, [Dataset.S47Enquiries], ["FACT_S47_ID", "DIM_PERSON_ID", "FACT_REFERRAL_ID", "START_DTTM", "END_DTTM"]) { Periods = [("START_DTTM", "END_DTTM")] },
        new(Meetings, true, [Dataset.Meetings], ["FACT_MEETING_ID", "DIM_PERSON_ID", "DIM_LOOKUP_MTG_TYPE_ID_CODE", "MEETING_DTTM", "CANCELLED", "FACT_REFERRAL_ID", "FACT_CAF_EPISODE_ID", "FACT_CP_PLAN_ID"]) { SharedAcrossChildren = true },
        new(CpPlan, true, [Dataset.Plans], ["FACT_CP_PLAN_ID", "DIM_PERSON_ID", "FACT_REFERRAL_ID", "FACT_INITIAL_CP_CONFERENCE_ID", "FACT_FORM_ID", "START_DTTM", "END_DTTM"]) { Periods = [("START_DTTM", "END_DTTM")] },
        new(CpConference, true, [Dataset.InitialConferences], ["FACT_CP_CONFERENCE_ID", "DIM_PERSON_ID", "FACT_S47_ID", "FACT_REFERRAL_ID", "FACT_MEETING_ID", "TRANSFER_IN_FLAG"]) { SharedAcrossChildren = true },
        new(CarePlanSummary, true, [Dataset.Plans], ["FACT_CARE_PLAN_SUMMARY_ID", "DIM_PERSON_ID", "FACT_REFERRAL_ID", "FACT_FORM_ID", "DIM_LOOKUP_PLAN_TYPE_CODE", "DIM_LOOKUP_PLAN_STATUS_ID_CODE", "START_DTTM", "END_DTTM"]) { Periods = [("START_DTTM", "END_DTTM")] },
        new(CpReview, true, [Dataset.ChildProtectionReviews], ["FACT_CP_REVIEW_ID", "DIM_PERSON_ID", "FACT_CP_PLAN_ID", "DUE_DTTM", "MEETING_DTTM"]),
        new(Casenotes, true, [Dataset.ChildProtectionVisits, Dataset.ChildInNeedVisits, Dataset.LookedAfterVisits, Dataset.OtherVisits, Dataset.EarlyHelpContacts, Dataset.ManagementRecords, Dataset.VisitDetails],
            ["FACT_CASENOTE_ID", "DIM_PERSON_ID", "DIM_LOOKUP_CASNT_TYPE_ID_CODE", "EVENT_DTTM", "SEEN_FLAG", "SEEN_ALONE_FLAG", "NOT_SEEN_ALONE_REASON", "CREATED_DTTM", "FACT_REFERRAL_ID", "FACT_CAF_EPISODE_ID", "DIM_WORKER_ID"]),
        new(CpVisit, false, [], ["FACT_CP_VISIT_ID", "FACT_CASENOTE_ID", "FACT_CP_PLAN_ID"]) { References = [new("FACT_CP_PLAN_ID", "child protection plan", new ParentKey(CpPlan, "FACT_CP_PLAN_ID"))] },
        new(ClaVisit, false, [], ["FACT_CLA_VISIT_ID", "FACT_CASENOTE_ID", "FACT_CLA_ID"]) { References = [new("FACT_CLA_ID", "period of care", new ParentKey(CareEpisodes, "FACT_CLA_ID"), new ParentKey(CareEpisodes, "FACT_CARE_EPISODES_ID"))] },
        new(CareEpisodes, true, [Dataset.PeriodsOfCare], ["FACT_CARE_EPISODES_ID", "DIM_PERSON_ID", "FACT_CLA_ID", "FACT_REFERRAL_ID", "CARE_START_DATE", "CARE_END_DATE"]) { Periods = [("CARE_START_DATE", "CARE_END_DATE")] },
        new(Placement, true, [Dataset.Placements], ["FACT_CLA_PLACEMENT_ID", "DIM_PERSON_ID", "FACT_CLA_ID", "START_DTTM", "END_DTTM", "DIM_LOOKUP_PLACEMENT_TYPE_CODE"]) { Periods = [("START_DTTM", "END_DTTM")], References = [new("FACT_CLA_ID", "period of care", new ParentKey(CareEpisodes, "FACT_CLA_ID"), new ParentKey(CareEpisodes, "FACT_CARE_EPISODES_ID"))] },
        new(PlacementDetails, false, [Dataset.PlacementDetails], ["FACT_CLA_PLACEMENT_ID", "LONG_TERM_FLAG", "TEMPORARY_APPROVAL_FLAG", "CARER_APPROVED_DTTM", "REDUCED_VISITS_FLAG", "AGREED_VISIT_INTERVAL_DAYS"]),
        new(LegalStatus, true, [Dataset.LegalStatuses], ["FACT_LEGAL_STATUS_ID", "DIM_PERSON_ID", "DIM_LOOKUP_LGL_STATUS_CODE", "START_DTTM", "END_DTTM"]) { Periods = [("START_DTTM", "END_DTTM")] },
        new(ClaReview, true, [Dataset.LookedAfterReviews], ["FACT_CLA_REVIEW_ID", "DIM_PERSON_ID", "FACT_CLA_ID", "FACT_MEETING_ID", "DUE_DTTM", "MEETING_DTTM"]),
        new(CareLeavers, false, [Dataset.CareLeavers], ["FACT_CLA_CARE_LEAVERS_ID", "DIM_PERSON_ID", "IN_TOUCH_DTTM", "PATHWAY_PLAN_REVIEW_DTTM", "DIM_WORKER_ID"]),
        new(CareLeaverAccommodation, false, [Dataset.CareLeaverAccommodation], ["FACT_CARE_LEAVER_ACCOMMODATION_ID", "DIM_PERSON_ID", "START_DTTM", "END_DTTM"]) { Periods = [("START_DTTM", "END_DTTM")] },
        new(PrivateFostering, false, [Dataset.PrivateFostering], ["FACT_PRIVATE_FOSTERING_ID", "DIM_PERSON_ID", "NOTIFICATION_DTTM", "START_DTTM", "END_DTTM"]) { Periods = [("START_DTTM", "END_DTTM")] },
        new(Forms, false, [Dataset.EarlyHelpAssessments, Dataset.Documents, Dataset.Audits], ["FACT_FORM_ID", "DIM_PERSON_ID", "DIM_LOOKUP_FORM_TYPE_ID_CODE", "FACT_REFERRAL_ID", "FACT_CAF_EPISODE_ID", "START_DTTM", "COMPLETED_DTTM"]) { SharedAcrossChildren = true },
        new(AuditActions, false, [Dataset.AuditActions], ["FACT_AUDIT_ACTION_ID", "FACT_FORM_ID", "DESCRIPTION", "DIM_WORKER_ID", "DUE_DTTM", "COMPLETED_DTTM"]),
    ];

    /// <summary>Code list keys (<c>Sources:&lt;name&gt;:Codes:&lt;key&gt;</c>) and their shipped defaults.</summary>
    public static class Keys
    {
        public const string NullIds = "NullIds";
        public const string AllocationInvolvementTypes = "AllocationInvolvementTypes";
        public const string ExcludedAssessmentSubstatuses = "ExcludedAssessmentSubstatuses";
        public const string CinPlanTypes = "CinPlanTypes";
        public const string ExcludedPlanStatuses = "ExcludedPlanStatuses";
        public const string PlacementTypes = "PlacementTypes";
        public const string LegalStatuses = "LegalStatuses";

        public const string CpVisitCasenoteTypes = "CpVisitCasenoteTypes";
        public const string LacVisitCasenoteTypes = "LacVisitCasenoteTypes";
        public const string CinVisitCasenoteTypes = "CinVisitCasenoteTypes";
        public const string HomeVisitCasenoteTypes = "HomeVisitCasenoteTypes";
        public const string EarlyHelpContactCasenoteTypes = "EarlyHelpContactCasenoteTypes";
        public const string PrivateFosteringVisitCasenoteTypes = "PrivateFosteringVisitCasenoteTypes";
        public const string CareLeaverVisitCasenoteTypes = "CareLeaverVisitCasenoteTypes";
        public const string OversightCasenoteTypes = "OversightCasenoteTypes";
        public const string SupervisionCasenoteTypes = "SupervisionCasenoteTypes";
        public const string AuditDiscussionCasenoteTypes = "AuditDiscussionCasenoteTypes";
        public const string OtherCasenoteTypes = "OtherCasenoteTypes";

        public const string TafMeetingTypes = "TafMeetingTypes";
        public const string TafReviewMeetingTypes = "TafReviewMeetingTypes";
        public const string CoreGroupMeetingTypes = "CoreGroupMeetingTypes";
        public const string CinReviewMeetingTypes = "CinReviewMeetingTypes";
        public const string PathwayPlanReviewMeetingTypes = "PathwayPlanReviewMeetingTypes";
        public const string StrategyDiscussionMeetingTypes = "StrategyDiscussionMeetingTypes";
        public const string ConferenceMeetingTypes = "ConferenceMeetingTypes";
        public const string OtherMeetingTypes = "OtherMeetingTypes";

        public const string EarlyHelpAssessmentFormTypes = "EarlyHelpAssessmentFormTypes";
        public const string ConsentFormTypes = "ConsentFormTypes";
        public const string OutcomeStarFormTypes = "OutcomeStarFormTypes";
        public const string AuditFormTypes = "AuditFormTypes";
        public const string OtherFormTypes = "OtherFormTypes";

        public const string ContactDecisionAnswers = "ContactDecisionAnswers";
        public const string AssessmentAuthorisedAnswers = "AssessmentAuthorisedAnswers";
        public const string AssessmentChildSeenAnswers = "AssessmentChildSeenAnswers";
        public const string AssessmentReviewPointAnswers = "AssessmentReviewPointAnswers";
        public const string PlanVisitIntervalAnswers = "PlanVisitIntervalAnswers";
        public const string PlanVisitBasisAnswers = "PlanVisitBasisAnswers";
        public const string AuditGradeAnswers = "AuditGradeAnswers";
        public const string YesAnswers = "YesAnswers";
        public const string NoAnswers = "NoAnswers";
        public const string WorkingDayBases = "WorkingDayBases";
        public const string CalendarDayBases = "CalendarDayBases";
    }

    /// <summary>The shipped code lists (key → comma-separated codes); a key set in configuration replaces its list.</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultCodes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [Keys.NullIds] = "-1",
        [Keys.AllocationInvolvementTypes] = "CW,16PLUS",
        [Keys.ExcludedAssessmentSubstatuses] = "X,D",
        [Keys.CinPlanTypes] = "FP",
        [Keys.ExcludedPlanStatuses] = "z",
        [Keys.PlacementTypes] = SsdaCodes.PlacementTypes,
        [Keys.LegalStatuses] = SsdaCodes.LegalStatuses,

        [Keys.CpVisitCasenoteTypes] = "STVC",
        [Keys.LacVisitCasenoteTypes] = "STVL",
        [Keys.CinVisitCasenoteTypes] = "STAT,CNSTAT",
        [Keys.HomeVisitCasenoteTypes] = "HVIS",
        [Keys.EarlyHelpContactCasenoteTypes] = "EHCONT",
        [Keys.PrivateFosteringVisitCasenoteTypes] = "PFVIS",
        [Keys.CareLeaverVisitCasenoteTypes] = "CLVIS",
        [Keys.OversightCasenoteTypes] = "MGTOV",
        [Keys.SupervisionCasenoteTypes] = "SUPV",
        [Keys.AuditDiscussionCasenoteTypes] = "AUDDIS",
        [Keys.OtherCasenoteTypes] = "IRO,DRCT,SUPERCONT,CNSTATCOVID,STVCPCOVID,STVLCOVID,CNOTE,PHONE,EMAIL",

        [Keys.TafMeetingTypes] = "TAF",
        [Keys.TafReviewMeetingTypes] = "TAFReview",
        [Keys.CoreGroupMeetingTypes] = "CoreGroup",
        [Keys.CinReviewMeetingTypes] = "CINReview",
        [Keys.PathwayPlanReviewMeetingTypes] = "PathwayPlanReview",
        [Keys.StrategyDiscussionMeetingTypes] = "StrategyDiscussion",
        [Keys.ConferenceMeetingTypes] = "CPConference,CPReview,LACReview",
        [Keys.OtherMeetingTypes] = "FGC,PLO,ProfMeeting",

        [Keys.EarlyHelpAssessmentFormTypes] = "EHA",
        [Keys.ConsentFormTypes] = "EHCONSENT",
        [Keys.OutcomeStarFormTypes] = "OSTAR",
        [Keys.AuditFormTypes] = "CASEAUDIT",
        [Keys.OtherFormTypes] = "SA,CONTACT,CINPLAN,CPPLAN",

        [Keys.ContactDecisionAnswers] = "FormEndDate",
        [Keys.AssessmentAuthorisedAnswers] = "FormEndDate",
        [Keys.AssessmentChildSeenAnswers] = "seenYN",
        [Keys.AssessmentReviewPointAnswers] = "ReviewPointDate",
        [Keys.PlanVisitIntervalAnswers] = "VisitFrequencyDays",
        [Keys.PlanVisitBasisAnswers] = "VisitFrequencyBasis",
        [Keys.AuditGradeAnswers] = "AuditGrade",
        [Keys.YesAnswers] = "Yes,Y",
        [Keys.NoAnswers] = "No,N",
        [Keys.WorkingDayBases] = "Working days,working",
        [Keys.CalendarDayBases] = "Calendar days,calendar",
    };

    /// <summary>"Any other code": in an <c>Other…Types</c> list, accepts every code not mapped to a kind.</summary>
    public const string AnyOtherCode = "*";

    /// <summary>
    /// How each table links to a child, for streaming: a table with <c>DIM_PERSON_ID</c> by that column; form answers
    /// by the form (<c>FACT_FORM_ID</c>) of the contact, assessment, plan or form that names it; audit actions by their
    /// audit form; the CP and LAC visit links by their casenote; placement details by their placement. Workers and
    /// departments are the directory. The warehouse's <c>-1</c> names no record.
    /// </summary>
    public static readonly StreamLayout Stream = new(Person, "DIM_PERSON_ID",
        Tables.Skip(1).Where(t => t.Columns.Contains("DIM_PERSON_ID"))
            .Select(t => KeyValuePair.Create(t.Name, (TableLink)new PersonLink("DIM_PERSON_ID")))
            .Concat(new Dictionary<string, TableLink>
            {
                [FormAnswers] = new ParentLink("FACT_FORM_ID",
                    [.. Tables.Skip(1).Where(t => t.Columns.Contains("DIM_PERSON_ID") && t.Columns.Contains("FACT_FORM_ID"))
                        .Select(t => new ParentKey(t.Name, "FACT_FORM_ID"))]),
                [AuditActions] = new ParentLink("FACT_FORM_ID", new ParentKey(Forms, "FACT_FORM_ID")),
                [CpVisit] = new ParentLink("FACT_CASENOTE_ID", new ParentKey(Casenotes, "FACT_CASENOTE_ID")),
                [ClaVisit] = new ParentLink("FACT_CASENOTE_ID", new ParentKey(Casenotes, "FACT_CASENOTE_ID")),
                [PlacementDetails] = new ParentLink("FACT_CLA_PLACEMENT_ID", new ParentKey(Placement, "FACT_CLA_PLACEMENT_ID")),
            })
            .ToDictionary(StringComparer.OrdinalIgnoreCase),
        [Department, Worker])
    {
        NullKeys = DefaultCodes[Keys.NullIds].Split(',').ToHashSet(StringComparer.Ordinal),
    };
}

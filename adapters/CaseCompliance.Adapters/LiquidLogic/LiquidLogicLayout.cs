using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Streaming;
using CaseCompliance.Domain;

namespace CaseCompliance.Adapters.LiquidLogic;

/// <summary>
/// The tables and columns the <c>liquidlogic</c> adapter reads: CSV exports of the Liquidlogic LCS/EHM reporting
/// warehouse (<c>HDM.Child_Social</c>), one file per table named after it, warehouse column names. The tables of
/// extracts.md are required; the others carry what the canonical record needs beyond them and are optional
/// (a missing one means "this source does not record that"), except where their absence would make a case look
/// compliant when it is not (addresses, disabilities, legal statuses, child in need plans, form answers).
/// <para>
/// Each table is a nested class whose fields are its columns, in the order of the warehouse header; a column's
/// handle is its warehouse name in Pascal case without <c>DIM_</c> or <c>FACT_</c> (<c>DIM_PERSON_ID</c> is
/// <c>PersonId</c>, <c>DIM_LOOKUP_DISAB_CODE</c> is <c>LookupDisabCode</c>).
/// </para>
/// </summary>
public static class LiquidLogicLayout
{
    /// <summary>Every table, the person table first, in the order of docs/sources/liquidlogic.md.</summary>
    public static readonly TableLayout[] Tables =
    [
        Person.Table.Layout,
        NoUpn.Table.Layout,
        PersonDetails.Table.Layout,
        Address.Table.Layout,
        Disability.Table.Layout,
        Department.Table.Layout,
        Worker.Table.Layout,
        Involvements.Table.Layout,
        Contacts.Table.Layout,
        CafEpisode.Table.Layout,
        Referrals.Table.Layout,
        SingleAssessment.Table.Layout,
        FormAnswers.Table.Layout,
        S47.Table.Layout,
        Meetings.Table.Layout,
        CpPlan.Table.Layout,
        CpConference.Table.Layout,
        CarePlanSummary.Table.Layout,
        CpReview.Table.Layout,
        Casenotes.Table.Layout,
        CpVisit.Table.Layout,
        ClaVisit.Table.Layout,
        CareEpisodes.Table.Layout,
        Placement.Table.Layout,
        PlacementDetails.Table.Layout,
        LegalStatus.Table.Layout,
        ClaReview.Table.Layout,
        CareLeavers.Table.Layout,
        CareLeaverAccommodation.Table.Layout,
        PrivateFostering.Table.Layout,
        Forms.Table.Layout,
        AuditActions.Table.Layout,
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

    /// <summary>
    /// How each table links to a child, for streaming: a table with <c>DIM_PERSON_ID</c> by that column; form answers
    /// by the form (<c>FACT_FORM_ID</c>) of the contact, assessment, plan or form that names it; audit actions by their
    /// audit form; the CP and LAC visit links by their casenote; placement details by their placement. Workers and
    /// departments are the directory. The warehouse's <c>-1</c> names no record.
    /// </summary>
    public static readonly StreamLayout Stream = new(Person.Table, Person.PersonId,
        Tables.Skip(1).Where(t => t.Columns.Contains(Person.PersonId.Name))
            .Select(t => KeyValuePair.Create(t.Name, (TableLink)new PersonLink(Person.PersonId)))
            .Concat(new Dictionary<string, TableLink>
            {
                [FormAnswers.Table] = new ParentLink(FormAnswers.FormId,
                    [.. Tables.Skip(1).Where(t => t.Columns.Contains(Person.PersonId.Name) && t.Columns.Contains(FormAnswers.FormId.Name))
                        .Select(t => new ParentKey(t.Name, FormAnswers.FormId))]),
                [AuditActions.Table] = new ParentLink(AuditActions.FormId, new ParentKey(Forms.Table, Forms.FormId)),
                [CpVisit.Table] = new ParentLink(CpVisit.CasenoteId, new ParentKey(Casenotes.Table, Casenotes.CasenoteId)),
                [ClaVisit.Table] = new ParentLink(ClaVisit.CasenoteId, new ParentKey(Casenotes.Table, Casenotes.CasenoteId)),
                [PlacementDetails.Table] = new ParentLink(PlacementDetails.ClaPlacementId, new ParentKey(Placement.Table, Placement.ClaPlacementId)),
            })
            .ToDictionary(StringComparer.OrdinalIgnoreCase),
        [Department.Table, Worker.Table])
    {
        NullKeys = DefaultCodes[Keys.NullIds].Split(',').ToHashSet(StringComparer.Ordinal),
    };

    /// <summary><c>DIM_PERSON</c>.</summary>
    public static class Person
    {
        public static readonly TableDef Table = new("DIM_PERSON", required: true, Dataset.PersonNames);

        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column Forename = Table.Column("FORENAME");
        public static readonly Column Surname = Table.Column("SURNAME");
        public static readonly Column GenderMainCode = Table.Column("GENDER_MAIN_CODE");
        public static readonly Column EthnicityMainCode = Table.Column("ETHNICITY_MAIN_CODE");
        public static readonly Column BirthDttm = Table.Column("BIRTH_DTTM");
        public static readonly Column DobEstimated = Table.Column("DOB_ESTIMATED");
        public static readonly Column DeathDttm = Table.Column("DEATH_DTTM");
        public static readonly Column Upn = Table.Column("UPN");
    }

    /// <summary><c>FACT_903_DATA</c>.</summary>
    public static class NoUpn
    {
        public static readonly TableDef Table = new("FACT_903_DATA", required: false);

        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column NoUpnCode = Table.Column("NO_UPN_CODE");
    }

    /// <summary><c>DIM_PERSON_DETAILS</c>.</summary>
    public static class PersonDetails
    {
        public static readonly TableDef Table = new("DIM_PERSON_DETAILS", required: false, Dataset.PersonDetails);

        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column TelephoneNo = Table.Column("TELEPHONE_NO");
        public static readonly Column EthnicityDetail = Table.Column("ETHNICITY_DETAIL");
        public static readonly Column LookupCategoryOfNeedCode = Table.Column("DIM_LOOKUP_CATEGORY_OF_NEED_CODE");
    }

    /// <summary><c>DIM_PERSON_ADDRESS</c>.</summary>
    public static class Address
    {
        public static readonly TableDef Table = new("DIM_PERSON_ADDRESS", required: true, Dataset.Addresses) { Periods = [("START_DTTM", "END_DTTM")] };

        public static readonly Column PersonAddressId = Table.Column("DIM_PERSON_ADDRESS_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column HouseNo = Table.Column("HOUSE_NO");
        public static readonly Column Street = Table.Column("STREET");
        public static readonly Column Town = Table.Column("TOWN");
        public static readonly Column Postcode = Table.Column("POSTCODE");
        public static readonly Column StartDttm = Table.Column("START_DTTM");
        public static readonly Column EndDttm = Table.Column("END_DTTM");
    }

    /// <summary><c>FACT_DISABILITY</c>.</summary>
    public static class Disability
    {
        public static readonly TableDef Table = new("FACT_DISABILITY", required: true, Dataset.Disabilities);

        public static readonly Column DisabilityId = Table.Column("FACT_DISABILITY_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column LookupDisabCode = Table.Column("DIM_LOOKUP_DISAB_CODE");
    }

    /// <summary><c>DIM_DEPARTMENT</c>.</summary>
    public static class Department
    {
        public static readonly TableDef Table = new("DIM_DEPARTMENT", required: false);

        public static readonly Column DepartmentId = Table.Column("DIM_DEPARTMENT_ID");
        public static readonly Column Name = Table.Column("NAME");
        public static readonly Column DeptId = Table.Column("DEPT_ID");
    }

    /// <summary><c>DIM_WORKER</c>.</summary>
    public static class Worker
    {
        public static readonly TableDef Table = new("DIM_WORKER", required: true);

        public static readonly Column WorkerId = Table.Column("DIM_WORKER_ID");
        public static readonly Column WorkerName = Table.Column("WORKER_NAME");
        public static readonly Column JobTitle = Table.Column("JOB_TITLE");
        public static readonly Column DepartmentId = Table.Column("DIM_DEPARTMENT_ID");
    }

    /// <summary><c>FACT_INVOLVEMENTS</c>.</summary>
    public static class Involvements
    {
        public static readonly TableDef Table = new("FACT_INVOLVEMENTS", required: true, Dataset.Allocations) { Periods = [("START_DTTM", "END_DTTM")] };

        public static readonly Column InvolvementsId = Table.Column("FACT_INVOLVEMENTS_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column WorkerId = Table.Column("DIM_WORKER_ID");
        public static readonly Column LookupInvolvementTypeCode = Table.Column("DIM_LOOKUP_INVOLVEMENT_TYPE_CODE");
        public static readonly Column DepartmentId = Table.Column("DIM_DEPARTMENT_ID");
        public static readonly Column StartDttm = Table.Column("START_DTTM");
        public static readonly Column EndDttm = Table.Column("END_DTTM");
        public static readonly Column ReferralId = Table.Column("FACT_REFERRAL_ID");
        public static readonly Column CafEpisodeId = Table.Column("FACT_CAF_EPISODE_ID");
    }

    /// <summary><c>FACT_CONTACTS</c>.</summary>
    public static class Contacts
    {
        public static readonly TableDef Table = new("FACT_CONTACTS", required: true, Dataset.Contacts);

        public static readonly Column ContactId = Table.Column("FACT_CONTACT_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column ContactDttm = Table.Column("CONTACT_DTTM");
        public static readonly Column FormId = Table.Column("FACT_FORM_ID");
    }

    /// <summary><c>FACT_CAF_EPISODE</c>.</summary>
    public static class CafEpisode
    {
        public static readonly TableDef Table = new("FACT_CAF_EPISODE", required: true, Dataset.EarlyHelpEpisodes) { Periods = [("EPISODE_START_DTTM", "EPISODE_END_DTTM")] };

        public static readonly Column CafEpisodeId = Table.Column("FACT_CAF_EPISODE_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column EpisodeStartDttm = Table.Column("EPISODE_START_DTTM");
        public static readonly Column EpisodeEndDttm = Table.Column("EPISODE_END_DTTM");
        public static readonly Column WorkerId = Table.Column("DIM_WORKER_ID");
    }

    /// <summary><c>FACT_REFERRALS</c>.</summary>
    public static class Referrals
    {
        public static readonly TableDef Table = new("FACT_REFERRALS", required: true, Dataset.Referrals) { Periods = [("REFRL_START_DTTM", "REFRL_END_DTTM")] };

        public static readonly Column ReferralId = Table.Column("FACT_REFERRAL_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column RefrlStartDttm = Table.Column("REFRL_START_DTTM");
        public static readonly Column RefrlEndDttm = Table.Column("REFRL_END_DTTM");
        public static readonly Column LookupCategoryOfNeedCode = Table.Column("DIM_LOOKUP_CATEGORY_OF_NEED_CODE");
        public static readonly Column OutcomeNfaFlag = Table.Column("OUTCOME_NFA_FLAG");
        public static readonly Column DepartmentId = Table.Column("DIM_DEPARTMENT_ID");
        public static readonly Column WorkerId = Table.Column("DIM_WORKER_ID");
    }

    /// <summary><c>FACT_SINGLE_ASSESSMENT</c>.</summary>
    public static class SingleAssessment
    {
        public static readonly TableDef Table = new("FACT_SINGLE_ASSESSMENT", required: true, Dataset.SocialCareAssessments);

        public static readonly Column SingleAssessmentId = Table.Column("FACT_SINGLE_ASSESSMENT_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column ReferralId = Table.Column("FACT_REFERRAL_ID");
        public static readonly Column FormId = Table.Column("FACT_FORM_ID");
        public static readonly Column StartDttm = Table.Column("START_DTTM");
        public static readonly Column LookupStepSubstatusCode = Table.Column("DIM_LOOKUP_STEP_SUBSTATUS_CODE");
    }

    /// <summary><c>FACT_FORM_ANSWERS</c>.</summary>
    public static class FormAnswers
    {
        public static readonly TableDef Table = new("FACT_FORM_ANSWERS", required: true,
            Dataset.ContactDecisions, Dataset.AssessmentReviewPoints, Dataset.PlanVisitFrequency);

        public static readonly Column FormAnswerId = Table.Column("FACT_FORM_ANSWER_ID");
        public static readonly Column FormId = Table.Column("FACT_FORM_ID");
        public static readonly Column AnswerNo = Table.Column("ANSWER_NO");
        public static readonly Column Answer = Table.Column("ANSWER");
    }

    /// <summary><c>FACT_S47</c>.</summary>
    public static class S47
    {
        public static readonly TableDef Table = new("FACT_S47", required: true, Dataset.S47Enquiries) { Periods = [("START_DTTM", "END_DTTM")] };

        public static readonly Column S47Id = Table.Column("FACT_S47_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column ReferralId = Table.Column("FACT_REFERRAL_ID");
        public static readonly Column StartDttm = Table.Column("START_DTTM");
        public static readonly Column EndDttm = Table.Column("END_DTTM");
    }

    /// <summary><c>FACT_MEETINGS</c>.</summary>
    public static class Meetings
    {
        public static readonly TableDef Table = new("FACT_MEETINGS", required: true, Dataset.Meetings) { SharedAcrossChildren = true };

        public static readonly Column MeetingId = Table.Column("FACT_MEETING_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column LookupMtgTypeIdCode = Table.Column("DIM_LOOKUP_MTG_TYPE_ID_CODE");
        public static readonly Column MeetingDttm = Table.Column("MEETING_DTTM");
        public static readonly Column Cancelled = Table.Column("CANCELLED");
        public static readonly Column ReferralId = Table.Column("FACT_REFERRAL_ID");
        public static readonly Column CafEpisodeId = Table.Column("FACT_CAF_EPISODE_ID");
        public static readonly Column CpPlanId = Table.Column("FACT_CP_PLAN_ID");
    }

    /// <summary><c>FACT_CP_PLAN</c>.</summary>
    public static class CpPlan
    {
        public static readonly TableDef Table = new("FACT_CP_PLAN", required: true, Dataset.Plans) { Periods = [("START_DTTM", "END_DTTM")] };

        public static readonly Column CpPlanId = Table.Column("FACT_CP_PLAN_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column ReferralId = Table.Column("FACT_REFERRAL_ID");
        public static readonly Column InitialCpConferenceId = Table.Column("FACT_INITIAL_CP_CONFERENCE_ID");
        public static readonly Column FormId = Table.Column("FACT_FORM_ID");
        public static readonly Column StartDttm = Table.Column("START_DTTM");
        public static readonly Column EndDttm = Table.Column("END_DTTM");
    }

    /// <summary><c>FACT_CP_CONFERENCE</c>.</summary>
    public static class CpConference
    {
        public static readonly TableDef Table = new("FACT_CP_CONFERENCE", required: true, Dataset.InitialConferences) { SharedAcrossChildren = true };

        public static readonly Column CpConferenceId = Table.Column("FACT_CP_CONFERENCE_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column S47Id = Table.Column("FACT_S47_ID");
        public static readonly Column ReferralId = Table.Column("FACT_REFERRAL_ID");
        public static readonly Column MeetingId = Table.Column("FACT_MEETING_ID");
        public static readonly Column TransferInFlag = Table.Column("TRANSFER_IN_FLAG");
    }

    /// <summary><c>FACT_CARE_PLAN_SUMMARY</c>.</summary>
    public static class CarePlanSummary
    {
        public static readonly TableDef Table = new("FACT_CARE_PLAN_SUMMARY", required: true, Dataset.Plans) { Periods = [("START_DTTM", "END_DTTM")] };

        public static readonly Column CarePlanSummaryId = Table.Column("FACT_CARE_PLAN_SUMMARY_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column ReferralId = Table.Column("FACT_REFERRAL_ID");
        public static readonly Column FormId = Table.Column("FACT_FORM_ID");
        public static readonly Column LookupPlanTypeCode = Table.Column("DIM_LOOKUP_PLAN_TYPE_CODE");
        public static readonly Column LookupPlanStatusIdCode = Table.Column("DIM_LOOKUP_PLAN_STATUS_ID_CODE");
        public static readonly Column StartDttm = Table.Column("START_DTTM");
        public static readonly Column EndDttm = Table.Column("END_DTTM");
    }

    /// <summary><c>FACT_CP_REVIEW</c>.</summary>
    public static class CpReview
    {
        public static readonly TableDef Table = new("FACT_CP_REVIEW", required: true, Dataset.ChildProtectionReviews);

        public static readonly Column CpReviewId = Table.Column("FACT_CP_REVIEW_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column CpPlanId = Table.Column("FACT_CP_PLAN_ID");
        public static readonly Column DueDttm = Table.Column("DUE_DTTM");
        public static readonly Column MeetingDttm = Table.Column("MEETING_DTTM");
    }

    /// <summary><c>FACT_CASENOTES</c>.</summary>
    public static class Casenotes
    {
        public static readonly TableDef Table = new("FACT_CASENOTES", required: true, Dataset.ChildProtectionVisits,
            Dataset.ChildInNeedVisits, Dataset.LookedAfterVisits, Dataset.OtherVisits, Dataset.EarlyHelpContacts,
            Dataset.ManagementRecords, Dataset.VisitDetails);

        public static readonly Column CasenoteId = Table.Column("FACT_CASENOTE_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column LookupCasntTypeIdCode = Table.Column("DIM_LOOKUP_CASNT_TYPE_ID_CODE");
        public static readonly Column EventDttm = Table.Column("EVENT_DTTM");
        public static readonly Column SeenFlag = Table.Column("SEEN_FLAG");
        public static readonly Column SeenAloneFlag = Table.Column("SEEN_ALONE_FLAG");
        public static readonly Column NotSeenAloneReason = Table.Column("NOT_SEEN_ALONE_REASON");
        public static readonly Column CreatedDttm = Table.Column("CREATED_DTTM");
        public static readonly Column ReferralId = Table.Column("FACT_REFERRAL_ID");
        public static readonly Column CafEpisodeId = Table.Column("FACT_CAF_EPISODE_ID");
        public static readonly Column WorkerId = Table.Column("DIM_WORKER_ID");
    }

    /// <summary><c>FACT_CP_VISIT</c>.</summary>
    public static class CpVisit
    {
        public static readonly TableDef Table = new("FACT_CP_VISIT", required: false)
        {
            References = [new("FACT_CP_PLAN_ID", "child protection plan", new ParentKey(CpPlan.Table, CpPlan.CpPlanId))],
        };

        public static readonly Column CpVisitId = Table.Column("FACT_CP_VISIT_ID");
        public static readonly Column CasenoteId = Table.Column("FACT_CASENOTE_ID");
        public static readonly Column CpPlanId = Table.Column("FACT_CP_PLAN_ID");
    }

    /// <summary><c>FACT_CLA_VISIT</c>.</summary>
    public static class ClaVisit
    {
        public static readonly TableDef Table = new("FACT_CLA_VISIT", required: false) { References = [CareEpisodes.PeriodOfCare("FACT_CLA_ID")] };

        public static readonly Column ClaVisitId = Table.Column("FACT_CLA_VISIT_ID");
        public static readonly Column CasenoteId = Table.Column("FACT_CASENOTE_ID");
        public static readonly Column ClaId = Table.Column("FACT_CLA_ID");
    }

    /// <summary><c>FACT_CARE_EPISODES</c>.</summary>
    public static class CareEpisodes
    {
        public static readonly TableDef Table = new("FACT_CARE_EPISODES", required: true, Dataset.PeriodsOfCare) { Periods = [("CARE_START_DATE", "CARE_END_DATE")] };

        public static readonly Column CareEpisodesId = Table.Column("FACT_CARE_EPISODES_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column ClaId = Table.Column("FACT_CLA_ID");
        public static readonly Column ReferralId = Table.Column("FACT_REFERRAL_ID");
        public static readonly Column CareStartDate = Table.Column("CARE_START_DATE");
        public static readonly Column CareEndDate = Table.Column("CARE_END_DATE");

        /// <summary>A column naming a period of care: by <c>FACT_CLA_ID</c>, or by an episode id where a period has one episode.</summary>
        public static Reference PeriodOfCare(string column) =>
            new(column, "period of care", new ParentKey(Table, ClaId), new ParentKey(Table, CareEpisodesId));
    }

    /// <summary><c>FACT_CLA_PLACEMENT</c>.</summary>
    public static class Placement
    {
        public static readonly TableDef Table = new("FACT_CLA_PLACEMENT", required: true, Dataset.Placements)
        {
            Periods = [("START_DTTM", "END_DTTM")],
            References = [CareEpisodes.PeriodOfCare("FACT_CLA_ID")],
        };

        public static readonly Column ClaPlacementId = Table.Column("FACT_CLA_PLACEMENT_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column ClaId = Table.Column("FACT_CLA_ID");
        public static readonly Column StartDttm = Table.Column("START_DTTM");
        public static readonly Column EndDttm = Table.Column("END_DTTM");
        public static readonly Column LookupPlacementTypeCode = Table.Column("DIM_LOOKUP_PLACEMENT_TYPE_CODE");
    }

    /// <summary><c>FACT_CLA_PLACEMENT_DETAILS</c>.</summary>
    public static class PlacementDetails
    {
        public static readonly TableDef Table = new("FACT_CLA_PLACEMENT_DETAILS", required: false, Dataset.PlacementDetails);

        public static readonly Column ClaPlacementId = Table.Column("FACT_CLA_PLACEMENT_ID");
        public static readonly Column LongTermFlag = Table.Column("LONG_TERM_FLAG");
        public static readonly Column TemporaryApprovalFlag = Table.Column("TEMPORARY_APPROVAL_FLAG");
        public static readonly Column CarerApprovedDttm = Table.Column("CARER_APPROVED_DTTM");
        public static readonly Column ReducedVisitsFlag = Table.Column("REDUCED_VISITS_FLAG");
        public static readonly Column AgreedVisitIntervalDays = Table.Column("AGREED_VISIT_INTERVAL_DAYS");
    }

    /// <summary><c>FACT_LEGAL_STATUS</c>.</summary>
    public static class LegalStatus
    {
        public static readonly TableDef Table = new("FACT_LEGAL_STATUS", required: true, Dataset.LegalStatuses) { Periods = [("START_DTTM", "END_DTTM")] };

        public static readonly Column LegalStatusId = Table.Column("FACT_LEGAL_STATUS_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column LookupLglStatusCode = Table.Column("DIM_LOOKUP_LGL_STATUS_CODE");
        public static readonly Column StartDttm = Table.Column("START_DTTM");
        public static readonly Column EndDttm = Table.Column("END_DTTM");
    }

    /// <summary><c>FACT_CLA_REVIEW</c>.</summary>
    public static class ClaReview
    {
        public static readonly TableDef Table = new("FACT_CLA_REVIEW", required: true, Dataset.LookedAfterReviews);

        public static readonly Column ClaReviewId = Table.Column("FACT_CLA_REVIEW_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column ClaId = Table.Column("FACT_CLA_ID");
        public static readonly Column MeetingId = Table.Column("FACT_MEETING_ID");
        public static readonly Column DueDttm = Table.Column("DUE_DTTM");
        public static readonly Column MeetingDttm = Table.Column("MEETING_DTTM");
    }

    /// <summary><c>FACT_CLA_CARE_LEAVERS</c>.</summary>
    public static class CareLeavers
    {
        public static readonly TableDef Table = new("FACT_CLA_CARE_LEAVERS", required: false, Dataset.CareLeavers);

        public static readonly Column ClaCareLeaversId = Table.Column("FACT_CLA_CARE_LEAVERS_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column InTouchDttm = Table.Column("IN_TOUCH_DTTM");
        public static readonly Column PathwayPlanReviewDttm = Table.Column("PATHWAY_PLAN_REVIEW_DTTM");
        public static readonly Column WorkerId = Table.Column("DIM_WORKER_ID");
    }

    /// <summary><c>FACT_CARE_LEAVER_ACCOMMODATION</c>.</summary>
    public static class CareLeaverAccommodation
    {
        public static readonly TableDef Table = new("FACT_CARE_LEAVER_ACCOMMODATION", required: false, Dataset.CareLeaverAccommodation) { Periods = [("START_DTTM", "END_DTTM")] };

        public static readonly Column CareLeaverAccommodationId = Table.Column("FACT_CARE_LEAVER_ACCOMMODATION_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column StartDttm = Table.Column("START_DTTM");
        public static readonly Column EndDttm = Table.Column("END_DTTM");
    }

    /// <summary><c>FACT_PRIVATE_FOSTERING</c>.</summary>
    public static class PrivateFostering
    {
        public static readonly TableDef Table = new("FACT_PRIVATE_FOSTERING", required: false, Dataset.PrivateFostering) { Periods = [("START_DTTM", "END_DTTM")] };

        public static readonly Column PrivateFosteringId = Table.Column("FACT_PRIVATE_FOSTERING_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column NotificationDttm = Table.Column("NOTIFICATION_DTTM");
        public static readonly Column StartDttm = Table.Column("START_DTTM");
        public static readonly Column EndDttm = Table.Column("END_DTTM");
    }

    /// <summary><c>FACT_FORMS</c>.</summary>
    public static class Forms
    {
        public static readonly TableDef Table = new("FACT_FORMS", required: false, Dataset.EarlyHelpAssessments, Dataset.Documents, Dataset.Audits) { SharedAcrossChildren = true };

        public static readonly Column FormId = Table.Column("FACT_FORM_ID");
        public static readonly Column PersonId = Table.Column("DIM_PERSON_ID");
        public static readonly Column LookupFormTypeIdCode = Table.Column("DIM_LOOKUP_FORM_TYPE_ID_CODE");
        public static readonly Column ReferralId = Table.Column("FACT_REFERRAL_ID");
        public static readonly Column CafEpisodeId = Table.Column("FACT_CAF_EPISODE_ID");
        public static readonly Column StartDttm = Table.Column("START_DTTM");
        public static readonly Column CompletedDttm = Table.Column("COMPLETED_DTTM");
    }

    /// <summary><c>FACT_AUDIT_ACTIONS</c>.</summary>
    public static class AuditActions
    {
        public static readonly TableDef Table = new("FACT_AUDIT_ACTIONS", required: false, Dataset.AuditActions);

        public static readonly Column AuditActionId = Table.Column("FACT_AUDIT_ACTION_ID");
        public static readonly Column FormId = Table.Column("FACT_FORM_ID");
        public static readonly Column Description = Table.Column("DESCRIPTION");
        public static readonly Column WorkerId = Table.Column("DIM_WORKER_ID");
        public static readonly Column DueDttm = Table.Column("DUE_DTTM");
        public static readonly Column CompletedDttm = Table.Column("COMPLETED_DTTM");
    }
}

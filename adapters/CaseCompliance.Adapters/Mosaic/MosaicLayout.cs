using CaseCompliance.Adapters.Streaming;
using CaseCompliance.Domain;

namespace CaseCompliance.Adapters.Mosaic;

/// <summary>The kinds of workflow step the <c>mosaic</c> adapter turns into canonical records.</summary>
public enum StepKind
{
    Contact,
    EhReferralDecision,
    EhContact,
    EhHomeVisit,
    EhFamilyAssessment,
    EhTafMeeting,
    EhTafReview,
    EhConsent,
    EhOutcomeStar,
    EhClosure,
    Assessment,
    StrategyDiscussion,
    S47Enquiry,
    Icpc,
    TransferInConference,
    CpReviewConference,
    CoreGroup,
    CpVisit,
    CinPlan,
    CinReview,
    CinVisit,
    LacVisit,
    LacReview,
    PrivateFostering,
    PrivateFosteringVisit,
    CareLeaver,
    CareLeaverAccommodation,
    CareLeaverVisit,
    PathwayPlanReview,
    Oversight,
    Supervision,
    AuditDiscussion,
    CaseAudit,
}

/// <summary>A step kind: its configuration key, shipped step type ids, and what it records.</summary>
public sealed record StepKindInfo(StepKind Kind, string Key, string DefaultTypes, string Description, Dataset[] Records);

/// <summary>
/// The default layout of the Mosaic data warehouse export the <c>mosaic</c> adapter reads (extracts.md, mosaic):
/// tables, columns, workflow step type ids, form question user codes and code lists. Every one of them is
/// configuration (<c>Tables</c>, <c>Columns</c>, <c>Codes</c>); docs/sources/mosaic.md lists them.
/// </summary>
public static class MosaicLayout
{
    public const string Persons = "dm_persons";
    public const string Addresses = "dm_addresses";
    public const string Telephones = "dm_telephone_numbers";
    public const string Disabilities = "dm_disabilities";
    public const string ServiceUserGroups = "dm_service_user_groups";
    public const string Organisations = "dm_organisations";
    public const string Workers = "dm_workers";
    public const string WorkerRoles = "dm_worker_roles";
    public const string ProfRelationships = "dm_prof_relationships";
    public const string Referrals = "dm_cin_referrals";
    public const string Registrations = "dm_registrations";
    public const string PeriodsOfCare = "dm_periods_of_care";
    public const string Placements = "dm_placements";
    public const string PlacementDetails = "dm_placement_details";
    public const string LegalStatuses = "dm_legal_statuses";
    public const string Steps = "dm_workflow_steps";
    public const string Answers = "dm_cached_form_answers";

    /// <summary>Columns read when present but not required (a site's export may not have them).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> OptionalColumns = new Dictionary<string, string[]>
    {
        [Persons] = ["ETHNICITY_DETAIL"],
        [Steps] = ["ASSIGNEE_ID", "RESPONSIBLE_TEAM_ID", "DUE_DATE"],
        [Answers] = ["SUBJECT_PERSON_ID", "FORM_ANSWER_ROW_ID"],
    };

    /// <summary>Every step kind, its <c>Codes</c> key and shipped step type ids.</summary>
    public static readonly StepKindInfo[] StepKinds =
    [
        new(StepKind.Contact, "ContactSteps", "1100", "Contact (front door / MASH): received = INCOMING_ON, decided = COMPLETED_ON", [Dataset.Contacts, Dataset.ContactDecisions]),
        new(StepKind.EhReferralDecision, "EhReferralDecisionSteps", "1208", "EH referral decision: opens an Early Help episode (start = INCOMING_ON)", [Dataset.EarlyHelpEpisodes]),
        new(StepKind.EhContact, "EhContactSteps", "1209", "EH contact with the family", [Dataset.EarlyHelpContacts, Dataset.VisitDetails]),
        new(StepKind.EhHomeVisit, "EhHomeVisitSteps", "1210", "EH home visit", [Dataset.EarlyHelpContacts, Dataset.VisitDetails]),
        new(StepKind.EhFamilyAssessment, "EhFamilyAssessmentSteps", "1212", "EH family assessment", [Dataset.EarlyHelpAssessments]),
        new(StepKind.EhTafMeeting, "EhTafMeetingSteps", "1211", "EH initial TAF meeting", [Dataset.Meetings]),
        new(StepKind.EhTafReview, "EhTafReviewSteps", "1214", "EH TAF review", [Dataset.Meetings]),
        new(StepKind.EhConsent, "EhConsentSteps", "1215", "EH signed consent", [Dataset.Documents]),
        new(StepKind.EhOutcomeStar, "EhOutcomeStarSteps", "1216", "EH Outcome Star", [Dataset.Documents]),
        new(StepKind.EhClosure, "EhClosureSteps", "1217", "EH closure: ends the Early Help episode (end = COMPLETED_ON)", [Dataset.EarlyHelpEpisodes]),
        new(StepKind.Assessment, "AssessmentSteps", "1120", "Child and family (single) assessment: authorised = COMPLETED_ON", [Dataset.SocialCareAssessments]),
        new(StepKind.StrategyDiscussion, "StrategyDiscussionSteps", "1130", "Strategy discussion", [Dataset.Meetings]),
        new(StepKind.S47Enquiry, "S47EnquirySteps", "1131", "Section 47 enquiry (start = STARTED_ON, the strategy discussion)", [Dataset.S47Enquiries]),
        new(StepKind.Icpc, "IcpcSteps", "1140", "Initial child protection conference", [Dataset.InitialConferences]),
        new(StepKind.TransferInConference, "TransferInConferenceSteps", "1141", "Transfer-in child protection conference", [Dataset.InitialConferences]),
        new(StepKind.CpReviewConference, "CpReviewConferenceSteps", "1142", "Child protection review conference", [Dataset.ChildProtectionReviews]),
        new(StepKind.CoreGroup, "CoreGroupSteps", "1145", "Core group meeting", [Dataset.Meetings]),
        new(StepKind.CpVisit, "CpVisitSteps", "1187", "Child protection visit", [Dataset.ChildProtectionVisits, Dataset.VisitDetails]),
        new(StepKind.CinPlan, "CinPlanSteps", "1150", "Child in need plan (in force from STARTED_ON to COMPLETED_ON)", [Dataset.Plans]),
        new(StepKind.CinReview, "CinReviewSteps", "1151", "Child in need review", [Dataset.Meetings]),
        new(StepKind.CinVisit, "CinVisitSteps", "1189", "Child in need visit", [Dataset.ChildInNeedVisits, Dataset.VisitDetails]),
        new(StepKind.LacVisit, "LacVisitSteps", "1188", "Statutory visit to a looked after child", [Dataset.LookedAfterVisits, Dataset.VisitDetails]),
        new(StepKind.LacReview, "LacReviewSteps", "1160", "Looked after child review", [Dataset.LookedAfterReviews]),
        new(StepKind.PrivateFostering, "PrivateFosteringSteps", "1180", "Private fostering notification (notified = INCOMING_ON)", [Dataset.PrivateFostering]),
        new(StepKind.PrivateFosteringVisit, "PrivateFosteringVisitSteps", "1190", "Private fostering visit", [Dataset.OtherVisits, Dataset.VisitDetails]),
        new(StepKind.CareLeaver, "CareLeaverSteps", "1171", "Care leaver pathway plan record (makes the person a care leaver)", [Dataset.CareLeavers]),
        new(StepKind.CareLeaverAccommodation, "CareLeaverAccommodationSteps", "1172", "Accommodation provided to a care leaver (STARTED_ON to COMPLETED_ON)", [Dataset.CareLeaverAccommodation]),
        new(StepKind.CareLeaverVisit, "CareLeaverVisitSteps", "1191", "Care leaver visit", [Dataset.OtherVisits, Dataset.VisitDetails]),
        new(StepKind.PathwayPlanReview, "PathwayPlanReviewSteps", "1170", "Pathway plan review", [Dataset.Meetings]),
        new(StepKind.Oversight, "OversightSteps", "1250", "Management oversight / decision record", [Dataset.ManagementRecords]),
        new(StepKind.Supervision, "SupervisionSteps", "1251", "Case supervision record", [Dataset.ManagementRecords]),
        new(StepKind.AuditDiscussion, "AuditDiscussionSteps", "1252", "Discussion of a case audit's findings", [Dataset.ManagementRecords]),
        new(StepKind.CaseAudit, "CaseAuditSteps", "1260", "Case audit (actions are a repeating group of its form)", [Dataset.Audits]),
    ];

    /// <summary>Form question user codes (<c>QUESTION_USER_CODE</c>) the adapter reads, by <c>Codes</c> key.</summary>
    public static readonly IReadOnlyDictionary<string, string> Questions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["VisitDateQuestions"] = "cpFLDDateAndTimeOfVisit,cinFLDDateOfThisVisit,lacFLDDateOfVisit,ehFLDDateOfContact",
        ["ChildSeenQuestions"] = "cpCOLSubjectsFLDChildYPSeen,lacFLDChildSeen",
        ["SeenAloneQuestions"] = "REP_ANXA_cpCOLSubjectsFLDChildYPSeenAlone,lacFLDChildSeenAlone",
        ["NotSeenAloneReasonQuestions"] = "cpFLDReasonChildNotSeenAlone,lacFLDReasonChildNotSeenAlone",
        ["MeetingDateQuestions"] = "mtgFLDDateOfMeeting",
        ["AssessmentChildSeenQuestions"] = "cfaFLDChildSeen",
        ["ReviewPointQuestions"] = "cfaFLDDateOfReviewPoint",
        ["VisitFrequencyDaysQuestions"] = "cinFLDVisitFrequencyDays",
        ["VisitFrequencyBasisQuestions"] = "cinFLDVisitFrequencyBasis",
        ["ArrangementStartQuestions"] = "pfFLDDateArrangementBegan",
        ["ArrangementEndQuestions"] = "pfFLDDateArrangementEnded",
        ["LatestContactQuestions"] = "lcFLDDateOfLatestContact",
        ["PathwayPlanReviewQuestions"] = "lcFLDPathwayPlanReviewDate",
        ["AuditGradeQuestions"] = "auditFLDOverallGrade",
        ["AuditActionQuestions"] = "auditCOLActionsFLDAction",
        ["AuditActionOwnerQuestions"] = "auditCOLActionsFLDOwner",
        ["AuditActionDueQuestions"] = "auditCOLActionsFLDDueDate",
        ["AuditActionCompletedQuestions"] = "auditCOLActionsFLDCompletedDate",
    };

    /// <summary>Question keys whose answers are dates (<c>DATE_ANSWER</c>).</summary>
    public static readonly string[] DateQuestionKeys =
    [
        "VisitDateQuestions", "MeetingDateQuestions", "ReviewPointQuestions", "ArrangementStartQuestions", "ArrangementEndQuestions",
        "LatestContactQuestions", "PathwayPlanReviewQuestions", "AuditActionDueQuestions", "AuditActionCompletedQuestions",
    ];

    /// <summary>Question keys whose answers are yes/no (<c>TEXT_ANSWER</c>, see <c>YesAnswers</c>/<c>NoAnswers</c>).</summary>
    public static readonly string[] YesNoQuestionKeys = ["ChildSeenQuestions", "SeenAloneQuestions", "AssessmentChildSeenQuestions"];

    /// <summary>Code lists: answers, relationship types, statuses, SSDA903 and CIN census codes.</summary>
    public static readonly IReadOnlyDictionary<string, string> CodeLists = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["AllocatedWorkerRelationships"] = "AW,LP",
        ["StepStatuses"] = "INCOMING,STARTED,REOPENED,PAUSED,COMPLETED,CANCELLED",
        ["CancelledStatuses"] = "CANCELLED",
        ["PlannedStatuses"] = "INCOMING",
        ["YesAnswers"] = "Yes,Y",
        ["NoAnswers"] = "No,N",
        ["CalendarDaysAnswers"] = "Calendar days",
        ["WorkingDaysAnswers"] = "Working days",
        ["PrimaryNeedCodes"] = "N0,N1,N2,N3,N4,N5,N6,N7,N8,N9",
        ["PlacementTypes"] = SsdaCodes.PlacementTypes,
        ["LegalStatuses"] = SsdaCodes.LegalStatuses,
    };

    /// <summary>Every shipped default (<see cref="ISourceAdapter.DefaultCodes"/>): step types, questions, code lists.</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultCodes =
        StepKinds.Select(k => KeyValuePair.Create(k.Key, k.DefaultTypes))
            .Concat(Questions)
            .Concat(CodeLists)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The layout for a site: the workflow steps table records the data sets of the step kinds configured.</summary>
    public static TableLayout[] Tables(SourceOptions options)
    {
        var steps = StepKinds.Where(k => options.CodeList(k.Key, DefaultCodes).Count > 0).SelectMany(k => k.Records).ToHashSet();
        bool Asked(string key) => options.CodeList(key, DefaultCodes).Count > 0;
        if (steps.Contains(Dataset.SocialCareAssessments) && Asked("ReviewPointQuestions"))
        {
            steps.Add(Dataset.AssessmentReviewPoints);
        }

        if (steps.Contains(Dataset.Plans) && Asked("VisitFrequencyDaysQuestions"))
        {
            steps.Add(Dataset.PlanVisitFrequency);
        }

        if (steps.Contains(Dataset.Audits) && Asked("AuditActionQuestions"))
        {
            steps.Add(Dataset.AuditActions);
        }

        return
        [
            new(Persons, true, [], ["PERSON_ID", "FIRST_NAME", "LAST_NAME", "GENDER", "FULL_ETHNICITY_CODE", "DATE_OF_BIRTH", "DUE_DATE", "DATE_OF_DEATH", "UPN", "UPN_UNKNOWN_REASON"]) { OptionalColumns = OptionalColumns[Persons] },
            new(Addresses, false, [Dataset.Addresses], ["PERSON_ID", "ADDRESS", "POST_CODE", "START_DATE", "END_DATE"]) { Periods = [("START_DATE", "END_DATE")] },
            new(Telephones, false, [Dataset.PersonDetails], ["PERSON_ID", "TELEPHONE_NUMBER"]),
            new(Disabilities, false, [Dataset.Disabilities], ["PERSON_ID", "DISABILITY_CODE"]),
            new(ServiceUserGroups, false, [], ["PERSON_ID", "NEED_CODE", "START_DATE", "END_DATE"]),
            new(Organisations, false, [], ["ORGANISATION_ID", "NAME", "PARENT_ORGANISATION_ID"]),
            new(Workers, true, [], ["WORKER_ID", "FIRST_NAMES", "LAST_NAMES"]),
            new(WorkerRoles, true, [], ["WORKER_ID", "ORGANISATION_ID", "ROLE_DESCRIPTION", "START_DATE", "END_DATE"]),
            new(ProfRelationships, true, [Dataset.Allocations], ["PROF_RELATIONSHIP_ID", "PERSON_ID", "WORKER_ID", "PROF_REL_TYPE_CODE", "START_DATE", "END_DATE"]) { Periods = [("START_DATE", "END_DATE")] },
            new(Referrals, true, [Dataset.Referrals], ["REFERRAL_ID", "PERSON_ID", "REFERRAL_DATE", "PRIMARY_NEED_CODE", "NFA_DATE", "CLOSURE_DATE", "RESPONSIBLE_TEAM_ID", "ASSIGNEE_ID"]) { Periods = [("REFERRAL_DATE", "CLOSURE_DATE")] },
            new(Registrations, true, [Dataset.Plans], ["REGISTRATION_ID", "PERSON_ID", "REGISTRATION_STEP_ID", "REGISTRATION_START_DATE", "DEREGISTRATION_DATE", "IS_CHILD_PROTECTION_PLAN", "IS_TEMPORARY_CHILD_PROTECTION"]) { Periods = [("REGISTRATION_START_DATE", "DEREGISTRATION_DATE")] },
            new(PeriodsOfCare, true, [Dataset.PeriodsOfCare], ["PERIOD_OF_CARE_ID", "PERSON_ID", "START_DATE", "END_DATE"]) { Periods = [("START_DATE", "END_DATE")] },
            new(Placements, true, [Dataset.Placements], ["PLACEMENT_ID", "PERSON_ID", "PERIOD_OF_CARE_ID", "START_DATE", "END_DATE", "PLACEMENT_TYPE"]) { Periods = [("START_DATE", "END_DATE")], References = [new("PERIOD_OF_CARE_ID", "period of care", new ParentKey(PeriodsOfCare, "PERIOD_OF_CARE_ID"))] },
            new(PlacementDetails, false, [Dataset.PlacementDetails], ["PLACEMENT_ID", "IS_LONG_TERM", "TEMPORARY_APPROVAL", "CARER_APPROVED_DATE", "REDUCED_VISITS_AGREED", "AGREED_VISIT_INTERVAL_DAYS"]),
            new(LegalStatuses, true, [Dataset.LegalStatuses], ["LEGAL_STATUS_ID", "PERSON_ID", "LEGAL_STATUS", "START_DATE", "END_DATE"]) { Periods = [("START_DATE", "END_DATE")] },
            new(Answers, true, [], ["WORKFLOW_STEP_ID", "QUESTION_USER_CODE", "TEXT_ANSWER", "DATE_ANSWER"]) { OptionalColumns = OptionalColumns[Answers] },
            new(Steps, true, [.. steps], ["WORKFLOW_STEP_ID", "PERSON_ID", "WORKFLOW_STEP_TYPE_ID", "STEP_STATUS", "INCOMING_ON", "STARTED_ON", "COMPLETED_ON"]) { OptionalColumns = OptionalColumns[Steps], SharedAcrossChildren = true },
        ];
    }

    public static readonly IReadOnlyDictionary<StepKind, VisitKind> VisitKinds = new Dictionary<StepKind, VisitKind>
    {
        [StepKind.CpVisit] = VisitKind.ChildProtection,
        [StepKind.CinVisit] = VisitKind.ChildInNeed,
        [StepKind.LacVisit] = VisitKind.LookedAfter,
        [StepKind.PrivateFosteringVisit] = VisitKind.PrivateFostering,
        [StepKind.CareLeaverVisit] = VisitKind.CareLeaver,
        [StepKind.EhContact] = VisitKind.EarlyHelpContact,
        [StepKind.EhHomeVisit] = VisitKind.EarlyHelpHomeVisit,
    };

    public static readonly IReadOnlyDictionary<StepKind, MeetingType> MeetingTypes = new Dictionary<StepKind, MeetingType>
    {
        [StepKind.EhTafMeeting] = MeetingType.TeamAroundFamily,
        [StepKind.EhTafReview] = MeetingType.TeamAroundFamilyReview,
        [StepKind.CoreGroup] = MeetingType.CoreGroup,
        [StepKind.CinReview] = MeetingType.ChildInNeedReview,
        [StepKind.PathwayPlanReview] = MeetingType.PathwayPlanReview,
        [StepKind.StrategyDiscussion] = MeetingType.StrategyDiscussion,
        [StepKind.CpReviewConference] = MeetingType.ChildProtectionReview,
        [StepKind.LacReview] = MeetingType.LookedAfterReview,
    };

    public static readonly IReadOnlyDictionary<StepKind, ManagementKind> ManagementKinds = new Dictionary<StepKind, ManagementKind>
    {
        [StepKind.Oversight] = ManagementKind.Oversight,
        [StepKind.Supervision] = ManagementKind.Supervision,
        [StepKind.AuditDiscussion] = ManagementKind.AuditDiscussion,
    };

    public static readonly IReadOnlyDictionary<StepKind, DocumentKind> DocumentKinds = new Dictionary<StepKind, DocumentKind>
    {
        [StepKind.EhConsent] = DocumentKind.Consent,
        [StepKind.EhOutcomeStar] = DocumentKind.OutcomeStar,
    };

    /// <summary>Which episode an event step belongs to (Mosaic steps carry no episode key; see docs/sources/mosaic.md).</summary>
    public enum EpisodeOf
    {
        None,
        EarlyHelp,
        Referral,
        EarlyHelpElseReferral,
        LatestEarlyHelpOrReferral,
        CpPlan,
        PeriodOfCare,
        PrivateFostering,
    }

    public static EpisodeOf EpisodeOfKind(StepKind kind) => kind switch
    {
        StepKind.EhContact or StepKind.EhHomeVisit or StepKind.EhFamilyAssessment or StepKind.EhTafMeeting or StepKind.EhTafReview
            or StepKind.EhConsent or StepKind.EhOutcomeStar or StepKind.EhClosure => EpisodeOf.EarlyHelp,
        StepKind.Assessment or StepKind.StrategyDiscussion or StepKind.S47Enquiry or StepKind.Icpc or StepKind.TransferInConference
            or StepKind.CinPlan or StepKind.CinReview or StepKind.Supervision => EpisodeOf.Referral,
        StepKind.Oversight => EpisodeOf.EarlyHelpElseReferral,
        StepKind.AuditDiscussion or StepKind.CaseAudit => EpisodeOf.LatestEarlyHelpOrReferral,
        StepKind.CpVisit or StepKind.CoreGroup or StepKind.CpReviewConference => EpisodeOf.CpPlan,
        StepKind.LacVisit or StepKind.LacReview => EpisodeOf.PeriodOfCare,
        StepKind.PrivateFosteringVisit => EpisodeOf.PrivateFostering,
        _ => EpisodeOf.None,
    };

    /// <summary>
    /// How each table links to a child, for streaming: a table with <c>PERSON_ID</c> by that column (a step about several
    /// children has a row for each); form answers by their workflow step; placement details by their placement.
    /// Organisations, workers and worker roles are the directory.
    /// </summary>
    public static readonly StreamLayout Stream = StreamOf(Tables(new SourceOptions()));

    private static StreamLayout StreamOf(TableLayout[] tables) => new(Persons, "PERSON_ID",
        tables.Skip(1).Where(t => t.Columns.Contains("PERSON_ID"))
            .Select(t => KeyValuePair.Create(t.Name, (TableLink)new PersonLink("PERSON_ID")))
            .Concat(new Dictionary<string, TableLink>
            {
                [Answers] = new ParentLink("WORKFLOW_STEP_ID", new ParentKey(Steps, "WORKFLOW_STEP_ID")),
                [PlacementDetails] = new ParentLink("PLACEMENT_ID", new ParentKey(Placements, "PLACEMENT_ID")),
            })
            .ToDictionary(StringComparer.OrdinalIgnoreCase),
        [Organisations, Workers, WorkerRoles]);
}

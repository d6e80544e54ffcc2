using CaseCompliance.Adapters.Reading;
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
            Persons.Table.Layout,
            Addresses.Table.Layout,
            Telephones.Table.Layout,
            Disabilities.Table.Layout,
            ServiceUserGroups.Table.Layout,
            Organisations.Table.Layout,
            Workers.Table.Layout,
            WorkerRoles.Table.Layout,
            ProfRelationships.Table.Layout,
            Referrals.Table.Layout,
            Registrations.Table.Layout,
            PeriodsOfCare.Table.Layout,
            Placements.Table.Layout,
            PlacementDetails.Table.Layout,
            LegalStatuses.Table.Layout,
            Answers.Table.Layout,
            Steps.Table.Layout with { Records = [.. steps] },
        ];
    }

    /// <summary><c>dm_persons</c>.</summary>
    public static class Persons
    {
        public static readonly TableDef Table = new("dm_persons", required: true, Dataset.PersonNames);

        public static readonly Column PersonId = Table.Column("PERSON_ID");
        public static readonly Column FirstName = Table.Column("FIRST_NAME");
        public static readonly Column LastName = Table.Column("LAST_NAME");
        public static readonly Column Gender = Table.Column("GENDER");
        public static readonly Column FullEthnicityCode = Table.Column("FULL_ETHNICITY_CODE");
        public static readonly Column DateOfBirth = Table.Column("DATE_OF_BIRTH");
        public static readonly Column DueDate = Table.Column("DUE_DATE");
        public static readonly Column DateOfDeath = Table.Column("DATE_OF_DEATH");
        public static readonly Column Upn = Table.Column("UPN");
        public static readonly Column UpnUnknownReason = Table.Column("UPN_UNKNOWN_REASON");
        public static readonly Column EthnicityDetail = Table.OptionalColumn("ETHNICITY_DETAIL");
    }

    /// <summary><c>dm_addresses</c>.</summary>
    public static class Addresses
    {
        public static readonly TableDef Table = new("dm_addresses", required: false, Dataset.Addresses) { Periods = [("START_DATE", "END_DATE")] };

        public static readonly Column PersonId = Table.Column("PERSON_ID");
        public static readonly Column Address = Table.Column("ADDRESS");
        public static readonly Column PostCode = Table.Column("POST_CODE");
        public static readonly Column StartDate = Table.Column("START_DATE");
        public static readonly Column EndDate = Table.Column("END_DATE");
    }

    /// <summary><c>dm_telephone_numbers</c>.</summary>
    public static class Telephones
    {
        public static readonly TableDef Table = new("dm_telephone_numbers", required: false, Dataset.PersonDetails);

        public static readonly Column PersonId = Table.Column("PERSON_ID");
        public static readonly Column TelephoneNumber = Table.Column("TELEPHONE_NUMBER");
    }

    /// <summary><c>dm_disabilities</c>.</summary>
    public static class Disabilities
    {
        public static readonly TableDef Table = new("dm_disabilities", required: false, Dataset.Disabilities);

        public static readonly Column PersonId = Table.Column("PERSON_ID");
        public static readonly Column DisabilityCode = Table.Column("DISABILITY_CODE");
    }

    /// <summary><c>dm_service_user_groups</c>.</summary>
    public static class ServiceUserGroups
    {
        public static readonly TableDef Table = new("dm_service_user_groups", required: false);

        public static readonly Column PersonId = Table.Column("PERSON_ID");
        public static readonly Column NeedCode = Table.Column("NEED_CODE");
        public static readonly Column StartDate = Table.Column("START_DATE");
        public static readonly Column EndDate = Table.Column("END_DATE");
    }

    /// <summary><c>dm_organisations</c>.</summary>
    public static class Organisations
    {
        public static readonly TableDef Table = new("dm_organisations", required: false);

        public static readonly Column OrganisationId = Table.Column("ORGANISATION_ID");
        public static readonly Column Name = Table.Column("NAME");
        public static readonly Column ParentOrganisationId = Table.Column("PARENT_ORGANISATION_ID");
    }

    /// <summary><c>dm_workers</c>.</summary>
    public static class Workers
    {
        public static readonly TableDef Table = new("dm_workers", required: true);

        public static readonly Column WorkerId = Table.Column("WORKER_ID");
        public static readonly Column FirstNames = Table.Column("FIRST_NAMES");
        public static readonly Column LastNames = Table.Column("LAST_NAMES");
    }

    /// <summary><c>dm_worker_roles</c>.</summary>
    public static class WorkerRoles
    {
        public static readonly TableDef Table = new("dm_worker_roles", required: true);

        public static readonly Column WorkerId = Table.Column("WORKER_ID");
        public static readonly Column OrganisationId = Table.Column("ORGANISATION_ID");
        public static readonly Column RoleDescription = Table.Column("ROLE_DESCRIPTION");
        public static readonly Column StartDate = Table.Column("START_DATE");
        public static readonly Column EndDate = Table.Column("END_DATE");
    }

    /// <summary><c>dm_prof_relationships</c>.</summary>
    public static class ProfRelationships
    {
        public static readonly TableDef Table = new("dm_prof_relationships", required: true, Dataset.Allocations) { Periods = [("START_DATE", "END_DATE")] };

        public static readonly Column ProfRelationshipId = Table.Column("PROF_RELATIONSHIP_ID");
        public static readonly Column PersonId = Table.Column("PERSON_ID");
        public static readonly Column WorkerId = Table.Column("WORKER_ID");
        public static readonly Column ProfRelTypeCode = Table.Column("PROF_REL_TYPE_CODE");
        public static readonly Column StartDate = Table.Column("START_DATE");
        public static readonly Column EndDate = Table.Column("END_DATE");
    }

    /// <summary><c>dm_cin_referrals</c>.</summary>
    public static class Referrals
    {
        public static readonly TableDef Table = new("dm_cin_referrals", required: true, Dataset.Referrals) { Periods = [("REFERRAL_DATE", "CLOSURE_DATE")] };

        public static readonly Column ReferralId = Table.Column("REFERRAL_ID");
        public static readonly Column PersonId = Table.Column("PERSON_ID");
        public static readonly Column ReferralDate = Table.Column("REFERRAL_DATE");
        public static readonly Column PrimaryNeedCode = Table.Column("PRIMARY_NEED_CODE");
        public static readonly Column NfaDate = Table.Column("NFA_DATE");
        public static readonly Column ClosureDate = Table.Column("CLOSURE_DATE");
        public static readonly Column ResponsibleTeamId = Table.Column("RESPONSIBLE_TEAM_ID");
        public static readonly Column AssigneeId = Table.Column("ASSIGNEE_ID");
    }

    /// <summary><c>dm_registrations</c>.</summary>
    public static class Registrations
    {
        public static readonly TableDef Table = new("dm_registrations", required: true, Dataset.Plans)
        {
            Periods = [("REGISTRATION_START_DATE", "DEREGISTRATION_DATE")],
        };

        public static readonly Column RegistrationId = Table.Column("REGISTRATION_ID");
        public static readonly Column PersonId = Table.Column("PERSON_ID");
        public static readonly Column RegistrationStepId = Table.Column("REGISTRATION_STEP_ID");
        public static readonly Column RegistrationStartDate = Table.Column("REGISTRATION_START_DATE");
        public static readonly Column DeregistrationDate = Table.Column("DEREGISTRATION_DATE");
        public static readonly Column IsChildProtectionPlan = Table.Column("IS_CHILD_PROTECTION_PLAN");
        public static readonly Column IsTemporaryChildProtection = Table.Column("IS_TEMPORARY_CHILD_PROTECTION");
    }

    /// <summary><c>dm_periods_of_care</c>.</summary>
    public static class PeriodsOfCare
    {
        public static readonly TableDef Table = new("dm_periods_of_care", required: true, Dataset.PeriodsOfCare) { Periods = [("START_DATE", "END_DATE")] };

        public static readonly Column PeriodOfCareId = Table.Column("PERIOD_OF_CARE_ID");
        public static readonly Column PersonId = Table.Column("PERSON_ID");
        public static readonly Column StartDate = Table.Column("START_DATE");
        public static readonly Column EndDate = Table.Column("END_DATE");
    }

    /// <summary><c>dm_placements</c>: each names its period of care.</summary>
    public static class Placements
    {
        public static readonly TableDef Table = new("dm_placements", required: true, Dataset.Placements)
        {
            Periods = [("START_DATE", "END_DATE")],
            References = [new("PERIOD_OF_CARE_ID", "period of care", new ParentKey(PeriodsOfCare.Table, PeriodsOfCare.PeriodOfCareId))],
        };

        public static readonly Column PlacementId = Table.Column("PLACEMENT_ID");
        public static readonly Column PersonId = Table.Column("PERSON_ID");
        public static readonly Column PeriodOfCareId = Table.Column("PERIOD_OF_CARE_ID");
        public static readonly Column StartDate = Table.Column("START_DATE");
        public static readonly Column EndDate = Table.Column("END_DATE");
        public static readonly Column PlacementType = Table.Column("PLACEMENT_TYPE");
    }

    /// <summary><c>dm_placement_details</c>.</summary>
    public static class PlacementDetails
    {
        public static readonly TableDef Table = new("dm_placement_details", required: false, Dataset.PlacementDetails);

        public static readonly Column PlacementId = Table.Column("PLACEMENT_ID");
        public static readonly Column IsLongTerm = Table.Column("IS_LONG_TERM");
        public static readonly Column TemporaryApproval = Table.Column("TEMPORARY_APPROVAL");
        public static readonly Column CarerApprovedDate = Table.Column("CARER_APPROVED_DATE");
        public static readonly Column ReducedVisitsAgreed = Table.Column("REDUCED_VISITS_AGREED");
        public static readonly Column AgreedVisitIntervalDays = Table.Column("AGREED_VISIT_INTERVAL_DAYS");
    }

    /// <summary><c>dm_legal_statuses</c>.</summary>
    public static class LegalStatuses
    {
        public static readonly TableDef Table = new("dm_legal_statuses", required: true, Dataset.LegalStatuses) { Periods = [("START_DATE", "END_DATE")] };

        public static readonly Column LegalStatusId = Table.Column("LEGAL_STATUS_ID");
        public static readonly Column PersonId = Table.Column("PERSON_ID");
        public static readonly Column LegalStatus = Table.Column("LEGAL_STATUS");
        public static readonly Column StartDate = Table.Column("START_DATE");
        public static readonly Column EndDate = Table.Column("END_DATE");
    }

    /// <summary><c>dm_cached_form_answers</c>: the details of a step, by question user code.</summary>
    public static class Answers
    {
        public static readonly TableDef Table = new("dm_cached_form_answers", required: true);

        public static readonly Column WorkflowStepId = Table.Column("WORKFLOW_STEP_ID");
        public static readonly Column QuestionUserCode = Table.Column("QUESTION_USER_CODE");
        public static readonly Column TextAnswer = Table.Column("TEXT_ANSWER");
        public static readonly Column DateAnswer = Table.Column("DATE_ANSWER");
        public static readonly Column SubjectPersonId = Table.OptionalColumn("SUBJECT_PERSON_ID");
        public static readonly Column FormAnswerRowId = Table.OptionalColumn("FORM_ANSWER_ROW_ID");
    }

    /// <summary>
    /// <c>dm_workflow_steps</c>: every other event, by step type. A step about several children (siblings) has a row
    /// for each. What it records depends on the step kinds configured (<see cref="Tables"/>).
    /// </summary>
    public static class Steps
    {
        public static readonly TableDef Table = new("dm_workflow_steps", required: true) { SharedAcrossChildren = true };

        public static readonly Column WorkflowStepId = Table.Column("WORKFLOW_STEP_ID");
        public static readonly Column PersonId = Table.Column("PERSON_ID");
        public static readonly Column WorkflowStepTypeId = Table.Column("WORKFLOW_STEP_TYPE_ID");
        public static readonly Column StepStatus = Table.Column("STEP_STATUS");
        public static readonly Column IncomingOn = Table.Column("INCOMING_ON");
        public static readonly Column StartedOn = Table.Column("STARTED_ON");
        public static readonly Column CompletedOn = Table.Column("COMPLETED_ON");
        public static readonly Column AssigneeId = Table.OptionalColumn("ASSIGNEE_ID");
        public static readonly Column ResponsibleTeamId = Table.OptionalColumn("RESPONSIBLE_TEAM_ID");
        public static readonly Column DueDate = Table.OptionalColumn("DUE_DATE");
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

    private static StreamLayout StreamOf(TableLayout[] tables) => new(Persons.Table.Name, Persons.PersonId.Name,
        tables.Skip(1).Where(t => t.Columns.Contains(Persons.PersonId.Name))
            .Select(t => KeyValuePair.Create(t.Name, (TableLink)new PersonLink(Persons.PersonId.Name)))
            .Concat(new Dictionary<string, TableLink>
            {
                [Answers.Table.Name] = new ParentLink(Answers.WorkflowStepId, new ParentKey(Steps.Table, Steps.WorkflowStepId)),
                [PlacementDetails.Table.Name] = new ParentLink(PlacementDetails.PlacementId, new ParentKey(Placements.Table, Placements.PlacementId)),
            })
            .ToDictionary(StringComparer.OrdinalIgnoreCase),
        [Organisations.Table.Name, Workers.Table.Name, WorkerRoles.Table.Name]);
}

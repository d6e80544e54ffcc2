using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Streaming;
using CaseCompliance.Domain;

namespace CaseCompliance.Adapters.CareFirst;

/// <summary>
/// The default layout the <c>carefirst</c> adapter reads (docs/sources/carefirst.md). OLM publishes no warehouse
/// schema, so this layout is CaseCompliance's own: one CSV per CareFirst record named in CareFirst auditor guidance
/// (key information report, referrals, allocations, assessments, "Visit to Child", "Decision Records", CP
/// registrations and conferences, LAC episodes, placements and reviews, case supervision), plus CareFirst-style
/// tables for what the canonical record needs beyond them. Upper-case column names; the person key is
/// <c>CLIENT_NO</c>. Every table, column and code is configuration.
/// </summary>
public static class CareFirstLayout
{
    /// <summary>Every table, the person table (<c>KEY_INFORMATION</c>) first, in the order the docs list them.</summary>
    public static readonly TableLayout[] Tables =
    [
        KeyInformation.Table.Layout,
        ClientAddresses.Table.Layout,
        ClientDisabilities.Table.Layout,
        Teams.Table.Layout,
        Workers.Table.Layout,
        Contacts.Table.Layout,
        Referrals.Table.Layout,
        Allocations.Table.Layout,
        Assessments.Table.Layout,
        S47Enquiries.Table.Layout,
        CinPlans.Table.Layout,
        CpRegistrations.Table.Layout,
        CpConferences.Table.Layout,
        VisitToChild.Table.Layout,
        LacEpisodes.Table.Layout,
        Placements.Table.Layout,
        LegalStatuses.Table.Layout,
        LacReviews.Table.Layout,
        DecisionRecords.Table.Layout,
        CaseSupervision.Table.Layout,
        Meetings.Table.Layout,
        EhEpisodes.Table.Layout,
        EhTafMeetings.Table.Layout,
        Documents.Table.Layout,
        PrivateFostering.Table.Layout,
        CareLeavers.Table.Layout,
        CareLeaverAccommodation.Table.Layout,
        CaseAudits.Table.Layout,
        AuditActions.Table.Layout,
    ];

    /// <summary>
    /// How each table links to a child, for streaming: a table with <c>CLIENT_NO</c> by that column; audit actions by
    /// their audit (<c>AUDIT_NO</c>). Teams and workers are the directory.
    /// </summary>
    public static readonly StreamLayout Stream = new(KeyInformation.Table.Name, KeyInformation.ClientNo,
        Tables.Skip(1).Where(t => t.Columns.Contains(KeyInformation.ClientNo.Name))
            .Select(t => KeyValuePair.Create(t.Name, (TableLink)new PersonLink(KeyInformation.ClientNo)))
            .Append(KeyValuePair.Create(AuditActions.Table.Name,
                (TableLink)new ParentLink(AuditActions.AuditNo, new ParentKey(CaseAudits.Table, CaseAudits.AuditNo))))
            .ToDictionary(StringComparer.OrdinalIgnoreCase),
        [Teams.Table.Name, Workers.Table.Name]);

    /// <summary>
    /// The shipped code lists (key → comma-separated codes). A key set under <c>Sources:&lt;name&gt;:Codes</c> replaces
    /// that key's list only. <c>Ignored…</c> lists name codes a site uses that CaseCompliance does not need (rows with
    /// them are skipped without a rejection; <c>*</c> skips every code not listed elsewhere).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultCodes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        // ALLOCATIONS.WORKER_ROLE
        ["AllocatedWorkerRoles"] = "ASW,EHW,PA",
        ["IgnoredWorkerRoles"] = "IRO",

        // REFERRALS.REFERRAL_OUTCOME; REFERRALS.PRIMARY_NEED and KEY_INFORMATION.PRIMARY_NEED
        ["NoFurtherActionOutcomes"] = "NFA",
        ["OtherReferralOutcomes"] = "SA,S47,CIN,EH,INFO",
        ["PrimaryNeedCodes"] = "N0,N1,N2,N3,N4,N5,N6,N7,N8,N9",

        // CLIENT_DISABILITIES.DISABILITY_CODE: the codes that mean "no disability"
        ["NoDisabilityCodes"] = "NONE",

        // ASSESSMENTS.ASSESSMENT_TYPE
        ["SocialCareAssessmentTypes"] = "SA",
        ["EarlyHelpAssessmentTypes"] = "EHA",
        ["IgnoredAssessmentTypes"] = "",

        // VISIT_TO_CHILD.VISIT_TYPE
        ["CpVisitTypes"] = "CPV",
        ["CinVisitTypes"] = "CINV",
        ["LacVisitTypes"] = "LACV",
        ["PrivateFosteringVisitTypes"] = "PFV",
        ["CareLeaverVisitTypes"] = "CLV",
        ["EarlyHelpHomeVisitTypes"] = "EHHV",
        ["EarlyHelpContactTypes"] = "EHC",
        ["IgnoredVisitTypes"] = "",

        // MEETINGS.MEETING_TYPE
        ["StrategyDiscussionTypes"] = "STRAT",
        ["CoreGroupTypes"] = "CORE",
        ["CinReviewTypes"] = "CINREV",
        ["PathwayPlanReviewTypes"] = "PPR",
        ["IgnoredMeetingTypes"] = "",

        // EH_TAF_MEETINGS.MEETING_TYPE
        ["TafMeetingTypes"] = "TAF",
        ["TafReviewTypes"] = "TAFR",

        // CP_CONFERENCES.CONFERENCE_TYPE
        ["InitialConferenceTypes"] = "ICPC",
        ["TransferInConferenceTypes"] = "TICPC",
        ["ReviewConferenceTypes"] = "RCPC",

        // DECISION_RECORDS.DECISION_TYPE
        ["ContactDecisionTypes"] = "CONDEC",
        ["OversightDecisionTypes"] = "MGTOVS",
        ["AuditDiscussionDecisionTypes"] = "AUDDIS",
        ["IgnoredDecisionTypes"] = "",

        // DOCUMENTS.DOCUMENT_TYPE
        ["ConsentDocumentTypes"] = "CONSENT",
        ["OutcomeStarDocumentTypes"] = "OSTAR",
        ["IgnoredDocumentTypes"] = "",

        // CIN_PLANS / CP_REGISTRATIONS.VISIT_FREQUENCY_BASIS
        ["CalendarFrequencyBases"] = "CAL",
        ["WorkingFrequencyBases"] = "WRK",

        // PLACEMENTS.PLACEMENT_TYPE (SSDA903 PLACE) and LEGAL_STATUSES.LEGAL_STATUS (SSDA903 LS)
        ["PlacementTypes"] = SsdaCodes.PlacementTypes,
        ["LegalStatuses"] = SsdaCodes.LegalStatuses,
    };

    /// <summary>The code groups of each coded column: which keys mean which canonical value, and the ignored key.</summary>
    public static readonly CodeGroup<bool> WorkerRoles = new(Allocations.WorkerRole.ToString(), [("AllocatedWorkerRoles", true)], "IgnoredWorkerRoles");

    public static readonly CodeGroup<bool> ReferralOutcomes = new(Referrals.ReferralOutcome.ToString(),
        [("NoFurtherActionOutcomes", true), ("OtherReferralOutcomes", false)], null);

    public static readonly CodeGroup<AssessmentKind> AssessmentTypes = new(Assessments.AssessmentType.ToString(),
        [("SocialCareAssessmentTypes", AssessmentKind.SocialCare), ("EarlyHelpAssessmentTypes", AssessmentKind.EarlyHelp)], "IgnoredAssessmentTypes");

    public static readonly CodeGroup<VisitKind> VisitTypes = new(VisitToChild.VisitType.ToString(),
    [
        ("CpVisitTypes", VisitKind.ChildProtection),
        ("CinVisitTypes", VisitKind.ChildInNeed),
        ("LacVisitTypes", VisitKind.LookedAfter),
        ("PrivateFosteringVisitTypes", VisitKind.PrivateFostering),
        ("CareLeaverVisitTypes", VisitKind.CareLeaver),
        ("EarlyHelpHomeVisitTypes", VisitKind.EarlyHelpHomeVisit),
        ("EarlyHelpContactTypes", VisitKind.EarlyHelpContact),
    ], "IgnoredVisitTypes");

    public static readonly CodeGroup<MeetingType> MeetingTypes = new(Meetings.MeetingType.ToString(),
    [
        ("StrategyDiscussionTypes", MeetingType.StrategyDiscussion),
        ("CoreGroupTypes", MeetingType.CoreGroup),
        ("CinReviewTypes", MeetingType.ChildInNeedReview),
        ("PathwayPlanReviewTypes", MeetingType.PathwayPlanReview),
    ], "IgnoredMeetingTypes");

    public static readonly CodeGroup<MeetingType> TafMeetingTypes = new(EhTafMeetings.MeetingType.ToString(),
        [("TafMeetingTypes", MeetingType.TeamAroundFamily), ("TafReviewTypes", MeetingType.TeamAroundFamilyReview)], null);

    public static readonly CodeGroup<ConferenceKind> ConferenceTypes = new(CpConferences.ConferenceType.ToString(),
    [
        ("InitialConferenceTypes", ConferenceKind.Initial),
        ("TransferInConferenceTypes", ConferenceKind.TransferIn),
        ("ReviewConferenceTypes", ConferenceKind.Review),
    ], null);

    public static readonly CodeGroup<DecisionKind> DecisionTypes = new(DecisionRecords.DecisionType.ToString(),
    [
        ("ContactDecisionTypes", DecisionKind.ContactDecision),
        ("OversightDecisionTypes", DecisionKind.Oversight),
        ("AuditDiscussionDecisionTypes", DecisionKind.AuditDiscussion),
    ], "IgnoredDecisionTypes");

    public static readonly CodeGroup<DocumentKind> DocumentTypes = new(Documents.DocumentType.ToString(),
        [("ConsentDocumentTypes", DocumentKind.Consent), ("OutcomeStarDocumentTypes", DocumentKind.OutcomeStar)], "IgnoredDocumentTypes");

    public static readonly CodeGroup<bool> FrequencyBases = new(CinPlans.VisitFrequencyBasis.Name,
        [("CalendarFrequencyBases", false), ("WorkingFrequencyBases", true)], null);

    /// <summary><c>KEY_INFORMATION</c>.</summary>
    public static class KeyInformation
    {
        public static readonly TableDef Table = new("KEY_INFORMATION", required: true, Dataset.PersonDetails, Dataset.PersonNames);

        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column Forename = Table.Column("FORENAME");
        public static readonly Column Surname = Table.Column("SURNAME");
        public static readonly Column Gender = Table.Column("GENDER");
        public static readonly Column Ethnicity = Table.Column("ETHNICITY");
        public static readonly Column EthnicityDetail = Table.Column("ETHNICITY_DETAIL");
        public static readonly Column DateOfBirth = Table.Column("DATE_OF_BIRTH");
        public static readonly Column ExpectedDateOfBirth = Table.Column("EXPECTED_DATE_OF_BIRTH");
        public static readonly Column DateOfDeath = Table.Column("DATE_OF_DEATH");
        public static readonly Column Upn = Table.Column("UPN");
        public static readonly Column UpnUnknownReason = Table.Column("UPN_UNKNOWN_REASON");
        public static readonly Column Telephone = Table.Column("TELEPHONE");
        public static readonly Column PrimaryNeed = Table.Column("PRIMARY_NEED");
    }

    /// <summary><c>CLIENT_ADDRESSES</c>.</summary>
    public static class ClientAddresses
    {
        public static readonly TableDef Table = new("CLIENT_ADDRESSES", required: true, Dataset.Addresses) { Periods = [("START_DATE", "END_DATE")] };

        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column Address = Table.Column("ADDRESS");
        public static readonly Column Postcode = Table.Column("POSTCODE");
        public static readonly Column StartDate = Table.Column("START_DATE");
        public static readonly Column EndDate = Table.Column("END_DATE");
    }

    /// <summary><c>CLIENT_DISABILITIES</c>.</summary>
    public static class ClientDisabilities
    {
        public static readonly TableDef Table = new("CLIENT_DISABILITIES", required: true, Dataset.Disabilities);

        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column DisabilityCode = Table.Column("DISABILITY_CODE");
    }

    /// <summary><c>TEAMS</c>.</summary>
    public static class Teams
    {
        public static readonly TableDef Table = new("TEAMS", required: true);

        public static readonly Column TeamNo = Table.Column("TEAM_NO");
        public static readonly Column TeamName = Table.Column("TEAM_NAME");
        public static readonly Column ParentTeamNo = Table.Column("PARENT_TEAM_NO");
    }

    /// <summary><c>WORKERS</c>.</summary>
    public static class Workers
    {
        public static readonly TableDef Table = new("WORKERS", required: true);

        public static readonly Column WorkerNo = Table.Column("WORKER_NO");
        public static readonly Column WorkerName = Table.Column("WORKER_NAME");
        public static readonly Column JobTitle = Table.Column("JOB_TITLE");
        public static readonly Column TeamNo = Table.Column("TEAM_NO");
    }

    /// <summary><c>CONTACTS</c>.</summary>
    public static class Contacts
    {
        public static readonly TableDef Table = new("CONTACTS", required: true, Dataset.Contacts);

        public static readonly Column ContactNo = Table.Column("CONTACT_NO");
        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column ContactDate = Table.Column("CONTACT_DATE");
    }

    /// <summary><c>REFERRALS</c>.</summary>
    public static class Referrals
    {
        public static readonly TableDef Table = new("REFERRALS", required: true, Dataset.Referrals) { Periods = [("REFERRAL_DATE", "CLOSURE_DATE")] };

        public static readonly Column ReferralNo = Table.Column("REFERRAL_NO");
        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column ReferralDate = Table.Column("REFERRAL_DATE");
        public static readonly Column PrimaryNeed = Table.Column("PRIMARY_NEED");
        public static readonly Column ReferralOutcome = Table.Column("REFERRAL_OUTCOME");
        public static readonly Column ClosureDate = Table.Column("CLOSURE_DATE");
        public static readonly Column TeamNo = Table.Column("TEAM_NO");
        public static readonly Column WorkerNo = Table.Column("WORKER_NO");
    }

    /// <summary><c>ALLOCATIONS</c>.</summary>
    public static class Allocations
    {
        public static readonly TableDef Table = new("ALLOCATIONS", required: true, Dataset.Allocations) { Periods = [("START_DATE", "END_DATE")] };

        public static readonly Column AllocationNo = Table.Column("ALLOCATION_NO");
        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column EpisodeNo = Table.Column("EPISODE_NO");
        public static readonly Column WorkerNo = Table.Column("WORKER_NO");
        public static readonly Column WorkerRole = Table.Column("WORKER_ROLE");
        public static readonly Column TeamNo = Table.Column("TEAM_NO");
        public static readonly Column StartDate = Table.Column("START_DATE");
        public static readonly Column EndDate = Table.Column("END_DATE");
    }

    /// <summary><c>ASSESSMENTS</c>.</summary>
    public static class Assessments
    {
        public static readonly TableDef Table = new("ASSESSMENTS", required: true, Dataset.SocialCareAssessments, Dataset.EarlyHelpAssessments, Dataset.AssessmentReviewPoints);

        public static readonly Column AssessmentNo = Table.Column("ASSESSMENT_NO");
        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column EpisodeNo = Table.Column("EPISODE_NO");
        public static readonly Column AssessmentType = Table.Column("ASSESSMENT_TYPE");
        public static readonly Column StartDate = Table.Column("START_DATE");
        public static readonly Column ReviewPointDate = Table.Column("REVIEW_POINT_DATE");
        public static readonly Column ChildSeen = Table.Column("CHILD_SEEN");
        public static readonly Column AuthorisedDate = Table.Column("AUTHORISED_DATE");
    }

    /// <summary><c>S47_ENQUIRIES</c>.</summary>
    public static class S47Enquiries
    {
        public static readonly TableDef Table = new("S47_ENQUIRIES", required: true, Dataset.S47Enquiries) { Periods = [("STRATEGY_DISCUSSION_DATE", "END_DATE")] };

        public static readonly Column S47No = Table.Column("S47_NO");
        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column ReferralNo = Table.Column("REFERRAL_NO");
        public static readonly Column StrategyDiscussionDate = Table.Column("STRATEGY_DISCUSSION_DATE");
        public static readonly Column EndDate = Table.Column("END_DATE");
    }

    /// <summary><c>CIN_PLANS</c>.</summary>
    public static class CinPlans
    {
        public static readonly TableDef Table = new("CIN_PLANS", required: true, Dataset.Plans, Dataset.PlanVisitFrequency) { Periods = [("START_DATE", "END_DATE")] };

        public static readonly Column CinPlanNo = Table.Column("CIN_PLAN_NO");
        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column ReferralNo = Table.Column("REFERRAL_NO");
        public static readonly Column StartDate = Table.Column("START_DATE");
        public static readonly Column EndDate = Table.Column("END_DATE");
        public static readonly Column VisitFrequencyDays = Table.Column("VISIT_FREQUENCY_DAYS");
        public static readonly Column VisitFrequencyBasis = Table.Column("VISIT_FREQUENCY_BASIS");
    }

    /// <summary><c>CP_REGISTRATIONS</c>.</summary>
    public static class CpRegistrations
    {
        public static readonly TableDef Table = new("CP_REGISTRATIONS", required: true, Dataset.Plans, Dataset.PlanVisitFrequency) { Periods = [("REGISTRATION_DATE", "DEREGISTRATION_DATE")] };

        public static readonly Column RegistrationNo = Table.Column("REGISTRATION_NO");
        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column ReferralNo = Table.Column("REFERRAL_NO");
        public static readonly Column ConferenceNo = Table.Column("CONFERENCE_NO");
        public static readonly Column RegistrationDate = Table.Column("REGISTRATION_DATE");
        public static readonly Column DeregistrationDate = Table.Column("DEREGISTRATION_DATE");
        public static readonly Column VisitFrequencyDays = Table.Column("VISIT_FREQUENCY_DAYS");
        public static readonly Column VisitFrequencyBasis = Table.Column("VISIT_FREQUENCY_BASIS");
    }

    /// <summary><c>CP_CONFERENCES</c>.</summary>
    public static class CpConferences
    {
        public static readonly TableDef Table = new("CP_CONFERENCES", required: true, Dataset.InitialConferences, Dataset.ChildProtectionReviews);

        public static readonly Column ConferenceNo = Table.Column("CONFERENCE_NO");
        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column ConferenceType = Table.Column("CONFERENCE_TYPE");
        public static readonly Column S47No = Table.Column("S47_NO");
        public static readonly Column RegistrationNo = Table.Column("REGISTRATION_NO");
        public static readonly Column ReferralNo = Table.Column("REFERRAL_NO");
        public static readonly Column DueDate = Table.Column("DUE_DATE");
        public static readonly Column ConferenceDate = Table.Column("CONFERENCE_DATE");
    }

    /// <summary><c>VISIT_TO_CHILD</c>.</summary>
    public static class VisitToChild
    {
        public static readonly TableDef Table = new("VISIT_TO_CHILD", required: true, Dataset.ChildProtectionVisits, Dataset.ChildInNeedVisits, Dataset.LookedAfterVisits, Dataset.OtherVisits, Dataset.EarlyHelpContacts, Dataset.VisitDetails);

        public static readonly Column VisitNo = Table.Column("VISIT_NO");
        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column EpisodeNo = Table.Column("EPISODE_NO");
        public static readonly Column VisitType = Table.Column("VISIT_TYPE");
        public static readonly Column VisitDate = Table.Column("VISIT_DATE");
        public static readonly Column ChildSeen = Table.Column("CHILD_SEEN");
        public static readonly Column SeenAlone = Table.Column("SEEN_ALONE");
        public static readonly Column ReasonNotSeenAlone = Table.Column("REASON_NOT_SEEN_ALONE");
        public static readonly Column DateRecorded = Table.Column("DATE_RECORDED");
    }

    /// <summary><c>LAC_EPISODES</c>.</summary>
    public static class LacEpisodes
    {
        public static readonly TableDef Table = new("LAC_EPISODES", required: true, Dataset.PeriodsOfCare) { Periods = [("START_DATE", "END_DATE")] };

        public static readonly Column LacEpisodeNo = Table.Column("LAC_EPISODE_NO");
        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column PeriodOfCareNo = Table.Column("PERIOD_OF_CARE_NO");
        public static readonly Column ReferralNo = Table.Column("REFERRAL_NO");
        public static readonly Column DateEnteredCare = Table.Column("DATE_ENTERED_CARE");
        public static readonly Column StartDate = Table.Column("START_DATE");
        public static readonly Column EndDate = Table.Column("END_DATE");
    }

    /// <summary><c>PLACEMENTS</c>.</summary>
    public static class Placements
    {
        public static readonly TableDef Table = new("PLACEMENTS", required: true, Dataset.Placements, Dataset.PlacementDetails) { Periods = [("START_DATE", "END_DATE")], References = [new("PERIOD_OF_CARE_NO", "period of care", new ParentKey(LacEpisodes.Table, LacEpisodes.PeriodOfCareNo), new ParentKey(LacEpisodes.Table, LacEpisodes.LacEpisodeNo))] };

        public static readonly Column PlacementNo = Table.Column("PLACEMENT_NO");
        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column PeriodOfCareNo = Table.Column("PERIOD_OF_CARE_NO");
        public static readonly Column PlacementType = Table.Column("PLACEMENT_TYPE");
        public static readonly Column StartDate = Table.Column("START_DATE");
        public static readonly Column EndDate = Table.Column("END_DATE");
        public static readonly Column LongTerm = Table.Column("LONG_TERM");
        public static readonly Column TemporaryApproval = Table.Column("TEMPORARY_APPROVAL");
        public static readonly Column CarerApprovedDate = Table.Column("CARER_APPROVED_DATE");
        public static readonly Column ReducedVisitsAgreed = Table.Column("REDUCED_VISITS_AGREED");
        public static readonly Column AgreedVisitIntervalDays = Table.Column("AGREED_VISIT_INTERVAL_DAYS");
    }

    /// <summary><c>LEGAL_STATUSES</c>.</summary>
    public static class LegalStatuses
    {
        public static readonly TableDef Table = new("LEGAL_STATUSES", required: true, Dataset.LegalStatuses) { Periods = [("START_DATE", "END_DATE")] };

        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column LegalStatus = Table.Column("LEGAL_STATUS");
        public static readonly Column StartDate = Table.Column("START_DATE");
        public static readonly Column EndDate = Table.Column("END_DATE");
    }

    /// <summary><c>LAC_REVIEWS</c>.</summary>
    public static class LacReviews
    {
        public static readonly TableDef Table = new("LAC_REVIEWS", required: true, Dataset.LookedAfterReviews);

        public static readonly Column LacReviewNo = Table.Column("LAC_REVIEW_NO");
        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column PeriodOfCareNo = Table.Column("PERIOD_OF_CARE_NO");
        public static readonly Column DueDate = Table.Column("DUE_DATE");
        public static readonly Column ReviewDate = Table.Column("REVIEW_DATE");
        public static readonly Column Cancelled = Table.Column("CANCELLED");
    }

    /// <summary><c>DECISION_RECORDS</c>.</summary>
    public static class DecisionRecords
    {
        public static readonly TableDef Table = new("DECISION_RECORDS", required: true, Dataset.ContactDecisions, Dataset.ManagementRecords);

        public static readonly Column DecisionNo = Table.Column("DECISION_NO");
        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column DecisionType = Table.Column("DECISION_TYPE");
        public static readonly Column LinkedNo = Table.Column("LINKED_NO");
        public static readonly Column DecisionDate = Table.Column("DECISION_DATE");
        public static readonly Column WorkerNo = Table.Column("WORKER_NO");
    }

    /// <summary><c>CASE_SUPERVISION</c>.</summary>
    public static class CaseSupervision
    {
        public static readonly TableDef Table = new("CASE_SUPERVISION", required: true, Dataset.ManagementRecords);

        public static readonly Column SupervisionNo = Table.Column("SUPERVISION_NO");
        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column EpisodeNo = Table.Column("EPISODE_NO");
        public static readonly Column SupervisionDate = Table.Column("SUPERVISION_DATE");
        public static readonly Column SupervisorNo = Table.Column("SUPERVISOR_NO");
    }

    /// <summary><c>MEETINGS</c>.</summary>
    public static class Meetings
    {
        public static readonly TableDef Table = new("MEETINGS", required: false, Dataset.Meetings);

        public static readonly Column MeetingNo = Table.Column("MEETING_NO");
        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column EpisodeNo = Table.Column("EPISODE_NO");
        public static readonly Column MeetingType = Table.Column("MEETING_TYPE");
        public static readonly Column MeetingDate = Table.Column("MEETING_DATE");
        public static readonly Column Cancelled = Table.Column("CANCELLED");
    }

    /// <summary><c>EH_EPISODES</c>.</summary>
    public static class EhEpisodes
    {
        public static readonly TableDef Table = new("EH_EPISODES", required: false, Dataset.EarlyHelpEpisodes) { Periods = [("START_DATE", "END_DATE")] };

        public static readonly Column EhEpisodeNo = Table.Column("EH_EPISODE_NO");
        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column StartDate = Table.Column("START_DATE");
        public static readonly Column EndDate = Table.Column("END_DATE");
        public static readonly Column WorkerNo = Table.Column("WORKER_NO");
    }

    /// <summary><c>EH_TAF_MEETINGS</c>.</summary>
    public static class EhTafMeetings
    {
        public static readonly TableDef Table = new("EH_TAF_MEETINGS", required: false, Dataset.Meetings);

        public static readonly Column TafMeetingNo = Table.Column("TAF_MEETING_NO");
        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column EhEpisodeNo = Table.Column("EH_EPISODE_NO");
        public static readonly Column MeetingType = Table.Column("MEETING_TYPE");
        public static readonly Column MeetingDate = Table.Column("MEETING_DATE");
        public static readonly Column Cancelled = Table.Column("CANCELLED");
    }

    /// <summary><c>DOCUMENTS</c>.</summary>
    public static class Documents
    {
        public static readonly TableDef Table = new("DOCUMENTS", required: false, Dataset.Documents);

        public static readonly Column DocumentNo = Table.Column("DOCUMENT_NO");
        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column EpisodeNo = Table.Column("EPISODE_NO");
        public static readonly Column DocumentType = Table.Column("DOCUMENT_TYPE");
        public static readonly Column DocumentDate = Table.Column("DOCUMENT_DATE");
    }

    /// <summary><c>PRIVATE_FOSTERING</c>.</summary>
    public static class PrivateFostering
    {
        public static readonly TableDef Table = new("PRIVATE_FOSTERING", required: false, Dataset.PrivateFostering) { Periods = [("START_DATE", "END_DATE")] };

        public static readonly Column ArrangementNo = Table.Column("ARRANGEMENT_NO");
        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column NotificationDate = Table.Column("NOTIFICATION_DATE");
        public static readonly Column StartDate = Table.Column("START_DATE");
        public static readonly Column EndDate = Table.Column("END_DATE");
    }

    /// <summary><c>CARE_LEAVERS</c>.</summary>
    public static class CareLeavers
    {
        public static readonly TableDef Table = new("CARE_LEAVERS", required: false, Dataset.CareLeavers);

        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column LatestContactDate = Table.Column("LATEST_CONTACT_DATE");
        public static readonly Column PathwayPlanReviewDate = Table.Column("PATHWAY_PLAN_REVIEW_DATE");
        public static readonly Column WorkerNo = Table.Column("WORKER_NO");
    }

    /// <summary><c>CARE_LEAVER_ACCOMMODATION</c>.</summary>
    public static class CareLeaverAccommodation
    {
        public static readonly TableDef Table = new("CARE_LEAVER_ACCOMMODATION", required: false, Dataset.CareLeaverAccommodation) { Periods = [("START_DATE", "END_DATE")] };

        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column StartDate = Table.Column("START_DATE");
        public static readonly Column EndDate = Table.Column("END_DATE");
    }

    /// <summary><c>CASE_AUDITS</c>.</summary>
    public static class CaseAudits
    {
        public static readonly TableDef Table = new("CASE_AUDITS", required: false, Dataset.Audits);

        public static readonly Column AuditNo = Table.Column("AUDIT_NO");
        public static readonly Column ClientNo = Table.Column("CLIENT_NO");
        public static readonly Column EpisodeNo = Table.Column("EPISODE_NO");
        public static readonly Column AuditDate = Table.Column("AUDIT_DATE");
        public static readonly Column AuditGrade = Table.Column("AUDIT_GRADE");
    }

    /// <summary><c>AUDIT_ACTIONS</c>.</summary>
    public static class AuditActions
    {
        public static readonly TableDef Table = new("AUDIT_ACTIONS", required: false, Dataset.AuditActions);

        public static readonly Column ActionNo = Table.Column("ACTION_NO");
        public static readonly Column AuditNo = Table.Column("AUDIT_NO");
        public static readonly Column Description = Table.Column("DESCRIPTION");
        public static readonly Column Owner = Table.Column("OWNER");
        public static readonly Column DueDate = Table.Column("DUE_DATE");
        public static readonly Column CompletedDate = Table.Column("COMPLETED_DATE");
    }
}

/// <summary>What a <c>CP_CONFERENCES</c> row is.</summary>
public enum ConferenceKind
{
    Initial,
    TransferIn,
    Review,
}

/// <summary>What a <c>DECISION_RECORDS</c> row is.</summary>
public enum DecisionKind
{
    ContactDecision,
    Oversight,
    AuditDiscussion,
}

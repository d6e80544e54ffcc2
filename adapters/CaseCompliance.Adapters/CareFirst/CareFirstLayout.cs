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
    /// <summary>The person table: rows of other tables naming a client not in it are rejected.</summary>
    public const string KeyInformation = "KEY_INFORMATION";

    /// <summary>The person key column of every client table.</summary>
    public const string ClientNo = "CLIENT_NO";

    public static readonly TableLayout[] Tables =
    [
        new(KeyInformation, true, [Dataset.PersonDetails], [ClientNo, "FORENAME", "SURNAME", "GENDER", "ETHNICITY", "ETHNICITY_DETAIL", "DATE_OF_BIRTH", "EXPECTED_DATE_OF_BIRTH", "DATE_OF_DEATH", "UPN", "UPN_UNKNOWN_REASON", "TELEPHONE", "PRIMARY_NEED"]),
        new("CLIENT_ADDRESSES", true, [Dataset.Addresses], [ClientNo, "ADDRESS", "POSTCODE", "START_DATE", "END_DATE"]) { Periods = [("START_DATE", "END_DATE")] },
        new("CLIENT_DISABILITIES", true, [Dataset.Disabilities], [ClientNo, "DISABILITY_CODE"]),
        new("TEAMS", true, [], ["TEAM_NO", "TEAM_NAME", "PARENT_TEAM_NO"]),
        new("WORKERS", true, [], ["WORKER_NO", "WORKER_NAME", "JOB_TITLE", "TEAM_NO"]),
        new("CONTACTS", true, [Dataset.Contacts], ["CONTACT_NO", ClientNo, "CONTACT_DATE"]),
        new("REFERRALS", true, [Dataset.Referrals], ["REFERRAL_NO", ClientNo, "REFERRAL_DATE", "PRIMARY_NEED", "REFERRAL_OUTCOME", "CLOSURE_DATE", "TEAM_NO", "WORKER_NO"]) { Periods = [("REFERRAL_DATE", "CLOSURE_DATE")] },
        new("ALLOCATIONS", true, [Dataset.Allocations], ["ALLOCATION_NO", ClientNo, "EPISODE_NO", "WORKER_NO", "WORKER_ROLE", "TEAM_NO", "START_DATE", "END_DATE"]) { Periods = [("START_DATE", "END_DATE")] },
        new("ASSESSMENTS", true, [Dataset.SocialCareAssessments, Dataset.EarlyHelpAssessments, Dataset.AssessmentReviewPoints], ["ASSESSMENT_NO", ClientNo, "EPISODE_NO", "ASSESSMENT_TYPE", "START_DATE", "REVIEW_POINT_DATE", "CHILD_SEEN", "AUTHORISED_DATE"]),
        new("S47_ENQUIRIES", true, [Dataset.S47Enquiries], ["S47_NO", ClientNo, "REFERRAL_NO", "STRATEGY_DISCUSSION_DATE", "END_DATE"]) { Periods = [("STRATEGY_DISCUSSION_DATE", "END_DATE")] },
        new("CIN_PLANS", true, [Dataset.Plans, Dataset.PlanVisitFrequency], ["CIN_PLAN_NO", ClientNo, "REFERRAL_NO", "START_DATE", "END_DATE", "VISIT_FREQUENCY_DAYS", "VISIT_FREQUENCY_BASIS"]) { Periods = [("START_DATE", "END_DATE")] },
        new("CP_REGISTRATIONS", true, [Dataset.Plans, Dataset.PlanVisitFrequency], ["REGISTRATION_NO", ClientNo, "REFERRAL_NO", "CONFERENCE_NO", "REGISTRATION_DATE", "DEREGISTRATION_DATE", "VISIT_FREQUENCY_DAYS", "VISIT_FREQUENCY_BASIS"]) { Periods = [("REGISTRATION_DATE", "DEREGISTRATION_DATE")] },
        new("CP_CONFERENCES", true, [Dataset.InitialConferences, Dataset.ChildProtectionReviews], ["CONFERENCE_NO", ClientNo, "CONFERENCE_TYPE", "S47_NO", "REGISTRATION_NO", "REFERRAL_NO", "DUE_DATE", "CONFERENCE_DATE"]),
        new("VISIT_TO_CHILD", true, [Dataset.ChildProtectionVisits, Dataset.ChildInNeedVisits, Dataset.LookedAfterVisits, Dataset.OtherVisits, Dataset.EarlyHelpContacts, Dataset.VisitDetails], ["VISIT_NO", ClientNo, "EPISODE_NO", "VISIT_TYPE", "VISIT_DATE", "CHILD_SEEN", "SEEN_ALONE", "REASON_NOT_SEEN_ALONE", "DATE_RECORDED"]),
        new("LAC_EPISODES", true, [Dataset.PeriodsOfCare], ["LAC_EPISODE_NO", ClientNo, "PERIOD_OF_CARE_NO", "REFERRAL_NO", "DATE_ENTERED_CARE", "START_DATE", "END_DATE"]) { Periods = [("START_DATE", "END_DATE")] },
        new("PLACEMENTS", true, [Dataset.Placements, Dataset.PlacementDetails], ["PLACEMENT_NO", ClientNo, "PERIOD_OF_CARE_NO", "PLACEMENT_TYPE", "START_DATE", "END_DATE", "LONG_TERM", "TEMPORARY_APPROVAL", "CARER_APPROVED_DATE", "REDUCED_VISITS_AGREED", "AGREED_VISIT_INTERVAL_DAYS"]) { Periods = [("START_DATE", "END_DATE")], References = [new("PERIOD_OF_CARE_NO", "period of care", new ParentKey("LAC_EPISODES", "PERIOD_OF_CARE_NO"), new ParentKey("LAC_EPISODES", "LAC_EPISODE_NO"))] },
        new("LEGAL_STATUSES", true, [Dataset.LegalStatuses], [ClientNo, "LEGAL_STATUS", "START_DATE", "END_DATE"]) { Periods = [("START_DATE", "END_DATE")] },
        new("LAC_REVIEWS", true, [Dataset.LookedAfterReviews], ["LAC_REVIEW_NO", ClientNo, "PERIOD_OF_CARE_NO", "DUE_DATE", "REVIEW_DATE", "CANCELLED"]),
        new("DECISION_RECORDS", true, [Dataset.ContactDecisions, Dataset.ManagementRecords], ["DECISION_NO", ClientNo, "DECISION_TYPE", "LINKED_NO", "DECISION_DATE", "WORKER_NO"]),
        new("CASE_SUPERVISION", true, [Dataset.ManagementRecords], ["SUPERVISION_NO", ClientNo, "EPISODE_NO", "SUPERVISION_DATE", "SUPERVISOR_NO"]),
        new("MEETINGS", false, [Dataset.Meetings], ["MEETING_NO", ClientNo, "EPISODE_NO", "MEETING_TYPE", "MEETING_DATE", "CANCELLED"]),
        new("EH_EPISODES", false, [Dataset.EarlyHelpEpisodes], ["EH_EPISODE_NO", ClientNo, "START_DATE", "END_DATE", "WORKER_NO"]) { Periods = [("START_DATE", "END_DATE")] },
        new("EH_TAF_MEETINGS", false, [Dataset.Meetings], ["TAF_MEETING_NO", ClientNo, "EH_EPISODE_NO", "MEETING_TYPE", "MEETING_DATE", "CANCELLED"]),
        new("DOCUMENTS", false, [Dataset.Documents], ["DOCUMENT_NO", ClientNo, "EPISODE_NO", "DOCUMENT_TYPE", "DOCUMENT_DATE"]),
        new("PRIVATE_FOSTERING", false, [Dataset.PrivateFostering], ["ARRANGEMENT_NO", ClientNo, "NOTIFICATION_DATE", "START_DATE", "END_DATE"]) { Periods = [("START_DATE", "END_DATE")] },
        new("CARE_LEAVERS", false, [Dataset.CareLeavers], [ClientNo, "LATEST_CONTACT_DATE", "PATHWAY_PLAN_REVIEW_DATE", "WORKER_NO"]),
        new("CARE_LEAVER_ACCOMMODATION", false, [Dataset.CareLeaverAccommodation], [ClientNo, "START_DATE", "END_DATE"]) { Periods = [("START_DATE", "END_DATE")] },
        new("CASE_AUDITS", false, [Dataset.Audits], ["AUDIT_NO", ClientNo, "EPISODE_NO", "AUDIT_DATE", "AUDIT_GRADE"]),
        new("AUDIT_ACTIONS", false, [Dataset.AuditActions], ["ACTION_NO", "AUDIT_NO", "DESCRIPTION", "OWNER", "DUE_DATE", "COMPLETED_DATE"]),
    ];

    /// <summary>
    /// How each table links to a child, for streaming: a table with <c>CLIENT_NO</c> by that column; audit actions by
    /// their audit (<c>AUDIT_NO</c>). Teams and workers are the directory.
    /// </summary>
    public static readonly StreamLayout Stream = new(KeyInformation, ClientNo,
        Tables.Skip(1).Where(t => t.Columns.Contains(ClientNo))
            .Select(t => KeyValuePair.Create(t.Name, (TableLink)new PersonLink(ClientNo)))
            .Append(KeyValuePair.Create("AUDIT_ACTIONS", (TableLink)new ParentLink("AUDIT_NO", new ParentKey("CASE_AUDITS", "AUDIT_NO"))))
            .ToDictionary(StringComparer.OrdinalIgnoreCase),
        ["TEAMS", "WORKERS"]);

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
    public static readonly CodeGroup<bool> WorkerRoles = new("ALLOCATIONS.WORKER_ROLE", [("AllocatedWorkerRoles", true)], "IgnoredWorkerRoles");

    public static readonly CodeGroup<bool> ReferralOutcomes = new("REFERRALS.REFERRAL_OUTCOME",
        [("NoFurtherActionOutcomes", true), ("OtherReferralOutcomes", false)], null);

    public static readonly CodeGroup<AssessmentKind> AssessmentTypes = new("ASSESSMENTS.ASSESSMENT_TYPE",
        [("SocialCareAssessmentTypes", AssessmentKind.SocialCare), ("EarlyHelpAssessmentTypes", AssessmentKind.EarlyHelp)], "IgnoredAssessmentTypes");

    public static readonly CodeGroup<VisitKind> VisitTypes = new("VISIT_TO_CHILD.VISIT_TYPE",
    [
        ("CpVisitTypes", VisitKind.ChildProtection),
        ("CinVisitTypes", VisitKind.ChildInNeed),
        ("LacVisitTypes", VisitKind.LookedAfter),
        ("PrivateFosteringVisitTypes", VisitKind.PrivateFostering),
        ("CareLeaverVisitTypes", VisitKind.CareLeaver),
        ("EarlyHelpHomeVisitTypes", VisitKind.EarlyHelpHomeVisit),
        ("EarlyHelpContactTypes", VisitKind.EarlyHelpContact),
    ], "IgnoredVisitTypes");

    public static readonly CodeGroup<MeetingType> MeetingTypes = new("MEETINGS.MEETING_TYPE",
    [
        ("StrategyDiscussionTypes", MeetingType.StrategyDiscussion),
        ("CoreGroupTypes", MeetingType.CoreGroup),
        ("CinReviewTypes", MeetingType.ChildInNeedReview),
        ("PathwayPlanReviewTypes", MeetingType.PathwayPlanReview),
    ], "IgnoredMeetingTypes");

    public static readonly CodeGroup<MeetingType> TafMeetingTypes = new("EH_TAF_MEETINGS.MEETING_TYPE",
        [("TafMeetingTypes", MeetingType.TeamAroundFamily), ("TafReviewTypes", MeetingType.TeamAroundFamilyReview)], null);

    public static readonly CodeGroup<ConferenceKind> ConferenceTypes = new("CP_CONFERENCES.CONFERENCE_TYPE",
    [
        ("InitialConferenceTypes", ConferenceKind.Initial),
        ("TransferInConferenceTypes", ConferenceKind.TransferIn),
        ("ReviewConferenceTypes", ConferenceKind.Review),
    ], null);

    public static readonly CodeGroup<DecisionKind> DecisionTypes = new("DECISION_RECORDS.DECISION_TYPE",
    [
        ("ContactDecisionTypes", DecisionKind.ContactDecision),
        ("OversightDecisionTypes", DecisionKind.Oversight),
        ("AuditDiscussionDecisionTypes", DecisionKind.AuditDiscussion),
    ], "IgnoredDecisionTypes");

    public static readonly CodeGroup<DocumentKind> DocumentTypes = new("DOCUMENTS.DOCUMENT_TYPE",
        [("ConsentDocumentTypes", DocumentKind.Consent), ("OutcomeStarDocumentTypes", DocumentKind.OutcomeStar)], "IgnoredDocumentTypes");

    public static readonly CodeGroup<bool> FrequencyBases = new("VISIT_FREQUENCY_BASIS",
        [("CalendarFrequencyBases", false), ("WorkingFrequencyBases", true)], null);
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

/// <summary>
/// The code lists of one coded column: each key's codes mean one canonical value; the ignored key's codes are
/// skipped. A code listed under two keys of a group is a configuration error that fails the source.
/// </summary>
public sealed record CodeGroup<T>(string Column, (string Key, T Value)[] Keys, string? IgnoredKey)
{
    /// <summary>Every configuration key of the group.</summary>
    public IEnumerable<string> AllKeys => Keys.Select(k => k.Key).Concat(IgnoredKey is null ? [] : [IgnoredKey]);
}

using System.Collections.Immutable;

namespace CaseCompliance.Domain;

/// <summary>The kinds of data a source may or may not record; rules needing an absent one are not applicable.</summary>
public enum Dataset
{
    Contacts,
    ContactDecisions,
    Referrals,
    EarlyHelpEpisodes,
    Allocations,
    SocialCareAssessments,
    EarlyHelpAssessments,
    AssessmentReviewPoints,
    EarlyHelpContacts,
    S47Enquiries,
    InitialConferences,
    Plans,
    PlanVisitFrequency,
    Meetings,
    ChildProtectionReviews,
    LookedAfterReviews,
    ChildProtectionVisits,
    ChildInNeedVisits,
    LookedAfterVisits,
    OtherVisits,
    VisitDetails,
    PeriodsOfCare,
    Placements,
    PlacementDetails,
    LegalStatuses,
    PrivateFostering,
    CareLeavers,
    CareLeaverAccommodation,
    ManagementRecords,
    Documents,
    Audits,
    AuditActions,
    PersonDetails,
    Addresses,
    Disabilities,
    MissingEpisodes,

    /// <summary>The child's surname and forename: every case management system holds them; a statutory return (SSDA903) does not.</summary>
    PersonNames,
}

/// <summary>Everything one source knows about one child, in the canonical shape the rules read.</summary>
public sealed record CaseRecord(string Source, Person Person)
{
    public ImmutableArray<Contact> Contacts { get; init; } = [];
    public ImmutableArray<Referral> Referrals { get; init; } = [];
    public ImmutableArray<EarlyHelpEpisode> EarlyHelpEpisodes { get; init; } = [];
    public ImmutableArray<Allocation> Allocations { get; init; } = [];
    public ImmutableArray<Assessment> Assessments { get; init; } = [];
    public ImmutableArray<AssessmentReviewPoint> AssessmentReviewPoints { get; init; } = [];
    public ImmutableArray<S47Enquiry> S47Enquiries { get; init; } = [];
    public ImmutableArray<InitialConference> InitialConferences { get; init; } = [];
    public ImmutableArray<Plan> Plans { get; init; } = [];
    public ImmutableArray<Meeting> Meetings { get; init; } = [];
    public ImmutableArray<Visit> Visits { get; init; } = [];
    public ImmutableArray<PeriodOfCare> PeriodsOfCare { get; init; } = [];
    public ImmutableArray<Placement> Placements { get; init; } = [];
    public ImmutableArray<LegalStatus> LegalStatuses { get; init; } = [];
    public ImmutableArray<PrivateFostering> PrivateFostering { get; init; } = [];
    public CareLeaver? CareLeaver { get; init; }
    public ImmutableArray<CareLeaverAccommodation> CareLeaverAccommodation { get; init; } = [];
    public ImmutableArray<ManagementRecord> ManagementRecords { get; init; } = [];
    public ImmutableArray<Document> Documents { get; init; } = [];
    public ImmutableArray<Audit> Audits { get; init; } = [];
    public ImmutableArray<AuditAction> AuditActions { get; init; } = [];
    public ImmutableArray<MissingEpisode> MissingEpisodes { get; init; } = [];

    /// <summary>The data sets this source records; a rule needing another one reports not-applicable.</summary>
    public ImmutableHashSet<Dataset> Recorded { get; init; } = [];

    public bool Records(Dataset dataset) => Recorded.Contains(dataset);
}

/// <summary>Workers and teams of one source, shared by every case record it yields.</summary>
public sealed class CaseDirectory
{
    public static readonly CaseDirectory Empty = new([], []);

    public CaseDirectory(IEnumerable<Worker> workers, IEnumerable<Team> teams)
    {
        Workers = workers.GroupBy(w => w.Id).ToImmutableDictionary(g => g.Key, g => g.First());
        Teams = teams.GroupBy(t => t.Id).ToImmutableDictionary(g => g.Key, g => g.First());
    }

    public ImmutableDictionary<string, Worker> Workers { get; }

    public ImmutableDictionary<string, Team> Teams { get; }
}

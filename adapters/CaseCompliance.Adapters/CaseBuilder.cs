using System.Collections.Immutable;
using CaseCompliance.Domain;

namespace CaseCompliance.Adapters;

/// <summary>Collects one child's records while tables are read; <see cref="Build"/> freezes them.</summary>
public sealed class CaseBuilder(Person person)
{
    public Person Person { get; set; } = person;
    public List<Address> Addresses { get; } = [];
    public List<string> Disabilities { get; } = [];
    public List<Contact> Contacts { get; } = [];
    public List<Referral> Referrals { get; } = [];
    public List<EarlyHelpEpisode> EarlyHelpEpisodes { get; } = [];
    public List<Allocation> Allocations { get; } = [];
    public List<Assessment> Assessments { get; } = [];
    public List<AssessmentReviewPoint> ReviewPoints { get; } = [];
    public List<S47Enquiry> S47Enquiries { get; } = [];
    public List<InitialConference> Conferences { get; } = [];
    public List<Plan> Plans { get; } = [];
    public List<Meeting> Meetings { get; } = [];
    public List<Visit> Visits { get; } = [];
    public List<PeriodOfCare> PeriodsOfCare { get; } = [];
    public List<Placement> Placements { get; } = [];
    public List<LegalStatus> LegalStatuses { get; } = [];
    public List<PrivateFostering> PrivateFostering { get; } = [];
    public CareLeaver? CareLeaver { get; set; }
    public List<CareLeaverAccommodation> Accommodation { get; } = [];
    public List<ManagementRecord> ManagementRecords { get; } = [];
    public List<Document> Documents { get; } = [];
    public List<Audit> Audits { get; } = [];
    public List<AuditAction> AuditActions { get; } = [];
    public List<MissingEpisode> MissingEpisodes { get; } = [];

    public CaseRecord Build(string source, ImmutableHashSet<Dataset> recorded) => new(source, Person with
    {
        Addresses = [.. Addresses],
        Disabilities = [.. Disabilities.Where(d => !d.Equals("NONE", StringComparison.OrdinalIgnoreCase))],
        DisabilityRecorded = Disabilities.Count > 0,
    })
    {
        Contacts = [.. Contacts],
        Referrals = [.. Referrals],
        EarlyHelpEpisodes = [.. EarlyHelpEpisodes],
        Allocations = [.. Allocations],
        Assessments = [.. Assessments],
        AssessmentReviewPoints = [.. ReviewPoints],
        S47Enquiries = [.. S47Enquiries],
        InitialConferences = [.. Conferences],
        Plans = [.. Plans],
        Meetings = [.. Meetings],
        Visits = [.. Visits],
        PeriodsOfCare = [.. PeriodsOfCare],
        Placements = [.. Placements],
        LegalStatuses = [.. LegalStatuses],
        PrivateFostering = [.. PrivateFostering],
        CareLeaver = CareLeaver,
        CareLeaverAccommodation = [.. Accommodation],
        ManagementRecords = [.. ManagementRecords],
        Documents = [.. Documents],
        Audits = [.. Audits],
        AuditActions = [.. AuditActions],
        MissingEpisodes = [.. MissingEpisodes],
        Recorded = recorded,
    };
}

using NodaTime;

namespace CaseCompliance.Domain;

/// <summary>A period of care (looked after), from entering care to ceasing.</summary>
public sealed record PeriodOfCare(string Id, string PersonId, string? ReferralId, LocalDate Start, LocalDate? End)
{
    /// <summary>
    /// Set where the source records this period's looked-after reviews only from this date, not from its start: a
    /// yearly return (SSDA903) holds every episode open during its collection year but only the reviews held during
    /// it, so a period that started before the year has its earlier reviews missing. Null where every review of the
    /// period is in the source. It is on or after <see cref="Start"/>; it equals it for care whose start is not in the
    /// source (the start is then the first episode the source holds).
    /// </summary>
    public LocalDate? ReviewsRecordedFrom { get; init; }

    public bool IsOpenAt(LocalDate date) => Start <= date && (End is null || End >= date);
}

/// <summary>The visiting schedule a placement falls under (rules.md, LAC visiting schedules).</summary>
public enum PlacementCategory
{
    Standard,
    ConnectedPersonTemporary,
    PlacedWithParentsPendingAssessment,
    PlacedWithParentsInterimCareOrder,
    PlacedWithParentsCareOrder,
    ShortBreak,
    OtherResponsiblePerson,
}

/// <summary>A placement within a period of care.</summary>
public sealed record Placement(
    string Id,
    string PersonId,
    string? PeriodOfCareId,
    LocalDate Start,
    LocalDate? End,
    string? TypeCode)
{
    public bool? LongTerm { get; init; }
    public bool? TemporaryApproval { get; init; }
    public LocalDate? CarerApprovedDate { get; init; }
    public bool? ReducedVisitsAgreed { get; init; }
    public int? AgreedIntervalDays { get; init; }
}

/// <summary>
/// A missing or away-from-placement episode of a child (SSDA903 <c>missing.csv</c>, SSD <c>ssd_missing</c>):
/// <paramref name="Type"/> is <c>missing</c> or <c>away</c> (absent without authorisation) where the source says.
/// </summary>
public sealed record MissingEpisode(string Id, string PersonId, LocalDate Start, LocalDate? End, string? Type);

/// <summary>A legal status (SSDA903 LS code) held for a period.</summary>
public sealed record LegalStatus(string PersonId, string Code, LocalDate Start, LocalDate? End)
{
    public bool IsOpenAt(LocalDate date) => Start <= date && (End is null || End >= date);
}

/// <summary>A private fostering arrangement notified to the authority.</summary>
public sealed record PrivateFostering(string Id, string PersonId, LocalDate? Notification, LocalDate? Start, LocalDate? End);

/// <summary>A care leaver's record: pathway plan and worker.</summary>
public sealed record CareLeaver(string PersonId, LocalDate? LatestContact, LocalDate? PathwayPlanReviewDate, string? WorkerId);

/// <summary>Accommodation the authority provides to a care leaver.</summary>
public sealed record CareLeaverAccommodation(string PersonId, LocalDate Start, LocalDate? End)
{
    public string Id => $"{PersonId}@{Start:yyyy-MM-dd}";
}

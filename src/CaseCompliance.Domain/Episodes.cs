using NodaTime;

namespace CaseCompliance.Domain;

/// <summary>A contact received by the front door (MASH / duty), with the decision on it.</summary>
public sealed record Contact(string Id, string PersonId, LocalDate Date)
{
    /// <summary>When the contact was received, where the source records a time.</summary>
    public LocalDateTime? ReceivedAt { get; init; }

    /// <summary>When the decision on the contact was made; null when no decision is recorded.</summary>
    public LocalDateTime? DecisionAt { get; init; }

    /// <summary>Whether the source gave times of day (then "24 hours" means 24 hours, else 1 working day).</summary>
    public bool HasTimes { get; init; }
}

/// <summary>A children's social care referral (CIN episode).</summary>
public sealed record Referral(
    string Id,
    string PersonId,
    LocalDate ReferralDate,
    LocalDate? CloseDate,
    string? PrimaryNeedCode,
    bool? NoFurtherAction,
    string? TeamId,
    string? WorkerId)
{
    public bool IsOpenAt(LocalDate date) => ReferralDate <= date && (CloseDate is null || CloseDate >= date);
}

/// <summary>An Early Help episode (request for support through to closure).</summary>
public sealed record EarlyHelpEpisode(string Id, string PersonId, LocalDate Start, LocalDate? End, string? WorkerId)
{
    public bool IsOpenAt(LocalDate date) => Start <= date && (End is null || End >= date);
}

/// <summary>A worker's involvement with a child; the allocated-worker role makes it an allocation.</summary>
public sealed record Allocation(
    string Id,
    string PersonId,
    string? WorkerId,
    string? Role,
    string? TeamId,
    LocalDate Start,
    LocalDate? End,
    string? EpisodeId)
{
    public bool IsOpenAt(LocalDate date) => Start <= date && (End is null || End >= date);
}

/// <summary>Which kind of assessment a record is.</summary>
public enum AssessmentKind
{
    /// <summary>A children's social care (single/child and family) assessment.</summary>
    SocialCare,

    /// <summary>An Early Help (family) assessment.</summary>
    EarlyHelp,
}

/// <summary>An assessment, from start to authorisation/completion.</summary>
public sealed record Assessment(
    string Id,
    string PersonId,
    string? EpisodeId,
    AssessmentKind Kind,
    LocalDate? Start,
    LocalDate? Completed,
    bool? ChildSeen);

/// <summary>A review/decision point recorded during a social care assessment.</summary>
public sealed record AssessmentReviewPoint(string AssessmentId, LocalDate Date);

/// <summary>A section 47 enquiry; its start is the strategy discussion that initiated it.</summary>
public sealed record S47Enquiry(string Id, string PersonId, string? ReferralId, LocalDate Start, LocalDate? End)
{
    /// <summary>The source's own due date for the initial conference (the CIN census <c>InitialCPCtarget</c>), where
    /// it records one. No rule reads it yet; it is kept for <c>system-due-dates</c>.</summary>
    public LocalDate? IcpcTarget { get; init; }
}

/// <summary>An initial child protection conference.</summary>
public sealed record InitialConference(
    string Id,
    string PersonId,
    string? S47EnquiryId,
    string? CpPlanId,
    string? ReferralId,
    bool TransferIn,
    LocalDate? Date);

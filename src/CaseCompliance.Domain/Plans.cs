using NodaTime;

namespace CaseCompliance.Domain;

/// <summary>Which kind of plan.</summary>
public enum PlanKind
{
    ChildInNeed,
    ChildProtection,
}

/// <summary>A visit frequency the plan itself records (stricter than, or instead of, the default).</summary>
public sealed record VisitFrequency(int IntervalDays, bool WorkingDays);

/// <summary>A child in need or child protection plan.</summary>
public sealed record Plan(
    string Id,
    string PersonId,
    string? ReferralId,
    PlanKind Kind,
    LocalDate Start,
    LocalDate? End,
    string? IcpcId)
{
    public VisitFrequency? VisitFrequency { get; init; }

    public bool IsOpenAt(LocalDate date) => Start <= date && (End is null || End >= date);
}

/// <summary>Types of meeting the rules care about.</summary>
public enum MeetingType
{
    TeamAroundFamily,
    TeamAroundFamilyReview,
    CoreGroup,
    ChildInNeedReview,
    PathwayPlanReview,
    StrategyDiscussion,
    ChildProtectionReview,
    LookedAfterReview,
}

/// <summary>A meeting: TAF, core group, review conference, LAC review, pathway plan review...</summary>
public sealed record Meeting(
    string Id,
    string PersonId,
    string? EpisodeId,
    MeetingType Type,
    LocalDate? Date,
    bool Cancelled)
{
    /// <summary>The due date the source system itself recorded, if any (for information only).</summary>
    public LocalDate? RecordedDueDate { get; init; }

    /// <summary>Held: has a date and was not cancelled.</summary>
    public bool Held => Date is not null && !Cancelled;
}

/// <summary>Kinds of visit and family contact.</summary>
public enum VisitKind
{
    ChildProtection,
    ChildInNeed,
    LookedAfter,
    PrivateFostering,
    CareLeaver,
    EarlyHelpHomeVisit,
    EarlyHelpContact,
}

/// <summary>A visit to (or contact with) a child or family.</summary>
public sealed record Visit(
    string Id,
    string PersonId,
    string? EpisodeId,
    VisitKind Kind,
    LocalDate Date,
    bool? Seen,
    bool? SeenAlone)
{
    /// <summary>Reason recorded where the child was not seen alone.</summary>
    public string? NotSeenAloneReason { get; init; }

    /// <summary>The date the visit was written up, where the source records it.</summary>
    public LocalDate? RecordedDate { get; init; }

    /// <summary>Statutory visits are the ones the visit-seen-alone rule looks at.</summary>
    public bool IsStatutory => Kind is VisitKind.ChildProtection or VisitKind.ChildInNeed
        or VisitKind.LookedAfter or VisitKind.PrivateFostering;
}

using System.Collections.Immutable;
using NodaTime;

namespace CaseCompliance.Rules.Engine;

/// <summary>The statuses of rules.md; <see cref="FindingStatuses.Id"/> gives the contract's spelling.</summary>
public enum FindingStatus
{
    Met,
    Late,
    Overdue,
    DueSoon,
    Pending,
    Early,
    MissingData,
    NotApplicable,
}

public static class FindingStatuses
{
    public static readonly ImmutableArray<FindingStatus> All = [.. Enum.GetValues<FindingStatus>()];

    public static string Id(this FindingStatus status) => status switch
    {
        FindingStatus.Met => "met",
        FindingStatus.Late => "late",
        FindingStatus.Overdue => "overdue",
        FindingStatus.DueSoon => "due-soon",
        FindingStatus.Pending => "pending",
        FindingStatus.Early => "early",
        FindingStatus.MissingData => "missing-data",
        FindingStatus.NotApplicable => "not-applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static FindingStatus Parse(string id) =>
        All.FirstOrDefault(s => s.Id() == id, (FindingStatus)(-1)) is var s && (int)s >= 0
            ? s
            : throw new FormatException($"Unknown finding status '{id}'.");

    /// <summary>Breaches and data-quality problems: the rows of an exception list.</summary>
    public static bool IsException(this FindingStatus status) =>
        status is FindingStatus.Late or FindingStatus.Overdue or FindingStatus.MissingData;
}

/// <summary>One obligation instance checked by one rule for one child (a row of findings.csv).</summary>
public sealed record Finding
{
    public required string RuleId { get; init; }
    public required FindingStatus Status { get; init; }
    public required string Source { get; init; }

    /// <summary>The source system's person id, without the source prefix.</summary>
    public required string ChildId { get; init; }

    /// <summary>The source system's episode/plan/placement id, without prefix; null for person-level rules.</summary>
    public string? EpisodeId { get; init; }

    public LocalDate? AnchorDate { get; init; }
    public LocalDate? DueDate { get; init; }
    public LocalDate? CompletedDate { get; init; }
    public int? DaysLate { get; init; }
    public int? WorkingDaysLate { get; init; }
    public string? WorkerId { get; init; }
    public string? Team { get; init; }
    public ImmutableArray<string> Evidence { get; init; } = [];
    public required string Detail { get; init; }

    /// <summary>For an obligation left unmet when its episode ended: the end date its lateness is counted to.</summary>
    public LocalDate? LapsedOn { get; init; }

    /// <summary>For <c>missing-data</c>: the field(s) that were absent or invalid.</summary>
    public string? MissingField { get; init; }
}

using CaseCompliance.Rules.Engine;
using NodaTime;

namespace CaseCompliance.Scanning;

/// <summary>Status of one source in a scan (summary.json): <c>ok</c>, <c>failed</c> or <c>stale</c>.</summary>
public sealed record SourceSummary(string Name, string Kind, string Location)
{
    public string Status { get; init; } = "ok";
    public string? Reason { get; init; }
    public long RecordsRead { get; init; }
    public int RecordsRejected { get; init; }
    public int Children { get; init; }
    public int Findings { get; init; }

    /// <summary>How the extract was read: <c>streamed</c> a window of children at a time, or <c>whole</c>.</summary>
    public string Reading { get; init; } = "whole";

    /// <summary>Why an extract that could have been streamed was read whole (a table out of person order).</summary>
    public string? ReadingNote { get; init; }

    /// <summary>For a failed source: the as-of date of the last good findings published again in its place.</summary>
    public LocalDate? KeptFrom { get; init; }
}

/// <summary>What a scan did and where its files went.</summary>
public sealed record ScanResult
{
    public required Guid ScanId { get; init; }
    public required LocalDate AsOf { get; init; }
    public required Instant StartedAt { get; init; }
    public required Instant FinishedAt { get; init; }
    public required IReadOnlyList<SourceSummary> Sources { get; init; }

    /// <summary>Counts per rule id, then per status.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<FindingStatus, int>> Counts { get; init; }

    public required int FindingCount { get; init; }
    public required int ExceptionCount { get; init; }
    public required int RejectedCount { get; init; }
    public required int RuleFailureCount { get; init; }
    public required string OutputDirectory { get; init; }
    public required IReadOnlyDictionary<string, string> Files { get; init; }

    /// <summary>A source failed, or rows were rejected: the scan completed but exit code 3 is owed.</summary>
    public bool HasProblems => Sources.Any(s => s.Status != "ok") || RejectedCount > 0 || RuleFailureCount > 0;
}

/// <summary>Progress of a scan, for the command line's display.</summary>
public sealed record ScanProgress(string Source, string Stage, int Done, int Total);

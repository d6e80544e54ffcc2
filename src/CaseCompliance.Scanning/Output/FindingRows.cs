using System.Globalization;
using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;
using NodaTime;

namespace CaseCompliance.Scanning.Output;

/// <summary>The columns of findings.csv and exceptions.csv (cli-and-outputs.md), in contract order.</summary>
public static class FindingRows
{
    public static readonly string[] Header =
    [
        "rule_id", "status", "child_id", "episode_id", "source", "anchor_date", "due_date", "completed_date",
        "days_late", "working_days_late", "worker_id", "team", "evidence", "detail",
    ];

    /// <summary>A source id with its source prefix: <c>standard:C001</c>.</summary>
    public static string Prefixed(string source, string id) => $"{source}:{id}";

    public static string?[] Row(Finding f) =>
    [
        f.RuleId,
        f.Status.Id(),
        Prefixed(f.Source, f.ChildId),
        f.EpisodeId is null ? null : Prefixed(f.Source, f.EpisodeId),
        f.Source,
        Date(f.AnchorDate),
        Date(f.DueDate),
        Date(f.CompletedDate),
        Number(f.DaysLate),
        Number(f.WorkingDaysLate),
        f.WorkerId,
        f.Team,
        string.Join(';', f.Evidence),
        f.Detail,
    ];

    public static string? Date(LocalDate? d) => d is { } date ? IsoDate.Format(date) : null;

    private static string? Number(int? n) => n?.ToString(CultureInfo.InvariantCulture);
}

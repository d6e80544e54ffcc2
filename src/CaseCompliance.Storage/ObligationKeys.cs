namespace CaseCompliance.Storage;

/// <summary>Identifies one obligation across scans, so a breach can be followed from overdue to late to gone.</summary>
public static class ObligationKeys
{
    /// <summary>
    /// <c>rule_id|child_id|episode_id|anchor_date|due_date|first evidence id</c> of a findings.csv row (14 columns,
    /// no header). The first evidence id is the record the due date was counted from (ADR 002), so it is the same
    /// while the obligation is overdue and once it is done late; the completing records that follow it are not.
    /// </summary>
    public static string Of(string?[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Length < FindingColumns.Count)
        {
            throw new ArgumentException($"a findings row has {FindingColumns.Count} columns, this one {row.Length}.", nameof(row));
        }

        var evidence = row[FindingColumns.Evidence] ?? "";
        var cut = evidence.IndexOf(';');
        var first = (cut < 0 ? evidence : evidence[..cut]).Trim();
        return string.Join('|', row[FindingColumns.RuleId] ?? "", row[FindingColumns.ChildId] ?? "", row[FindingColumns.EpisodeId] ?? "",
            row[FindingColumns.AnchorDate] ?? "", row[FindingColumns.DueDate] ?? "", first);
    }
}

/// <summary>The findings.csv columns, in the contract's order (cli-and-outputs.md).</summary>
public static class FindingColumns
{
    public const int RuleId = 0;
    public const int Status = 1;
    public const int ChildId = 2;
    public const int EpisodeId = 3;
    public const int Source = 4;
    public const int AnchorDate = 5;
    public const int DueDate = 6;
    public const int CompletedDate = 7;
    public const int DaysLate = 8;
    public const int WorkingDaysLate = 9;
    public const int WorkerId = 10;
    public const int Team = 11;
    public const int Evidence = 12;
    public const int Detail = 13;
    public const int Count = 14;

    public static IReadOnlyList<string> Names { get; } =
    [
        "rule_id", "status", "child_id", "episode_id", "source", "anchor_date", "due_date", "completed_date", "days_late",
        "working_days_late", "worker_id", "team", "evidence", "detail",
    ];
}

/// <summary>The finding statuses the history follows: breaches, and which of them are still open.</summary>
public static class BreachStatuses
{
    public const string Late = "late";
    public const string Overdue = "overdue";
    public const string MissingData = "missing-data";

    /// <summary><c>late</c>, <c>overdue</c> and <c>missing-data</c>: the statuses of the exception list.</summary>
    public static IReadOnlyList<string> All { get; } = [Late, Overdue, MissingData];

    /// <summary><c>overdue</c> and <c>missing-data</c>: breaches someone can still put right.</summary>
    public static IReadOnlyList<string> Open { get; } = [Overdue, MissingData];

    public static bool IsBreach(string? status) => status is Late or Overdue or MissingData;

    public static bool IsOpen(string? status) => status is Overdue or MissingData;
}

using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CaseCompliance.Storage.Sql;

/// <summary>One findings.csv row, parsed and checked, with its place in the scan, its obligation and whether it is stale.</summary>
internal sealed class FindingRow
{
    public int Ordinal { get; private set; }
    public string RuleId { get; private set; } = "";
    public string Status { get; private set; } = "";
    public string ChildId { get; private set; } = "";
    public string? EpisodeId { get; private set; }
    public string Source { get; private set; } = "";
    public LocalDate? AnchorDate { get; private set; }
    public LocalDate? DueDate { get; private set; }
    public LocalDate? CompletedDate { get; private set; }
    public int? DaysLate { get; private set; }
    public int? WorkingDaysLate { get; private set; }
    public string? WorkerId { get; private set; }
    public string? Team { get; private set; }
    public string Evidence { get; private set; } = "";
    public string Detail { get; private set; } = "";
    public string ObligationKey { get; private set; } = "";
    public bool Stale { get; private set; }

    /// <summary>
    /// Fills this instance from <paramref name="row"/> (one instance is reused for a whole scan, so a million rows
    /// make no garbage beyond their strings). Messages name the row number and column, never a value: a row holds
    /// free text about a child.
    /// </summary>
    public void Load(string?[] row, int ordinal, IReadOnlyDictionary<string, bool> sourceIsOk)
    {
        if (row is null || row.Length != FindingColumns.Count)
        {
            throw new ArgumentException(
                $"findings row {ordinal + 1}: {FindingColumns.Count} columns expected, got {row?.Length.ToString(CultureInfo.InvariantCulture) ?? "none"}.");
        }

        Ordinal = ordinal;
        RuleId = Required(row, FindingColumns.RuleId, ordinal);
        Status = Required(row, FindingColumns.Status, ordinal);
        ChildId = Required(row, FindingColumns.ChildId, ordinal);
        EpisodeId = Optional(row[FindingColumns.EpisodeId]);
        Source = Required(row, FindingColumns.Source, ordinal);
        AnchorDate = Date(row, FindingColumns.AnchorDate, ordinal);
        DueDate = Date(row, FindingColumns.DueDate, ordinal);
        CompletedDate = Date(row, FindingColumns.CompletedDate, ordinal);
        DaysLate = Number(row, FindingColumns.DaysLate, ordinal);
        WorkingDaysLate = Number(row, FindingColumns.WorkingDaysLate, ordinal);
        WorkerId = Optional(row[FindingColumns.WorkerId]);
        Team = Optional(row[FindingColumns.Team]);
        Evidence = row[FindingColumns.Evidence] ?? "";
        Detail = row[FindingColumns.Detail] ?? "";
        ObligationKey = ObligationKeys.Of(row);
        Stale = sourceIsOk.TryGetValue(Source, out var ok)
            ? !ok
            : throw new ArgumentException($"findings row {ordinal + 1}: source '{Source}' is not among the scan's sources.");
    }

    private static string? Optional(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Required(string?[] row, int column, int ordinal) =>
        Optional(row[column]) ?? throw new ArgumentException($"findings row {ordinal + 1}: {FindingColumns.Names[column]} is empty.");

    private static LocalDate? Date(string?[] row, int column, int ordinal)
    {
        if (Optional(row[column]) is not { } text)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success
            ? parsed.Value
            : throw new ArgumentException($"findings row {ordinal + 1}: {FindingColumns.Names[column]} is not a yyyy-MM-dd date.");
    }

    private static int? Number(string?[] row, int column, int ordinal)
    {
        if (Optional(row[column]) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"findings row {ordinal + 1}: {FindingColumns.Names[column]} is not a whole number.");
    }
}

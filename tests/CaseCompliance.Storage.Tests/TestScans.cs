using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CaseCompliance.Storage.Tests;

/// <summary>Hand-built scans and findings.csv rows (synthetic ids only) for storage and alert tests.</summary>
public static class TestScans
{
    /// <summary>A scan as of <paramref name="asOf"/> (yyyy-MM-dd) with the given sources (all <c>ok</c> unless given as <c>name=status</c>).</summary>
    public static ScanToStore Scan(string asOf, string? slot = null, params string[] sources)
    {
        var date = LocalDatePattern.Iso.Parse(asOf).Value;
        var started = date.AtMidnight().InUtc().ToInstant() + Duration.FromHours(2);
        var outcomes = (sources.Length == 0 ? ["standard"] : sources).Select(s =>
        {
            var parts = s.Split('=');
            var status = parts.Length > 1 ? parts[1] : "ok";
            return new SourceOutcome(parts[0], "standard", status, status == "ok" ? null : "extract folder missing", 100, 0, 10, 0,
                status == "ok" ? null : date.PlusDays(-1));
        }).ToList();
        return new ScanToStore(Guid.NewGuid(), date, started, started + Duration.FromMinutes(3), outcomes, slot);
    }

    /// <summary>
    /// One findings.csv row: <paramref name="child"/> is prefixed with <paramref name="source"/> unless it already has a
    /// prefix; dates are yyyy-MM-dd; days late are filled for late and overdue rows from the due date and
    /// <paramref name="completed"/> (or <paramref name="asOf"/>).
    /// </summary>
    public static string?[] Row(string rule, string status, string child, string? due = null, string? evidence = null,
        string source = "standard", string? episode = null, string? anchor = null, string? completed = null, string? asOf = null,
        string? worker = "W1", string? team = "T1")
    {
        var childId = child.Contains(':', StringComparison.Ordinal) ? child : $"{source}:{child}";
        var episodeId = episode is null ? null : episode.Contains(':', StringComparison.Ordinal) ? episode : $"{source}:{episode}";
        string? daysLate = null;
        if (due is not null && status is "late" or "overdue")
        {
            var end = completed ?? asOf;
            if (end is not null)
            {
                daysLate = Period.Between(LocalDatePattern.Iso.Parse(due).Value, LocalDatePattern.Iso.Parse(end).Value, PeriodUnits.Days)
                    .Days.ToString(CultureInfo.InvariantCulture);
            }
        }

        return
        [
            rule, status, childId, episodeId, source, anchor, due, completed, daysLate, daysLate, worker, team, evidence ?? "",
            $"Synthetic {rule} finding ({status}).",
        ];
    }

    /// <summary>Rows that throw after <paramref name="count"/> rows, as a scan whose output failed half-way would.</summary>
    public static IEnumerable<string?[]> ThrowingAfter(IEnumerable<string?[]> rows, int count)
    {
        var n = 0;
        foreach (var row in rows)
        {
            if (n++ == count)
            {
                throw new IOException("findings.csv could not be read any further (test).");
            }

            yield return row;
        }

        throw new IOException("findings.csv could not be read any further (test).");
    }

    /// <summary><paramref name="count"/> synthetic rows over many children and rules (one in five a breach), generated as they are read.</summary>
    public static IEnumerable<string?[]> Many(int count, string source = "standard", string due = "2025-02-01")
    {
        string[] statuses = ["met", "met", "overdue", "due-soon", "late", "met", "pending", "met", "missing-data", "met"];
        for (var i = 0; i < count; i++)
        {
            var status = statuses[i % statuses.Length];
            yield return Row($"rule-{i % 7}", status, $"C{i / 7:D7}", due, $"E{i}", source, completed: status == "late" ? "2025-02-10" : null,
                asOf: "2025-03-01", worker: $"W{i % 50}", team: $"T{i % 9}");
        }
    }
}

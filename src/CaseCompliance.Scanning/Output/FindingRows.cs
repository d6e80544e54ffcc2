using CaseCompliance.Adapters.Tables;
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

    /// <summary>
    /// Writes one findings.csv line (same text as <see cref="Row"/> through <see cref="CsvText"/>) straight into
    /// <paramref name="w"/>, without building the row's strings: the scan writes millions of these.
    /// </summary>
    public static void Write(TextWriter w, Finding f)
    {
        Span<char> buffer = stackalloc char[16];
        Text(w, f.RuleId);
        w.Write(',');
        Text(w, f.Status.Id());
        w.Write(',');
        Id(w, f.Source, f.ChildId);
        w.Write(',');
        if (f.EpisodeId is not null)
        {
            Id(w, f.Source, f.EpisodeId);
        }

        w.Write(',');
        Text(w, f.Source);
        w.Write(',');
        Date(w, f.AnchorDate, buffer);
        w.Write(',');
        Date(w, f.DueDate, buffer);
        w.Write(',');
        Date(w, f.CompletedDate, buffer);
        w.Write(',');
        Number(w, f.DaysLate, buffer);
        w.Write(',');
        Number(w, f.WorkingDaysLate, buffer);
        w.Write(',');
        Text(w, f.WorkerId);
        w.Write(',');
        Text(w, f.Team);
        w.Write(',');
        if (f.Evidence.Length == 1)
        {
            Text(w, f.Evidence[0]);
        }
        else if (f.Evidence.Length > 1)
        {
            Text(w, string.Join(';', f.Evidence));
        }

        w.Write(',');
        Text(w, f.Detail);
        w.Write("\r\n");
    }

    private static void Text(TextWriter w, string? value) => CsvText.Field(w, value, neutralise: true);

    private static void Id(TextWriter w, string source, string id)
    {
        if (source.AsSpan().IndexOfAny(",\"\r\n") >= 0 || id.AsSpan().IndexOfAny(",\"\r\n") >= 0 || CsvText.IsFormulaLike(source))
        {
            Text(w, Prefixed(source, id));
            return;
        }

        w.Write(source);
        w.Write(':');
        w.Write(id);
    }

    private static void Date(TextWriter w, LocalDate? date, Span<char> buffer)
    {
        if (date is { } d)
        {
            IsoDate.Write(buffer, d);
            w.Write(buffer[..10]);
        }
    }

    private static void Number(TextWriter w, int? n, Span<char> buffer)
    {
        if (n is { } value && value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture))
        {
            w.Write(buffer[..written]);
        }
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using CaseCompliance.Storage;
using NodaTime;
using NodaTime.Text;

namespace CaseCompliance.Alerts.Digests;

/// <summary>Subject, plain-text and HTML bodies of a digest. The HTML is self-contained: inline styles, no external resources.</summary>
internal static class DigestRenderer
{
    private const string StaleNote = "A source failed in this scan: items marked stale repeat its last good data.";

    public static string Subject(IReadOnlyList<string> teams, DigestCounts counts, LocalDate asOf)
    {
        var who = teams.Count switch
        {
            1 => teams[0],
            2 or 3 => string.Join(", ", teams.Take(teams.Count - 1)) + " and " + teams[^1],
            _ => $"{teams[0]}, {teams[1]} and {teams.Count - 2} more teams",
        };

        // A team name comes from an extract: it must not be able to break the header.
        who = new string([.. who.Select(c => char.IsControl(c) ? ' ' : c)]);
        return $"CaseCompliance: {who} - {Summary(counts, brief: true)} (as of {DigestText.Date(asOf)})";
    }

    public static string PlainText(StoredScan scan, IReadOnlyList<TeamDigest> teams, DigestCounts counts)
    {
        var text = new StringBuilder();
        text.Append("CaseCompliance digest as of ").Append(DigestText.Date(scan.AsOf)).Append('\n');
        text.Append("Teams: ").Append(string.Join(", ", teams.Select(t => t.Team))).Append('\n');
        text.Append(Summary(counts, brief: false)).Append(".\n");
        if (HasStale(teams))
        {
            text.Append('\n').Append(StaleNote).Append('\n');
        }

        foreach (var team in teams)
        {
            text.Append("\n== ").Append(team.Team).Append(" ==\n");
            foreach (var section in team.Sections)
            {
                text.Append('\n').Append(section.Title).Append(" (").Append(section.Count).Append(")\n");
                if (section.Count == 0)
                {
                    text.Append("  none\n");
                }

                foreach (var item in section.Items)
                {
                    text.Append("- ").Append(string.Join(" | ", Cells(item).Where(c => c.Length > 0))).Append('\n');
                    text.Append("  ").Append(item.Detail).Append('\n');
                    if (item.Stale)
                    {
                        text.Append("  ").Append(DigestText.Stale(item)).Append('\n');
                    }
                }

                if (section.More > 0)
                {
                    text.Append("  and ").Append(section.More).Append(" more\n");
                }
            }
        }

        text.Append('\n').Append(Footer(scan)).Append('\n');
        return text.ToString();
    }

    public static string Html(string subject, StoredScan scan, IReadOnlyList<TeamDigest> teams, DigestCounts counts)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(subject))
            .Append("</title></head>\n<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222\">\n");
        html.Append("<h1 style=\"font-size:18px\">CaseCompliance digest as of ").Append(E(DigestText.Date(scan.AsOf))).Append("</h1>\n");
        html.Append("<p>").Append(E(Summary(counts, brief: false))).Append(".</p>\n");
        if (HasStale(teams))
        {
            html.Append("<p style=\"background:#fff3cd;padding:6px\">").Append(E(StaleNote)).Append("</p>\n");
        }

        foreach (var team in teams)
        {
            html.Append("<h2 style=\"font-size:16px;margin-top:24px\">").Append(E(team.Team)).Append("</h2>\n");
            foreach (var section in team.Sections)
            {
                html.Append("<h3 style=\"font-size:14px\">").Append(E(section.Title)).Append(" (").Append(section.Count).Append(")</h3>\n");
                if (section.Count == 0)
                {
                    html.Append("<p>None.</p>\n");
                    continue;
                }

                html.Append("<table style=\"border-collapse:collapse\" border=\"1\" cellpadding=\"4\">\n<thead><tr>");
                foreach (var heading in new[] { "Child", "Rule", "Status", "Due", "Days late", "Worker", "Detail" })
                {
                    html.Append("<th style=\"text-align:left;background:#eee\">").Append(heading).Append("</th>");
                }

                html.Append("</tr></thead>\n<tbody>\n");
                foreach (var item in section.Items)
                {
                    html.Append("<tr>");
                    html.Append("<td>").Append(E(item.ChildId));
                    if (item.Child is { } child)
                    {
                        html.Append("<br>").Append(E(child));
                    }

                    html.Append("</td><td>").Append(E(item.RuleId)).Append("</td><td>").Append(E(item.Status)).Append("</td><td>")
                        .Append(item.DueDate is { } due ? E(DigestText.Date(due)) : "").Append("</td><td>")
                        .Append(item.DaysLate?.ToString(CultureInfo.InvariantCulture) ?? "").Append("</td><td>")
                        .Append(E(item.WorkerId ?? "")).Append("</td><td>").Append(E(item.Detail));
                    if (item.Stale)
                    {
                        html.Append("<br><em>").Append(E(DigestText.Stale(item))).Append("</em>");
                    }

                    html.Append("</td></tr>\n");
                }

                html.Append("</tbody></table>\n");
                if (section.More > 0)
                {
                    html.Append("<p>and ").Append(section.More).Append(" more</p>\n");
                }
            }
        }

        html.Append("<p style=\"color:#666;font-size:12px;margin-top:24px\">").Append(E(Footer(scan))).Append("</p>\n</body></html>\n");
        return html.ToString();
    }

    private static IEnumerable<string> Cells(DigestItem item)
    {
        yield return item.Child is { } child ? $"{item.ChildId} {child}" : item.ChildId;
        yield return item.RuleId;
        yield return item.Status;
        yield return item.DueDate is { } due ? "due " + DigestText.Date(due) : "";
        yield return item.DaysLate is { } late ? $"{late} days late" : "";
        yield return item.WorkerId is { } worker ? "worker " + worker : "";
    }

    private static string Summary(DigestCounts c, bool brief)
    {
        var parts = new List<string> { $"{c.New} new", $"{c.DueSoon} due soon" };
        if (!brief || c.Persisting > 0)
        {
            parts.Add($"{c.Persisting} still overdue");
        }

        if (!brief || c.Resolved > 0)
        {
            parts.Add($"{c.Resolved} resolved");
        }

        if (!brief)
        {
            parts.Add($"{c.Chronic} with chronic drift");
        }

        return string.Join(", ", parts);
    }

    private static string Footer(StoredScan scan) =>
        $"Scan {scan.ScanId}. The exception list of the scan has every row.";

    private static bool HasStale(IEnumerable<TeamDigest> teams) =>
        teams.SelectMany(t => t.Sections).SelectMany(s => s.Items).Any(i => i.Stale);

    private static string E(string value) => WebUtility.HtmlEncode(value);
}

/// <summary>Text pieces shared by the renderer and builder.</summary>
internal static class DigestText
{
    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Stale(DigestItem item) => item.StaleFrom is { } from
        ? $"stale: last good data from {Date(from)}"
        : "stale: last good data from an earlier scan";
}

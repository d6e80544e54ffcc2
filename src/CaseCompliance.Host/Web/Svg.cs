using System.Globalization;
using System.Net;
using System.Text;
using NodaTime;

namespace CaseCompliance.Host.Web;

/// <summary>
/// Inline SVG drawn on the server (no script): the case timeline of the child page and the trend chart of the overview.
/// Every text is XML-encoded; marks differ by shape as well as colour, and each has a <c>&lt;title&gt;</c>.
/// </summary>
public static class Svg
{
    private const int LaneHeight = 34, Left = 290, Right = 20, Top = 30, Width = 1000;

    /// <summary>Colour and shape of a status (shared with the page's legend and badges).</summary>
    public static (string Colour, string Shape) Mark(string status) => status switch
    {
        "met" => ("#1d7a3a", "circle"),
        "early" => ("#1d7a3a", "circle"),
        "late" => ("#b3261e", "square"),
        "overdue" => ("#b3261e", "diamond"),
        "missing-data" => ("#8a4b00", "triangle"),
        "due-soon" => ("#8a6d00", "ring"),
        _ => ("#5f6368", "ring"),
    };

    /// <summary>The case on a time axis: one lane per audit area, each finding at its due date, lateness drawn as a bar.</summary>
    public static string Timeline(ChildCase c)
    {
        var asOf = c.Scan.AsOf;
        var dated = c.Findings.Where(f => (f.Finding.DueDate ?? f.Finding.AnchorDate) is not null).ToList();
        var lanes = c.ByArea().Where(a => a.Findings.Any(f => dated.Contains(f))).Select(a => a.Area).ToList();
        var breaches = dated.Count(f => f.IsBreach);
        var sb = new StringBuilder();
        var height = Top + Math.Max(1, lanes.Count) * LaneHeight + 40;
        sb.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"timeline-title timeline-desc\">"));
        sb.Append("<title id=\"timeline-title\">Timeline of the case</title>");
        sb.Append("<desc id=\"timeline-desc\">").Append(E(
            $"{dated.Count} dated findings by audit area up to the scan date {Date(asOf)}; {breaches} breaches marked in red or brown.")).Append("</desc>");
        if (dated.Count == 0)
        {
            sb.Append(Inv($"<text x=\"10\" y=\"{Top + 20}\" class=\"axis\">No dated findings.</text></svg>"));
            return sb.ToString();
        }

        var first = dated.Min(f => Min(f.Finding.AnchorDate, f.Finding.DueDate)!.Value);
        var last = Max(asOf, dated.Max(f => Max(f.Finding.DueDate, f.Finding.CompletedDate) ?? first));
        first = new LocalDate(first.Year, first.Month, 1);
        var span = Math.Max(1, Period.DaysBetween(first, last));
        double X(LocalDate d) => Left + (Width - Left - Right) * (double)Period.DaysBetween(first, d) / span;

        // Month ticks (every third month on long cases), labelled with the year in January.
        var step = span > 900 ? 6 : span > 400 ? 3 : 1;
        var axisY = Top + lanes.Count * LaneHeight;
        for (var tick = first; tick <= last; tick = tick.PlusMonths(step))
        {
            var x = X(tick);
            sb.Append(Inv($"<line x1=\"{x:0.#}\" y1=\"{Top - 6}\" x2=\"{x:0.#}\" y2=\"{axisY}\" class=\"grid\"/>"));
            var label = tick.Month == 1 || tick == first ? tick.ToString("MMM yyyy", CultureInfo.InvariantCulture) : tick.ToString("MMM", CultureInfo.InvariantCulture);
            sb.Append(Inv($"<text x=\"{x:0.#}\" y=\"{axisY + 16}\" class=\"axis\" text-anchor=\"middle\">{E(label)}</text>"));
        }

        var asOfX = X(asOf);
        sb.Append(Inv($"<line x1=\"{asOfX:0.#}\" y1=\"{Top - 14}\" x2=\"{asOfX:0.#}\" y2=\"{axisY}\" class=\"asof\"/>"));
        sb.Append(Inv($"<text x=\"{asOfX:0.#}\" y=\"{Top - 16}\" class=\"axis\" text-anchor=\"end\">scan {Date(asOf)}</text>"));
        for (var lane = 0; lane < lanes.Count; lane++)
        {
            var y = Top + lane * LaneHeight + LaneHeight / 2;
            sb.Append(Inv($"<text x=\"{Left - 10}\" y=\"{y + 4}\" class=\"lane\" text-anchor=\"end\">{E(lanes[lane].Title)}</text>"));
            sb.Append(Inv($"<line x1=\"{Left}\" y1=\"{y}\" x2=\"{Width - Right}\" y2=\"{y}\" class=\"lane-line\"/>"));
            foreach (var view in dated.Where(f => AuditAreas.Of(f.Finding.RuleId) == lanes[lane]))
            {
                var f = view.Finding;
                var due = (f.DueDate ?? f.AnchorDate)!.Value;
                var (colour, shape) = Mark(f.Status);
                var title = E($"{f.RuleId}: {f.Status}, due {Date(f.DueDate)}" +
                    (f.CompletedDate is { } done ? $", done {Date(done)}" : "") + (f.DaysLate is { } d ? $", {d} days late" : ""));
                // A click on a mark goes to its row; kept out of the tab order (the rows are the keyboard route).
                sb.Append(Inv($"<a href=\"#finding-{view.Number}\" tabindex=\"-1\" aria-label=\"{title}\"><g>"));
                sb.Append("<title>").Append(title).Append("</title>");
                if (f.Status is "late" or "overdue")
                {
                    var end = f.CompletedDate ?? asOf;
                    sb.Append(Inv($"<line x1=\"{X(due):0.#}\" y1=\"{y}\" x2=\"{X(end):0.#}\" y2=\"{y}\" stroke=\"{colour}\" stroke-width=\"6\" stroke-opacity=\"0.55\"/>"));
                }

                sb.Append(Shape(shape, X(due), y, colour));
                sb.Append("</g></a>");
            }
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>One line per series of (as-of date, share met on time); y from 0 to 100%.</summary>
    public static string Trend(string title, IReadOnlyList<(string Name, IReadOnlyList<(LocalDate AsOf, double? Share)> Points)> series,
        int width = 720, int height = 240)
    {
        const int left = 48, right = 150, top = 16, bottom = 34;
        var dates = series.SelectMany(s => s.Points.Select(p => p.AsOf)).Distinct().Order().ToList();
        var sb = new StringBuilder();
        sb.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{E(title)}\">"));
        sb.Append("<title>").Append(E(title)).Append("</title>");
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        double X(LocalDate d) => dates.Count <= 1 ? left + plotW / 2.0 : left + plotW * (double)dates.IndexOf(d) / (dates.Count - 1);
        double Y(double share) => top + plotH * (1 - share);
        foreach (var pct in new[] { 0, 25, 50, 75, 100 })
        {
            var y = Y(pct / 100.0);
            sb.Append(Inv($"<line x1=\"{left}\" y1=\"{y:0.#}\" x2=\"{left + plotW}\" y2=\"{y:0.#}\" class=\"grid\"/>"));
            sb.Append(Inv($"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" class=\"axis\" text-anchor=\"end\">{pct}%</text>"));
        }

        var labelEvery = Math.Max(1, (int)Math.Ceiling(dates.Count / 8.0));
        for (var i = 0; i < dates.Count; i++)
        {
            if (i % labelEvery == 0 || i == dates.Count - 1)
            {
                sb.Append(Inv($"<text x=\"{X(dates[i]):0.#}\" y=\"{height - 12}\" class=\"axis\" text-anchor=\"middle\">{E(dates[i].ToString("d MMM", CultureInfo.InvariantCulture))}</text>"));
            }
        }

        string[] palette = ["#1f4e9e", "#b3261e", "#1d7a3a", "#8a4b00", "#6b2fa3", "#00687a", "#5f6368", "#9c2a70"];
        string[] dashes = ["", "6 3", "2 3", "8 3 2 3", "", "6 3", "2 3", "8 3 2 3"];
        for (var s = 0; s < series.Count; s++)
        {
            var colour = palette[s % palette.Length];
            var dash = dashes[s % dashes.Length];
            var points = series[s].Points.Where(p => p.Share is not null).OrderBy(p => p.AsOf).ToList();
            if (points.Count > 1)
            {
                sb.Append(Inv($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")} points=\""));
                sb.Append(string.Join(' ', points.Select(p => Inv($"{X(p.AsOf):0.#},{Y(p.Share!.Value):0.#}"))));
                sb.Append("\"/>");
            }

            foreach (var p in points)
            {
                sb.Append(Inv($"<circle cx=\"{X(p.AsOf):0.#}\" cy=\"{Y(p.Share!.Value):0.#}\" r=\"3.5\" fill=\"{colour}\"><title>"));
                sb.Append(E($"{series[s].Name}, {Date(p.AsOf)}: {p.Share!.Value:0%} on time")).Append("</title></circle>");
            }

            var legendY = top + 14 + s * 18;
            sb.Append(Inv($"<line x1=\"{width - right + 10}\" y1=\"{legendY - 4}\" x2=\"{width - right + 30}\" y2=\"{legendY - 4}\" stroke=\"{colour}\" stroke-width=\"2\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")}/>"));
            sb.Append(Inv($"<text x=\"{width - right + 36}\" y=\"{legendY}\" class=\"axis\">{E(Truncate(series[s].Name, 20))}</text>"));
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string Shape(string shape, double x, double y, string colour) => shape switch
    {
        "circle" => Inv($"<circle cx=\"{x:0.#}\" cy=\"{y}\" r=\"6\" fill=\"{colour}\"/>"),
        "square" => Inv($"<rect x=\"{x - 6:0.#}\" y=\"{y - 6}\" width=\"12\" height=\"12\" fill=\"{colour}\"/>"),
        "diamond" => Inv($"<polygon points=\"{x:0.#},{y - 8} {x + 8:0.#},{y} {x:0.#},{y + 8} {x - 8:0.#},{y}\" fill=\"{colour}\"/>"),
        "triangle" => Inv($"<polygon points=\"{x:0.#},{y - 8} {x + 8:0.#},{y + 6} {x - 8:0.#},{y + 6}\" fill=\"{colour}\"/>"),
        _ => Inv($"<circle cx=\"{x:0.#}\" cy=\"{y}\" r=\"5\" fill=\"#ffffff\" stroke=\"{colour}\" stroke-width=\"2\"/>"),
    };

    private static LocalDate? Min(LocalDate? a, LocalDate? b) => a is null ? b : b is null ? a : LocalDate.Min(a.Value, b.Value);

    private static LocalDate? Max(LocalDate? a, LocalDate? b) => a is null ? b : b is null ? a : LocalDate.Max(a.Value, b.Value);

    private static LocalDate Max(LocalDate a, LocalDate b) => LocalDate.Max(a, b);

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";

    public static string Date(LocalDate? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

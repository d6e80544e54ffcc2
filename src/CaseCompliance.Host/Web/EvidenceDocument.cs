using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using NodaTime;

namespace CaseCompliance.Host.Web;

/// <summary>
/// <c>/children/{id}/evidence.docx</c>: the child page as a Word document an auditor attaches to an audit form — a
/// heading per audit area, one table row per finding (status, dates, days late, evidence ids, the detail sentence and
/// any acknowledgements), then the recorded audits and their actions.
/// </summary>
public static class EvidenceDocument
{
    private static readonly string[] Columns = ["Rule", "Status", "Anchor", "Due", "Completed", "Days late", "Evidence", "Detail"];

    public static byte[] Create(ChildCase c, string user, Instant generatedAt)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            body.Append(Para($"Case evidence: {c.ChildId} ({c.Initials})", "Title"));
            body.Append(Para(string.Create(CultureInfo.InvariantCulture,
                $"Findings of the CaseCompliance scan as of {Svg.Date(c.Scan.AsOf)} (scan {c.Scan.ScanId}). Generated {generatedAt.InZone(AppConfiguration.Zone):yyyy-MM-dd HH:mm} by {user}.")));
            foreach (var (area, findings) in c.ByArea())
            {
                body.Append(Para(area.Title, "Heading1"));
                if (findings.Count == 0)
                {
                    body.Append(Para("No findings in this area."));
                    continue;
                }

                var table = Table();
                table.Append(Row(Columns, header: true));
                foreach (var view in findings)
                {
                    var f = view.Finding;
                    var detail = f.Detail;
                    foreach (var a in view.Acknowledgements)
                    {
                        detail += $" Acknowledged by {a.RecordedBy} on {a.RecordedAt.InZone(AppConfiguration.Zone):yyyy-MM-dd}: {a.Reason}";
                    }

                    table.Append(Row([f.RuleId, f.Status, Svg.Date(f.AnchorDate), Svg.Date(f.DueDate), Svg.Date(f.CompletedDate),
                        f.DaysLate?.ToString(CultureInfo.InvariantCulture) ?? "", f.Evidence.Replace(";", "; ", StringComparison.Ordinal), detail], header: false));
                }

                body.Append(table);
            }

            body.Append(Para("Recorded audits", "Heading1"));
            if (c.Audits.Count == 0)
            {
                body.Append(Para("No audits recorded in CaseCompliance."));
            }

            foreach (var audit in c.Audits)
            {
                body.Append(Para($"cc-audit-{audit.Id}, {Svg.Date(audit.Date)}{(audit.Grade is { } g ? $", graded {g}" : "")}, recorded by {audit.RecordedBy}", "Heading2"));
                var table = Table();
                table.Append(Row(["Action", "Owner", "Due", "Done"], header: true));
                foreach (var action in audit.Actions)
                {
                    table.Append(Row([action.Action, action.Owner, Svg.Date(action.Due), action.DoneOn is { } d ? Svg.Date(d) : "not yet"], header: false));
                }

                body.Append(table);
            }

            body.Append(new Paragraph());
            body.Append(new SectionProperties(new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 1000, Bottom = 1000, Left = 1000, Right = 1000, Header = 500, Footer = 500, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Para(string text, string? style = null)
    {
        var p = new Paragraph();
        if (style is not null)
        {
            p.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        p.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return p;
    }

    private static Table Table()
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        return new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, border));
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            // Repeated at the top of each page, and read as a header row by screen readers.
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var text in cells)
        {
            var run = new Run();
            if (header)
            {
                run.Append(new RunProperties(new Bold()));
            }

            run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
            row.Append(new TableCell(new Paragraph(run)));
        }

        return row;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Arial", HighAnsi = "Arial" }, new FontSize { Val = "20" }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Title", "Title", "36"),
            Heading("Heading1", "heading 1", "28", outline: 0),
            Heading("Heading2", "heading 2", "24", outline: 1));
        styles.Styles.Save();
    }

    private static Style Heading(string id, string name, string size, int? outline = null)
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" });
        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(), paragraph, new StyleRunProperties(new Bold(), new FontSize { Val = size }))
        { Type = StyleValues.Paragraph, StyleId = id };
    }
}

using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Tables;

namespace CaseCompliance.Adapters.Ssda903;

/// <summary>
/// The SSDA903 return's XML file read as the same tables and columns as its CSV files, so that one reader reads both:
/// <c>CHILD</c> records under the document element, with <c>HEADER</c> (the child; <c>CHILDID</c> for <c>CHILD</c>),
/// <c>HEADER/AREVIEW</c> (reviews), <c>HEADER/AMISSING</c> (missing episodes) and <c>EPISODE</c> (<c>PL</c> for
/// <c>PLACE</c>). Social worker episodes are not mapped (the DfE's XML files do not carry them), so a return read from
/// XML records no allocations. A rejected row or field names the element (line <c>CHILD[12]/EPISODE[3]</c>).
/// </summary>
public static class Ssda903Xml
{
    /// <summary>The repeated record element, below the document element (<c>EXPSSDA903</c> in the DfE's files).</summary>
    public const string RecordPath = "CHILD";

    /// <summary>
    /// Where else the records may be: under a <c>CHILDREN</c> wrapper, as some local exports write the file (the DfE's
    /// own files put <c>CHILD</c> straight under the document element). A file with neither fails the source, naming
    /// the paths expected and the elements it found.
    /// </summary>
    public static readonly IReadOnlyList<string> AlsoAt = ["CHILDREN/CHILD"];

    /// <summary>Opens the file; columns take the site's configured names (<c>Columns</c>), as the reader asks for them.</summary>
    public static ITableSource Open(string file, SourceOptions options) => new XmlTableSource(file, RecordPath, Maps(options), AlsoAt, requireRecords: true);

    /// <summary>Where each column of each table is in the XML.</summary>
    public static IReadOnlyList<XmlTableMap> Maps(SourceOptions options)
    {
        var names = new ColumnMap(options.Columns);
        XmlTableMap Map(TableDef table, string rowPath, params (Column Column, string Path)[] fields) =>
            new(table.Name, rowPath, [.. fields.Select(f => new XmlField(names.Name(table.Name, f.Column.Name), f.Path))]);

        return
        [
            Map(Ssda903Layout.Header.Table, "HEADER",
                (Ssda903Layout.Header.Child, "CHILDID"), (Ssda903Layout.Header.Sex, "SEX"), (Ssda903Layout.Header.Dob, "DOB"),
                (Ssda903Layout.Header.Ethnic, "ETHNIC"), (Ssda903Layout.Header.Upn, "UPN")),
            Map(Ssda903Layout.Episodes.Table, "EPISODE",
                (Ssda903Layout.Episodes.Child, "../HEADER/CHILDID"), (Ssda903Layout.Episodes.Decom, "DECOM"), (Ssda903Layout.Episodes.Rne, "RNE"),
                (Ssda903Layout.Episodes.Ls, "LS"), (Ssda903Layout.Episodes.Cin, "CIN"), (Ssda903Layout.Episodes.Place, "PL"),
                (Ssda903Layout.Episodes.Dec, "DEC"), (Ssda903Layout.Episodes.Rec, "REC")),
            Map(Ssda903Layout.Reviews.Table, "HEADER/AREVIEW",
                (Ssda903Layout.Reviews.Child, "../CHILDID"), (Ssda903Layout.Reviews.Review, "REVIEW"), (Ssda903Layout.Reviews.Dob, "../DOB"),
                (Ssda903Layout.Reviews.ReviewCode, "REVIEW_CODE")),
            Map(Ssda903Layout.Missing.Table, "HEADER/AMISSING",
                (Ssda903Layout.Missing.Child, "../CHILDID"), (Ssda903Layout.Missing.Kind, "MISSING"), (Ssda903Layout.Missing.Start, "MIS_START"),
                (Ssda903Layout.Missing.End, "MIS_END"), (Ssda903Layout.Missing.Dob, "../DOB")),
        ];
    }
}

using System.Globalization;
using System.Text;
using System.Xml;
using CaseCompliance.Adapters.Ssda903;
using NodaTime;
using NodaTime.Text;

namespace CaseCompliance.Generation;

/// <summary>
/// Writes the SSDA903 return of the generated children who were ever looked after (the others are not in a 903
/// return): its CSV files as the DfE's tools name them (<c>header.csv</c>, <c>episodes.csv</c>, <c>reviews.csv</c>,
/// <c>missing.csv</c>, <c>sw_episodes.csv</c>; dates <c>dd/MM/yyyy</c>) and the same data as the return's XML file
/// (<see cref="XmlFileName"/>: <c>CHILD</c> elements with <c>HEADER</c>, <c>AREVIEW</c>, <c>EPISODE</c>; no social
/// worker episodes, which the DfE sample files do not carry in XML).
/// <para>
/// Episodes are made the 903 way from the SSD rows: a new episode at every placement start and every legal status
/// start in a period of care, with <c>RNE</c> <c>S</c> (first), <c>P</c> (placement changed), <c>L</c> (legal status
/// changed) or <c>T</c> (both), <c>REC</c> <c>X1</c> between episodes and <c>E8</c> at the end of a period that ended.
/// Cancelled reviews are not in the return (it holds reviews held).
/// </para>
/// </summary>
public sealed class Ssda903Sink : IExtractSink
{
    /// <summary>The XML form of the return, beside the CSV files.</summary>
    public const string XmlFileName = "ssda903.xml";

    /// <summary>The rules whose findings the return carries in full: expected.csv holds only these.</summary>
    public static readonly IReadOnlyList<string> ExpectedRules = ["lac-review"];

    private static readonly string[] HeaderColumns = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"];
    private static readonly string[] EpisodeColumns =
        ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"];
    private static readonly string[] ReviewColumns = ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"];
    private static readonly string[] MissingColumns = ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"];
    private static readonly string[] SwColumns = ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"];

    private readonly SinkTable _header;
    private readonly SinkTable _episodes;
    private readonly SinkTable _reviews;
    private readonly SinkTable _missing;
    private readonly SinkTable _sw;
    private readonly XmlWriter _xml;

    public Ssda903Sink(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);

        // Every column the adapter reads is written (the DfE's other columns stay empty): a layout change fails loudly.
        foreach (var (table, columns) in new[]
                 {
                     (Ssda903Layout.Header.Table, HeaderColumns), (Ssda903Layout.Episodes.Table, EpisodeColumns),
                     (Ssda903Layout.Reviews.Table, ReviewColumns), (Ssda903Layout.Missing.Table, MissingColumns),
                     (Ssda903Layout.SwEpisodes.Table, SwColumns),
                 })
        {
            if (table.Columns.FirstOrDefault(c => !columns.Contains(c.Name)) is { } missing)
            {
                throw new InvalidOperationException($"{table.Name}: the sink does not write {missing.Name}.");
            }
        }

        _header = new SinkTable(directory, "header", HeaderColumns);
        _episodes = new SinkTable(directory, "episodes", EpisodeColumns);
        _reviews = new SinkTable(directory, "reviews", ReviewColumns);
        _missing = new SinkTable(directory, "missing", MissingColumns);
        _sw = new SinkTable(directory, "sw_episodes", SwColumns);
        _xml = XmlWriter.Create(Path.Combine(directory, XmlFileName), new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            NewLineChars = "\r\n",
        });
        _xml.WriteStartDocument();
        _xml.WriteStartElement("EXPSSDA903");
    }

    public string Format => Ssda903Adapter.KindName;

    public void Directory(SsdTables tables)
    {
        // The return names no workers or teams: SW_ID is the worker's id.
    }

    public void Child(SsdTables t)
    {
        if (t.Rows("ssd_cla_episodes").Count == 0 || t.Rows("ssd_person") is not [var person, ..])
        {
            return;
        }

        var child = SinkTable.Value(person, "pers_person_id");
        var dob = Dmy(SinkTable.Value(person, "pers_dob"));
        var sex = SinkTable.Value(person, "pers_sex") switch
        {
            "M" => "1",
            "F" => "2",
            _ => "",
        };
        var ethnic = SinkTable.Value(person, "pers_ethnicity");
        // The UPN, or the reason it is unknown (UN1–UN7), as the return holds it.
        var upn = SinkTable.Value(person, "pers_common_child_id") is { Length: > 0 } number ? number
            : SinkTable.Value(person, "pers_upn") is { Length: > 0 } other ? other
            : SinkTable.Value(person, "pers_upn_unknown");
        _header.Row(child, sex, dob, ethnic, upn, null, null);

        var reviews = t.Rows("ssd_cla_reviews")
            .Where(r => SinkTable.Value(r, "clar_cla_review_cancelled") != "Y" && SinkTable.Value(r, "clar_cla_review_date").Length > 0)
            .Select(r => (Date: SinkTable.Value(r, "clar_cla_review_date"), Id: SinkTable.Value(r, "clar_cla_review_id")))
            .OrderBy(r => r.Date, StringComparer.Ordinal)
            .Select(r => (Date: Dmy(r.Date), Code: ReviewCode(r.Id)))
            .ToList();
        foreach (var (date, code) in reviews)
        {
            _reviews.Row(child, dob, date, code);
        }

        var workers = t.Rows("ssd_involvements")
            .Where(i => SinkTable.Value(i, "invo_professional_role_id") == "ALLOCATED CASE WORKER")
            .Select(i => (Id: SinkTable.Value(i, "invo_professional_id"), Start: Dmy(SinkTable.Value(i, "invo_involvement_start_date")),
                End: Dmy(SinkTable.Value(i, "invo_involvement_end_date"))))
            .ToList();
        foreach (var (id, start, end) in workers)
        {
            _sw.Row(child, dob, id, start, end, null);
        }

        var episodes = Episodes(t);
        foreach (var e in episodes)
        {
            _episodes.Row(child, e.Decom, e.Rne, e.Ls, e.Cin, e.Place, null, e.Dec, e.Rec, null, null, null, null);
        }

        _xml.WriteStartElement("CHILD");
        _xml.WriteStartElement("HEADER");
        Element("CHILDID", child);
        Element("SEX", sex);
        Element("DOB", dob);
        Element("ETHNIC", ethnic);
        Element("UPN", upn);
        Element("MOTHER", null);
        Element("MC_DOB", null);
        foreach (var (date, code) in reviews)
        {
            _xml.WriteStartElement("AREVIEW");
            Element("REVIEW", date);
            Element("REVIEW_CODE", code);
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
        foreach (var e in episodes)
        {
            _xml.WriteStartElement("EPISODE");
            Element("DECOM", e.Decom);
            Element("RNE", e.Rne);
            Element("LS", e.Ls);
            Element("CIN", e.Cin);
            Element("PL", e.Place);
            Element("DEC", e.Dec);
            Element("REC", e.Rec);
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
    }

    private readonly record struct Episode(string Decom, string Rne, string Ls, string Cin, string Place, string Dec, string Rec);

    /// <summary>The 903 episodes of every period of care of the child (SSD episodes grouped by <c>clae_cla_id</c>).</summary>
    private static List<Episode> Episodes(SsdTables t)
    {
        var needs = t.Rows("ssd_cin_episodes").ToDictionary(r => SinkTable.Value(r, "cine_referral_id"), r => SinkTable.Value(r, "cine_cin_primary_need_code"));
        var statuses = t.Rows("ssd_legal_status")
            .Select(r => (Code: SinkTable.Value(r, "lega_legal_status"), Start: Date(SinkTable.Value(r, "lega_legal_status_start_date"))))
            .Where(s => s.Start is not null)
            .OrderBy(s => s.Start)
            .ToList();
        var result = new List<Episode>();
        foreach (var period in t.Rows("ssd_cla_episodes").GroupBy(r => SinkTable.Value(r, "clae_cla_id"))
                     .Select(g => (Id: g.Key, Start: g.Min(r => Date(SinkTable.Value(r, "clae_entered_care_date"))!.Value),
                         End: g.Any(r => SinkTable.Value(r, "clae_cla_episode_ceased_date").Length == 0) ? null
                             : g.Max(r => Date(SinkTable.Value(r, "clae_cla_episode_ceased_date"))),
                         Need: CinCode(needs.GetValueOrDefault(SinkTable.Value(g.First(), "clae_referral_id")))))
                     .OrderBy(p => p.Start))
        {
            var placements = t.Rows("ssd_cla_placement").Where(p => SinkTable.Value(p, "clap_cla_id") == period.Id)
                .Select(p => (Type: SinkTable.Value(p, "clap_cla_placement_type"), Start: Date(SinkTable.Value(p, "clap_cla_placement_start_date"))!.Value))
                .OrderBy(p => p.Start)
                .ToList();
            bool Inside(LocalDate d) => d >= period.Start && (period.End is not { } e || d < e);
            var starts = placements.Select(p => p.Start).Concat(statuses.Select(s => s.Start!.Value)).Where(Inside).Distinct().Order().ToList();
            for (var i = 0; i < starts.Count; i++)
            {
                var from = starts[i];
                var placement = placements.LastOrDefault(p => p.Start <= from);
                var status = statuses.LastOrDefault(s => s.Start <= from);
                var placementChanged = placements.Any(p => p.Start == from);
                var statusChanged = statuses.Any(s => s.Start == from);
                var rne = i == 0 ? "S" : placementChanged && statusChanged ? "T" : placementChanged ? "P" : "L";
                var last = i == starts.Count - 1;
                var to = last ? period.End : starts[i + 1];
                result.Add(new Episode(Dmy(from), rne, status.Code ?? "", period.Need, placement.Type ?? "", to is { } d ? Dmy(d) : "",
                    !last ? "X1" : period.End is null ? "" : "E8"));
            }
        }

        return result;
    }

    /// <summary>The 903 category of need (N1–N8); the SSD's other codes (N9, none) leave it empty.</summary>
    private static string CinCode(string? need) => need is { Length: 2 } && need[0] == 'N' && need[1] is >= '1' and <= '8' ? need : "";

    /// <summary>A participation code (PN0–PN7) that depends on the review only.</summary>
    private static string ReviewCode(string id)
    {
        var sum = 0;
        foreach (var ch in id)
        {
            sum += ch;
        }

        return "PN" + (sum % 8).ToString(CultureInfo.InvariantCulture);
    }

    private static LocalDate? Date(string iso) => iso.Length >= 10 && LocalDatePattern.Iso.Parse(iso[..10]) is { Success: true } p ? p.Value : null;

    private static string Dmy(LocalDate date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>An SSD date in the return's form; a text that is no date (a planted fault) is written as it is.</summary>
    private static string Dmy(string iso) => iso.Length == 0 ? "" : Date(iso) is { } d && iso.Length == 10 ? Dmy(d) : iso;

    private void Element(string name, string? value)
    {
        _xml.WriteStartElement(name);
        if (!string.IsNullOrEmpty(value))
        {
            _xml.WriteString(value);
        }

        _xml.WriteEndElement();
    }

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Dispose();
        _header.Dispose();
        _episodes.Dispose();
        _reviews.Dispose();
        _missing.Dispose();
        _sw.Dispose();
    }
}

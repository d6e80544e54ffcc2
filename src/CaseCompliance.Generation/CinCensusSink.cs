using System.Text;
using System.Xml;
using Row = System.Collections.Generic.IReadOnlyDictionary<string, string>;

namespace CaseCompliance.Generation;

/// <summary>
/// Writes the <c>cin-census</c> format (docs/sources/cin-census.md): one Children in Need census XML,
/// <see cref="FileName"/>, with a <c>Child</c> for every generated child who has a referral, in the element names of
/// the 2024-25 to 2025-26 returns (<c>Sex</c>, not <c>GenderCurrent</c>). A real census covers one year; this one
/// carries each child's whole generated history, so that its findings can be compared with the other formats'.
/// <para>
/// What the census cannot say is written the way a return says it: an enquiry that ended without a conference, and
/// one whose conference was a transfer-in (not an initial conference in the census), are written with
/// <c>ICPCnotRequired</c> true and no conference date. Names, addresses, allocations, visits, meetings other than CP
/// reviews, periods of care and the rest are not in the census and not written; nor is <c>InitialCPCtarget</c>
/// (no rule reads it). <see cref="Rules"/> are the rules whose expected findings the census carries exactly.
/// </para>
/// </summary>
public sealed class CinCensusSink : IExtractSink
{
    /// <summary>The file written in the output folder.</summary>
    public const string FileName = "cin-census.xml";

    /// <summary>
    /// The rules whose findings the census gives exactly as the standard format does (expected.csv holds only these).
    /// <c>key-information</c> is checked in part (no names, address or telephone), so its findings differ and it is
    /// left out.
    /// </summary>
    public static readonly IReadOnlySet<string> Rules = new HashSet<string>(StringComparer.Ordinal)
    {
        "strategy-discussion", "assessment-timescale", "assessment-review-point", "icpc-timescale", "cp-review-conference",
    };

    private readonly XmlWriter _xml;

    /// <param name="directory">The output folder.</param>
    /// <param name="year">The collection year of the header (<c>Year</c>; <c>ReferenceDate</c> is 31 March of it).</param>
    public CinCensusSink(string directory, int year)
    {
        System.IO.Directory.CreateDirectory(directory);
        _xml = XmlWriter.Create(Path.Combine(directory, FileName), new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
        });
        _xml.WriteStartDocument();
        _xml.WriteStartElement("Message");
        _xml.WriteStartElement("Header");
        _xml.WriteStartElement("CollectionDetails");
        _xml.WriteElementString("Collection", "CIN");
        _xml.WriteElementString("Year", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _xml.WriteElementString("ReferenceDate", year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "-03-31");
        _xml.WriteEndElement();
        _xml.WriteStartElement("Source");
        _xml.WriteElementString("SourceLevel", "L");
        _xml.WriteElementString("LEA", "999");
        _xml.WriteElementString("SoftwareCode", "CaseCompliance synthetic generator");
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteStartElement("Children");
    }

    public string Format => "cin-census";

    public void Directory(SsdTables tables)
    {
        // The census names no workers or teams.
    }

    public void Child(SsdTables tables)
    {
        var referrals = tables.Rows("ssd_cin_episodes");
        if (referrals.Count == 0)
        {
            return;
        }

        var person = tables.Rows("ssd_person").Single();
        _xml.WriteStartElement("Child");
        _xml.WriteStartElement("ChildIdentifiers");
        Element("LAchildID", V(person, "pers_person_id"));
        Element("UPN", V(person, "pers_common_child_id"));
        Element("UPNunknown", V(person, "pers_upn_unknown"));
        Element("PersonBirthDate", V(person, "pers_dob"));
        Element("ExpectedPersonBirthDate", V(person, "pers_expected_dob"));
        Element("Sex", V(person, "pers_sex"));
        Element("PersonDeathDate", V(person, "pers_death_date"));
        _xml.WriteEndElement();

        _xml.WriteStartElement("ChildCharacteristics");
        Element("Ethnicity", V(person, "pers_ethnicity"));
        var disabilities = tables.Rows("ssd_disability");
        if (disabilities.Count > 0)
        {
            _xml.WriteStartElement("Disabilities");
            foreach (var d in disabilities)
            {
                Element("Disability", V(d, "disa_disability_code"));
            }

            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();

        var conferences = tables.Rows("ssd_initial_cp_conference");
        foreach (var referral in referrals)
        {
            CinDetails(tables, referral, conferences);
        }

        _xml.WriteEndElement();
    }

    private void CinDetails(SsdTables tables, Row referral, IReadOnlyList<Row> conferences)
    {
        var id = V(referral, "cine_referral_id");
        var close = V(referral, "cine_close_date");
        var nfa = V(referral, "cine_referral_nfa") == "Y";
        var enquiries = Of(tables, "ssd_s47_enquiry", "s47e_referral_id", id);
        var initial = enquiries
            .Select(s => Conference(conferences, V(s, "s47e_s47_enquiry_id")))
            .Where(c => c is not null && V(c, "icpc_icpc_transfer_in") != "Y")
            .Select(c => V(c, "icpc_icpc_date"))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();

        _xml.WriteStartElement("CINdetails");
        Element("CINreferralDate", V(referral, "cine_referral_date"));
        Element("ReferralSource", "1A");
        Element("PrimaryNeedCode", V(referral, "cine_cin_primary_need_code"));
        Element("CINclosureDate", close);
        Element("ReasonForClosure", close is null ? null : nfa ? "RC8" : "RC1");
        Element("DateOfInitialCPC", initial);

        var reviewPoints = tables.Rows("cc_assessment_review_points");
        foreach (var a in Of(tables, "ssd_cin_assessments", "cina_referral_id", id))
        {
            var assessment = V(a, "cina_assessment_id");
            _xml.WriteStartElement("Assessments");
            Element("AssessmentActualStartDate", V(a, "cina_assessment_start_date"));
            Element("AssessmentInternalReviewDate", reviewPoints.Where(p => V(p, "arp_assessment_id") == assessment)
                .Select(p => V(p, "arp_date")).Order(StringComparer.Ordinal).FirstOrDefault());
            Element("AssessmentAuthorisationDate", V(a, "cina_assessment_auth_date"));
            _xml.WriteEndElement();
        }

        foreach (var p in Of(tables, "ssd_cin_plans", "cinp_referral_id", id))
        {
            _xml.WriteStartElement("CINPlanDates");
            Element("CINPlanStartDate", V(p, "cinp_cin_plan_start_date"));
            Element("CINPlanEndDate", V(p, "cinp_cin_plan_end_date"));
            _xml.WriteEndElement();
        }

        foreach (var s in enquiries)
        {
            var conference = Conference(conferences, V(s, "s47e_s47_enquiry_id"));
            var transferIn = conference is not null && V(conference, "icpc_icpc_transfer_in") == "Y";
            var held = transferIn ? null : V(conference, "icpc_icpc_date");
            var endedWithout = conference is null && V(s, "s47e_s47_end_date") is not null;
            _xml.WriteStartElement("Section47");
            Element("S47ActualStartDate", V(s, "s47e_s47_start_date"));
            Element("DateOfInitialCPC", held);
            Element("ICPCnotRequired", endedWithout || transferIn ? "true" : "false");
            _xml.WriteEndElement();
        }

        Element("ReferralNFA", nfa ? "true" : "false");

        var reviews = tables.Rows("ssd_cp_reviews");
        foreach (var plan in Of(tables, "ssd_cp_plans", "cppl_referral_id", id))
        {
            var planId = V(plan, "cppl_cp_plan_id");
            _xml.WriteStartElement("ChildProtectionPlans");
            Element("CPPstartDate", V(plan, "cppl_cp_plan_start_date"));
            Element("CPPendDate", V(plan, "cppl_cp_plan_end_date"));
            var dates = reviews.Where(r => V(r, "cppr_cp_plan_id") == planId).Select(r => V(r, "cppr_cp_review_date"))
                .Where(d => d is not null).Order(StringComparer.Ordinal).ToList();
            if (dates.Count > 0)
            {
                _xml.WriteStartElement("Reviews");
                foreach (var date in dates)
                {
                    Element("CPPreviewDate", date);
                }

                _xml.WriteEndElement();
            }

            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
    }

    private static Row? Conference(IReadOnlyList<Row> conferences, string? enquiry) =>
        conferences.FirstOrDefault(c => V(c, "icpc_s47_enquiry_id") == enquiry);

    private static IEnumerable<Row> Of(SsdTables tables, string table, string column, string? id) =>
        tables.Rows(table).Where(r => V(r, column) == id);

    private static string? V(Row? row, string column) =>
        row is not null && row.TryGetValue(column, out var v) && !string.IsNullOrEmpty(v) ? v : null;

    /// <summary>An element with text; nothing for an empty value (returns leave out what they do not hold).</summary>
    private void Element(string name, string? value)
    {
        if (value is not null)
        {
            _xml.WriteElementString(name, value);
        }
    }

    public void Dispose()
    {
        if (_xml.WriteState != WriteState.Closed)
        {
            _xml.WriteEndDocument();
        }

        _xml.Dispose();
    }
}

using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Streaming;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Domain;

namespace CaseCompliance.Adapters.CinCensus;

/// <summary>
/// The Children in Need census XML (extracts.md, <c>cin-census</c>) declared as virtual tables: one table per repeated
/// element below <c>Message/Children/Child</c>. A column's name is the element path it is read from, relative to the
/// row element (<c>ChildIdentifiers/LAchildID</c>), so that rejected.csv's line + field is the element's path
/// (<c>Child[12]/CINdetails[2]/Assessments[1]</c> + <c>AssessmentAuthorisationDate</c>); a site may point a column
/// at another element under <c>Sources:&lt;name&gt;:Columns</c>. The structural columns <c>id</c>, <c>child</c>,
/// <c>referral</c> and <c>plan</c> are indexed element paths (<see cref="XmlTableSource"/>): the census has no ids
/// below <c>LAchildID</c>, so a record's id is its place in the file (stable within one file, not across returns).
/// Element names of every year 2017–2026 are declared (<c>GenderCurrent</c> to 2023-24, <c>Sex</c> from 2024-25).
/// </summary>
public static class CinCensusLayout
{
    /// <summary>The repeated record element, below the document element <c>Message</c>.</summary>
    public const string RecordPath = "Children/Child";

    /// <summary>Every table, the child table first, in the order the adapter reads them.</summary>
    public static readonly TableLayout[] Tables =
    [
        ChildTable.Table.Layout,
        Disability.Table.Layout,
        Section47.Table.Layout,
        CinDetails.Table.Layout,
        Assessments.Table.Layout,
        CinPlanDates.Table.Layout,
        ChildProtectionPlans.Table.Layout,
        CpReviews.Table.Layout,
    ];

    /// <summary>Row element paths (relative to <c>Child</c>) and the fixed paths of the structural columns, by table.</summary>
    private static readonly Dictionary<string, (string RowPath, Dictionary<string, string> Structural)> Paths = new(StringComparer.OrdinalIgnoreCase)
    {
        [ChildTable.Table.Name] = ("", new() { ["id"] = XmlTableSource.PathField }),
        [Disability.Table.Name] = ("ChildCharacteristics/Disabilities/Disability", new() { ["id"] = "@path", ["child"] = "../../../@path", ["Disability"] = "." }),
        [Section47.Table.Name] = ("CINdetails/Section47", new() { ["id"] = "@path", ["child"] = "../../@path", ["referral"] = "../@path" }),
        [CinDetails.Table.Name] = ("CINdetails", new() { ["id"] = "@path", ["child"] = "../@path" }),
        [Assessments.Table.Name] = ("CINdetails/Assessments", new() { ["id"] = "@path", ["child"] = "../../@path", ["referral"] = "../@path" }),
        [CinPlanDates.Table.Name] = ("CINdetails/CINPlanDates", new() { ["id"] = "@path", ["child"] = "../../@path", ["referral"] = "../@path" }),
        [ChildProtectionPlans.Table.Name] = ("CINdetails/ChildProtectionPlans", new() { ["id"] = "@path", ["child"] = "../../@path", ["referral"] = "../@path" }),
        [CpReviews.Table.Name] = ("CINdetails/ChildProtectionPlans/Reviews/CPPreviewDate",
            new() { ["id"] = "@path", ["child"] = "../../../../@path", ["plan"] = "../../@path", ["CPPreviewDate"] = ".", ["CPPstartDate"] = "../../CPPstartDate" }),
    };

    /// <summary>The row element of a table, relative to <c>Child</c> (docs/sources/cin-census.md).</summary>
    public static string RowPath(string table) => Paths[table].RowPath;

    /// <summary>The element path a column is read from: a structural column's fixed path, else the column's configured name.</summary>
    public static string FieldPath(string table, string column, ColumnMap columns) =>
        Paths[table].Structural.TryGetValue(column, out var path) ? path : columns.Name(table, column);

    /// <summary>Opens a census file with these tables (column names as configured).</summary>
    public static XmlTableSource Open(string file, SourceOptions options)
    {
        var columns = new ColumnMap(options.Columns);
        var maps = Tables.Select(t => new XmlTableMap(t.Name, RowPath(t.Name),
            [.. t.Columns.Concat(t.OptionalColumns).Select(c => new XmlField(columns.Name(t.Name, c), FieldPath(t.Name, c, columns)))])).ToList();
        return new XmlTableSource(file, RecordPath, maps, requireRecords: true);
    }

    /// <summary><c>Child</c>: identifiers and characteristics.</summary>
    public static class ChildTable
    {
        public static readonly TableDef Table = new("child", required: true);

        public static readonly Column Id = Table.Column("id");
        public static readonly Column LaChildId = Table.Column("ChildIdentifiers/LAchildID");
        public static readonly Column Upn = Table.Column("ChildIdentifiers/UPN");
        public static readonly Column FormerUpn = Table.Column("ChildIdentifiers/FormerUPN");
        public static readonly Column UpnUnknown = Table.Column("ChildIdentifiers/UPNunknown");
        public static readonly Column BirthDate = Table.Column("ChildIdentifiers/PersonBirthDate");
        public static readonly Column ExpectedBirthDate = Table.Column("ChildIdentifiers/ExpectedPersonBirthDate");
        public static readonly Column GenderCurrent = Table.Column("ChildIdentifiers/GenderCurrent");
        public static readonly Column Sex = Table.Column("ChildIdentifiers/Sex");
        public static readonly Column DeathDate = Table.Column("ChildIdentifiers/PersonDeathDate");
        public static readonly Column Ethnicity = Table.Column("ChildCharacteristics/Ethnicity");
    }

    /// <summary><c>Child/ChildCharacteristics/Disabilities/Disability</c>: one row per code (<c>NONE</c> is an answer).</summary>
    public static class Disability
    {
        public static readonly TableDef Table = new("disability", required: true, Dataset.Disabilities);

        public static readonly Column Id = Table.Column("id");
        public static readonly Column ChildId = Table.Column("child");
        public static readonly Column Code = Table.Column("Disability");
    }

    /// <summary><c>Child/CINdetails/Section47</c>: the enquiry (its start is the strategy discussion) and its initial conference.</summary>
    public static class Section47
    {
        public static readonly TableDef Table = new("section47", required: true, Dataset.S47Enquiries, Dataset.InitialConferences);

        public static readonly Column Id = Table.Column("id");
        public static readonly Column ChildId = Table.Column("child");
        public static readonly Column ReferralId = Table.Column("referral");
        public static readonly Column StartDate = Table.Column("S47ActualStartDate");
        public static readonly Column IcpcTarget = Table.Column("InitialCPCtarget");
        public static readonly Column IcpcDate = Table.Column("DateOfInitialCPC");
        public static readonly Column IcpcNotRequired = Table.Column("ICPCnotRequired");
    }

    /// <summary><c>Child/CINdetails</c>: one referral (CIN episode).</summary>
    public static class CinDetails
    {
        public static readonly TableDef Table = new("cin_details", required: true, Dataset.Referrals)
        {
            Periods = [("CINreferralDate", "CINclosureDate")],
        };

        public static readonly Column Id = Table.Column("id");
        public static readonly Column ChildId = Table.Column("child");
        public static readonly Column ReferralDate = Table.Column("CINreferralDate");
        public static readonly Column ReferralSource = Table.Column("ReferralSource");
        public static readonly Column PrimaryNeedCode = Table.Column("PrimaryNeedCode");
        public static readonly Column ClosureDate = Table.Column("CINclosureDate");
        public static readonly Column ReasonForClosure = Table.Column("ReasonForClosure");
        public static readonly Column IcpcDate = Table.Column("DateOfInitialCPC");
        public static readonly Column ReferralNfa = Table.Column("ReferralNFA");
    }

    /// <summary><c>Child/CINdetails/Assessments</c>: a social care assessment and its internal review point.</summary>
    public static class Assessments
    {
        public static readonly TableDef Table = new("assessment", required: true, Dataset.SocialCareAssessments)
        {
            Periods = [("AssessmentActualStartDate", "AssessmentAuthorisationDate")],
        };

        public static readonly Column Id = Table.Column("id");
        public static readonly Column ChildId = Table.Column("child");
        public static readonly Column ReferralId = Table.Column("referral");
        public static readonly Column StartDate = Table.Column("AssessmentActualStartDate");
        public static readonly Column InternalReviewDate = Table.Column("AssessmentInternalReviewDate");
        public static readonly Column AuthorisationDate = Table.Column("AssessmentAuthorisationDate");
    }

    /// <summary><c>Child/CINdetails/CINPlanDates</c>: a child in need plan.</summary>
    public static class CinPlanDates
    {
        public static readonly TableDef Table = new("cin_plan", required: true, Dataset.Plans)
        {
            Periods = [("CINPlanStartDate", "CINPlanEndDate")],
        };

        public static readonly Column Id = Table.Column("id");
        public static readonly Column ChildId = Table.Column("child");
        public static readonly Column ReferralId = Table.Column("referral");
        public static readonly Column StartDate = Table.Column("CINPlanStartDate");
        public static readonly Column EndDate = Table.Column("CINPlanEndDate");
    }

    /// <summary><c>Child/CINdetails/ChildProtectionPlans</c>: a child protection plan.</summary>
    public static class ChildProtectionPlans
    {
        public static readonly TableDef Table = new("cp_plan", required: true, Dataset.Plans)
        {
            Periods = [("CPPstartDate", "CPPendDate")],
        };

        public static readonly Column Id = Table.Column("id");
        public static readonly Column ChildId = Table.Column("child");
        public static readonly Column ReferralId = Table.Column("referral");
        public static readonly Column StartDate = Table.Column("CPPstartDate");
        public static readonly Column EndDate = Table.Column("CPPendDate");
    }

    /// <summary><c>Child/CINdetails/ChildProtectionPlans/Reviews/CPPreviewDate</c>: one review conference per element.</summary>
    public static class CpReviews
    {
        public static readonly TableDef Table = new("cp_review", required: true, Dataset.ChildProtectionReviews)
        {
            References = [new Reference("plan", "usable child protection plan", new ParentKey("cp_plan", "id"))],
        };

        public static readonly Column Id = Table.Column("id");
        public static readonly Column ChildId = Table.Column("child");
        public static readonly Column PlanId = Table.Column("plan");
        public static readonly Column ReviewDate = Table.Column("CPPreviewDate");
        public static readonly Column PlanStartDate = Table.Column("CPPstartDate");
    }
}

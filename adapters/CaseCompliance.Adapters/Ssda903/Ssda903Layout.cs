using CaseCompliance.Adapters.Reading;
using CaseCompliance.Domain;

namespace CaseCompliance.Adapters.Ssda903;

/// <summary>
/// The files of the SSDA903 return the <c>ssda903</c> adapter reads (extracts.md), named and spelt as the DfE's tools
/// name them, and what each one records. The XML form of the return is mapped onto the same tables and columns
/// (<see cref="Ssda903Xml"/>), so that one reader reads both.
/// </summary>
public static class Ssda903Layout
{
    /// <summary>Every table, the person table first, in the order the adapter reads them.</summary>
    public static readonly TableLayout[] Tables =
    [
        Header.Table.Layout,
        Episodes.Table.Layout,
        Reviews.Table.Layout,
        Missing.Table.Layout,
        SwEpisodes.Table.Layout,
    ];

    /// <summary><c>header.csv</c>: one row per child.</summary>
    public static class Header
    {
        public static readonly TableDef Table = new("header", required: true);

        public static readonly Column Child = Table.Column("CHILD");
        public static readonly Column Sex = Table.Column("SEX");
        public static readonly Column Dob = Table.Column("DOB");
        public static readonly Column Ethnic = Table.Column("ETHNIC");
        public static readonly Column Upn = Table.Column("UPN");
    }

    /// <summary><c>episodes.csv</c>: one row per episode (a new one at every change of placement or legal status).</summary>
    public static class Episodes
    {
        public static readonly TableDef Table = new("episodes", required: true, Dataset.PeriodsOfCare, Dataset.Placements, Dataset.LegalStatuses)
        {
            Periods = [("DECOM", "DEC")],
        };

        public static readonly Column Child = Table.Column("CHILD");
        public static readonly Column Decom = Table.Column("DECOM");
        public static readonly Column Rne = Table.Column("RNE");
        public static readonly Column Ls = Table.Column("LS");
        public static readonly Column Cin = Table.Column("CIN");
        public static readonly Column Place = Table.Column("PLACE");
        public static readonly Column Dec = Table.Column("DEC");
        public static readonly Column Rec = Table.Column("REC");
    }

    /// <summary><c>reviews.csv</c>: one row per looked-after review held.</summary>
    public static class Reviews
    {
        public static readonly TableDef Table = new("reviews", required: false, Dataset.LookedAfterReviews);

        public static readonly Column Child = Table.Column("CHILD");
        public static readonly Column Review = Table.Column("REVIEW");
        public static readonly Column Dob = Table.OptionalColumn("DOB");
        public static readonly Column ReviewCode = Table.OptionalColumn("REVIEW_CODE");
    }

    /// <summary><c>missing.csv</c>: one row per missing or away-from-placement episode.</summary>
    public static class Missing
    {
        public static readonly TableDef Table = new("missing", required: false, Dataset.MissingEpisodes)
        {
            Periods = [("MIS_START", "MIS_END")],
        };

        public static readonly Column Child = Table.Column("CHILD");
        public static readonly Column Kind = Table.Column("MISSING");
        public static readonly Column Start = Table.Column("MIS_START");
        public static readonly Column End = Table.Column("MIS_END");
        public static readonly Column Dob = Table.OptionalColumn("DOB");
    }

    /// <summary><c>sw_episodes.csv</c>: the child's social workers (an allocation each).</summary>
    public static class SwEpisodes
    {
        public static readonly TableDef Table = new("sw_episodes", required: false, Dataset.Allocations)
        {
            Periods = [("SW_DECOM", "SW_DEC")],
        };

        public static readonly Column Child = Table.Column("CHILD");
        public static readonly Column SwId = Table.Column("SW_ID");
        public static readonly Column SwDecom = Table.Column("SW_DECOM");
        public static readonly Column SwDec = Table.Column("SW_DEC");
        public static readonly Column Dob = Table.OptionalColumn("DOB");
        public static readonly Column SwReason = Table.OptionalColumn("SW_REASON");
    }

    /// <summary>Reasons for a new episode (RNE): <c>S</c> starts a period of care, the others continue one.</summary>
    public const string EpisodeReasons = "S,L,P,T,U,B";

    /// <summary>Reasons an episode ceased (REC): <c>X1</c> means care continues in the next episode; every other
    /// code ends the period of care.</summary>
    public const string CeasedReasons = "X1,E11,E12,E13,E14,E15,E16,E17,E2,E3,E41,E45,E46,E47,E48,E4A,E4B,E5,E6,E7,E8,E9";

    /// <summary>Categories of need (CIN).</summary>
    public const string NeedCodes = "N1,N2,N3,N4,N5,N6,N7,N8";

    /// <summary>SEX: 1 male, 2 female.</summary>
    public const string SexCodes = "1,2";

    /// <summary>Participation in the review (REVIEW_CODE).</summary>
    public const string ReviewCodes = "PN0,PN1,PN2,PN3,PN4,PN5,PN6,PN7";

    /// <summary>MISSING: <c>M</c> missing, <c>A</c> away from placement without authorisation.</summary>
    public const string MissingCodes = "M,A";
}

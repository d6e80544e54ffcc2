namespace CaseCompliance.Adapters;

/// <summary>The SSDA903 code lists every adapter validates against by default.</summary>
public static class SsdaCodes
{
    /// <summary>
    /// SSDA903 placement types (PLACE) of every collection year, because an extract holds placements made long ago:
    /// the current codes (2025-26 adds K3 and Z11–Z14), P2 (invalid for placements from 28 October 2023 but in
    /// history), and codes withdrawn earlier (A1, A2, F1–F6, H1–H4, M1–M3, P4, Q1, Q2, R4).
    /// </summary>
    public const string PlacementTypes =
        "A3,A4,A5,A6,H5,K1,K2,K3,P1,P2,P3,R1,R2,R3,R5,S1,T0,T1,T2,T3,T4,U1,U2,U3,U4,U5,U6,Z1,Z11,Z12,Z13,Z14," +
        "A1,A2,F1,F2,F3,F4,F5,F6,H1,H2,H3,H4,M1,M2,M3,P4,Q1,Q2,R4";

    /// <summary>SSDA903 legal statuses (LS).</summary>
    public const string LegalStatuses = "C1,C2,D1,E1,J1,J2,J3,L1,L2,L3,V2,V3,V4";

    /// <summary>
    /// The SSDA903 guide's description of each legal status, as an SSD export may hold it instead of the code:
    /// <c>CODE=description</c> entries separated by <c>;</c> (descriptions hold commas). Matched ignoring case,
    /// punctuation, spacing and a bracketed part, so "Emergency protection order (EPO)" and "emergency protection
    /// order" are both L2.
    /// </summary>
    public const string LegalStatusDescriptions =
        "C1=Interim care order;" +
        "C2=Full care order;" +
        "D1=Freeing order granted;" +
        "E1=Placement order granted;" +
        "J1=Remanded to local authority accommodation or to youth detention accommodation;" +
        "J2=Placed in local authority accommodation under the Police and Criminal Evidence Act 1984, including secure accommodation;" +
        "J2=Placed in local authority accommodation under the Police and Criminal Evidence Act 1984, including secure accommodation. However, this would not necessarily be accommodation where the child would be detained.;" +
        "J3=Sentenced to Youth Rehabilitation Order;" +
        "J3=Sentenced to Youth Rehabilitation Order with residence or intensive fostering requirement;" +
        "L1=Under police protection and in local authority accommodation;" +
        "L2=Emergency protection order;" +
        "L3=Under child assessment order and in local authority accommodation;" +
        "V2=Single period of accommodation under section 20;" +
        "V3=Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded;" +
        "V4=Accommodated under an agreed series of short-term breaks, when agreements are recorded;" +
        "V4=Accommodated under an agreed series of short-term breaks, when agreements are recorded (NOT individual episodes of care)";
}

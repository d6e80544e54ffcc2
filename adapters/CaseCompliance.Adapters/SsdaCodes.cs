namespace CaseCompliance.Adapters;

/// <summary>The SSDA903 code lists every adapter validates against by default.</summary>
public static class SsdaCodes
{
    /// <summary>SSDA903 placement types (PLACE).</summary>
    public const string PlacementTypes = "A3,A4,A5,A6,H5,K1,K2,P1,P2,P3,R1,R2,R3,R5,S1,T0,T1,T2,T3,T4,U1,U2,U3,U4,U5,U6,Z1";

    /// <summary>SSDA903 legal statuses (LS).</summary>
    public const string LegalStatuses = "C1,C2,D1,E1,J1,J2,J3,L1,L2,L3,V2,V3,V4";
}

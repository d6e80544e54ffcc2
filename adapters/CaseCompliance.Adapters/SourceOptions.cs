namespace CaseCompliance.Adapters;

/// <summary>One configured source, <c>Sources:&lt;name&gt;</c> in appsettings.json.</summary>
public sealed class SourceOptions
{
    /// <summary>Adapter kind: <c>standard</c>, <c>liquidlogic</c>, <c>mosaic</c> or <c>carefirst</c> (default: the source's name).</summary>
    public string? Kind { get; set; }

    /// <summary>A folder of extract files (relative to the configuration file) or an http(s):// base address.</summary>
    public string Location { get; set; } = "";

    /// <summary>Switch a source off without deleting its settings.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>File name per table, where a site's export names them differently (e.g. <c>ssd_person: person_extract</c>).</summary>
    public Dictionary<string, string> Tables { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Column name per canonical column, as <c>table.column</c> or just <c>column</c>.</summary>
    public Dictionary<string, string> Columns { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Required tables this site does not export: treated as "not recorded" rather than failing.</summary>
    public List<string> OptionalTables { get; set; } = [];

    /// <summary>Code lists; null keeps the shipped defaults.</summary>
    public SourceCodes Codes { get; set; } = new();
}

/// <summary>Code lists of a source. Each list, when set, replaces the shipped default entirely.</summary>
public sealed class SourceCodes
{
    /// <summary>Involvement roles that make an allocation (SSD <c>invo_professional_role_id</c>).</summary>
    public List<string>? AllocatedWorkerRoles { get; set; }

    /// <summary>Valid SSDA903 placement type (PLACE) codes.</summary>
    public List<string>? PlacementTypes { get; set; }

    /// <summary>Valid SSDA903 legal status (LS) codes.</summary>
    public List<string>? LegalStatuses { get; set; }

    public IReadOnlyList<string> AllocatedWorkerRolesOrDefault => AllocatedWorkerRoles ?? ["ALLOCATED CASE WORKER"];

    public IReadOnlyList<string> PlacementTypesOrDefault => PlacementTypes ??
    [
        "A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1",
        "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1",
    ];

    public IReadOnlyList<string> LegalStatusesOrDefault => LegalStatuses ??
        ["C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4"];
}

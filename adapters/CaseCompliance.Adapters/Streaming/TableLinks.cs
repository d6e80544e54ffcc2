namespace CaseCompliance.Adapters.Streaming;

/// <summary>How the rows of a table belong to a child, so that an extract can be read a window of children at a time.</summary>
public abstract record TableLink;

/// <summary>Each row names a person of the person table in <paramref name="Column"/>.</summary>
public sealed record PersonLink(string Column) : TableLink;

/// <summary>
/// Each row names, in <paramref name="Column"/>, a record of one of the <paramref name="Parents"/> tables (by that
/// table's id column): a detail row of a visit, plan, placement, contact, assessment, period of care or audit.
/// </summary>
public sealed record ParentLink(string Column, params ParentKey[] Parents) : TableLink;

/// <summary>A parent table and the column holding its record ids.</summary>
public sealed record ParentKey(string Table, string IdColumn);

/// <summary>
/// What an adapter declares so its extract can be streamed: the person table and its id column, and for every other
/// table how its rows link to a person. Tables without a link are directory tables (workers, teams): read once and
/// given whole to every window. Column names are canonical; the configured names are applied when reading.
/// </summary>
public sealed record StreamLayout(string PersonTable, string PersonIdColumn, IReadOnlyDictionary<string, TableLink> Links,
    IReadOnlyList<string> DirectoryTables)
{
    /// <summary>
    /// Ids that name no record (Liquidlogic's <c>-1</c>): many parent rows carry them, so they are not record ids of a
    /// window, and a detail row naming one is placed like a row naming nothing (the adapter skips or rejects it alike).
    /// </summary>
    public IReadOnlySet<string> NullKeys { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Every table the layout names: the person table, the linked tables and the directory tables.</summary>
    public IEnumerable<string> AllTables => [PersonTable, .. Links.Keys, .. DirectoryTables];
}

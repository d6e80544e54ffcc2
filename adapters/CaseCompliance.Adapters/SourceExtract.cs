using CaseCompliance.Domain;

namespace CaseCompliance.Adapters;

/// <summary>What an adapter made of one source: its directory of workers and teams and one record per child.</summary>
public sealed record SourceExtract(string Name, string Kind, CaseDirectory Directory, IReadOnlyList<CaseRecord> Cases, long RowsRead);

/// <summary>An adapter turns one system's tables into canonical case records.</summary>
public interface ISourceAdapter
{
    /// <summary>The kind it reads: <c>standard</c>, <c>liquidlogic</c>, <c>mosaic</c>, <c>carefirst</c>, <c>ssda903</c>.</summary>
    string Kind { get; }

    /// <summary>The shipped code lists and maps (key → comma-separated codes), overridable under <c>Codes</c>.</summary>
    IReadOnlyDictionary<string, string> DefaultCodes { get; }

    /// <summary>The tables the adapter reads with these options, first the person table: the one declaration from
    /// which header checks, configuration checks and docs/sources come.</summary>
    IReadOnlyList<TableLayout> Layout(SourceOptions options);

    /// <summary>How the adapter's tables link to a person, so that the scan can stream the extract a window of
    /// children at a time; null when the adapter can only read a source whole.</summary>
    Streaming.StreamLayout? Streaming => null;

    /// <summary>Reads the source. Bad rows go to <paramref name="rejections"/>; a whole-source problem throws
    /// <see cref="Tables.SourceFailedException"/>. A streamed scan calls it once per window, with that window's rows.</summary>
    SourceExtract Read(string name, Tables.ITableSource tables, SourceOptions options, Reading.RejectionLog rejections,
        CancellationToken cancellationToken = default);
}

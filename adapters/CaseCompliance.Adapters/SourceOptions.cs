namespace CaseCompliance.Adapters;

/// <summary>One configured source, <c>Sources:&lt;name&gt;</c> in appsettings.json.</summary>
public sealed class SourceOptions
{
    /// <summary>Adapter kind: <c>standard</c>, <c>liquidlogic</c>, <c>mosaic</c>, <c>carefirst</c> or <c>ssda903</c> (default: the source's name).</summary>
    public string? Kind { get; set; }

    /// <summary>A folder of extract files (relative to the configuration file), an http(s):// base address, or a file for a
    /// kind that reads one (the <c>ssda903</c> return's XML file).</summary>
    public string Location { get; set; } = "";

    /// <summary>Switch a source off without deleting its settings.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>File (or HTTP table) name per table, where a site's export names them differently.</summary>
    public Dictionary<string, string> Tables { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Column name per canonical column, as <c>table.column</c> or just <c>column</c>.</summary>
    public Dictionary<string, string> Columns { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The text encoding of a CSV folder's files, by name (e.g. <c>windows-1252</c>); empty for UTF-8 (with or without a
    /// BOM). Bytes the encoding cannot decode fail the source, naming the byte; they are never replaced silently.
    /// </summary>
    public string? Encoding { get; set; }

    /// <summary>Required tables this site does not export: treated as "not recorded" rather than failing.</summary>
    public List<string> OptionalTables { get; set; } = [];

    /// <summary>
    /// Code lists and code maps, by key; each value is a comma-separated list of codes. A key given here replaces
    /// the adapter's shipped default for that key only (see <see cref="ISourceAdapter.DefaultCodes"/>).
    /// </summary>
    public Dictionary<string, string> Codes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Refuse an extract whose rows read, or children accepted, are below this fraction of the last good extract of the same source
    /// (a half-written or empty extract must not make every open breach look resolved). 0 switches the check off.
    /// </summary>
    public double MinimumRowFraction { get; set; } = 0.5;

    /// <summary>
    /// Children per window when the extract is streamed (tables in person order, see docs/performance.md); memory
    /// holds about two windows. 0 reads the source whole. An extract found out of person order is read whole anyway.
    /// </summary>
    public int StreamWindow { get; set; } = 4_000;

    /// <summary>
    /// <c>ssda903</c> only: the date (<c>yyyy-MM-dd</c>) from which the return holds the looked-after reviews, usually
    /// the 1 April that starts its collection year. Empty: the 1 April on or before the earliest review in the file
    /// (docs/sources/ssda903.md).
    /// </summary>
    public string? ReviewsFrom { get; set; }

    /// <summary>Settings of an http(s):// location.</summary>
    public HttpSourceOptions Http { get; set; } = new();

    /// <summary>The text of <paramref name="key"/> as configured, else the adapter's default (a map such as
    /// <c>LegalStatusDescriptions</c>, whose entries are not comma-separated).</summary>
    public string CodeText(string key, IReadOnlyDictionary<string, string> defaults) =>
        Codes.TryGetValue(key, out var configured) ? configured : defaults.GetValueOrDefault(key, "");

    /// <summary>The codes of <paramref name="key"/>: configured, else the adapter's default.</summary>
    public IReadOnlyList<string> CodeList(string key, IReadOnlyDictionary<string, string> defaults)
    {
        var text = Codes.TryGetValue(key, out var configured) ? configured : defaults.GetValueOrDefault(key, "");
        return [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }
}

/// <summary>HTTP table-page settings (<c>Sources:&lt;name&gt;:Http</c>); every limit is configuration.</summary>
public sealed class HttpSourceOptions
{
    /// <summary>Sent as <c>Authorization: Bearer …</c>; put it in an environment variable, not in the file.</summary>
    public string? BearerToken { get; set; }

    public int PageSize { get; set; } = 1000;

    /// <summary>Safety stop: a table with more pages than this fails the source (a server looping on nextPage).</summary>
    public int MaxPages { get; set; } = 100_000;

    /// <summary>Retries after the first attempt, for timeouts, 5xx, 408 and 429.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay; it doubles each retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest a server's Retry-After is honoured for; longer waits are cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Total time for one page request, retries included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Circuit breaker: share of failures over the sampling window that opens it.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}

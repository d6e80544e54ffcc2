using CaseCompliance.Rules.Engine;
using NodaTime;

namespace CaseCompliance.Scanning;

/// <summary>The <c>Output</c> section: where scan files go and what the exception list keeps.</summary>
public sealed class OutputOptions
{
    /// <summary>Default output folder (relative to the configuration file).</summary>
    public string Directory { get; set; } = "out";

    /// <summary><c>late</c> rows completed (and lapsed overdue rows ended) before this look-back are left out of exceptions.</summary>
    public Timescale ExceptionLookBack { get; set; } = Timescale.Months(12);

    /// <summary>The first completion date a <c>late</c> row may have and still be on the exception list.</summary>
    public LocalDate ExceptionCutoff(LocalDate asOf) => ExceptionLookBack.Unit switch
    {
        TimescaleUnit.Months => asOf.PlusMonths(-ExceptionLookBack.Amount),
        TimescaleUnit.Weeks => asOf.PlusDays(-7 * ExceptionLookBack.Amount),
        _ => asOf.PlusDays(-ExceptionLookBack.Amount),
    };

    /// <summary>Whether each scan also writes one workbook per team under <c>teams/&lt;as-of date&gt;/</c>.</summary>
    public bool TeamFiles { get; set; } = true;

    /// <summary>Dated team folders older than this before the as-of date are removed (days, weeks or months).</summary>
    public Timescale TeamFolderRetention { get; set; } = Timescale.Days(90);
}

using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Scanning;

/// <summary>The <c>Output</c> section: where scan files go and what the exception list keeps.</summary>
public sealed class OutputOptions
{
    /// <summary>Default output folder (relative to the configuration file).</summary>
    public string Directory { get; set; } = "out";

    /// <summary><c>late</c> rows completed (and lapsed overdue rows ended) before this look-back are left out of exceptions.</summary>
    public Timescale ExceptionLookBack { get; set; } = Timescale.Months(12);
}

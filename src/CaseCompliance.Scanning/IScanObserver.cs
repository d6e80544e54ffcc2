using CaseCompliance.Adapters;
using CaseCompliance.Domain;

namespace CaseCompliance.Scanning;

/// <summary>
/// Sees each extract (or window of one) as it is evaluated: the host keeps the children and staff it names for the
/// scan history. A window may be seen again when a source is re-read whole, so observers key by id.
/// </summary>
public interface IScanObserver
{
    void Read(string source, SourceExtract extract);
}

/// <summary>
/// Adds to a child's case record what people recorded in CaseCompliance itself (case audits and their actions), so
/// that the rules judge them with the extract's own. Called once per child per scan, from several threads.
/// </summary>
public interface ICaseSupplement
{
    CaseRecord Supplement(string source, CaseRecord record);
}

/// <summary>The optional hooks of one scan run.</summary>
internal sealed record ScanHooks(IScanObserver? Observer, ICaseSupplement? Supplement);

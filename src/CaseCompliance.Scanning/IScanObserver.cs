using CaseCompliance.Adapters;

namespace CaseCompliance.Scanning;

/// <summary>
/// Sees each extract (or window of one) as it is evaluated: the host keeps the children and staff it names for the
/// scan history. A window may be seen again when a source is re-read whole, so observers key by id.
/// </summary>
public interface IScanObserver
{
    void Read(string source, SourceExtract extract);
}

using CaseCompliance.Adapters.Standard;

namespace CaseCompliance.Adapters.Tests;

/// <summary>A temporary SSD extract folder: every required table (and the extensions unless left out) with its header
/// (the declared columns, then the optional ones).</summary>
public sealed class SsdFolder(bool withExtensions = true)
    : ExtractFolder<SsdFolder>("cc-ssd-", StandardLayout.Tables.Select(t => (t.Name, (string[])[.. t.Columns, .. t.OptionalColumns], t.Required || withExtensions)));

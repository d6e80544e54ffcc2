using CaseCompliance.Adapters.CareFirst;

namespace CaseCompliance.Adapters.Tests;

/// <summary>A temporary CareFirst extract folder: every table of the default layout with its header, plus the rows a test adds.</summary>
public sealed class CareFirstFolder(bool withOptionalTables = true)
    : ExtractFolder<CareFirstFolder>("cc-carefirst-", CareFirstLayout.Tables.Select(t => (t.Name, t.Columns, t.Required || withOptionalTables)),
        checkColumns: true);

using CaseCompliance.Adapters.LiquidLogic;

namespace CaseCompliance.Adapters.Tests;

/// <summary>A temporary Liquidlogic warehouse extract folder: every table with its header, plus the rows a test adds.</summary>
public sealed class LiquidLogicFolder(bool withOptionalTables = true)
    : ExtractFolder<LiquidLogicFolder>("cc-ll-", LiquidLogicLayout.Tables.Select(t => (t.Name, t.Columns, t.Required || withOptionalTables)));

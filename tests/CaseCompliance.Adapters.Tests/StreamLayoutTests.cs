using CaseCompliance.Adapters.CareFirst;
using CaseCompliance.Adapters.LiquidLogic;
using CaseCompliance.Adapters.Mosaic;
using CaseCompliance.Adapters.Standard;
using CaseCompliance.Adapters.Streaming;

namespace CaseCompliance.Adapters.Tests;

/// <summary>
/// Each adapter's stream layout says how every table of its layout reaches a child: the person table, a link, or the
/// directory, exactly once, through columns the layout has. A table left out would make a streamed scan fail.
/// </summary>
public class StreamLayoutTests
{
    public static TheoryData<string> Kinds => new() { "standard", "liquidlogic", "mosaic", "carefirst" };

    private static (ISourceAdapter Adapter, TableLayout[] Tables) Of(string kind) => kind switch
    {
        "standard" => (new StandardAdapter(), StandardLayout.Tables),
        "liquidlogic" => (new LiquidLogicAdapter(), LiquidLogicLayout.Tables),
        "mosaic" => (new MosaicAdapter(), MosaicLayout.Tables(new SourceOptions())),
        "carefirst" => (new CareFirstAdapter(), CareFirstLayout.Tables),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryTable_IsThePersonTableALinkedTableOrADirectoryTable_ExactlyOnce(string kind)
    {
        var (adapter, tables) = Of(kind);
        var stream = Assert.IsType<StreamLayout>(adapter.Streaming);

        Assert.Equal(tables[0].Name, stream.PersonTable);
        Assert.Equal(tables.Select(t => t.Name).Order(), stream.AllTables.Order());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryLink_NamesColumnsOfItsTables(string kind)
    {
        var (adapter, tables) = Of(kind);
        var stream = adapter.Streaming!;
        var columns = tables.ToDictionary(t => t.Name, t => t.Columns);

        Assert.Contains(stream.PersonIdColumn, columns[stream.PersonTable]);
        foreach (var (table, link) in stream.Links)
        {
            switch (link)
            {
                case PersonLink p:
                    Assert.Contains(p.Column, columns[table]);
                    break;
                case ParentLink p:
                    Assert.Contains(p.Column, columns[table]);
                    Assert.NotEmpty(p.Parents);
                    Assert.All(p.Parents, k => Assert.Contains(k.IdColumn, columns[k.Table]));
                    Assert.All(p.Parents, k => Assert.IsType<PersonLink>(stream.Links[k.Table]));
                    break;
            }
        }
    }
}

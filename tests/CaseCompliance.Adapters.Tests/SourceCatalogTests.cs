using Microsoft.Extensions.Configuration;

namespace CaseCompliance.Adapters.Tests;

public class SourceCatalogTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void CodeLists_MayBeCommaSeparatedOrArrays_AndReplaceOnlyTheirKey()
    {
        var sources = SourceCatalog.ConfiguredSources(Config(
            ("Sources:standard:Location", "samples/standard"),
            ("Sources:standard:Codes:AllocatedWorkerRoles:0", "KEY WORKER"),
            ("Sources:standard:Codes:AllocatedWorkerRoles:1", "ALLOCATED CASE WORKER"),
            ("Sources:standard:Codes:LegalStatuses", "C1, C2")));
        var options = sources["standard"];
        Assert.Equal("standard", options.Kind);
        Assert.Equal(["KEY WORKER", "ALLOCATED CASE WORKER"], options.CodeList("AllocatedWorkerRoles", Standard.StandardAdapter.Codes));
        Assert.Equal(["C1", "C2"], options.CodeList("LegalStatuses", Standard.StandardAdapter.Codes));
        Assert.Contains("U1", options.CodeList("PlacementTypes", Standard.StandardAdapter.Codes));
    }

    [Fact]
    public void UnknownCodeKey_IsNamed()
    {
        var options = new SourceOptions { Codes = { ["PlacementType"] = "U1" } };
        var problem = SourceCatalog.UnknownCodeKey("standard", options, new Standard.StandardAdapter());
        Assert.StartsWith("Sources:standard:Codes:PlacementType: not a code list of the standard adapter", problem);
        Assert.Null(SourceCatalog.UnknownCodeKey("standard", new SourceOptions(), new Standard.StandardAdapter()));
    }
}

using CaseCompliance.Adapters.Streaming;

namespace CaseCompliance.Adapters.Tests;

/// <summary>The filter of ids handed to earlier windows: never forgets an id, rarely claims one it never saw.</summary>
public sealed class SeenKeysTests
{
    [Fact]
    public void EveryAddedId_IsFound_AcrossFiltersAsTheyGrow_AndUnseenIdsAreRarelyClaimed()
    {
        var seen = new SeenKeys();
        const int Count = 3_000_000; // more than the first filter holds, so a second and third are made
        for (var i = 0; i < Count; i++)
        {
            seen.Add(1, $"V{i}");
        }

        for (var i = 0; i < Count; i += 997)
        {
            Assert.True(seen.MayContain(1, $"V{i}"), $"V{i} was added");
        }

        var claimed = Enumerable.Range(0, 200_000).Count(i => seen.MayContain(1, $"W{i}") || seen.MayContain(2, $"V{i}"));
        Assert.True(claimed < 200, $"{claimed} of 400,000 unseen ids claimed");
    }

    [Fact]
    public void AddIfNew_SaysWhetherTheIdMayHaveBeenAddedBefore()
    {
        var seen = new SeenKeys();

        Assert.True(seen.AddIfNew(7, "P1"));
        Assert.False(seen.AddIfNew(7, "P1"));
        Assert.True(seen.AddIfNew(8, "P1"));
    }
}

namespace CaseCompliance.Storage.Tests;

/// <summary>One obligation keeps one key from overdue to late: the first evidence id is its anchor record.</summary>
public sealed class ObligationKeyTests
{
    [Fact]
    public void Key_IsRuleChildEpisodeAnchorDueAndFirstEvidence()
    {
        var row = TestScans.Row("cp-visits", "overdue", "C001", "2025-02-20", "V1", episode: "CP1", anchor: "2025-02-06");
        Assert.Equal("cp-visits|standard:C001|standard:CP1|2025-02-06|2025-02-20|V1", ObligationKeys.Of(row));
    }

    [Fact]
    public void Key_OverdueThenDoneLate_IsTheSame()
    {
        var overdue = TestScans.Row("cp-visits", "overdue", "C001", "2025-02-20", "V1", episode: "CP1", anchor: "2025-02-06", asOf: "2025-03-01");
        var late = TestScans.Row("cp-visits", "late", "C001", "2025-02-20", "V1;V2", episode: "CP1", anchor: "2025-02-06", completed: "2025-03-02");
        Assert.Equal(ObligationKeys.Of(overdue), ObligationKeys.Of(late));
    }

    [Theory]
    [InlineData("2025-02-21", "V1", "due date")]
    [InlineData("2025-02-20", "V0;V1", "anchor record")]
    public void Key_OtherInstance_Differs(string due, string evidence, string why)
    {
        var one = TestScans.Row("cp-visits", "overdue", "C001", "2025-02-20", "V1", episode: "CP1");
        var other = TestScans.Row("cp-visits", "overdue", "C001", due, evidence, episode: "CP1");
        Assert.True(ObligationKeys.Of(one) != ObligationKeys.Of(other), why);
    }

    [Fact]
    public void Key_EmptyAndNullColumns_AreTheSame()
    {
        string?[] withNulls = ["key-information", "missing-data", "standard:C1", null, "standard", null, null, null, null, null, null, null, null, "d"];
        string?[] withEmpty = ["key-information", "missing-data", "standard:C1", "", "standard", "", "", "", "", "", "", "", "", "d"];
        Assert.Equal("key-information|standard:C1||||", ObligationKeys.Of(withNulls));
        Assert.Equal(ObligationKeys.Of(withNulls), ObligationKeys.Of(withEmpty));
    }
}

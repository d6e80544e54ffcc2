using CaseCompliance.Adapters.Tables;

namespace CaseCompliance.Adapters.Tests;

/// <summary>What the product's CSV writer does with formula-like values (OWASP CSV injection) and with quoting.</summary>
public sealed class CsvTextTests
{
    private static string Line(bool neutralise, params string?[] fields)
    {
        var writer = new StringWriter();
        new CsvText(writer, neutralise).Row(fields);
        return writer.ToString();
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+44 7700 900123", "'+44 7700 900123")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("\rCR", "\"'\rCR\"")]
    [InlineData("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")]
    [InlineData("'=already guarded", "'=already guarded")]
    [InlineData("C1", "C1")]
    [InlineData("2025-03-14", "2025-03-14")]
    [InlineData("a=b", "a=b")]
    public void Neutralised_AFormulaLikeValueIsWrittenAfterAQuote_OthersAsTheyAre(string value, string written)
    {
        Assert.Equal(written + ",\r\n", Line(true, value, null));
    }

    [Fact]
    public void NotNeutralised_ValuesAreWrittenAsTheyAre_ForExtractsAdaptersRead()
    {
        Assert.Equal("-1,=x,\"a,b\"\r\n", Line(false, "-1", "=x", "a,b"));
    }
}

using System.Globalization;

namespace CaseCompliance.Generation.Tests;

public sealed class LiquidLogicSinkTests
{
    /// <summary>
    /// samples/liquidlogic is the converter's output (/tmp/ll-gen/convert.py, deterministic). The sink writes the same
    /// files except:
    /// <list type="bullet">
    /// <item>rows the converter added by hand to show the adapter's exclusions, which the sink does not invent:
    /// assessments <c>ASM007-D</c> (draft) and <c>ASM010-X</c> (cancelled) with the latter's <c>FormEndDate</c> answer,
    /// pathway plan <c>PP015</c>, and the <c>IRO012A</c> casenote;</item>
    /// <item>tables the converter filled from several SSD tables one after the other, which the sink fills child by
    /// child: <c>FACT_MEETINGS</c> (meetings, then ICPCs, then LAC reviews), <c>FACT_CASENOTES</c> (CP, LAC, CIN
    /// visits, Early Help contacts, other visits, management records), <c>FACT_FORMS</c> (Early Help assessments,
    /// documents, audits) and <c>FACT_FORM_ANSWERS</c> (contacts, assessments, plans, audits), whose
    /// <c>FACT_FORM_ANSWER_ID</c> (<c>FA0001</c>, ...) therefore follows the child-by-child order.</item>
    /// </list>
    /// Every other file is identical but for line ends.
    /// </summary>
    [Fact]
    public void Files_AreTheConvertersOutput_ChildByChild()
    {
        using var written = SinkSamples.Write("liquidlogic");
        var sample = new SinkSampleComparison(SinkSamples.Sample("liquidlogic"), written.Path);

        Assert.Equal(2, sample.Remove("FACT_SINGLE_ASSESSMENT", r => r[0] is "ASM007-D" or "ASM010-X"));
        Assert.Equal(1, sample.Remove("FACT_CARE_PLAN_SUMMARY", r => r[0] == "PP015"));
        Assert.Equal(1, sample.Remove("FACT_CASENOTES", r => r[0] == "IRO012A"));
        Assert.Equal(1, sample.Remove("FACT_FORM_ANSWERS", r => r[1] == "FRM-ASM010-X"));

        var child = sample.Order("DIM_PERSON", "DIM_PERSON_ID");
        foreach (var table in new[] { "FACT_MEETINGS", "FACT_CASENOTES", "FACT_FORMS" })
        {
            var person = sample.Column(table, "DIM_PERSON_ID");
            sample.ChildByChild(table, r => child[r[person]]);
        }

        // A form answer belongs to the child of its form: a contact's, assessment's, plan's or audit's.
        var formChild = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (table, formColumn) in new[]
        {
            ("FACT_CONTACTS", "FACT_FORM_ID"), ("FACT_SINGLE_ASSESSMENT", "FACT_FORM_ID"), ("FACT_CP_PLAN", "FACT_FORM_ID"),
            ("FACT_CARE_PLAN_SUMMARY", "FACT_FORM_ID"), ("FACT_FORMS", "FACT_FORM_ID"),
        })
        {
            var (form, person) = (sample.Column(table, formColumn), sample.Column(table, "DIM_PERSON_ID"));
            foreach (var r in sample.Rows(table).Skip(1))
            {
                formChild.TryAdd(r[form], child[r[person]]);
            }
        }

        sample.ChildByChild("FACT_FORM_ANSWERS", r => formChild[r[1]]);
        sample.Edit("FACT_FORM_ANSWERS", rows =>
        {
            for (var i = 1; i < rows.Count; i++)
            {
                rows[i][0] = "FA" + i.ToString("0000", CultureInfo.InvariantCulture);
            }
        });

        var identical = sample.AssertAll();
        Assert.Equal(32 - 6, identical.Count);
    }

    [Theory]
    [InlineData("1 Sample Street", "1", "Sample Street")]
    [InlineData("12A Example Road", "12A", "Example Road")]
    [InlineData("Flat 3, 45 High Street", "Flat 3, 45", "High Street")]
    [InlineData("Flat 3  45", "Flat 3", " 45")]
    [InlineData("4B  9 Lane", "4B  9", "Lane")]
    [InlineData("12  ", "12", " ")]
    [InlineData("The Old Mill", "", "The Old Mill")]
    [InlineData("", "", "")]
    public void AddressLine_SplitsLikeTheConverter(string line, string house, string street) =>
        Assert.Equal((house, street), LiquidLogicSink.SplitLine1(line));

    [Fact]
    public void Dates_AreWarehouseDatetimes()
    {
        Assert.Equal("2025-03-10 00:00:00.000", LiquidLogicSink.Dt("2025-03-10"));
        Assert.Equal("2025-03-10 14:05:00.000", LiquidLogicSink.Dt("2025-03-10 14:05"));
        Assert.Equal("", LiquidLogicSink.Dt(""));
        Assert.Equal("2025-3-10", LiquidLogicSink.Dt("2025-3-10"));
    }
}

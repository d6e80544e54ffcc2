using System.Globalization;

namespace CaseCompliance.Generation.Tests;

public sealed class MosaicSinkTests
{
    /// <summary>
    /// samples/mosaic is the converter's output (/tmp/mosaic-gen/convert.py, deterministic), including the rows it adds
    /// for the adapter to skip (disability registers, case-note steps for the first five children), which the sink adds
    /// the same way. The sink writes the same files except the tables the converter filled from several SSD tables one
    /// after the other and the sink fills child by child: <c>dm_workflow_steps</c> and <c>dm_cached_form_answers</c>.
    /// The numeric step ids (500001, ...) are numbered in the order written, so they follow the child-by-child order
    /// too (answers follow their step). Every other file is identical but for line ends (<c>dm_registrations</c>, CP
    /// plans then disability registers, happens to be in child order in this sample: the disabled children come after
    /// the two with a CP plan).
    /// </summary>
    [Fact]
    public void Files_AreTheConvertersOutput_ChildByChild()
    {
        using var written = SinkSamples.Write("mosaic");
        var sample = new SinkSampleComparison(SinkSamples.Sample("mosaic"), written.Path);
        var child = sample.Order("dm_persons", "PERSON_ID");

        sample.ChildByChild("dm_workflow_steps", r => child[r[sample.Column("dm_workflow_steps", "PERSON_ID")]]);
        sample.ChildByChild("dm_cached_form_answers", r => child[r[sample.Column("dm_cached_form_answers", "SUBJECT_PERSON_ID")]]);

        // Numeric step ids renumbered in the new order, in the steps and in the answers naming them.
        var renumbered = new Dictionary<string, string>(StringComparer.Ordinal);
        var next = 500000;
        sample.Edit("dm_workflow_steps", rows =>
        {
            foreach (var r in rows.Skip(1).Where(r => r[0].All(char.IsAsciiDigit)))
            {
                renumbered.Add(r[0], (++next).ToString(CultureInfo.InvariantCulture));
                r[0] = renumbered[r[0]];
            }
        });
        Assert.Equal(387, renumbered.Count); // 500001 to 500387
        sample.Edit("dm_cached_form_answers", rows =>
        {
            foreach (var r in rows.Skip(1))
            {
                r[0] = renumbered.GetValueOrDefault(r[0], r[0]);
            }
        });

        var identical = sample.AssertAll();
        Assert.Equal(17 - 2, identical.Count);
    }

    [Fact]
    public void Dates_AreWarehouseDatetimes()
    {
        Assert.Equal("2025-03-10 00:00:00", MosaicSink.Ts("2025-03-10"));
        Assert.Equal("2025-03-10 14:05:00", MosaicSink.Ts("2025-03-10 14:05"));
        Assert.Equal("2025-03-10 10:30:00", MosaicSink.Ts("2025-03-10", " 10:30:00"));
        Assert.Equal("", MosaicSink.Ts(""));
    }
}

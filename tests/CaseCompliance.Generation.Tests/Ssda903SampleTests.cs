namespace CaseCompliance.Generation.Tests;

/// <summary>samples/ssda903 is samples/standard's children looked after, written by the SSDA903 sink: the CSV files and
/// ssda903.xml (line ends aside).</summary>
public sealed class Ssda903SampleTests
{
    [Fact]
    public void TheSample_IsTheStandardSampleThroughTheSink()
    {
        using var written = new SinkTempFolder();
        var standard = StandardFolder.Read(SinkSamples.Sample("standard"));
        using (var sink = new Ssda903Sink(written.Path))
        {
            standard.WriteTo(sink);
        }

        var sample = SinkSamples.Sample("ssda903");
        var files = Directory.GetFiles(written.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["episodes.csv", "header.csv", "missing.csv", "reviews.csv", "ssda903.xml", "sw_episodes.csv"], files);
        Assert.Equal(files.Append("README.md").Order(StringComparer.Ordinal), Directory.GetFiles(sample).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(sample, file!)), SinkSamples.Lf(File.ReadAllText(Path.Combine(written.Path, file!))));
        }
    }
}

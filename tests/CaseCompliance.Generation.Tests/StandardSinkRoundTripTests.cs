namespace CaseCompliance.Generation.Tests;

public sealed class StandardSinkRoundTripTests
{
    [Fact]
    public void StandardSample_ThroughStandardFolderAndStandardSink_IsTheSameFiles()
    {
        using var written = SinkSamples.Write("standard");
        var sample = SinkSamples.Sample("standard");
        var expected = Directory.GetFiles(sample, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(39, expected.Count);
        Assert.Equal(expected, Directory.GetFiles(written.Path, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(expected, f => Assert.True(
            File.ReadAllBytes(Path.Combine(sample, f!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(written.Path, f!))), $"{f} differs"));
    }
}

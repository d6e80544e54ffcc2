namespace CaseCompliance.Host.Tests;

/// <summary><c>check-config</c> names mistakes in the service's sections (Storage, Alerts, Schedule, Web, Output) and exits 2.</summary>
public sealed class CheckConfigServiceTests
{
    [Theory]
    [InlineData("--Storage:Provider=oracle", "Storage:Provider")]
    [InlineData("--Alerts:Smtp:Security=maybe", "Alerts:Smtp:Security")]
    [InlineData("--Schedule:TimeZone=Mars/Olympus", "Schedule")]
    [InlineData("--Web:Users:0:Roles:0=boss", "Web:Users:0:Roles")]
    [InlineData("--Output:TeamFolderRetention=3 working days", "Output:TeamFolderRetention")]
    public void CheckConfig_WithAMistakeInAServiceSection_NamesTheKeyAndExits2(string setting, string key)
    {
        using var folder = new TempFolder();
        var config = Fixtures.Config(folder, new Dictionary<string, string> { ["standard"] = Cli.SampleFolder });
        var result = Cli.Run(folder.Path, "check-config", "--config", config, setting);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ERROR", result.Stdout);
        Assert.Contains(key, result.Stdout);
    }

    [Fact]
    public void CheckConfig_OfTheShippedConfiguration_ReportsEverySection()
    {
        var result = Cli.RunFromRoot("check-config");
        Assert.Equal(0, result.ExitCode);
        foreach (var section in new[] { "Storage", "Alerts", "Schedule", "Web", "Output" })
        {
            Assert.Contains($"ok    {section}:", result.Stdout);
        }
    }
}

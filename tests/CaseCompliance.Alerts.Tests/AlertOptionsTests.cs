using Microsoft.Extensions.Configuration;
using NodaTime;

namespace CaseCompliance.Alerts.Tests;

public class AlertOptionsTests
{
    private static AlertOptions Bind(params (string Key, string? Value)[] values) =>
        AlertOptionsBinder.Bind(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("Alerts:" + v.Key, v.Value)))
            .Build().GetSection("Alerts"));

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = Bind();

        Assert.True(options.Enabled);
        Assert.False(options.EmailConfigured);
        Assert.False(options.WebhookConfigured);
        Assert.Equal(5, options.DueSoonWorkingDays);
        Assert.Equal(90, options.ChronicDays);
        Assert.Equal(3, options.ChronicMinimumBreaches);
        Assert.False(options.SendWhenUnchanged);
        Assert.False(options.IncludeNames);
        Assert.Equal(50, options.MaxItemsPerSection);
        Assert.Equal(25, options.Smtp.Port);
        Assert.Equal("none", options.Smtp.Security);
        Assert.Equal(["Team Manager", "Practice Manager", "Service Manager"], options.Routing.ManagerJobTitles);
        Assert.Equal(8, options.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Retry.FirstDelay);
        Assert.Equal(TimeSpan.FromHours(1), options.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromMinutes(10), options.ClaimLease);
    }

    [Fact]
    public void Bind_ConfiguredListReplacesDefaultTitles_AndMapsAreCaseInsensitive()
    {
        var options = Bind(("Routing:ManagerJobTitles:0", "Head of Service"),
            ("Routing:WorkerEmails:W01", "w01@council.example"),
            ("Routing:Teams:Team A:0", "a@council.example"),
            ("Smtp:Host", "localhost"), ("Smtp:From", "alerts@council.example"), ("Retry:FirstDelay", "00:00:05"));

        Assert.Equal(["Head of Service"], options.Routing.ManagerJobTitles);
        Assert.Equal("w01@council.example", options.Routing.WorkerEmails["w01"]);
        Assert.Equal(["a@council.example"], options.Routing.Teams["TEAM A"]);
        Assert.True(options.EmailConfigured);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Retry.FirstDelay);
    }

    [Theory]
    [InlineData("Smtp:Prot", "25", "Alerts")]                 // a typo is refused, not ignored
    [InlineData("MaxItemsPerSection", "many", "Alerts")]      // a value that does not parse
    [InlineData("Smtp:Security", "tls", "Alerts:Smtp:Security")]
    [InlineData("Webhook:Format", "discord", "Alerts:Webhook:Format")]
    [InlineData("Routing:Fallback:0", "not-an-address", "Alerts:Routing:Fallback:0")]
    [InlineData("Routing:EmailPattern", "manager@council.example", "Alerts:Routing:EmailPattern")]
    [InlineData("Retry:FirstDelay", "00:00:00", "Alerts:Retry:FirstDelay")]
    [InlineData("ChronicMinimumBreaches", "0", "Alerts:ChronicMinimumBreaches")]
    public void Bind_RefusesWhatAlertsCannotUse_NamingTheKey(string key, string value, string named)
    {
        var e = Assert.Throws<AlertConfigurationException>(() => Bind((key, value)));

        Assert.StartsWith(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_SmtpHostWithoutSender_IsRefused()
    {
        var e = Assert.Throws<AlertConfigurationException>(() => Bind(("Smtp:Host", "localhost")));

        Assert.StartsWith("Alerts:Smtp:From", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_BadWebhookAddress_IsNotRepeatedInTheMessage()
    {
        // The address is a secret: a mistyped one must not end up in a log.
        var e = Assert.Throws<AlertConfigurationException>(() => Bind(("Webhook:Url", "hooks.slack.example/T000/SECRET")));

        Assert.StartsWith("Alerts:Webhook:Url", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 30)]      // FirstDelay
    [InlineData(2, 60)]      // doubled
    [InlineData(4, 240)]
    [InlineData(7, 1920)]    // still under the cap of 3600 s
    public void RetryAt_DoublesFromFirstDelay(int attempt, int seconds)
    {
        var now = Instant.FromUtc(2026, 11, 21, 2, 0);

        Assert.Equal(now + Duration.FromSeconds(seconds), new RetryOptions().RetryAt(attempt, now));
    }

    [Fact]
    public void RetryAt_IsCappedAtMaxDelay_AndNullAfterTheLastAttempt()
    {
        var now = Instant.FromUtc(2026, 11, 21, 2, 0);
        var retry = new RetryOptions { MaxAttempts = 40, FirstDelay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromHours(1) };

        Assert.Equal(now + Duration.FromHours(1), retry.RetryAt(8, now));
        Assert.Equal(now + Duration.FromHours(1), retry.RetryAt(39, now)); // no overflow on large attempts
        Assert.Null(retry.RetryAt(40, now));
        Assert.Null(new RetryOptions().RetryAt(8, now));
    }
}

using Serilog;

namespace CaseCompliance.Host;

/// <summary>Serilog from the <c>Serilog</c> section; log events carry ids (scan, source, rule), never record content.</summary>
public static class Logging
{
    public static ILogger Create(AppConfiguration configuration) =>
        new LoggerConfiguration()
            .ReadFrom.Configuration(configuration.Root)
            .Enrich.FromLogContext()
            .CreateLogger();
}

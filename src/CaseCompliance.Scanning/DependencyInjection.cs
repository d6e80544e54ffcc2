using CaseCompliance.Adapters;
using CaseCompliance.Rules.Calendar;
using CaseCompliance.Rules.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CaseCompliance.Scanning;

/// <summary>Registers the scan: engine (rules + calendar), scanner and output options.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddScanning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ =>
        {
            var output = new OutputOptions();
            try
            {
                configuration.GetSection("Output").Bind(output, o => o.ErrorOnUnknownConfiguration = true);
            }
            catch (InvalidOperationException e)
            {
                throw new RuleConfigurationException($"Output: {(e.InnerException ?? e).Message}", e);
            }

            return output;
        });
        services.AddSingleton(sp => new RuleEngine(sp.GetRequiredService<IReadOnlyList<IRule>>(), sp.GetRequiredService<WorkingDayCalendar>()));
        services.AddSingleton(sp => new Scanner(sp.GetRequiredService<RuleEngine>(), sp.GetServices<ISourceAdapter>(),
            sp.GetRequiredService<IClock>(), sp.GetRequiredService<OutputOptions>(), sp.GetService<SourceHistory>()));
        return services;
    }
}

using CaseCompliance.Adapters;
using CaseCompliance.Alerts;
using CaseCompliance.Host.Service;
using CaseCompliance.Rules;
using CaseCompliance.Scanning;
using CaseCompliance.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CaseCompliance.Host;

/// <summary>The composition root: each layer's <c>Add…</c>, the clock and the calendar.</summary>
public static class Composition
{
    public static ServiceProvider Build(AppConfiguration configuration, IClock? clock = null)
    {
        var services = new ServiceCollection();
        services.AddLayers(configuration, clock);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>Everything a scan needs, for the command line and the service alike.</summary>
    public static IServiceCollection AddLayers(this IServiceCollection services, AppConfiguration configuration, IClock? clock = null)
    {
        services.AddSingleton(configuration);
        services.AddSingleton(clock ?? SystemClock.Instance);
        services.AddSingleton(_ => configuration.LoadCalendar());
        services.AddSingleton(_ => new SourceHistory(configuration.Resolve(configuration.Root["Storage:Directory"] ?? "data")));
        services.AddRules(configuration.Root);
        services.AddAdapters(configuration.Root);
        services.AddScanning(configuration.Root);
        services.AddStorage(configuration.Root, configuration.BaseDirectory);
        services.AddSingleton<Func<LocalDate, int, LocalDate>>(sp => sp.GetRequiredService<Rules.Calendar.WorkingDayCalendar>().AddWorkingDays);
        services.AddAlerts(configuration.Root);
        services.AddSingleton<ScanPipeline>(sp => new ScanPipeline(sp.GetRequiredService<Scanner>(), sp.GetRequiredService<IScanStore>(),
            sp.GetRequiredService<OutputOptions>(), sp.GetRequiredService<IClock>(), AlertsStep.Create(sp), sp.GetService<ICaseworkStore>()));
        return services;
    }
}

using CaseCompliance.Adapters;
using CaseCompliance.Rules;
using CaseCompliance.Scanning;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CaseCompliance.Host;

/// <summary>The composition root: each layer's <c>Add…</c>, the clock and the calendar.</summary>
public static class Composition
{
    public static ServiceProvider Build(AppConfiguration configuration, IClock? clock = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddSingleton(clock ?? SystemClock.Instance);
        services.AddSingleton(_ => configuration.LoadCalendar());
        services.AddSingleton(_ => new SourceHistory(configuration.Resolve(configuration.Root["Storage:Directory"] ?? "data")));
        services.AddRules(configuration.Root);
        services.AddAdapters(configuration.Root);
        services.AddScanning(configuration.Root);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}

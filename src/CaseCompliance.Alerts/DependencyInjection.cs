using CaseCompliance.Alerts.Channels;
using CaseCompliance.Alerts.Digests;
using CaseCompliance.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CaseCompliance.Alerts;

/// <summary>Registers drift alerts: options bound from <c>Alerts</c>, the digest builder, planner, channels and delivery.</summary>
public static class DependencyInjection
{
    /// <summary>
    /// Needs <see cref="IScanStore"/> and <see cref="IOutbox"/> (storage) and a <c>Func&lt;LocalDate, int, LocalDate&gt;</c>
    /// that adds working days (the rules' calendar), registered by the composition root.
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => AlertOptionsBinder.Bind(configuration.GetSection("Alerts")));
        services.AddSingleton(sp => new DigestBuilder(sp.GetRequiredService<IScanStore>(), sp.GetRequiredService<AlertOptions>(),
            sp.GetRequiredService<Func<LocalDate, int, LocalDate>>()));
        services.AddSingleton(sp => new AlertPlanner(sp.GetRequiredService<DigestBuilder>(), sp.GetRequiredService<IOutbox>(),
            sp.GetRequiredService<AlertOptions>()));
        services.AddSingleton(sp => new AlertDelivery(sp.GetRequiredService<IOutbox>(),
            AlertChannels.Create(sp.GetRequiredService<AlertOptions>()), sp.GetRequiredService<AlertOptions>()));
        return services;
    }
}

/// <summary>Binds the <c>Alerts</c> section strictly: an unknown key or a value alerts cannot use names the key.</summary>
public static class AlertOptionsBinder
{
    public static AlertOptions Bind(IConfigurationSection section)
    {
        var options = new AlertOptions();

        // The binder appends to a list that already holds defaults: a configured list must replace them instead.
        if (section.GetSection("Routing:ManagerJobTitles").Exists())
        {
            options.Routing.ManagerJobTitles.Clear();
        }

        try
        {
            section.Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            // The binder's message names the key; a value that fails to convert cannot be a secret (those are text).
            throw new AlertConfigurationException($"{section.Path}: {e.Message}", e);
        }

        // Keys come from configuration, whose keys are case-insensitive: so are the look-ups.
        options.Routing.WorkerEmails = new(options.Routing.WorkerEmails, StringComparer.OrdinalIgnoreCase);
        options.Routing.Teams = new(options.Routing.Teams, StringComparer.OrdinalIgnoreCase);

        if (options.Validate().FirstOrDefault() is { } problem)
        {
            throw new AlertConfigurationException($"{section.Path}:{problem}");
        }

        return options;
    }
}

/// <summary>The Alerts section of the configuration is wrong; the message names the key (never a secret's value).</summary>
public sealed class AlertConfigurationException(string message, Exception? inner = null) : Exception(message, inner);

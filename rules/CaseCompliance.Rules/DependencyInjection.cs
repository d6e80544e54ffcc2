using CaseCompliance.Rules.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseCompliance.Rules;

/// <summary>Registers the rule catalogue, bound from the <c>Rules</c> section.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddRules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IReadOnlyList<IRule>>(_ => RuleCatalogue.Build(configuration.GetSection("Rules")));
        return services;
    }
}

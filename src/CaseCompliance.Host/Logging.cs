using System.Diagnostics.CodeAnalysis;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace CaseCompliance.Host;

/// <summary>Serilog from the <c>Serilog</c> section; log events carry ids (scan, source, rule), never record content.</summary>
public static class Logging
{
    public static Logger Create(AppConfiguration configuration) =>
        new LoggerConfiguration()
            .ReadFrom.Configuration(configuration.Root)
            .Enrich.FromLogContext()
            .Enrich.With<PersonalDataPolicy>()
            .Destructure.With<PersonalDataPolicy>()
            .CreateLogger();
}

/// <summary>
/// Keeps records about people out of the logs whatever a log call passes: a case record, person, finding, child or
/// staff record becomes <c>[Type id]</c>, whether it was destructured (<c>{@x}</c>) or would have been rendered with
/// its <c>ToString()</c> (which, for records, lists every property: names and addresses included).
/// </summary>
public sealed class PersonalDataPolicy : IDestructuringPolicy, ILogEventEnricher
{
    public bool TryDestructure(object value, ILogEventPropertyValueFactory propertyValueFactory, [NotNullWhen(true)] out LogEventPropertyValue? result)
    {
        result = IsPersonal(value.GetType()) ? new ScalarValue(Redacted(value)) : null;
        return result is not null;
    }

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: { } v } && IsPersonal(v.GetType()))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(Redacted(v))));
            }
        }
    }

    private static bool IsPersonal(Type type) =>
        type.Namespace is "CaseCompliance.Domain" ||
        type.FullName is "CaseCompliance.Rules.Engine.Finding" or "CaseCompliance.Storage.ChildRecord" or
            "CaseCompliance.Storage.StaffRecord" or "CaseCompliance.Storage.StoredFinding";

    private static string Redacted(object value)
    {
        var type = value.GetType();
        var id = (type.GetProperty("ChildId") ?? type.GetProperty("Id") ?? type.GetProperty("WorkerId"))?.GetValue(value);
        return id is null ? $"[{type.Name}]" : $"[{type.Name} {id}]";
    }
}

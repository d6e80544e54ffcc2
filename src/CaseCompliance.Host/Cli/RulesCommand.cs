using System.Text.Json;
using CaseCompliance.Rules.Engine;
using Microsoft.Extensions.Configuration;

namespace CaseCompliance.Host.Cli;

/// <summary><c>rules</c>: the rules in force with their effective timescales after configuration.</summary>
public static class RulesCommand
{
    public static int Run(Arguments args, AppConfiguration configuration, TextWriter stdout)
    {
        IReadOnlyList<IRule> rules;
        try
        {
            rules = RuleCatalogue.Build(configuration.Root.GetSection("Rules"));
        }
        catch (RuleConfigurationException e)
        {
            throw new UsageException(e.Message, e);
        }

        if (args.Has("--json"))
        {
            WriteJson(stdout, rules);
            return ExitCodes.Ok;
        }

        stdout.WriteLine($"Rules in force ({configuration.FilePath}):");
        foreach (var rule in rules)
        {
            stdout.WriteLine();
            stdout.WriteLine($"{rule.Id}  [{(rule.Options.Enabled ? "enabled" : "DISABLED")}]  {rule.Title}");
            stdout.WriteLine($"    source: {rule.Citation}");
            var settings = RuleCatalogue.Describe(rule.Options).Where(s => s.Key != nameof(RuleOptions.Enabled));
            stdout.WriteLine($"    {string.Join("; ", settings.Select(s => $"{s.Key} = {s.Value}"))}");
        }

        return ExitCodes.Ok;
    }

    /// <summary>The effective Rules section as JSON, in the shape appsettings.json takes.</summary>
    private static void WriteJson(TextWriter stdout, IReadOnlyList<IRule> rules)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("Rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject(rule.Id);
                foreach (var property in rule.Options.GetType().GetProperties())
                {
                    var value = property.GetValue(rule.Options);
                    switch (value)
                    {
                        case bool b:
                            json.WriteBoolean(property.Name, b);
                            break;
                        case int n:
                            json.WriteNumber(property.Name, n);
                            break;
                        case System.Collections.IEnumerable list and not string:
                            json.WriteStartArray(property.Name);
                            foreach (var item in list)
                            {
                                json.WriteStringValue(item?.ToString());
                            }

                            json.WriteEndArray();
                            break;
                        default:
                            json.WriteString(property.Name, value?.ToString());
                            break;
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}

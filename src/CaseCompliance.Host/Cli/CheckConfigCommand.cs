using CaseCompliance.Adapters;
using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Rules.Engine;
using CaseCompliance.Scanning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Extensions;

namespace CaseCompliance.Host.Cli;

/// <summary>
/// <c>check-config</c>: validates every section and reads every configured source (tables, columns, codes) without
/// evaluating rules, then says exactly what is wrong. Exit 0 when all is well, 2 when anything is wrong.
/// </summary>
public static class CheckConfigCommand
{
    public static int Run(AppConfiguration configuration, TextWriter stdout, IClock? clock = null)
    {
        var problems = new List<string>();
        var warnings = new List<string>();
        stdout.WriteLine($"Checking {configuration.FilePath}");

        Check(problems, "Rules", () =>
        {
            var rules = RuleCatalogue.Build(configuration.Root.GetSection("Rules"));
            return $"{rules.Count(r => r.Options.Enabled)} of {rules.Length} rules enabled";
        });
        Check(problems, "Calendar", () =>
        {
            var calendar = configuration.LoadCalendar();
            var today = (clock ?? SystemClock.Instance).InZone(AppConfiguration.Zone).GetCurrentDate();
            var note = calendar.Covers(today.PlusYears(1)) ? "" : $" (WARNING: it ends within a year of {today:yyyy-MM-dd}; install a newer file)";
            return $"{calendar.Region}, bank holidays {calendar.FirstYear}–{calendar.LastYear}, {calendar.ClosureDays.Count} closure day(s){note}";
        });
        Check(problems, "Output", () =>
        {
            var output = new OutputOptions();
            configuration.Root.GetSection("Output").Bind(output, o => o.ErrorOnUnknownConfiguration = true);
            try
            {
                Scanning.Output.TeamFiles.RetentionCutoff((clock ?? SystemClock.Instance).InZone(AppConfiguration.Zone).GetCurrentDate(),
                    output.TeamFolderRetention);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message.Split(" (Parameter", 2)[0], e);
            }

            return $"files to {configuration.Resolve(output.Directory)}";
        });

        Check(problems, "Storage", () =>
        {
            var storage = Storage.ScanStores.ReadOptions(configuration.Root);
            return storage.Provider == "postgresql" ? "PostgreSQL" : $"SQLite in {configuration.Resolve(storage.Directory)}";
        });
        Check(problems, "Alerts", () =>
        {
            var alerts = Alerts.AlertOptionsBinder.Bind(configuration.Root.GetSection("Alerts"));
            var channels = new[] { alerts.EmailConfigured ? "email" : null, alerts.WebhookConfigured ? "webhook" : null }.OfType<string>().ToList();
            return channels.Count == 0 ? "no mail server or webhook configured: digests are not sent" : $"digests by {string.Join(" and ", channels)}";
        });
        Check(problems, "Web", () =>
        {
            var web = Web.WebPages.ReadOptions(configuration);
            var signIn = string.IsNullOrWhiteSpace(web.OpenIdConnect.Authority) ? "local users" : "OpenID Connect and local users";
            var demo = web.DemoUsers ? " (WARNING: the demo users are enabled; turn Web:DemoUsers off for real data)" : "";
            return $"sign-in by {signIn}, {web.Users.Count} local user(s){demo}";
        });
        Check(problems, "Schedule", () =>
        {
            var schedule = new Service.ScheduleOptions();
            configuration.Root.GetSection("Schedule").Bind(schedule, o => o.ErrorOnUnknownConfiguration = true);
            var next = schedule.Expression().GetNextValidTimeAfter((clock ?? SystemClock.Instance).GetCurrentInstant().ToDateTimeOffset());
            return $"'{schedule.Cron}' in {schedule.TimeZone}, next at {next:yyyy-MM-dd HH:mm} UTC";
        });

        var adapters = new ServiceCollection().AddAdapters(configuration.Root).BuildServiceProvider().GetServices<ISourceAdapter>().ToList();
        List<Scanning.ScanSource> sources = [];
        Check(problems, "Sources", () =>
        {
            sources = ScanCommand.Sources(Arguments.Parse(["check-config"]), configuration);
            return sources.Count == 0 ? throw new UsageException("no source is configured or enabled.") : $"{sources.Count} source(s)";
        });
        foreach (var source in sources)
        {
            Check(problems, $"Sources:{source.Name}", () =>
            {
                var log = new RejectionLog();
                var adapter = adapters.FirstOrDefault(a => string.Equals(a.Kind, source.Kind, StringComparison.OrdinalIgnoreCase))
                    ?? throw new SourceFailedException($"kind '{source.Kind}' has no adapter in this version.");
                if (SourceCatalog.UnknownKey(source.Name, source.Options, adapter) is { } problem)
                {
                    throw new UsageException(problem);
                }

                var extract = adapter.Read(source.Name, source.Tables, source.Options, log);
                var rejected = log.Items.Count;
                foreach (var group in log.Items.GroupBy(r => (r.File, r.Field)).OrderByDescending(g => g.Count()).Take(10))
                {
                    // Often a code list to configure: say where, how often, and one example of the problem.
                    warnings.Add($"Sources:{source.Name}: {group.Key.File} {group.Key.Field}: {group.Count()} row(s), e.g. line {group.First().Line}: {group.First().Problem}");
                }

                return $"{source.Kind} at {source.Tables.Location}: {extract.Cases.Count} children, {extract.RowsRead} rows" +
                    (rejected > 0 ? $", {rejected} rejected field(s) (see the warnings; a scan lists them all in rejected.csv)" : "");
            });
        }

        foreach (var warning in warnings)
        {
            stdout.WriteLine($"  WARN  {warning}");
        }

        if (problems.Count == 0)
        {
            stdout.WriteLine(warnings.Count == 0 ? "Configuration OK." : $"Configuration OK, with {warnings.Count} warning(s) about the data.");
            return ExitCodes.Ok;
        }

        stdout.WriteLine($"{problems.Count} problem(s) found.");
        return ExitCodes.Usage;

        void Check(List<string> list, string section, Func<string> check)
        {
            try
            {
                stdout.WriteLine($"  ok    {section}: {check()}");
            }
            catch (Exception e) when (e is UsageException or RuleConfigurationException or SourceFailedException
                or Alerts.AlertConfigurationException or Storage.StorageConfigurationException or TimeZoneNotFoundException
                or InvalidOperationException or InvalidDataException or IOException or FormatException)
            {
                var message = e is InvalidOperationException && e.InnerException is { } inner ? inner.Message : e.Message;
                list.Add($"{section}: {message}");
                stdout.WriteLine($"  ERROR {section}: {message}");
            }
        }
    }
}

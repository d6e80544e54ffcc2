using System.Globalization;
using CaseCompliance.Adapters;
using CaseCompliance.Host.Service;
using CaseCompliance.Rules.Calendar;
using CaseCompliance.Rules.Engine;
using CaseCompliance.Scanning;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Serilog;

namespace CaseCompliance.Host.Cli;

/// <summary><c>scan</c>: one scan now, with a progress display and a summary table.</summary>
public static class ScanCommand
{
    public static int Run(Arguments args, AppConfiguration configuration, TextWriter stdout, TextWriter stderr, IClock? clock = null)
    {
        var services = Composition.Build(configuration, clock);
        try
        {
            return Run(args, configuration, stdout, stderr, services);
        }
        finally
        {
            // The scan store holds database connections and is only asynchronously disposable.
            services.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static int Run(Arguments args, AppConfiguration configuration, TextWriter stdout, TextWriter stderr, ServiceProvider services)
    {
        Resolve<Scanner>(services);
        // Configuration mistakes in the later steps stop the scan before it starts (exit 2), not after it.
        services.GetRequiredService<Alerts.AlertOptions>();
        services.GetRequiredService<Storage.IScanStore>();
        var calendar = Resolve<WorkingDayCalendar>(services);
        var asOf = AppConfiguration.AsOf(args["--as-of"], services.GetRequiredService<IClock>());
        if (!calendar.Covers(asOf))
        {
            throw new UsageException($"--as-of: {asOf:yyyy-MM-dd} is outside the bank holiday calendar ({calendar.FirstYear}–{calendar.LastYear}); install a newer Calendar:BankHolidaysFile.");
        }

        var sources = Sources(args, configuration);
        if (sources.Count == 0)
        {
            throw new UsageException("Sources: no source is configured or enabled; add one under Sources or give --source KIND=LOCATION.");
        }

        var adapters = services.GetServices<ISourceAdapter>().ToList();
        foreach (var source in sources)
        {
            if (adapters.FirstOrDefault(a => a.Kind == source.Kind) is { } adapter
                && SourceCatalog.UnknownKey(source.Name, source.Options, adapter) is { } problem)
            {
                throw new UsageException(problem);
            }
        }

        var output = services.GetRequiredService<OutputOptions>();
        try
        {
            Scanning.Output.TeamFiles.RetentionCutoff(asOf, output.TeamFolderRetention);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.Split(" (Parameter", 2)[0], e);
        }

        var outDir = args["--out"] is { } o ? Path.GetFullPath(o) : configuration.Resolve(output.Directory);
        Log.Information("Scan starting as of {AsOf} with {SourceCount} source(s)", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sources.Count);
        var pipeline = services.GetRequiredService<ScanPipeline>();
        var run = pipeline.RunAsync(new ScanRequest(sources, asOf, outDir, Store: !args.Has("--no-store")), new ConsoleProgress(stderr),
            stderr, CancellationToken.None).GetAwaiter().GetResult();
        var result = run.Scan;
        Log.Information("Scan {ScanId} finished: {Findings} findings, {Exceptions} exceptions", result.ScanId, result.FindingCount, result.ExceptionCount);
        foreach (var failed in result.Sources.Where(s => s.Status != "ok"))
        {
            Log.Warning("Source {Source} {Status}", failed.Name, failed.Status);
        }

        SummaryTable.Write(stdout, result, services.GetRequiredService<RuleEngine>().Enabled);
        if (run.Stored is { } stored)
        {
            stdout.WriteLine($"Stored as scan {stored.ScanId}: {stored.New} new, {stored.Persisting} persisting, {stored.Resolved} resolved since the last scan.");
        }

        if (run.TeamFolder is { } teams)
        {
            stdout.WriteLine($"Team exception lists: {teams}");
        }
        return result.HasProblems ? ExitCodes.SourceProblems : ExitCodes.Ok;
    }

    private static T Resolve<T>(IServiceProvider services)
        where T : notnull
    {
        try
        {
            return services.GetRequiredService<T>();
        }
        catch (RuleConfigurationException e)
        {
            throw new UsageException(e.Message, e);
        }
    }

    /// <summary><c>--source KIND=LOCATION</c> replaces the configured sources; else the enabled configured ones.</summary>
    internal static List<ScanSource> Sources(Arguments args, AppConfiguration configuration)
    {
        var configured = SourceCatalog.ConfiguredSources(configuration.Root);
        var list = new List<ScanSource>();
        if (args.Sources.Count > 0)
        {
            foreach (var spec in args.Sources)
            {
                var eq = spec.IndexOf('=');
                if (eq <= 0 || eq == spec.Length - 1)
                {
                    throw new UsageException($"--source: '{spec}' is not KIND=LOCATION.");
                }

                var kind = spec[..eq].Trim().ToLowerInvariant();
                if (!SourceCatalog.Kinds.Contains(kind))
                {
                    throw new UsageException($"--source: unknown kind '{kind}' (use {string.Join(", ", SourceCatalog.Kinds)}).");
                }

                if (list.Any(s => s.Name == kind))
                {
                    throw new UsageException($"--source: kind '{kind}' given twice; one source per kind on the command line.");
                }

                // Site mapping (columns, codes) still comes from a configured source of the same kind, if there is one.
                var options = configured.Values.FirstOrDefault(c => string.Equals(c.Kind, kind, StringComparison.OrdinalIgnoreCase)) ?? new SourceOptions();
                var location = IsHttp(spec[(eq + 1)..]) ? spec[(eq + 1)..] : Path.GetFullPath(spec[(eq + 1)..]);
                list.Add(new ScanSource(kind, kind, SourceCatalog.OpenTables(kind, location, options), options));
            }

            return list;
        }

        foreach (var (name, options) in configured.Select(kv => (kv.Key, kv.Value)))
        {
            if (!options.Enabled)
            {
                continue;
            }

            var kind = (options.Kind ?? name).ToLowerInvariant();
            if (!SourceCatalog.Kinds.Contains(kind))
            {
                throw new UsageException($"Sources:{name}:Kind: unknown kind '{kind}' (use {string.Join(", ", SourceCatalog.Kinds)}).");
            }

            if (string.IsNullOrWhiteSpace(options.Location))
            {
                throw new UsageException($"Sources:{name}:Location: no location given.");
            }

            var location = IsHttp(options.Location) ? options.Location : configuration.Resolve(options.Location);
            list.Add(new ScanSource(name, kind, SourceCatalog.OpenTables(kind, location, options), options));
        }

        return list;
    }

    private static bool IsHttp(string location) =>
        location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Progress on standard error: one line per stage (rewritten in place on a terminal).</summary>
    private sealed class ConsoleProgress(TextWriter stderr) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value)
        {
            var line = value.Stage switch
            {
                "reading" => $"{value.Source}: reading extract...",
                "failed" => $"{value.Source}: FAILED (see the summary)",
                _ => $"{value.Source}: evaluated {value.Done}/{value.Total} children",
            };
            var inPlace = !Console.IsErrorRedirected && value.Stage == "evaluating" && value.Done < value.Total;
            stderr.Write(inPlace ? $"\r{line}" : $"\r{line}{Environment.NewLine}");
        }
    }
}

/// <summary>The exit codes of cli-and-outputs.md.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int SourceProblems = 3;
}

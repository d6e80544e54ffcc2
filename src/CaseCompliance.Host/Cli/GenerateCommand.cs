using System.Diagnostics;
using System.Globalization;
using CaseCompliance.Generation;
using CaseCompliance.Rules.Engine;
using Microsoft.Extensions.Configuration;
using NodaTime.Text;

namespace CaseCompliance.Host.Cli;

/// <summary>
/// <c>generate</c>: a synthetic caseload in one or all four extract formats, each with the <c>expected.csv</c> of the
/// findings the generator planted (docs/generator.md); or, by name only, the CIN census XML of the same children
/// (<c>cin-census</c>, with the expected findings of the rules the census carries).
/// </summary>
public static class GenerateCommand
{
    /// <summary>The four systems' folder formats: what <c>--format all</c> writes.</summary>
    public static readonly string[] Formats = ["standard", "liquidlogic", "mosaic", "carefirst"];

    /// <summary>Statutory returns: written only when named (<c>--format ssda903</c>, <c>--format cin-census</c>), not by
    /// <c>all</c>, which writes the four systems.</summary>
    public static readonly string[] Returns = ["ssda903", "cin-census"];

    /// <summary>The rules a format's expected.csv holds: a statutory return carries only some; null for all.</summary>
    private static IReadOnlyCollection<string>? ExpectedRules(string format) => format switch
    {
        "ssda903" => Ssda903Sink.ExpectedRules,
        "cin-census" => CinCensusSink.Rules,
        _ => null,
    };

    public static int Run(Arguments args, AppConfiguration configuration, TextWriter stdout, TextWriter stderr)
    {
        var children = Int(args, "--children", 1, 100_000_000);
        var seed = args["--seed"] is { } s
            ? ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new UsageException($"--seed: '{s}' is not a whole number from 0 to {ulong.MaxValue}.")
            : 1UL;
        var format = (args["--format"] ?? "standard").ToLowerInvariant();
        if (format != "all" && !Formats.Contains(format) && !Returns.Contains(format))
        {
            throw new UsageException($"--format: unknown format '{format}' (use {string.Join(", ", Formats.Concat(Returns))} or all).");
        }

        var asOfText = args["--as-of"] ?? throw new UsageException("--as-of is required (yyyy-MM-dd): the generated history ends on it.");
        var asOf = LocalDatePattern.Iso.Parse(asOfText) is { Success: true } p
            ? p.Value
            : throw new UsageException($"--as-of: '{asOfText}' is not a date (yyyy-MM-dd).");
        var outDir = Path.GetFullPath(args["--out"] ?? throw new UsageException("--out DIR is required: where to write the extract."));
        var breachRate = Rate(args, "--breach-rate", 0.08);
        var faultRate = Rate(args, "--fault-rate", 0.02);

        var calendar = configuration.LoadCalendar();
        var (first, last) = Generator.AsOfRange(calendar);
        if (asOf < first || asOf > last)
        {
            throw new UsageException($"--as-of: {asOf:yyyy-MM-dd} is outside {first:yyyy-MM-dd}..{last:yyyy-MM-dd}, the dates whose " +
                $"history and pending due dates the bank holiday calendar ({calendar.FirstYear}–{calendar.LastYear}) covers.");
        }

        WarnIfRulesDiffer(configuration, stderr);

        var formats = format == "all" ? Formats : [format];
        var outputs = new List<GenerationOutput>();
        try
        {
            foreach (var f in formats)
            {
                var dir = format == "all" ? Path.Combine(outDir, f) : outDir;
                outputs.Add(new GenerationOutput(Sink(f, dir, asOf), new ExpectedWriter(dir, f, ExpectedRules(f))));
            }

            var settings = new GeneratorSettings
            {
                Children = children,
                Seed = seed,
                AsOf = asOf,
                BreachRate = breachRate,
                FaultRate = faultRate,
            };
            var watch = Stopwatch.StartNew();
            var result = new Generator(settings, calendar).Run(outputs, new Progress(stderr, children));
            foreach (var output in outputs)
            {
                output.Sink.Dispose();
                output.Expected.Dispose();
            }

            outputs.Clear();
            Summary(stdout, result, formats, outDir, watch.Elapsed);
            return ExitCodes.Ok;
        }
        finally
        {
            foreach (var output in outputs)
            {
                output.Sink.Dispose();
                output.Expected.Dispose();
            }
        }
    }

    private static IExtractSink Sink(string format, string directory, NodaTime.LocalDate asOf) => format switch
    {
        // The census collection of the year ending 31 March after the as-of date.
        "cin-census" => new CinCensusSink(directory, asOf.Month > 3 ? asOf.Year + 1 : asOf.Year),
        "standard" => new StandardSink(directory),
        "liquidlogic" => new LiquidLogicSink(directory),
        "mosaic" => new MosaicSink(directory),
        "carefirst" => new CareFirstSink(directory),
        "ssda903" => new Ssda903Sink(directory),
        _ => throw new UsageException($"--format: unknown format '{format}'."),
    };

    private static int Int(Arguments args, string option, int min, int max)
    {
        var text = args[option] ?? throw new UsageException($"{option} is required.");
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new UsageException($"{option}: '{text}' is not a whole number from {min} to {max}.");
    }

    private static double Rate(Arguments args, string option, double fallback)
    {
        if (args[option] is not { } text)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var r) && r is >= 0 and <= 1
            ? r
            : throw new UsageException($"{option}: '{text}' is not a share from 0 to 1 (e.g. 0.05).");
    }

    /// <summary>expected.csv follows the default timescales; say so when the configuration changes any.</summary>
    private static void WarnIfRulesDiffer(AppConfiguration configuration, TextWriter stderr)
    {
        IReadOnlyList<IRule> configured;
        try
        {
            configured = RuleCatalogue.Build(configuration.Root.GetSection("Rules"));
        }
        catch (RuleConfigurationException e)
        {
            throw new UsageException(e.Message, e);
        }

        var defaults = RuleCatalogue.Defaults();
        var changed = new List<string>();
        for (var i = 0; i < configured.Count; i++)
        {
            var a = RuleCatalogue.Describe(configured[i].Options).ToList();
            var b = RuleCatalogue.Describe(defaults[i].Options).ToList();
            if (!a.SequenceEqual(b))
            {
                changed.Add(configured[i].Id);
            }
        }

        if (changed.Count > 0)
        {
            stderr.WriteLine($"casecompliance: note: expected.csv assumes the default rule settings; the configuration changes {string.Join(", ", changed)}.");
        }
    }

    private static void Summary(TextWriter stdout, GenerationResult result, IReadOnlyList<string> formats, string outDir, TimeSpan elapsed)
    {
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generated {result.Children} children ({string.Join(", ", formats)}) in {elapsed.TotalSeconds:0.0} s: {outDir}"));
        // A return carries only some rules: its expected.csv holds those alone, and so does this summary.
        IReadOnlyList<string> rules = formats.Count == 1 && ExpectedRules(formats[0]) is { } only
            ? [.. RuleCatalogue.Ids.Where(only.Contains)]
            : RuleCatalogue.Ids;
        var rows = rules.Sum(r => result.Counts(r).Values.Sum());
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Expected findings: {rows} ({ExpectedWriter.FileName} in each format folder)"));
        string[] statuses = ["met", "late", "overdue", "due-soon", "pending", "early", "missing-data", "not-applicable"];
        stdout.WriteLine($"  {"rule",-28}{string.Concat(statuses.Select(s => $"{s,15}"))}");
        foreach (var rule in rules)
        {
            var counts = result.Counts(rule);
            stdout.WriteLine($"  {rule,-28}{string.Concat(statuses.Select(s => $"{counts.GetValueOrDefault(s).ToString(CultureInfo.InvariantCulture),15}"))}");
        }
    }

    /// <summary>Children written so far, on standard error (in place on a terminal).</summary>
    private sealed class Progress(TextWriter stderr, int total) : IProgress<long>
    {
        private long _last;

        public void Report(long value)
        {
            if (value - _last < 50_000 && value < total)
            {
                return;
            }

            _last = value;
            var inPlace = !Console.IsErrorRedirected && value < total;
            stderr.Write(string.Create(CultureInfo.InvariantCulture, $"\rgenerated {value}/{total} children{(inPlace ? "" : Environment.NewLine)}"));
        }
    }
}

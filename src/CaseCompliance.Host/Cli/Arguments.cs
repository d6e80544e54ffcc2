namespace CaseCompliance.Host.Cli;

/// <summary>The verb and options of one command line. Bad arguments raise <see cref="UsageException"/> (exit 2).</summary>
public sealed class Arguments
{
    private static readonly Dictionary<string, string[]> VerbOptions = new(StringComparer.Ordinal)
    {
        ["scan"] = ["--source", "--as-of", "--out", "--no-store", "--config"],
        ["rules"] = ["--config", "--json"],
        ["check-config"] = ["--config"],
        // --environment, --contentRoot and --applicationName are what hosting tools (WebApplicationFactory) pass.
        ["serve"] = ["--config", "--urls", "--environment", "--contentRoot", "--applicationName"],
        ["hash-password"] = ["--config"],
        ["generate"] = ["--children", "--seed", "--format", "--as-of", "--out", "--breach-rate", "--fault-rate", "--config"],
    };

    private static readonly HashSet<string> Switches = ["--no-store", "--json"];

    public string Verb { get; private init; } = "serve";

    public IReadOnlyList<string> Sources { get; private init; } = [];

    public IReadOnlyDictionary<string, string> Options { get; private init; } = new Dictionary<string, string>();

    /// <summary>Configuration overrides given as <c>--Section:Key=value</c> (or <c>--Section:Key value</c>).</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; private init; } = new Dictionary<string, string?>();

    public bool Help { get; private init; }

    public string? this[string option] => Options.TryGetValue(option, out var v) ? v : null;

    public bool Has(string option) => Options.ContainsKey(option);

    public static Arguments Parse(IReadOnlyList<string> args)
    {
        var i = 0;
        var verb = "serve";
        if (args.Count > 0 && !args[0].StartsWith('-'))
        {
            verb = args[0];
            i = 1;
            if (!VerbOptions.ContainsKey(verb))
            {
                throw new UsageException($"unknown verb '{verb}' (use scan, serve, rules, check-config, generate or hash-password).");
            }
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var sources = new List<string>();
        var help = false;
        for (; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                help = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"unexpected argument '{arg}'.");
            }

            var eq = arg.IndexOf('=');
            var name = eq > 0 ? arg[..eq] : arg;
            string? value = eq > 0 ? arg[(eq + 1)..] : null;
            if (name.Contains(':'))
            {
                if (value is null)
                {
                    value = i + 1 < args.Count ? args[++i] : throw new UsageException($"{name} needs a value.");
                }

                overrides[name[2..]] = value;
                continue;
            }

            if (!VerbOptions[verb].Contains(name))
            {
                throw new UsageException($"'{name}' is not an option of '{verb}' (options: {string.Join(", ", VerbOptions[verb])}).");
            }

            if (Switches.Contains(name))
            {
                if (value is not null)
                {
                    throw new UsageException($"{name} takes no value.");
                }

                options[name] = "true";
                continue;
            }

            if (value is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"{name} needs a value.");
                }

                value = args[++i];
            }

            if (name == "--source")
            {
                sources.Add(value);
            }
            else
            {
                options[name] = value;
            }
        }

        return new Arguments { Verb = verb, Options = options, Overrides = overrides, Sources = sources, Help = help };
    }

    /// <summary>The help text; the source kinds and generated formats come from their registries, so they cannot drift.</summary>
    public static string Usage { get; } = UsageTemplate
        .Replace("{kinds}", string.Join(", ", CaseCompliance.Adapters.SourceCatalog.Kinds), StringComparison.Ordinal)
        .Replace("{fileKinds}", FileKinds(), StringComparison.Ordinal)
        .Replace("{returns}", string.Join(", ", GenerateCommand.Returns), StringComparison.Ordinal);

    private static string FileKinds()
    {
        var onlyFile = CaseCompliance.Adapters.SourceCatalog.Kinds.Where(CaseCompliance.Adapters.SourceCatalog.FileOnlyKinds.Contains).ToList();
        var alsoFile = CaseCompliance.Adapters.SourceCatalog.Kinds
            .Where(k => CaseCompliance.Adapters.SourceCatalog.FileSources.ContainsKey(k) && !CaseCompliance.Adapters.SourceCatalog.FileOnlyKinds.Contains(k)).ToList();
        var parts = new List<string>();
        if (alsoFile.Count > 0)
        {
            parts.Add($"{string.Join(", ", alsoFile)} also take{(alsoFile.Count == 1 ? "s" : "")} the return's XML file");
        }

        if (onlyFile.Count > 0)
        {
            parts.Add($"{string.Join(", ", onlyFile)} only {(onlyFile.Count == 1 ? "its" : "their")} XML file");
        }

        return string.Join("; ", parts);
    }

    private const string UsageTemplate = """
        CaseCompliance: nightly timeliness checks of children's social care case files.

        Usage: casecompliance <verb> [options]
          scan          one scan now: read every source, evaluate every rule, write the output files
                          --source KIND=LOCATION   repeatable; replaces the configured sources
                                                   (KIND: {kinds};
                                                    {fileKinds})
                          --as-of yyyy-MM-dd       evaluate as if today were this date (default: today, Europe/London)
                          --out DIR                where to write the files (default: Output:Directory)
                          --no-store               do not write the scan to the database
          serve         the long-running service (web pages, nightly schedule, alerts)   --urls URL
          rules         list the rules in force with their effective timescales   [--json]
          check-config  validate appsettings.json and the sources it names
          hash-password read a password from standard input and print its hash for Web:Users
          generate      a synthetic caseload with the findings it should give (expected.csv)
                          --children N             how many children
                          --as-of yyyy-MM-dd       the day the generated history ends
                          --out DIR                where to write (with --format all: DIR/<format>)
                          --seed S                 same seed, byte-identical files (default 1)
                          --format F               standard (default), liquidlogic, mosaic, carefirst, all (those four)
                                                   or a statutory return: {returns}
                          --breach-rate R          share of obligations planted late or missed (default 0.08)
                          --fault-rate R           share of data-quality fault chances taken (default 0.02)

        Every verb takes --config PATH (default: appsettings.json in this folder or a parent) and
        --Section:Key=value to override any setting, e.g. --Rules:cp-visits:Interval="10 working days".
        Exit codes: 0 done; 2 bad arguments or configuration; 3 a source failed or had rejected rows; 1 anything else.
        """;
}

/// <summary>Bad arguments or configuration: the message says which option or key and why; exit code 2.</summary>
public sealed class UsageException(string message, Exception? inner = null) : Exception(message, inner);

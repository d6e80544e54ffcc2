using System.Globalization;
using CaseCompliance.Host.Cli;
using CaseCompliance.Rules.Calendar;
using Microsoft.Extensions.Configuration;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.Text;

namespace CaseCompliance.Host;

/// <summary>
/// The configuration: <c>appsettings.json</c> (from <c>--config</c>, else this folder or the nearest parent that has
/// one), then <c>CASECOMPLIANCE__Section__Key</c> environment variables, then <c>--Section:Key=value</c> options.
/// Relative paths in it are resolved against the folder of the configuration file.
/// </summary>
public sealed class AppConfiguration
{
    private AppConfiguration(IConfigurationRoot root, string path)
    {
        Root = root;
        FilePath = path;
        BaseDirectory = Path.GetDirectoryName(path)!;
    }

    public IConfigurationRoot Root { get; }

    public string FilePath { get; }

    public string BaseDirectory { get; }

    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Europe/London"];

    public static AppConfiguration Load(Arguments args)
    {
        var path = args["--config"] is { } given ? Path.GetFullPath(given) : Find();
        if (!File.Exists(path))
        {
            throw new UsageException($"--config: configuration file {path} not found.");
        }

        IConfigurationRoot root;
        try
        {
            root = new ConfigurationBuilder()
                .AddJsonFile(path, optional: false, reloadOnChange: false)
                .AddEnvironmentVariables("CASECOMPLIANCE__")
                .AddInMemoryCollection(args.Overrides)
                .Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or System.Text.Json.JsonException)
        {
            throw new UsageException($"{path}: not valid JSON ({(e.InnerException ?? e).Message}).", e);
        }

        return new AppConfiguration(root, path);
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "appsettings.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json");
    }

    /// <summary>A path from the configuration, relative to the configuration file's folder.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(BaseDirectory, path));

    /// <summary>The working-day calendar of <c>Calendar:Region</c>, from <c>Calendar:BankHolidaysFile</c>, plus closure days.</summary>
    public WorkingDayCalendar LoadCalendar()
    {
        var section = Root.GetSection("Calendar");
        var region = section["Region"] ?? "england-and-wales";
        if (!BankHolidayFile.Regions.Contains(region))
        {
            throw new UsageException($"Calendar:Region: '{region}' is not a UK region ({string.Join(", ", BankHolidayFile.Regions)}).");
        }

        var closures = new List<LocalDate>();
        foreach (var item in section.GetSection("ClosureDays").GetChildren())
        {
            var parsed = LocalDatePattern.Iso.Parse(item.Value ?? "");
            if (!parsed.Success)
            {
                throw new UsageException($"Calendar:ClosureDays:{item.Key}: '{item.Value}' is not a date (yyyy-MM-dd).");
            }

            closures.Add(parsed.Value);
        }

        var file = Resolve(section["BankHolidaysFile"] ?? "rules/uk-bank-holidays.json");
        if (!File.Exists(file))
        {
            throw new UsageException($"Calendar:BankHolidaysFile: {file} not found.");
        }

        try
        {
            using var stream = File.OpenRead(file);
            return BankHolidayFile.Load(stream, region, closures, file);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"Calendar:BankHolidaysFile: {e.Message}", e);
        }
    }

    /// <summary>Parses <c>--as-of</c>, or today in Europe/London.</summary>
    public static LocalDate AsOf(string? text, IClock clock)
    {
        if (text is null)
        {
            return clock.InZone(Zone).GetCurrentDate();
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success
            ? parsed.Value
            : throw new UsageException(string.Format(CultureInfo.InvariantCulture, "--as-of: '{0}' is not a date (yyyy-MM-dd).", text));
    }
}

using CaseCompliance.Host;
using CaseCompliance.Host.Cli;
using CaseCompliance.Host.Service;
using Serilog;

// CaseCompliance: one executable for the command line and the service (cli-and-outputs.md).
PrivateFiles.Apply();
Log.Logger = new LoggerConfiguration()
    .WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose)
    .CreateBootstrapLogger();

try
{
    var arguments = Arguments.Parse(args);
    if (arguments.Help)
    {
        Console.WriteLine(Arguments.Usage);
        return ExitCodes.Ok;
    }

    if (arguments.Verb == "hash-password")
    {
        // Needs no configuration: an administrator may run it anywhere.
        return HashPasswordCommand.Run(Console.In, Console.Out, Console.Error, interactive: !Console.IsInputRedirected);
    }

    var configuration = AppConfiguration.Load(arguments);
    Log.Logger = Logging.Create(configuration);
    return arguments.Verb switch
    {
        "scan" => ScanCommand.Run(arguments, configuration, Console.Out, Console.Error),
        "rules" => RulesCommand.Run(arguments, configuration, Console.Out),
        "check-config" => CheckConfigCommand.Run(configuration, Console.Out),
        "generate" => GenerateCommand.Run(arguments, configuration, Console.Out, Console.Error),
        _ => await ServeCommand.RunAsync(arguments, configuration),
    };
}
catch (Exception e) when (e is UsageException or CaseCompliance.Alerts.AlertConfigurationException or CaseCompliance.Storage.StorageConfigurationException)
{
    Console.Error.WriteLine($"casecompliance: {e.Message}");
    return ExitCodes.Usage;
}
catch (Exception e)
{
    // The type and message only: exception messages of this program carry ids and paths, never record content.
    Log.Fatal("Unexpected failure: {ExceptionType}: {Message}", e.GetType().Name, e.Message);
    var cause = e is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : e;
    Console.Error.WriteLine($"casecompliance: unexpected failure ({cause.GetType().Name}: {cause.Message})");
    if (Environment.GetEnvironmentVariable("CASECOMPLIANCE_DEBUG") == "1")
    {
        Console.Error.WriteLine(e);
    }
    return ExitCodes.Failure;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>The entry point, public so that hosting tools (WebApplicationFactory in the tests) can start the service.</summary>
public partial class Program;

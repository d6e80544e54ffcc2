using CaseCompliance.Host.Cli;
using CaseCompliance.Storage;
using NodaTime;
using Quartz;
using Serilog;
using Serilog.Context;

namespace CaseCompliance.Host.Service;

/// <summary>
/// The nightly scan: every configured source, as of today in Europe/London, stored, with team files and drift alerts.
/// One run per firing: never two at once (here or, on PostgreSQL, anywhere in the cluster), and a firing whose slot is
/// already stored is skipped.
/// </summary>
[DisallowConcurrentExecution]
public sealed class NightlyScanJob(AppConfiguration configuration, ScanPipeline pipeline, IScanStore store, IClock clock,
    ScheduleOptions schedule, Scanning.OutputOptions output) : IJob
{
    public static readonly JobKey Key = new("nightly-scan", "casecompliance");

    public const string SlotKey = "slot";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var at = context.MergedJobDataMap.TryGetValue(SlotKey, out var given) && given is string s
            ? DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture)
            : context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var slot = ScheduleOptions.SlotId(schedule.SlotAtOrBefore(at.AddSeconds(1)) ?? at);
        using var slotProperty = LogContext.PushProperty("Slot", slot);
        using var instance = LogContext.PushProperty("Instance", context.Scheduler.SchedulerInstanceId);
        await store.MigrateAsync(cancellationToken);
        if (await store.SlotTakenAsync(slot, cancellationToken))
        {
            Log.Information("Nightly scan {Slot} skipped on {Instance}: already stored", slot, context.Scheduler.SchedulerInstanceId);
            return;
        }

        Log.Information("Nightly scan {Slot} started on {Instance}", slot, context.Scheduler.SchedulerInstanceId);
        var asOf = clock.GetCurrentInstant().InZone(AppConfiguration.Zone).Date;
        var sources = ScanCommand.Sources(Arguments.Parse(["scan"]), configuration);
        try
        {
            var result = await pipeline.RunAsync(
                new ScanRequest(sources, asOf, configuration.Resolve(output.Directory), Store: true, TriggerSlot: slot),
                progress: null, status: null, cancellationToken);
            Log.Information("Nightly scan {Slot} finished: scan {ScanId}, {Findings} findings, {Exceptions} exceptions",
                slot, result.Scan.ScanId, result.Scan.FindingCount, result.Scan.ExceptionCount);
        }
        catch (DuplicateScanException)
        {
            Log.Information("Nightly scan {Slot} not stored: another instance stored it first", slot);
        }
        catch (OperationCanceledException)
        {
            Log.Warning("Nightly scan {Slot} cancelled by shutdown; nothing of it was stored", slot);
            throw;
        }
        catch (Exception e)
        {
            // The type only: a database's or adapter's message can quote a row's values.
            Log.Error("Nightly scan {Slot} failed: {ExceptionType}", slot, e.GetType().Name);
            throw new JobExecutionException(e);
        }
    }
}

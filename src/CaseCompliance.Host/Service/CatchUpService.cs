using CaseCompliance.Storage;
using Microsoft.Extensions.Hosting;
using Quartz;
using Serilog;

namespace CaseCompliance.Host.Service;

/// <summary>
/// Misfire policy: at start-up, if the most recent scheduled night has no stored scan (the service was down, or this
/// is a new install), that night is run once now. Several instances may ask; the job's slot check runs it once.
/// </summary>
public sealed class CatchUpService(ISchedulerFactory schedulers, IScanStore store, ScheduleOptions schedule, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!schedule.Enabled || !schedule.CatchUp)
        {
            return;
        }

        if (schedule.SlotAtOrBefore(time.GetUtcNow()) is not { } missed)
        {
            return;
        }

        await store.MigrateAsync(cancellationToken);
        var slot = ScheduleOptions.SlotId(missed);
        if (await store.SlotTakenAsync(slot, cancellationToken))
        {
            return;
        }

        Log.Information("Nightly scan {Slot} was missed; running it once now", slot);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(NightlyScanJob.Key, new JobDataMap { [NightlyScanJob.SlotKey] = missed.ToString("o") }, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using CaseCompliance.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Serilog;

namespace CaseCompliance.Host.Service;

/// <summary>The pipeline's last step: plan the scan's digests into the outbox, then deliver what is due.</summary>
public static class AlertsStep
{
    public static Func<Guid, Instant, CancellationToken, Task> Create(IServiceProvider services) => async (scanId, now, cancellationToken) =>
    {
        var planner = services.GetRequiredService<AlertPlanner>();
        var delivery = services.GetRequiredService<AlertDelivery>();
        var plan = await planner.PlanAsync(scanId, now, cancellationToken);
        Log.Information("Alerts for scan {ScanId}: {Enqueued} digests queued for {Teams} teams ({Unchanged} unchanged)",
            scanId, plan.Enqueued, plan.Teams, plan.Unchanged);
        foreach (var warning in plan.Warnings)
        {
            // Routing warnings name worker ids and team names only.
            Log.Warning("Alert routing: {Warning}", warning);
        }

        var sent = await delivery.DeliverDueAsync(now, cancellationToken);
        Log.Information("Alerts delivered: {Sent} sent, {Failed} failed (will retry), {Dead} given up, {InDoubt} in doubt",
            sent.Sent, sent.Failed, sent.Dead, sent.InDoubt);
    };
}

/// <summary>Delivers the outbox on a timer: failed messages are retried with backoff until sent or given up.</summary>
public sealed class AlertPump(AlertDelivery delivery, IClock clock, ScheduleOptions schedule) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(schedule.AlertPollInterval);
        do
        {
            try
            {
                var sent = await delivery.DeliverDueAsync(clock.GetCurrentInstant(), stoppingToken);
                if (sent.Sent + sent.Failed + sent.Dead + sent.InDoubt > 0)
                {
                    Log.Information("Alerts delivered: {Sent} sent, {Failed} failed (will retry), {Dead} given up, {InDoubt} in doubt",
                        sent.Sent, sent.Failed, sent.Dead, sent.InDoubt);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.Error("Alert delivery round failed: {ExceptionType}", e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

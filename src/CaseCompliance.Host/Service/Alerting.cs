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
        await planner.PlanAsync(scanId, now, cancellationToken);
        await delivery.DeliverDueAsync(now, cancellationToken);
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
                await delivery.DeliverDueAsync(clock.GetCurrentInstant(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.Error("Alert delivery round failed: {ExceptionType}", e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

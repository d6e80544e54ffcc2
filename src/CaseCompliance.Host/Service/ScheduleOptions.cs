using Quartz;

namespace CaseCompliance.Host.Service;

/// <summary>The <c>Schedule</c> section: when the nightly scan runs and how the service stops.</summary>
public sealed class ScheduleOptions
{
    /// <summary>Quartz cron expression (seconds first): default 02:00 every night.</summary>
    public string Cron { get; set; } = "0 0 2 * * ?";

    /// <summary>IANA time zone of the cron expression; the nightly scan follows British clock changes.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    public bool Enabled { get; set; } = true;

    /// <summary>At start-up, run the most recent missed firing once (a night the service was down for).</summary>
    public bool CatchUp { get; set; } = true;

    /// <summary>How long a stopping service waits for a running scan to finish before it is rolled back.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the service retries undelivered alerts.</summary>
    public TimeSpan AlertPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public CronExpression Expression() => new(Cron, Zone());

    /// <summary>
    /// The firing a run belongs to: the latest scheduled time at or before <paramref name="at"/>. A normal firing is
    /// its own slot; a late (misfired or caught-up) run belongs to the night it stands in for, so each night is
    /// scanned once however many instances or catch-ups try.
    /// </summary>
    public DateTimeOffset? SlotAtOrBefore(DateTimeOffset at)
    {
        var cron = Expression();
        DateTimeOffset? last = null;
        // Nightly schedules repeat within days: look back far enough to find the previous firing, then walk forward.
        for (var from = at.AddDays(-8); cron.GetNextValidTimeAfter(from) is { } next && next <= at; from = next)
        {
            last = next;
        }

        return last;
    }

    public static string SlotId(DateTimeOffset slot) => slot.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

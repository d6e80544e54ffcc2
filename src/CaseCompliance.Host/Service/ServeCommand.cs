using System.Text.Json;
using CaseCompliance.Host.Cli;
using CaseCompliance.Host.Web;
using CaseCompliance.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Quartz;
using Serilog;

namespace CaseCompliance.Host.Service;

/// <summary>
/// <c>serve</c>: the long-running service. The generic host with Kestrel (the web pages and the health endpoint), the
/// nightly scan on Quartz, the start-up catch-up of a missed night and the alert outbox pump.
/// </summary>
public static class ServeCommand
{
    public const string DefaultUrls = "http://localhost:5080";

    public static async Task<int> RunAsync(Arguments args, AppConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var app = Build(args, configuration);
        await app.RunAsync(cancellationToken);
        return ExitCodes.Ok;
    }

    public static WebApplication Build(Arguments args, AppConfiguration configuration, IClock? clock = null)
    {
        // The application name finds the compiled pages; it must be this assembly's even when a test host starts us.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = configuration.BaseDirectory,
            ApplicationName = typeof(ServeCommand).Assembly.GetName().Name,
            EnvironmentName = args["--environment"],
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration.Root);
        builder.WebHost.UseUrls(args["--urls"] ?? configuration.Root["Serve:Urls"] ?? DefaultUrls);
        builder.Services.AddSerilog((services, lc) => lc.ReadFrom.Configuration(configuration.Root).ReadFrom.Services(services)
            .Enrich.FromLogContext().Destructure.With<PersonalDataPolicy>());
        builder.Services.AddLayers(configuration, clock);
        builder.Services.AddSingleton(TimeProvider.System);

        var schedule = Bind<ScheduleOptions>(configuration, "Schedule");
        builder.Services.AddSingleton(schedule);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = schedule.ShutdownTimeout);
        var storage = Bind<StorageOptions>(configuration, "Storage");
        var postgres = string.Equals(storage.Provider, "postgresql", StringComparison.OrdinalIgnoreCase);
        if (postgres)
        {
            QuartzSchema.EnsureAsync(storage.ConnectionString!, CancellationToken.None).GetAwaiter().GetResult();
        }

        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "casecompliance";
                o.GenerateInstanceId = true;
            });
            q.AddJob<NightlyScanJob>(j => j.WithIdentity(NightlyScanJob.Key).StoreDurably().WithDescription("Nightly scan of every source"));
            if (schedule.Enabled)
            {
                q.AddTrigger<NightlyScanJob>(t => t.ForJob(NightlyScanJob.Key).WithIdentity("nightly-scan-cron", "casecompliance")
                    .WithCronSchedule(schedule.Cron, c => c.InTimeZone(schedule.Zone()).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            }

            if (postgres)
            {
                // Clustered: the instances share the triggers and take a database lock to fire, so each firing runs once.
                q.UsePersistentStore(s =>
                {
                    s.UsePostgres(p => p.ConnectionString = storage.ConnectionString!);
                    s.ConfigureStore(o => o.TablePrefix = QuartzSchema.TablePrefix);
                    s.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(5));
                });
            }
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddHostedService<CatchUpService>();
        builder.Services.AddHostedService<AlertPump>();
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        var web = builder.Services.AddWebPages(configuration);

        var app = builder.Build();
        app.Services.GetRequiredService<Alerts.AlertOptions>();
        app.Services.GetRequiredService<IScanStore>().MigrateAsync().GetAwaiter().GetResult();
        app.UseWebPages(web);
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealth }).AllowAnonymous();
        return app;
    }

    private static T Bind<T>(AppConfiguration configuration, string section)
        where T : new()
    {
        var value = new T();
        try
        {
            configuration.Root.GetSection(section).Bind(value, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            throw new UsageException($"{section}: {(e.InnerException ?? e).Message}", e);
        }

        return value;
    }

    private static Task WriteHealth(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

/// <summary>Healthy when the database answers; reports the last stored scan.</summary>
public sealed class StorageHealthCheck(IScanStore store, IOutbox outbox) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latest = await store.LatestScanAsync(cancellationToken);
            var data = new Dictionary<string, object>();
            if (latest is not null)
            {
                data["last_scan_id"] = latest.ScanId.ToString();
                data["last_scan_as_of"] = latest.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                data["last_scan_finished_at"] = latest.FinishedAt.ToString();
                data["last_scan_slot"] = latest.TriggerSlot ?? "";
            }

            // Alerts that were given up on, or whose delivery is unknown (the process died while sending), need a person.
            var messages = await outbox.MessagesAsync(null, cancellationToken);
            var inDoubt = messages.Count(m => m.State == OutboxStates.InDoubt);
            var dead = messages.Count(m => m.State == OutboxStates.Dead);
            data["alerts_waiting"] = messages.Count(m => m.State is OutboxStates.Pending or OutboxStates.Failed);
            data["alerts_in_doubt"] = inDoubt;
            data["alerts_given_up"] = dead;
            var description = latest is null ? "no scan stored yet" : "database reachable";
            return inDoubt + dead > 0
                ? HealthCheckResult.Degraded($"{description}; {inDoubt} alert(s) in doubt and {dead} given up: check the outbox", data: data)
                : HealthCheckResult.Healthy(description, data);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"database unreachable ({e.GetType().Name})");
        }
    }
}

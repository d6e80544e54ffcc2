using CaseCompliance.Alerts.Channels;
using CaseCompliance.Alerts.Digests;
using CaseCompliance.Storage;
using CaseCompliance.Storage.Tests;
using NodaTime;

namespace CaseCompliance.Alerts.Tests;

/// <summary>
/// Three teams of synthetic cases stored through the real store in two (or three) scans, so that a digest has items
/// newly breached, due soon, still overdue, resolved, chronic and stale. Team Alpha's manager M1 has a configured
/// address; Team Beta's manager M2 one from the pattern; Team Gamma is routed to Alpha's manager (its own manager M3 is
/// replaced by the route).
/// </summary>
public static class AlertScenario
{
    public const string AlphaManager = "alpha.manager@council.example";
    public const string BetaManager = "M2@council.example";
    public const string GammaManager = "M3@council.example";
    public const string Sender = "casecompliance@council.example";

    public static readonly Instant PlannedAt = Instant.FromUtc(2026, 11, 20, 2, 30);

    /// <summary>Synthetic names: they must never appear in a digest unless IncludeNames is on.</summary>
    public static readonly (string Child, string Forename, string Surname, string Initials)[] Names =
    [
        ("standard:C001", "Zephyrine", "Quillfeather", "Z.Q."),
        ("standard:C002", "Ottoline", "Brackenridge", "O.B."),
        ("standard:C003", "Peregrine", "Ashdown", "P.A."),
        ("standard:C004", "Marisol", "Fenwick", "M.F."),
        ("standard:C005", "Tobias", "Wrenfield", "T.W."),
        ("standard:C006", "Saoirse", "Kettleby", "S.K."),
        ("standard:C007", "Isadora", "Thistlewood", "I.T."),
        ("mosaic:M900", "Evander", "Pollexfen", "E.P."),
    ];

    // Detail sentences as the rules write them (dates and ids only); each is unique so a test can find it.
    public const string CpVisitsOverdue = "CP visit due by 2026-11-10 was not made (10 days overdue).";
    public const string LacReviewOverdue = "LAC review due by 2026-11-01 was not held (19 days overdue).";
    public const string SupervisionLate = "Supervision due by 2026-11-05 was held on 2026-11-16 (11 days late).";
    public const string CoreGroupOverdue = "Core group due by 2026-11-18 was not held (2 days overdue).";
    public const string KeyInfoMissing = "Key information missing: GP & school not recorded <since 2026-11-20>.";
    public const string ConferenceOverdue = "CP review conference due by 2026-11-17 was not held (3 days overdue).";
    public const string CinVisitDueSoon = "CIN visit due by 2026-11-24.";
    public const string CinReviewPending = "CIN review due by 2026-12-20.";
    public const string RecordingOverdue = "Recording of visit V77 due by 2026-11-19 is not recorded (1 day overdue).";
    public const string LacVisitPending = "LAC visit due by 2026-11-26.";
    public const string AssessmentOverdue = "Assessment due by 2026-11-19 is not authorised (1 day overdue).";
    public const string CpVisitDueSoon = "CP visit due by 2026-11-25.";
    public const string MosaicOverdue = "LAC visit due by 2026-11-12 was not made (7 days overdue).";

    /// <summary>Options sending to the SMTP server on <paramref name="port"/>, with the scenario's routing.</summary>
    public static AlertOptions Options(int port, Action<AlertOptions>? edit = null)
    {
        var options = new AlertOptions
        {
            Smtp = { Host = "127.0.0.1", Port = port, From = Sender, FromName = "CaseCompliance" },
            Routing =
            {
                WorkerEmails = { ["M1"] = AlphaManager },
                EmailPattern = "{workerId}@council.example",
                Teams = { ["Team Gamma"] = [AlphaManager] },
            },
        };
        edit?.Invoke(options);
        return options;
    }

    /// <summary>Weekdays only: enough for these dates (no bank holiday in November 2026).</summary>
    public static LocalDate AddWorkingDays(LocalDate date, int days)
    {
        while (days > 0)
        {
            date = date.PlusDays(1);
            if (date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
            {
                days--;
            }
        }

        return date;
    }

    public static AlertPlanner Planner(IScanStore store, IOutbox outbox, AlertOptions options) =>
        new(new DigestBuilder(store, options, AddWorkingDays), outbox, options);

    public static AlertDelivery Delivery(IOutbox outbox, AlertOptions options, string claimant = "test-host:1", IAlertChannel? channel = null) =>
        new(outbox, channel is null ? AlertChannels.Create(options) : [channel], options, claimant);

    /// <summary>Scan 1 (Fri 2026-11-13) and scan 2 (Fri 2026-11-20, mosaic failed); returns scan 2.</summary>
    public static async Task<StoredScan> SeedAsync(IScanStore store)
    {
        await store.SaveScanAsync(WithDirectory(TestScans.Scan("2026-11-13", null, "standard", "mosaic")),
        [
            R("cp-visits", "overdue", "C001", "2026-11-10", "V1", "W1", "Team Alpha", CpVisitsOverdue, asOf: "2026-11-13"),
            R("lac-review", "overdue", "C002", "2026-11-01", "R2", "W2", "Team Beta", LacReviewOverdue, asOf: "2026-11-13"),
            R("supervision", "overdue", "C003", "2026-11-05", "S3", "W1", "Team Alpha", "Supervision due by 2026-11-05 was not held.", asOf: "2026-11-13"),
            R("cin-visits", "met", "C005", "2026-11-10", "V5;V6", "W2", "Team Beta", "CIN visit due by 2026-11-10 was made on 2026-11-09."),
            R("lac-visits", "overdue", "M900", "2026-11-12", "P9", "MW1", "Team Beta", MosaicOverdue, source: "mosaic", asOf: "2026-11-13"),
        ]);

        return await store.SaveScanAsync(WithDirectory(TestScans.Scan("2026-11-20", null, "standard", "mosaic=failed")), Scan2Rows("2026-11-20"));
    }

    /// <summary>A third scan as of <paramref name="asOf"/> with the same rows as scan 2: nothing new, nothing resolved.</summary>
    public static Task<StoredScan> SaveUnchangedAsync(IScanStore store, string asOf) =>
        store.SaveScanAsync(WithDirectory(TestScans.Scan(asOf, null, "standard", "mosaic=failed")), Scan2Rows(asOf));

    /// <summary>A scan as of <paramref name="asOf"/> in which C004's core group was held late: one resolved item for Team Alpha.</summary>
    public static Task<StoredScan> SaveOneResolvedAsync(IScanStore store, string asOf) =>
        store.SaveScanAsync(WithDirectory(TestScans.Scan(asOf, null, "standard", "mosaic=failed")),
            Scan2Rows(asOf).Select(r => r[0] == "core-group"
                ? R("core-group", "late", "C004", "2026-11-18", "G4;G5", "W1", "Team Alpha", "Core group due by 2026-11-18 was held on 2026-11-23 (5 days late).", completed: "2026-11-23")
                : r).ToList());

    private static List<string?[]> Scan2Rows(string asOf) =>
    [
        R("cp-visits", "overdue", "C001", "2026-11-10", "V1", "W1", "Team Alpha", CpVisitsOverdue, asOf: asOf),
        R("lac-review", "overdue", "C002", "2026-11-01", "R2", "W2", "Team Beta", LacReviewOverdue, asOf: asOf),
        R("supervision", "late", "C003", "2026-11-05", "S3;S4", "W1", "Team Alpha", SupervisionLate, completed: "2026-11-16"),
        R("core-group", "overdue", "C004", "2026-11-18", "G4", "W1", "Team Alpha", CoreGroupOverdue, asOf: asOf),
        R("key-information", "missing-data", "C001", null, "", "W1", "Team Alpha", KeyInfoMissing),
        R("cp-review-conference", "overdue", "C001", "2026-11-17", "K1", "W1", "Team Alpha", ConferenceOverdue, asOf: asOf),
        R("cin-visits", "due-soon", "C005", "2026-11-24", "V6", "W2", "Team Beta", CinVisitDueSoon),
        R("cin-review", "pending", "C006", "2026-12-20", "CR6", "W2", "Team Beta", CinReviewPending),
        R("recording-timeliness", "overdue", "C007", "2026-11-19", "V77", "W3", "Team Gamma", RecordingOverdue, asOf: asOf),
        R("lac-visits", "pending", "C002", "2026-11-26", "LV2", "W2", "Team Beta", LacVisitPending),
        R("assessment-timescale", "overdue", "C006", "2026-11-19", "A6", "W2", "Team Beta", AssessmentOverdue, asOf: asOf),
        R("cp-visits", "due-soon", "C003", "2026-11-25", "V9", "W1", "Team Alpha", CpVisitDueSoon),

        // The failed source's last good rows, published again: stored stale.
        R("lac-visits", "overdue", "M900", "2026-11-12", "P9", "MW1", "Team Beta", MosaicOverdue, source: "mosaic", asOf: "2026-11-19"),
    ];

    private static string?[] R(string rule, string status, string child, string? due, string evidence, string worker, string team,
        string detail, string source = "standard", string? asOf = null, string? completed = null)
    {
        var row = TestScans.Row(rule, status, child, due, evidence, source, episode: null, anchor: null, completed: completed, asOf: asOf,
            worker: worker, team: team);
        row[FindingColumns.Detail] = detail;
        return row;
    }

    private static ScanToStore WithDirectory(ScanToStore scan) => scan with
    {
        Children = [.. Names.Select(n => new ChildRecord(n.Child, n.Child.Split(':')[0], n.Forename, n.Surname, new LocalDate(2015, 3, 1)))],
        Staff =
        [
            new("standard", "M1", "Manager One", "Team Manager", "T1"),
            new("standard", "M2", "Manager Two", "practice manager", "T2"),
            new("standard", "M3", "Manager Three", "Team Manager", "T3"),
            new("standard", "W1", "Worker One", "Social Worker", "T1"),
            new("standard", "W2", "Worker Two", "Social Worker", "T2"),
            new("standard", "W3", "Worker Three", "Social Worker", "T3"),
            new("mosaic", "MW1", "Mosaic Worker", "Social Worker", "MT2"),
        ],
        Teams =
        [
            new("standard", "T1", "Team Alpha", null), new("standard", "T2", "Team Beta", null), new("standard", "T3", "Team Gamma", null),
            new("mosaic", "MT2", "Team Beta", null),
        ],
    };
}

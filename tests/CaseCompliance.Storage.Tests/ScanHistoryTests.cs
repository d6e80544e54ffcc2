using NodaTime;
using static CaseCompliance.Storage.Tests.TestScans;

namespace CaseCompliance.Storage.Tests;

/// <summary>New, persisting and resolved across scans, stale sources, whole-or-nothing saves; on each database.</summary>
public abstract class ScanHistoryTests(StoreKind kind) : IAsyncLifetime
{
    protected TestStore Db { get; private set; } = null!;

    protected IScanStore Store => Db.Store;

    public async Task InitializeAsync() => Db = await TestDatabases.CreateAsync(kind);

    public async Task DisposeAsync() => await Db.DisposeAsync();

    // Scan 1: A and B overdue, D late, C met. Scan 2: A, B still overdue, D still late, E newly overdue.
    // Scan 3: A done late (same anchor record V1, completing visit V2 added), B gone, E still overdue, D gone.
    private static string?[] A(string status = "overdue", string? completed = null, string evidence = "V1") =>
        Row("cp-visits", status, "C001", "2025-02-20", evidence, anchor: "2025-02-06", episode: "CP1", completed: completed, asOf: "2025-03-01");

    private static string?[] B() => Row("assessment-timescale", "overdue", "C002", "2025-02-25", "A1", episode: "R2", asOf: "2025-03-01");

    private static string?[] C() => Row("allocation", "met", "C003", "2025-02-10", "R3;AL3", episode: "R3", completed: "2025-02-09");

    private static string?[] D() => Row("core-group", "late", "C004", "2025-02-01", "CG0;CG1", episode: "CP4", completed: "2025-02-03");

    private static string?[] E() => Row("supervision", "overdue", "C005", "2025-03-01", "S5", worker: "W2", team: "T2", asOf: "2025-03-02");

    [Fact]
    public async Task ThreeScans_NewThenPersistingThenResolved()
    {
        var first = await Store.SaveScanAsync(Scan("2025-03-01"), [A(), B(), C(), D()]);
        Assert.Equal((4, 3, 0, 0), (first.Findings, first.New, first.Persisting, first.Resolved));
        var f1 = await Store.FindingsAsync(first.ScanId, new FindingQuery());
        Assert.Equal(BreachChange.New, Change(f1, "C001"));
        Assert.Equal(BreachChange.New, Change(f1, "C002"));
        Assert.Equal(BreachChange.None, Change(f1, "C003"));
        Assert.Equal(BreachChange.New, Change(f1, "C004"));

        var second = await Store.SaveScanAsync(Scan("2025-03-02"), [A(), B(), C(), D(), E()]);
        Assert.Equal((5, 1, 2, 0), (second.Findings, second.New, second.Persisting, second.Resolved));
        var f2 = await Store.FindingsAsync(second.ScanId, new FindingQuery());
        Assert.Equal(BreachChange.Persisting, Change(f2, "C001"));
        Assert.Equal(BreachChange.Persisting, Change(f2, "C002"));
        Assert.Equal(BreachChange.None, Change(f2, "C004"));
        Assert.Equal(BreachChange.New, Change(f2, "C005"));
        Assert.Equal(new LocalDate(2025, 3, 1), f2.Single(f => f.ChildId == "standard:C001").FirstBreachedOn);

        var third = await Store.SaveScanAsync(Scan("2025-03-03"), [A("late", "2025-03-02", "V1;V2"), C(), E()]);
        Assert.Equal((3, 0, 1, 2), (third.Findings, third.New, third.Persisting, third.Resolved));
        var f3 = await Store.FindingsAsync(third.ScanId, new FindingQuery());
        Assert.Equal(BreachChange.None, Change(f3, "C001"));
        Assert.Equal(BreachChange.Persisting, Change(f3, "C005"));
        Assert.Equal(new LocalDate(2025, 3, 1), f3.Single(f => f.ChildId == "standard:C001").FirstBreachedOn);
        Assert.Equal(new LocalDate(2025, 3, 2), f3.Single(f => f.ChildId == "standard:C005").FirstBreachedOn);

        var resolved = await Store.ResolvedAsync(third.ScanId);
        Assert.Equal(2, resolved.Count);
        var a = resolved.Single(r => r.ChildId == "standard:C001");
        Assert.Equal(("overdue", "late", "cp-visits", "standard:CP1"), (a.PreviousStatus, a.NowStatus, a.RuleId, a.EpisodeId));
        Assert.Equal(ObligationKeys.Of(A()), a.ObligationKey);
        var b = resolved.Single(r => r.ChildId == "standard:C002");
        Assert.Equal(("overdue", (string?)null, new LocalDate(2025, 2, 25)), (b.PreviousStatus, b.NowStatus, b.DueDate));
        Assert.Empty(await Store.ResolvedAsync(second.ScanId));

        var scans = await Store.ScansAsync(10);
        Assert.Equal([third.ScanId, second.ScanId, first.ScanId], scans.Select(s => s.ScanId));
        Assert.Equal((0, 1, 2), (scans[0].New, scans[0].Persisting, scans[0].Resolved));
        Assert.Equal("standard", Assert.Single(scans[2].Sources).Name);
        Assert.Equal(third.ScanId, (await Store.LatestScanAsync())!.ScanId);

        // A fourth scan in which A's late row is still there and B comes back overdue: B is new again, A stays historic.
        var fourth = await Store.SaveScanAsync(Scan("2025-03-04"), [A("late", "2025-03-02", "V1;V2"), B(), E()]);
        var f4 = await Store.FindingsAsync(fourth.ScanId, new FindingQuery());
        Assert.Equal(BreachChange.None, Change(f4, "C001"));
        Assert.Equal(BreachChange.New, Change(f4, "C002"));
        Assert.Equal(new LocalDate(2025, 3, 1), f4.Single(f => f.ChildId == "standard:C002").FirstBreachedOn);
        Assert.Equal((1, 1, 0), (fourth.New, fourth.Persisting, fourth.Resolved));
    }

    [Fact]
    public async Task StoredScan_RoundTripsItsRunAndSources()
    {
        var scan = Scan("2025-03-01", "2025-03-01T02:00", "standard", "mosaic=failed") with
        {
            StartedAt = Instant.FromUtc(2025, 3, 1, 2, 0, 0) + Duration.FromTicks(1234567),
        };
        var stored = await Store.SaveScanAsync(scan, [A()]);
        var read = (await Store.ScanAsync(scan.ScanId))!;
        Assert.Equal(scan.AsOf, read.AsOf);
        Assert.Equal(Instant.FromUtc(2025, 3, 1, 2, 0, 0) + Duration.FromTicks(1234560), read.StartedAt);
        Assert.Equal(scan.FinishedAt, read.FinishedAt);
        Assert.Equal("2025-03-01T02:00", read.TriggerSlot);
        Assert.Equal(scan.Sources, read.Sources);
        Assert.True(read.FindingsKept);
        Assert.Equal(stored with { Sources = read.Sources }, read);
        Assert.Equal(stored.Sources, read.Sources);
        Assert.Null(await Store.ScanAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Findings_RoundTripEveryColumn_InExceptionListOrder()
    {
        var scan = Scan("2025-03-01");
        string?[] full = ["cp-visits", "late", "standard:C9", "standard:CP9", "standard", "2025-01-01", "2025-01-15", "2025-01-20", "5", "3", "W9", "T9",
            "V8;V9", "CP visit due by 2025-01-15 was made on 2025-01-20 (5 days late)."];
        string?[] bare = ["key-information", "missing-data", "standard:C1", "", "standard", "", null, "", "", null, "", "", "", "Ethnicity not recorded."];
        await Store.SaveScanAsync(scan, [
            full, bare,
            Row("allocation", "met", "C2", "2025-02-01", team: "T1", worker: "W2"),
            Row("allocation", "overdue", "C2", "2025-01-01", team: "T1", worker: "W2", asOf: "2025-03-01"),
            Row("allocation", "overdue", "C1", "2025-01-01", team: "T1", worker: "W2", asOf: "2025-03-01"),
            Row("allocation", "overdue", "C3", "2025-01-01", team: "T1", worker: "W1", asOf: "2025-03-01"),
        ]);

        var all = await Store.FindingsAsync(scan.ScanId, new FindingQuery());
        Assert.Equal(["standard:C3", "standard:C1", "standard:C2", "standard:C2", "standard:C9", "standard:C1"], all.Select(f => f.ChildId));
        Assert.Equal(new LocalDate(2025, 1, 1), all[2].DueDate);

        var f = all.Single(x => x.RuleId == "cp-visits");
        Assert.Equal(new StoredFinding("cp-visits", "late", "standard:C9", "standard:CP9", "standard", new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 15),
            new LocalDate(2025, 1, 20), 5, 3, "W9", "T9", "V8;V9", "CP visit due by 2025-01-15 was made on 2025-01-20 (5 days late).",
            "cp-visits|standard:C9|standard:CP9|2025-01-01|2025-01-15|V8", BreachChange.New, false, new LocalDate(2025, 3, 1)), f);
        var b = all.Single(x => x.RuleId == "key-information");
        Assert.Equal((null, null, null, null, null, null, "", BreachChange.New), (b.EpisodeId, b.AnchorDate, b.DueDate, b.DaysLate, b.WorkerId, b.Team, b.Evidence, b.Change));

        Assert.Equal(4, (await Store.FindingsAsync(scan.ScanId, new FindingQuery(Team: "T1"))).Count);
        Assert.Equal(2, (await Store.FindingsAsync(scan.ScanId, new FindingQuery(ChildId: "standard:C2"))).Count);
        Assert.Equal(5, (await Store.FindingsAsync(scan.ScanId, new FindingQuery(ExceptionsOnly: true))).Count);
        Assert.Equal(3, (await Store.FindingsAsync(scan.ScanId, new FindingQuery(Statuses: ["overdue"]))).Count);
        Assert.Empty(await Store.FindingsAsync(scan.ScanId, new FindingQuery(ExceptionsOnly: true, Statuses: ["met"])));
        Assert.Single(await Store.FindingsAsync(scan.ScanId, new FindingQuery(Team: "T1", ChildId: "standard:C2", ExceptionsOnly: true)));
    }

    [Fact]
    public async Task Save_WhoseRowsThrowHalfWay_LeavesNothingOfTheScan()
    {
        var first = await Store.SaveScanAsync(Scan("2025-03-01"), [A(), B(), D()]);
        var before = await Db.ObligationsAsync();

        var broken = Scan("2025-03-02", "slot-2");
        var rows = Many(5000).Concat([A(), E()]);
        var thrown = await Assert.ThrowsAsync<IOException>(() => Store.SaveScanAsync(broken, ThrowingAfter(rows, 4000)));
        Assert.Contains("test", thrown.Message, StringComparison.Ordinal);

        Assert.Null(await Store.ScanAsync(broken.ScanId));
        Assert.False(await Store.SlotTakenAsync("slot-2"));
        Assert.Equal([first.ScanId], (await Store.ScansAsync(10)).Select(s => s.ScanId));
        Assert.Empty(await Store.FindingsAsync(broken.ScanId, new FindingQuery()));
        Assert.Equal(before, await Db.ObligationsAsync());
        Assert.Equal(0, (await Db.QueryAsync($"SELECT COUNT(*) AS n FROM cc_findings WHERE scan_id <> '{first.ScanId}'", r => Convert.ToInt32(r["n"], System.Globalization.CultureInfo.InvariantCulture)))[0]);

        // The same scan saved properly afterwards compares with the first, as if the failed save never happened.
        var retried = await Store.SaveScanAsync(broken, [A(), E()]);
        Assert.Equal((1, 1, 1), (retried.New, retried.Persisting, retried.Resolved));
    }

    [Fact]
    public async Task Save_CutOffMidway_LeavesNothingOfTheScan()
    {
        // The process (or its connection) dies while the rows are streaming in: what the database keeps is what a
        // restart sees. SQLite: a copy of the file and its WAL taken mid-save is exactly what a crash leaves on disk.
        // PostgreSQL: the server ends the saving connection, as when the process dies.
        var first = await Store.SaveScanAsync(Scan("2025-03-01"), [A(), B()]);
        var doomed = Scan("2025-03-02", "slot-2");
        string? image = null;

        IEnumerable<string?[]> Rows()
        {
            foreach (var (row, i) in Many(6000).Select((r, i) => (r, i)))
            {
                if (i == 5000)
                {
                    CutOff().GetAwaiter().GetResult();
                }

                yield return row;
            }
        }

        async Task CutOff()
        {
            if (kind == StoreKind.Sqlite)
            {
                image = Path.Combine(Db.Folder, "image");
                Directory.CreateDirectory(Path.Combine(image, "data"));
                foreach (var suffix in new[] { "", "-wal" })
                {
                    if (File.Exists(Db.SqliteFile + suffix))
                    {
                        File.Copy(Db.SqliteFile + suffix, Path.Combine(image, "data", "casecompliance.db" + suffix));
                    }
                }
            }
            else
            {
                var killed = await Db.QueryAsync(
                    "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() " +
                    "AND query LIKE 'COPY cc_findings%'", r => (bool)r["ok"]!);
                Assert.Equal([true], killed);
            }
        }

        if (kind == StoreKind.Sqlite)
        {
            // The live save completes; the crash image taken at row 5,000 must hold nothing of it.
            await Store.SaveScanAsync(doomed, Rows());
            await using var crashed = ScanStores.Create(new StorageOptions { Directory = "data" }, image!);
            await crashed.MigrateAsync();
            Assert.Equal([first.ScanId], (await crashed.ScansAsync(10)).Select(s => s.ScanId));
            Assert.Empty(await crashed.FindingsAsync(doomed.ScanId, new FindingQuery()));
            Assert.False(await crashed.SlotTakenAsync("slot-2"));
        }
        else
        {
            await Assert.ThrowsAnyAsync<Exception>(() => Store.SaveScanAsync(doomed, Rows()));
            await using var restarted = Db.OpenAnother();
            Assert.Equal([first.ScanId], (await restarted.ScansAsync(10)).Select(s => s.ScanId));
            Assert.Empty(await restarted.FindingsAsync(doomed.ScanId, new FindingQuery()));
            Assert.False(await restarted.SlotTakenAsync("slot-2"));
        }
    }

    [Fact]
    public async Task FailedSource_RowsAreStale_ObligationsUntouched_NothingResolved()
    {
        var m1 = Row("cp-visits", "overdue", "M1", "2025-02-20", "MV1", source: "mosaic", asOf: "2025-03-01");
        var m2 = Row("allocation", "missing-data", "M2", null, "MR2", source: "mosaic");
        var m3 = Row("allocation", "late", "M3", "2025-02-01", "MR3", source: "mosaic", completed: "2025-02-05");
        var first = await Store.SaveScanAsync(Scan("2025-03-01", null, "standard", "mosaic"), [A(), m1, m2, m3]);
        Assert.Equal(4, first.New);
        var obligations = (await Db.ObligationsAsync()).Where(o => o.Key.Contains("mosaic:", StringComparison.Ordinal)).ToList();

        // Mosaic fails: the scanner republishes its last good rows (here only two of them, as if one had been lost),
        // and standard's A is done late. Nothing of mosaic may look resolved, persisting or new.
        var failed = await Store.SaveScanAsync(Scan("2025-03-02", null, "standard", "mosaic=failed"), [A("late", "2025-03-02", "V1;V2"), m1, m3]);
        var rows = await Store.FindingsAsync(failed.ScanId, new FindingQuery());
        Assert.All(rows.Where(r => r.Source == "mosaic"), r => Assert.True(r.Stale));
        Assert.All(rows.Where(r => r.Source == "mosaic"), r => Assert.Equal(BreachChange.None, r.Change));
        Assert.False(rows.Single(r => r.Source == "standard").Stale);
        Assert.Equal(new LocalDate(2025, 3, 1), rows.Single(r => r.ChildId == "mosaic:M1").FirstBreachedOn);
        var resolved = Assert.Single(await Store.ResolvedAsync(failed.ScanId));
        Assert.Equal("standard:C001", resolved.ChildId);
        Assert.Equal((0, 0, 1), (failed.New, failed.Persisting, failed.Resolved));
        Assert.Equal(obligations, (await Db.ObligationsAsync()).Where(o => o.Key.Contains("mosaic:", StringComparison.Ordinal)));

        // Failed again with nothing republished at all: still nothing resolved.
        var empty = await Store.SaveScanAsync(Scan("2025-03-03", null, "standard", "mosaic=failed"), [A("late", "2025-03-02", "V1;V2")]);
        Assert.Empty(await Store.ResolvedAsync(empty.ScanId));
        Assert.Equal(obligations, (await Db.ObligationsAsync()).Where(o => o.Key.Contains("mosaic:", StringComparison.Ordinal)));

        // Back to ok: compared with its last ok scan (the first): M1 persists, M2 (gone) is resolved, M3 still late is historic.
        var back = await Store.SaveScanAsync(Scan("2025-03-04", null, "standard", "mosaic"), [A("late", "2025-03-02", "V1;V2"), m1, m3]);
        var backRows = await Store.FindingsAsync(back.ScanId, new FindingQuery(Team: "T1"));
        Assert.Equal(BreachChange.Persisting, backRows.Single(r => r.ChildId == "mosaic:M1").Change);
        Assert.Equal(BreachChange.None, backRows.Single(r => r.ChildId == "mosaic:M3").Change);
        Assert.All(backRows, r => Assert.False(r.Stale));
        var gone = Assert.Single(await Store.ResolvedAsync(back.ScanId));
        Assert.Equal(("mosaic:M2", "missing-data", (string?)null), (gone.ChildId, gone.PreviousStatus, gone.NowStatus));
    }

    [Fact]
    public async Task TriggerSlot_SecondScanForTheSameSlot_IsRefused()
    {
        var first = await Store.SaveScanAsync(Scan("2025-03-01", "2025-03-01T02:00"), [A()]);
        Assert.True(await Store.SlotTakenAsync("2025-03-01T02:00"));
        Assert.False(await Store.SlotTakenAsync("2025-03-02T02:00"));

        var again = Scan("2025-03-01", "2025-03-01T02:00");
        var e = await Assert.ThrowsAsync<DuplicateScanException>(() => Store.SaveScanAsync(again, [A(), B()]));
        Assert.Equal("2025-03-01T02:00", e.Slot);
        Assert.Null(await Store.ScanAsync(again.ScanId));
        Assert.Equal([first.ScanId], (await Store.ScansAsync(5)).Select(s => s.ScanId));

        // Scans without a slot (a manual scan) are never refused.
        await Store.SaveScanAsync(Scan("2025-03-01"), [A()]);
        await Store.SaveScanAsync(Scan("2025-03-01"), [A()]);
        Assert.Equal(3, (await Store.ScansAsync(5)).Count);
    }

    [Fact]
    public async Task ConcurrentSaves_OfOneSlot_ExactlyOneIsStored()
    {
        const int writers = 4;
        var stores = Enumerable.Range(0, writers).Select(_ => Db.OpenAnother()).ToList();
        using var start = new Barrier(writers);
        var tasks = stores.Select((store, i) => Task.Run(async () =>
        {
            var scan = Scan("2025-03-01", "nightly-2025-03-01");
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            try
            {
                await store.SaveScanAsync(scan, Many(3000 + i * 100));
                return "stored";
            }
            catch (DuplicateScanException)
            {
                return "duplicate";
            }
        })).ToList();

        var outcomes = await Task.WhenAll(tasks);
        Assert.Equal(1, outcomes.Count(o => o == "stored"));
        Assert.Equal(writers - 1, outcomes.Count(o => o == "duplicate"));
        var stored = Assert.Single(await Store.ScansAsync(10));
        Assert.Equal(stored.Findings, (await Store.FindingsAsync(stored.ScanId, new FindingQuery())).Count);
        Assert.Equal(stored.Findings, (await Db.QueryAsync("SELECT COUNT(*) AS n FROM cc_findings", r => Convert.ToInt32(r["n"], System.Globalization.CultureInfo.InvariantCulture)))[0]);
    }

    [Fact]
    public async Task Chronic_CountsObligationsFirstBreachedInTheWindow()
    {
        // C1: three different obligations first breached on 03-01, 03-10 and 03-20; C2: two; C3: three, but one first
        // breached 40 days before the last scan.
        var c1a = Row("cp-visits", "overdue", "C1", "2025-02-20", "V1", asOf: "2025-03-01", worker: "W1", team: "T1");
        var c1b = Row("core-group", "missing-data", "C1", null, "CG1", worker: "W1", team: "T1");
        var c1c = Row("cp-visits", "overdue", "C1", "2025-03-15", "V2", asOf: "2025-03-20", worker: "W7", team: "T7");
        var c2a = Row("allocation", "overdue", "C2", "2025-02-01", "R2", asOf: "2025-03-01");
        var c2b = Row("supervision", "late", "C2", "2025-03-05", "S2", completed: "2025-03-08");
        var c3old = Row("allocation", "late", "C3", "2025-01-01", "R3", completed: "2025-01-05");
        var c3a = Row("cp-visits", "overdue", "C3", "2025-03-01", "V3", asOf: "2025-03-10");
        var c3b = Row("core-group", "overdue", "C3", "2025-03-02", "CG3", asOf: "2025-03-10");

        await Store.SaveScanAsync(Scan("2025-02-08"), [c3old]);
        await Store.SaveScanAsync(Scan("2025-03-01"), [c1a, c2a, c3old]);
        await Store.SaveScanAsync(Scan("2025-03-10"), [c1a, c1b, c2a, c2b, c3old, c3a, c3b]);
        var last = await Store.SaveScanAsync(Scan("2025-03-20"), [c1a, c1b, c1c, c2a, c2b, c3a, c3b]);

        var chronic = await Store.ChronicAsync(last.ScanId, 28, 3);
        var c1 = Assert.Single(chronic);
        Assert.Equal(("standard:C1", 3, "T7", "W7"), (c1.ChildId, c1.Breaches, c1.Team, c1.WorkerId));
        Assert.Equal(["core-group", "cp-visits"], c1.RuleIds);

        var wider = await Store.ChronicAsync(last.ScanId, 60, 3);
        Assert.Equal(["standard:C1", "standard:C3"], wider.Select(c => c.ChildId).Order(StringComparer.Ordinal));
        Assert.Equal(3, (await Store.ChronicAsync(last.ScanId, 28, 2)).Count);

        // As of the second scan, over 20 days (02-09 to 03-01), only C1's and C2's first breaches had happened.
        var second = (await Store.ScansAsync(10))[2];
        Assert.Equal(["standard:C1", "standard:C2"], (await Store.ChronicAsync(second.ScanId, 20, 1)).Select(c => c.ChildId).Order(StringComparer.Ordinal));
        // The window is (as-of - days, as-of]: C3's first breach on 02-08 is 21 days before 03-01, so in a 22-day window only.
        Assert.Equal(2, (await Store.ChronicAsync(second.ScanId, 21, 1)).Count);
        Assert.Equal(3, (await Store.ChronicAsync(second.ScanId, 22, 1)).Count);
        Assert.Empty(await Store.ChronicAsync(Guid.NewGuid(), 28, 1));
    }

    [Fact]
    public async Task Retention_DeletesFindingsBeyondTheNewestScans_AndComparisonGoesOn()
    {
        var store = Db.OpenAnother(keepScans: 2);
        var s1 = await store.SaveScanAsync(Scan("2025-03-01"), [A(), B(), C()]);
        var s2 = await store.SaveScanAsync(Scan("2025-03-02"), [A(), C()]);
        Assert.Equal(3, (await store.FindingsAsync(s1.ScanId, new FindingQuery())).Count);
        var s3 = await store.SaveScanAsync(Scan("2025-03-03"), [A(), C()]);
        var s4 = await store.SaveScanAsync(Scan("2025-03-04"), [A(), C(), E()]);

        Assert.Empty(await store.FindingsAsync(s1.ScanId, new FindingQuery()));
        Assert.Empty(await store.FindingsAsync(s2.ScanId, new FindingQuery()));
        Assert.Equal(2, (await store.FindingsAsync(s3.ScanId, new FindingQuery())).Count);
        Assert.Equal(3, (await store.FindingsAsync(s4.ScanId, new FindingQuery())).Count);
        var scans = await store.ScansAsync(10);
        Assert.Equal([true, true, false, false], scans.Select(s => s.FindingsKept));
        Assert.Equal(3, scans[3].Findings);
        Assert.Single(await store.ResolvedAsync(s2.ScanId));

        // A has been overdue since scan 1, whose findings are gone: still persisting, first breached on 03-01.
        var a = (await store.FindingsAsync(s4.ScanId, new FindingQuery(ChildId: "standard:C001"))).Single();
        Assert.Equal((BreachChange.Persisting, new LocalDate(2025, 3, 1)), (a.Change, a.FirstBreachedOn));
    }

    [Fact]
    public async Task Directory_ChildrenLatestPerId_StaffAndTeamsReplacedPerSource()
    {
        var first = Scan("2025-03-01", null, "standard", "mosaic") with
        {
            Children = [new("standard:C001", "standard", "Alex", "Sample", new LocalDate(2015, 1, 2)), new("mosaic:M1", "mosaic", "Sam", "Test", null)],
            Staff = [new("standard", "W1", "Worker One", "Social Worker", "T1"), new("standard", "W2", "Worker Two", null, "T1"),
                new("mosaic", "MW1", "Mosaic Worker", null, "MT1")],
            Teams = [new("standard", "T1", "Assessment Team", null), new("mosaic", "MT1", "Mosaic Team", "MT0")],
        };
        await Store.SaveScanAsync(first, [A()]);

        // Standard now has one worker and a renamed child; mosaic failed and gave no directory: it keeps its last.
        var second = Scan("2025-03-02", null, "standard", "mosaic=failed") with
        {
            Children = [new("standard:C001", "standard", "Alexandra", "Sample", new LocalDate(2015, 1, 2))],
            Staff = [new("standard", "W2", "Worker Two", "Senior Practitioner", "T2")],
            Teams = [new("standard", "T2", "Child Protection Team", null)],
        };
        await Store.SaveScanAsync(second, [A()]);

        var children = await Store.ChildrenAsync(["standard:C001", "mosaic:M1", "standard:C404"]);
        Assert.Equal(2, children.Count);
        Assert.Equal("Alexandra", children["standard:C001"].Forename);
        Assert.Equal("A.S.", children["standard:C001"].Initials);
        Assert.Null(children["mosaic:M1"].DateOfBirth);

        var (staff, teams) = await Store.DirectoryAsync();
        Assert.Equal(["mosaic/MW1", "standard/W2"], staff.Select(s => $"{s.Source}/{s.WorkerId}"));
        Assert.Equal("Senior Practitioner", staff[1].JobTitle);
        Assert.Equal(["mosaic/MT1", "standard/T2"], teams.Select(t => $"{t.Source}/{t.TeamId}"));
        Assert.Equal("MT0", teams[0].ParentId);

        var many = Enumerable.Range(0, 1200).Select(i => $"standard:X{i}").Append("standard:C001");
        Assert.Single(await Store.ChildrenAsync(many));
    }

    [Fact]
    public async Task Save_RefusesMalformedRows_AndStoresNothing()
    {
        var scan = Scan("2025-03-01");
        var shortRow = A()[..13];
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveScanAsync(scan, [A(), shortRow]));
        Assert.Contains("findings row 2", e.Message, StringComparison.Ordinal);

        var badDate = A();
        badDate[6] = "20/02/2025";
        e = await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveScanAsync(scan, [badDate]));
        Assert.Contains("due_date", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("20/02/2025", e.Message, StringComparison.Ordinal);

        e = await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveScanAsync(scan, [Row("allocation", "overdue", "Z1", source: "unknown")]));
        Assert.Contains("'unknown'", e.Message, StringComparison.Ordinal);
        Assert.Empty(await Store.ScansAsync(5));
    }

    [Fact]
    public async Task Save_StreamsManyRows()
    {
        const int count = 30_000;
        var first = await Store.SaveScanAsync(Scan("2025-03-01"), Many(count));
        Assert.Equal(count, first.Findings);
        Assert.Equal(Many(count).Count(r => BreachStatuses.IsBreach(r[1])), first.New);

        // A third of the rows gone: their open breaches resolved, the others' persisting.
        static bool Kept(int i) => i % 3 != 0;
        var second = await Store.SaveScanAsync(Scan("2025-03-02"), Many(count).Where((_, i) => Kept(i)));
        Assert.Equal(count - count / 3, second.Findings);
        Assert.Equal(0, second.New);
        Assert.Equal(Many(count).Where((r, i) => Kept(i) && BreachStatuses.IsOpen(r[1])).Count(), second.Persisting);
        Assert.Equal(Many(count).Where((r, i) => !Kept(i) && BreachStatuses.IsOpen(r[1])).Count(), second.Resolved);
        Assert.Equal(second.Resolved, (await Store.ResolvedAsync(second.ScanId)).Count);
        var team = await Store.FindingsAsync(second.ScanId, new FindingQuery(Team: "T3"));
        Assert.Equal(Many(count).Where((r, i) => Kept(i) && r[11] == "T3").Count(), team.Count);
    }

    private static BreachChange Change(IReadOnlyList<StoredFinding> findings, string child) =>
        findings.Single(f => f.ChildId == $"standard:{child}").Change;
}

/// <summary><see cref="ScanHistoryTests"/> on SQLite.</summary>
public sealed class SqliteScanHistoryTests() : ScanHistoryTests(StoreKind.Sqlite);

/// <summary><see cref="ScanHistoryTests"/> on PostgreSQL.</summary>
public sealed class PostgresScanHistoryTests() : ScanHistoryTests(StoreKind.Postgres);

using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static CaseCompliance.Storage.Tests.TestScans;

namespace CaseCompliance.Storage.Tests;

/// <summary>Acknowledgements, recorded audits and their actions, the access log and the overview's counts; on each database.</summary>
public abstract class CaseworkTests(StoreKind kind) : IAsyncLifetime
{
    private static readonly Instant Morning = Instant.FromUtc(2025, 3, 3, 9, 15);

    private static readonly RecordedAuditAction[] NoActions = [];

    private TestStore _db = null!;

    private SqlScanStore Store => _db.Store;

    private ICaseworkStore Casework => _db.Store;

    public async Task InitializeAsync() => _db = await TestDatabases.CreateAsync(kind);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static string?[] Visits(string status = "overdue") =>
        Row("cp-visits", status, "C001", "2025-02-20", "V1", anchor: "2025-02-06", episode: "CP1", asOf: "2025-03-01");

    private static string?[] Assessment() => Row("assessment-timescale", "overdue", "C002", "2025-02-25", "A1", episode: "R2", asOf: "2025-03-01");

    [Fact]
    public async Task Acknowledgement_ReturnedForItsObligation_AndStillAfterTheNextScan()
    {
        var first = await Store.SaveScanAsync(Scan("2025-03-01"), [Visits(), Assessment()]);
        var visits = (await Store.FindingsAsync(first.ScanId, new FindingQuery(ChildId: "standard:C001"))).Single();
        var assessment = (await Store.FindingsAsync(first.ScanId, new FindingQuery(ChildId: "standard:C002"))).Single();

        // Ticks below the microsecond are not kept: what is returned is what is stored.
        var at = Morning + Duration.FromTicks(1234567);
        var ack = await Casework.AcknowledgeAsync(visits.ObligationKey, "standard:C001", "cp-visits",
            "Family cancelled; visit re-arranged for the 14th.", "manager.one", at);
        Assert.True(ack.Id > 0);
        Assert.Equal((visits.ObligationKey, "standard:C001", "cp-visits", "manager.one"), (ack.ObligationKey, ack.ChildId, ack.RuleId, ack.RecordedBy));
        Assert.Equal(Morning + Duration.FromTicks(1234560), ack.RecordedAt);

        var read = await Casework.AcknowledgementsAsync([visits.ObligationKey, assessment.ObligationKey]);
        Assert.Equal([visits.ObligationKey], read.Keys);
        Assert.Equal(ack, Assert.Single(read[visits.ObligationKey]));

        // The next night's scan: the same obligation, still overdue, carries the same key and so the same acknowledgement.
        var second = await Store.SaveScanAsync(Scan("2025-03-02"), [Visits(), Assessment()]);
        var again = (await Store.FindingsAsync(second.ScanId, new FindingQuery(ChildId: "standard:C001"))).Single();
        Assert.Equal(BreachChange.Persisting, again.Change);
        Assert.Equal(ack, Assert.Single((await Casework.AcknowledgementsAsync([again.ObligationKey]))[again.ObligationKey]));
        Assert.Empty(await Casework.AcknowledgementsAsync([(await Store.FindingsAsync(second.ScanId, new FindingQuery(ChildId: "standard:C002"))).Single().ObligationKey]));
    }

    [Fact]
    public async Task SeveralAcknowledgements_OldestFirstPerObligation_AcrossManyKeys()
    {
        var visitsKey = ObligationKeys.Of(Visits());
        var assessmentKey = ObligationKeys.Of(Assessment());
        var second = await Casework.AcknowledgeAsync(visitsKey, "standard:C001", "cp-visits", "Second reason.", "manager.two", Morning + Duration.FromHours(2));
        var first = await Casework.AcknowledgeAsync(visitsKey, "standard:C001", "cp-visits", "First reason.", "manager.one", Morning);
        var other = await Casework.AcknowledgeAsync(assessmentKey, "standard:C002", "assessment-timescale", "Other child.", "manager.one", Morning);
        var third = await Casework.AcknowledgeAsync(visitsKey, "standard:C001", "cp-visits", "Third reason, same minute.", "manager.one",
            Morning + Duration.FromHours(2));

        // More keys than one IN list takes (500): the lookup is split and the result is whole.
        var keys = Enumerable.Range(0, 700).Select(i => $"cp-visits|standard:C9{i:D4}|||2025-01-01|X{i}").ToList();
        keys.Insert(650, visitsKey);
        keys.Insert(3, assessmentKey);
        var read = await Casework.AcknowledgementsAsync(keys);

        Assert.Equal(2, read.Count);
        Assert.Equal([first, second, third], read[visitsKey]);
        Assert.Equal([other], read[assessmentKey]);
        Assert.Empty(await Casework.AcknowledgementsAsync([]));
    }

    [Fact]
    public async Task Acknowledge_KeyOfAnotherChildOrRule_IsRefused_AndNothingStored()
    {
        var key = ObligationKeys.Of(Visits());
        await Assert.ThrowsAsync<ArgumentException>(() => Casework.AcknowledgeAsync(key, "standard:C002", "cp-visits", "Reason.", "m", Morning));
        await Assert.ThrowsAsync<ArgumentException>(() => Casework.AcknowledgeAsync(key, "standard:C001", "allocation", "Reason.", "m", Morning));
        await Assert.ThrowsAsync<ArgumentException>(() => Casework.AcknowledgeAsync(key, "standard:C001", "cp-visits", "  ", "m", Morning));
        Assert.Empty(await Casework.AcknowledgementsAsync([key]));
    }

    [Fact]
    public async Task Audits_WithActions_RoundTrip()
    {
        var audit = await Casework.RecordAuditAsync("standard:C001", new LocalDate(2025, 3, 1), "requires improvement",
            [("Update the chronology.", "W1", new LocalDate(2025, 3, 15)), ("Hold a core group.", "TM1", new LocalDate(2025, 3, 20))],
            "auditor.one", Morning);
        var bare = await Casework.RecordAuditAsync("standard:C002", new LocalDate(2025, 2, 27), null, [], "auditor.two", Morning + Duration.FromMinutes(5));
        var earlier = await Casework.RecordAuditAsync("standard:C001", new LocalDate(2025, 1, 10), "good",
            [("Close the plan.", "W1", new LocalDate(2025, 1, 31))], "auditor.one", Morning + Duration.FromMinutes(9));

        Assert.Equal(("standard:C001", new LocalDate(2025, 3, 1), "requires improvement", "auditor.one", Morning),
            (audit.ChildId, audit.Date, audit.Grade, audit.RecordedBy, audit.RecordedAt));
        Assert.Equal(2, audit.Actions.Count);
        Assert.All(audit.Actions, a => Assert.Equal((audit.Id, "standard:C001", (LocalDate?)null, "auditor.one", Morning, (string?)null),
            (a.AuditId, a.ChildId, a.DoneOn, a.RecordedBy, a.RecordedAt, a.DoneBy)));
        Assert.Equal(["Update the chronology.", "Hold a core group."], audit.Actions.Select(a => a.Action));
        Assert.Equal(["W1", "TM1"], audit.Actions.Select(a => a.Owner));
        Assert.Equal([new LocalDate(2025, 3, 15), new LocalDate(2025, 3, 20)], audit.Actions.Select(a => a.Due));

        var c1 = await Casework.AuditsAsync("standard:C001");
        Assert.Equal([earlier.Id, audit.Id], c1.Select(a => a.Id));
        AssertSame(audit, c1[1]);
        AssertSame(earlier, c1[0]);

        var all = await Casework.AuditsAsync(null);
        Assert.Equal([earlier.Id, audit.Id, bare.Id], all.Select(a => a.Id));
        AssertSame(bare, all[2]);
        Assert.Null(all[2].Grade);
        Assert.Empty(all[2].Actions);
        Assert.Empty(await Casework.AuditsAsync("standard:C404"));
    }

    [Fact]
    public async Task MarkActionDone_ForTheRightChildOnly()
    {
        var audit = await Casework.RecordAuditAsync("standard:C001", new LocalDate(2025, 3, 1), "good",
            [("Update the chronology.", "W1", new LocalDate(2025, 3, 15)), ("Hold a core group.", "TM1", new LocalDate(2025, 3, 20))],
            "auditor.one", Morning);
        var other = await Casework.RecordAuditAsync("standard:C002", new LocalDate(2025, 3, 1), "good",
            [("Visit.", "W2", new LocalDate(2025, 3, 8))], "auditor.one", Morning);
        var action = audit.Actions[0];
        var before = await Casework.AuditsAsync(null);

        Assert.False(await Casework.MarkActionDoneAsync("standard:C002", action.Id, new LocalDate(2025, 3, 10), "intruder", Morning));
        Assert.False(await Casework.MarkActionDoneAsync("standard:C001", other.Actions[0].Id, new LocalDate(2025, 3, 10), "intruder", Morning));
        Assert.False(await Casework.MarkActionDoneAsync("standard:C001", 987654321, new LocalDate(2025, 3, 10), "intruder", Morning));
        var unchanged = await Casework.AuditsAsync(null);
        Assert.Equal(before.Count, unchanged.Count);
        for (var i = 0; i < before.Count; i++)
        {
            AssertSame(before[i], unchanged[i]);
        }

        Assert.True(await Casework.MarkActionDoneAsync("standard:C001", action.Id, new LocalDate(2025, 3, 10), "worker.one", Morning + Duration.FromDays(7)));
        var done = (await Casework.AuditsAsync("standard:C001")).Single().Actions;
        Assert.Equal((new LocalDate(2025, 3, 10), "worker.one", Morning + Duration.FromDays(7)), (done[0].DoneOn, done[0].DoneBy, done[0].DoneRecordedAt));
        Assert.Null(done[1].DoneOn);
        Assert.Null((await Casework.AuditsAsync("standard:C002")).Single().Actions[0].DoneOn);
    }

    [Fact]
    public async Task AccessLog_NewestFirst_FilteredByChild()
    {
        AccessEntry[] entries =
        [
            new("worker.one", "standard:C001", Morning, "child page"),
            new("worker.two", "standard:C002", Morning + Duration.FromMinutes(1), "child page"),
            new("manager.one", "standard:C001", Morning + Duration.FromMinutes(3), "audit form"),
            new("worker.one", "standard:C001", Morning + Duration.FromMinutes(2), "child page"),
            new("worker.two", "standard:C001", Morning + Duration.FromMinutes(3), "child page"),
        ];
        foreach (var entry in entries)
        {
            await Casework.LogAccessAsync(entry);
        }

        // Same instant: the one recorded last comes first.
        Assert.Equal([entries[4], entries[2], entries[3], entries[1], entries[0]], await Casework.AccessLogAsync(null, 10));
        Assert.Equal([entries[4], entries[2], entries[3], entries[0]], await Casework.AccessLogAsync("standard:C001", 10));
        Assert.Equal([entries[4], entries[2]], await Casework.AccessLogAsync("standard:C001", 2));
        Assert.Equal([entries[1]], await Casework.AccessLogAsync("standard:C002", 10));
        Assert.Empty(await Casework.AccessLogAsync("standard:C404", 10));
        Assert.Empty(await Casework.AccessLogAsync(null, 0));
    }

    [Fact]
    public async Task AccessLog_IsAppendOnly_TheDatabaseRefusesUpdatesAndDeletes()
    {
        await Casework.LogAccessAsync(new AccessEntry("worker.one", "standard:C001", Morning, "child page"));
        List<string> refused = ["UPDATE cc_access_log SET user_name = 'someone.else'", "DELETE FROM cc_access_log"];
        if (kind == StoreKind.Postgres)
        {
            refused.Add("TRUNCATE cc_access_log");
        }

        foreach (var sql in refused)
        {
            var e = await Assert.ThrowsAnyAsync<DbException>(() => _db.QueryAsync(sql, r => r));
            Assert.Contains("append-only", e.Message, StringComparison.Ordinal);
        }

        Assert.Equal([new AccessEntry("worker.one", "standard:C001", Morning, "child page")], await Casework.AccessLogAsync(null, 10));
    }

    [Fact]
    public async Task TeamRuleCounts_EqualCountsOfTheRowsSaved_NewestScansByAsOf()
    {
        // Two scans over two teams (and rows with no team); in the second, mosaic failed and its rows are stale but counted.
        List<string?[]> first =
        [
            Visits(), Assessment(),
            Row("cp-visits", "met", "C003", "2025-02-10", "V3", team: "T2"),
            Row("cp-visits", "overdue", "C004", "2025-02-10", "V4", team: "T2", asOf: "2025-03-01"),
            Row("cp-visits", "overdue", "C005", "2025-02-11", "V5", team: "T2", asOf: "2025-03-01"),
            Row("allocation", "missing-data", "C006", null, "R6", team: null),
            Row("allocation", "met", "M1", "2025-02-01", "MR1", source: "mosaic", team: "T2"),
            Row("allocation", "met", "M2", "2025-02-02", "MR2", source: "mosaic", team: "T2"),
        ];
        List<string?[]> second =
        [
            Visits("late"), Assessment(),
            Row("cp-visits", "overdue", "C004", "2025-02-10", "V4", team: "T2", asOf: "2025-03-02"),
            Row("allocation", "met", "M1", "2025-02-01", "MR1", source: "mosaic", team: "T2"),
            Row("allocation", "met", "M2", "2025-02-02", "MR2", source: "mosaic", team: "T2"),
            Row("allocation", "overdue", "M3", "2025-02-02", "MR3", source: "mosaic", team: "T1", asOf: "2025-03-02"),
        ];
        var s1 = await Store.SaveScanAsync(Scan("2025-03-01", null, "standard", "mosaic"), first);
        var s2 = await Store.SaveScanAsync(Scan("2025-03-02", null, "standard", "mosaic=failed"), second);
        Assert.Contains(await Store.FindingsAsync(s2.ScanId, new FindingQuery()), f => f.Stale);

        var expected = Expected(s1, first).Concat(Expected(s2, second)).ToList();
        Assert.Equal(expected, await Casework.TeamRuleCountsAsync(2));
        Assert.Equal(expected, await Casework.TeamRuleCountsAsync(10));
        Assert.Equal(Expected(s2, second), await Casework.TeamRuleCountsAsync(1));
        Assert.Empty(await Casework.TeamRuleCountsAsync(0));
        Assert.Equal(2, (await Casework.TeamRuleCountsAsync(2)).Single(c => c.ScanId == s1.ScanId && c.Team == "T2" && c.RuleId == "cp-visits" && c.Status == "overdue").Count);

        // A manual scan for an earlier date, saved last: among the newest two, ordered by as-of.
        List<string?[]> rerun = [Visits(), Row("cp-visits", "met", "C003", "2025-02-10", "V3", team: "T2")];
        var s0 = await Store.SaveScanAsync(Scan("2025-02-28"), rerun);
        Assert.Equal(Expected(s0, rerun).Concat(Expected(s2, second)), await Casework.TeamRuleCountsAsync(2));
    }

    [Fact]
    public async Task TeamRuleCounts_LeaveOutScansWhoseFindingsRetentionDeleted()
    {
        var store = _db.OpenAnother(keepScans: 2);
        var s1 = await store.SaveScanAsync(Scan("2025-03-01"), [Visits(), Assessment()]);
        var s2 = await store.SaveScanAsync(Scan("2025-03-02"), [Visits()]);
        var s3 = await store.SaveScanAsync(Scan("2025-03-03"), [Visits("late"), Assessment()]);

        var counts = await Casework.TeamRuleCountsAsync(5);
        Assert.Equal([s2.ScanId, s3.ScanId], counts.Select(c => c.ScanId).Distinct());
        Assert.DoesNotContain(counts, c => c.ScanId == s1.ScanId);
        Assert.Equal(3, counts.Sum(c => c.Count));
    }

    [Fact]
    public void AddStorage_RegistersTheCaseworkStore_AsTheSameInstance()
    {
        var services = new ServiceCollection().AddStorage(new ConfigurationBuilder().Build(), _db.Folder);
        var provider = new OneStore(Store);
        var casework = services.Single(d => d.ServiceType == typeof(ICaseworkStore)).ImplementationFactory!(provider);
        var scans = services.Single(d => d.ServiceType == typeof(IScanStore)).ImplementationFactory!(provider);
        Assert.Same(Store, casework);
        Assert.Same(scans, casework);
        Assert.Equal(ServiceLifetime.Singleton, services.Single(d => d.ServiceType == typeof(ICaseworkStore)).Lifetime);
    }

    /// <summary>The counts a GROUP BY must give, computed from the rows as saved, in the store's order.</summary>
    private static IEnumerable<TeamRuleCount> Expected(StoredScan scan, IEnumerable<string?[]> rows) =>
        rows.GroupBy(r => (Team: string.IsNullOrEmpty(r[FindingColumns.Team]) ? null : r[FindingColumns.Team], Rule: r[FindingColumns.RuleId]!,
                Status: r[FindingColumns.Status]!))
            .OrderBy(g => g.Key.Team is null ? 1 : 0).ThenBy(g => g.Key.Team, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Rule, StringComparer.Ordinal).ThenBy(g => g.Key.Status, StringComparer.Ordinal)
            .Select(g => new TeamRuleCount(scan.ScanId, scan.AsOf, g.Key.Team, g.Key.Rule, g.Key.Status, g.Count()));

    private static void AssertSame(RecordedAudit expected, RecordedAudit actual)
    {
        Assert.Equal(expected with { Actions = NoActions }, actual with { Actions = NoActions });
        Assert.Equal(expected.Actions, actual.Actions);
    }

    /// <summary>Resolves the one store the registrations forward to, as the container would.</summary>
    private sealed class OneStore(SqlScanStore store) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(SqlScanStore) ? store : null;
    }
}

/// <summary><see cref="CaseworkTests"/> on SQLite.</summary>
public sealed class SqliteCaseworkTests() : CaseworkTests(StoreKind.Sqlite);

/// <summary><see cref="CaseworkTests"/> on PostgreSQL.</summary>
public sealed class PostgresCaseworkTests() : CaseworkTests(StoreKind.Postgres);

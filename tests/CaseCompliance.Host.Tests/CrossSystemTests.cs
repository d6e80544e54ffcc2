using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CaseCompliance.Host.Tests;

/// <summary>
/// The four bundled samples hold the same children and events in four systems' layouts: scanned from their folders,
/// and served as table pages over HTTP, they must give the same findings (up to the source prefix of the ids).
/// </summary>
public sealed class CrossSystemTests : IDisposable
{
    private const string AsOf = "2026-11-20";
    private readonly WireMockServer _server = WireMockServer.Start();

    public void Dispose() => _server.Stop();

    public static TheoryData<string> Systems => new() { "liquidlogic", "mosaic", "carefirst" };

    /// <summary>What must agree: rule, status, child, episode, anchor, due and completed dates, days late.</summary>
    private static List<string> Comparable(string outDir, string kind) =>
        CsvFile.Read(Path.Combine(outDir, "findings.csv")).Rows
            .Select(r => string.Join('|', r["rule_id"], r["status"], Unprefix(r["child_id"], kind), Unprefix(r["episode_id"], kind),
                r["anchor_date"], r["due_date"], r["completed_date"], r["days_late"], r["working_days_late"]))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Unprefix(string id, string kind) =>
        id == "" ? "" : id.StartsWith(kind + ":", StringComparison.Ordinal) ? id[(kind.Length + 1)..] : throw new Xunit.Sdk.XunitException($"{id} lacks the {kind}: prefix");

    private static List<string> Scan(TempFolder tmp, string kind, string location)
    {
        var outDir = tmp.File($"out-{kind}-{Guid.NewGuid():N}");
        var result = Cli.Run(tmp.Path, "scan", "--config", Fixtures.Config(tmp), "--source", $"{kind}={location}", "--as-of", AsOf,
            "--out", outDir, "--no-store");
        Assert.True(result.ExitCode == 0, $"{kind} at {location}: exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Single(File.ReadAllLines(Path.Combine(outDir, "rejected.csv")));
        return Comparable(outDir, kind);
    }

    private static void AssertSame(List<string> expected, List<string> actual, string what)
    {
        var missing = expected.Except(actual).Take(5).ToList();
        var extra = actual.Except(expected).Take(5).ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"{what}: {expected.Count} vs {actual.Count} findings\nmissing: {string.Join("\n  ", missing)}\nextra: {string.Join("\n  ", extra)}");
    }

    [Theory]
    [MemberData(nameof(Systems))]
    public void SampleFolder_GivesTheSameFindingsAsTheStandardSample(string kind)
    {
        using var tmp = new TempFolder();
        var standard = Scan(tmp, "standard", Path.Combine(Cli.RepoRoot, "samples", "standard"));
        Assert.True(standard.Count > 500);
        AssertSame(standard, Scan(tmp, kind, Path.Combine(Cli.RepoRoot, "samples", kind)), $"{kind} folder");
    }

    [Theory]
    [InlineData("standard")]
    [MemberData(nameof(Systems))]
    public void SampleOverHttp_GivesTheSameFindingsAsItsFolder(string kind)
    {
        using var tmp = new TempFolder();
        var folder = Path.Combine(Cli.RepoRoot, "samples", kind);
        var pages = Serve(kind, folder, pageSize: 37);
        var fromFolder = Scan(tmp, kind, folder);
        var overHttp = Scan(tmp, kind, $"{_server.Url}/{kind}");
        AssertSame(fromFolder, overHttp, $"{kind} over HTTP");

        // Every page of every table was asked for, and nothing else but the 404s for tables a layout lacks.
        var asked = _server.LogEntries.Where(e => e.ResponseMessage!.StatusCode is 200).Select(e => e.RequestMessage!.Path + "?" + e.RequestMessage.Query!["page"].Single()).ToHashSet();
        Assert.True(pages.All(asked.Contains), $"{pages.Count(p => !asked.Contains(p))} pages never read");
    }

    [Fact]
    public void OverHttp_BadRowsAreRejectedWithUrlPageAndRow_AndARefusedSourceFailsAlone()
    {
        using var tmp = new TempFolder();
        using var extract = Fixtures.WorkedExample()
            .Add("ssd_cp_visits", ("cppv_cp_visit_id", "V1"), ("cppv_person_id", "C1"), ("cppv_cp_plan_id", "CP1"), ("cppv_cp_visit_date", "2025-04-15"), ("cppv_cp_visit_seen", "Y"))
            .Add("ssd_cp_visits", ("cppv_cp_visit_id", "V2"), ("cppv_person_id", "C1"), ("cppv_cp_plan_id", "CP1"), ("cppv_cp_visit_date", "2025-04-31"));
        Serve("good", extract.Write(), pageSize: 1);
        _server.Given(Request.Create().WithPath("/locked/tables/*").UsingGet()).RespondWith(Response.Create().WithStatusCode(401));
        var config = Fixtures.Config(tmp, new Dictionary<string, string> { ["good"] = $"{_server.Url}/good", ["locked"] = $"{_server.Url}/locked" });

        var result = Cli.Run(tmp.Path, "scan", "--config", config, "--as-of", "2025-04-20", "--out", tmp.File("out"), "--no-store");

        Assert.Equal(3, result.ExitCode);
        var rejected = Assert.Single(CsvFile.Read(tmp.File("out/rejected.csv")).Rows);
        Assert.Equal($"{_server.Url}/good/tables/ssd_cp_visits", rejected["file"]);
        Assert.Equal("page 2 row 1", rejected["line"]);
        Assert.Equal("cppv_cp_visit_date", rejected["field"]);
        Assert.Equal("V2", rejected["record_id"]);
        using var summary = JsonDocument.Parse(File.ReadAllText(tmp.File("out/summary.json")));
        var sources = summary.RootElement.GetProperty("sources").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.Equal("ok", sources["good"].GetProperty("status").GetString());
        Assert.Equal("failed", sources["locked"].GetProperty("status").GetString());
        Assert.Contains("HTTP 401", sources["locked"].GetProperty("reason").GetString());
        Assert.Contains(CsvFile.Read(tmp.File("out/findings.csv")).Rows, f => f["child_id"] == "good:C1" && f["rule_id"] == "cp-visits" && f["status"] == "met");
    }

    /// <summary>Serves each CSV of the folder as JSON pages (empty fields as null) at /{kind}/tables/{table}.</summary>
    private List<string> Serve(string kind, string folder, int pageSize)
    {
        var served = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.csv"))
        {
            var table = Path.GetFileNameWithoutExtension(file);
            var (header, rows) = CsvFile.Read(file);
            var pageCount = Math.Max(1, (rows.Count + pageSize - 1) / pageSize);
            for (var page = 1; page <= pageCount; page++)
            {
                var body = JsonSerializer.Serialize(new
                {
                    rows = rows.Skip((page - 1) * pageSize).Take(pageSize)
                        .Select(r => header.ToDictionary(h => h, h => r[h] == "" ? null : r[h])),
                    nextPage = page < pageCount ? page + 1 : (int?)null,
                });
                var path = $"/{kind}/tables/{table}";
                _server.Given(Request.Create().WithPath(path).WithParam("page", page.ToString()).UsingGet())
                    .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
                served.Add($"{path}?{page}");
            }
        }

        return served;
    }
}

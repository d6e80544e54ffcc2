using System.Text.Json;
using System.Xml.Linq;
using CaseCompliance.Host.Tests;

namespace CaseCompliance.Generation.Tests;

/// <summary>
/// The CIN census end to end through the real executable: 2,500 generated children written as a census
/// (<c>generate --format cin-census</c>) and as the standard format from the same seed, scanned with
/// <c>scan --source cin-census=FILE.xml</c>: findings equal expected.csv and the standard format's on the rules the
/// census carries, every other rule is not applicable; and the same census deliberately damaged (the DfE's test files'
/// kinds of inconsistency) has every unusable element in rejected.csv while the rest of it scans as before.
/// </summary>
public sealed class CinCensusCaseloadTests(CinCensusCaseloadTests.Caseload caseload) : IClassFixture<CinCensusCaseloadTests.Caseload>
{
    private const string AsOf = "2026-11-20";
    private const string Kind = "cin-census";

    /// <summary>The rules the census carries exactly.</summary>
    private static readonly HashSet<string> Carried =
        ["strategy-discussion", "assessment-timescale", "assessment-review-point", "icpc-timescale", "cp-review-conference"];

    /// <summary>Generates both formats once and scans each once.</summary>
    public sealed class Caseload : IDisposable
    {
        private readonly TempFolder _tmp = new();
        private readonly Dictionary<string, Scanned> _scans = [];

        public Caseload()
        {
            Config = Fixtures.Config(_tmp);
            foreach (var format in new[] { Kind, "standard" })
            {
                var result = Cli.Run(_tmp.Path, "generate", "--config", Config, "--children", "2500", "--seed", "20261202",
                    "--format", format, "--as-of", AsOf, "--out", _tmp.File(format));
                Assert.True(result.ExitCode == 0, $"generate {format}: exit {result.ExitCode}\n{result.Stderr}");
            }
        }

        public string Config { get; }

        public string Census => Path.Combine(_tmp.File(Kind), "cin-census.xml");

        public string Folder(string format) => _tmp.File(format);

        public string File(string name) => _tmp.File(name);

        public Scanned Scan(string kind, string location)
        {
            lock (_scans)
            {
                if (!_scans.TryGetValue($"{kind}={location}", out var scan))
                {
                    var outDir = _tmp.File("out-" + Guid.NewGuid().ToString("N"));
                    var result = Cli.Run(_tmp.Path, "scan", "--config", Config, "--source", $"{kind}={location}", "--as-of", AsOf,
                        "--out", outDir, "--no-store");
                    _scans[$"{kind}={location}"] = scan = new Scanned(result, outDir);
                }

                return scan;
            }
        }

        public void Dispose() => _tmp.Dispose();
    }

    public sealed record Scanned(Cli.Result Result, string OutDir)
    {
        public List<Dictionary<string, string>> Findings => CsvFile.Read(Path.Combine(OutDir, "findings.csv")).Rows;

        public List<Dictionary<string, string>> Rejected => CsvFile.Read(Path.Combine(OutDir, "rejected.csv")).Rows;

        public JsonElement Source(string name)
        {
            using var summary = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(OutDir, "summary.json")));
            return summary.RootElement.GetProperty("sources").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name).Clone();
        }
    }

    private static string Comparable(Dictionary<string, string> r, string kind) =>
        string.Join('|', r["rule_id"], r["status"], Unprefix(r["child_id"], kind), r["anchor_date"], r["due_date"], r["completed_date"],
            r["days_late"], r["working_days_late"]);

    private static string Unprefix(string id, string kind) =>
        id.StartsWith(kind + ":", StringComparison.Ordinal) ? id[(kind.Length + 1)..] : throw new Xunit.Sdk.XunitException($"{id} lacks {kind}:");

    private static void AssertSame(IEnumerable<string> expected, IEnumerable<string> actual, string what)
    {
        var e = expected.Order(StringComparer.Ordinal).ToList();
        var a = actual.Order(StringComparer.Ordinal).ToList();
        Assert.True(e.SequenceEqual(a), $"{what}: {e.Count} vs {a.Count}\nmissing: {string.Join("\n  ", e.Except(a).Take(5))}\nextra: {string.Join("\n  ", a.Except(e).Take(5))}");
    }

    [Fact]
    public void GeneratedCensus_FindingsEqualExpectedAndTheStandardFormat_OnTheRulesItCarries()
    {
        var census = caseload.Scan(Kind, caseload.Census);
        Assert.True(census.Result.ExitCode is 0 or 3, $"scan: exit {census.Result.ExitCode}\n{census.Result.Stderr}");
        Assert.Equal("ok", census.Source(Kind).GetProperty("status").GetString());
        var findings = census.Findings;
        Assert.True(findings.Count > 5_000, $"{findings.Count} findings");

        // expected.csv: exactly the carried rules' findings, each with planted breaches.
        var expected = CsvFile.Read(Path.Combine(caseload.Folder(Kind), "expected.csv")).Rows;
        Assert.Equal(Carried.Order(), expected.Select(r => r["rule_id"]).Distinct().Order());
        static string Key(Dictionary<string, string> r) => string.Join('|', r["rule_id"], r["child_id"], r["due_date"], r["status"]);
        AssertSame(expected.Select(Key), findings.Where(f => Carried.Contains(f["rule_id"])).Select(Key), "expected.csv vs findings");
        foreach (var rule in Carried)
        {
            Assert.Contains(expected, r => r["rule_id"] == rule && r["status"] is "late" or "overdue" or "missing-data");
        }

        // The standard format of the same children: the same findings on those rules (episode ids differ by design).
        var standard = caseload.Scan("standard", caseload.Folder("standard"));
        Assert.True(standard.Result.ExitCode is 0 or 3, standard.Result.Stderr);
        AssertSame(standard.Findings.Where(f => Carried.Contains(f["rule_id"])).Select(f => Comparable(f, "standard")),
            findings.Where(f => Carried.Contains(f["rule_id"])).Select(f => Comparable(f, Kind)), "standard vs census");

        // Nothing the census does not carry is judged: not applicable (key-information is checked in part).
        Assert.All(findings.Where(f => !Carried.Contains(f["rule_id"]) && f["rule_id"] != "key-information"),
            f => Assert.Equal("not-applicable", f["status"]));
        Assert.DoesNotContain(findings, f => f["rule_id"] == "key-information" && f["detail"].Contains("surname", StringComparison.Ordinal));

        // The only rejections are the generator's planted impossible assessment starts.
        Assert.All(census.Rejected, r => Assert.Equal(("cin-census.xml", "AssessmentActualStartDate"), (r["file"], r["field"])));
    }

    /// <summary>Where a rejection is expected: the row element's indexed path and the field.</summary>
    private static string PathOf(XElement e)
    {
        var parts = new List<string>();
        for (var x = e; x.Name.LocalName != "Children"; x = x.Parent!)
        {
            parts.Insert(0, $"{x.Name.LocalName}[{x.ElementsBeforeSelf(x.Name).Count() + 1}]");
        }

        return string.Join('/', parts);
    }

    /// <summary>The id a record has in findings: its path from the child's LAchildID (<c>C000123/CINdetails[1]/Assessments[1]</c>).</summary>
    private static string EpisodeId(XElement e)
    {
        var path = PathOf(e);
        return e.AncestorsAndSelf("Child").Single().Descendants("LAchildID").Single().Value + path[path.IndexOf('/', StringComparison.Ordinal)..];
    }

    private static readonly string[] RowPaths =
    [
        "ChildCharacteristics/Disabilities/Disability", "CINdetails", "CINdetails/Section47", "CINdetails/Assessments",
        "CINdetails/CINPlanDates", "CINdetails/ChildProtectionPlans", "CINdetails/ChildProtectionPlans/Reviews/CPPreviewDate",
    ];

    /// <summary>Every row element of a child: each is rejected when the child cannot be used.</summary>
    private static IEnumerable<XElement> Rows(XElement child) => RowPaths.SelectMany(p =>
        p.Split('/').Aggregate((IEnumerable<XElement>)[child], (at, name) => at.Elements(name)));

    private static string Date(XElement e, string name) => e.Element(name)!.Value;

    private static string Shift(string date, int days) => NodaTime.LocalDate.FromDateTime(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).PlusDays(days).ToString("yyyy-MM-dd", null);

    [Fact]
    public void InconsistentCensus_EveryUnusableElementIsInRejected_AndTheRestScansAsBefore()
    {
        var clean = caseload.Scan(Kind, caseload.Census);
        var cleanRejected = clean.Rejected.Select(r => $"{r["line"]} {r["field"]}").ToList();
        var avoid = cleanRejected.Select(l => l.Split('/')[0]).ToHashSet();

        var doc = XDocument.Load(caseload.Census);
        var children = doc.Root!.Element("Children")!.Elements("Child").ToList();
        var used = new HashSet<XElement>();
        var predicted = new List<string>();
        var damagedIds = new HashSet<string>();
        var openAssessments = new List<string>();

        // The first child not yet damaged (and without planted rejections) that has what the damage needs.
        T Pick<T>(Func<XElement, T?> find)
            where T : class
        {
            foreach (var child in children)
            {
                if (!used.Contains(child) && !avoid.Contains(PathOf(child)) && find(child) is { } found)
                {
                    used.Add(child);
                    damagedIds.Add(child.Descendants("LAchildID").Single().Value);
                    return found;
                }
            }

            throw new InvalidOperationException("no child to damage");
        }

        // An authorisation before the assessment start: the assessment stays open.
        var a = Pick(c => c.Descendants("Assessments").FirstOrDefault(x => x.Element("AssessmentAuthorisationDate") is not null));
        a.Element("AssessmentAuthorisationDate")!.Value = Shift(Date(a, "AssessmentActualStartDate"), -5);
        predicted.Add($"{PathOf(a)} AssessmentAuthorisationDate");
        openAssessments.Add(EpisodeId(a));

        // A garbled authorisation date: the assessment stays open too.
        var g = Pick(c => c.Descendants("Assessments").FirstOrDefault(x => x.Element("AssessmentAuthorisationDate") is not null));
        g.Element("AssessmentAuthorisationDate")!.Value = "2025-02-29";
        predicted.Add($"{PathOf(g)} AssessmentAuthorisationDate");
        openAssessments.Add(EpisodeId(g));

        // A CP plan ending before it starts.
        var p = Pick(c => c.Descendants("ChildProtectionPlans").FirstOrDefault(x => x.Element("CPPendDate") is not null));
        p.Element("CPPendDate")!.Value = Shift(Date(p, "CPPstartDate"), -10);
        predicted.Add($"{PathOf(p)} CPPendDate");

        // A review before the plan started.
        var r = Pick(c => c.Descendants("CPPreviewDate").FirstOrDefault());
        r.Value = Shift(Date(r.Parent!.Parent!, "CPPstartDate"), -30);
        predicted.Add($"{PathOf(r)} CPPreviewDate");

        // A placeholder year (1900) for a referral date; dates decades apart; a date not in yyyy-MM-dd form.
        var d = Pick(c => c.Elements("CINdetails").FirstOrDefault());
        d.Element("CINreferralDate")!.Value = "1900-01-01";
        predicted.Add($"{PathOf(d)} CINreferralDate");
        var b = Pick(c => c.Element("ChildIdentifiers")!.Element("PersonBirthDate"));
        b.Value = "1965-03-27";
        predicted.Add($"{PathOf(b.Parent!.Parent!)} ChildIdentifiers/PersonBirthDate");
        var s = Pick(c => c.Descendants("Section47").FirstOrDefault());
        var start = Date(s, "S47ActualStartDate");
        s.Element("S47ActualStartDate")!.Value = $"{start[8..10]}/{start[5..7]}/{start[..4]}";
        predicted.Add($"{PathOf(s)} S47ActualStartDate");

        // Unknown flag text; an initial conference date with no Section47.
        var f = Pick(c => c.Elements("CINdetails").FirstOrDefault());
        f.Element("ReferralNFA")!.Value = "maybe";
        predicted.Add($"{PathOf(f)} ReferralNFA");
        var i = Pick(c => c.Elements("CINdetails").FirstOrDefault(x => x.Element("Section47") is null && x.Element("DateOfInitialCPC") is null));
        i.Element("CINreferralDate")!.AddAfterSelf(new XElement("DateOfInitialCPC", Date(i, "CINreferralDate")));
        predicted.Add($"{PathOf(i)} DateOfInitialCPC");

        // A Child without LAchildID, and a Child with another's LAchildID: each element of them is rejected.
        var n = Pick(c => c.Elements("CINdetails").Count() > 1 ? c : null);
        n.Descendants("LAchildID").Single().Remove();
        predicted.Add($"{PathOf(n)} ChildIdentifiers/LAchildID");
        predicted.AddRange(Rows(n).Select(e => $"{PathOf(e)} child"));
        var first = Pick(c => c.Descendants("Assessments").Any() ? c : null);
        var second = Pick(c => children.IndexOf(c) > children.IndexOf(first) && c.Descendants("ChildProtectionPlans").Any() ? c : null);
        second.Descendants("LAchildID").Single().Value = first.Descendants("LAchildID").Single().Value;
        predicted.Add($"{PathOf(second)} ChildIdentifiers/LAchildID");
        predicted.AddRange(Rows(second).Select(e => $"{PathOf(e)} child"));

        var damagedFile = caseload.File("damaged-cin-census.xml");
        doc.Save(damagedFile);
        var damaged = caseload.Scan(Kind, damagedFile);

        Assert.True(damaged.Result.ExitCode == 3, $"exit {damaged.Result.ExitCode}\n{damaged.Result.Stderr}");
        Assert.Equal("ok", damaged.Source(Kind).GetProperty("status").GetString());
        var rejected = damaged.Rejected;
        Assert.All(rejected, x => Assert.Equal((Kind, "damaged-cin-census.xml"), (x["source"], x["file"])));
        AssertSame(cleanRejected.Concat(predicted), rejected.Select(x => $"{x["line"]} {x["field"]}"), "rejected.csv (line field)");

        // The rest of the return scans exactly as before.
        static bool Keep(Dictionary<string, string> x, HashSet<string> ids) => !ids.Contains(Unprefix(x["child_id"], Kind));
        AssertSame(clean.Findings.Where(x => Keep(x, damagedIds)).Select(x => Comparable(x, Kind)),
            damaged.Findings.Where(x => Keep(x, damagedIds)).Select(x => Comparable(x, Kind)), "undamaged children's findings");

        // A rejected completion never makes an assessment look done.
        foreach (var id in openAssessments)
        {
            var finding = damaged.Findings.Single(x => x["rule_id"] == "assessment-timescale" && x["episode_id"] == $"{Kind}:{id}");
            Assert.Equal("", finding["completed_date"]);
            Assert.DoesNotContain(finding["status"], new[] { "met", "late" });
        }
    }

    [Fact]
    public void CheckConfig_ReadsAConfiguredCensus()
    {
        using var tmp = new TempFolder();
        var config = Fixtures.Config(tmp, edit: root => root["Sources"] = new System.Text.Json.Nodes.JsonObject
        {
            ["census"] = new System.Text.Json.Nodes.JsonObject { ["Kind"] = Kind, ["Location"] = caseload.Census },
        });

        var result = Cli.Run(tmp.Path, "check-config", "--config", config);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains($"cin-census at {caseload.Census}:", result.Stdout);
        Assert.Contains("WARN  Sources:census: cin-census.xml AssessmentActualStartDate", result.Stdout);
    }

    [Fact]
    public void BadlyFormedCensus_OrAFolder_FailsTheSourceWithAClearMessage()
    {
        var text = File.ReadAllText(caseload.Census);
        var broken = caseload.File("broken.xml");
        File.WriteAllText(broken, text[..(text.Length / 2)]);

        var scan = caseload.Scan(Kind, broken);

        Assert.Equal(3, scan.Result.ExitCode);
        var source = scan.Source(Kind);
        Assert.Equal("failed", source.GetProperty("status").GetString());
        Assert.Matches(@"broken\.xml: not well-formed XML .*line \d+, position \d+", source.GetProperty("reason").GetString());
        Assert.Empty(scan.Findings);

        var folder = caseload.Scan(Kind, caseload.Folder("standard"));
        Assert.Equal(3, folder.Result.ExitCode);
        Assert.Contains("reads one file", folder.Source(Kind).GetProperty("reason").GetString());
    }
}

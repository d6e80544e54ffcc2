using System.Text.Json;

namespace CaseCompliance.Host.Tests;

/// <summary>
/// The SSDA903 return through the real executable: a generated return (the same children as a generated standard
/// extract of the same seed) scanned from its CSV folder and from its XML file gives the findings its expected.csv
/// lists and the standard format's findings on <c>lac-review</c>; <c>lac-visits</c> is not applicable for every child;
/// and a deliberately inconsistent return has every unusable row in rejected.csv while the other children are scanned.
/// </summary>
public sealed class Ssda903EndToEndTests(Ssda903EndToEndTests.Returns returns) : IClassFixture<Ssda903EndToEndTests.Returns>
{
    public const string AsOf = "2026-11-20";

    /// <summary>One generation per format (same seed) and one scan per location, shared by the tests.</summary>
    public sealed class Returns : IDisposable
    {
        private readonly TempFolder _tmp = new();
        private readonly Dictionary<string, Scan> _scans = [];

        public Returns()
        {
            // The generated return holds every review since its history began, but its earliest review (early April
            // 2021) would make the adapter infer reviews recorded from 1 April 2021 and judge a period begun in
            // March 2021 only from then: a site whose file holds everything says so with ReviewsFrom.
            Config = Fixtures.Config(_tmp, edit: root => root["Sources"]!["ssda903"] = new System.Text.Json.Nodes.JsonObject
            {
                ["Kind"] = "ssda903",
                ["Location"] = "samples/ssda903",
                ["Enabled"] = false,
                ["ReviewsFrom"] = "2000-04-01",
            });
            var inferred = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Config))!.AsObject();
            inferred["Sources"]!.AsObject().Remove("ssda903");
            InferredConfig = _tmp.File("appsettings-inferred.json");
            File.WriteAllText(InferredConfig, inferred.ToJsonString());
            foreach (var format in new[] { "standard", "ssda903" })
            {
                var result = Cli.Run(_tmp.Path, "generate", "--config", Config, "--children", "2500", "--seed", "903",
                    "--format", format, "--as-of", AsOf, "--out", _tmp.File(format));
                Assert.True(result.ExitCode == 0, $"generate {format}: exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
            }
        }

        public string Config { get; }

        /// <summary>The configuration without <c>ReviewsFrom</c>: the adapter infers it from the file.</summary>
        public string InferredConfig { get; }

        public TempFolder Tmp => _tmp;

        public string Folder(string format) => _tmp.File(format);

        public List<Dictionary<string, string>> Expected => CsvFile.Read(Path.Combine(Folder("ssda903"), "expected.csv")).Rows;

        public Scan Run(string kind, string location)
        {
            lock (_scans)
            {
                if (!_scans.TryGetValue(location, out var scan))
                {
                    _scans[location] = scan = Scan.Run(_tmp, Config, kind, location);
                }

                return scan;
            }
        }

        public void Dispose() => _tmp.Dispose();
    }

    /// <summary>A scan's exit code and output files.</summary>
    public sealed record Scan(Cli.Result Result, string OutDir)
    {
        public static Scan Run(TempFolder tmp, string config, string kind, string location)
        {
            var outDir = tmp.File($"out-{kind}-{Guid.NewGuid():N}");
            return new Scan(Cli.Run(tmp.Path, "scan", "--config", config, "--source", $"{kind}={location}", "--as-of", AsOf,
                "--out", outDir, "--no-store"), outDir);
        }

        public List<Dictionary<string, string>> Findings => CsvFile.Read(Path.Combine(OutDir, "findings.csv")).Rows;

        public List<Dictionary<string, string>> Rejected => CsvFile.Read(Path.Combine(OutDir, "rejected.csv")).Rows;

        public JsonElement Source
        {
            get
            {
                using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutDir, "summary.json")));
                return summary.RootElement.GetProperty("sources")[0].Clone();
            }
        }
    }

    private static string Child(Dictionary<string, string> row) => row["child_id"][(row["child_id"].IndexOf(':') + 1)..];

    /// <summary>What must agree across formats (episode ids differ: the return has none of its own).</summary>
    private static List<string> Comparable(IEnumerable<Dictionary<string, string>> findings) =>
        [.. findings.Select(r => string.Join('|', r["rule_id"], r["status"], Child(r), r["anchor_date"], r["due_date"], r["completed_date"],
            r["days_late"], r["working_days_late"])).Order(StringComparer.Ordinal)];

    private static List<string> Keys(IEnumerable<Dictionary<string, string>> rows) =>
        [.. rows.Select(r => string.Join('|', r["rule_id"], r["child_id"], r["due_date"], r["status"])).Order(StringComparer.Ordinal)];

    private static void AssertSame(List<string> expected, List<string> actual, string what)
    {
        var missing = expected.Except(actual).Take(5).ToList();
        var extra = actual.Except(expected).Take(5).ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"{what}: {expected.Count} vs {actual.Count}\nmissing: {string.Join("\n  ", missing)}\nextra: {string.Join("\n  ", extra)}");
    }

    public static TheoryData<string> Locations => new() { "folder", "xml" };

    private string Location(string how) => how == "folder" ? returns.Folder("ssda903") : Path.Combine(returns.Folder("ssda903"), "ssda903.xml");

    [Theory]
    [MemberData(nameof(Locations))]
    public void GeneratedReturn_GivesItsExpectedFindings_AndTheStandardFormatsOnLacReview(string how)
    {
        var scan = returns.Run("ssda903", Location(how));

        // 3: the planted faults (placement types that are no PLACE code) are rejected fields; the scan completes.
        Assert.True(scan.Result.ExitCode is 0 or 3, $"scan: exit {scan.Result.ExitCode}\n{scan.Result.Stdout}\n{scan.Result.Stderr}");
        Assert.All(scan.Rejected, r => Assert.Equal(("PLACE", true), (r["field"], r["problem"].StartsWith("unknown code 'U7'", StringComparison.Ordinal))));
        var expected = returns.Expected;
        Assert.True(expected.Count > 1500, $"{expected.Count} expected lac-review findings");
        Assert.All(expected, r => Assert.Equal("lac-review", r["rule_id"]));
        var lacReview = scan.Findings.Where(f => f["rule_id"] == "lac-review").ToList();
        AssertSame(Keys(expected), Keys(lacReview), "expected.csv vs findings");
        Assert.Contains(lacReview, f => f["status"] == "overdue");

        var standard = returns.Run("standard", returns.Folder("standard"));
        Assert.True(standard.Result.ExitCode is 0 or 3, standard.Result.Stderr);
        AssertSame(Comparable(standard.Findings.Where(f => f["rule_id"] == "lac-review")), Comparable(lacReview), "standard vs ssda903 on lac-review");
    }

    [Theory]
    [MemberData(nameof(Locations))]
    public void NoVisitsInTheReturn_LacVisitsIsNotApplicableForEveryChild_AndNoOtherRuleFindsABreach(string how)
    {
        var scan = returns.Run("ssda903", Location(how));
        var findings = scan.Findings;
        var children = CsvFile.Read(Path.Combine(returns.Folder("ssda903"), "header.csv")).Rows.Select(r => r["CHILD"]).ToHashSet();
        Assert.True(children.Count > 300, $"{children.Count} children in the return");

        var visits = findings.Where(f => f["rule_id"] == "lac-visits").ToList();
        Assert.Equal(children.Order(), visits.Select(Child).Order());
        Assert.All(visits, f => Assert.Equal("not-applicable", f["status"]));

        // Only lac-review and key-information judge anything; key-information never asks for what the return lacks.
        Assert.All(findings.Where(f => f["rule_id"] is not ("lac-review" or "key-information")),
            f => Assert.True(f["status"] == "not-applicable", $"{f["rule_id"]} {f["status"]} for {f["child_id"]}: {f["detail"]}"));
        var keyInformation = findings.Where(f => f["rule_id"] == "key-information").ToList();
        Assert.Contains(keyInformation, f => f["status"] == "met");
        Assert.All(keyInformation, f => Assert.DoesNotContain("surname", f["detail"], StringComparison.Ordinal));
        Assert.All(keyInformation, f => Assert.DoesNotContain("address", f["detail"], StringComparison.Ordinal));
    }

    [Fact]
    public void InconsistentReturn_EveryUnusableRowIsInRejectedCsv_AndTheOtherChildrenAreScanned()
    {
        var folder = returns.Tmp.File("inconsistent-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(returns.Folder("ssda903"), "*.csv"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var firstChild = CsvFile.Read(Path.Combine(folder, "header.csv")).Rows[0];

        // (file, line, field) of every bad row appended, and the rows that are fine.
        var bad = new List<(string File, int Line, string Field)>();
        void Append(string file, string row, string? field)
        {
            var path = Path.Combine(folder, file);
            var line = File.ReadAllLines(path).Length + 1;
            File.AppendAllText(path, row + "\r\n");
            if (field is not null)
            {
                bad.Add((file, line, field));
            }
        }

        Append("header.csv", $"{firstChild["CHILD"]},2,01/01/2013,WBRI,,,", "CHILD");          // the child again
        Append("header.csv", "X1,1,01/01/2012,WBRI,,,", null);
        Append("header.csv", "X2,2,01/01/2012,WBRI,,,", null);
        Append("header.csv", "X3,3,1/1/2012,WBRI,,,", "SEX");                                  // unknown SEX; DOB not dd/MM/yyyy
        bad.Add(("header.csv", bad[^1].Line, "DOB"));

        const string Tail = ",,,,";
        Append("episodes.csv", "X1,01/04/2024,S,C1,N1,U4,,01/03/2024,X1" + Tail, "DEC");        // DEC before DECOM
        Append("episodes.csv", "X1,01/05/2024,P,ZZ,N1,U4,,,X1" + Tail, "LS");                    // unknown LS
        Append("episodes.csv", "X1,01/06/2024,Q,C1,N1,U99,,,E99" + Tail, "RNE");                 // unknown RNE, PLACE, REC
        bad.Add(("episodes.csv", bad[^1].Line, "PLACE"));
        bad.Add(("episodes.csv", bad[^1].Line, "REC"));
        Append("episodes.csv", "X1,01/01/1900,S,C1,N1,U4,,,X1" + Tail, "DECOM");                // a century early
        Append("episodes.csv", "X1,01/01/2011,S,C1,N1,U4,,,X1" + Tail, "DECOM");                // before the date of birth
        Append("episodes.csv", "X1,2024-04-31,S,C1,N1,U4,,,X1" + Tail, "DECOM");                // not a date
        Append("episodes.csv", "X9,01/04/2024,S,C1,N1,U4,,,X1" + Tail, "CHILD");                // not in header.csv
        Append("episodes.csv", "X2,01/02/2024,P,C2,N1,U4,,01/08/2024,X1" + Tail, "REC");         // care began before the return (no rejection); X1 with no later episode
        Append("episodes.csv", "X2,01/06/2024,P,C2,N1,U5,,,X1" + Tail, "DECOM");                // overlaps the one before

        Append("reviews.csv", "X1,01/01/2012,15/03/2024,PN1", "REVIEW");                      // before the period of care
        Append("reviews.csv", "X1,01/01/2012,30/02/2024,PN1", "REVIEW");                      // not a date: no review held
        Append("reviews.csv", "X2,01/01/2012,01/03/2024,PN1", null);                          // in care that began before the return: counted
        Append("sw_episodes.csv", "X1,01/01/2012,SW1,01/05/2024,01/04/2024,", "SW_DEC");       // SW_DEC before SW_DECOM
        Append("missing.csv", "X1,01/01/2012,Z,not a date,", "MIS_START");

        var scan = Scan.Run(returns.Tmp, returns.Config, "ssda903", folder);

        Assert.Equal(3, scan.Result.ExitCode);
        Assert.Equal("ok", scan.Source.GetProperty("status").GetString());
        var rejected = scan.Rejected.Select(r => (r["file"], int.Parse(r["line"], System.Globalization.CultureInfo.InvariantCulture), r["field"])).ToHashSet();
        var generated = scan.Rejected.Where(r => r["field"] == "PLACE" && r["problem"].StartsWith("unknown code 'U7'", StringComparison.Ordinal)).Count();
        Assert.All(bad, b => Assert.True(rejected.Contains(b), $"{b} is not in rejected.csv"));
        Assert.Equal(bad.Count + generated, scan.Rejected.Count);
        Assert.All(scan.Rejected, r => Assert.Equal("ssda903", r["source"]));

        // The generated children are untouched: their lac-review findings are still expected.csv's.
        var findings = scan.Findings;
        AssertSame(Keys(returns.Expected), Keys(findings.Where(f => f["rule_id"] == "lac-review" && !Child(f).StartsWith('X'))), "generated children");

        // X1: one period of care from 01/04/2024, still open; the garbled review is no review held, so the first review
        // is overdue. X2's care began before the return: a period from its first episode, judged from then (the
        // generated return's reviews go back years, so that is the later date): the review is met, the next overdue.
        var x1 = findings.Where(f => f["child_id"] == "ssda903:X1" && f["rule_id"] == "lac-review").ToList();
        var first = Assert.Single(x1);
        Assert.Equal(("overdue", "2024-04-01", "ssda903:X1/period/2024-04-01"), (first["status"], first["anchor_date"], first["episode_id"]));
        var x2 = findings.Where(f => f["child_id"] == "ssda903:X2" && f["rule_id"] == "lac-review").ToList();
        Assert.Equal(
            [("met", "2024-02-01", "2024-08-01", "2024-03-01"), ("overdue", "2024-03-01", "2024-09-01", "")],
            x2.Select(f => (f["status"], f["anchor_date"], f["due_date"], f["completed_date"])));
    }

    [Fact]
    public void TheGeneratedReturn_WithReviewsFromInferred_JudgesAPeriodBegunTheMarchBeforeItsFirstReviewFromThen()
    {
        var scan = Scan.Run(returns.Tmp, returns.InferredConfig, "ssda903", returns.Folder("ssda903"));

        // Only the periods begun before 1 April 2021 (the earliest review is in April 2021) are judged otherwise.
        var expected = Keys(returns.Expected);
        var actual = Keys(scan.Findings.Where(f => f["rule_id"] == "lac-review"));
        var changed = expected.Except(actual).Concat(actual.Except(expected)).Select(k => k.Split('|')[1]).Distinct().ToList();
        Assert.True(changed.Count <= 5, $"{changed.Count} children changed: {string.Join(", ", changed)}");
        var header = CsvFile.Read(Path.Combine(returns.Folder("ssda903"), "episodes.csv")).Rows;
        Assert.All(changed, child => Assert.Contains(header, e => $"ssda903:{e["CHILD"]}" == child && e["RNE"] == "S"
            && string.CompareOrdinal(e["DECOM"][6..] + e["DECOM"][3..5] + e["DECOM"][..2], "20210401") < 0));
    }

    [Fact]
    public void AYearlyReturn_CareBegunBeforeTheYear_IsNotLateForReviewsBeforeIt_AndNullIsNoValue()
    {
        var folder = returns.Tmp.File("year-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, "header.csv"),
            ["CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB", "A1,1,01/01/2015,WBRI,A123456789012,,", "C012,2,15/03/2012,NULL,NULL,,", "B1,m,01/01/2010,wbri,,,"]);
        File.WriteAllLines(Path.Combine(folder, "episodes.csv"),
            [
                "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN",
                "A1,01/02/2024,S,C2,N1,U4,PR1,,,,,,",
                "C012,01/06/2024,S,C2,N1,U4,PR1,NULL,NULL,,,,",
                "B1,01/05/2019,p,c2,n1,u4,PR1,,,,,,",
            ]);
        File.WriteAllLines(Path.Combine(folder, "reviews.csv"),
            ["CHILD,DOB,REVIEW,REVIEW_CODE", "A1,01/01/2015,28/05/2024,PN1", "A1,01/01/2015,20/11/2024,PN1", "B1,01/01/2010,10/07/2024,PN1"]);

        var scan = Scan.Run(returns.Tmp, returns.InferredConfig, "ssda903", folder);

        Assert.True(scan.Result.ExitCode == 0, $"scan: exit {scan.Result.ExitCode}\n{scan.Result.Stdout}\n{scan.Result.Stderr}");
        Assert.Empty(scan.Rejected);
        var lacReview = scan.Findings.Where(f => f["rule_id"] == "lac-review").ToList();
        string[] Of(string child) => [.. lacReview.Where(f => f["child_id"] == $"ssda903:{child}").Select(f => $"{f["status"]} {f["due_date"]} {f["completed_date"]}")];

        // Reviews from 1 Apr 2024 (the earliest review, 28 May 2024): A1's first review (Feb 2024) is not in the return.
        Assert.Equal(["met 2024-10-01 2024-05-28", "met 2024-11-28 2024-11-20", "overdue 2025-05-20 "], Of("A1"));

        // B1's care began before the return (lower-case codes read as theirs): judged from 1 Apr 2024.
        Assert.Equal(["met 2024-10-01 2024-07-10", "overdue 2025-01-10 "], Of("B1"));

        // NULL in ETHNIC and UPN is no value: key information is not complete; NULL in DEC and REC: care still open.
        Assert.NotEqual("met", Assert.Single(scan.Findings, f => f["child_id"] == "ssda903:C012" && f["rule_id"] == "key-information")["status"]);
        Assert.Equal("overdue", Assert.Single(lacReview, f => f["child_id"] == "ssda903:C012")["status"]);
    }

    [Fact]
    public void InconsistentXml_EveryUnusableElementIsInRejectedCsvByItsPath_AndABrokenFileFailsTheSource()
    {
        var generated = CsvFile.Read(Path.Combine(returns.Folder("ssda903"), "header.csv")).Rows.Count;
        var x1 = $"CHILD[{generated + 1}]";
        var x2 = $"CHILD[{generated + 2}]";
        var file = returns.Tmp.File($"inconsistent-{Guid.NewGuid():N}.xml");
        var text = File.ReadAllText(Path.Combine(returns.Folder("ssda903"), "ssda903.xml"));
        File.WriteAllText(file, text.Replace("</EXPSSDA903>", """
              <CHILD>
                <HEADER><CHILDID>X1</CHILDID><SEX>1</SEX><DOB>01/01/2012</DOB><ETHNIC>WBRI</ETHNIC><UPN />
                  <AREVIEW><REVIEW>15/03/2024</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
                  <AREVIEW><REVIEW>30/02/2024</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
                </HEADER>
                <EPISODE><DECOM>01/04/2024</DECOM><RNE>S</RNE><LS>C1</LS><CIN>N1</CIN><PL>U4</PL><DEC>01/03/2024</DEC><REC>X1</REC></EPISODE>
                <EPISODE><DECOM>01/05/2024</DECOM><RNE>P</RNE><LS>C1</LS><CIN>N1</CIN><PL>U4</PL><PL>U5</PL><DEC /><REC /></EPISODE>
              </CHILD>
              <CHILD>
                <HEADER><CHILDID>X2</CHILDID><SEX>2</SEX><DOB>01/01/2012</DOB><ETHNIC>WBRI</ETHNIC><UPN /></HEADER>
                <EPISODE><DECOM>01/02/2024</DECOM><RNE>L</RNE><LS>C2</LS><CIN>N1</CIN><PL>U4</PL><DEC /><REC /></EPISODE>
              </CHILD>
            </EXPSSDA903>
            """, StringComparison.Ordinal));

        var scan = Scan.Run(returns.Tmp, returns.Config, "ssda903", file);

        Assert.Equal(3, scan.Result.ExitCode);
        var rejected = scan.Rejected.Where(r => r["record_id"].StartsWith('X') || r["line"].StartsWith(x1, StringComparison.Ordinal) || r["line"].StartsWith(x2, StringComparison.Ordinal))
            .Select(r => $"{r["line"]}|{r["field"]}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                $"{x1}/EPISODE[1]|DEC",
                $"{x1}/EPISODE[2]|PLACE",
                $"{x1}/HEADER[1]/AREVIEW[1]|REVIEW",
                $"{x1}/HEADER[1]/AREVIEW[2]|REVIEW",
            ],
            rejected);
        Assert.All(scan.Rejected, r => Assert.Equal(Path.GetFileName(file), r["file"]));
        var first = Assert.Single(scan.Findings, f => f["child_id"] == "ssda903:X1" && f["rule_id"] == "lac-review");
        Assert.Equal(("overdue", "2024-04-01"), (first["status"], first["anchor_date"]));
        AssertSame(Keys(returns.Expected), Keys(scan.Findings.Where(f => f["rule_id"] == "lac-review" && !Child(f).StartsWith('X'))), "generated children");

        // A file that is not well-formed fails the source, naming line and position; nothing is judged from it.
        var broken = returns.Tmp.File($"broken-{Guid.NewGuid():N}.xml");
        File.WriteAllText(broken, text[..(text.Length / 2)]);
        var failed = Scan.Run(returns.Tmp, returns.Config, "ssda903", broken);
        Assert.Equal(3, failed.Result.ExitCode);
        Assert.Equal("failed", failed.Source.GetProperty("status").GetString());
        Assert.Matches("not well-formed XML .*at line [0-9]+, position [0-9]+", failed.Source.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("samples/ssda903")]
    [InlineData("samples/ssda903/ssda903.xml")]
    public void BundledSample_GivesTheStandardSamplesLacReviewFindings(string location)
    {
        var scan = returns.Run("ssda903", Path.Combine(Cli.RepoRoot, location));
        var standard = returns.Run("standard", Path.Combine(Cli.RepoRoot, "samples", "standard"));

        Assert.True(scan.Result.ExitCode == 0, $"scan {location}: exit {scan.Result.ExitCode}\n{scan.Result.Stdout}\n{scan.Result.Stderr}");
        Assert.Empty(scan.Rejected);
        var lacReview = Comparable(standard.Findings.Where(f => f["rule_id"] == "lac-review"));
        Assert.True(lacReview.Count >= 10, $"{lacReview.Count} lac-review findings in the standard sample");
        AssertSame(lacReview, Comparable(scan.Findings.Where(f => f["rule_id"] == "lac-review")), location);
        Assert.Equal(["met", "met", "met"], scan.Findings.Where(f => f["rule_id"] == "key-information").Select(f => f["status"]));
    }

    [Fact]
    public void AFileForAKindThatReadsFolders_FailsTheSourceSayingSo()
    {
        var scan = Scan.Run(returns.Tmp, returns.Config, "standard", Path.Combine(returns.Folder("ssda903"), "ssda903.xml"));

        Assert.Equal(3, scan.Result.ExitCode);
        Assert.Equal("failed", scan.Source.GetProperty("status").GetString());
        Assert.Contains("a file, but the standard source reads a folder of CSV files", scan.Source.GetProperty("reason").GetString());
    }
}

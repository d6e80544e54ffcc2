using CaseCompliance.Adapters.Tables;

namespace CaseCompliance.Host.Tests;

/// <summary>
/// CSV injection (OWASP): a value from an extract that begins <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage
/// return must never reach a CSV the product writes as a formula a spreadsheet would run. findings.csv,
/// exceptions.csv and rejected.csv write it after a <c>'</c> (cli-and-outputs.md, second contract); the scan history
/// keeps the value itself.
/// </summary>
public sealed class CsvInjectionTests
{
    private const string Worker = "=HYPERLINK(\"http://x.invalid\",\"open\")";
    private const string Team = "+SUM(1,2)";
    private const string Referral = "@cmd|' /C calc'!A0";
    private const string Visit = "-2+3";

    [Fact]
    public void FormulaLikeValues_AreWrittenAfterAQuote_InEveryCsvOfTheScan()
    {
        using var tmp = new TempFolder();
        using var folder = new CaseCompliance.Adapters.Tests.SsdFolder()
            .Add("ssd_person", ("pers_person_id", "C1"), ("pers_forename", "Sample"), ("pers_surname", "Testington"), ("pers_dob", "2015-03-01"))
            .Add("ssd_department", ("dept_team_id", Team), ("dept_team_name", "\tTab Team"))
            .Add("ssd_professionals", ("prof_professional_id", Worker), ("prof_professional_name", "Worker One"), ("prof_professional_department", Team))
            .Add("ssd_cin_episodes", ("cine_referral_id", Referral), ("cine_person_id", "C1"), ("cine_referral_date", "2024-12-20"),
                ("cine_referral_worker_id", Worker))
            .Add("ssd_involvements", ("invo_involvements_id", "I1"), ("invo_professional_id", Worker), ("invo_professional_role_id", "CW"),
                ("invo_professional_team", Team), ("invo_involvement_start_date", "2025-01-06"), ("invo_person_id", "C1"), ("invo_referral_id", Referral))
            .Add("ssd_cp_plans", ("cppl_cp_plan_id", "CP1"), ("cppl_person_id", "C1"), ("cppl_referral_id", Referral), ("cppl_cp_plan_start_date", "2025-04-14"))
            .Add("ssd_cp_visits", ("cppv_cp_visit_id", Visit), ("cppv_person_id", "C1"), ("cppv_cp_plan_id", "CP1"), ("cppv_cp_visit_date", "=1+1"));
        var config = Fixtures.Config(tmp, new Dictionary<string, string> { ["standard"] = folder.Write() });

        var result = Cli.Run(tmp.Path, "scan", "--config", config, "--as-of", "2025-06-30", "--out", tmp.File("out"));
        Assert.True(result.ExitCode == 3, result.Stdout + result.Stderr);

        var payloads = 0;
        foreach (var file in new[] { "findings.csv", "exceptions.csv", "rejected.csv" })
        {
            var (header, rows) = CsvFile.Read(tmp.File("out/" + file));
            Assert.NotEmpty(rows);
            foreach (var (row, i) in rows.Select((r, i) => (r, i)))
            {
                foreach (var column in header)
                {
                    Assert.False(CsvText.IsFormulaLike(row[column]), $"{file} row {i + 2} {column}: '{row[column]}' would run as a formula");
                    payloads += row[column].StartsWith('\'') && CsvText.IsFormulaLike(row[column][1..]) ? 1 : 0;
                }
            }
        }

        // The payloads are there, guarded, not dropped: the allocated worker and team of the findings, the referral
        // in the episode ids and evidence, the rejected visit's id.
        var findings = CsvFile.Read(tmp.File("out/findings.csv")).Rows;
        Assert.Contains(findings, r => r["worker_id"] == "'" + Worker);
        Assert.Contains(findings, r => r["evidence"].Split(';').Contains("'" + Referral) || r["evidence"].StartsWith("'" + Referral, StringComparison.Ordinal));
        var rejected = Assert.Single(CsvFile.Read(tmp.File("out/rejected.csv")).Rows);
        Assert.Equal(("'" + Visit, "cppv_cp_visit_date"), (rejected["record_id"], rejected["field"]));
        Assert.True(payloads >= 3, $"{payloads} guarded payloads");
    }
}

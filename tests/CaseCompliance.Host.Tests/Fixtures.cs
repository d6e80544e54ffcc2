using System.Text.Json;
using System.Text.Json.Nodes;
using CaseCompliance.Adapters.Tests;

namespace CaseCompliance.Host.Tests;

/// <summary>Configuration files and small extracts for end-to-end tests.</summary>
public static class Fixtures
{
    /// <summary>A copy of the shipped appsettings.json with the sources replaced and the given edits applied.</summary>
    public static string Config(TempFolder folder, IDictionary<string, string>? sources = null, Action<JsonObject>? edit = null)
    {
        var root = JsonNode.Parse(File.ReadAllText(Cli.DefaultConfig))!.AsObject();
        root["Calendar"]!["BankHolidaysFile"] = Path.Combine(Cli.RepoRoot, "rules", "uk-bank-holidays.json");
        root["Storage"] = new JsonObject { ["Directory"] = folder.File("data") };
        if (sources is not null)
        {
            var node = new JsonObject();
            foreach (var (name, location) in sources)
            {
                node[name] = new JsonObject { ["Kind"] = "standard", ["Location"] = location };
            }

            root["Sources"] = node;
        }

        edit?.Invoke(root);
        var path = folder.File("appsettings.json");
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    /// <summary>One child (C1) with a referral on Fri 2024-12-20 and its assessment (the spec's worked example),
    /// and a CP plan starting Mon 2025-04-14 (Easter week) with no visits.</summary>
    public static SsdFolder WorkedExample() => new SsdFolder()
        .Add("ssd_person", ("pers_person_id", "C1"), ("pers_forename", "Sample"), ("pers_surname", "Testington"), ("pers_dob", "2015-03-01"))
        .Add("ssd_department", ("dept_team_id", "T1"), ("dept_team_name", "Assessment Team"))
        .Add("ssd_professionals", ("prof_professional_id", "W1"), ("prof_professional_name", "Worker One"), ("prof_professional_department", "T1"))
        .Add("ssd_cin_episodes", ("cine_referral_id", "R1"), ("cine_person_id", "C1"), ("cine_referral_date", "2024-12-20"),
            ("cine_cin_primary_need_code", "N1"), ("cine_referral_nfa", "N"), ("cine_referral_worker_id", "W1"))
        .Add("ssd_involvements", ("invo_involvements_id", "I1"), ("invo_professional_id", "W1"), ("invo_professional_role_id", "ALLOCATED CASE WORKER"),
            ("invo_professional_team", "T1"), ("invo_involvement_start_date", "2024-12-23"), ("invo_person_id", "C1"), ("invo_referral_id", "R1"))
        .Add("ssd_cin_assessments", ("cina_assessment_id", "A1"), ("cina_person_id", "C1"), ("cina_referral_id", "R1"),
            ("cina_assessment_start_date", "2024-12-20"), ("cina_assessment_auth_date", "2025-02-27"))
        .Add("ssd_cp_plans", ("cppl_cp_plan_id", "CP1"), ("cppl_person_id", "C1"), ("cppl_referral_id", "R1"), ("cppl_cp_plan_start_date", "2025-04-14"));
}

using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Standard;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Domain;

namespace CaseCompliance.Adapters.Tests;

/// <summary>
/// What real SSD exports hold and how <c>standard</c> reads it with its shipped defaults (extracts.md, "The SSD as
/// authorities really export it").
/// </summary>
public sealed class StandardAsExportedTests
{
    private static (SourceExtract Extract, RejectionLog Log) Read(SsdFolder folder, SourceOptions? options = null)
    {
        var log = new RejectionLog();
        var extract = new StandardAdapter().Read("standard", new CsvFolderSource(folder.Write()), options ?? new SourceOptions(), log);
        return (extract, log);
    }

    private static SsdFolder Child() => new SsdFolder()
        .Add("ssd_person", ("pers_person_id", "C1"), ("pers_dob", "2015-03-01 00:00:00.000"))
        .Add("ssd_cla_episodes", ("clae_cla_episode_id", "E1"), ("clae_person_id", "C1"), ("clae_cla_id", "CLA1"),
            ("clae_cla_episode_start_date", "2025-01-06 00:00:00.000"));

    private static CaseRecord Only(SourceExtract extract) => Assert.Single(extract.Cases);

    [Theory]
    [InlineData("C2", "C2")]
    [InlineData("c1", "C1")]
    [InlineData("Full care order", "C2")]
    [InlineData("FULL CARE ORDER", "C2")]
    [InlineData("Interim care order", "C1")]
    [InlineData("Single period of accommodation under section 20 (Children Act 1989)", "V2")]
    [InlineData("Single period of accommodation under section 20", "V2")]
    [InlineData("Emergency protection order (EPO)", "L2")]
    [InlineData("  emergency   protection order. ", "L2")]
    [InlineData("Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded", "V3")]
    public void LegalStatus_IsTheCodeOrTheGuidesDescription(string text, string code)
    {
        using var folder = Child().Add("ssd_legal_status", ("lega_person_id", "C1"), ("lega_legal_status", text),
            ("lega_legal_status_start_date", "2025-01-06 00:00:00.000"));
        var (extract, log) = Read(folder);

        Assert.Empty(log.Items);
        Assert.Equal(code, Assert.Single(Only(extract).LegalStatuses).Code);
    }

    [Fact]
    public void LegalStatus_AnUnmappedDescriptionIsARejectedRowNamingIt_UntilTheSiteMapsIt()
    {
        using var folder = Child().Add("ssd_legal_status", ("lega_person_id", "C1"), ("lega_legal_status", "Interim care order Sec. 38(1)"),
            ("lega_legal_status_start_date", "2025-01-06"));
        var (extract, log) = Read(folder);

        Assert.Empty(Only(extract).LegalStatuses);
        var rejected = Assert.Single(log.Items);
        Assert.Equal(("ssd_legal_status.csv", "2", "lega_legal_status"), (rejected.File, rejected.Line, rejected.Field));
        Assert.Contains("'Interim care order Sec. 38(1)' is neither an SSDA903 legal status code nor a description", rejected.Problem);

        var options = new SourceOptions();
        options.Codes["LegalStatusDescriptions"] = SsdaCodes.LegalStatusDescriptions + ";C1=Interim care order Sec. 38(1)";
        var (mapped, none) = Read(folder, options);
        Assert.Empty(none.Items);
        Assert.Equal("C1", Assert.Single(Only(mapped).LegalStatuses).Code);
    }

    [Fact]
    public void LegalStatusDescriptions_ADescriptionGivenTwoCodes_FailsTheSourceNamingIt()
    {
        using var folder = Child();
        var options = new SourceOptions();
        options.Codes["LegalStatusDescriptions"] = "C1=Care order;C2=care order";
        var e = Assert.Throws<SourceFailedException>(() => Read(folder, options));
        Assert.Equal("Codes:LegalStatusDescriptions: 'care order' describes both C1 and C2.", e.Message);
    }

    [Theory]
    [InlineData("K3")]
    [InlineData("Z11")]
    [InlineData("P2")]
    [InlineData("F4")]
    [InlineData("Q1")]
    [InlineData("A1")]
    public void PlacementType_CurrentAndHistoricalCodesAreRead(string code)
    {
        using var folder = Child().Add("ssd_cla_placement", ("clap_cla_placement_id", "PL1"), ("clap_cla_id", "CLA1"), ("clap_person_id", "C1"),
            ("clap_cla_placement_start_date", "2025-01-06 00:00:00.000"), ("clap_cla_placement_type", code));
        var (extract, log) = Read(folder);

        Assert.Empty(log.Items);
        Assert.Equal(code, Assert.Single(Only(extract).Placements).TypeCode);
    }

    [Fact]
    public void Roles_CwIsAnAllocation_OtherRolesAreNot()
    {
        using var folder = Child()
            .Add("ssd_involvements", ("invo_involvements_id", "I1"), ("invo_professional_id", "W1"), ("invo_professional_role_id", "CW"),
                ("invo_person_id", "C1"), ("invo_involvement_start_date", "2025-01-07 00:00:00.000"))
            .Add("ssd_involvements", ("invo_involvements_id", "I2"), ("invo_professional_id", "W2"), ("invo_professional_role_id", "IRO"),
                ("invo_person_id", "C1"), ("invo_involvement_start_date", "2025-01-07 00:00:00.000"))
            .Add("ssd_involvements", ("invo_involvements_id", "I3"), ("invo_professional_id", "W3"), ("invo_professional_role_id", "Allocated Case Worker"),
                ("invo_person_id", "C1"), ("invo_involvement_start_date", "2024-01-07"), ("invo_involvement_end_date", "2024-06-07"));
        var (extract, log) = Read(folder);

        Assert.Empty(log.Items);
        Assert.Equal(["I1", "I3"], Only(extract).Allocations.Select(a => a.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Placeholders_NullTextSsdPhAnd1900_ReadAsEmpty()
    {
        using var folder = new SsdFolder()
            .Add("ssd_person", ("pers_person_id", "C1"), ("pers_forename", "NULL"), ("pers_dob", "2015-03-01 00:00:00.000"),
                ("pers_expected_dob", "1900-01-01 00:00:00.000"), ("pers_death_date", "null"))
            .Add("ssd_involvements", ("invo_involvements_id", "I1"), ("invo_professional_id", "SSD_PH"), ("invo_professional_role_id", "CW"),
                ("invo_professional_team", "NULL"), ("invo_person_id", "C1"), ("invo_involvement_start_date", "2025-01-07 00:00:00.000"),
                ("invo_involvement_end_date", "1900-01-01 00:00:00.000"))
            .Add("ssd_cin_episodes", ("cine_referral_id", "R1"), ("cine_person_id", "C1"), ("cine_referral_date", "2025-01-02 00:00:00.000"),
                ("cine_close_date", "01/01/1900 00:00:00"), ("cine_referral_worker_id", "SSD_PH"), ("cine_referral_nfa", "NULL"))
            .Add("ssd_care_leavers", ("clea_person_id", "C1"), ("clea_care_leaver_latest_contact", "NULL"),
                ("clea_pathway_plan_review_date", "1900-01-01"), ("clea_care_leaver_worker_id", "SSD_PH"))
            // A placeholder where a date is required leaves the row without it: rejected, never dated 1900.
            .Add("ssd_cp_visits", ("cppv_cp_visit_id", "V1"), ("cppv_person_id", "C1"), ("cppv_cp_visit_date", "1900-01-01 00:00:00.000"));
        var (extract, log) = Read(folder);

        var c = Only(extract);
        Assert.Null(c.Person.Forename);
        Assert.Null(c.Person.ExpectedDateOfBirth);
        Assert.Null(c.Person.DeathDate);
        var allocation = Assert.Single(c.Allocations);
        Assert.Equal((null, null, null), (allocation.WorkerId, allocation.TeamId, allocation.End));
        var referral = Assert.Single(c.Referrals);
        Assert.Null(referral.CloseDate);
        Assert.Null(referral.WorkerId);
        Assert.Null(referral.NoFurtherAction);
        Assert.Equal((null, null, null), (c.CareLeaver!.LatestContact, c.CareLeaver.PathwayPlanReviewDate, c.CareLeaver.WorkerId));
        Assert.Empty(c.Visits);
        var rejected = Assert.Single(log.Items);
        Assert.Equal(("cppv_cp_visit_date", "missing date: the row cannot be used"), (rejected.Field, rejected.Problem));
    }

    [Fact]
    public void Placeholders_AreConfiguration_AndAReal1900DateTimeIsNoPlaceholder()
    {
        using var folder = new SsdFolder()
            .Add("ssd_person", ("pers_person_id", "C1"), ("pers_forename", "NULL"), ("pers_surname", "N/K"), ("pers_dob", "2015-03-01"),
                ("pers_death_date", "1900-01-01 10:30:00.000"));
        var options = new SourceOptions();
        options.Codes["Placeholders"] = "N/K";
        var (extract, _) = Read(folder, options);

        var person = Only(extract).Person;
        Assert.Equal("NULL", person.Forename);
        Assert.Null(person.Surname);
        Assert.Equal(new LocalDate(1900, 1, 1), person.DeathDate);
    }

    [Fact]
    public void Upn_ComesFromPersUpn_ThenPersCommonChildId_NeverFromPersSingleUniqueId()
    {
        using var v14 = new SsdFolder()
            .Add("ssd_person", ("pers_person_id", "C1"), ("pers_upn", "Z999990000011"), ("pers_single_unique_id", "9990000001"), ("pers_dob", "2015-03-01"))
            .Add("ssd_person", ("pers_person_id", "C2"), ("pers_upn", ""), ("pers_single_unique_id", "9990000002"), ("pers_dob", "2015-03-01"));
        var (extract, log) = Read(v14);
        Assert.Empty(log.Items);
        Assert.Equal("Z999990000011", extract.Cases.Single(c => c.Person.Id == "C1").Person.Upn);
        Assert.Null(extract.Cases.Single(c => c.Person.Id == "C2").Person.Upn);

        using var v12 = new SsdFolder()
            .Add("ssd_person", ("pers_person_id", "C1"), ("pers_common_child_id", "Z999990000011"), ("pers_dob", "2015-03-01"));
        Assert.Equal("Z999990000011", Only(Read(v12).Extract).Person.Upn);
    }

    [Fact]
    public void VisitsRepeatedInCinVisits_AreOneVisitOfTheMostSpecificKind()
    {
        using var folder = Child()
            .Add("ssd_cp_plans", ("cppl_cp_plan_id", "P1"), ("cppl_person_id", "C1"), ("cppl_cp_plan_start_date", "2025-03-03"))
            .Add("ssd_cp_visits", ("cppv_cp_visit_id", "N1"), ("cppv_person_id", "C1"), ("cppv_cp_plan_id", "P1"), ("cppv_cp_visit_date", "2025-03-10"))
            .Add("ssd_cla_visits", ("clav_cla_visit_id", "N2"), ("clav_cla_id", "CLA1"), ("clav_person_id", "C1"), ("clav_cla_visit_date", "2025-03-11"))
            .Add("ssd_cin_visits", ("cinv_cin_visit_id", "N1"), ("cinv_person_id", "C1"), ("cinv_cin_visit_date", "2025-03-10"))
            .Add("ssd_cin_visits", ("cinv_cin_visit_id", "N2"), ("cinv_person_id", "C1"), ("cinv_cin_visit_date", "2025-03-11"))
            .Add("ssd_cin_visits", ("cinv_cin_visit_id", "N3"), ("cinv_person_id", "C1"), ("cinv_cin_visit_date", "2025-03-12"));
        var (extract, log) = Read(folder);

        Assert.Empty(log.Items);
        Assert.Equal(["N1 ChildProtection", "N2 LookedAfter", "N3 ChildInNeed"],
            Only(extract).Visits.Select(v => $"{v.Id} {v.Kind}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Roles_NoneAnAllocatedWorkerRole_IsOneRejectionNamingTheRolesSeen_NotSilence()
    {
        using var folder = Child()
            .Add("ssd_involvements", ("invo_involvements_id", "I1"), ("invo_professional_id", "W1"), ("invo_professional_role_id", "REL.ALLOCSW"),
                ("invo_person_id", "C1"), ("invo_involvement_start_date", "2025-01-07"))
            .Add("ssd_involvements", ("invo_involvements_id", "I2"), ("invo_professional_id", "W1"), ("invo_professional_role_id", "REL.ALLOCSW"),
                ("invo_person_id", "C1"), ("invo_involvement_start_date", "2024-01-07"), ("invo_involvement_end_date", "2024-06-07"))
            .Add("ssd_involvements", ("invo_involvements_id", "I3"), ("invo_professional_id", "W2"), ("invo_professional_role_id", "IRO"),
                ("invo_person_id", "C1"), ("invo_involvement_start_date", "2025-01-07"));
        var (extract, log) = Read(folder);

        Assert.Empty(Only(extract).Allocations);
        var rejected = Assert.Single(log.Items);
        Assert.Equal(("ssd_involvements.csv", "", null, "invo_professional_role_id"), (rejected.File, rejected.Line, rejected.RecordId, rejected.Field));
        Assert.Equal("no involvement has an allocated-worker role (CW, ALLOCATED CASE WORKER; Codes:AllocatedWorkerRoles), so no allocation " +
            "is read; the roles seen are REL.ALLOCSW (2), IRO (1)", rejected.Problem);

        var options = new SourceOptions();
        options.Codes["AllocatedWorkerRoles"] = "REL.ALLOCSW";
        var (mapped, none) = Read(folder, options);
        Assert.Empty(none.Items);
        Assert.Equal(2, Only(mapped).Allocations.Length);
    }

    [Fact]
    public void Layout_EveryMissingColumnOfEveryTable_IsNamedInOneMessage()
    {
        using var folder = Child();
        var path = folder.Write();
        foreach (var (file, column) in new[] { ("ssd_professionals.csv", "prof_professional_name"), ("ssd_involvements.csv", "invo_person_id"),
                     ("ssd_cin_visits.csv", "cinv_person_id") })
        {
            var full = Path.Combine(path, file);
            File.WriteAllText(full, File.ReadAllText(full).Replace(column + ",", "", StringComparison.Ordinal).Replace("," + column, "", StringComparison.Ordinal));
        }

        var e = Assert.Throws<SourceFailedException>(() =>
            new StandardAdapter().Read("standard", new CsvFolderSource(path), new SourceOptions(), new RejectionLog()));
        Assert.Equal("ssd_professionals.csv: missing column prof_professional_name. ssd_involvements.csv: missing column invo_person_id. " +
            "ssd_cin_visits.csv: missing column cinv_person_id.", e.Message);
    }
}

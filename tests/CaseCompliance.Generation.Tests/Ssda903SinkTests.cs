using CaseCompliance.Adapters;
using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Ssda903;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Domain;
using NodaTime;

namespace CaseCompliance.Generation.Tests;

/// <summary>The SSDA903 sink makes 903 episodes from SSD rows and reads back, from its CSV files and from its XML file,
/// as the same period of care, placements, legal statuses and held reviews.</summary>
public class Ssda903SinkTests
{
    private static SsdTables LookedAfterChild() => new SsdTables { PersonId = "C1" }
        .Add("ssd_person", ("pers_person_id", "C1"), ("pers_sex", "F"), ("pers_dob", "2015-03-01"), ("pers_ethnicity", "WBRI"))
        .Add("ssd_cin_episodes", ("cine_referral_id", "R1"), ("cine_person_id", "C1"), ("cine_referral_date", "2023-12-01"), ("cine_cin_primary_need_code", "N2"))
        .Add("ssd_cla_episodes", ("clae_cla_episode_id", "E1"), ("clae_person_id", "C1"), ("clae_cla_episode_start_date", "2024-01-01"),
            ("clae_cla_episode_ceased_date", "2024-03-01"), ("clae_cla_id", "CLA1"), ("clae_referral_id", "R1"), ("clae_entered_care_date", "2024-01-01"))
        .Add("ssd_cla_episodes", ("clae_cla_episode_id", "E2"), ("clae_person_id", "C1"), ("clae_cla_episode_start_date", "2024-03-01"),
            ("clae_cla_episode_ceased_date", "2024-08-01"), ("clae_cla_id", "CLA1"), ("clae_referral_id", "R1"), ("clae_entered_care_date", "2024-01-01"))
        .Add("ssd_cla_placement", ("clap_cla_placement_id", "P1"), ("clap_cla_id", "CLA1"), ("clap_person_id", "C1"),
            ("clap_cla_placement_start_date", "2024-01-01"), ("clap_cla_placement_end_date", "2024-03-01"), ("clap_cla_placement_type", "U4"))
        .Add("ssd_cla_placement", ("clap_cla_placement_id", "P2"), ("clap_cla_id", "CLA1"), ("clap_person_id", "C1"),
            ("clap_cla_placement_start_date", "2024-03-01"), ("clap_cla_placement_end_date", "2024-08-01"), ("clap_cla_placement_type", "U5"))
        .Add("ssd_legal_status", ("lega_person_id", "C1"), ("lega_legal_status", "C1"), ("lega_legal_status_start_date", "2024-01-01"),
            ("lega_legal_status_end_date", "2024-02-29"))
        .Add("ssd_legal_status", ("lega_person_id", "C1"), ("lega_legal_status", "C2"), ("lega_legal_status_start_date", "2024-03-01"),
            ("lega_legal_status_end_date", "2024-04-30"))
        .Add("ssd_legal_status", ("lega_person_id", "C1"), ("lega_legal_status", "V2"), ("lega_legal_status_start_date", "2024-05-01"),
            ("lega_legal_status_end_date", "2024-08-01"))
        .Add("ssd_cla_reviews", ("clar_cla_review_id", "LR1"), ("clar_cla_id", "CLA1"), ("clar_cla_review_date", "2024-01-20"), ("clar_cla_review_cancelled", "Y"))
        .Add("ssd_cla_reviews", ("clar_cla_review_id", "LR2"), ("clar_cla_id", "CLA1"), ("clar_cla_review_date", "2024-01-25"), ("clar_cla_review_cancelled", "N"))
        .Add("ssd_involvements", ("invo_involvements_id", "I1"), ("invo_professional_id", "W1"), ("invo_professional_role_id", "ALLOCATED CASE WORKER"),
            ("invo_involvement_start_date", "2023-12-02"), ("invo_person_id", "C1"));

    [Fact]
    public void EpisodesAreMadeThe903Way_AndReadBackFromCsvAndXml()
    {
        using var dir = new SinkTempFolder();
        using (var sink = new Ssda903Sink(dir.Path))
        {
            sink.Directory(new SsdTables());
            sink.Child(new SsdTables { PersonId = "C0" }.Add("ssd_person", ("pers_person_id", "C0"), ("pers_dob", "2015-03-01"))); // never looked after
            sink.Child(LookedAfterChild());
        }

        Assert.Equal(
            [
                "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN",
                "C1,01/01/2024,S,C1,N2,U4,,01/03/2024,X1,,,,",
                "C1,01/03/2024,T,C2,N2,U5,,01/05/2024,X1,,,,",
                "C1,01/05/2024,L,V2,N2,U5,,01/08/2024,E8,,,,",
            ],
            File.ReadAllLines(Path.Combine(dir.Path, "episodes.csv")));
        Assert.Equal(["CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB", "C1,2,01/03/2015,WBRI,,,"], File.ReadAllLines(Path.Combine(dir.Path, "header.csv")));
        Assert.Equal(2, File.ReadAllLines(Path.Combine(dir.Path, "reviews.csv")).Length);

        foreach (var tables in new ITableSource[] { new CsvFolderSource(dir.Path), Ssda903Xml.Open(Path.Combine(dir.Path, Ssda903Sink.XmlFileName), new SourceOptions()) })
        {
            var log = new RejectionLog();
            var c1 = Assert.Single(new Ssda903Adapter().Read("ssda903", tables, new SourceOptions(), log).Cases);
            Assert.Empty(log.Items);
            Assert.Equal((new LocalDate(2024, 1, 1), (LocalDate?)new LocalDate(2024, 8, 1)), (Assert.Single(c1.PeriodsOfCare).Start, c1.PeriodsOfCare[0].End));
            Assert.Equal([("U4", new LocalDate(2024, 1, 1)), ("U5", new LocalDate(2024, 3, 1))], c1.Placements.Select(p => (p.TypeCode!, p.Start)));
            Assert.Equal(["C1", "C2", "V2"], c1.LegalStatuses.Select(l => l.Code));
            Assert.Equal(new LocalDate(2024, 1, 25), Assert.Single(c1.Meetings).Date);
            Assert.Equal(("F", "N2"), (c1.Person.Gender, c1.Person.PrimaryNeed));
            Assert.Equal(tables is CsvFolderSource, c1.Records(Dataset.Allocations));
        }
    }
}

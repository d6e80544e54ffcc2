using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Ssda903;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Domain;

namespace CaseCompliance.Adapters.Tests;

public class Ssda903AdapterTests
{
    private static (SourceExtract Extract, RejectionLog Log) Read(Ssda903Folder folder)
    {
        var log = new RejectionLog();
        var extract = new Ssda903Adapter().Read("ssda903", new CsvFolderSource(folder.Write()), new SourceOptions(), log);
        return (extract, log);
    }

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static CaseRecord Child(SourceExtract extract, string id) => extract.Cases.Single(c => c.Person.Id == id);

    /// <summary>The rejections of one file and field, as "line: problem".</summary>
    private static List<string> Rejected(RejectionLog log, string file, string field) =>
        [.. log.Items.Where(r => r.File == file && r.Field == field).Select(r => $"{r.Line}: {r.Problem}")];

    [Fact]
    public void ReadsAReturn_EpisodesBecomeAPeriodOfCareWithPlacementsAndLegalStatuses()
    {
        using var folder = new Ssda903Folder()
            .Child("C1", dob: "15/06/2014", sex: "2", ethnic: "MWBC", upn: "A123456789012")
            .Child("C2", upn: "UN3")
            .Episode("C1", "01/04/2024", "S", "C1", "U4", dec: "01/07/2024", rec: "X1")
            .Episode("C1", "01/07/2024", "L", "C2", "U4", dec: "01/10/2024", rec: "X1")
            .Episode("C1", "01/10/2024", "P", "C2", "U5", cin: "N2")
            .Review("C1", "25/04/2024")
            .Review("C1", "20/07/2024")
            .Add("missing", ("CHILD", "C1"), ("MISSING", "A"), ("MIS_START", "03/02/2025"), ("MIS_END", "04/02/2025"))
            .Add("sw_episodes", ("CHILD", "C1"), ("SW_ID", "SW7"), ("SW_DECOM", "01/04/2024"), ("SW_REASON", "MGMTDEC"));
        var (extract, log) = Read(folder);

        Assert.Empty(log.Items);
        Assert.Equal(2, extract.Cases.Count);
        var c1 = Child(extract, "C1");
        Assert.Equal(("F", "MWBC", "A123456789012", D(2014, 6, 15), "N2"),
            (c1.Person.Gender, c1.Person.Ethnicity, c1.Person.Upn, c1.Person.DateOfBirth, c1.Person.PrimaryNeed));
        Assert.Null(c1.Person.Surname);

        var period = Assert.Single(c1.PeriodsOfCare);
        Assert.Equal(("C1/period/2024-04-01", D(2024, 4, 1), (LocalDate?)null), (period.Id, period.Start, period.End));

        // A change of legal status only (RNE L) keeps the placement; a change of placement (P) starts one.
        Assert.Equal(
            [("C1/placement/2024-04-01", "U4", D(2024, 4, 1), (LocalDate?)D(2024, 10, 1)), ("C1/placement/2024-10-01", "U5", D(2024, 10, 1), null)],
            c1.Placements.Select(p => (p.Id, p.TypeCode, p.Start, p.End)));
        Assert.All(c1.Placements, p => Assert.Equal(period.Id, p.PeriodOfCareId));
        Assert.Equal([("C1", D(2024, 4, 1), (LocalDate?)D(2024, 7, 1)), ("C2", D(2024, 7, 1), null)],
            c1.LegalStatuses.Select(l => (l.Code, l.Start, l.End)));

        Assert.Equal(["C1/review/2024-04-25", "C1/review/2024-07-20"], c1.Meetings.Select(m => m.Id));
        Assert.All(c1.Meetings, m => Assert.Equal((MeetingType.LookedAfterReview, period.Id, false), (m.Type, m.EpisodeId, m.Cancelled)));
        Assert.Equal(new MissingEpisode("C1/missing/2025-02-03", "C1", D(2025, 2, 3), D(2025, 2, 4), "away"), Assert.Single(c1.MissingEpisodes));
        var allocation = Assert.Single(c1.Allocations);
        Assert.Equal(("SW7", D(2024, 4, 1), (LocalDate?)null), (allocation.WorkerId, allocation.Start, allocation.End));

        // Exactly what the return carries: no visits, so lac-visits is not applicable rather than overdue.
        Assert.Equal(
            [Dataset.Allocations, Dataset.LookedAfterReviews, Dataset.PeriodsOfCare, Dataset.Placements, Dataset.LegalStatuses, Dataset.MissingEpisodes],
            c1.Recorded.Order());
        Assert.False(c1.Records(Dataset.LookedAfterVisits));
        Assert.Empty(Child(extract, "C2").PeriodsOfCare);
        Assert.Equal(((string?)null, "UN3"), (Child(extract, "C2").Person.Upn, Child(extract, "C2").Person.UpnUnknownReason));
    }

    [Fact]
    public void AReasonCeasedOtherThanX1EndsThePeriod_AndAnSStartsTheNext()
    {
        using var folder = new Ssda903Folder()
            .Child("C1")
            .Episode("C1", "01/04/2023", "S", "V2", "U4", dec: "01/09/2023", rec: "E13")
            .Episode("C1", "05/01/2024", "S", "C2", "K2", dec: "10/02/2024", rec: "X1")
            .Episode("C1", "10/02/2024", "T", "C1", "U6");
        var (extract, log) = Read(folder);

        Assert.Empty(log.Items);
        var c1 = Child(extract, "C1");
        Assert.Equal([("C1/period/2023-04-01", D(2023, 4, 1), (LocalDate?)D(2023, 9, 1)), ("C1/period/2024-01-05", D(2024, 1, 5), null)],
            c1.PeriodsOfCare.Select(p => (p.Id, p.Start, p.End)));
        Assert.Equal(3, c1.Placements.Length);
        Assert.Equal(["C1/period/2023-04-01", "C1/period/2024-01-05", "C1/period/2024-01-05"], c1.Placements.Select(p => p.PeriodOfCareId));
    }

    [Fact]
    public void InconsistentEpisodes_AreRejectedWithFileLineAndField_AndTheRestOfTheChildIsUsed()
    {
        using var folder = new Ssda903Folder()
            .Child("C1", dob: "01/01/2010")
            .Child("C1", dob: "02/02/2011")                                                   // header line 3: repeated child
            .Child("C2", dob: "01/01/2012")
            .Child("C3", dob: "01/01/2015")
            .Episode("C1", "01/04/2024", "S", "C1", "U4", dec: "01/03/2024", rec: "X1")          // 2: DEC before DECOM
            .Episode("C1", "01/05/2024", "P", "C1", "U5")                                       // 3: fine, ends the first
            .Episode("C1", "01/06/2024", "Q", "Z9", "U7", rec: "E99")                            // 4: unknown RNE, LS, PLACE, REC
            .Episode("C9", "01/04/2024", "S", "C1", "U4")                                       // 5: child not in header
            .Episode("C2", "01/02/2024", "P", "C2", "U4", dec: "01/08/2024", rec: "X1")          // 6: no open period: start unknown
            .Episode("C2", "01/06/2024", "P", "C2", "U5")                                       // 7: overlaps line 6
            .Episode("C2", "2024-13-01", "S", "C2", "U5")                                       // 8: not a date
            .Episode("C3", "01/01/1900", "S", "C2", "U5")                                       // 9: a century early
            .Episode("C3", "01/01/2014", "S", "C2", "U5")                                       // 10: before the date of birth
            .Episode("C3", "01/03/2024", "S", "C2", "U5")                                       // 11: fine
            .Review("C1", "15/03/2024")                                                         // 2: before the first period
            .Review("C1", "31/04/2024")                                                         // 3: not a date: not a review held
            .Review("C1", "20/04/2024", code: "PN9")                                            // 4: unknown code, counted
            .Review("C1", "20/04/2024")                                                         // 5: the same review again
            .Review("C2", "01/03/2024")                                                         // 6: in care of unknown start
            .Add("sw_episodes", ("CHILD", "C1"), ("SW_ID", "SW1"), ("SW_DECOM", "01/05/2024"), ("SW_DEC", "01/04/2024"));
        var (extract, log) = Read(folder);

        Assert.Equal(["3: CHILD C1 again: the first row is kept and the row cannot be used"], Rejected(log, "header.csv", "CHILD"));
        Assert.StartsWith("2: end date '01/03/2024' is before the start", Assert.Single(Rejected(log, "episodes.csv", "DEC")));
        Assert.Equal("5: person C9 is not in header: the row cannot be used", Assert.Single(Rejected(log, "episodes.csv", "CHILD")));
        Assert.Contains(Rejected(log, "episodes.csv", "RNE"), m => m.StartsWith("4: unknown code 'Q'", StringComparison.Ordinal));
        Assert.Contains(Rejected(log, "episodes.csv", "RNE"), m => m.StartsWith("6: RNE 'P' continues a period of care, but none is open on 01/02/2024", StringComparison.Ordinal));
        Assert.Contains("unknown code 'Z9'", Assert.Single(Rejected(log, "episodes.csv", "LS")));
        Assert.Contains("unknown code 'U7'", Assert.Single(Rejected(log, "episodes.csv", "PLACE")));
        Assert.Contains(Rejected(log, "episodes.csv", "REC"), m => m.StartsWith("4: unknown code 'E99'", StringComparison.Ordinal));
        var decom = Rejected(log, "episodes.csv", "DECOM");
        Assert.Contains(decom, m => m.StartsWith("7: starts on 01/06/2024, before the previous episode (DECOM 01/02/2024) ends on 01/08/2024", StringComparison.Ordinal));
        Assert.Contains(decom, m => m.StartsWith("8: '2024-13-01' is not a date", StringComparison.Ordinal));
        Assert.Contains(decom, m => m.StartsWith("9: '01/01/1900' is before 01/01/1950", StringComparison.Ordinal));
        Assert.Contains(decom, m => m.StartsWith("10: '01/01/2014' is before the child's date of birth (01/01/2015", StringComparison.Ordinal));
        Assert.All(decom, m => Assert.EndsWith("the row cannot be used", m));

        var reviews = Rejected(log, "reviews.csv", "REVIEW");
        Assert.Contains(reviews, m => m.StartsWith("2: review on 15/03/2024 is outside every period of care", StringComparison.Ordinal));
        Assert.Contains(reviews, m => m.StartsWith("3: '31/04/2024' is not a date", StringComparison.Ordinal));
        Assert.Contains(reviews, m => m.StartsWith("5: a second review of this child on 20/04/2024", StringComparison.Ordinal));
        Assert.Contains(reviews, m => m.StartsWith("6: review on 01/03/2024 falls in care whose period began before the first episode", StringComparison.Ordinal));
        Assert.Contains("unknown code 'PN9'", Assert.Single(Rejected(log, "reviews.csv", "REVIEW_CODE")));
        Assert.StartsWith("2: end date '01/04/2024' is before the start", Assert.Single(Rejected(log, "sw_episodes.csv", "SW_DEC")));

        // C1: the first header row; one period from 01/04/2024, open (DEC before DECOM is no end; line 4 continues it);
        // the garbled review is not a review held, the review with an unknown code is.
        var c1 = Child(extract, "C1");
        Assert.Equal(D(2010, 1, 1), c1.Person.DateOfBirth);
        var period = Assert.Single(c1.PeriodsOfCare);
        Assert.Equal((D(2024, 4, 1), (LocalDate?)null), (period.Start, period.End));
        Assert.Equal([("U4", D(2024, 4, 1), (LocalDate?)D(2024, 5, 1)), ("U5", D(2024, 5, 1), D(2024, 6, 1)), (null, D(2024, 6, 1), null)],
            c1.Placements.Select(p => (p.TypeCode, p.Start, p.End)));
        Assert.Equal(["C1/review/2024-04-20"], c1.Meetings.Select(m => m.Id));
        Assert.Null(Assert.Single(c1.Allocations).End);

        // C2: care that began before the return: no period of care (lac-review not checked), its placement kept.
        var c2 = Child(extract, "C2");
        Assert.Empty(c2.PeriodsOfCare);
        Assert.Equal(("U4", (string?)null), (Assert.Single(c2.Placements).TypeCode, c2.Placements[0].PeriodOfCareId));

        // C3: only the plausible episode makes a period.
        Assert.Equal(D(2024, 3, 1), Assert.Single(Child(extract, "C3").PeriodsOfCare).Start);
    }

    [Fact]
    public void CareThatBeganBeforeTheReturn_IsRejectedOnceAtItsFirstEpisode_AndMakesNoPeriod()
    {
        using var folder = new Ssda903Folder()
            .Child("C1")
            .Episode("C1", "01/02/2024", "P", "C1", "U4", dec: "01/03/2024", rec: "X1")
            .Episode("C1", "01/03/2024", "L", "C2", "U4", dec: "01/04/2024", rec: "E13")
            .Episode("C1", "01/06/2024", "T", "C2", "U5", dec: "01/07/2024", rec: "E8")
            .Episode("C1", "01/09/2024", "S", "V2", "U6");
        var (extract, log) = Read(folder);

        // Line 3 continues the care of line 2; line 4 comes after care ended (E13): care of unknown start again.
        Assert.Equal(["2", "4"], log.Items.Select(r => r.Line));
        Assert.All(log.Items, r => Assert.Equal("RNE", r.Field));
        var c1 = Child(extract, "C1");
        Assert.Equal(D(2024, 9, 1), Assert.Single(c1.PeriodsOfCare).Start);
        Assert.Equal(3, c1.Placements.Length);
    }

    [Fact]
    public void X1WithNoLaterEpisode_AndAMissingReasonCeased_LeaveThePeriodOpen()
    {
        using var folder = new Ssda903Folder()
            .Child("C1")
            .Child("C2")
            .Episode("C1", "01/04/2024", "S", "C1", "U4", dec: "01/06/2024", rec: "X1")
            .Episode("C2", "01/04/2024", "S", "C1", "U4", dec: "01/06/2024");
        var (extract, log) = Read(folder);

        Assert.Contains("no later episode follows: the period of care is read as still open", Assert.Single(Rejected(log, "episodes.csv", "REC"), m => m.StartsWith("2:", StringComparison.Ordinal)));
        Assert.Contains("missing reason the episode ceased (REC)", Assert.Single(Rejected(log, "episodes.csv", "REC"), m => m.StartsWith("3:", StringComparison.Ordinal)));
        Assert.Null(Assert.Single(Child(extract, "C1").PeriodsOfCare).End);
        Assert.Null(Assert.Single(Child(extract, "C2").PeriodsOfCare).End);
    }

    [Fact]
    public void WithoutReviewsOrSocialWorkerFiles_ThoseAreNotRecorded()
    {
        using var folder = new Ssda903Folder().Child("C1").Episode("C1", "01/04/2024", "S", "C1", "U4");
        var (extract, log) = Read(folder);

        Assert.Empty(log.Items);
        Assert.Equal([Dataset.PeriodsOfCare, Dataset.Placements, Dataset.LegalStatuses], Child(extract, "C1").Recorded.Order());
    }

    [Fact]
    public void AMissingRequiredColumn_FailsTheSourceNamingIt()
    {
        using var folder = new Ssda903Folder().Child("C1");
        var path = folder.Write();
        File.WriteAllText(Path.Combine(path, "episodes.csv"), "CHILD,DECOM,RNE,LS,CIN,DEC,REC\n");

        var e = Assert.Throws<SourceFailedException>(() => new Ssda903Adapter().Read("ssda903", new CsvFolderSource(path), new SourceOptions(), new RejectionLog()));
        Assert.Equal("episodes.csv: missing column PLACE.", e.Message);
    }

    [Fact]
    public void TheXmlFile_IsReadLikeTheCsvFiles_AndRejectionsNameTheElement()
    {
        using var folder = new Ssda903Folder();
        var file = Path.Combine(folder.Path, "return.xml");
        File.WriteAllText(file, """
            <?xml version="1.0" encoding="utf-8"?>
            <EXPSSDA903>
              <CHILD>
                <HEADER><CHILDID>C1</CHILDID><SEX>2</SEX><DOB>15/06/2014</DOB><ETHNIC>WBRI</ETHNIC><UPN />
                  <AREVIEW><REVIEW>25/04/2024</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
                  <AREVIEW><REVIEW>31/06/2024</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
                  <AMISSING><MISSING>M</MISSING><MIS_START>03/02/2025</MIS_START><MIS_END /></AMISSING>
                </HEADER>
                <EPISODE><DECOM>01/04/2024</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U4</PL><DEC>01/10/2024</DEC><REC>X1</REC></EPISODE>
                <EPISODE><DECOM>01/10/2024</DECOM><RNE>P</RNE><LS>C2</LS><CIN>N1</CIN><PL>U7</PL><DEC /><REC /></EPISODE>
              </CHILD>
              <CHILD>
                <HEADER><CHILDID>C2</CHILDID><SEX>1</SEX><DOB>01/01/2010</DOB><ETHNIC>WBRI</ETHNIC><UPN /></HEADER>
                <EPISODE><DECOM>01/04/2024</DECOM><DECOM>02/04/2024</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U4</PL></EPISODE>
              </CHILD>
            </EXPSSDA903>
            """);
        var log = new RejectionLog();
        var tables = SourceCatalog.OpenTables("ssda903", file, new SourceOptions());
        var extract = new Ssda903Adapter().Read("ssda903", tables, new SourceOptions(), log);

        var rejected = log.Items.Select(r => $"{r.File}|{r.Line}|{r.Field}|{r.Problem}").ToList();
        Assert.True(rejected.Count == 3, string.Join("\n", rejected));
        Assert.StartsWith("return.xml|CHILD[1]/EPISODE[2]|PLACE|unknown code 'U7'", rejected[0]);
        Assert.Equal("return.xml|CHILD[2]/EPISODE[1]|DECOM|element DECOM appears more than once in EPISODE: the row cannot be used", rejected[1]);
        Assert.StartsWith("return.xml|CHILD[1]/HEADER[1]/AREVIEW[2]|REVIEW|'31/06/2024' is not a date", rejected[2]);
        var c1 = Child(extract, "C1");
        Assert.Equal(("C1/period/2024-04-01", (LocalDate?)null), (Assert.Single(c1.PeriodsOfCare).Id, c1.PeriodsOfCare[0].End));
        Assert.Equal([("U4", (LocalDate?)D(2024, 10, 1)), (null, null)], c1.Placements.Select(p => (p.TypeCode, p.End)));
        Assert.Equal("C1/review/2024-04-25", Assert.Single(c1.Meetings).Id);
        Assert.Equal("missing", Assert.Single(c1.MissingEpisodes).Type);
        Assert.Empty(Child(extract, "C2").PeriodsOfCare);

        // No social worker episodes in the XML: allocations are not recorded.
        Assert.Equal([Dataset.LookedAfterReviews, Dataset.PeriodsOfCare, Dataset.Placements, Dataset.LegalStatuses, Dataset.MissingEpisodes],
            c1.Recorded.Order());
    }

    [Fact]
    public void AFile_OpensOnlyForAKindThatReadsFiles()
    {
        using var folder = new Ssda903Folder().Child("C1");
        var file = Path.Combine(folder.Write(), "header.csv");

        var standard = SourceCatalog.OpenTables("standard", file, new SourceOptions());
        var e = Assert.Throws<SourceFailedException>(() => standard.Exists("ssd_person"));
        Assert.Contains("a file, but the standard source reads a folder of CSV files", e.Message);
        Assert.IsNotType<UnreadableSource>(SourceCatalog.OpenTables("ssda903", folder.Path, new SourceOptions()));
    }
}

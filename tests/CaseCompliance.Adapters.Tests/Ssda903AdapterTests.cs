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
            .Episode("C2", "01/02/2024", "P", "C2", "U4", dec: "01/08/2024", rec: "X1")          // 6: care that began before the return
            .Episode("C2", "01/06/2024", "P", "C2", "U5")                                       // 7: overlaps line 6
            .Episode("C2", "2024-13-01", "S", "C2", "U5")                                       // 8: not a date
            .Episode("C3", "01/01/1900", "S", "C2", "U5")                                       // 9: a century early
            .Episode("C3", "01/01/2014", "S", "C2", "U5")                                       // 10: before the date of birth
            .Episode("C3", "01/03/2024", "S", "C2", "U5")                                       // 11: fine
            .Review("C1", "15/03/2024")                                                         // 2: before the first period
            .Review("C1", "31/04/2024")                                                         // 3: not a date: not a review held
            .Review("C1", "20/04/2024", code: "PN9")                                            // 4: unknown code, counted
            .Review("C1", "20/04/2024")                                                         // 5: the same review again
            .Review("C2", "01/03/2024")                                                         // 6: in care that began before the return: counted
            .Add("sw_episodes", ("CHILD", "C1"), ("SW_ID", "SW1"), ("SW_DECOM", "01/05/2024"), ("SW_DEC", "01/04/2024"));
        var (extract, log) = Read(folder);

        Assert.Equal(["3: CHILD C1 again: the first row is kept and the row cannot be used"], Rejected(log, "header.csv", "CHILD"));
        Assert.StartsWith("2: end date '01/03/2024' is before the start", Assert.Single(Rejected(log, "episodes.csv", "DEC")));
        Assert.Equal("5: person C9 is not in header: the row cannot be used", Assert.Single(Rejected(log, "episodes.csv", "CHILD")));
        Assert.Contains(Rejected(log, "episodes.csv", "RNE"), m => m.StartsWith("4: unknown code 'Q'", StringComparison.Ordinal));
        Assert.DoesNotContain(Rejected(log, "episodes.csv", "RNE"), m => m.StartsWith("6:", StringComparison.Ordinal));
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
        Assert.DoesNotContain(reviews, m => m.StartsWith("6:", StringComparison.Ordinal));
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

        // C2: care that began before the return: a period from its first episode, reviews recorded from that
        // episode (the earliest review, 15/03/2024, gives 01/04/2023, which is earlier), its review counted.
        var c2 = Child(extract, "C2");
        var p2 = Assert.Single(c2.PeriodsOfCare);
        Assert.Equal(("C2/period/2024-02-01", (LocalDate?)D(2024, 2, 1)), (p2.Id, p2.ReviewsRecordedFrom));
        Assert.Equal(("U4", (string?)p2.Id), (Assert.Single(c2.Placements).TypeCode, c2.Placements[0].PeriodOfCareId));
        Assert.Equal(p2.Id, Assert.Single(c2.Meetings).EpisodeId);

        // C3: only the plausible episode makes a period.
        Assert.Equal(D(2024, 3, 1), Assert.Single(Child(extract, "C3").PeriodsOfCare).Start);
    }

    [Fact]
    public void CareWithoutAStartAfterAnEndedPeriod_IsRejected_AndStillMakesAPeriodOfUnknownStart()
    {
        using var folder = new Ssda903Folder()
            .Child("C1")
            .Episode("C1", "01/02/2024", "P", "C1", "U4", dec: "01/03/2024", rec: "X1")
            .Episode("C1", "01/03/2024", "L", "C2", "U4", dec: "01/04/2024", rec: "E13")
            .Episode("C1", "01/06/2024", "T", "C2", "U5", dec: "01/07/2024", rec: "E8")
            .Episode("C1", "01/09/2024", "S", "V2", "U6");
        var (extract, log) = Read(folder);

        // Line 2 is care that began before the return (normal in a yearly return: no rejection); line 3 continues
        // it; line 4 comes after care ended (E13) without an S: its start is missing, which is rejected.
        var rejection = Assert.Single(log.Items);
        Assert.Equal(("4", "RNE"), (rejection.Line, rejection.Field));
        Assert.Contains("read as a period of care whose start is not in the return, from 01/06/2024", rejection.Problem);
        var c1 = Child(extract, "C1");
        Assert.Equal(
            [(D(2024, 2, 1), (LocalDate?)D(2024, 4, 1), (LocalDate?)D(2024, 2, 1)), (D(2024, 6, 1), D(2024, 7, 1), D(2024, 6, 1)), (D(2024, 9, 1), null, null)],
            c1.PeriodsOfCare.Select(p => (p.Start, p.End, p.ReviewsRecordedFrom)));
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
    public void LowerCaseCodes_AreReadAsTheirUpperCaseCode_AndSexMAndFAsOneAndTwo()
    {
        using var folder = new Ssda903Folder()
            .Child("C1", sex: "m")
            .Child("C2", sex: "F")
            .Episode("C1", "01/04/2024", "s", "c2", "u4", dec: "01/07/2024", rec: "x1", cin: "n1")
            .Episode("C1", "01/07/2024", "p", "c1", "u5", dec: "01/09/2024", rec: "e13")
            .Episode("C2", "01/04/2024", "S", "v2", "k2");
        var (extract, log) = Read(folder);

        Assert.Empty(log.Items);
        var c1 = Child(extract, "C1");
        Assert.Equal(("M", "N1"), (c1.Person.Gender, c1.Person.PrimaryNeed));
        Assert.Equal("F", Child(extract, "C2").Person.Gender);
        Assert.Equal(("C1/period/2024-04-01", (LocalDate?)D(2024, 9, 1)), (Assert.Single(c1.PeriodsOfCare).Id, c1.PeriodsOfCare[0].End));
        Assert.Equal(["U4", "U5"], c1.Placements.Select(p => p.TypeCode));
        Assert.Equal(["C2", "C1"], c1.LegalStatuses.Select(l => l.Code));
        Assert.Equal(["K2"], Child(extract, "C2").Placements.Select(p => p.TypeCode));
        Assert.Equal(["V2"], Child(extract, "C2").LegalStatuses.Select(l => l.Code));
    }

    [Fact]
    public void TheTextNull_ReadsAsEmpty_InHeaderAndEpisodes()
    {
        using var folder = new Ssda903Folder()
            .Child("C012", sex: "2", dob: "15/03/2012", ethnic: "NULL", upn: "NULL")
            .Episode("C012", "01/04/2024", "S", "C2", "U4", dec: "NULL", rec: "NULL", cin: "null");
        var (extract, log) = Read(folder);

        Assert.Empty(log.Items);
        var c = Child(extract, "C012");
        Assert.Equal(((string?)null, (string?)null, (string?)null), (c.Person.Ethnicity, c.Person.Upn, c.Person.PrimaryNeed));
        Assert.Null(Assert.Single(c.PeriodsOfCare).End);
        Assert.Null(Assert.Single(c.Placements).End);
    }

    [Fact]
    public void Placeholders_AreConfigurable()
    {
        using var folder = new Ssda903Folder()
            .Child("C1", ethnic: "NULL", upn: "-")
            .Episode("C1", "01/04/2024", "S", "C2", "U4");
        var log = new RejectionLog();
        var options = new SourceOptions { Codes = { ["Placeholders"] = "-" } };
        var extract = new Ssda903Adapter().Read("ssda903", new CsvFolderSource(folder.Write()), options, log);

        Assert.Equal(("NULL", (string?)null), (Child(extract, "C1").Person.Ethnicity, Child(extract, "C1").Person.Upn));
    }

    [Fact]
    public void ReviewsRecordedFrom_IsThe1AprilOnOrBeforeTheEarliestReview_SetOnPeriodsThatStartedBefore()
    {
        using var folder = new Ssda903Folder()
            .Child("A1", dob: "01/01/2015")
            .Child("A2", dob: "01/01/2015")
            .Episode("A1", "01/02/2024", "S", "C2", "U4")
            .Episode("A2", "01/04/2024", "S", "C2", "U4")
            .Review("A1", "28/05/2024")
            .Review("A1", "20/11/2024")
            .Review("A2", "25/04/2024");
        var (extract, log) = Read(folder);

        Assert.Empty(log.Items);
        Assert.Equal(D(2024, 4, 1), Assert.Single(Child(extract, "A1").PeriodsOfCare).ReviewsRecordedFrom);
        Assert.Equal(2, Child(extract, "A1").Meetings.Length);

        // A period that started on or after it has all its reviews in the file.
        Assert.Null(Assert.Single(Child(extract, "A2").PeriodsOfCare).ReviewsRecordedFrom);
    }

    [Fact]
    public void ReviewsRecordedFrom_OfAReviewOn1April_IsThatDay_AndTheReviewsFromOptionOverridesIt()
    {
        using var folder = new Ssda903Folder()
            .Child("A1")
            .Episode("A1", "01/02/2020", "S", "C2", "U4")
            .Review("A1", "01/04/2023")
            .Review("A1", "20/11/2024");
        var (extract, _) = Read(folder);
        Assert.Equal(D(2023, 4, 1), Assert.Single(Child(extract, "A1").PeriodsOfCare).ReviewsRecordedFrom);

        var options = new SourceOptions { ReviewsFrom = "2024-04-01" };
        var log = new RejectionLog();
        var overridden = new Ssda903Adapter().Read("ssda903", new CsvFolderSource(folder.Write()), options, log);
        Assert.Equal(D(2024, 4, 1), Assert.Single(Child(overridden, "A1").PeriodsOfCare).ReviewsRecordedFrom);

        var bad = new SourceOptions { ReviewsFrom = "01/04/2024" };
        var e = Assert.Throws<SourceFailedException>(() => new Ssda903Adapter().Read("ssda903", new CsvFolderSource(folder.Write()), bad, new RejectionLog()));
        Assert.Contains("ReviewsFrom", e.Message);
    }

    [Fact]
    public void CareOfUnknownStart_IsAPeriodFromItsFirstEpisode_WithItsReviews_AndNoRejection()
    {
        using var folder = new Ssda903Folder()
            .Child("C1")
            .Child("C2")
            .Episode("C1", "01/02/2019", "P", "C1", "U4", dec: "01/05/2024", rec: "X1")
            .Episode("C1", "01/05/2024", "L", "C2", "U4")
            .Episode("C2", "01/06/2024", "U", "C2", "U5")
            .Review("C1", "10/06/2024")
            .Review("C2", "15/07/2024");
        var (extract, log) = Read(folder);

        Assert.Empty(log.Items);
        var c1 = Child(extract, "C1");
        var period = Assert.Single(c1.PeriodsOfCare);
        Assert.Equal(("C1/period/2019-02-01", D(2019, 2, 1), (LocalDate?)null, (LocalDate?)D(2024, 4, 1)),
            (period.Id, period.Start, period.End, period.ReviewsRecordedFrom));
        Assert.All(c1.Placements, p => Assert.Equal(period.Id, p.PeriodOfCareId));
        Assert.Equal(period.Id, Assert.Single(c1.Meetings).EpisodeId);

        // Its first episode later than the inferred date: reviews are recorded from that episode.
        var c2 = Assert.Single(Child(extract, "C2").PeriodsOfCare);
        Assert.Equal((D(2024, 6, 1), (LocalDate?)D(2024, 6, 1)), (c2.Start, c2.ReviewsRecordedFrom));
        Assert.Single(Child(extract, "C2").Meetings);
    }

    [Fact]
    public void TheXmlFile_WithAChildrenWrapper_IsRead_AndAnUnknownWrapperIsNamedInTheMessage()
    {
        using var folder = new Ssda903Folder();
        const string Child1 = """
            <CHILD>
              <HEADER><CHILDID>C1</CHILDID><SEX>1</SEX><DOB>15/06/2014</DOB><ETHNIC>WBRI</ETHNIC><UPN />
                <AREVIEW><REVIEW>25/04/2024</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
              </HEADER>
              <EPISODE><DECOM>01/04/2024</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U4</PL><DEC>NULL</DEC><REC>NULL</REC></EPISODE>
            </CHILD>
            """;
        var file = Path.Combine(folder.Path, "wrapped.xml");
        File.WriteAllText(file, $"<?xml version='1.0'?><EXPSSDA903><CHILDREN>{Child1}</CHILDREN></EXPSSDA903>");
        var log = new RejectionLog();
        var extract = new Ssda903Adapter().Read("ssda903", SourceCatalog.OpenTables("ssda903", file, new SourceOptions()), new SourceOptions(), log);
        Assert.Empty(log.Items);
        var c1 = Child(extract, "C1");
        Assert.Null(Assert.Single(c1.PeriodsOfCare).End);
        Assert.Single(c1.Meetings);

        var other = Path.Combine(folder.Path, "other.xml");
        File.WriteAllText(other, $"<?xml version='1.0'?><EXPSSDA903><LOOKED_AFTER>{Child1}</LOOKED_AFTER></EXPSSDA903>");
        var e = Assert.Throws<SourceFailedException>(() => new Ssda903Adapter().Read("ssda903",
            SourceCatalog.OpenTables("ssda903", other, new SourceOptions()), new SourceOptions(), new RejectionLog()));
        Assert.Contains("EXPSSDA903/CHILD", e.Message);
        Assert.Contains("LOOKED_AFTER", e.Message);
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

using CaseCompliance.Adapters.CinCensus;
using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Domain;

namespace CaseCompliance.Adapters.Tests;

/// <summary>
/// The CIN census adapter on small handwritten returns (synthetic ids and dates): what each element becomes, and
/// that every unusable element of an inconsistent return is a rejection naming its element path and field while the
/// rest of the child is used.
/// </summary>
public sealed class CinCensusAdapterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-cin-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Write(string children, string name = "census.xml")
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <Message>
              <Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year><ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails></Header>
              <Children>
            {children}
              </Children>
            </Message>
            """);
        return path;
    }

    private static (SourceExtract Extract, List<Rejection> Rejected) Read(string path)
    {
        var log = new RejectionLog();
        var options = new SourceOptions();
        var extract = new CinCensusAdapter().Read("census", SourceCatalog.OpenTables("cin-census", path, options), options, log);
        return (extract, [.. log.Items]);
    }

    private static string Show(Rejection r) => $"{r.Line} {r.Field}: {r.Problem}";

    private const string Good = """
        <Child>
          <ChildIdentifiers>
            <LAchildID>T001</LAchildID><UPN>Z999990000001</UPN><PersonBirthDate>2015-06-01</PersonBirthDate><GenderCurrent>1</GenderCurrent>
          </ChildIdentifiers>
          <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
          <CINdetails>
            <CINreferralDate>2024-04-02</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
            <DateOfInitialCPC>2024-04-19</DateOfInitialCPC><ReferralNFA>false</ReferralNFA>
            <Assessments>
              <AssessmentActualStartDate>2024-04-03</AssessmentActualStartDate>
              <AssessmentInternalReviewDate>2024-04-25</AssessmentInternalReviewDate>
              <AssessmentAuthorisationDate>2024-05-20</AssessmentAuthorisationDate>
              <FactorsIdentifiedAtAssessment><AssessmentFactors>2A</AssessmentFactors></FactorsIdentifiedAtAssessment>
            </Assessments>
            <Section47>
              <S47ActualStartDate>2024-04-03</S47ActualStartDate><InitialCPCtarget>2024-04-24</InitialCPCtarget>
              <DateOfInitialCPC>2024-04-19</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired>
            </Section47>
            <ChildProtectionPlans>
              <CPPstartDate>2024-04-19</CPPstartDate><CPPendDate>2025-01-10</CPPendDate>
              <Reviews><CPPreviewDate>2024-07-15</CPPreviewDate><CPPreviewDate>2024-12-20</CPPreviewDate></Reviews>
            </ChildProtectionPlans>
          </CINdetails>
          <CINdetails>
            <CINreferralDate>2025-02-03</CINreferralDate><PrimaryNeedCode>N3</PrimaryNeedCode><ReferralNFA>0</ReferralNFA>
            <CINPlanDates><CINPlanStartDate>2025-02-20</CINPlanStartDate></CINPlanDates>
            <Section47><S47ActualStartDate>2025-02-04</S47ActualStartDate><ICPCnotRequired>true</ICPCnotRequired></Section47>
          </CINdetails>
        </Child>
        <Child>
          <ChildIdentifiers><LAchildID>T002</LAchildID><UPNunknown>UN2</UPNunknown><PersonBirthDate>2012-01-09</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
          <ChildCharacteristics><Ethnicity>APKN</Ethnicity><Disabilities><Disability>HAND</Disability><Disability>HEAR</Disability></Disabilities></ChildCharacteristics>
          <CINdetails><CINreferralDate>2024-09-09</CINreferralDate><CINclosureDate>2024-09-12</CINclosureDate><ReasonForClosure>RC8</ReasonForClosure><ReferralNFA>true</ReferralNFA></CINdetails>
        </Child>
        """;

    [Fact]
    public void WellFormedReturn_EveryElementMapsToTheCanonicalRecord()
    {
        var (extract, rejected) = Read(Write(Good));

        Assert.Empty(rejected);
        Assert.Equal("cin-census", extract.Kind);
        var first = extract.Cases.Single(c => c.Person.Id == "T001");
        Assert.Equal(("1", "WBRI", new LocalDate(2015, 6, 1), "Z999990000001"),
            (first.Person.Gender, first.Person.Ethnicity, first.Person.DateOfBirth, first.Person.Upn));
        Assert.False(first.Records(Dataset.PersonNames));
        Assert.True(first.Person.DisabilityRecorded);
        Assert.Empty(first.Person.Disabilities);

        // Ids are element paths from the child's LAchildID (rejected.csv names the whole path from Child[n]).
        Assert.Equal(["T001/CINdetails[1]", "T001/CINdetails[2]"], first.Referrals.Select(r => r.Id));
        Assert.Equal(("N1", (bool?)false), (first.Referrals[0].PrimaryNeedCode, first.Referrals[0].NoFurtherAction));

        var assessment = Assert.Single(first.Assessments);
        Assert.Equal(new Assessment("T001/CINdetails[1]/Assessments[1]", "T001", "T001/CINdetails[1]", AssessmentKind.SocialCare,
            new LocalDate(2024, 4, 3), new LocalDate(2024, 5, 20), null), assessment);
        Assert.Equal(new AssessmentReviewPoint(assessment.Id, new LocalDate(2024, 4, 25)), Assert.Single(first.AssessmentReviewPoints));

        Assert.Equal(2, first.S47Enquiries.Length);
        var s47 = first.S47Enquiries[0];
        Assert.Equal(("T001/CINdetails[1]/Section47[1]", new LocalDate(2024, 4, 3), (LocalDate?)new LocalDate(2024, 4, 19), (LocalDate?)new LocalDate(2024, 4, 24)),
            (s47.Id, s47.Start, s47.End, s47.IcpcTarget));
        var icpc = Assert.Single(first.InitialConferences);
        Assert.Equal((s47.Id, (LocalDate?)new LocalDate(2024, 4, 19), false), (icpc.S47EnquiryId, icpc.Date, icpc.TransferIn));

        // Not required: ended without a conference (dated at its start, the only date the census gives).
        Assert.Equal(new LocalDate(2025, 2, 4), first.S47Enquiries[1].End);

        var cp = Assert.Single(first.Plans, p => p.Kind == PlanKind.ChildProtection);
        Assert.Equal(("T001/CINdetails[1]/ChildProtectionPlans[1]", new LocalDate(2024, 4, 19), (LocalDate?)new LocalDate(2025, 1, 10)), (cp.Id, cp.Start, cp.End));
        Assert.Equal([new LocalDate(2024, 7, 15), new LocalDate(2024, 12, 20)],
            first.Meetings.Where(m => m.Type == MeetingType.ChildProtectionReview && m.EpisodeId == cp.Id).Select(m => m.Date!.Value));
        var cin = Assert.Single(first.Plans, p => p.Kind == PlanKind.ChildInNeed);
        Assert.Equal(("T001/CINdetails[2]", new LocalDate(2025, 2, 20), (LocalDate?)null), (cin.ReferralId, cin.Start, cin.End));

        var second = extract.Cases.Single(c => c.Person.Id == "T002");
        Assert.Equal(("F", "UN2", (string?)null), (second.Person.Gender, second.Person.UpnUnknownReason, second.Person.Upn));
        Assert.Equal(["HAND", "HEAR"], second.Person.Disabilities.ToArray());
        Assert.Equal(new LocalDate(2024, 9, 12), Assert.Single(second.Referrals).CloseDate);

        Assert.True(first.Records(Dataset.AssessmentReviewPoints));
        Assert.True(first.Records(Dataset.ChildProtectionReviews));
        foreach (var absent in new[] { Dataset.Allocations, Dataset.Meetings, Dataset.ChildProtectionVisits, Dataset.ChildInNeedVisits,
                     Dataset.ManagementRecords, Dataset.Contacts, Dataset.ContactDecisions, Dataset.Addresses, Dataset.PersonDetails, Dataset.PeriodsOfCare })
        {
            Assert.False(first.Records(absent), $"{absent} is not in the census");
        }
    }

    [Fact]
    public void NoInternalReviewDateInTheReturn_ReviewPointsAreNotRecorded()
    {
        var (extract, _) = Read(Write(Good.Replace("<AssessmentInternalReviewDate>2024-04-25</AssessmentInternalReviewDate>", "", StringComparison.Ordinal)));

        Assert.All(extract.Cases, c => Assert.False(c.Records(Dataset.AssessmentReviewPoints)));
    }

    private const string Inconsistent = """
        <Child>
          <ChildIdentifiers><LAchildID>B001</LAchildID><PersonBirthDate>1900-01-01</PersonBirthDate><Sex>M</Sex></ChildIdentifiers>
          <CINdetails>
            <CINreferralDate>2024-04-02</CINreferralDate><CINclosureDate>2024-03-01</CINclosureDate><ReferralNFA>maybe</ReferralNFA>
            <Assessments>
              <AssessmentActualStartDate>2024-04-03</AssessmentActualStartDate>
              <AssessmentInternalReviewDate>2024-03-25</AssessmentInternalReviewDate>
              <AssessmentAuthorisationDate>2024-04-01</AssessmentAuthorisationDate>
            </Assessments>
            <Assessments>
              <AssessmentActualStartDate>03/04/2024</AssessmentActualStartDate>
              <AssessmentAuthorisationDate>2024-13-45</AssessmentAuthorisationDate>
            </Assessments>
            <Section47>
              <S47ActualStartDate>2024-04-03</S47ActualStartDate><DateOfInitialCPC>2024-03-20</DateOfInitialCPC>
            </Section47>
            <ChildProtectionPlans>
              <CPPstartDate>2024-04-19</CPPstartDate><CPPendDate>2024-02-01</CPPendDate>
              <Reviews><CPPreviewDate>2024-01-15</CPPreviewDate><CPPreviewDate>2024-07-15</CPPreviewDate></Reviews>
            </ChildProtectionPlans>
            <ChildProtectionPlans>
              <CPPstartDate>1066-04-13</CPPstartDate>
              <Reviews><CPPreviewDate>2024-08-15</CPPreviewDate></Reviews>
            </ChildProtectionPlans>
          </CINdetails>
          <CINdetails>
            <CINreferralDate>2024-11-05</CINreferralDate><DateOfInitialCPC>2024-11-20</DateOfInitialCPC>
          </CINdetails>
        </Child>
        <Child>
          <ChildIdentifiers><PersonBirthDate>2016-02-02</PersonBirthDate></ChildIdentifiers>
          <CINdetails><CINreferralDate>2024-05-05</CINreferralDate><Assessments><AssessmentActualStartDate>2024-05-06</AssessmentActualStartDate></Assessments></CINdetails>
        </Child>
        <Child>
          <ChildIdentifiers><LAchildID>B001</LAchildID></ChildIdentifiers>
          <CINdetails><CINreferralDate>2024-06-06</CINreferralDate></CINdetails>
        </Child>
        <Child>
          <ChildIdentifiers><LAchildID>B004</LAchildID><LAchildID>B005</LAchildID></ChildIdentifiers>
          <CINdetails><CINreferralDate>2024-07-07</CINreferralDate></CINdetails>
        </Child>
        """;

    [Fact]
    public void InconsistentReturn_EveryUnusableElementIsRejected_NamingItsPathAndField()
    {
        var (extract, rejected) = Read(Write(Inconsistent));

        Assert.All(rejected, r => Assert.Equal(("census", "census.xml"), (r.Source, r.File)));
        Assert.Equal(
            [
                "Child[1] ChildIdentifiers/PersonBirthDate: '1900-01-01' is before 1990-01-01: not a plausible date (a placeholder or a typing error); the field is ignored",
                "Child[2] ChildIdentifiers/LAchildID: missing id: the row cannot be used",
                "Child[3] ChildIdentifiers/LAchildID: LAchildID B001 again (first in Child[1]): the first Child is kept and the row cannot be used",
                "Child[4] ChildIdentifiers/LAchildID: element ChildIdentifiers/LAchildID appears more than once in Child: the row cannot be used",
                "Child[1]/CINdetails[1]/Section47[1] DateOfInitialCPC: '2024-03-20' is before the enquiry's start (2024-04-03); the field is ignored",
                "Child[1]/CINdetails[1] CINclosureDate: end date '2024-03-01' is before the start '2024-04-02' (CINreferralDate); the field is ignored",
                "Child[1]/CINdetails[1] ReferralNFA: 'maybe' is not a flag (use Y/N, 1/0 or true/false; empty = unknown); the field is ignored",
                "Child[1]/CINdetails[2] DateOfInitialCPC: an initial conference date with no Section47 element in this CINdetails: it belongs to no enquiry; the field is ignored",
                "Child[2]/CINdetails[1] child: the Child Child[2] could not be used (see its own rejection): the row cannot be used",
                "Child[3]/CINdetails[1] child: the Child Child[3] could not be used (see its own rejection): the row cannot be used",
                "Child[4]/CINdetails[1] child: the Child Child[4] could not be used (see its own rejection): the row cannot be used",
                "Child[1]/CINdetails[1]/Assessments[1] AssessmentAuthorisationDate: end date '2024-04-01' is before the start '2024-04-03' (AssessmentActualStartDate); the field is ignored",
                "Child[1]/CINdetails[1]/Assessments[1] AssessmentInternalReviewDate: '2024-03-25' is before the assessment's start (2024-04-03); the field is ignored",
                "Child[1]/CINdetails[1]/Assessments[2] AssessmentActualStartDate: '03/04/2024' is not a date in the census form yyyy-MM-dd; the field is ignored",
                "Child[1]/CINdetails[1]/Assessments[2] AssessmentAuthorisationDate: '2024-13-45' is not a date in the census form yyyy-MM-dd; the field is ignored",
                "Child[2]/CINdetails[1]/Assessments[1] child: the Child Child[2] could not be used (see its own rejection): the row cannot be used",
                "Child[1]/CINdetails[1]/ChildProtectionPlans[1] CPPendDate: end date '2024-02-01' is before the start '2024-04-19' (CPPstartDate); the field is ignored",
                "Child[1]/CINdetails[1]/ChildProtectionPlans[2] CPPstartDate: '1066-04-13' is before 1990-01-01: not a plausible date (a placeholder or a typing error): the row cannot be used",
                "Child[1]/CINdetails[1]/ChildProtectionPlans[1]/Reviews[1]/CPPreviewDate[1] CPPreviewDate: '2024-01-15' is before the plan's start (2024-04-19): the row cannot be used",
                "Child[1]/CINdetails[1]/ChildProtectionPlans[2]/Reviews[1]/CPPreviewDate[1] plan: no usable child protection plan Child[1]/CINdetails[1]/ChildProtectionPlans[2] of this child: the row cannot be used",
            ],
            rejected.Select(Show).ToArray());

        // The rest of the child is used; nothing unusable makes an open obligation look done.
        var child = Assert.Single(extract.Cases);
        Assert.Null(child.Person.DateOfBirth);
        Assert.Equal("M", child.Person.Gender);
        Assert.Equal([null, null], child.Referrals.Select(r => r.CloseDate));
        Assert.Equal(2, child.Assessments.Length);
        Assert.All(child.Assessments, a => Assert.Null(a.Completed));
        Assert.Null(child.Assessments[1].Start);
        Assert.Empty(child.AssessmentReviewPoints);
        var s47 = Assert.Single(child.S47Enquiries);
        Assert.Null(s47.End);
        Assert.Empty(child.InitialConferences);
        var plan = Assert.Single(child.Plans);
        Assert.Null(plan.End);
        Assert.Equal([new LocalDate(2024, 7, 15)], child.Meetings.Select(m => m.Date!.Value));
    }

    [Fact]
    public void EveryRejection_CarriesItsElementAsRecordId_EndsBeforeStartsToo()
    {
        var (_, rejected) = Read(Write(Inconsistent));

        // A Child is known by its LAchildID; an element under it by its path (cut to the longest id rejected.csv holds).
        Assert.All(rejected.Where(r => r.Line.Contains('/', StringComparison.Ordinal)),
            r => Assert.StartsWith(r.RecordId!.TrimEnd('…'), r.Line, StringComparison.Ordinal));
        Assert.Contains(rejected, r => r is { Field: "CINclosureDate", RecordId: "Child[1]/CINdetails[1]" });
    }

    [Fact]
    public void ElementNamedInAnotherCase_IsNotRead_AndTheRejectionNamesTheElementMissing()
    {
        var (_, rejected) = Read(Write(Good.Replace("<CINreferralDate>2024-09-09</CINreferralDate>", "<CINReferralDate>2024-09-09</CINReferralDate>", StringComparison.Ordinal)));

        Assert.Equal(
            ["Child[2]/CINdetails[1] CINreferralDate: missing date: no CINreferralDate element, or it is empty (element names are case-sensitive): the row cannot be used"],
            rejected.Select(Show).ToArray());
    }

    [Fact]
    public void NullText_ReadsAsEmpty_AsConfiguredPlaceholders()
    {
        var path = Write(Good
            .Replace("<UPN>Z999990000001</UPN>", "<UPN>NULL</UPN>", StringComparison.Ordinal)
            .Replace("<CINclosureDate>2024-09-12</CINclosureDate>", "<CINclosureDate>null</CINclosureDate>", StringComparison.Ordinal));

        var (extract, rejected) = Read(path);

        Assert.Empty(rejected);
        Assert.Null(extract.Cases.Single(c => c.Person.Id == "T001").Person.Upn);
        Assert.Null(Assert.Single(extract.Cases.Single(c => c.Person.Id == "T002").Referrals).CloseDate);

        // A site's own list replaces the default: NULL is then a value like any other.
        var options = new SourceOptions { Codes = { ["Placeholders"] = "N/K" } };
        var log = new RejectionLog();
        var own = new CinCensusAdapter().Read("census", SourceCatalog.OpenTables("cin-census", path, options), options, log);
        Assert.Equal("NULL", own.Cases.Single(c => c.Person.Id == "T001").Person.Upn);
        Assert.Contains(log.Items, r => r.Field == "CINclosureDate" && r.Problem.StartsWith("'null' is not a date", StringComparison.Ordinal));
    }

    [Fact]
    public void DatesDecadesApart_TheLaterIsRejected_AndTheEpisodeStaysOpen()
    {
        var (extract, rejected) = Read(Write(Good
            .Replace("<AssessmentAuthorisationDate>2024-05-20</AssessmentAuthorisationDate>", "<AssessmentAuthorisationDate>2054-05-20</AssessmentAuthorisationDate>", StringComparison.Ordinal)
            .Replace("<CPPreviewDate>2024-12-20</CPPreviewDate>", "<CPPreviewDate>2094-12-20</CPPreviewDate>", StringComparison.Ordinal)));

        Assert.Equal(
            [
                "Child[1]/CINdetails[1]/Assessments[1] AssessmentAuthorisationDate: '2054-05-20' is more than 18 years after the start (2024-04-03): dates decades apart are not plausible; the field is ignored",
                "Child[1]/CINdetails[1]/ChildProtectionPlans[1]/Reviews[1]/CPPreviewDate[2] CPPreviewDate: '2094-12-20' is more than 18 years after the plan's start (2024-04-19): dates decades apart are not plausible: the row cannot be used",
            ],
            rejected.Select(Show).ToArray());
        var child = extract.Cases.Single(c => c.Person.Id == "T001");
        Assert.Null(Assert.Single(child.Assessments).Completed);
        Assert.Single(child.Meetings);
    }

    [Theory]
    [InlineData("2024-04-31", "a conference date that is no date")]
    [InlineData("2024-04-01", "a conference before the enquiry began")]
    public void ConferenceNotRequired_ButAConferenceDateRejected_TheEnquiryStaysAwaitingItsConference(string held, string why)
    {
        var child = Good
            .Replace("<DateOfInitialCPC>2024-04-19</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired>",
                $"<DateOfInitialCPC>{held}</DateOfInitialCPC><ICPCnotRequired>true</ICPCnotRequired>", StringComparison.Ordinal);
        Assert.NotEqual(Good, child);
        var (extract, rejected) = Read(Write(child));

        // "Not required" is not believed against a conference date, even one that cannot be used: otherwise the
        // enquiry would end at its start and icpc-timescale would call a missing conference not needed.
        var enquiry = extract.Cases.Single(c => c.Person.Id == "T001").S47Enquiries.Single(e => e.Id == "T001/CINdetails[1]/Section47[1]");
        Assert.Null(enquiry.End);
        var first = rejected.Where(r => r.Line.StartsWith("Child[1]/CINdetails[1]/Section47", StringComparison.Ordinal)).ToList();
        Assert.True(first.Count == 2 && first.Any(r => r.Field == "DateOfInitialCPC")
            && first.Any(r => r.Field == "ICPCnotRequired" && r.Problem.Contains("awaiting its conference", StringComparison.Ordinal)),
            why + ": " + string.Join("; ", first.Select(Show)));
    }

    [Fact]
    public void BadlyFormedFile_FailsTheSource_NamingFileAndLine()
    {
        var path = Write(Good.Replace("</CINreferralDate><ReferralSource>", "</CINreferralDate><ReferralSource", StringComparison.Ordinal));

        var e = Assert.Throws<SourceFailedException>(() => Read(path));

        Assert.Contains("census.xml", e.Message);
        Assert.Matches(@"line \d+, position \d+", e.Message);
    }

    [Fact]
    public void Locations_FileKindsReadFiles_FolderKindsFolders()
    {
        var file = Write(Good);
        var options = new SourceOptions();

        Assert.IsType<XmlTableSource>(SourceCatalog.OpenTables("cin-census", file, options));
        Assert.Contains("reads one file", Assert.IsType<UnreadableSource>(SourceCatalog.OpenTables("cin-census", _folder, options)).Reason);
        Assert.Contains("file not found", Assert.IsType<UnreadableSource>(SourceCatalog.OpenTables("cin-census", file + ".missing", options)).Reason);
        Assert.Contains("reads a folder", Assert.IsType<UnreadableSource>(SourceCatalog.OpenTables("standard", file, options)).Reason);
        Assert.IsType<CsvFolderSource>(SourceCatalog.OpenTables("standard", _folder, options));
        Assert.Contains("cin-census", SourceCatalog.Kinds);
    }

    [Fact]
    public void ASiteMayPointAColumnAtAnotherElement()
    {
        var options = new SourceOptions { Columns = { ["child.ChildIdentifiers/UPN"] = "ChildIdentifiers/PupilNumber" } };
        var path = Write(Good.Replace("<UPN>Z999990000001</UPN>", "<PupilNumber>Z999990000009</PupilNumber>", StringComparison.Ordinal));

        var extract = new CinCensusAdapter().Read("census", SourceCatalog.OpenTables("cin-census", path, options), options, new RejectionLog());

        Assert.Equal("Z999990000009", extract.Cases.Single(c => c.Person.Id == "T001").Person.Upn);
    }
}

using System.Text;
using CaseCompliance.Adapters.Tables;

namespace CaseCompliance.Adapters.Tests;

/// <summary>
/// The generic XML table source: rows at a path below a repeated record element, fields by relative paths, indexed
/// element paths as ids and lines, repeated elements as rejected rows, and what fails the source.
/// </summary>
public sealed class XmlTableSourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-xml-").FullName;

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

    private const string Doc = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Message xmlns="http://www.example.org/synthetic">
          <Header><Source>ignored</Source></Header>
          <Children>
            <Child>
              <ChildIdentifiers><LAchildID>A1</LAchildID></ChildIdentifiers>
              <CINdetails>
                <CINreferralDate>2024-01-02</CINreferralDate>
                <Assessments><AssessmentActualStartDate>2024-01-03</AssessmentActualStartDate><Factors><F>1A</F><F>2B</F></Factors></Assessments>
                <Assessments><AssessmentActualStartDate>2024-02-03</AssessmentActualStartDate></Assessments>
              </CINdetails>
              <CINdetails>
                <CINreferralDate>2024-05-06</CINreferralDate>
              </CINdetails>
            </Child>
            <Child>
              <ChildIdentifiers><LAchildID>  B2 </LAchildID></ChildIdentifiers>
              <CINdetails>
                <CINreferralDate>2024-03-04</CINreferralDate>
                <Assessments><AssessmentActualStartDate>2024-03-05</AssessmentActualStartDate></Assessments>
              </CINdetails>
            </Child>
          </Children>
        </Message>
        """;

    private static readonly XmlTableMap ChildMap = new("child", "",
        [new XmlField("id", "@path"), new XmlField("la_id", "ChildIdentifiers/LAchildID"), new XmlField("missing", "Nope")]);

    private static readonly XmlTableMap ReferralMap = new("referral", "CINdetails",
        [new XmlField("id", "@path"), new XmlField("child", "../@path"), new XmlField("la_id", "../ChildIdentifiers/LAchildID"),
         new XmlField("date", "CINreferralDate")]);

    private static readonly XmlTableMap AssessmentMap = new("assessment", "CINdetails/Assessments",
        [new XmlField("id", "@path"), new XmlField("referral", "../@path"), new XmlField("start", "AssessmentActualStartDate"),
         new XmlField("referral_date", "../CINreferralDate"), new XmlField("la_id", "../../ChildIdentifiers/LAchildID")]);

    private static readonly XmlTableMap FactorMap = new("factor", "CINdetails/Assessments/Factors/F",
        [new XmlField("assessment", "../../@path"), new XmlField("code", ".")]);

    private string Write(string text, string name = "census.xml") => WriteBytes(Encoding.UTF8.GetBytes(text), name);

    private string WriteBytes(byte[] bytes, string name = "census.xml")
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static XmlTableSource Source(string path, params XmlTableMap[] maps) =>
        new(path, "Children/Child", maps.Length == 0 ? [ChildMap, ReferralMap, AssessmentMap, FactorMap] : maps);

    private static string[] Show(IEnumerable<TableRow> rows, params string[] columns) =>
        [.. rows.Select(r => r.Problem is { } p ? $"{r.Line}: !{r.ProblemField}: {p}" : $"{r.Line}: {string.Join('|', columns.Select(c => r[c]))}")];

    [Fact]
    public void Rows_AtTheirPaths_WithIndexedPathsAsLinesAndIds()
    {
        var source = Source(Write(Doc));

        Assert.Equal(["Child[1]: Child[1]|A1|", "Child[2]: Child[2]|  B2 |"], Show(source.Read("child"), "id", "la_id", "missing"));
        Assert.Equal(
            [
                "Child[1]/CINdetails[1]: Child[1]/CINdetails[1]|Child[1]|A1|2024-01-02",
                "Child[1]/CINdetails[2]: Child[1]/CINdetails[2]|Child[1]|A1|2024-05-06",
                "Child[2]/CINdetails[1]: Child[2]/CINdetails[1]|Child[2]|  B2 |2024-03-04",
            ],
            Show(source.Read("referral"), "id", "child", "la_id", "date"));
        Assert.Equal(
            [
                "Child[1]/CINdetails[1]/Assessments[1]: Child[1]/CINdetails[1]|2024-01-03|2024-01-02|A1",
                "Child[1]/CINdetails[1]/Assessments[2]: Child[1]/CINdetails[1]|2024-02-03|2024-01-02|A1",
                "Child[2]/CINdetails[1]/Assessments[1]: Child[2]/CINdetails[1]|2024-03-05|2024-03-04|  B2 ",
            ],
            Show(source.Read("assessment"), "referral", "start", "referral_date", "la_id"));
        Assert.Equal(
            ["Child[1]/CINdetails[1]/Assessments[1]/Factors[1]/F[1]: Child[1]/CINdetails[1]/Assessments[1]|1A",
             "Child[1]/CINdetails[1]/Assessments[1]/Factors[1]/F[2]: Child[1]/CINdetails[1]/Assessments[1]|2B"],
            Show(source.Read("factor"), "assessment", "code"));
        Assert.All(source.Read("assessment"), r => Assert.Equal("census.xml", r.File));
    }

    [Fact]
    public void Tables_ExistAndHaveTheirMappedColumnsAsHeader()
    {
        var path = Write(Doc);
        var source = Source(path);

        Assert.True(source.Exists("assessment"));
        Assert.False(source.Exists("placement"));
        Assert.Equal(["id", "referral", "start", "referral_date", "la_id"], source.Header("assessment"));
        Assert.Equal("census.xml", source.Describe("assessment"));
        Assert.Equal(Path.GetFullPath(path), source.Location);
    }

    [Fact]
    public void ElementTwiceInARow_RejectsTheRowNamingTheColumn()
    {
        var source = Source(Write(Doc.Replace("<CINreferralDate>2024-05-06</CINreferralDate>",
            "<CINreferralDate>2024-05-06</CINreferralDate><CINreferralDate>2024-05-07</CINreferralDate>", StringComparison.Ordinal)));

        var rows = source.Read("referral").ToList();

        Assert.Equal("Child[1]/CINdetails[1]: Child[1]/CINdetails[1]|2024-01-02", Show(rows, "id", "date")[0]);
        Assert.Equal("Child[1]/CINdetails[2]", rows[1].Line);
        Assert.Equal("date", rows[1].ProblemField);
        Assert.Contains("CINreferralDate appears more than once", rows[1].Problem);
        Assert.Equal("Child[2]/CINdetails[1]: Child[2]/CINdetails[1]|2024-03-04", Show(rows, "id", "date")[2]);
    }

    [Fact]
    public void OtherElements_AndRecordsOutsideThePath_AreSkipped()
    {
        var source = Source(Write("""
            <Message>
              <Child><ChildIdentifiers><LAchildID>NOT-A-RECORD</LAchildID></ChildIdentifiers></Child>
              <Children>
                <Other><Child><ChildIdentifiers><LAchildID>NESTED</LAchildID></ChildIdentifiers></Child></Other>
                <Child><ChildIdentifiers><LAchildID>C3</LAchildID></ChildIdentifiers></Child>
                <Child/>
              </Children>
              <Children><Child><ChildIdentifiers><LAchildID>D4</LAchildID></ChildIdentifiers></Child></Children>
            </Message>
            """), ChildMap);

        Assert.Equal(["Child[1]: C3", "Child[2]: ", "Child[3]: D4"], Show(source.Read("child"), "la_id"));
    }

    [Fact]
    public void OwnTextOfAnElementWithChildren_IsItsTextNodesOnly()
    {
        var source = Source(Write("<M><R><C>x<D>inner</D>y</C></R></M>"), new XmlTableMap("c", "C", [new XmlField("own", "."), new XmlField("id", "../@path")]));
        var withRoot = new XmlTableSource(Write("<M><R><C>x<D>inner</D>y</C></R></M>", "b.xml"), "R",
            [new XmlTableMap("c", "C", [new XmlField("own", "."), new XmlField("id", "../@path")])]);

        Assert.Empty(source.Read("c"));
        Assert.Equal(["R[1]/C[1]: xy|R[1]"], Show(withRoot.Read("c"), "own", "id"));
    }

    [Fact]
    public void MissingFile_FailsTheSourceNamingIt()
    {
        var source = Source(Path.Combine(_folder, "absent.xml"));

        var e = Assert.Throws<SourceFailedException>(() => source.Exists("child"));
        Assert.Contains("absent.xml", e.Message);
        Assert.Contains("not found", e.Message);
        Assert.Throws<SourceFailedException>(() => source.Read("child").ToList());
    }

    [Fact]
    public void NotWellFormed_FailsTheSourceWithFileLineAndPosition()
    {
        var source = Source(Write("<Message>\n<Children>\n<Child><ChildIdentifiers><LAchildID>A</LAchildID></Child>\n</Children></Message>"));

        var e = Assert.Throws<SourceFailedException>(() => source.Read("child").ToList());

        Assert.Contains("census.xml", e.Message);
        Assert.Contains("line 3, position", e.Message);
    }

    [Fact]
    public void Truncated_FailsTheSource()
    {
        var source = Source(Write(Doc[..(Doc.Length / 2)]));

        var e = Assert.Throws<SourceFailedException>(() => source.Read("child").ToList());
        Assert.Contains("census.xml", e.Message);
        Assert.Contains("not well-formed", e.Message);
    }

    [Fact]
    public void BytesNotUtf8_FailTheSource()
    {
        var bytes = Encoding.UTF8.GetBytes("<Message><Children><Child><ChildIdentifiers><LAchildID>Zo?</LAchildID></ChildIdentifiers></Child></Children></Message>");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xEB; // Latin-1 ë, not UTF-8

        var e = Assert.Throws<SourceFailedException>(() => Source(WriteBytes(bytes)).Read("child").ToList());
        Assert.Contains("census.xml", e.Message);
        Assert.Contains("line 1", e.Message);
    }

    [Fact]
    public void DeclaredEncoding_IsHonoured()
    {
        var text = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Message><Children><Child><ChildIdentifiers><LAchildID>Zoë</LAchildID></ChildIdentifiers></Child></Children></Message>";

        var source = Source(WriteBytes(Encoding.Latin1.GetBytes(text)), ChildMap);

        Assert.Equal(["Child[1]: Zoë"], Show(source.Read("child"), "la_id"));
    }

    [Fact]
    public void DeclaredWindowsCodePage_IsRead_WithoutACsvSourceHavingRegisteredCodePages()
    {
        // é is the single byte 0xE9 in windows-1252; .NET knows the code page only once its provider is registered.
        var bytes = Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"windows-1252\"?><Message><Children><Child><ChildIdentifiers><LAchildID>Ren~</LAchildID></ChildIdentifiers></Child></Children></Message>");
        bytes[Array.IndexOf(bytes, (byte)'~')] = 0xE9;

        var source = Source(WriteBytes(bytes), ChildMap);

        Assert.Equal(["Child[1]: René"], Show(source.Read("child"), "la_id"));
    }

    [Fact]
    public void Dtd_IsRefused()
    {
        var source = Source(Write("""
            <?xml version="1.0"?>
            <!DOCTYPE Message [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <Message><Children><Child><ChildIdentifiers><LAchildID>&x;</LAchildID></ChildIdentifiers></Child></Children></Message>
            """));

        var e = Assert.Throws<SourceFailedException>(() => source.Read("child").ToList());
        Assert.Contains("census.xml", e.Message);
    }

    [Fact]
    public void BadMaps_AreRefusedAtConstruction()
    {
        Assert.Throws<ArgumentException>(() => new XmlTableSource("x.xml", "R", [new XmlTableMap("t", "", [new XmlField("a", "A"), new XmlField("a", "B")])]));
        Assert.Throws<ArgumentException>(() => new XmlTableSource("x.xml", "R", [new XmlTableMap("t", "", [new XmlField("a", "A/@id")])]));
    }
}

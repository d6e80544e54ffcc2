using System.Text;
using CaseCompliance.Adapters;
using CaseCompliance.Adapters.CareFirst;
using CaseCompliance.Adapters.LiquidLogic;
using CaseCompliance.Adapters.Mosaic;
using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Standard;
using CaseCompliance.Adapters.Tables;

namespace CaseCompliance.Generation.Tests;

/// <summary>
/// The bundled samples through the sinks: samples/standard read by <see cref="StandardFolder"/> and written by each
/// format's sink reads back, with that format's adapter, as the same children with the same visits, meetings and
/// plans as samples/standard with the standard adapter.
/// </summary>
public sealed class SinkSampleTests
{
    public static TheoryData<string> Formats => new() { "standard", "liquidlogic", "mosaic", "carefirst" };

    [Theory]
    [MemberData(nameof(Formats))]
    public void WrittenSample_ReadsBackAsTheStandardSample(string format)
    {
        using var written = SinkSamples.Write(format);
        var expected = SinkSamples.Counts(new StandardAdapter(), SinkSamples.Sample("standard"));
        var actual = SinkSamples.Counts(SinkSamples.Adapter(format), written.Path);

        Assert.Equal(20, expected.Count);
        Assert.True(expected.Values.Sum(c => c.Visits) > 200 && expected.Values.Sum(c => c.Meetings) > 50 && expected.Values.Sum(c => c.Plans) >= 6);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void ChildWithOnlyAPersonRow_GivesEveryFileWithItsHeader_AndReadsBack(string format)
    {
        using var dir = new SinkTempFolder();
        using (var sink = SinkSamples.Sink(format, dir.Path))
        {
            sink.Directory(new SsdTables());
            sink.Child(new SsdTables { PersonId = "C1" }.Add("ssd_person", ("pers_person_id", "C1"), ("pers_dob", "2015-03-01")));
        }

        var expectedFiles = Directory.GetFiles(SinkSamples.Sample(format), "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expectedFiles, Directory.GetFiles(dir.Path, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var counts = SinkSamples.Counts(SinkSamples.Adapter(format), dir.Path);
        Assert.Equal((0, 0, 0), Assert.Single(counts, c => c.Key == "C1").Value);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void UnknownCodesAndBadDates_AreWrittenForTheAdapterToJudge(string format)
    {
        // What the generator plants to be rejected: no sink refuses it, and no adapter reads it as a record.
        using var dir = new SinkTempFolder();
        using (var sink = SinkSamples.Sink(format, dir.Path))
        {
            sink.Directory(new SsdTables());
            sink.Child(new SsdTables { PersonId = "C1" }
                .Add("ssd_person", ("pers_person_id", "C1"), ("pers_dob", "2015-03-01"))
                .Add("cc_meetings", ("meet_id", "M1"), ("meet_person_id", "C1"), ("meet_type", "taf-reveiw"), ("meet_date", "2025-01-02"))
                .Add("cc_visits", ("visi_id", "V1"), ("visi_person_id", "C1"), ("visi_type", "care-leavr"), ("visi_date", "2025-01-02"))
                .Add("ssd_cin_visits", ("cinv_cin_visit_id", "V2"), ("cinv_person_id", "C1"), ("cinv_cin_visit_date", "2025-02-30"))
                .Add("ssd_involvements", ("invo_involvements_id", "I1"), ("invo_person_id", "C1"), ("invo_professional_role_id", "SOCIAL WORKER"),
                    ("invo_involvement_start_date", "2025-01-02")));
        }

        var extract = SinkSamples.Adapter(format).Read(format, new CsvFolderSource(dir.Path), new SourceOptions(), new RejectionLog());
        var c1 = Assert.Single(extract.Cases, c => c.Person.Id == "C1");
        Assert.Equal((0, 0, 0), (c1.Meetings.Length, c1.Visits.Length, c1.Allocations.Length));
    }
}

/// <summary>Helpers of the sink tests: the samples, a temporary folder, CSV text, and what an adapter reads.</summary>
internal static class SinkSamples
{
    public static readonly string RepoRoot = FindRoot();

    public static string Sample(string format) => Path.Combine(RepoRoot, "samples", format);

    public static IExtractSink Sink(string format, string directory) => format switch
    {
        "standard" => new StandardSink(directory),
        "liquidlogic" => new LiquidLogicSink(directory),
        "mosaic" => new MosaicSink(directory),
        "carefirst" => new CareFirstSink(directory),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static ISourceAdapter Adapter(string format) => format switch
    {
        "standard" => new StandardAdapter(),
        "liquidlogic" => new LiquidLogicAdapter(),
        "mosaic" => new MosaicAdapter(),
        "carefirst" => new CareFirstAdapter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>samples/standard through <see cref="StandardFolder"/> into the format's sink, in a temporary folder.</summary>
    public static SinkTempFolder Write(string format)
    {
        var folder = new SinkTempFolder();
        var standard = StandardFolder.Read(Sample("standard"));
        using (var sink = Sink(format, folder.Path))
        {
            Assert.Equal(format, sink.Format);
            standard.WriteTo(sink);
        }

        return folder;
    }

    /// <summary>Per child: how many visits, meetings and plans the adapter reads (no rejections allowed).</summary>
    public static Dictionary<string, (int Visits, int Meetings, int Plans)> Counts(ISourceAdapter adapter, string folder)
    {
        var log = new RejectionLog();
        var extract = adapter.Read(adapter.Kind, new CsvFolderSource(folder), new SourceOptions(), log);
        Assert.True(log.Items.Count == 0, $"{adapter.Kind}: {log.Items.Count} rejections, first: {log.Items.FirstOrDefault()}");
        return extract.Cases.ToDictionary(c => c.Person.Id, c => (c.Visits.Length, c.Meetings.Length, c.Plans.Length));
    }

    /// <summary>A CSV file's records (header first), RFC 4180.</summary>
    public static List<string[]> ReadCsv(string path)
    {
        var text = File.ReadAllText(path);
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0)
            {
                for (i++; i < text.Length; i++)
                {
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i++;
                        }
                        else
                        {
                            i++;
                            break;
                        }
                    }
                    else
                    {
                        field.Append(text[i]);
                    }
                }

                continue;
            }

            if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                field.Append(c);
            }

            i++;
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }

    /// <summary>Records as CSV text the way the sinks write it (<see cref="CsvText"/>, CRLF).</summary>
    public static string Csv(IEnumerable<string[]> rows)
    {
        var writer = new StringWriter();
        var csv = new CsvText(writer);
        foreach (var row in rows)
        {
            csv.Row(row);
        }

        return writer.ToString();
    }

    /// <summary>LF line ends (the Python converters wrote LF; <see cref="CsvText"/> writes CRLF). The samples compared
    /// this way hold no CR at all (asserted), so no field is changed.</summary>
    public static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CaseCompliance.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CaseCompliance.sln not found above the test binaries.");
    }
}

/// <summary>
/// How a sink's output compares with a committed sample the Python converter wrote table by table: the expected
/// file, transformed as documented (converter-only rows removed, rows put child by child, numbered ids renumbered in
/// that order), must equal the written file byte for byte; every file not transformed must equal the sample but for
/// line ends (LF in the sample, CRLF from <see cref="CsvText"/>). A transformation that changes nothing fails, so
/// the lists stay exact.
/// </summary>
internal sealed class SinkSampleComparison(string sample, string written)
{
    private readonly Dictionary<string, List<string[]>> _expected = Directory.GetFiles(sample, "*.csv")
        .ToDictionary(f => Path.GetFileNameWithoutExtension(f), ReadAll, StringComparer.Ordinal);

    private readonly HashSet<string> _transformed = new(StringComparer.Ordinal);

    private static List<string[]> ReadAll(string path) => SinkSamples.ReadCsv(path);

    /// <summary>The expected rows of a table (header first).</summary>
    public List<string[]> Rows(string table) => _expected[table];

    public int Column(string table, string column)
    {
        var i = Array.IndexOf(_expected[table][0], column);
        return i >= 0 ? i : throw new ArgumentException($"{table} has no column {column}.");
    }

    /// <summary>Ids of a column, in file order: the children's order (from the person table).</summary>
    public Dictionary<string, int> Order(string table, string column)
    {
        var i = Column(table, column);
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in _expected[table].Skip(1))
        {
            order.TryAdd(row[i], order.Count);
        }

        return order;
    }

    /// <summary>Leaves out the converter-only rows; returns how many (the caller states how many it expects).</summary>
    public int Remove(string table, Func<string[], bool> converterOnly)
    {
        var rows = _expected[table];
        var header = rows[0];
        var removed = rows.RemoveAll(r => !ReferenceEquals(r, header) && converterOnly(r));
        _transformed.Add(table);
        return removed;
    }

    /// <summary>Puts the rows child by child (stable: each child's rows keep the converter's order).</summary>
    public void ChildByChild(string table, Func<string[], int> child)
    {
        var rows = _expected[table];
        var sorted = rows.Skip(1).OrderBy(child).ToList();
        rows.RemoveRange(1, rows.Count - 1);
        rows.AddRange(sorted);
        _transformed.Add(table);
    }

    public void Edit(string table, Action<List<string[]>> edit)
    {
        edit(_expected[table]);
        _transformed.Add(table);
    }

    /// <summary>Asserts every written file against the (transformed) sample; returns the names of the files that are
    /// byte-identical but for line ends.</summary>
    public List<string> AssertAll()
    {
        var writtenFiles = Directory.GetFiles(written, "*.csv").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);
        Assert.Equal(_expected.Keys.Order(StringComparer.Ordinal), writtenFiles);
        var identical = new List<string>();
        foreach (var (table, rows) in _expected)
        {
            var actual = File.ReadAllText(Path.Combine(written, table + ".csv"));
            var raw = File.ReadAllText(Path.Combine(sample, table + ".csv"));
            Assert.DoesNotContain("\r", raw, StringComparison.Ordinal);
            if (_transformed.Contains(table))
            {
                Assert.True(SinkSamples.Lf(actual) != raw, $"{table}: listed as transformed, but the written file equals the sample");
                AssertText(table, SinkSamples.Csv(rows), actual);
            }
            else
            {
                AssertText(table, raw, SinkSamples.Lf(actual));
                identical.Add(table);
            }
        }

        return identical;
    }

    private static void AssertText(string table, string expected, string actual)
    {
        if (expected == actual)
        {
            return;
        }

        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line])
        {
            line++;
        }

        Assert.Fail($"{table}.csv differs at line {line + 1}:\n  expected: {e.ElementAtOrDefault(line)}\n  written:  {a.ElementAtOrDefault(line)}");
    }
}

/// <summary>A temporary folder, deleted on dispose.</summary>
internal sealed class SinkTempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("cc-sink-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

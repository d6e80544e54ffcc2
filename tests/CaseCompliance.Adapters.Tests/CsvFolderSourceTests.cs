using System.Text;
using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Standard;
using CaseCompliance.Adapters.Streaming;
using CaseCompliance.Adapters.Tables;

namespace CaseCompliance.Adapters.Tests;

/// <summary>
/// The CSV folder reader (Sep, checked by a strict RFC 4180 parser): what it accepts, what it rejects a row for, what
/// fails the source, and that broken quoting never costs more than its own lines. docs/decisions/010-csv-reader.md.
/// </summary>
public sealed class CsvFolderSourceTests : IDisposable
{
    private const string Unterminated = "unterminated quote: the row cannot be used";
    private const string TextAfterQuote = "a quoted field has text after its closing quote: the row cannot be used";

    private readonly string _folder = Directory.CreateTempSubdirectory("cc-csv-").FullName;

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

    private string Write(string table, string text, bool bom = false) => WriteBytes(table,
        [.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)]);

    private string WriteBytes(string table, byte[] bytes)
    {
        var path = Path.Combine(_folder, table + ".csv");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private List<TableRow> Rows(string table = "t", string? encoding = null) =>
        [.. new CsvFolderSource(_folder, encoding: encoding).Read(table)];

    /// <summary>Rows as "line: a|b|c" or "line: !problem", to compare whole files at a glance.</summary>
    private static string[] Show(IEnumerable<TableRow> rows, params string[] columns) =>
        [.. rows.Select(r => r.Problem is { } p ? $"{r.Line}: !{p}" : $"{r.Line}: {string.Join('|', columns.Select(c => r[c]))}")];

    private static string FieldCount(int fields, int header) =>
        $"the row has {fields} field{(fields == 1 ? "" : "s")}, the header has {header}: the row cannot be used";

    // 1. Fast path: encodings, header, empty lines, line numbers, quoting.

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_Utf8_WithOrWithoutBom(bool bom)
    {
        Write("t", "id,name\n1,Zoë\n2,Łukasz £5 🚀\n", bom);

        Assert.Equal(["2: 1|Zoë", "3: 2|Łukasz £5 🚀"], Show(Rows(), "id", "name"));
    }

    [Fact]
    public void Header_NamesAreTrimmed_AndFoundInAnyCase()
    {
        Write("t", " id ,\tName \n1,Ann\n");

        var row = Assert.Single(Rows());
        Assert.Equal("1", row["ID"]);
        Assert.Equal("Ann", row["name"]);
        Assert.True(row.Has("Id"));
        Assert.Equal(["Name", "id"], new CsvFolderSource(_folder).Header("t")!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Values_AreKeptAsWritten_NotTrimmed()
    {
        Write("t", "a,b\n  x , y\n");

        Assert.Equal(["2:   x | y"], Show(Rows(), "a", "b"));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void EmptyLines_AreSkipped_AndLinesAreThePhysicalLineWhereTheRecordStarts(string eol)
    {
        Write("t", string.Join(eol, "id,note", "1,a", "", "2,\"two", "lines\"", "", "", "3,c") + eol);

        Assert.Equal(["2: 1|a", $"4: 2|two{eol}lines", "8: 3|c"], Show(Rows(), "id", "note"));
    }

    [Fact]
    public void QuotedFields_HoldCommasDoubledQuotesAndLineBreaks_AndAreUnescaped()
    {
        Write("t", "id,addr_address_json,postcode\n" +
            "1,\"{\"\"line1\"\": \"\"1 High St, Flat 2\"\",\n \"\"town\"\": \"\"Leeds\"\"}\",LS1 1AA\n" +
            "2,\"\",\"\"\"quoted\"\"\"\n" +
            "3,plain,\"a,b\"\n");

        Assert.Equal([
            "2: 1|{\"line1\": \"1 High St, Flat 2\",\n \"town\": \"Leeds\"}|LS1 1AA",
            "4: 2||\"quoted\"",
            "5: 3|plain|a,b",
        ], Show(Rows(), "id", "addr_address_json", "postcode"));
    }

    [Fact]
    public void LastLine_WithoutALineEnding_IsRead()
    {
        Write("t", "a,b\n1,2\n3,4");

        Assert.Equal(["2: 1|2", "3: 3|4"], Show(Rows(), "a", "b"));
    }

    // 2. Header problems fail the source.

    [Theory]
    [InlineData("id,name,ID\n1,a,b\n", "t.csv: column 'ID' appears twice in the header (columns 1 and 3)")]
    [InlineData("id,Name , name\n1,a,b\n", "t.csv: column 'name' appears twice in the header (columns 2 and 3)")]
    [InlineData("id,,name\n1,a,b\n", "t.csv: column 2 of the header has no name")]
    [InlineData("id,name,  \n1,a,b\n", "t.csv: column 3 of the header has no name")]
    [InlineData("id,\"name\n1,a\n", "t.csv: the header row has broken quoting")]
    public void HeaderProblems_FailTheSource_NamingFileAndColumn(string text, string message)
    {
        Write("t", text);
        var source = new CsvFolderSource(_folder);

        Assert.StartsWith(message, Assert.Throws<SourceFailedException>(() => source.Read("t").ToList()).Message);
        Assert.StartsWith(message, Assert.Throws<SourceFailedException>(() => source.Header("t")).Message);
    }

    public static TheoryData<byte[]> EmptyFiles => new()
    {
        Array.Empty<byte>(),
        "\n\n"u8.ToArray(),
        " \r\n\t \n  "u8.ToArray(),
        Encoding.UTF8.GetPreamble(),
        (byte[])[.. Encoding.UTF8.GetPreamble(), .. "\r\n"u8],
        Encoding.Unicode.GetPreamble(),
        (byte[])[.. Encoding.BigEndianUnicode.GetPreamble(), 0, (byte)'\n'],
    };

    /// <summary>PowerShell's Export-Csv writes 0 bytes for a query without rows: the table is there, with no rows.</summary>
    [Theory]
    [MemberData(nameof(EmptyFiles))]
    public void EmptyFile_IsATableWithNoRows_AndNoHeaderToCheck(byte[] bytes)
    {
        WriteBytes("t", bytes);
        var source = new CsvFolderSource(_folder);

        Assert.True(source.Exists("t"));
        Assert.Empty(source.Read("t"));
        Assert.Null(source.Header("t"));
        Assert.Empty(new CsvFolderSource(_folder, encoding: "windows-1252").Read("t"));
    }

    [Fact]
    public void BlankLinesBeforeTheHeader_AreSkipped()
    {
        Write("t", " \n\t\nid,name\n1,a\n");

        Assert.Equal(["4: 1|a"], Show(Rows(), "id", "name"));
    }

    // 3. Rows with more or fewer fields than the header reach the rejection log.

    [Fact]
    public void RowWithTooFewOrTooManyFields_ComesAsARejectedRow_WithoutValues()
    {
        Write("t", "a,b,c\n1,2,3\n1,2\n1,2,3,4\n\"x,y\",z\n4,5,6\n");

        var rows = Rows();
        Assert.Equal(["2: 1|2|3", $"3: !{FieldCount(2, 3)}", $"4: !{FieldCount(4, 3)}", $"5: !{FieldCount(2, 3)}", "6: 4|5|6"],
            Show(rows, "a", "b", "c"));
        Assert.All(rows.Where(r => r.Problem is not null), r =>
        {
            Assert.Equal("(row)", r.ProblemField);
            Assert.Null(r["a"]);
            Assert.True(r.Has("a"));
        });
    }

    [Fact]
    public void Adapter_ReportsRejectedRows_AsRowRejections_AndCountsThemAsRead()
    {
        using var folder = new SsdFolder()
            .Add("ssd_person", ("pers_person_id", "C1"), ("pers_dob", "2015-03-01"))
            .Add("ssd_person", ("pers_person_id", "C2"), ("pers_dob", "2016-03-01"));
        var path = folder.Write();
        File.AppendAllText(Path.Combine(path, "ssd_person.csv"), "C3,Sam,Smith,M\n");
        var log = new RejectionLog();

        var extract = new StandardAdapter().Read("standard", new CsvFolderSource(path), new SourceOptions(), log);

        Assert.Equal(["C1", "C2"], extract.Cases.Select(c => c.Person.Id).Order());
        Assert.Equal(3, extract.RowsRead);
        var rejection = Assert.Single(log.Items);
        Assert.Equal(new Rejection("standard", "ssd_person.csv", "4", null, "(row)", FieldCount(4, StandardLayout.Person.Table.Layout.Columns.Length + StandardLayout.Person.Table.Layout.OptionalColumns.Count)), rejection);
    }

    [Fact]
    public void PersonWindows_PassRejectedRowsToTheWindow_SoStreamingRejectsWhatReadingWholeDoes()
    {
        using var folder = new SsdFolder();
        foreach (var person in new[] { "C1", "C2", "C3", "C4" })
        {
            folder.Add("ssd_person", ("pers_person_id", person), ("pers_dob", "2015-03-01"));
        }

        folder
            .Add("ssd_cp_plans", ("cppl_cp_plan_id", "P1"), ("cppl_person_id", "C1"), ("cppl_cp_plan_start_date", "2025-03-03"))
            .Add("ssd_cp_plans", ("cppl_cp_plan_id", "P3"), ("cppl_person_id", "C3"), ("cppl_cp_plan_start_date", "2025-03-03"))
            .Add("ssd_cp_visits", ("cppv_cp_visit_id", "V1"), ("cppv_person_id", "C1"), ("cppv_cp_plan_id", "P1"), ("cppv_cp_visit_date", "2025-03-10"))
            .Add("ssd_cp_visits", ("cppv_cp_visit_id", "V3"), ("cppv_person_id", "C3"), ("cppv_cp_plan_id", "P3"), ("cppv_cp_visit_date", "2025-03-10"))
            .Add("cc_visit_details", ("vdet_visit_id", "V1"), ("vdet_recorded_date", "2025-03-12"))
            .Add("cc_visit_details", ("vdet_visit_id", "V3"), ("vdet_recorded_date", "2025-03-13"));
        var path = folder.Write();

        // A broken row after V3's details, which wait for a later window: it must not make them look orphaned.
        File.AppendAllText(Path.Combine(path, "cc_visit_details.csv"), "V9,\"never closed\n");
        File.AppendAllText(Path.Combine(path, "ssd_person.csv"), "C5,too,few\nC6,,,,,,2015-03-01" + new string(',', StandardLayout.Person.Table.Layout.Columns.Length + StandardLayout.Person.Table.Layout.OptionalColumns.Count - 7) + "\n");
        var source = new CsvFolderSource(path);
        var adapter = new StandardAdapter();
        var whole = new RejectionLog();
        var wholeCases = adapter.Read("standard", source, new SourceOptions(), whole).Cases;

        var windows = PersonWindows.Open(source, adapter.Streaming, new ColumnMap(null), 2, CancellationToken.None)!;
        var streamed = new RejectionLog();
        var streamedCases = new List<Domain.CaseRecord>();
        var first = true;
        foreach (var tables in windows.Read(CancellationToken.None))
        {
            var mark = streamed.Count;
            streamedCases.AddRange(adapter.Read("standard", tables, new SourceOptions(), streamed).Cases);
            if (!first)
            {
                streamed.RemoveAfter(mark, r => windows.DirectoryFiles.Contains(r.File));
            }

            first = false;
        }

        Assert.Equal(6, windows.People);
        Assert.Equal(["C1", "C2", "C3", "C4", "C6"], streamedCases.Select(c => c.Person.Id).Order());
        Assert.Equal(whole.Items.OrderBy(r => r.File).ThenBy(r => r.Line), streamed.Items.OrderBy(r => r.File).ThenBy(r => r.Line));
        Assert.Equal([("cc_visit_details.csv", "4", Unterminated), ("ssd_person.csv", "6", FieldCount(3, StandardLayout.Person.Table.Layout.Columns.Length + StandardLayout.Person.Table.Layout.OptionalColumns.Count))],
            streamed.Items.Select(r => (r.File, r.Line, r.Problem)).Order());
        Assert.Equal(new LocalDate(2025, 3, 13), streamedCases.Single(c => c.Person.Id == "C3").Visits.Single().RecordedDate);
        Assert.Equal(wholeCases.Count, streamedCases.Count);
    }

    // 4. Broken quoting never swallows later lines.

    [Fact]
    public void UnterminatedQuote_RejectsItsLine_AndReadingGoesOnAtTheNextLine()
    {
        Write("t", "id,note,date\n1,\"never closed,2025-01-01\n2,fine,2025-01-02\n3,\"ok\",2025-01-03\n");

        Assert.Equal([$"2: !{Unterminated}", "3: 2|fine|2025-01-02", "4: 3|ok|2025-01-03"], Show(Rows(), "id", "note", "date"));
    }

    [Fact]
    public void UnterminatedQuote_OnTheLastLine_IsRejected()
    {
        Write("t", "id,note\n1,a\n2,\"open");

        Assert.Equal(["2: 1|a", $"3: !{Unterminated}"], Show(Rows(), "id", "note"));
    }

    [Fact]
    public void StrayQuoteInAnUnquotedField_IsText_EvenWhenSepWouldJoinLinesIntoARecordOfTheRightLength()
    {
        // Sep reads lines 2 and 3 as one record of three fields: 1 | 5'10" tall,x\nand more" | q.
        Write("t", "id,height,other\n1,5'10\" tall,x\nand more\",q\n2,b,c\n");

        Assert.Equal(["2: 1|5'10\" tall|x", $"3: !{FieldCount(2, 3)}", "4: 2|b|c"], Show(Rows(), "id", "height", "other"));
    }

    [Fact]
    public void StrayQuotesOnOneLine_AreText_AndTheCommasBetweenThemSeparate()
    {
        // Sep reads a"b,c"d as one field (two fields on the line); strictly it is three.
        Write("t", "a,b,c\nx\"y,z\"w,v\nq\"r,s\n");

        Assert.Equal(["2: x\"y|z\"w|v", $"3: !{FieldCount(2, 3)}"], Show(Rows(), "a", "b", "c"));
    }

    [Fact]
    public void TextAfterAClosingQuote_RejectsTheLine()
    {
        Write("t", "a,b\n\"x\"y,1\n2,3\n");

        Assert.Equal([$"2: !{TextAfterQuote}", "3: 2|3"], Show(Rows(), "a", "b"));
    }

    [Fact]
    public void MultiLineRecord_WithTheWrongFieldCount_CostsItsFirstLineOnly()
    {
        Write("t", "a,b,c\n1,\"x\ny\",2,3\n4,5,6\n");

        Assert.Equal([
            "2: !broken quoting (a quoted field runs over 2 lines, and the record then has 4 fields, the header has 3): the row cannot be used",
            "3: y\"|2|3",
            "4: 4|5|6",
        ], Show(Rows(), "a", "b", "c"));
    }

    [Fact]
    public void QuotedField_OverMoreThan100Lines_IsBrokenQuoting()
    {
        var lines = string.Join('\n', Enumerable.Range(1, 120).Select(i => $"l{i}"));
        Write("t", $"a,b\n1,\"{lines}\"\n2,3\n");

        var rows = Show(Rows(), "a", "b");
        Assert.Equal($"2: !{Unterminated}", rows[0]);
        Assert.Equal($"3: !{FieldCount(1, 2)}", rows[1]);
        Assert.Equal($"121: !{FieldCount(1, 2)}", rows[^2]);
        Assert.Equal("122: 2|3", rows[^1]);
    }

    [Fact]
    public void QuotedField_Of100Lines_IsAccepted()
    {
        var lines = string.Join("\r\n", Enumerable.Range(1, 100).Select(i => $"l{i}"));
        Write("t", $"a,b\r\n1,\"{lines}\"\r\n2,3\r\n");

        var rows = Rows();
        Assert.Equal(lines, rows[0]["b"]);
        Assert.Equal("102", rows[1].Line);
    }

    [Fact]
    public void AfterBrokenQuoting_SepTakesOverAgain_AndLaterProblemsAreFoundAtTheirLines()
    {
        var text = new StringBuilder("id,name,note\r\n");
        var expected = new List<string>();
        var line = 2;
        for (var i = 0; i < 5_000; i++, line++)
        {
            if (i is 10 or 2_500)
            {
                text.Append($"{i},\"Zoë,unclosed £\r\n");
                expected.Add($"{line}: !{Unterminated}");
            }
            else if (i == 4_000)
            {
                text.Append($"{i},\"two\r\nlines\",é\r\n");
                expected.Add($"{line}: {i}|two\r\nlines|é");
                line++;
            }
            else
            {
                text.Append($"{i},Zoë 🚀,£{i}\r\n");
                expected.Add($"{line}: {i}|Zoë 🚀|£{i}");
            }
        }

        var path = Write("t", text.ToString(), bom: true);
        using var file = CsvFileReader.Open(path, "t.csv", CsvEncoding.Utf8);
        var rows = new List<TableRow>();
        while (file.Next() is { } row)
        {
            rows.Add(row);
        }

        Assert.Equal(expected, Show(rows, "id", "name", "note"));
        Assert.Equal(2, file.Fallbacks);
    }

    [Fact]
    public void CleanFile_WithQuotedAndMultiLineFields_NeverFallsBack()
    {
        var text = new StringBuilder("a,b\n");
        for (var i = 0; i < 3_000; i++)
        {
            text.Append(i % 7 == 0 ? $"{i},\"multi\nline, \"\"quoted\"\"\"\n" : $"{i},\"x\"\n");
        }

        var path = Write("t", text.ToString());
        using var file = CsvFileReader.Open(path, "t.csv", CsvEncoding.Utf8);
        var count = 0;
        while (file.Next() is { } row)
        {
            Assert.Null(row.Problem);
            count++;
        }

        Assert.Equal(3_000, count);
        Assert.Equal(0, file.Fallbacks);
    }

    [Fact]
    public void StrayQuoteOnEveryLine_FallsBackOnce_AndIsReadStrictly()
    {
        var text = new StringBuilder("id,height\n");
        for (var i = 0; i < 3_000; i++)
        {
            text.Append($"{i},5'{i % 12}\"\n");
        }

        var path = Write("t", text.ToString());
        using var file = CsvFileReader.Open(path, "t.csv", CsvEncoding.Utf8);
        var rows = new List<TableRow>();
        while (file.Next() is { } row)
        {
            rows.Add(row);
        }

        Assert.Equal(3_000, rows.Count);
        Assert.All(rows, r => Assert.Null(r.Problem));
        Assert.Equal("5'11\"", rows[2_999]["height"]);
        Assert.Equal("3001", rows[2_999].Line);
        Assert.Equal(1, file.Fallbacks);
    }

    [Fact]
    public void UnterminatedQuote_BeforeMillionsOfCharacters_CostsOneLine()
    {
        // Sep reads on to its 16 M character limit looking for the closing quote; the reader starts again at line 3.
        var text = new StringBuilder("id,note\n1,\"open\n");
        var row = "2,abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789\n";
        var count = (17 << 20) / row.Length + 1;
        for (var i = 0; i < count; i++)
        {
            text.Append(row);
        }

        text.Append("3,last\n");
        Write("t", text.ToString());

        var rows = Rows();
        Assert.Equal(count + 2, rows.Count);
        Assert.Equal(Unterminated, rows[0].Problem);
        Assert.All(rows.Skip(1), r => Assert.Null(r.Problem));
        Assert.Equal((count + 3).ToString(System.Globalization.CultureInfo.InvariantCulture), rows[^1].Line);
        Assert.Equal("last", rows[^1]["note"]);
    }

    [Fact]
    public void QuotedField_OfMillionsOfCharacters_IsBrokenQuoting_EvenWhenItCloses()
    {
        var text = new StringBuilder("a,b\n1,\"start\n");
        for (var i = 0; i < 90; i++)
        {
            text.Append('x', 200_000).Append('\n');
        }

        Write("t", text.Append("end\"\n2,3\n").ToString());

        var rows = Show(Rows(), "a", "b");
        Assert.Equal(93, rows.Length);
        Assert.Equal($"2: !{Unterminated}", rows[0]);
        Assert.Equal($"3: !{FieldCount(1, 2)}", rows[1]);
        Assert.Equal($"93: !{FieldCount(1, 2)}", rows[^2]);
        Assert.Equal("94: 2|3", rows[^1]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void RandomFiles_ReadAsTheStrictLineByLineReadingDoes(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < 25; n++)
        {
            var (text, fields) = RandomCsv(random, lines: random.Next(1, 4) * 800, faultRate: random.NextDouble() * (n % 3 == 0 ? 0.002 : 0.05));
            var path = Write("t", text);
            using var file = CsvFileReader.Open(path, "t.csv", CsvEncoding.Utf8);
            var actual = new List<string>();
            while (file.Next() is { } row)
            {
                actual.Add(row.Problem is { } p ? $"{row.Line}: !{p}" : $"{row.Line}: {string.Join('|', Enumerable.Range(0, fields).Select(i => row[$"c{i}"]))}");
            }

            Assert.Equal(Reference(text, fields), actual);
        }
    }

    // 5. Encodings.

    [Fact]
    public void InvalidUtf8_FailsTheSource_NamingTheByteOffset()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. "id,name\n1,Zoë\n2,Zo"u8, 0xEB, .. "\n"u8];
        WriteBytes("t", bytes);

        var e = Assert.Throws<SourceFailedException>(() => Rows());
        Assert.Equal("t.csv: byte 22 (line 3) is not UTF-8; set Sources:<name>:Encoding to the file's encoding, e.g. windows-1252.", e.Message);
        Assert.Equal(0xEB, bytes[22]);
    }

    [Fact]
    public void InvalidUtf8_FarIntoTheFile_IsFoundAtItsByte()
    {
        var head = Encoding.UTF8.GetBytes("id,name\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i},Zoë\n")));
        WriteBytes("t", [.. head, .. "x,"u8, 0xC3, 0x28, .. "\n"u8]);

        var e = Assert.Throws<SourceFailedException>(() => Rows());
        Assert.StartsWith($"t.csv: byte {head.Length + 2} (line 20002) is not UTF-8", e.Message);
    }

    [Fact]
    public void Windows1252_IsReadWhenConfigured()
    {
        WriteBytes("t", [.. "id,name\n1,Zo"u8, 0xEB, 0x80, .. "\n2,\"caf"u8, 0xE9, .. "\n3,ok\n"u8]);

        Assert.Equal(["2: 1|Zoë€", $"3: !{Unterminated}", "4: 3|ok"], Show(Rows(encoding: "windows-1252"), "id", "name"));
    }

    /// <summary>
    /// A UTF-16 file (PowerShell 5's Export-Csv, Excel's "Unicode text") is read as UTF-16 by its byte order mark,
    /// whatever is configured. Ċ (U+010A) and ഊ (U+0D0A) hold the bytes of a line break in UTF-16, and the unterminated
    /// quote makes the reader find line 3 again by its offset: lines are found by 2-byte units, not bytes.
    /// </summary>
    [Theory]
    [InlineData(false, null)]
    [InlineData(false, "windows-1252")]
    [InlineData(true, null)]
    [InlineData(true, "utf-8")]
    public void Utf16WithAByteOrderMark_IsReadAsUtf16_WhateverIsConfigured(bool bigEndian, string? configured)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        WriteBytes("t", [.. encoding.GetPreamble(), .. encoding.GetBytes("id,name\r\n1,ZoëĊഊ🚀\r\n2,\"caf\r\n3,\"two\r\nlines\"\r\n4,ok\r\n")]);

        Assert.Equal(["2: 1|ZoëĊഊ🚀", $"3: !{Unterminated}", "4: 3|two\r\nlines", "6: 4|ok"], Show(Rows(encoding: configured), "id", "name"));
        Assert.Equal(["id", "name"], new CsvFolderSource(_folder, encoding: configured).Header("t")!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Utf16_WithoutAByteOrderMark_IsReadWhenConfigured()
    {
        WriteBytes("t", Encoding.Unicode.GetBytes("id,name\n1,Zoë\n"));

        Assert.Equal(["2: 1|Zoë"], Show(Rows(encoding: "utf-16"), "id", "name"));
    }

    [Fact]
    public void Utf16_WithALoneSurrogate_FailsTheSourceSayingTheFileIsUtf16()
    {
        WriteBytes("t", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("id,name\n1,"), 0x00, 0xD8, .. Encoding.Unicode.GetBytes("x\n")]);

        Assert.StartsWith("t.csv: the file is UTF-16LE (by its byte order mark", Assert.Throws<SourceFailedException>(() => Rows()).Message);
    }

    /// <summary>A UTF-8 byte order mark means UTF-8: read with windows-1252 it would be ï»¿ in the first column's name.</summary>
    [Fact]
    public void Utf8ByteOrderMark_IsReadAsUtf8_WhenWindows1252IsConfigured()
    {
        Write("t", "CHILD,name\n1,Zoë\n", bom: true);

        Assert.Equal(["2: 1|Zoë"], Show(Rows(encoding: "windows-1252"), "CHILD", "name"));

        // A UTF-8 mark before windows-1252 bytes: the message says why UTF-8 was read.
        WriteBytes("t", [.. Encoding.UTF8.GetPreamble(), .. "CHILD\nZo"u8, 0xEB, .. "\n"u8]);
        Assert.StartsWith("t.csv: byte 11 (line 2) is not UTF-8, yet the file starts with a UTF-8 byte order mark",
            Assert.Throws<SourceFailedException>(() => Rows(encoding: "windows-1252")).Message);
    }

    [Theory]
    [InlineData("klingon", "Sources:<name>:Encoding: 'klingon' is not an encoding name this system knows")]
    [InlineData("utf-32", "Sources:<name>:Encoding: 'utf-32' cannot be read")]
    public void UnusableEncoding_FailsTheSource_NamingTheSetting(string name, string message)
    {
        Write("t", "a\n1\n");
        var source = new CsvFolderSource(_folder, encoding: name);

        Assert.StartsWith(message, Assert.Throws<SourceFailedException>(() => source.Read("t").ToList()).Message);
        Assert.StartsWith(message, Assert.Throws<SourceFailedException>(() => source.Header("t")).Message);
    }

    [Fact]
    public void SourceCatalog_PassesTheConfiguredEncoding()
    {
        WriteBytes("t", [.. "id,name\n1,Zo"u8, 0xEB, .. "\n"u8]);

        var tables = SourceCatalog.OpenTables("standard", _folder, new SourceOptions { Encoding = "windows-1252" });

        Assert.Equal("Zoë", Assert.Single(tables.Read("t"))["name"]);
    }

    // 6. File names: Windows exports are named in any case.

    [Fact]
    public void FileNamedInAnotherCase_IsTheTablesFile_AndRowsNameIt()
    {
        WriteBytes("SSD_PERSON", "id\n1\n,\n"u8.ToArray());
        File.Move(Path.Combine(_folder, "SSD_PERSON.csv"), Path.Combine(_folder, "SSD_PERSON.CSV"));
        var source = new CsvFolderSource(_folder);

        Assert.True(source.Exists("ssd_person"));
        Assert.Equal("SSD_PERSON.CSV", source.Describe("ssd_person"));
        Assert.Equal(["SSD_PERSON.CSV:2", "SSD_PERSON.CSV:3"], source.Read("ssd_person").Select(r => $"{r.File}:{r.Line}"));
        Assert.False(source.Exists("ssd_persons"));
    }

    [Fact]
    public void ExactName_WinsOverOneInAnotherCase()
    {
        Write("t", "id\nexact\n");
        Write("T", "id\nother\n");
        if (Directory.GetFiles(_folder).Length < 2)
        {
            return; // a file system that ignores case holds one file
        }

        Assert.Equal("exact", Assert.Single(Rows())["id"]);
    }

    [Fact]
    public void TwoFilesDifferingOnlyInCase_FailTheSource_NamingBoth()
    {
        Write("T", "id\n1\n");
        WriteBytes("x", "id\n2\n"u8.ToArray());
        File.Move(Path.Combine(_folder, "x.csv"), Path.Combine(_folder, "t.CSV"));
        if (Directory.GetFiles(_folder).Length < 2)
        {
            return;
        }

        var e = Assert.Throws<SourceFailedException>(() => Rows());
        Assert.Equal($"t.csv: T.csv and t.CSV in {_folder} differ only in case: which is the table's is not known; remove or rename one.", e.Message);
        Assert.Throws<SourceFailedException>(() => new CsvFolderSource(_folder).Exists("t"));
    }

    // 7. TableRow.

    [Fact]
    public void Rows_ShareOneColumnDictionaryPerFile()
    {
        Write("t", "a,b\n1,2\n3,4\n");

        var rows = Rows();
        Assert.Same(rows[0].Columns, rows[1].Columns);
        Assert.Equal("2", rows[0].Line);
        Assert.Null(rows[0]["missing"]);
    }

    /// <summary>
    /// A CSV file with <c>c0..cN</c> columns and rows mixing plain, quoted, multi-line, empty and non-ASCII fields; at
    /// <paramref name="faultRate"/>, a stray quote, an unclosed quote, text after a quote or a missing field.
    /// </summary>
    private static (string Text, int Fields) RandomCsv(Random random, int lines, double faultRate)
    {
        var fields = random.Next(1, 6);
        string[] eols = ["\n", "\r\n", "\r"];
        var eol = eols[random.Next(eols.Length)];
        string[] words = ["a", "Zoë", "£5", "🚀", " x ", "", "1 High St", "2025-01-01"];
        var text = new StringBuilder(string.Join(',', Enumerable.Range(0, fields).Select(i => $"c{i}"))).Append(eol);
        for (var l = 0; l < lines; l++)
        {
            if (random.Next(50) == 0)
            {
                text.Append(eol);
                continue;
            }

            var count = random.NextDouble() < faultRate ? fields + random.Next(-1, 2) : fields;
            for (var f = 0; f < count; f++)
            {
                if (f > 0)
                {
                    text.Append(',');
                }

                var word = words[random.Next(words.Length)];
                if (random.NextDouble() < faultRate)
                {
                    text.Append(random.Next(7) switch
                    {
                        0 => word + "\"",
                        1 => "\"" + word,
                        2 => $"\"{word}\"x",
                        3 => "\"",
                        4 => $"\"{word}\"\"",
                        5 => $"\"{word}{eol}{word}\"{word}",
                        _ => $"{word}\"{word}",
                    });
                }
                else
                {
                    text.Append(random.Next(6) switch
                    {
                        0 => $"\"{word},{word}\"",
                        1 => $"\"{word}\"\"{word}\"",
                        2 => $"\"{word}{eols[random.Next(eols.Length)]}{word}\"",
                        3 => $"\"{word}\"",
                        _ => word,
                    });
                }
            }

            if (l < lines - 1 || random.Next(2) == 0)
            {
                text.Append(eol);
            }
        }

        return (text.ToString(), fields);
    }

    /// <summary>
    /// The documented reading, written out plainly, line by line with no Sep: each record starts at a line; a quote
    /// opens a quoted field only at a field's start; a record that does not end well costs its first line only.
    /// </summary>
    private static List<string> Reference(string text, int header)
    {
        var lines = new List<(string Text, string Ending)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\r' or '\n')
            {
                var ending = text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? "\r\n" : text[i].ToString();
                lines.Add((text[start..i], ending));
                i += ending.Length - 1;
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add((text[start..], ""));
        }

        var result = new List<string>();
        var at = 1;
        while (at < lines.Count)
        {
            var first = at;
            if (lines[first].Text.Length == 0)
            {
                at++;
                continue;
            }

            var fields = new List<string>();
            var field = new StringBuilder();
            var state = 0; // 0 field start, 1 unquoted, 2 quoted, 3 quote in quoted
            string? error = null;
            var last = first;
            while (true)
            {
                foreach (var c in lines[last].Text)
                {
                    if (state == 0 && c == '"')
                    {
                        state = 2;
                    }
                    else if (state is 0 or 1)
                    {
                        if (c == ',')
                        {
                            fields.Add(field.ToString());
                            field.Clear();
                            state = 0;
                        }
                        else
                        {
                            field.Append(c);
                            state = 1;
                        }
                    }
                    else if (state == 2)
                    {
                        if (c == '"')
                        {
                            state = 3;
                        }
                        else
                        {
                            field.Append(c);
                        }
                    }
                    else if (c == '"')
                    {
                        field.Append('"');
                        state = 2;
                    }
                    else if (c == ',')
                    {
                        fields.Add(field.ToString());
                        field.Clear();
                        state = 0;
                    }
                    else
                    {
                        error = last == first ? TextAfterQuote : Unterminated;
                        break;
                    }
                }

                if (error is not null || state != 2)
                {
                    break;
                }

                if (lines[last].Ending.Length == 0 || last - first + 1 >= 100 || last + 1 >= lines.Count)
                {
                    error = Unterminated;
                    break;
                }

                field.Append(lines[last].Ending);
                last++;
            }

            if (error is null)
            {
                fields.Add(field.ToString());
                if (fields.Count == header)
                {
                    result.Add($"{first + 1}: {string.Join('|', fields)}");
                    at = last + 1;
                    continue;
                }

                error = last == first
                    ? FieldCount(fields.Count, header)
                    : $"broken quoting (a quoted field runs over {last - first + 1} lines, and the record then has {fields.Count} fields, the header has {header}): the row cannot be used";
            }

            result.Add($"{first + 1}: !{error}");
            at = first + 1;
        }

        return result;
    }
}

using CaseCompliance.Host.Tests;
using static CaseCompliance.Generation.Tests.StreamScans;

namespace CaseCompliance.Generation.Tests;

/// <summary>
/// The Liquidlogic, Mosaic and CareFirst sources stream like the standard one (<see cref="StreamingTests"/>). Through the
/// real executable, on caseloads generated in each layout with the generator's planted faults: small windows write
/// byte-identical files to reading the source whole; a table out of person order is detected and the source read whole
/// with the same results; and a record about children of two windows (a Mosaic step about two children, a Liquidlogic
/// form named by two children's contacts), whose details only one window could be given, is detected in the same way.
/// </summary>
public sealed class SystemStreamingTests(SystemStreamingTests.Extracts extracts) : IClassFixture<SystemStreamingTests.Extracts>
{
    private const int Window = 37;

    /// <summary>900 generated children in each of the three layouts (the same children), with planted faults.</summary>
    public sealed class Extracts : IDisposable
    {
        private readonly TempFolder _tmp = new();

        public Extracts()
        {
            foreach (var kind in Kinds)
            {
                Generate(_tmp, kind, 900, Folder(kind));
            }
        }

        public string Folder(string kind) => _tmp.File(kind);

        public void Dispose() => _tmp.Dispose();
    }

    private static readonly string[] Kinds = ["liquidlogic", "mosaic", "carefirst"];

    public static TheoryData<string> Systems => new() { "liquidlogic", "mosaic", "carefirst" };

    [Theory]
    [MemberData(nameof(Systems))]
    public void SmallWindows_WriteTheSameFiles_AsReadingTheSourceWhole(string kind)
    {
        using var tmp = new TempFolder();
        var whole = Run(tmp, kind, extracts.Folder(kind), 0, "whole");
        var streamed = Run(tmp, kind, extracts.Folder(kind), Window, "streamed");

        Assert.Equal("whole", whole.Reading);
        Assert.Equal("streamed", streamed.Reading);
        Assert.True(whole.Source.GetProperty("records_rejected").GetInt32() > 0, "the generated faults should reject rows");
        Assert.Equal(900, streamed.Source.GetProperty("children").GetInt32());
        AssertSameFiles(whole, streamed);
    }

    [Theory]
    [InlineData("liquidlogic", "FACT_FORM_ANSWERS")] // details of contacts, assessments, plans and forms, by form id
    [InlineData("liquidlogic", "FACT_CASENOTES")]
    [InlineData("mosaic", "dm_cached_form_answers")] // details of workflow steps
    [InlineData("mosaic", "dm_workflow_steps")]
    [InlineData("carefirst", "VISIT_TO_CHILD")]
    [InlineData("carefirst", "AUDIT_ACTIONS")] // details of case audits
    public void TableOutOfPersonOrder_IsDetected_AndTheSourceReadWhole_WithTheSameResults(string kind, string table)
    {
        using var tmp = new TempFolder();
        var folder = Copy(tmp, extracts.Folder(kind), table, rows => Enumerable.Reverse(rows).ToList());

        var whole = Run(tmp, kind, folder, 0, "whole");
        var streamed = Run(tmp, kind, folder, Window, "streamed");

        Assert.Equal("whole", streamed.Reading);
        Assert.Contains(table, streamed.Note);
        AssertSameFiles(whole, streamed);
    }

    [Theory]
    [InlineData(false, "whole")]
    [InlineData(true, "streamed")]
    public void AStepAboutTwoChildren_StreamsWhenTheyShareAWindow_ElseIsDetectedAndReadWhole_WithTheSameResults(bool sameWindow, string reading)
    {
        // A CP or CIN visit step of one child is made a step about a second child too (a row per child, as Mosaic keeps
        // it), with answers about every child of the step: both children's visits are dated by them when read whole.
        using var tmp = new TempFolder();
        var from = extracts.Folder("mosaic");
        var persons = Table.Read(from, "dm_persons");
        var steps = Table.Read(from, "dm_workflow_steps");
        var answers = Table.Read(from, "dm_cached_form_answers");
        var answered = answers.Rows.Select(r => answers.Field(r, "WORKFLOW_STEP_ID")).ToHashSet();
        var visit = steps.Rows.First(r => steps.Field(r, "WORKFLOW_STEP_TYPE_ID") is "1187" or "1189" && answered.Contains(steps.Field(r, "WORKFLOW_STEP_ID")));
        var (step, first) = (steps.Field(visit, "WORKFLOW_STEP_ID"), steps.Field(visit, "PERSON_ID"));
        var second = Partner(persons, "PERSON_ID", first, sameWindow);
        var ordinals = persons.Rows.Select((r, i) => (Id: persons.Field(r, "PERSON_ID"), i)).ToDictionary(p => p.Id, p => p.i);

        var folder = Copy(tmp, from,
            ("dm_workflow_steps", rows =>
            {
                // After the rows of the second child and of the children before it: still in person order.
                var at = rows.FindLastIndex(r => ordinals[steps.Field(r, "PERSON_ID")] <= ordinals[second]) + 1;
                rows.Insert(at, steps.With(visit, "PERSON_ID", second));
                return rows;
            }),
            ("dm_cached_form_answers", rows => [.. rows.Select(r => answers.Field(r, "WORKFLOW_STEP_ID") == step ? answers.With(r, "SUBJECT_PERSON_ID", "") : r)]));

        var whole = Run(tmp, "mosaic", folder, 0, "whole");
        var streamed = Run(tmp, "mosaic", folder, Window, "streamed");

        Assert.Equal(reading, streamed.Reading);
        if (!sameWindow)
        {
            Assert.Contains($"dm_workflow_steps record {step} belongs to children of more than one window", streamed.Note);
        }

        AssertSameFiles(whole, streamed);

        // One step about two children is a row per child, never a repeated id.
        Assert.DoesNotContain(CsvFile.Read(Path.Combine(whole.Out, "rejected.csv")).Rows,
            r => r["record_id"] == step && r["field"] == "WORKFLOW_STEP_ID");
    }

    [Fact]
    public void AFormNamedByContactsOfChildrenOfTwoWindows_IsDetected_AndTheSourceReadWhole_WithTheSameResults()
    {
        // A contact of a later child names the contact form of an earlier one: read whole, both contacts take its
        // decision answer; streamed, only the first child's window could be given that answer.
        using var tmp = new TempFolder();
        var from = extracts.Folder("liquidlogic");
        var persons = Table.Read(from, "DIM_PERSON");
        var contacts = Table.Read(from, "FACT_CONTACTS");
        var answers = Table.Read(from, "FACT_FORM_ANSWERS");
        var decided = answers.Rows.Where(r => answers.Field(r, "ANSWER_NO") == "FormEndDate").Select(r => answers.Field(r, "FACT_FORM_ID")).ToHashSet();
        var contact = contacts.Rows.First(r => decided.Contains(contacts.Field(r, "FACT_FORM_ID")));
        var form = contacts.Field(contact, "FACT_FORM_ID");
        var later = Partner(persons, "DIM_PERSON_ID", contacts.Field(contact, "DIM_PERSON_ID"), sameWindow: false);
        var other = contacts.Rows.First(r => Ordinal(persons, "DIM_PERSON_ID", contacts.Field(r, "DIM_PERSON_ID")) >= Ordinal(persons, "DIM_PERSON_ID", later));

        var folder = Copy(tmp, from, "FACT_CONTACTS", rows => [.. rows.Select(r => r == other ? contacts.With(r, "FACT_FORM_ID", form) : r)]);

        var whole = Run(tmp, "liquidlogic", folder, 0, "whole");
        var streamed = Run(tmp, "liquidlogic", folder, Window, "streamed");

        Assert.Equal("whole", streamed.Reading);
        Assert.Contains($"record {form} belongs to children of more than one window", streamed.Note);
        AssertSameFiles(whole, streamed);
    }

    [Theory]
    [MemberData(nameof(Systems))]
    public void TheBundledSample_IsReadStreamed_AtTheDefaultWindow(string kind)
    {
        // The 20 children fit one window of the default 4,000, so the samples' own row order (converted table by table,
        // not in person order) does not matter.
        using var tmp = new TempFolder();
        var sample = Run(tmp, kind, Path.Combine(Cli.RepoRoot, "samples", kind), 4_000, "sample");

        Assert.Equal("streamed", sample.Reading);
        Assert.Equal(0, sample.Source.GetProperty("records_rejected").GetInt32());
    }

    /// <summary>A person at least 400 places after <paramref name="person"/> (another window), or one in its window.</summary>
    private static string Partner(Table persons, string idColumn, string person, bool sameWindow)
    {
        var ordinal = Ordinal(persons, idColumn, person);
        var partner = sameWindow ? ordinal / Window * Window + (ordinal % Window == 0 ? 1 : 0) : ordinal + 400;
        return persons.Field(persons.Rows[partner], idColumn);
    }

    private static int Ordinal(Table persons, string idColumn, string person) =>
        persons.Rows.FindIndex(r => persons.Field(r, idColumn) == person);

    /// <summary>A generated table's data lines, with the leading columns (ids and codes, never quoted) read by name.</summary>
    private sealed record Table(string[] Header, List<string> Rows)
    {
        public static Table Read(string folder, string table)
        {
            var lines = File.ReadAllLines(Path.Combine(folder, table + ".csv"));
            return new Table(lines[0].Split(','), [.. lines.Skip(1)]);
        }

        public string Field(string row, string column) => Split(row, column)[Array.IndexOf(Header, column)];

        public string With(string row, string column, string value)
        {
            var fields = Split(row, column);
            fields[Array.IndexOf(Header, column)] = value;
            return string.Join(',', fields);
        }

        /// <summary>The fields up to <paramref name="column"/>, then the rest of the line as it is (it may hold quoted text).</summary>
        private string[] Split(string row, string column)
        {
            var index = Array.IndexOf(Header, column);
            Assert.True(index >= 0, $"no column {column}");
            var fields = row.Split(',', index + 2);
            Assert.DoesNotContain(fields.Take(index + 1), f => f.Contains('"'));
            return fields;
        }
    }
}

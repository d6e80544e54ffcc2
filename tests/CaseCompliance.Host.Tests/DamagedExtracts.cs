using System.Text;
using NodaTime;
using NodaTime.Text;

namespace CaseCompliance.Host.Tests;

/// <summary>The damages of the corpus (issue: damaged extracts); each test applies one to a copy of a bundled sample.</summary>
public enum Damage
{
    /// <summary>1. A field of a visit row (mid-file) opens a quote and never closes it.</summary>
    UnterminatedQuote,

    /// <summary>2. A column of the visit table's header is renamed to the name of another column.</summary>
    DuplicatedHeaderName,

    /// <summary>3. A column of the visit table's header has no name.</summary>
    BlankHeaderName,

    /// <summary>4. One visit row has a field too few, another a field too many.</summary>
    FieldCountOffByOne,

    /// <summary>5. A child's forename is written in Windows-1252 (a lone 0xE9 byte for 'é').</summary>
    Windows1252Bytes,

    /// <summary>6. A visit row copied with another date: a second row with an id already seen.</summary>
    DuplicateVisitId,

    /// <summary>6. A child protection plan row copied with another start date.</summary>
    DuplicatePlanId,

    /// <summary>7. A child protection visit names a plan that does not exist.</summary>
    VisitNamesMissingPlan,

    /// <summary>7. A placement names a period of care that does not exist.</summary>
    PlacementNamesMissingPeriodOfCare,

    /// <summary>8. A child protection plan ends before it starts.</summary>
    PlanEndsBeforeStart,

    /// <summary>9. The person table has its header and no row.</summary>
    HeaderOnlyPersonTable,

    /// <summary>10. Most person rows lost their id: far fewer children than the last good extract.</summary>
    PersonIdsMostlyBlank,
}

/// <summary>A row rejected.csv must hold: the file, the record number (header = line 1), the field.</summary>
public sealed record ExpectedRejection(string File, int Line, string Field, string? ProblemMentions = null);

/// <summary>What a damage did to the extract, and so what a scan of it must say.</summary>
public sealed record DamageDone(string What)
{
    /// <summary>The source must fail as a whole (and not be scanned at all).</summary>
    public bool FailsSource { get; init; }

    /// <summary>Text the failure reason must contain (file, column).</summary>
    public IReadOnlyList<string> ReasonNames { get; init; } = [];

    /// <summary>A pattern the failure reason must match (a column position, a byte offset).</summary>
    public string? ReasonPattern { get; init; }

    /// <summary>Rows rejected.csv must hold; in each file named here no other row may be rejected.</summary>
    public IReadOnlyList<ExpectedRejection> Rejections { get; init; } = [];

    /// <summary>Children (source ids) whose findings the damage may change; every other child's must stay as they were.</summary>
    public IReadOnlySet<string> Children { get; init; } = new HashSet<string>();

    /// <summary>An id the damage made up: no finding may have it as its episode.</summary>
    public string? PhantomId { get; init; }

    /// <summary>For Windows-1252 bytes: the child and the forename it must have once the source is read as windows-1252.</summary>
    public (string Child, string Forename)? Recoded { get; init; }
}

/// <summary>
/// Where each bundled sample keeps what the damages touch: the system's person table, its child protection visits, its
/// child protection plans, the column a visit names its plan in and the column a placement names its period of care in.
/// </summary>
public sealed record SampleLayout(string Kind, LocalDatePattern Dates, PersonTable Person, RecordTable Visits, RecordTable Plans,
    LinkColumn? VisitPlan, LinkColumn PlacementPeriod)
{
    private static readonly LocalDatePattern IsoDates = LocalDatePattern.CreateWithInvariantCulture("yyyy-MM-dd");

    public static readonly IReadOnlyDictionary<string, SampleLayout> ByKind = new[]
    {
        new SampleLayout("standard", IsoDates,
            new PersonTable("ssd_person.csv", "pers_person_id", "pers_forename"),
            new RecordTable("ssd_cp_visits.csv", "cppv_cp_visit_id", "cppv_person_id", "cppv_cp_visit_date"),
            new RecordTable("ssd_cp_plans.csv", "cppl_cp_plan_id", "cppl_person_id", "cppl_cp_plan_start_date", "cppl_cp_plan_end_date"),
            new LinkColumn("ssd_cp_visits.csv", "cppv_cp_plan_id", (_, row) => row["cppv_person_id"]),
            new LinkColumn("ssd_cla_placement.csv", "clap_cla_id", (_, row) => row["clap_person_id"])),

        // Liquidlogic's visits are casenotes; FACT_CP_VISIT links a CP visit casenote to its plan.
        new SampleLayout("liquidlogic", IsoDates,
            new PersonTable("DIM_PERSON.csv", "DIM_PERSON_ID", "FORENAME", NobodyId: "-1"),
            new RecordTable("FACT_CASENOTES.csv", "FACT_CASENOTE_ID", "DIM_PERSON_ID", "EVENT_DTTM", Kind: ("DIM_LOOKUP_CASNT_TYPE_ID_CODE", "STVC")),
            new RecordTable("FACT_CP_PLAN.csv", "FACT_CP_PLAN_ID", "DIM_PERSON_ID", "START_DTTM", "END_DTTM"),
            new LinkColumn("FACT_CP_VISIT.csv", "FACT_CP_PLAN_ID", (extract, row) =>
                extract.Table("FACT_CASENOTES.csv").Rows.Single(n => n["FACT_CASENOTE_ID"] == row["FACT_CASENOTE_ID"])["DIM_PERSON_ID"]),
            new LinkColumn("FACT_CLA_PLACEMENT.csv", "FACT_CLA_ID", (_, row) => row["DIM_PERSON_ID"])),

        // Mosaic's visits are workflow steps, which name no plan (a visit belongs to the plan open on its date).
        new SampleLayout("mosaic", IsoDates,
            new PersonTable("dm_persons.csv", "PERSON_ID", "FIRST_NAME"),
            new RecordTable("dm_workflow_steps.csv", "WORKFLOW_STEP_ID", "PERSON_ID", "COMPLETED_ON", Kind: ("WORKFLOW_STEP_TYPE_ID", "1187")),
            new RecordTable("dm_registrations.csv", "REGISTRATION_ID", "PERSON_ID", "REGISTRATION_START_DATE", "DEREGISTRATION_DATE",
                Kind: ("IS_CHILD_PROTECTION_PLAN", "Y")),
            null,
            new LinkColumn("dm_placements.csv", "PERIOD_OF_CARE_ID", (_, row) => row["PERSON_ID"])),

        new SampleLayout("carefirst", LocalDatePattern.CreateWithInvariantCulture("dd/MM/yyyy"),
            new PersonTable("KEY_INFORMATION.csv", "CLIENT_NO", "FORENAME"),
            new RecordTable("VISIT_TO_CHILD.csv", "VISIT_NO", "CLIENT_NO", "VISIT_DATE", Kind: ("VISIT_TYPE", "CPV")),
            new RecordTable("CP_REGISTRATIONS.csv", "REGISTRATION_NO", "CLIENT_NO", "REGISTRATION_DATE", "DEREGISTRATION_DATE"),
            new LinkColumn("VISIT_TO_CHILD.csv", "EPISODE_NO", (_, row) => row["CLIENT_NO"], Kind: ("VISIT_TYPE", "CPV")),
            new LinkColumn("PLACEMENTS.csv", "PERIOD_OF_CARE_NO", (_, row) => row["CLIENT_NO"])),
    }.ToDictionary(s => s.Kind);

    public bool Has(Damage damage) => damage != Damage.VisitNamesMissingPlan || VisitPlan is not null;
}

/// <summary>The person table: its id and forename columns, and the id of a placeholder row that is no child.</summary>
public sealed record PersonTable(string File, string Id, string Forename, string? NobodyId = null);

/// <summary>A table of records with an id, a child, a start (and end) date; <paramref name="Kind"/> picks its CP rows.</summary>
public sealed record RecordTable(string File, string Id, string Person, string Start, string? End = null,
    (string Column, string Value)? Kind = null);

/// <summary>A column naming a record of another table, and how to tell the child of a row.</summary>
public sealed record LinkColumn(string File, string Column, Func<ExtractCopy, CsvRow, string> ChildOf,
    (string Column, string Value)? Kind = null);

/// <summary>A copy of a sample being damaged: its CSV files, edited as lines of text and saved on <see cref="Save"/>.</summary>
public sealed class ExtractCopy(string folder)
{
    private readonly Dictionary<string, CsvLines> _tables = [];

    public string Folder { get; } = folder;

    public CsvLines Table(string file)
    {
        if (!_tables.TryGetValue(file, out var table))
        {
            _tables[file] = table = CsvLines.Open(Path.Combine(Folder, file));
        }

        return table;
    }

    public void Save()
    {
        foreach (var table in _tables.Values)
        {
            table.Save();
        }
    }
}

/// <summary>One data row of a <see cref="CsvLines"/>: its record number (the header is line 1) and its fields.</summary>
public sealed record CsvRow(int Line, string[] Fields, CsvLines Table)
{
    public string this[string column] => Fields[Table.IndexOf(column)];
}

/// <summary>
/// A CSV file edited as lines of text, keeping its line endings. Only files without quoted fields are edited, so a
/// line is a record and a comma a separator: line n of the file is the record rejected.csv calls line n.
/// </summary>
public sealed class CsvLines
{
    private readonly string _path;
    private readonly string _newline;
    private readonly List<string> _lines;
    private byte[]? _bytes;

    private CsvLines(string path, string text)
    {
        _path = path;
        _newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        _lines = [.. text.TrimEnd('\r', '\n').Split(_newline)];
    }

    public static CsvLines Open(string path)
    {
        var text = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        if (text.Contains('"', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{path}: the corpus only edits files without quoted fields.");
        }

        return new CsvLines(path, text);
    }

    public string Name => Path.GetFileName(_path);

    public string[] Header => _lines[0].Split(',');

    public int IndexOf(string column) =>
        Array.IndexOf(Header, column) is var i and >= 0 ? i : throw new InvalidOperationException($"{Name} has no column {column}");

    public IReadOnlyList<CsvRow> Rows => [.. _lines.Skip(1).Select((line, i) => new CsvRow(i + 2, line.Split(','), this))];

    /// <summary>The rows whose <paramref name="kind"/> column holds its value (every row when null).</summary>
    public IReadOnlyList<CsvRow> RowsOf((string Column, string Value)? kind) =>
        kind is { } k ? [.. Rows.Where(r => r[k.Column] == k.Value)] : Rows;

    public void Set(CsvRow row, string column, string value) => SetLine(row.Line, string.Join(',', With(row.Fields, IndexOf(column), value)));

    public void SetHeader(string column, string name) => _lines[0] = string.Join(',', With(Header, IndexOf(column), name));

    /// <summary>Replaces a whole record with raw text (which may break the CSV on purpose).</summary>
    public void SetLine(int line, string text) => _lines[line - 1] = text;

    /// <summary>Inserts a record after <paramref name="line"/>; returns its line.</summary>
    public int InsertAfter(int line, IEnumerable<string> fields)
    {
        _lines.Insert(line, string.Join(',', fields));
        return line + 1;
    }

    /// <summary>Keeps the header only.</summary>
    public void Truncate() => _lines.RemoveRange(1, _lines.Count - 1);

    /// <summary>
    /// Writes <paramref name="row"/>'s <paramref name="column"/> with its last character as one raw byte (not UTF-8);
    /// returns the byte's offset in the file. The file is then saved as bytes, as is.
    /// </summary>
    public long SetLastCharAsByte(CsvRow row, string column, byte value)
    {
        var marker = '\u0001';
        var fields = With(row.Fields, IndexOf(column), row[column][..^1] + marker);
        SetLine(row.Line, string.Join(',', fields));
        var bytes = Encoding.UTF8.GetBytes(Text());
        var offset = Array.IndexOf(bytes, (byte)marker);
        bytes[offset] = value;
        _bytes = bytes;
        return offset;
    }

    public void Save()
    {
        if (_bytes is not null)
        {
            File.WriteAllBytes(_path, _bytes);
            return;
        }

        File.WriteAllText(_path, Text(), new UTF8Encoding(false));
    }

    private string Text() => string.Join(_newline, _lines) + _newline;

    private static string[] With(string[] fields, int index, string value)
    {
        var copy = (string[])fields.Clone();
        copy[index] = value;
        return copy;
    }
}

/// <summary>Applies one <see cref="Damage"/> to a copy of a sample and says what a scan of it must show.</summary>
public static class DamagedExtracts
{
    public const string PhantomPlan = "CPP-NOSUCHPLAN";
    public const string PhantomPeriod = "CLA-NOSUCHPERIOD";

    public static DamageDone Apply(SampleLayout sample, Damage damage, string folder)
    {
        var extract = new ExtractCopy(folder);
        var done = Damaged(sample, damage, extract);
        extract.Save();
        return done;
    }

    private static DamageDone Damaged(SampleLayout s, Damage damage, ExtractCopy extract)
    {
        var visits = extract.Table(s.Visits.File);
        var cpVisits = visits.RowsOf(s.Visits.Kind);
        var people = extract.Table(s.Person.File);
        var children = people.Rows.Where(r => r[s.Person.Id] != s.Person.NobodyId).ToList();
        var plans = extract.Table(s.Plans.File);
        switch (damage)
        {
            case Damage.UnterminatedQuote:
            {
                var row = cpVisits[cpVisits.Count / 2];
                if (!visits.Rows.Any(r => r.Line > row.Line && r[s.Visits.Person] != row[s.Visits.Person]))
                {
                    throw new InvalidOperationException($"{visits.Name}: no other child's row follows line {row.Line}");
                }

                visits.Set(row, s.Visits.Start, "\"" + row[s.Visits.Start]);
                return new DamageDone($"{visits.Name} line {row.Line}: a quote opened in {s.Visits.Start} and never closed")
                {
                    Rejections = [new(visits.Name, row.Line, "(row)", ProblemMentions: "quote")],
                    Children = new HashSet<string> { row[s.Visits.Person] },
                };
            }

            case Damage.DuplicatedHeaderName:
            {
                var (first, last) = (visits.Header[0], visits.Header[^1]);
                if (first.Contains(last, StringComparison.Ordinal) || last.Contains(first, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{visits.Name}: pick columns whose names do not contain each other");
                }

                visits.SetHeader(last, first);
                return new DamageDone($"{visits.Name}: header column {last} renamed {first}, which the header already has")
                {
                    FailsSource = true,
                    ReasonNames = [visits.Name, first],
                };
            }

            case Damage.BlankHeaderName:
            {
                var position = visits.IndexOf(s.Visits.Start) + 1;
                visits.SetHeader(s.Visits.Start, "");
                return new DamageDone($"{visits.Name}: header column {position} ({s.Visits.Start}) blank")
                {
                    FailsSource = true,
                    ReasonNames = [visits.Name],
                    ReasonPattern = $@"(?i)\b(column|header|field)\s*(no\.?|number|#)?\s*{position}\b",
                };
            }

            case Damage.FieldCountOffByOne:
            {
                var (shorter, longer) = (cpVisits[1], cpVisits[^2]);
                visits.SetLine(shorter.Line, string.Join(',', shorter.Fields[..^1]));
                visits.SetLine(longer.Line, string.Join(',', [.. longer.Fields, "Y"]));
                return new DamageDone($"{visits.Name}: line {shorter.Line} has a field too few, line {longer.Line} a field too many")
                {
                    Rejections = [new(visits.Name, shorter.Line, "(row)"), new(visits.Name, longer.Line, "(row)")],
                    Children = new HashSet<string> { shorter[s.Visits.Person], longer[s.Visits.Person] },
                };
            }

            case Damage.Windows1252Bytes:
            {
                var row = children[0];
                var forename = row[s.Person.Forename][..^1] + "\u00e9";
                var offset = people.SetLastCharAsByte(row, s.Person.Forename, 0xE9);
                return new DamageDone($"{people.Name} line {row.Line}: forename ends in the Windows-1252 byte 0xE9 at offset {offset}")
                {
                    FailsSource = true,
                    ReasonNames = [people.Name],
                    ReasonPattern = $@"\b{offset}\b",
                    Children = new HashSet<string> { row[s.Person.Id] },
                    Recoded = (row[s.Person.Id], forename),
                };
            }

            case Damage.DuplicateVisitId:
            {
                var row = cpVisits[0];
                var line = visits.InsertAfter(row.Line, With(row, s.Visits.Start, Shift(s, row[s.Visits.Start], 3)));
                return new DamageDone($"{visits.Name} line {line}: visit {row[s.Visits.Id]} again, 3 days later")
                {
                    // Rejected, never merged: no child's findings change at all.
                    Rejections = [new(visits.Name, line, s.Visits.Id)],
                };
            }

            case Damage.DuplicatePlanId:
            {
                var row = plans.RowsOf(s.Plans.Kind)[0];
                var line = plans.InsertAfter(row.Line, With(row, s.Plans.Start, Shift(s, row[s.Plans.Start], 3)));
                return new DamageDone($"{plans.Name} line {line}: plan {row[s.Plans.Id]} again, starting 3 days later")
                {
                    Rejections = [new(plans.Name, line, s.Plans.Id)],
                };
            }

            case Damage.VisitNamesMissingPlan:
                return Phantom(extract, s.VisitPlan!, PhantomPlan);

            case Damage.PlacementNamesMissingPeriodOfCare:
                return Phantom(extract, s.PlacementPeriod, PhantomPeriod);

            case Damage.PlanEndsBeforeStart:
            {
                var row = plans.RowsOf(s.Plans.Kind).First(r => r[s.Plans.End!] != "");
                plans.Set(row, s.Plans.End!, Shift(s, row[s.Plans.Start], -10));
                return new DamageDone($"{plans.Name} line {row.Line}: plan {row[s.Plans.Id]} ends 10 days before it starts")
                {
                    Rejections = [new(plans.Name, row.Line, s.Plans.End!)],
                    Children = new HashSet<string> { row[s.Plans.Person] },
                };
            }

            case Damage.HeaderOnlyPersonTable:
                people.Truncate();
                return new DamageDone($"{people.Name}: header only") { FailsSource = true };

            case Damage.PersonIdsMostlyBlank:
            {
                var blanked = children.Skip(4).ToList();
                foreach (var row in blanked)
                {
                    people.Set(row, s.Person.Id, "");
                }

                return new DamageDone($"{people.Name}: {blanked.Count} of {children.Count} children's ids blank")
                {
                    FailsSource = true,
                    ReasonNames = ["children", "MinimumRowFraction"],
                };
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, null);
        }
    }

    /// <summary>A row of the link column's table (the first of its kind) names a record that does not exist.</summary>
    private static DamageDone Phantom(ExtractCopy extract, LinkColumn link, string phantom)
    {
        var table = extract.Table(link.File);
        var row = table.RowsOf(link.Kind)[0];
        var child = link.ChildOf(extract, row);
        table.Set(row, link.Column, phantom);
        return new DamageDone($"{table.Name} line {row.Line}: {link.Column} names {phantom}, which does not exist")
        {
            Rejections = [new(table.Name, row.Line, link.Column)],
            Children = new HashSet<string> { child },
            PhantomId = phantom,
        };
    }

    private static string[] With(CsvRow row, string column, string value)
    {
        var fields = (string[])row.Fields.Clone();
        fields[row.Table.IndexOf(column)] = value;
        return fields;
    }

    /// <summary>The date (and any time after it) moved by whole days, in the sample's own date format.</summary>
    private static string Shift(SampleLayout s, string text, int days)
    {
        var length = s.Dates.Format(new LocalDate(2000, 1, 1)).Length;
        var date = s.Dates.Parse(text[..length]).Value;
        return s.Dates.Format(date.PlusDays(days)) + text[length..];
    }
}

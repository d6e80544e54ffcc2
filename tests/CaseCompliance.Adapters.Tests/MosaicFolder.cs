using System.Text;
using CaseCompliance.Adapters.Mosaic;

namespace CaseCompliance.Adapters.Tests;

/// <summary>A temporary Mosaic extract folder: every table of the default layout with its header, plus the rows a test adds.</summary>
public sealed class MosaicFolder : IDisposable
{
    private readonly Dictionary<string, List<Dictionary<string, string>>> _rows = new();
    private readonly Dictionary<string, string[]> _columns = new();

    public MosaicFolder()
    {
        Path = Directory.CreateTempSubdirectory("cc-mosaic-").FullName;
        foreach (var table in MosaicLayout.Tables(new SourceOptions()))
        {
            _rows[table.Name] = [];
            _columns[table.Name] = [.. table.Columns, .. MosaicLayout.OptionalColumns.GetValueOrDefault(table.Name, [])];
        }
    }

    public string Path { get; }

    public MosaicFolder Add(string table, params (string Column, string Value)[] values)
    {
        _rows[table].Add(values.ToDictionary(v => v.Column, v => v.Value));
        return this;
    }

    public MosaicFolder Person(string id, string forename = "Sample", string surname = "Testington", string dob = "2015-03-01") =>
        Add(MosaicLayout.Persons, ("PERSON_ID", id), ("FIRST_NAME", forename), ("LAST_NAME", surname), ("DATE_OF_BIRTH", dob));

    public MosaicFolder Step(string id, string person, string type, string status, string incoming, string started = "", string completed = "") =>
        Add(MosaicLayout.Steps, ("WORKFLOW_STEP_ID", id), ("PERSON_ID", person), ("WORKFLOW_STEP_TYPE_ID", type), ("STEP_STATUS", status),
            ("INCOMING_ON", incoming), ("STARTED_ON", started), ("COMPLETED_ON", completed));

    public MosaicFolder Answer(string step, string question, string text = "", string date = "") =>
        Add(MosaicLayout.Answers, ("WORKFLOW_STEP_ID", step), ("QUESTION_USER_CODE", question), ("TEXT_ANSWER", text), ("DATE_ANSWER", date));

    /// <summary>A CP visit step (type 1187 unless given) with its date, child seen and seen alone answers.</summary>
    public MosaicFolder CpVisit(string id, string person, string date, string seen = "Yes", string alone = "Yes", string type = "1187",
        string completed = "") =>
        Step(id, person, type, completed.Length > 0 ? "COMPLETED" : "STARTED", date, date, completed)
            .Answer(id, "cpFLDDateAndTimeOfVisit", date: date + " 10:30:00")
            .Answer(id, "cpCOLSubjectsFLDChildYPSeen", seen)
            .Answer(id, "REP_ANXA_cpCOLSubjectsFLDChildYPSeenAlone", alone);

    public MosaicFolder Remove(string table)
    {
        _rows.Remove(table);
        File.Delete(System.IO.Path.Combine(Path, table + ".csv"));
        return this;
    }

    public string Write()
    {
        foreach (var (table, rows) in _rows)
        {
            var columns = _columns[table];
            var text = new StringBuilder(string.Join(',', columns)).Append('\n');
            foreach (var row in rows)
            {
                text.Append(string.Join(',', columns.Select(c => Quote(row.GetValueOrDefault(c, ""))))).Append('\n');
            }

            File.WriteAllText(System.IO.Path.Combine(Path, table + ".csv"), text.ToString());
        }

        return Path;
    }

    private static string Quote(string v) => v.Contains(',') || v.Contains('"') ? $"\"{v.Replace("\"", "\"\"")}\"" : v;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

using CaseCompliance.Adapters.Mosaic;

namespace CaseCompliance.Adapters.Tests;

/// <summary>A temporary Mosaic extract folder: every table of the default layout with its header, plus the rows a test adds.</summary>
public sealed class MosaicFolder() : ExtractFolder<MosaicFolder>("cc-mosaic-",
    MosaicLayout.Tables(new SourceOptions()).Select(t =>
        (t.Name, (string[])[.. t.Columns, .. t.OptionalColumns], true)))
{
    public MosaicFolder Person(string id, string forename = "Sample", string surname = "Testington", string dob = "2015-03-01") =>
        Add(MosaicLayout.Persons.Table, ("PERSON_ID", id), ("FIRST_NAME", forename), ("LAST_NAME", surname), ("DATE_OF_BIRTH", dob));

    public MosaicFolder Step(string id, string person, string type, string status, string incoming, string started = "", string completed = "") =>
        Add(MosaicLayout.Steps.Table, ("WORKFLOW_STEP_ID", id), ("PERSON_ID", person), ("WORKFLOW_STEP_TYPE_ID", type), ("STEP_STATUS", status),
            ("INCOMING_ON", incoming), ("STARTED_ON", started), ("COMPLETED_ON", completed));

    public MosaicFolder Answer(string step, string question, string text = "", string date = "") =>
        Add(MosaicLayout.Answers.Table, ("WORKFLOW_STEP_ID", step), ("QUESTION_USER_CODE", question), ("TEXT_ANSWER", text), ("DATE_ANSWER", date));

    /// <summary>A CP visit step (type 1187 unless given) with its date, child seen and seen alone answers.</summary>
    public MosaicFolder CpVisit(string id, string person, string date, string seen = "Yes", string alone = "Yes", string type = "1187",
        string completed = "") =>
        Step(id, person, type, completed.Length > 0 ? "COMPLETED" : "STARTED", date, date, completed)
            .Answer(id, "cpFLDDateAndTimeOfVisit", date: date + " 10:30:00")
            .Answer(id, "cpCOLSubjectsFLDChildYPSeen", seen)
            .Answer(id, "REP_ANXA_cpCOLSubjectsFLDChildYPSeenAlone", alone);
}

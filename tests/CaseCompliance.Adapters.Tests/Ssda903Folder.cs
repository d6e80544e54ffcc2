using CaseCompliance.Adapters.Ssda903;

namespace CaseCompliance.Adapters.Tests;

/// <summary>A temporary SSDA903 return folder: header.csv and episodes.csv always, the other files when a test adds rows.</summary>
public sealed class Ssda903Folder() : ExtractFolder<Ssda903Folder>("cc-903-",
    Ssda903Layout.Tables.Select(t => (t.Name, (string[])[.. t.Columns, .. t.OptionalColumns], t.Required)), checkColumns: true)
{
    public Ssda903Folder Child(string id, string dob = "01/03/2012", string sex = "1", string ethnic = "WBRI", string upn = "") =>
        Add("header", ("CHILD", id), ("SEX", sex), ("DOB", dob), ("ETHNIC", ethnic), ("UPN", upn));

    public Ssda903Folder Episode(string child, string decom, string rne, string ls, string place, string dec = "", string rec = "", string cin = "N1") =>
        Add("episodes", ("CHILD", child), ("DECOM", decom), ("RNE", rne), ("LS", ls), ("CIN", cin), ("PLACE", place), ("DEC", dec), ("REC", rec));

    public Ssda903Folder Review(string child, string date, string code = "PN1") =>
        Add("reviews", ("CHILD", child), ("REVIEW", date), ("REVIEW_CODE", code));
}

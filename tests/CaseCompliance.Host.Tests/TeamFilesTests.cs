using CaseCompliance.Rules.Engine;
using CaseCompliance.Scanning.Output;
using NodaTime;

namespace CaseCompliance.Host.Tests;

/// <summary><see cref="TeamFiles"/> on a real folder: one workbook per team per date, reruns, retention.</summary>
public class TeamFilesTests : IDisposable
{
    private static readonly LocalDate AsOf = new(2025, 3, 31);
    private readonly TempFolder _out = new();

    public void Dispose() => _out.Dispose();

    private string Teams => _out.File("teams");

    private static string?[] Row(string team, string child) => ExceptionWorkbookWriterTests.Row(team, child: child);

    private static string? Change(string?[] row) => row[2] switch
    {
        "standard:C1" or "standard:C3" => "new",
        "standard:C2" => "persisting",
        _ => null,
    };

    [Fact]
    public void Write_GivesOneWorkbookPerTeam_InTheDatedFolder_WithTheChangeColumn()
    {
        var rows = new[] { Row("Alpha", "standard:C1"), Row("Alpha", "standard:C2"), Row("Beta / North", "standard:C3"), Row("", "standard:C4") };
        var result = TeamFiles.Write(_out.Path, AsOf, rows, Change, Timescale.Days(90));

        var folder = Path.Combine(Teams, "2025-03-31");
        Assert.Equal(folder, result.Folder);
        Assert.Equal(["Alpha.xlsx", "Beta _ North.xlsx", "No team.xlsx"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Path.Combine(folder, "Beta _ North.xlsx"), result.FilesByTeam["Beta / North"]);
        Assert.Equal(["2025-03-31"], Directory.GetFileSystemEntries(Teams).Select(Path.GetFileName));

        using var alpha = new XlsxFile(Path.Combine(folder, "Alpha.xlsx"));
        Assert.Equal(["Alpha"], alpha.SheetNames);
        var sheet = alpha.Sheet("Alpha");
        Assert.Equal([.. FindingRows.Header, "change"], sheet.Values(0, 15));
        Assert.Equal([.. rows[0].Select(v => v ?? ""), "new"], sheet.Values(1, 15));
        Assert.Equal([.. rows[1].Select(v => v ?? ""), "persisting"], sheet.Values(2, 15));
        Assert.Equal(3, sheet.Rows.Count);
        Assert.Equal("A1:O3", sheet.AutoFilter);
        Assert.Equal("A2", sheet.Pane!.TopLeftCell!.Value);

        using var none = new XlsxFile(Path.Combine(folder, "No team.xlsx"));
        Assert.Equal(["No team"], none.SheetNames);
        Assert.Equal("", none.AsCsv(none.Sheet("No team").Rows[1].GetValueOrDefault(14)));
    }

    [Fact]
    public void Rerun_ForTheSameDate_ReplacesTheFolderWhole()
    {
        TeamFiles.Write(_out.Path, AsOf, [Row("Alpha", "standard:C1"), Row("Beta", "standard:C3")], Change, Timescale.Days(90));
        TeamFiles.Write(_out.Path, AsOf, [Row("Alpha", "standard:C2")], Change, Timescale.Days(90));

        var folder = Path.Combine(Teams, "2025-03-31");
        Assert.Equal(["Alpha.xlsx"], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.Equal(["2025-03-31"], Directory.GetFileSystemEntries(Teams).Select(Path.GetFileName));
        using var alpha = new XlsxFile(Path.Combine(folder, "Alpha.xlsx"));
        Assert.Equal("persisting", alpha.Text(alpha.Sheet("Alpha").Rows[1][14]));
    }

    [Fact]
    public void Rerun_AfterARunThatDied_ClearsItsLeftovers()
    {
        Directory.CreateDirectory(Path.Combine(Teams, ".2025-03-31.partial"));
        File.WriteAllText(Path.Combine(Teams, ".2025-03-31.partial", "Gamma.xlsx"), "half written");
        TeamFiles.Write(_out.Path, AsOf, [Row("Alpha", "standard:C1")], Change, Timescale.Days(90));
        Assert.Equal(["2025-03-31"], Directory.GetFileSystemEntries(Teams).Select(Path.GetFileName));
        Assert.Equal(["Alpha.xlsx"], Directory.GetFiles(Path.Combine(Teams, "2025-03-31")).Select(Path.GetFileName));
    }

    [Fact]
    public void Retention_RemovesOnlyDatedFoldersOlderThanTheCutoff()
    {
        // Kept: the cutoff date itself (2025-03-31 less 30 days), later dates, and everything not a dated folder.
        string[] old = ["2024-12-31", "2025-02-28"];
        string[] kept = ["2025-03-01", "2025-04-15", "notes", "2025-01-01.bak", "2025-1-01"];
        foreach (var name in old.Concat(kept))
        {
            Directory.CreateDirectory(Path.Combine(Teams, name));
            File.WriteAllText(Path.Combine(Teams, name, "Alpha.xlsx"), "x");
        }

        File.WriteAllText(Path.Combine(Teams, "2020-01-01"), "a file named like a date");
        // A link named like an old date is not ours to follow: what it points at stays.
        var elsewhere = Directory.CreateDirectory(_out.File("elsewhere")).FullName;
        File.WriteAllText(Path.Combine(elsewhere, "keep.txt"), "x");
        Directory.CreateSymbolicLink(Path.Combine(Teams, "2019-01-01"), elsewhere);

        var result = TeamFiles.Write(_out.Path, AsOf, [Row("Alpha", "standard:C1")], Change, Timescale.Days(30));

        Assert.Equal(old.Select(n => Path.Combine(Teams, n)), result.Removed);
        Assert.Equal(["2019-01-01", "2020-01-01", "2025-01-01.bak", "2025-03-01", "2025-03-31", "2025-04-15", "2025-1-01", "notes"],
            Directory.GetFileSystemEntries(Teams).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(elsewhere, "keep.txt")));
        Assert.True(File.Exists(Path.Combine(Teams, "2025-03-01", "Alpha.xlsx")));
    }

    [Theory]
    [InlineData(30, TimescaleUnit.Days, "2025-03-01")]
    [InlineData(2, TimescaleUnit.Weeks, "2025-03-17")]
    [InlineData(1, TimescaleUnit.Months, "2025-02-28")] // PlusMonths truncates: 31 March less a month is 28 February.
    public void RetentionCutoff_CountsCalendarUnits(int amount, TimescaleUnit unit, string expected)
    {
        Assert.Equal(expected, TeamFiles.RetentionCutoff(AsOf, new Timescale(amount, unit)).ToString("yyyy-MM-dd", null));
    }

    [Fact]
    public void Retention_InWorkingDays_IsRefused_BeforeAnythingIsWritten()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            TeamFiles.Write(_out.Path, AsOf, [Row("Alpha", "standard:C1")], Change, Timescale.WorkingDays(20)));
        Assert.Contains("Output:TeamFolderRetention", e.Message);
        Assert.False(Directory.Exists(Teams));
    }

    [Theory]
    [InlineData("Alpha", "Alpha.xlsx")]
    [InlineData("", "No team.xlsx")]
    [InlineData("  ", "No team.xlsx")]
    [InlineData("..", "Team.xlsx")]
    [InlineData("../../etc/passwd", ".._.._etc_passwd.xlsx")]
    [InlineData("C:\\Teams\\East", "C__Teams_East.xlsx")]
    [InlineData("Who? <Us>|\"Them\"*", "Who_ _Us___Them__.xlsx")]
    [InlineData("con", "_con.xlsx")]
    [InlineData("Trailing dots...", "Trailing dots.xlsx")]
    public void SafeFileName_StaysInsideTheFolder(string team, string expected)
    {
        var name = TeamFiles.SafeFileName(team);
        Assert.Equal(expected, name);
        Assert.Equal(name, Path.GetFileName(name));
        Assert.NotEqual("..", Path.GetFileNameWithoutExtension(name));
    }

    [Fact]
    public void TeamsWhoseFileNamesClash_GetNumberedFiles()
    {
        var result = TeamFiles.Write(_out.Path, AsOf, [Row("A/B", "standard:C1"), Row("A:B", "standard:C2")], null, Timescale.Days(90));
        Assert.Equal(Path.Combine(result.Folder, "A_B.xlsx"), result.FilesByTeam["A/B"]);
        Assert.Equal(Path.Combine(result.Folder, "A_B (2).xlsx"), result.FilesByTeam["A:B"]);
        using var second = new XlsxFile(result.FilesByTeam["A:B"]);
        var sheet = second.Sheet("A_B");
        // Without a change lookup the layout is the exception list's own 14 columns.
        Assert.Equal(14, sheet.Rows[0].Count);
        Assert.Equal("standard:C2", second.Text(sheet.Rows[1][2]));
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using CaseCompliance.Rules.Engine;
using NodaTime;
using NodaTime.Text;

namespace CaseCompliance.Scanning.Output;

/// <summary>What <see cref="TeamFiles.Write"/> did: the dated folder, the team workbooks in it, the old folders removed.</summary>
public sealed record TeamFilesResult(string Folder, IReadOnlyDictionary<string, string> FilesByTeam, IReadOnlyList<string> Removed);

/// <summary>
/// One workbook per team for each scan, in a folder per as-of date (<c>&lt;out&gt;/teams/yyyy-MM-dd/&lt;team&gt;.xlsx</c>),
/// laid out as a team sheet of exceptions.xlsx with a <c>change</c> column (new or persisting since the last scan), so
/// a manager can be sent just their team's list. Dated folders older than the retention are removed; nothing else
/// under <c>teams</c> is ever touched.
/// </summary>
public static partial class TeamFiles
{
    /// <summary>The folder under the output directory that holds the dated folders.</summary>
    public const string FolderName = "teams";

    /// <summary>
    /// Writes the team workbooks for <paramref name="asOf"/> from <paramref name="exceptionRows"/> (contract columns,
    /// grouped by team as exceptions.csv is). A rerun for the same date replaces that date's folder whole: the files
    /// are written to a scratch folder and swapped in at the end, so readers never see half a set. Then removes dated
    /// folders older than <paramref name="asOf"/> less <paramref name="retention"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The retention is not in days, weeks or months, or a team's rows are not together.</exception>
    public static TeamFilesResult Write(string outputDirectory, LocalDate asOf, IEnumerable<string?[]> exceptionRows,
        Func<string?[], string?>? change, Timescale retention) =>
        Write(outputDirectory, asOf, exceptionRows, change, retention, XlsxPackage.MaxRows);

    internal static TeamFilesResult Write(string outputDirectory, LocalDate asOf, IEnumerable<string?[]> exceptionRows,
        Func<string?[], string?>? change, Timescale retention, int maxRows)
    {
        var cutoff = RetentionCutoff(asOf, retention);
        var root = Path.Combine(Path.GetFullPath(outputDirectory), FolderName);
        var date = LocalDatePattern.Iso.Format(asOf);
        var final = Path.Combine(root, date);
        // Fixed names, so that a run that died is cleaned up by the next one for the same date.
        var partial = Path.Combine(root, $".{date}.partial");
        var old = Path.Combine(root, $".{date}.old");
        DeleteTree(partial);
        DeleteTree(old);
        Directory.CreateDirectory(partial);

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var fileNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        XlsxPackage? package = null;
        TeamSheet? sheet = null;
        try
        {
            foreach (var row in exceptionRows)
            {
                var team = ExceptionWorkbook.TeamOf(row);
                if (sheet is null || !string.Equals(team, sheet.Team, StringComparison.Ordinal))
                {
                    sheet?.Finish();
                    package?.Finish();
                    package?.Dispose();
                    package = null;
                    if (files.ContainsKey(team))
                    {
                        throw new ArgumentException("The exception rows must be grouped by team, as exceptions.csv is.", nameof(exceptionRows));
                    }

                    var name = Unique(SafeFileName(team), fileNames);
                    files[team] = Path.Combine(final, name);
                    package = new XlsxPackage(Path.Combine(partial, name));
                    sheet = new TeamSheet(package, team, package.Names.Reserve(ExceptionWorkbook.SheetLabel(team)), change is not null, maxRows);
                }

                sheet.Add(row, change?.Invoke(row));
            }

            sheet?.Finish();
            package?.Finish();
        }
        finally
        {
            package?.Dispose();
        }

        if (Directory.Exists(final))
        {
            Directory.Move(final, old);
        }

        Directory.Move(partial, final);
        DeleteTree(old);
        return new TeamFilesResult(final, files, Prune(root, cutoff));
    }

    /// <summary>The oldest as-of date whose folder is kept: <paramref name="asOf"/> less the retention.</summary>
    /// <exception cref="ArgumentException">The retention is in working days or hours, which a folder's date cannot be
    /// counted in without the calendar.</exception>
    public static LocalDate RetentionCutoff(LocalDate asOf, Timescale retention) => retention.Unit switch
    {
        TimescaleUnit.Days => asOf.PlusDays(-retention.Amount),
        TimescaleUnit.Weeks => asOf.PlusDays(-7 * retention.Amount),
        TimescaleUnit.Months => asOf.PlusMonths(-retention.Amount),
        _ => throw new ArgumentException(
            $"Output:TeamFolderRetention: '{retention}' must be in days, weeks or months.", nameof(retention)),
    };

    /// <summary>
    /// A team's workbook file name: characters no file system accepts (path separators, <c>:*?"&lt;&gt;|</c>,
    /// controls) become <c>_</c>, never <c>.</c> or <c>..</c> or a Windows device name, at most 100 characters;
    /// an empty team is "No team".
    /// </summary>
    public static string SafeFileName(string? team)
    {
        var name = string.IsNullOrWhiteSpace(team) ? ExceptionWorkbook.NoTeam : team;
        var chars = name.Select(c => c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || char.IsControl(c) ? '_' : c).ToArray();
        name = new string(chars).Trim().TrimEnd('.');
        if (name.Length > 100)
        {
            name = name[..(char.IsHighSurrogate(name[99]) ? 99 : 100)].TrimEnd().TrimEnd('.');
        }

        if (name.Length == 0 || name.All(c => c == '.'))
        {
            name = "Team";
        }

        if (DeviceName().IsMatch(name))
        {
            name = "_" + name;
        }

        return name + ".xlsx";
    }

    private static string Unique(string fileName, HashSet<string> taken)
    {
        if (taken.Add(fileName))
        {
            return fileName;
        }

        var stem = fileName[..^".xlsx".Length];
        for (var n = 2; ; n++)
        {
            var candidate = $"{stem} ({n.ToString(CultureInfo.InvariantCulture)}).xlsx";
            if (taken.Add(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>Removes the dated folders (named yyyy-MM-dd, real folders, not links) older than the cutoff.</summary>
    private static List<string> Prune(string root, LocalDate cutoff)
    {
        var removed = new List<string>();
        foreach (var folder in new DirectoryInfo(root).EnumerateDirectories())
        {
            if (folder.LinkTarget is null && DatedFolder().IsMatch(folder.Name) &&
                LocalDatePattern.Iso.Parse(folder.Name) is { Success: true } parsed && parsed.Value < cutoff)
            {
                folder.Delete(recursive: true);
                removed.Add(folder.FullName);
            }
        }

        removed.Sort(StringComparer.Ordinal);
        return removed;
    }

    private static void DeleteTree(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex DatedFolder();

    [GeneratedRegex(@"^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DeviceName();
}

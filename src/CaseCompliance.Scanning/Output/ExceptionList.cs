using System.Text;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Rules.Engine;
using NodaTime;

namespace CaseCompliance.Scanning.Output;

/// <summary>
/// Where a listed finding's row is and how it sorts: team, worker, child, due date (empty last), rule. The child sorts
/// as its prefixed id (<c>source:child</c>) without that string being built.
/// </summary>
internal readonly record struct ExceptionEntry(string? Team, string? Worker, string? Source, string Child, int Due,
    string Rule, long Offset, int Length) : IComparable<ExceptionEntry>
{
    private const int NoDate = int.MaxValue;

    public static ExceptionEntry Of(Finding f, long offset, int length) =>
        new(f.Team, f.WorkerId, f.Source, f.ChildId, f.DueDate is { } d ? Days(d) : NoDate, f.RuleId, offset, length);

    /// <summary>A findings.csv row kept from an earlier scan (its child id already prefixed).</summary>
    public static ExceptionEntry Of(string[] row, long offset, int length) =>
        new(row[11], row[10], null, row[2], DateOnly.TryParseExact(row[6], "yyyy-MM-dd", out var d) ? d.DayNumber : NoDate, row[0], offset, length);

    public int CompareTo(ExceptionEntry other)
    {
        var c = CompareLastEmpty(Team, other.Team);
        if (c == 0)
        {
            c = CompareLastEmpty(Worker, other.Worker);
        }

        if (c == 0)
        {
            c = CompareChild(other);
        }

        if (c == 0)
        {
            c = Due.CompareTo(other.Due);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(Rule, other.Rule);
        }

        // Ties keep the order the rows were found in (their place in the scratch file).
        return c != 0 ? c : Offset.CompareTo(other.Offset);
    }

    private static int Days(LocalDate d) => d.ToDateOnly().DayNumber;

    private static int CompareLastEmpty(string? a, string? b) => (string.IsNullOrEmpty(a), string.IsNullOrEmpty(b)) switch
    {
        (true, true) => 0,
        (true, false) => 1,
        (false, true) => -1,
        _ => string.CompareOrdinal(a, b),
    };

    private int CompareChild(ExceptionEntry other)
    {
        Span<char> a = stackalloc char[256];
        Span<char> b = stackalloc char[256];
        return Prefixed(a, out var x) && other.Prefixed(b, out var y)
            ? x.SequenceCompareTo(y)
            : string.CompareOrdinal(Source is null ? Child : $"{Source}:{Child}", other.Source is null ? other.Child : $"{other.Source}:{other.Child}");
    }

    private bool Prefixed(Span<char> buffer, out ReadOnlySpan<char> id)
    {
        if (Source is null)
        {
            id = Child;
            return true;
        }

        id = default;
        if (Source.Length + 1 + Child.Length > buffer.Length)
        {
            return false;
        }

        Source.CopyTo(buffer);
        buffer[Source.Length] = ':';
        Child.CopyTo(buffer[(Source.Length + 1)..]);
        id = buffer[..(Source.Length + 1 + Child.Length)];
        return true;
    }
}

/// <summary>
/// The exception list while a scan runs: each listed row is written at once to a scratch file beside the outputs and
/// only its sort entry kept in memory (a million-child scan lists about a million and a half rows), then
/// <see cref="WriteSorted"/> writes exceptions.csv in list order from the scratch file.
/// </summary>
internal sealed class ExceptionList : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string _path;
    private readonly FileStream _scratch;
    private readonly List<ExceptionEntry> _entries = [];

    public ExceptionList(string path)
    {
        _path = path;
        _scratch = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
    }

    public int Count => _entries.Count;

    /// <summary>Adds a batch's listed rows: their CSV text (UTF-16 offsets in <paramref name="text"/>) and entries.</summary>
    public void Add(StringBuilder text, List<ExceptionEntry> entries)
    {
        foreach (var e in entries)
        {
            var bytes = Utf8.GetBytes(text.ToString((int)e.Offset, e.Length));
            _entries.Add(e with { Offset = _scratch.Position, Length = bytes.Length });
            _scratch.Write(bytes);
        }
    }

    /// <summary>Adds a row kept from an earlier scan.</summary>
    public void Add(string[] row)
    {
        var line = new StringWriter();
        new CsvText(line, neutralise: true).Row(row);
        var bytes = Utf8.GetBytes(line.ToString());
        _entries.Add(ExceptionEntry.Of(row, _scratch.Position, bytes.Length));
        _scratch.Write(bytes);
    }

    public (int Count, long Length) Mark() => (_entries.Count, _scratch.Position);

    /// <summary>Takes back every row added since <paramref name="mark"/> (a source that failed or is read again).</summary>
    public void Rollback((int Count, long Length) mark)
    {
        _entries.RemoveRange(mark.Count, _entries.Count - mark.Count);
        _scratch.SetLength(mark.Length);
        _scratch.Position = mark.Length;
    }

    public void WriteSorted(string path)
    {
        _scratch.Flush();
        _entries.Sort();
        using var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        output.Write(Utf8.GetBytes(string.Join(',', FindingRows.Header) + "\r\n"));
        var buffer = new byte[4096];
        foreach (var e in _entries)
        {
            if (buffer.Length < e.Length)
            {
                buffer = new byte[e.Length];
            }

            RandomAccess.Read(_scratch.SafeFileHandle, buffer.AsSpan(0, e.Length), e.Offset);
            output.Write(buffer, 0, e.Length);
        }
    }

    public void Dispose()
    {
        _scratch.Dispose();
        File.Delete(_path);
    }
}

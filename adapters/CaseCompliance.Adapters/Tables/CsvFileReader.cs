using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;
using nietras.SeparatedValues;

namespace CaseCompliance.Adapters.Tables;

/// <summary>
/// The rows of one CSV file: Sep's SIMD parser for the records it reads as RFC 4180 does, and a strict parser of our
/// own (<see cref="StrictRecord"/>) for the rest, so that broken quoting costs the lines it breaks and nothing more.
/// </summary>
/// <remarks>
/// <para>
/// Sep takes a quote anywhere in a field as opening or closing a quoted stretch, so a stray quote can join lines into
/// one record. Its reading is taken as it is only for a record on one line, with the header's number of fields, every
/// field either unquoted without quotes or quoted with only doubled quotes inside. Any other record on one line is
/// read by the strict parser (a quote inside an unquoted field is kept as text; text after a closing quote rejects the
/// line). A record over several lines is accepted only if the strict parser reads exactly those lines as one record
/// with the header's number of fields, and only up to <see cref="MaxRecordLines"/> lines.
/// </para>
/// <para>
/// Otherwise the file is read again from the record's first line (found by its byte offset) with the strict parser
/// alone, a record at a time: a record it cannot read costs its first line only (rejected), and reading goes on at
/// the next line. After <see cref="CleanLinesToResume"/> lines in a row without a problem or a stray quote, Sep takes
/// over again at the next line.
/// </para>
/// </remarks>
internal sealed class CsvFileReader : IDisposable
{
    /// <summary>A record longer than this is taken as broken quoting.</summary>
    public const int MaxRecordLines = 100;

    /// <summary>Problem-free lines the strict parser reads before Sep takes over again.</summary>
    public const int CleanLinesToResume = 1_000;

    /// <summary>A record longer than this many characters is taken as broken quoting (Sep's own limit is about this).</summary>
    public const int MaxRecordLength = 1 << 24;

    private const string TextAfterQuote = "a quoted field has text after its closing quote: the row cannot be used";

    private static readonly SepReaderOptions SepOptions = new(new Sep(','))
    {
        HasHeader = false,
        DisableColCountCheck = true,
    };

    private readonly string _path;
    private readonly string _file;
    private readonly CsvEncoding _encoding;
    private readonly StrictRecord _record = new();
    private readonly int _fieldCount;
    private SepReader? _sep;
    private int _lineOffset;
    private int _nextLine = 1;
    private StrictLineReader? _strict;
    private TextReader? _strictText;
    private int _strictLine;
    private int _readingLine;
    private int _clean;
    private LineOffsets? _offsets;

    private CsvFileReader(string path, string file, CsvEncoding encoding)
    {
        _path = path;
        _file = file;
        _encoding = encoding.For(path);
        encoding = _encoding;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        var text = new StreamReader(stream, encoding.Start, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        try
        {
            _sep = SepOptions.From(text);
            Header = ReadHeader();
        }
        catch (Exception e)
        {
            text.Dispose();
            _sep?.Dispose();
            if (e is DecoderFallbackException undecodable)
            {
                throw Undecodable(undecodable);
            }

            throw;
        }

        _fieldCount = Header.Count;
        var columns = new Dictionary<string, int>(Header.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Header.Count; i++)
        {
            columns[Header[i]] = i;
        }

        Columns = columns;
    }

    /// <summary>The column names, trimmed; unique and non-blank (else opening fails the source). None for an empty file.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>
    /// The file holds nothing but blank lines (or nothing: PowerShell's <c>Export-Csv</c> writes 0 bytes for a query
    /// without rows): a table with no header and no rows, whose columns cannot be checked (ADR 010).
    /// </summary>
    public bool IsEmpty => Header.Count == 0;

    /// <summary>The encoding the file is read in (its byte order mark's, else the configured one).</summary>
    public string EncodingName => _encoding.Name;

    /// <summary>Column name (any case) → index; one dictionary for every row of the file.</summary>
    public IReadOnlyDictionary<string, int> Columns { get; }

    /// <summary>How many times the file was read again from a line with the strict parser (for tests and benchmarks).</summary>
    internal int Fallbacks { get; private set; }

    /// <summary>Opens a file and reads its header. Throws <see cref="SourceFailedException"/> naming the problem.</summary>
    public static CsvFileReader Open(string path, string file, CsvEncoding encoding) => new(path, file, encoding);

    /// <summary>The next row (possibly a rejected one); null at the end of the file.</summary>
    public TableRow? Next()
    {
        try
        {
            return NextRow();
        }
        catch (DecoderFallbackException e)
        {
            throw Undecodable(e);
        }
        catch (StrictLineReader.LineTooLongException e)
        {
            throw new SourceFailedException(string.Create(CultureInfo.InvariantCulture,
                $"{_file}: line {_readingLine} is longer than {MaxRecordLength} characters; the file cannot be read past it."), e);
        }
    }

    public void Dispose()
    {
        _sep?.Dispose();
        _strictText?.Dispose();
        _offsets?.Dispose();
    }

    /// <summary>The decoder met bytes the encoding does not allow: the source fails, naming the first of them.</summary>
    private SourceFailedException Undecodable(DecoderFallbackException e) => new(_encoding.InvalidBytes(_path, _file), e);

    private string[] ReadHeader()
    {
        while (true)
        {
            bool more;
            try
            {
                more = _sep!.MoveNext();
            }
            catch (NotSupportedException)
            {
                throw BrokenHeader();
            }

            if (!more)
            {
                // Nothing but blank lines: an empty table (no header to check, no rows).
                _sep.Dispose();
                _sep = null;
                return [];
            }

            var row = _sep.Current;
            var lines = row.LineNumberToExcl - _nextLine;
            _nextLine = row.LineNumberToExcl;
            var span = row.Span;
            if (lines == 1 && span.IsWhiteSpace())
            {
                continue;
            }

            string[] names;
            if (span.Contains('"') || lines > 1)
            {
                _record.Reset();
                if (_record.Feed(span) != StrictStatus.Complete)
                {
                    throw BrokenHeader();
                }

                names = _record.Fields();
            }
            else
            {
                names = new string[row.ColCount];
                for (var i = 0; i < names.Length; i++)
                {
                    names[i] = row[i].ToString();
                }
            }

            CheckNames(names);
            return names;
        }
    }

    private SourceFailedException BrokenHeader() =>
        new($"{_file}: the header row has broken quoting (a quote that is not closed, or text after a closing quote).");

    /// <summary>Trims the names; a blank or repeated name (in any case) fails the source.</summary>
    private void CheckNames(string[] names)
    {
        var seen = new Dictionary<string, int>(names.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = names[i].Trim();
            if (names[i].Length == 0)
            {
                throw new SourceFailedException(string.Create(CultureInfo.InvariantCulture,
                    $"{_file}: column {i + 1} of the header has no name."));
            }

            if (!seen.TryAdd(names[i], i))
            {
                throw new SourceFailedException(string.Create(CultureInfo.InvariantCulture,
                    $"{_file}: column '{names[i]}' appears twice in the header (columns {seen[names[i]] + 1} and {i + 1})."));
            }
        }
    }

    private TableRow? NextRow()
    {
        while (true)
        {
            if (_strict is not null)
            {
                if (_clean >= CleanLinesToResume)
                {
                    Resume();
                    continue;
                }

                if (!NextStrict(out var strictRow))
                {
                    return null;
                }

                if (strictRow is not null)
                {
                    return strictRow;
                }

                continue;
            }

            if (_sep is null)
            {
                return null;
            }

            bool more;
            try
            {
                more = _sep.MoveNext();
            }
            catch (NotSupportedException)
            {
                // Sep's buffer limit: a record of millions of characters is a quote that was never closed.
                Fallback(_nextLine);
                continue;
            }

            if (!more)
            {
                return null;
            }

            // Rows follow each other line by line (an empty line is a row too), so a row starts where the last
            // ended; Sep 0.18's LineNumberFrom is wrong for the first row of a reader without a header.
            var row = _sep.Current;
            var from = _nextLine;
            _nextLine = row.LineNumberToExcl + _lineOffset;
            var lines = _nextLine - from;
            if (lines == 1)
            {
                var span = row.Span;
                if (span.IsEmpty)
                {
                    continue;
                }

                if (Fast(row) is { } values)
                {
                    return new TableRow(_file, from, Columns, values);
                }

                if (!span.Contains('"'))
                {
                    return Rejected(from, FieldCount(row.ColCount));
                }

                _record.Reset();
                switch (_record.Feed(span))
                {
                    case StrictStatus.Complete:
                        var fields = _record.Fields();
                        return fields.Length == _fieldCount
                            ? new TableRow(_file, from, Columns, fields)
                            : Rejected(from, FieldCount(fields.Length));
                    case StrictStatus.TextAfterClosingQuote:
                        return Rejected(from, TextAfterQuote);
                }

                // The strict reading runs on into the next line, which Sep has already read its own way.
                Fallback(from);
                continue;
            }

            if (lines <= MaxRecordLines && row.Span.Length <= MaxRecordLength)
            {
                _record.Reset();
                if (_record.Feed(row.Span) == StrictStatus.Complete && _record.Fields() is { } fields &&
                    fields.Length == _fieldCount)
                {
                    return new TableRow(_file, from, Columns, fields);
                }
            }

            Fallback(from);
        }
    }

    /// <summary>
    /// The fields of a one-line record as Sep split it, when that is also the strict reading: the header's number of
    /// fields, and quotes only around a field with doubled quotes inside. Null otherwise.
    /// </summary>
    private string[]? Fast(SepReader.Row row)
    {
        if (row.ColCount != _fieldCount)
        {
            return null;
        }

        var values = new string[_fieldCount];
        if (!row.Span.Contains('"'))
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = row[i].ToString();
            }

            return values;
        }

        for (var i = 0; i < values.Length; i++)
        {
            var col = row[i].Span;
            if (col.IsEmpty || col[0] != '"')
            {
                if (col.Contains('"'))
                {
                    return null;
                }

                values[i] = new string(col);
            }
            else if (col.Length < 2 || col[^1] != '"' || Unquote(col[1..^1]) is not { } value)
            {
                return null;
            }
            else
            {
                values[i] = value;
            }
        }

        return values;
    }

    /// <summary>The inside of a quoted field with its doubled quotes made single; null for a quote that is not doubled.</summary>
    private static string? Unquote(ReadOnlySpan<char> inner)
    {
        if (!inner.Contains('"'))
        {
            return new string(inner);
        }

        var text = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '"')
            {
                if (i + 1 >= inner.Length || inner[i + 1] != '"')
                {
                    return null;
                }

                i++;
            }

            text.Append(inner[i]);
        }

        return text.ToString();
    }

    /// <summary>
    /// Reads the next record with the strict parser; false at the end of the file, a null row for an empty line.
    /// A record that does not end well costs its first line only: it is rejected and reading goes on at the next.
    /// </summary>
    private bool NextStrict(out TableRow? row)
    {
        row = null;
        var strict = _strict!;
        strict.Mark();
        _readingLine = _strictLine;
        if (!strict.Next(out var line, out var ending))
        {
            return false;
        }

        var from = _strictLine;
        if (line.IsEmpty)
        {
            strict.Unmark();
            _strictLine++;
            _clean++;
            return true;
        }

        _record.Reset();
        var status = _record.Feed(line);
        var lines = 1;
        if (status == StrictStatus.TextAfterClosingQuote)
        {
            strict.Unmark();
            return Reject(TextAfterQuote, out row);
        }

        var length = line.Length;
        var tooLong = false;
        while (status == StrictStatus.InsideQuotes && lines < MaxRecordLines && !ending.IsEmpty)
        {
            _record.LineBreak(ending);
            length += ending.Length;
            _readingLine = from + lines;
            try
            {
                if (!strict.Next(out line, out ending))
                {
                    break;
                }
            }
            catch (StrictLineReader.RecordTooLongException)
            {
                tooLong = true;
                break;
            }

            lines++;
            length += line.Length;
            if (length > MaxRecordLength)
            {
                // Millions of characters inside one quoted field: taken as a quote never closed.
                tooLong = true;
                break;
            }

            status = _record.Feed(line);
        }

        if (status == StrictStatus.Complete && !tooLong)
        {
            var fields = _record.Fields();
            if (fields.Length == _fieldCount)
            {
                strict.Unmark();
                _strictLine += lines;
                _clean = _record.StrayQuote ? 0 : _clean + lines;
                row = new TableRow(_file, from, Columns, fields);
                return true;
            }

            if (lines == 1)
            {
                strict.Unmark();
                return Reject(FieldCount(fields.Length), out row);
            }

            RewindOneLine(strict);
            return Reject(string.Create(CultureInfo.InvariantCulture,
                $"broken quoting (a quoted field runs over {lines} lines, and the record then has {fields.Length} fields, the header has {_fieldCount}): the row cannot be used"),
                out row);
        }

        // Not closed within the file or the record limit, or closed and followed by text on a later line.
        RewindOneLine(strict);
        return Reject("unterminated quote: the row cannot be used", out row);

        bool Reject(string problem, out TableRow? rejected)
        {
            rejected = Rejected(from, problem);
            _strictLine = from + 1;
            _clean = 0;
            return true;
        }
    }

    /// <summary>Back to the record's first line, then past that line only.</summary>
    private static void RewindOneLine(StrictLineReader strict)
    {
        strict.Rewind();
        strict.Next(out _, out _);
    }

    /// <summary>Reads on from <paramref name="line"/> with the strict parser, from the line's byte offset.</summary>
    private void Fallback(int line)
    {
        Fallbacks++;
        _sep?.Dispose();
        _sep = null;
        _strictText?.Dispose();
        _offsets ??= new LineOffsets(_path, _encoding);
        var offset = _offsets.Find(line) ?? throw new SourceFailedException(string.Create(CultureInfo.InvariantCulture,
            $"{_file}: line {line} cannot be found again to read on after broken quoting; has the file changed while it was read?"));
        var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        stream.Seek(offset, SeekOrigin.Begin);
        _strictText = new StreamReader(stream, _encoding.Resume, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        _strict = new StrictLineReader(_strictText, MaxRecordLength);
        _strictLine = line;
        _clean = 0;
    }

    /// <summary>Sep takes over at the strict parser's next line, from the text it has read ahead.</summary>
    private void Resume()
    {
        var line = _strictLine;
        var rest = _strict!.Rest();
        _strict = null;
        _strictText = null;
        try
        {
            _sep = SepOptions.From(rest);
        }
        catch (NotSupportedException)
        {
            rest.Dispose();
            Fallback(line);
            return;
        }

        _lineOffset = line - 1;
        _nextLine = line;
    }

    private string FieldCount(int fields) => string.Create(CultureInfo.InvariantCulture,
        $"the row has {fields} field{(fields == 1 ? "" : "s")}, the header has {_fieldCount}: the row cannot be used");

    private TableRow Rejected(int line, string problem) => TableRow.Rejected(_file, line, Columns, problem);

    /// <summary>
    /// The byte offset where a line starts, found by counting line endings (\r\n, \n, \r, as Sep counts them) from
    /// the last line found, so that finding every broken record's line costs one pass over the file in all.
    /// </summary>
    private sealed class LineOffsets(string path, CsvEncoding encoding) : IDisposable
    {
        private readonly SafeFileHandle _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        private readonly byte[] _buffer = new byte[1 << 16];
        private long _line = 1;
        private long _offset;

        public long? Find(long line)
        {
            if (line < _line)
            {
                _line = 1;
                _offset = 0;
            }

            if (encoding.UnitBytes == 2)
            {
                return FindUnits(line);
            }

            var position = _offset;
            while (_line < line)
            {
                var read = RandomAccess.Read(_handle, _buffer, position);
                if (read == 0)
                {
                    return null;
                }

                var bytes = _buffer.AsSpan(0, read);
                var i = 0;
                while (_line < line && i < read)
                {
                    var at = bytes[i..].IndexOfAny((byte)'\r', (byte)'\n');
                    if (at < 0)
                    {
                        i = read;
                        break;
                    }

                    i += at;
                    var pair = bytes[i] == (byte)'\r' && (i + 1 < read ? bytes[i + 1] == (byte)'\n' : Peek(position + i + 1) == '\n');
                    i += pair ? 2 : 1;
                    _line++;
                    _offset = position + i;
                }

                position += i;
            }

            return _offset;
        }

        /// <summary>As <see cref="Find"/>, for UTF-16: line breaks are the 2-byte units 000D and 000A (never part of a
        /// surrogate pair), read from the file's start (the byte order mark is a unit of its own).</summary>
        private long? FindUnits(long line)
        {
            var position = _offset;
            while (_line < line)
            {
                var read = RandomAccess.Read(_handle, _buffer, position) & ~1;
                if (read == 0)
                {
                    return null;
                }

                var i = 0;
                while (_line < line && i < read)
                {
                    var unit = Unit(_buffer, i);
                    i += 2;
                    if (unit is '\n' or '\r')
                    {
                        if (unit == '\r' && (i < read ? Unit(_buffer, i) : PeekUnit(position + i)) == '\n')
                        {
                            i += 2;
                        }

                        _line++;
                        _offset = position + i;
                    }
                }

                position += i;
            }

            return _offset;
        }

        private int Unit(ReadOnlySpan<byte> bytes, int at) =>
            encoding.BigEndian ? bytes[at] << 8 | bytes[at + 1] : bytes[at] | bytes[at + 1] << 8;

        private int PeekUnit(long position)
        {
            Span<byte> two = stackalloc byte[2];
            return RandomAccess.Read(_handle, two, position) == 2 ? Unit(two, 0) : -1;
        }

        private int Peek(long position)
        {
            Span<byte> one = stackalloc byte[1];
            return RandomAccess.Read(_handle, one, position) == 1 ? one[0] : -1;
        }

        public void Dispose() => _handle.Dispose();
    }
}

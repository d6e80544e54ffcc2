using System.Text;

namespace CaseCompliance.Adapters.Tables;

/// <summary>How far a <see cref="StrictRecord"/> got with the text it was given.</summary>
internal enum StrictStatus
{
    /// <summary>The text ended outside quotes: the record can end here.</summary>
    Complete,

    /// <summary>The text ended inside a quoted field: the record needs the next line.</summary>
    InsideQuotes,

    /// <summary>A closing quote was followed by something other than a comma or the end of the line.</summary>
    TextAfterClosingQuote,

    /// <summary>A line break outside quotes: the text holds more than one record.</summary>
    LineBreakOutsideQuotes,
}

/// <summary>
/// RFC 4180 fields of one record, strictly: a quote is special only as the first character of a field, where it opens
/// a quoted field that ends at a quote followed by a comma or the end of the line (a doubled quote inside stands for
/// one quote, line breaks inside are kept). A quote inside an unquoted field is kept as text (a <c>5'10"</c> note),
/// and noted in <see cref="StrayQuote"/>, because Sep would have taken it as an opening quote.
/// </summary>
/// <remarks>The reference reading the fast Sep path is checked against and falls back to; fed one line at a time.</remarks>
internal sealed class StrictRecord
{
    private readonly List<string> _fields = [];
    private readonly StringBuilder _field = new();
    private State _state = State.FieldStart;

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    /// <summary>A quote was met inside an unquoted field.</summary>
    public bool StrayQuote { get; private set; }

    public void Reset()
    {
        _fields.Clear();
        _field.Clear();
        _state = State.FieldStart;
        StrayQuote = false;
    }

    /// <summary>Reads on through <paramref name="text"/> (a line without its ending, or a whole record).</summary>
    public StrictStatus Feed(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            switch (_state)
            {
                case State.FieldStart:
                    if (text[i] == '"')
                    {
                        _state = State.Quoted;
                        i++;
                        break;
                    }

                    _state = State.Unquoted;
                    goto case State.Unquoted;

                case State.Unquoted:
                {
                    var rest = text[i..];
                    var end = rest.IndexOfAny(',', '\r', '\n');
                    var part = end < 0 ? rest : rest[..end];
                    if (part.Contains('"'))
                    {
                        StrayQuote = true;
                    }

                    _field.Append(part);
                    if (end < 0)
                    {
                        return StrictStatus.Complete;
                    }

                    if (rest[end] != ',')
                    {
                        return StrictStatus.LineBreakOutsideQuotes;
                    }

                    EndField();
                    i += end + 1;
                    break;
                }

                case State.Quoted:
                {
                    var rest = text[i..];
                    var quote = rest.IndexOf('"');
                    if (quote < 0)
                    {
                        _field.Append(rest);
                        return StrictStatus.InsideQuotes;
                    }

                    _field.Append(rest[..quote]);
                    _state = State.QuoteInQuoted;
                    i += quote + 1;
                    break;
                }

                case State.QuoteInQuoted:
                    switch (text[i])
                    {
                        case '"':
                            _field.Append('"');
                            _state = State.Quoted;
                            i++;
                            break;
                        case ',':
                            EndField();
                            i++;
                            break;
                        case '\r' or '\n':
                            return StrictStatus.LineBreakOutsideQuotes;
                        default:
                            return StrictStatus.TextAfterClosingQuote;
                    }

                    break;
            }
        }

        return _state == State.Quoted ? StrictStatus.InsideQuotes : StrictStatus.Complete;
    }

    /// <summary>Keeps a line break that falls inside a quoted field as it was written.</summary>
    public void LineBreak(ReadOnlySpan<char> ending) => _field.Append(ending);

    /// <summary>The record's fields, once <see cref="Feed"/> said <see cref="StrictStatus.Complete"/>.</summary>
    public string[] Fields()
    {
        EndField();
        return [.. _fields];
    }

    private void EndField()
    {
        _fields.Add(_field.ToString());
        _field.Clear();
        _state = State.FieldStart;
    }
}

/// <summary>
/// Physical lines of a text, each with its ending (<c>\r\n</c>, <c>\n</c>, <c>\r</c>, or none at the end of the
/// file), counted as Sep counts them. What it has read ahead can be handed on (<see cref="Rest"/>).
/// </summary>
internal sealed class StrictLineReader(TextReader reader, int maxLineLength)
{
    private char[] _buffer = new char[1 << 16];
    private int _start;
    private int _end;
    private int _mark = -1;
    private bool _eof;

    /// <summary>The next line, valid until the next call; false at the end of the text.</summary>
    public bool Next(out ReadOnlySpan<char> line, out ReadOnlySpan<char> ending)
    {
        var scanned = 0;
        while (true)
        {
            var text = _buffer.AsSpan(_start, _end - _start);
            var at = text[scanned..].IndexOfAny('\r', '\n');
            if (at >= 0)
            {
                at += scanned;

                // A \r as the last char read may be the first half of \r\n: read on before deciding.
                if (text[at] == '\n' || at + 1 < text.Length || _eof)
                {
                    var length = text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n' ? 2 : 1;
                    line = text[..at];
                    ending = text.Slice(at, length);
                    _start += at + length;
                    return true;
                }
            }
            else if (_eof)
            {
                if (text.IsEmpty)
                {
                    line = ending = default;
                    return false;
                }

                line = text;
                ending = default;
                _start = _end;
                return true;
            }

            scanned = at >= 0 ? at : text.Length;
            if (_end - _start > maxLineLength)
            {
                throw new LineTooLongException();
            }

            Fill();
        }
    }

    /// <summary>Remembers where the next line starts, so that <see cref="Rewind"/> can return there.</summary>
    public void Mark() => _mark = _start;

    public void Unmark() => _mark = -1;

    /// <summary>Back to the start of the line <see cref="Mark"/> was called before.</summary>
    public void Rewind()
    {
        _start = _mark;
        _mark = -1;
    }

    /// <summary>A reader of what follows the last line returned: the chars read ahead, then the rest of the text.</summary>
    public TextReader Rest() => new RestReader(_buffer.AsMemory(_start, _end - _start), reader);

    private void Fill()
    {
        if (_mark >= 0 && _end - _mark > maxLineLength)
        {
            throw new RecordTooLongException();
        }

        // Lines from the mark on are kept: a record that turns out broken is read again from its first line.
        var keep = _mark >= 0 ? _mark : _start;
        if (keep > 0)
        {
            _buffer.AsSpan(keep, _end - keep).CopyTo(_buffer);
            _end -= keep;
            _start -= keep;
            _mark = _mark >= 0 ? 0 : -1;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = reader.Read(_buffer.AsSpan(_end));
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    /// <summary>A physical line longer than the reader accepts.</summary>
    internal sealed class LineTooLongException : Exception;

    /// <summary>The lines since <see cref="Mark"/> are longer together than the reader accepts for one line.</summary>
    internal sealed class RecordTooLongException : Exception;

    private sealed class RestReader(ReadOnlyMemory<char> ahead, TextReader rest) : TextReader
    {
        private ReadOnlyMemory<char> _ahead = ahead;

        public override int Read(Span<char> buffer)
        {
            if (_ahead.IsEmpty)
            {
                return rest.Read(buffer);
            }

            var n = Math.Min(buffer.Length, _ahead.Length);
            _ahead.Span[..n].CopyTo(buffer);
            _ahead = _ahead[n..];
            return n;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Peek() => _ahead.IsEmpty ? rest.Peek() : _ahead.Span[0];

        public override int Read()
        {
            if (_ahead.IsEmpty)
            {
                return rest.Read();
            }

            var c = _ahead.Span[0];
            _ahead = _ahead[1..];
            return c;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                rest.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

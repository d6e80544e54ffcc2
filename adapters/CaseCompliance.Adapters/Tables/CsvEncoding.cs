using System.Buffers;
using System.Globalization;
using System.Text;

namespace CaseCompliance.Adapters.Tables;

/// <summary>
/// The text encoding of a CSV folder (<c>Sources:&lt;name&gt;:Encoding</c>, UTF-8 by default). Bytes the encoding
/// cannot decode fail the source with their offset; they are never replaced silently.
/// </summary>
internal sealed class CsvEncoding
{
    private static readonly Lazy<bool> CodePages = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    /// <summary>
    /// Makes the Windows code pages (windows-1252, iso-8859-15, …) known to <see cref="Encoding.GetEncoding(string)"/>
    /// in this process: .NET knows only UTF-8, UTF-16/32, ASCII and Latin-1 without it. Idempotent; called wherever
    /// a file's encoding is resolved by name (a configured CSV encoding, an XML declaration).
    /// </summary>
    public static void RegisterCodePages() => _ = CodePages.Value;

    private CsvEncoding(Encoding start, Encoding resume, string name, int unitBytes = 1, bool bigEndian = false)
    {
        Start = start;
        Resume = resume;
        Name = name;
        UnitBytes = unitBytes;
        BigEndian = bigEndian;
    }

    public static CsvEncoding Utf8 { get; } = new(
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true),
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
        "UTF-8");

    /// <summary>UTF-8 because the file starts with its byte order mark, where another encoding is configured.</summary>
    private static CsvEncoding Utf8ByMark { get; } = new(Utf8.Start, Utf8.Resume, "UTF-8") { ByMark = true };

    private bool ByMark { get; init; }

    /// <summary>UTF-16 little endian (what Windows calls "Unicode": PowerShell 5's <c>Export-Csv</c>, Excel's "Unicode text").</summary>
    public static CsvEncoding Utf16LittleEndian { get; } = new(
        new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true),
        new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true),
        "UTF-16LE", unitBytes: 2);

    public static CsvEncoding Utf16BigEndian { get; } = new(
        new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true),
        new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true),
        "UTF-16BE", unitBytes: 2, bigEndian: true);

    /// <summary>Bytes per code unit: 1, or 2 for UTF-16 (whose line breaks are found as 2-byte units, not bytes).</summary>
    public int UnitBytes { get; }

    public bool BigEndian { get; }

    /// <summary>For reading from the start of a file: a UTF-8 byte order mark is skipped.</summary>
    public Encoding Start { get; }

    /// <summary>For reading from a line in the middle of a file (no byte order mark to skip there).</summary>
    public Encoding Resume { get; }

    public string Name { get; }

    private bool IsUtf8 => Start.CodePage == Encoding.UTF8.CodePage;

    /// <summary>The configured encoding; null with the reason when it cannot be used.</summary>
    public static CsvEncoding? Resolve(string? name, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            return Utf8;
        }

        RegisterCodePages();
        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(name.Trim(), EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            problem = $"Sources:<name>:Encoding: '{name}' is not an encoding name this system knows (use e.g. utf-8, windows-1252 or iso-8859-1).";
            return null;
        }

        if (encoding.CodePage == Encoding.UTF8.CodePage)
        {
            return Utf8;
        }

        // UTF-16 is read by its 2-byte units (a file with a byte order mark is read as UTF-16 whatever is configured).
        if (encoding.CodePage == Encoding.Unicode.CodePage)
        {
            return Utf16LittleEndian;
        }

        if (encoding.CodePage == Encoding.BigEndianUnicode.CodePage)
        {
            return Utf16BigEndian;
        }

        // Lines are found again by their bytes after broken quoting, so the CSV's own characters must be the ASCII
        // bytes; UTF-16 and UTF-32 are not, nor are the stateful 7-bit encodings (ISO-2022, HZ).
        if (!encoding.GetBytes("\r\n\",").AsSpan().SequenceEqual("\r\n\","u8) || encoding.CodePage is >= 50220 and <= 50229 or 52936)
        {
            problem = $"Sources:<name>:Encoding: '{name}' cannot be read: use UTF-8 or a code page in which commas, quotes and " +
                "line breaks are single ASCII bytes (e.g. windows-1252, iso-8859-1).";
            return null;
        }

        return new CsvEncoding(encoding, encoding, encoding.WebName);
    }

    /// <summary>
    /// The encoding a file is read in: a byte order mark says it whatever is configured (a UTF-16 mark, <c>FF FE</c>
    /// or <c>FE FF</c>, is UTF-16; a UTF-8 mark, <c>EF BB BF</c>, is UTF-8 even where e.g. windows-1252 is configured,
    /// where it would otherwise read as <c>ï»¿</c> in the first column's name); without one, the configured encoding.
    /// </summary>
    public CsvEncoding For(string path)
    {
        Span<byte> mark = stackalloc byte[4];
        int read;
        using (var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = RandomAccess.Read(handle, mark, 0);
        }

        mark = mark[..read];
        if (mark.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return IsUtf8 ? this : Utf8ByMark;
        }

        // FF FE 00 00 would be UTF-32: not an export's encoding; read as UTF-16 it fails on its first character.
        if (mark.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Utf16LittleEndian;
        }

        return mark.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? Utf16BigEndian : this;
    }

    /// <summary>
    /// Why a file the decoder refused cannot be read: the offset (from 0) and line of the first byte that is not
    /// valid in this encoding, found by decoding the file again from its start.
    /// </summary>
    public string InvalidBytes(string path, string file)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        var bytes = ArrayPool<byte>.Shared.Rent(1 << 16);
        var chars = ArrayPool<char>.Shared.Rent(1 << 16);
        try
        {
            var decoder = Start.GetDecoder();
            long offset = 0;
            long line = 1;
            var carried = 0;
            var lastWasCr = false;
            while (true)
            {
                var read = stream.Read(bytes, carried, (1 << 16) - carried);
                var length = carried + read;
                var final = read == 0;
                var used = Valid(bytes.AsSpan(0, length), chars, decoder, final, out var invalid);
                line += Lines(bytes.AsSpan(0, used), ref lastWasCr);
                if (invalid)
                {
                    return Message(file, offset + used, line);
                }

                if (final)
                {
                    // Decoded to the end after all (the failure came from a read that no longer fails): say so.
                    return $"{file}: the file could not be decoded as {Name}; check Sources:<name>:Encoding.";
                }

                bytes.AsSpan(used, length - used).CopyTo(bytes);
                carried = length - used;
                offset += used;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>How many leading bytes decode (an incomplete sequence at the end is left for the next block).</summary>
    private int Valid(ReadOnlySpan<byte> bytes, char[] chars, Decoder decoder, bool final, out bool invalid)
    {
        invalid = false;
        if (IsUtf8)
        {
            var used = 0;
            while (true)
            {
                var status = System.Text.Unicode.Utf8.ToUtf16(bytes[used..], chars, out var read, out _,
                    replaceInvalidSequences: false, isFinalBlock: final);
                used += read;
                switch (status)
                {
                    case OperationStatus.Done:
                    case OperationStatus.NeedMoreData:
                        return used;
                    case OperationStatus.DestinationTooSmall:
                        continue;
                    default:
                        invalid = true;
                        return used;
                }
            }
        }

        // Other encodings: one byte at a time through the throwing decoder is slow but only runs to explain a failure.
        for (var i = 0; i < bytes.Length; i++)
        {
            try
            {
                decoder.GetChars(bytes.Slice(i, 1), chars, flush: final && i == bytes.Length - 1);
            }
            catch (DecoderFallbackException)
            {
                invalid = true;
                return i;
            }
        }

        return bytes.Length;
    }

    /// <summary>Line endings in <paramref name="bytes"/>, counted as Sep counts them (\r\n, \n and \r each end one line).</summary>
    private static long Lines(ReadOnlySpan<byte> bytes, ref bool lastWasCr)
    {
        long lines = 0;
        foreach (var b in bytes)
        {
            if (b == (byte)'\n')
            {
                lines += lastWasCr ? 0 : 1;
            }
            else if (b == (byte)'\r')
            {
                lines++;
            }

            lastWasCr = b == (byte)'\r';
        }

        return lines;
    }

    private string Message(string file, long offset, long line) => ByMark
        ? string.Create(CultureInfo.InvariantCulture,
            $"{file}: byte {offset} (line {line}) is not UTF-8, yet the file starts with a UTF-8 byte order mark, which says it is UTF-8 whatever Sources:<name>:Encoding says; export the file again in one encoding.")
        : IsUtf8
        ? string.Create(CultureInfo.InvariantCulture,
            $"{file}: byte {offset} (line {line}) is not UTF-8; set Sources:<name>:Encoding to the file's encoding, e.g. windows-1252.")
        : UnitBytes == 2
            ? string.Create(CultureInfo.InvariantCulture,
                $"{file}: the file is {Name} (by its byte order mark or Sources:<name>:Encoding), and the bytes near byte {offset} are not valid {Name} (a lone surrogate, or an odd number of bytes).")
            : string.Create(CultureInfo.InvariantCulture,
                $"{file}: byte {offset} (line {line}) is not valid {Name}; check Sources:<name>:Encoding.");
}

using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace CaseCompliance.Scanning.Output;

/// <summary>Reads exceptions.csv back, row by row, for the workbooks made from it.</summary>
public static class ExceptionCsv
{
    /// <summary>
    /// The data rows of an exceptions.csv (or findings.csv) file, in file order, as the 14 contract columns, each value
    /// as it was before the file neutralised it for spreadsheets; the file is streamed, never read whole, and read
    /// again on each enumeration.
    /// </summary>
    public static IEnumerable<string?[]> Rows(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null });
        if (!parser.Read())
        {
            yield break;
        }

        var width = FindingRows.Header.Length;
        while (parser.Read())
        {
            var record = parser.Record ?? [];
            if (record.Length == 1 && record[0].Length == 0)
            {
                continue;
            }

            // The files were written neutralised (CsvText): the value itself, not its spreadsheet guard, is what the
            // workbooks and the scan history hold.
            for (var i = 0; i < record.Length; i++)
            {
                if (record[i].Length > 1 && record[i][0] == '\'' && CaseCompliance.Adapters.Tables.CsvText.IsFormulaLike(record[i][1..]))
                {
                    record[i] = record[i][1..];
                }
            }

            if (record.Length == width)
            {
                yield return record;
            }
            else
            {
                // A short or long row still shows what it has, in its columns.
                var row = new string?[width];
                Array.Copy(record, row, Math.Min(width, record.Length));
                yield return row;
            }
        }
    }
}

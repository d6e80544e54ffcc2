using CaseCompliance.Adapters.Tables;
using NodaTime;

namespace CaseCompliance.Generation;

/// <summary>One finding the generator planted or implied: rule, due date (none for <c>missing-data</c>) and status.</summary>
public readonly record struct ExpectedRow(string Rule, LocalDate? Due, string Status);

/// <summary>
/// Writes <c>expected.csv</c> beside one format's extract: <c>rule_id,child_id,due_date,status</c>, child ids prefixed by
/// the format name exactly as findings.csv writes them (<c>standard:C000123</c>). The rows come from the generator's
/// own walk of each schedule, never from the rule engine.
/// </summary>
public sealed class ExpectedWriter : IDisposable
{
    public const string FileName = "expected.csv";

    private readonly StreamWriter _writer;
    private readonly string _prefix;
    private readonly IReadOnlySet<string>? _rules;

    /// <param name="directory">The format's output folder.</param>
    /// <param name="format">The format name, the child ids' prefix.</param>
    /// <param name="rules">Only these rules' rows (a format that carries some rules only, e.g. <c>cin-census</c>); null for all.</param>
    public ExpectedWriter(string directory, string format, IReadOnlySet<string>? rules = null)
    {
        _rules = rules;
        System.IO.Directory.CreateDirectory(directory);
        _writer = CsvText.Create(Path.Combine(directory, FileName));
        _prefix = format + ":";
        _writer.Write("rule_id,child_id,due_date,status\r\n");
    }

    public void Write(string childId, List<ExpectedRow> rows)
    {
        foreach (var row in rows)
        {
            if (_rules is not null && !_rules.Contains(row.Rule))
            {
                continue;
            }

            _writer.Write(row.Rule);
            _writer.Write(',');
            _writer.Write(_prefix);
            _writer.Write(childId);
            _writer.Write(',');
            if (row.Due is { } due)
            {
                _writer.Write(DateText.Of(due));
            }

            _writer.Write(',');
            _writer.Write(row.Status);
            _writer.Write("\r\n");
        }
    }

    public void Dispose() => _writer.Dispose();
}

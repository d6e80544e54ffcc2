using System.Collections.Immutable;
using CaseCompliance.Domain;
using CaseCompliance.Rules.Calendar;
using NodaTime;

namespace CaseCompliance.Rules.Engine;

/// <summary>A rule that threw for one case: recorded, never allowed to stop the scan of the others.</summary>
public sealed record RuleFailure(string RuleId, string Source, string ChildId, string Problem);

/// <summary>Runs the enabled rules over case records.</summary>
public sealed class RuleEngine(IEnumerable<IRule> rules, WorkingDayCalendar calendar)
{
    public ImmutableArray<IRule> Rules { get; } = [.. rules];

    public ImmutableArray<IRule> Enabled { get; } = [.. rules.Where(r => r.Options.Enabled)];

    public WorkingDayCalendar Calendar { get; } = calendar;

    /// <summary>Every finding of every enabled rule for one child, as at <paramref name="asOf"/>.</summary>
    public List<Finding> Evaluate(CaseRecord record, CaseDirectory directory, LocalDate asOf, List<RuleFailure>? failures = null)
    {
        var known = AsAt.Truncate(record, asOf);
        var context = new RuleContext(known, asOf, Calendar, directory);
        var findings = new List<Finding>();
        foreach (var rule in Enabled)
        {
            try
            {
                findings.AddRange(rule.Evaluate(known, context));
            }
            catch (CalendarCoverageException e)
            {
                findings.Add(context.MissingData(rule, null, rule.Title, "a date inside the bank holiday calendar") with
                {
                    Detail = $"{rule.Title} cannot be checked: {e.Message}",
                });
            }
            catch (Exception e) when (failures is not null)
            {
                // Never the message of a data exception verbatim: it could quote record content.
                failures.Add(new RuleFailure(rule.Id, record.Source, record.Person.Id, $"{e.GetType().Name} in rule {rule.Id}"));
            }
        }

        return findings;
    }
}

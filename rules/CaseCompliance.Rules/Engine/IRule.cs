using CaseCompliance.Domain;

namespace CaseCompliance.Rules.Engine;

/// <summary>The audit areas findings are grouped under (the way audit tools ask for them).</summary>
public enum AuditArea
{
    ContactAndReferral,
    AllocationAndAssessment,
    PlansConferencesReviews,
    VisitsAndSeeingTheChild,
    ManagementOversight,
    KeyInformation,
    AuditFollowUp,
}

/// <summary>A rule of the catalogue: a pure function of (case record, as-of date, calendar, options) to findings.</summary>
public interface IRule
{
    /// <summary>The stable id of rules.md (e.g. <c>cp-visits</c>).</summary>
    string Id { get; }

    /// <summary>What the rule checks, in a line.</summary>
    string Title { get; }

    /// <summary>Where the timescale comes from.</summary>
    string Citation { get; }

    AuditArea Area { get; }

    /// <summary>The options in force (after configuration).</summary>
    RuleOptions Options { get; }

    IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context);
}

/// <summary>Base for rules: binds the options type and keeps the metadata in one place.</summary>
public abstract class Rule<TOptions> : IRule
    where TOptions : RuleOptions, new()
{
    protected Rule(TOptions? options = null) => Options = options ?? new TOptions();

    public abstract string Id { get; }
    public abstract string Title { get; }
    public abstract string Citation { get; }
    public abstract AuditArea Area { get; }

    public TOptions Options { get; }

    RuleOptions IRule.Options => Options;

    public abstract IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context);
}

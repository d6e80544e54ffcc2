namespace CaseCompliance.Rules.Engine;

/// <summary>Options every rule has, bound from <c>Rules:&lt;rule-id&gt;</c>.</summary>
public class RuleOptions
{
    /// <summary>Switch the rule off for the whole authority.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How far ahead an undone obligation counts as <c>due-soon</c> rather than <c>pending</c>.</summary>
    public Timescale WarningWindow { get; set; } = Timescale.WorkingDays(5);

    /// <summary>Problems with values the binder accepted but the rule cannot use (e.g. an unknown choice).</summary>
    public virtual IEnumerable<string> Validate() => [];
}

using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;
using NodaTime;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>When "by the time the assessment is completed" falls for an Early Help episode.</summary>
internal static class AssessmentDeadline
{
    /// <summary>The first assessment's completion date; while it is not complete, its 45-day due date.</summary>
    public static (LocalDate Anchor, LocalDate Due, string Basis, string Id) Of(CaseRecord record, EarlyHelpEpisode e,
        RuleContext context, Timescale assessmentTimescale)
    {
        var start = EarlyHelpStart.Of(record, e);
        var first = EarlyHelpAssessments.Of(record, e).FirstOrDefault();
        var anchor = first?.Start ?? start.Date;
        if (first?.Completed is { } completed)
        {
            return (anchor, completed, $"by the assessment's completion on {RuleContext.Date(completed)}", first.Id);
        }

        var due = context.Due(anchor, assessmentTimescale);
        return (anchor, due, $"by the assessment, due {assessmentTimescale} after {RuleContext.Date(anchor)}", first?.Id ?? e.Id);
    }
}

using CaseCompliance.Domain;
using NodaTime;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Where an Early Help episode's clocks start: its allocation, or its start when none is recorded.</summary>
internal static class EarlyHelpStart
{
    public static (LocalDate Date, string Label, string? Note, string? Id) Of(CaseRecord record, EarlyHelpEpisode e)
    {
        var allocation = Engine.Episodes.FirstAllocation(record, [e.Id], e.Start, e.End);
        return allocation is { } a
            ? (a.Date, "allocation", null, a.Id)
            : (e.Start, "the episode start", "No allocation is recorded, so it is counted from the episode start.", e.Id);
    }
}

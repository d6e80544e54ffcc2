using CaseCompliance.Domain;
using NodaTime;

namespace CaseCompliance.Rules.Engine;

/// <summary>Helpers for deciding which records belong to which episode.</summary>
public static class Episodes
{
    /// <summary>
    /// A record belongs to an episode when it names one of the episode's ids, or, when it names none, when its
    /// date falls within the episode.
    /// </summary>
    public static bool BelongsTo(string? recordEpisodeId, LocalDate date, IReadOnlyCollection<string> ids,
        LocalDate start, LocalDate? end) =>
        string.IsNullOrEmpty(recordEpisodeId)
            ? date >= start && (end is null || date <= end)
            : ids.Contains(recordEpisodeId);

    /// <summary>The first allocation date of an episode: the start of its first allocation, or the episode start
    /// when the child was already allocated on that day.</summary>
    public static (LocalDate Date, string Id)? FirstAllocation(CaseRecord record, IReadOnlyCollection<string> ids,
        LocalDate start, LocalDate? end)
    {
        var first = record.Allocations
            .Where(a => a.WorkerId is not null)
            .Where(a => a.EpisodeId is { Length: > 0 } e
                ? ids.Contains(e) && (a.End is null || a.End >= start)
                : a.Start >= start && (end is null || a.Start <= end))
            .OrderBy(a => a.Start)
            .FirstOrDefault();
        if (first is null)
        {
            return null;
        }

        return (first.Start < start ? start : first.Start, first.Id);
    }

    public static IEnumerable<Occurrence> Occurrences<T>(this IEnumerable<T> items, Func<T, LocalDate?> date, Func<T, string> id) =>
        items.Where(i => date(i) is not null).Select(i => new Occurrence(date(i)!.Value, id(i)));
}

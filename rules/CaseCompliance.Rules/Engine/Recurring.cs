using System.Collections.Immutable;
using NodaTime;

namespace CaseCompliance.Rules.Engine;

/// <summary>An event that can satisfy an obligation: its date and source record id.</summary>
public readonly record struct Occurrence(LocalDate Date, string Id);

/// <summary>A due date and the words saying how it was counted.</summary>
public readonly record struct Step(LocalDate Due, string Basis);

/// <summary>
/// "At intervals of not more than X": the first instance is due from the anchor, each next one from the event
/// that satisfied the previous; it stops at the end of the episode (rules.md, time arithmetic).
/// </summary>
public sealed record RecurringSchedule
{
    public string? EpisodeId { get; init; }
    public required string What { get; init; }
    public string Done { get; init; } = "made";
    public string EpisodeLabel { get; init; } = "episode";
    public required LocalDate Anchor { get; init; }
    public string? AnchorId { get; init; }

    /// <summary>The first instance's due date, from the anchor.</summary>
    public required Func<LocalDate, Step> First { get; init; }

    /// <summary>The next instance's due date from the previous event's date and the count of events so far.</summary>
    public required Func<LocalDate, int, Step> Next { get; init; }

    /// <summary>Optional minimum interval: an event before this date after the previous one is <c>early</c>.</summary>
    public Func<LocalDate, LocalDate>? NotBefore { get; init; }

    /// <summary>Qualifying events, any order; those before the anchor, after the end or after the as-of date are ignored.</summary>
    public required IEnumerable<Occurrence> Events { get; init; }

    public LocalDate? End { get; init; }

    /// <summary>Wording for the instances: "First CP visit" for the first, "CP visit" after.</summary>
    public string? FirstWhat { get; init; }
}

public static class RecurringEvaluation
{
    /// <summary>One finding per instance: each met/late/early one, then the one still open (or not applicable).</summary>
    public static IEnumerable<Finding> Recurring(this RuleContext context, IRule rule, RecurringSchedule s)
    {
        var events = s.Events
            .Where(e => e.Date >= s.Anchor && e.Date <= context.AsOf && (s.End is null || e.Date <= s.End))
            .OrderBy(e => e.Date).ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        var step = s.First(s.Anchor);
        var previous = s.Anchor;
        var previousId = s.AnchorId;
        var index = 0;
        var cursor = 0;
        while (true)
        {
            while (cursor < events.Count && (index == 0 ? events[cursor].Date < s.Anchor : events[cursor].Date <= previous))
            {
                cursor++;
            }

            var what = index == 0 && s.FirstWhat is not null ? s.FirstWhat : s.What;
            var evidence = previousId is null ? ImmutableArray<string>.Empty : [previousId];
            if (cursor < events.Count)
            {
                var e = events[cursor];
                yield return context.Judge(rule, new Obligation
                {
                    EpisodeId = s.EpisodeId,
                    What = what,
                    Done = s.Done,
                    Anchor = previous,
                    Basis = step.Basis,
                    Due = step.Due,
                    Completed = e.Date,
                    Evidence = evidence.Add(e.Id),
                    EpisodeEnd = s.End,
                    EpisodeLabel = s.EpisodeLabel,
                    NotBefore = s.NotBefore?.Invoke(previous),
                    Previous = previous,
                });
                previous = e.Date;
                previousId = e.Id;
                index++;
                step = s.Next(previous, index);
                continue;
            }

            yield return context.Judge(rule, new Obligation
            {
                EpisodeId = s.EpisodeId,
                What = what,
                Done = s.Done,
                Anchor = previous,
                Basis = step.Basis,
                Due = step.Due,
                Evidence = evidence,
                EpisodeEnd = s.End,
                EpisodeLabel = s.EpisodeLabel,
            });
            yield break;
        }
    }

    /// <summary>A step of <paramref name="timescale"/> after <paramref name="label"/> on <paramref name="from"/>.</summary>
    public static Step Step(this RuleContext context, LocalDate from, Timescale timescale, string label) =>
        new(context.Due(from, timescale), RuleContext.Basis(timescale, label, from));
}

using NodaTime;

namespace CaseCompliance.Generation;

/// <summary>
/// How a worker keeps a recurring obligation: the first event at least <see cref="FirstMin"/> days after the anchor,
/// later ones at least <see cref="MinGap"/> days after the previous; on time somewhere in the last <see cref="Window"/>
/// days before the due date (a negative window is a percentage of the interval: -40, its last 40%); when planted late, 1 to <see cref="MaxLate"/> days after it; and, with a planted breach
/// weighted by <see cref="StopWeight"/>, not at all any more (the series stops: a missed visit, a drifting plan).
/// </summary>
internal readonly record struct Cadence(int FirstMin, int MinGap, int Window, int MaxLate, double StopWeight = 0.05);

/// <summary>Writes the event of one instance of a recurring obligation (its date, its number from 0, its due date).</summary>
internal delegate void Emit(LocalDate date, int index, LocalDate due);

internal sealed partial class Child
{
    /// <summary>
    /// Walks a recurring obligation forward ("at intervals of not more than X", rules.md): the first instance is due
    /// from the anchor, each next one from the event that met the previous one. For each instance it decides when
    /// (and whether) the event happens, has <paramref name="emit"/> write it, and records the finding at once: met,
    /// late (or early, under a minimum interval) — and for the instance left open, overdue / due-soon / pending, or
    /// not applicable when it would only have fallen due after <paramref name="end"/>. Events never fall after
    /// <paramref name="limit"/> (the end, the drift date, the as-of date).
    /// </summary>
    public void Recurring(string rule, LocalDate anchor, LocalDate? end, LocalDate limit, Func<LocalDate, int, LocalDate> due,
        Cadence cadence, Emit emit, int earlyBefore = 0, double earlyChance = 0)
    {
        var from = anchor;
        for (var index = 0; ; index++)
        {
            if (index > 5000)
            {
                throw new InvalidOperationException($"{rule}: runaway schedule for {Id}.");
            }

            var dueDate = due(from, index);
            var lo = from.PlusDays(index == 0 ? cadence.FirstMin : Math.Max(1, cadence.MinGap));
            LocalDate date;
            if (Breach(cadence.StopWeight))
            {
                Expect(rule, dueDate, Open(dueDate, end));
                return;
            }

            if (earlyBefore > 0 && Rng.Chance(earlyChance))
            {
                date = Day(Max(lo, from.PlusDays(earlyBefore / 2)), from.PlusDays(earlyBefore - 1));
            }
            else if (Breach())
            {
                date = Max(lo, dueDate.PlusDays(Rng.Between(1, cadence.MaxLate)));
            }
            else
            {
                // A negative window is a share of the interval (-40: the last 40% of it).
                var window = cadence.Window >= 0 ? cadence.Window : Math.Max(1, Days(from, dueDate) * -cadence.Window / 100);
                var start = dueDate.PlusDays(-window);

                // An instance due before the episode ends is done before it ends.
                var hi = end is { } e && dueDate <= e && limit < dueDate ? limit : dueDate;
                date = Day(Max(start, lo), hi);
            }

            if (date > limit || date < lo)
            {
                Expect(rule, dueDate, Open(dueDate, end));
                return;
            }

            emit(date, index, dueDate);
            var status = date > dueDate ? Status.Late
                : earlyBefore > 0 && date < from.PlusDays(earlyBefore) ? Status.Early
                : Status.Met;
            Expect(rule, dueDate, status);
            from = date;
        }
    }
}

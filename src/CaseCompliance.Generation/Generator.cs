using System.Globalization;
using CaseCompliance.Rules.Calendar;
using NodaTime;

namespace CaseCompliance.Generation;

/// <summary>One format's output of a generation: the extract writer and its expected.csv.</summary>
public sealed record GenerationOutput(IExtractSink Sink, ExpectedWriter Expected);

/// <summary>What a generation wrote: children, and expected findings by rule and status.</summary>
public sealed class GenerationResult
{
    private readonly Dictionary<string, Dictionary<string, long>> _counts = new(StringComparer.Ordinal);

    public long Children { get; internal set; }

    public long ExpectedRows { get; private set; }

    /// <summary>Expected findings of one rule by status, in status order.</summary>
    public IReadOnlyDictionary<string, long> Counts(string rule) =>
        _counts.TryGetValue(rule, out var byStatus) ? byStatus : new Dictionary<string, long>();

    /// <summary>The rules with expected findings, sorted.</summary>
    public IReadOnlyList<string> Rules => [.. _counts.Keys.Order(StringComparer.Ordinal)];

    internal void Add(List<ExpectedRow> rows)
    {
        foreach (var row in rows)
        {
            if (!_counts.TryGetValue(row.Rule, out var byStatus))
            {
                _counts[row.Rule] = byStatus = new Dictionary<string, long>(StringComparer.Ordinal);
            }

            byStatus[row.Status] = byStatus.GetValueOrDefault(row.Status) + 1;
            ExpectedRows++;
        }
    }
}

/// <summary>
/// The synthetic caseload generator. Child by child it picks a story (contacts only, Early Help, child in need, child
/// protection, looked after, care leaver, private fostering), walks each of its schedules forward with its own seeded
/// random stream — deciding for every obligation instance whether it is met, late or missed — and hands the child's rows
/// to every format's sink together with the findings that story implies. Nothing of a child is kept once its rows are
/// written, so a million children stream in constant memory. Same settings and seed: byte-identical files.
/// </summary>
public sealed class Generator(GeneratorSettings settings, WorkingDayCalendar calendar)
{
    private enum Story
    {
        ContactsOnly,
        EarlyHelp,
        ChildInNeed,
        ChildProtection,
        LookedAfter,
        CareLeaver,
        PrivateFostering,
    }

    /// <summary>The share of children per story (docs/generator.md).</summary>
    private static readonly (Story Story, double Share)[] Mix =
    [
        (Story.ContactsOnly, 0.14),
        (Story.EarlyHelp, 0.26),
        (Story.ChildInNeed, 0.25),
        (Story.ChildProtection, 0.13),
        (Story.LookedAfter, 0.14),
        (Story.CareLeaver, 0.06),
        (Story.PrivateFostering, 0.02),
    ];

    /// <summary>The earliest and latest as-of dates whose whole history and pending due dates the calendar covers.</summary>
    public static (LocalDate First, LocalDate Last) AsOfRange(WorkingDayCalendar calendar) =>
        (new LocalDate(calendar.FirstYear + 7, 1, 1), new LocalDate(calendar.LastYear, 12, 31).PlusMonths(-8));

    /// <summary>The id of child <paramref name="number"/> (1-based): <c>C000123</c>.</summary>
    public static string ChildId(long number) => "C" + number.ToString("D6", CultureInfo.InvariantCulture);

    public GenerationResult Run(IReadOnlyList<GenerationOutput> outputs, IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var (first, last) = AsOfRange(calendar);
        if (settings.AsOf < first || settings.AsOf > last)
        {
            throw new ArgumentOutOfRangeException(nameof(settings),
                $"The as-of date {settings.AsOf:yyyy-MM-dd} is outside {first:yyyy-MM-dd}..{last:yyyy-MM-dd}: the bank holiday " +
                $"calendar ({calendar.FirstYear}–{calendar.LastYear}) must cover six years of history and the pending due dates.");
        }

        var staff = new Staff(settings.Children);
        var directory = staff.Directory();
        foreach (var output in outputs)
        {
            output.Sink.Directory(directory);
        }

        var result = new GenerationResult();
        var child = new Child(settings, calendar, staff);
        for (long number = 1; number <= settings.Children; number++)
        {
            if ((number & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(number);
            }

            child.Start(number, ChildId(number));
            Write(child, number);
            foreach (var output in outputs)
            {
                output.Sink.Child(child.Tables);
                output.Expected.Write(child.Id, child.Expected);
            }

            result.Add(child.Expected);
            result.Children = number;
        }

        progress?.Report(settings.Children);
        return result;
    }

    private static void Write(Child c, long number)
    {
        var asOf = c.AsOf;
        var x = c.Rng.NextDouble();
        var story = Mix[^1].Story;
        foreach (var (s, share) in Mix)
        {
            if (x < share)
            {
                story = s;
                break;
            }

            x -= share;
        }

        LocalDate? expectedBirth = null;
        LocalDate start;
        switch (story)
        {
            case Story.CareLeaver:
            {
                var dob = asOf.PlusYears(-18).PlusDays(-c.Rng.Between(0, 3 * 365 + 330));
                c.DateOfBirth = dob;
                start = dob.PlusYears(18);
                CareLeaverStory.Run(c, start);
                break;
            }

            case Story.PrivateFostering:
                start = asOf.PlusDays(-c.Rng.Between(0, 1200));
                c.DateOfBirth = start.PlusYears(-5).PlusDays(-c.Rng.Between(0, 10 * 365));
                PrivateFosteringStory.Run(c, start);
                break;

            case Story.LookedAfter:
                start = asOf.PlusDays(-c.Rng.Between(0, 1800));
                c.DateOfBirth = BornBefore(c, start);
                LookedAfterStory.Run(c, start);
                break;

            case Story.ContactsOnly:
                start = asOf.PlusDays(-c.Rng.Between(0, 1300));
                c.DateOfBirth = BornBefore(c, start);
                SocialCareStory.ContactsOnly(c, start);
                break;

            default:
            {
                start = asOf.PlusDays(-c.Rng.Between(0, 1300));
                if (story != Story.EarlyHelp && start >= asOf.PlusDays(-150) && c.Rng.Chance(0.04))
                {
                    // A pre-birth referral: the baby is expected after the as-of date.
                    expectedBirth = asOf.PlusDays(c.Rng.Between(14, 160));
                }
                else
                {
                    c.DateOfBirth = BornBefore(c, start);
                }

                var next = (LocalDate?)start;
                var kind = story;
                for (var episode = 0; episode < 3 && next is { } begin && begin <= asOf; episode++)
                {
                    var closed = kind switch
                    {
                        Story.EarlyHelp => EarlyHelpStory.Run(c, begin),
                        Story.ChildInNeed => ChildInNeedStory.Run(c, begin),
                        _ => ChildProtectionStory.Run(c, begin),
                    };

                    // Another episode later: a step up from Early Help, a re-referral, a return to Early Help.
                    next = null;
                    if (closed is { } e && c.DateOfBirth is { } dob && e < dob.PlusYears(16))
                    {
                        if (kind == Story.EarlyHelp && c.Rng.Chance(0.1))
                        {
                            next = e.PlusDays(c.Rng.Between(1, 14));
                            kind = Story.ChildInNeed;
                        }
                        else if (c.Rng.Chance(0.2))
                        {
                            next = e.PlusDays(c.Rng.Between(30, 400));
                            var y = c.Rng.NextDouble();
                            kind = y < 0.4 ? Story.EarlyHelp : y < 0.8 ? Story.ChildInNeed : Story.ChildProtection;
                        }
                    }
                }

                break;
            }
        }

        AuditStory.Run(c);
        PersonStory.Write(c, number, expectedBirth, start);
    }

    /// <summary>A date of birth before <paramref name="start"/> that leaves the child under 18 at the as-of date.</summary>
    private static LocalDate BornBefore(Child c, LocalDate start)
    {
        var dob = c.AsOf.PlusDays(-c.Rng.Between(30, 17 * 365 + 300));
        return dob < start ? dob : start.PlusDays(-c.Rng.Between(0, 700));
    }
}

using System.Collections.Immutable;
using System.Globalization;
using CaseCompliance.Domain;
using CaseCompliance.Rules.Calendar;
using NodaTime;

namespace CaseCompliance.Rules.Engine;

/// <summary>What a rule evaluates against: the as-of date, the calendar, the source's workers and teams.</summary>
public sealed class RuleContext
{
    private readonly CaseRecord _record;
    private readonly Dictionary<string, (string? Worker, string? Team)> _assignments = new(StringComparer.Ordinal);

    public RuleContext(CaseRecord record, LocalDate asOf, WorkingDayCalendar calendar, CaseDirectory directory)
    {
        _record = record;
        AsOf = asOf;
        Calendar = calendar;
        Directory = directory;
    }

    public LocalDate AsOf { get; }

    public WorkingDayCalendar Calendar { get; }

    public CaseDirectory Directory { get; }

    public LocalDate Due(LocalDate from, Timescale timescale) => timescale.AddTo(from, Calendar);

    public static string Date(LocalDate date) => IsoDate.Format(date);

    /// <summary>"14 days after the previous visit on 2025-02-28".</summary>
    public static string Basis(Timescale timescale, string anchorLabel, LocalDate anchor) =>
        $"{timescale} after {anchorLabel} on {Date(anchor)}";

    /// <summary>Decides the status of an obligation and writes its sentence (rules.md, finding statuses).</summary>
    public Finding Judge(IRule rule, Obligation o)
    {
        var options = rule.Options;
        FindingStatus status;
        int? daysLate = null, workingLate = null;
        LocalDate? lapsedOn = null;
        string detail;
        var due = o.DueAt is { } dueAt0 ? When(o.Due, dueAt0) : Date(o.Due);
        var basis = $"{o.What} due by {due} ({o.Basis})";
        var note = o.Note is null ? "" : " " + o.Note;

        if (o.Completed is { } done)
        {
            var onTime = o.DueAt is { } dueAt && o.CompletedAt is { } at ? at <= dueAt : done <= o.Due;
            if (onTime && o.NotBefore is { } notBefore && done < notBefore)
            {
                status = FindingStatus.Early;
                var gap = Period.Between(o.Previous ?? o.Anchor, done, PeriodUnits.Days).Days;
                detail = $"{o.What} was {o.Done} on {Date(done)}, {Plural(gap, "day")} after the previous one on " +
                    $"{Date(o.Previous ?? o.Anchor)}: sooner than the minimum interval (not before {Date(notBefore)}).";
            }
            else if (onTime)
            {
                status = FindingStatus.Met;
                detail = $"{basis} was {o.Done} on {When(done, o.CompletedAt)}, on time.";
            }
            else
            {
                status = FindingStatus.Late;
                daysLate = Period.Between(o.Due, done, PeriodUnits.Days).Days;
                workingLate = Calendar.WorkingDaysBetween(o.Due, done);
                var by = o.DueAt is { } da && o.CompletedAt is { } ca && daysLate == 0
                    ? Plural((int)Math.Ceiling((ca - da).ToDuration().TotalHours), "hour")
                    : Plural(daysLate.Value, "day");
                detail = $"{basis} was {o.Done} on {When(done, o.CompletedAt)} ({by} late).";
            }
        }
        else if (o.EpisodeEnd is { } end && end <= AsOf)
        {
            if (o.Due > end)
            {
                status = FindingStatus.NotApplicable;
                detail = $"{o.What} would have been due by {due} ({o.Basis}), after the {o.EpisodeLabel} ended on {Date(end)}.";
            }
            else
            {
                // The obligation lapsed unmet when the episode ended: count its lateness to the end, not to today.
                status = FindingStatus.Overdue;
                lapsedOn = end;
                daysLate = Period.Between(o.Due, end, PeriodUnits.Days).Days;
                workingLate = Calendar.WorkingDaysBetween(o.Due, end);
                detail = $"{basis} was not {o.Done} before the {o.EpisodeLabel} ended on {Date(end)} " +
                    $"({Plural(daysLate.Value, "day")} overdue).";
            }
        }
        else if (AsOf > o.Due)
        {
            status = FindingStatus.Overdue;
            daysLate = Period.Between(o.Due, AsOf, PeriodUnits.Days).Days;
            workingLate = Calendar.WorkingDaysBetween(o.Due, AsOf);
            detail = $"{basis} has not been {o.Done}: {Plural(daysLate.Value, "day")} overdue at {Date(AsOf)}.";
        }
        else if (o.Due <= Due(AsOf, options.WarningWindow))
        {
            status = FindingStatus.DueSoon;
            var left = Calendar.WorkingDaysBetween(AsOf, o.Due);
            detail = left == 0
                ? $"{basis} is due today ({Date(AsOf)}) and has not been {o.Done} yet."
                : $"{basis} has not been {o.Done} yet: {Plural(left, "working day")} left at {Date(AsOf)}.";
        }
        else
        {
            status = FindingStatus.Pending;
            detail = $"{basis} has not been {o.Done} yet; it is not yet due.";
        }

        var (worker, team) = Assignment(o.EpisodeId);
        return new Finding
        {
            RuleId = rule.Id,
            Status = status,
            Source = _record.Source,
            ChildId = _record.Person.Id,
            EpisodeId = o.EpisodeId,
            AnchorDate = o.Anchor,
            DueDate = o.Due,
            CompletedDate = o.Completed,
            DaysLate = daysLate,
            WorkingDaysLate = workingLate,
            WorkerId = worker,
            Team = team,
            Evidence = o.Evidence,
            LapsedOn = lapsedOn,
            Detail = detail.TrimEnd() + note,
        };
    }

    /// <summary>A date the rule needs is absent or invalid: says which field.</summary>
    public Finding MissingData(IRule rule, string? episodeId, string what, string field, LocalDate? anchor = null,
        ImmutableArray<string> evidence = default)
    {
        var (worker, team) = Assignment(episodeId);
        return new Finding
        {
            RuleId = rule.Id,
            Status = FindingStatus.MissingData,
            Source = _record.Source,
            ChildId = _record.Person.Id,
            EpisodeId = episodeId,
            AnchorDate = anchor,
            WorkerId = worker,
            Team = team,
            Evidence = evidence.IsDefault ? [] : evidence,
            MissingField = field,
            Detail = $"{what} cannot be checked: {field} is not recorded.",
        };
    }

    /// <summary>The rule does not apply to this case (or this source does not record what it needs).</summary>
    public Finding NotApplicable(IRule rule, string? episodeId, string detail, LocalDate? anchor = null,
        LocalDate? due = null, ImmutableArray<string> evidence = default)
    {
        var (worker, team) = Assignment(episodeId);
        return new Finding
        {
            RuleId = rule.Id,
            Status = FindingStatus.NotApplicable,
            Source = _record.Source,
            ChildId = _record.Person.Id,
            EpisodeId = episodeId,
            AnchorDate = anchor,
            DueDate = due,
            WorkerId = worker,
            Team = team,
            Evidence = evidence.IsDefault ? [] : evidence,
            Detail = detail,
        };
    }

    /// <summary>The source does not record a data set the rule needs: one not-applicable finding for the child.</summary>
    public Finding NotRecorded(IRule rule, string what, string table) =>
        NotApplicable(rule, null, $"{what} cannot be checked: this source does not record {table}.");

    /// <summary>A finding about the person as a whole, judged at the as-of date (key information).</summary>
    public Finding PersonFinding(IRule rule, FindingStatus status, string detail, string? missingField = null)
    {
        var (worker, team) = Assignment(null);
        return new Finding
        {
            RuleId = rule.Id,
            Status = status,
            Source = _record.Source,
            ChildId = _record.Person.Id,
            AnchorDate = AsOf,
            DueDate = AsOf,
            WorkerId = worker,
            Team = team,
            MissingField = missingField,
            Detail = detail,
        };
    }

    /// <summary>
    /// The allocated worker and team at the as-of date: the open allocation of this episode, else any open
    /// allocation of the child, else the episode's last allocation or recorded worker.
    /// </summary>
    public (string? Worker, string? Team) Assignment(string? episodeId)
    {
        var key = episodeId ?? "";
        if (_assignments.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var related = RelatedIds(episodeId);
        var allocations = _record.Allocations;
        var chosen = allocations.Where(a => a.IsOpenAt(AsOf) && a.EpisodeId is not null && related.Contains(a.EpisodeId))
                .MaxBy(a => a.Start)
            ?? allocations.Where(a => a.IsOpenAt(AsOf)).MaxBy(a => a.Start)
            ?? allocations.Where(a => a.EpisodeId is not null && related.Contains(a.EpisodeId)).MaxBy(a => a.Start)
            ?? allocations.MaxBy(a => a.Start);

        string? worker = chosen?.WorkerId;
        string? teamId = chosen?.TeamId;
        if (worker is null)
        {
            var referral = _record.Referrals.FirstOrDefault(r => related.Contains(r.Id))
                ?? _record.Referrals.Where(r => r.IsOpenAt(AsOf)).MaxBy(r => r.ReferralDate);
            var eh = _record.EarlyHelpEpisodes.FirstOrDefault(e => related.Contains(e.Id))
                ?? _record.EarlyHelpEpisodes.Where(e => e.IsOpenAt(AsOf)).MaxBy(e => e.Start);
            worker = referral?.WorkerId ?? eh?.WorkerId ?? _record.CareLeaver?.WorkerId;
            teamId ??= referral?.TeamId;
        }

        if (teamId is null && worker is not null && Directory.Workers.TryGetValue(worker, out var w))
        {
            teamId = w.TeamId;
        }

        var team = teamId is not null && Directory.Teams.TryGetValue(teamId, out var t) && !string.IsNullOrWhiteSpace(t.Name)
            ? t.Name
            : teamId;
        var result = (worker, team);
        _assignments[key] = result;
        return result;
    }

    /// <summary>The episode's id and the ids it hangs from (plan → referral, placement → period of care → referral).</summary>
    private HashSet<string> RelatedIds(string? episodeId)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (episodeId is null)
        {
            return ids;
        }

        ids.Add(episodeId);
        foreach (var p in _record.Plans.Where(p => p.Id == episodeId && p.ReferralId is not null))
        {
            ids.Add(p.ReferralId!);
        }

        foreach (var pl in _record.Placements.Where(p => p.Id == episodeId && p.PeriodOfCareId is not null))
        {
            ids.Add(pl.PeriodOfCareId!);
        }

        foreach (var c in _record.PeriodsOfCare.Where(c => ids.Contains(c.Id) && c.ReferralId is not null))
        {
            ids.Add(c.ReferralId!);
        }

        foreach (var a in _record.Assessments.Where(a => a.Id == episodeId && a.EpisodeId is not null))
        {
            ids.Add(a.EpisodeId!);
        }

        return ids;
    }

    private static string When(LocalDate date, LocalDateTime? at) =>
        at is { } t && t.TimeOfDay != LocalTime.Midnight
            ? t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : Date(date);

    public static string Plural(int n, string unit) =>
        $"{n.ToString(CultureInfo.InvariantCulture)} {unit}{(n == 1 ? "" : "s")}";
}

using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;
using NodaTime;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>management-oversight</c>.</summary>
public sealed class ManagementOversightOptions : RuleOptions
{
    public Timescale Within { get; set; } = Timescale.WorkingDays(5);

    /// <summary>Check Early Help episodes (the source's scope).</summary>
    public bool EarlyHelp { get; set; } = true;

    /// <summary>Also check children's social care referrals (off by default: the source is an Early Help tool).</summary>
    public bool SocialCare { get; set; }
}

/// <summary>
/// <c>management-oversight</c>: a management oversight/decision record within 5 working days after each critical
/// point: allocation, assessment completion, first plan/TAF, each review, transfer (a new allocated worker),
/// closure. Source: Dorset EH §3. Choices: one oversight record may cover several critical points of the same
/// days; a record on the day of the event counts; a record naming no episode counts for any episode of the child.
/// The closure's oversight is due after the end by nature; for every other point an oversight that would only have
/// fallen due after the episode ended is not applicable, and one unmet when it ended is overdue to the end (rules.md).
/// </summary>
public sealed class ManagementOversightRule(ManagementOversightOptions? options = null) : Rule<ManagementOversightOptions>(options)
{
    public override string Id => "management-oversight";
    public override string Title => "Management oversight within 5 working days of each critical point";
    public override string Citation => "Dorset EH §3";
    public override AuditArea Area => AuditArea.ManagementOversight;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        var episodes = new List<(string Id, LocalDate Start, LocalDate? End, bool EarlyHelp)>();
        if (Options.EarlyHelp)
        {
            episodes.AddRange(record.EarlyHelpEpisodes.Select(e => (e.Id, e.Start, e.End, true)));
        }

        if (Options.SocialCare)
        {
            episodes.AddRange(record.Referrals.Where(r => r.NoFurtherAction != true).Select(r => (r.Id, r.ReferralDate, r.CloseDate, false)));
        }

        if (episodes.Count == 0)
        {
            yield break;
        }

        if (!record.Records(Dataset.ManagementRecords))
        {
            yield return context.NotRecorded(this, "Management oversight", "management records (cc_management_records)");
            yield break;
        }

        foreach (var episode in episodes)
        {
            var ids = EpisodeIds(record, episode.Id);
            var oversight = record.ManagementRecords
                .Where(m => m.Kind == ManagementKind.Oversight && (string.IsNullOrEmpty(m.EpisodeId) || ids.Contains(m.EpisodeId)))
                .OrderBy(m => m.Date).ToList();
            foreach (var (date, label, id) in CriticalPoints(record, episode, ids).OrderBy(p => p.Date))
            {
                var record2 = oversight.FirstOrDefault(m => m.Date >= date);
                yield return context.Judge(this, new Obligation
                {
                    EpisodeId = episode.Id,
                    What = $"Management oversight of the {label}",
                    Done = "recorded",
                    Anchor = date,
                    Basis = RuleContext.Basis(Options.Within, $"the {label}", date),
                    Due = context.Due(date, Options.Within),
                    Completed = record2?.Date,
                    Evidence = record2 is null ? [id] : [id, record2.Id],
                    EpisodeEnd = label == "closure" ? null : episode.End,
                });
            }
        }
    }

    private static HashSet<string> EpisodeIds(CaseRecord record, string episodeId)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal) { episodeId };
        ids.UnionWith(record.Plans.Where(p => p.ReferralId == episodeId).Select(p => p.Id));
        ids.UnionWith(record.PeriodsOfCare.Where(p => p.ReferralId == episodeId).Select(p => p.Id));
        return ids;
    }

    private static IEnumerable<(LocalDate Date, string Label, string Id)> CriticalPoints(CaseRecord record,
        (string Id, LocalDate Start, LocalDate? End, bool EarlyHelp) e, HashSet<string> ids)
    {
        var allocations = record.Allocations
            .Where(a => a.WorkerId is not null && Episodes.BelongsTo(a.EpisodeId, a.Start, ids, e.Start, e.End))
            .OrderBy(a => a.Start).ToList();
        string? previousWorker = null;
        foreach (var a in allocations)
        {
            if (previousWorker is null)
            {
                yield return (a.Start < e.Start ? e.Start : a.Start, "allocation", a.Id);
            }
            else if (a.WorkerId != previousWorker)
            {
                yield return (a.Start, "transfer to a new worker", a.Id);
            }

            previousWorker = a.WorkerId;
        }

        var kind = e.EarlyHelp ? AssessmentKind.EarlyHelp : AssessmentKind.SocialCare;
        foreach (var a in record.Assessments.Where(a => a.Kind == kind && a.Completed is not null
                     && Episodes.BelongsTo(a.EpisodeId, a.Completed.Value, ids, e.Start, e.End)))
        {
            yield return (a.Completed!.Value, "assessment completion", a.Id);
        }

        var meetings = record.Meetings.Where(m => m.Held && Episodes.BelongsTo(m.EpisodeId, m.Date!.Value, ids, e.Start, e.End)).ToList();
        if (e.EarlyHelp)
        {
            if (meetings.Where(m => m.Type == MeetingType.TeamAroundFamily).MinBy(m => m.Date) is { } taf)
            {
                yield return (taf.Date!.Value, "first TAF meeting", taf.Id);
            }
        }
        else if (record.Plans.Where(p => ids.Contains(p.Id) || p.ReferralId == e.Id).MinBy(p => p.Start) is { } plan)
        {
            yield return (plan.Start, "first plan", plan.Id);
        }

        var reviewTypes = e.EarlyHelp
            ? new[] { MeetingType.TeamAroundFamilyReview }
            : [MeetingType.ChildInNeedReview, MeetingType.ChildProtectionReview, MeetingType.LookedAfterReview];
        foreach (var m in meetings.Where(m => reviewTypes.Contains(m.Type)))
        {
            yield return (m.Date!.Value, "review", m.Id);
        }

        if (e.End is { } end)
        {
            yield return (end, "closure", e.Id);
        }
    }
}

using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>allocation</c>.</summary>
public sealed class AllocationOptions : RuleOptions
{
    public Timescale Within { get; set; } = Timescale.Days(7);

    /// <summary>Check Early Help episodes (request for support → allocation).</summary>
    public bool EarlyHelp { get; set; } = true;

    /// <summary>Check children's social care referrals too (rules.md: "applies to CSC referrals too").</summary>
    public bool SocialCare { get; set; } = true;

    /// <summary>Referrals closed as no further action need no allocation.</summary>
    public bool SkipNoFurtherAction { get; set; } = true;
}

/// <summary>
/// <c>allocation</c>: an episode is allocated to a named worker within 7 days of the request for support or
/// referral. Source: Dorset EH §4 ("within one week"); rules.md applies it to CSC referrals too.
/// Choices: the first allocation is the earliest allocated-worker involvement linked to the episode (or, when
/// it names no episode, starting within it); one already open on the referral date counts as allocated that day.
/// A referral closed as NFA is not applicable.
/// </summary>
public sealed class AllocationRule(AllocationOptions? options = null) : Rule<AllocationOptions>(options)
{
    public override string Id => "allocation";
    public override string Title => "Episode allocated to a named worker within 7 days";
    public override string Citation => "Dorset EH §4 (\"within one week\"); applies to CSC referrals too";
    public override AuditArea Area => AuditArea.AllocationAndAssessment;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        if (!record.Records(Dataset.Allocations))
        {
            yield return context.NotRecorded(this, "Allocation", "allocations (involvements)");
            yield break;
        }

        if (Options.EarlyHelp)
        {
            foreach (var e in record.EarlyHelpEpisodes)
            {
                yield return Judge(record, context, e.Id, e.Start, e.End, "request for support");
            }
        }

        if (Options.SocialCare)
        {
            foreach (var r in record.Referrals)
            {
                if (Options.SkipNoFurtherAction && r.NoFurtherAction == true)
                {
                    yield return context.NotApplicable(this, r.Id,
                        $"Allocation of the referral of {RuleContext.Date(r.ReferralDate)} is not needed: it was closed with no further action.",
                        r.ReferralDate);
                    continue;
                }

                yield return Judge(record, context, r.Id, r.ReferralDate, r.CloseDate, "referral");
            }
        }
    }

    private Finding Judge(CaseRecord record, RuleContext context, string episodeId, NodaTime.LocalDate start,
        NodaTime.LocalDate? end, string label)
    {
        var allocated = Episodes.FirstAllocation(record, [episodeId], start, end);
        return context.Judge(this, new Obligation
        {
            EpisodeId = episodeId,
            What = "Allocation to a named worker",
            Done = "made",
            Anchor = start,
            Basis = RuleContext.Basis(Options.Within, $"the {label}", start),
            Due = context.Due(start, Options.Within),
            Completed = allocated?.Date,
            Evidence = allocated is { } a ? [episodeId, a.Id] : [episodeId],
            EpisodeEnd = end,
        });
    }
}

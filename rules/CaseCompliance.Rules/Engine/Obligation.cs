using System.Collections.Immutable;
using NodaTime;

namespace CaseCompliance.Rules.Engine;

/// <summary>
/// One obligation instance before its status is decided: what is due, counted from what, by when, and what
/// (if anything) satisfied it. <see cref="RuleContext.Judge"/> turns it into a <see cref="Finding"/>.
/// </summary>
public sealed record Obligation
{
    /// <summary>Episode, plan, placement... the obligation belongs to (source id, unprefixed).</summary>
    public string? EpisodeId { get; init; }

    /// <summary>Noun phrase, capitalised: "CP visit", "Initial child protection conference".</summary>
    public required string What { get; init; }

    /// <summary>Past participle for the sentence: "made", "held", "completed", "recorded".</summary>
    public string Done { get; init; } = "completed";

    public required LocalDate Anchor { get; init; }

    /// <summary>How the due date was counted, e.g. "14 days after the previous visit on 2025-02-28".</summary>
    public required string Basis { get; init; }

    public required LocalDate Due { get; init; }

    /// <summary>The date it was done, if it was (already filtered to the as-of date and the episode).</summary>
    public LocalDate? Completed { get; init; }

    /// <summary>Where the source records times: the exact deadline and completion (the "24 hours" rules).</summary>
    public LocalDateTime? DueAt { get; init; }

    public LocalDateTime? CompletedAt { get; init; }

    /// <summary>Record ids: the one the due date was counted from, then the one(s) that satisfied it.</summary>
    public ImmutableArray<string> Evidence { get; init; } = [];

    /// <summary>End of the episode/plan/placement; an instance due after it is not applicable.</summary>
    public LocalDate? EpisodeEnd { get; init; }

    /// <summary>What ended, for the sentence: "plan", "placement", "episode".</summary>
    public string EpisodeLabel { get; init; } = "episode";

    /// <summary>For <c>eh-taf-review</c>: the earliest date that is not <c>early</c>.</summary>
    public LocalDate? NotBefore { get; init; }

    /// <summary>The date the previous instance was done (for the <c>early</c> sentence).</summary>
    public LocalDate? Previous { get; init; }

    /// <summary>Extra words appended to the sentence, e.g. a note on how the anchor was chosen.</summary>
    public string? Note { get; init; }
}

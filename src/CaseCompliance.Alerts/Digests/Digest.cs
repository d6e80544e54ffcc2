using CaseCompliance.Storage;
using NodaTime;

namespace CaseCompliance.Alerts.Digests;

/// <summary>One digest ready to send: for one e-mail address (covering all its teams), or for one team (the webhook).</summary>
public sealed record Digest(string Recipient, IReadOnlyList<string> Teams, string Subject, string TextBody, string HtmlBody,
    DigestCounts Counts);

/// <summary>Items per section of a digest, before the <c>MaxItemsPerSection</c> cap.</summary>
public sealed record DigestCounts(int New, int DueSoon, int Persisting, int Resolved, int Chronic)
{
    /// <summary>Something was newly breached or resolved since the last scan.</summary>
    public bool Changed => New + Resolved > 0;

    public static DigestCounts Sum(IEnumerable<DigestCounts> counts) => counts.Aggregate(new DigestCounts(0, 0, 0, 0, 0),
        (a, b) => new DigestCounts(a.New + b.New, a.DueSoon + b.DueSoon, a.Persisting + b.Persisting, a.Resolved + b.Resolved,
            a.Chronic + b.Chronic));
}

/// <summary>The digests of one scan: per recipient (e-mail), per team (webhook), and what could not be routed.</summary>
public sealed record DigestPlan(StoredScan Scan, IReadOnlyList<Digest> Recipients, IReadOnlyList<Digest> Teams,
    int UnchangedRecipients, IReadOnlyList<string> Warnings);

/// <summary>The sections of a digest, in the order they are shown.</summary>
public enum DigestSectionKind
{
    New,
    DueSoon,
    Persisting,
    Resolved,
    Chronic,
}

/// <summary>
/// One line of a digest. <see cref="Child"/> is the initials, or the name when <c>IncludeNames</c>; <see cref="Detail"/>
/// is the finding's sentence (dates and ids only) or one made here from ids and counts.
/// </summary>
public sealed record DigestItem(string ChildId, string? Child, string RuleId, string Status, LocalDate? DueDate, int? DaysLate,
    string? WorkerId, string Detail, bool Stale, LocalDate? StaleFrom);

/// <summary>One section of one team: the items shown and how many more there are.</summary>
public sealed record DigestSection(DigestSectionKind Kind, IReadOnlyList<DigestItem> Items, int More)
{
    public int Count => Items.Count + More;

    public string Title => Kind switch
    {
        DigestSectionKind.New => "Newly breached since the last scan",
        DigestSectionKind.DueSoon => "Due soon",
        DigestSectionKind.Persisting => "Still overdue",
        DigestSectionKind.Resolved => "Resolved since the last scan",
        DigestSectionKind.Chronic => "Chronic drift",
        _ => Kind.ToString(),
    };
}

/// <summary>One team's part of a digest.</summary>
public sealed record TeamDigest(string Team, IReadOnlyList<DigestSection> Sections)
{
    public DigestCounts Counts => new(Count(DigestSectionKind.New), Count(DigestSectionKind.DueSoon),
        Count(DigestSectionKind.Persisting), Count(DigestSectionKind.Resolved), Count(DigestSectionKind.Chronic));

    private int Count(DigestSectionKind kind) => Sections.Where(s => s.Kind == kind).Sum(s => s.Count);
}

using NodaTime;

namespace CaseCompliance.Domain;

/// <summary>Kinds of management record.</summary>
public enum ManagementKind
{
    Oversight,
    Supervision,
    AuditDiscussion,
}

/// <summary>A management oversight/decision, supervision or audit-discussion record.</summary>
public sealed record ManagementRecord(
    string Id,
    string PersonId,
    string? EpisodeId,
    ManagementKind Kind,
    LocalDate Date,
    string? WorkerId);

/// <summary>Kinds of document the rules look for.</summary>
public enum DocumentKind
{
    Consent,
    OutcomeStar,
}

/// <summary>A document held on the case (signed consent, Outcome Star).</summary>
public sealed record Document(string Id, string PersonId, string? EpisodeId, DocumentKind Kind, LocalDate Date);

/// <summary>A case audit.</summary>
public sealed record Audit(string Id, string PersonId, string? EpisodeId, LocalDate Date, string? Grade);

/// <summary>A recommended action from a case audit.</summary>
public sealed record AuditAction(
    string Id,
    string AuditId,
    string? Description,
    string? Owner,
    LocalDate? Due,
    LocalDate? Completed);

using System.Collections.Immutable;
using NodaTime;

namespace CaseCompliance.Domain;

/// <summary>A child (or unborn child) known to the service, with the key information auditors check.</summary>
public sealed record Person(
    string Id,
    string? Forename,
    string? Surname,
    string? Gender,
    string? Ethnicity,
    LocalDate? DateOfBirth,
    LocalDate? ExpectedDateOfBirth,
    string? Upn,
    string? UpnUnknownReason,
    LocalDate? DeathDate)
{
    /// <summary>Whether the source records names at all (the CIN census does not): key-information checks them only then.</summary>
    public bool NamesRecorded { get; init; } = true;

    /// <summary>Telephone number, from the key information extension table.</summary>
    public string? Telephone { get; init; }

    /// <summary>Free-text detail required where an "other" ethnicity category is chosen.</summary>
    public string? EthnicityDetail { get; init; }

    /// <summary>Primary category of need recorded on the person (falls back to the latest referral's).</summary>
    public string? PrimaryNeed { get; init; }

    /// <summary>Disability codes; an empty list with <see cref="DisabilityRecorded"/> means "none".</summary>
    public ImmutableArray<string> Disabilities { get; init; } = [];

    /// <summary>Whether the source holds any disability record for the person ("NONE" counts).</summary>
    public bool DisabilityRecorded { get; init; }

    public ImmutableArray<Address> Addresses { get; init; } = [];

    /// <summary>Unborn: no date of birth but an expected one in the future of the evaluation.</summary>
    public bool IsUnbornAt(LocalDate asOf) => DateOfBirth is null && ExpectedDateOfBirth is { } edd && edd > asOf;
}

/// <summary>An address held for a person; the text itself is personal data and never logged.</summary>
public sealed record Address(string? Text, string? Postcode, LocalDate? Start, LocalDate? End)
{
    public bool IsCurrentAt(LocalDate date) => (Start is null || Start <= date) && (End is null || End >= date);
}

/// <summary>A practitioner: social worker, family support worker or manager.</summary>
public sealed record Worker(string Id, string? Name, string? JobTitle, string? TeamId);

/// <summary>A team (department) of the authority.</summary>
public sealed record Team(string Id, string? Name, string? ParentId);

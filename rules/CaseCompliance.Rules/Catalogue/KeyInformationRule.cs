using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;
using NodaTime;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>key-information</c>.</summary>
public sealed class KeyInformationOptions : RuleOptions
{
    /// <summary>Ethnicity codes that are an "other" category and need a detail (SSDA903/CIN codes).</summary>
    public List<string> OtherEthnicityCodes { get; set; } = ["WOTH", "MOTH", "AOTH", "BOTH", "OOTH"];

    /// <summary>Compulsory school age for the UPN check: from this age...</summary>
    public int SchoolAgeFrom { get; set; } = 5;

    /// <summary>...to (not including) this age.</summary>
    public int SchoolAgeTo { get; set; } = 16;
}

/// <summary>
/// <c>key-information</c>: key information complete at the as-of date — surname, forename, date of birth, gender
/// (the last three waived for an unborn child), address, telephone, ethnicity (with a detail where an "other"
/// category is chosen), primary category of need, disability (may be "none"), UPN for school-age children.
/// Source: CareFirst guidance; Darlington EH. Choices: checked for children with an open episode at the as-of
/// date (others are not applicable); a recorded reason the UPN is unknown satisfies the UPN; the primary need is
/// the person's, else the latest referral's; telephone and ethnicity detail are only required where the source
/// records them; an unborn child needs no forename either; surname and forename only where the source records names
/// (<see cref="Dataset.PersonNames"/>: the statutory returns, SSDA903 and the CIN census, hold none, so they are
/// checked in part).
/// </summary>
public sealed class KeyInformationRule(KeyInformationOptions? options = null) : Rule<KeyInformationOptions>(options)
{
    public override string Id => "key-information";
    public override string Title => "Key information complete";
    public override string Citation => "CareFirst guidance; Darlington EH";
    public override AuditArea Area => AuditArea.KeyInformation;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        var asOf = context.AsOf;
        if (!IsOpen(record, asOf))
        {
            yield return context.PersonFinding(this, FindingStatus.NotApplicable,
                $"Key information is not checked: the child has no open episode at {RuleContext.Date(asOf)}.");
            yield break;
        }

        var p = record.Person;
        var unborn = p.IsUnbornAt(asOf);
        var missing = new List<string>();
        void Require(bool present, string field)
        {
            if (!present)
            {
                missing.Add(field);
            }
        }

        // A source that holds no names (the SSDA903 return) is checked on what it does hold.
        var names = record.Records(Dataset.PersonNames);
        if (names)
        {
            Require(!string.IsNullOrWhiteSpace(p.Surname), "surname");
        }

        if (!unborn)
        {
            if (names)
            {
                Require(!string.IsNullOrWhiteSpace(p.Forename), "forename");
            }

            Require(p.DateOfBirth is not null, "date of birth");
            Require(!string.IsNullOrWhiteSpace(p.Gender), "gender");
        }

        if (record.Records(Dataset.Addresses))
        {
            Require(p.Addresses.Any(a => a.IsCurrentAt(asOf) && (!string.IsNullOrWhiteSpace(a.Text) || !string.IsNullOrWhiteSpace(a.Postcode))), "address");
        }

        if (record.Records(Dataset.PersonDetails))
        {
            Require(!string.IsNullOrWhiteSpace(p.Telephone), "telephone");
        }

        Require(!string.IsNullOrWhiteSpace(p.Ethnicity), "ethnicity");
        if (p.Ethnicity is { } eth && Options.OtherEthnicityCodes.Contains(eth, StringComparer.OrdinalIgnoreCase)
            && record.Records(Dataset.PersonDetails))
        {
            Require(!string.IsNullOrWhiteSpace(p.EthnicityDetail), "ethnicity detail (an \"other\" category is chosen)");
        }

        var need = p.PrimaryNeed ?? record.Referrals.Where(r => r.ReferralDate <= asOf).MaxBy(r => r.ReferralDate)?.PrimaryNeedCode;
        Require(!string.IsNullOrWhiteSpace(need), "primary category of need");
        if (record.Records(Dataset.Disabilities))
        {
            Require(p.DisabilityRecorded, "disability (\"none\" is an answer)");
        }

        if (!unborn && p.DateOfBirth is { } dob && IsSchoolAge(dob, asOf))
        {
            Require(!string.IsNullOrWhiteSpace(p.Upn) || !string.IsNullOrWhiteSpace(p.UpnUnknownReason), "UPN (school-age child)");
        }

        if (missing.Count == 0)
        {
            yield return context.PersonFinding(this, FindingStatus.Met,
                $"Key information is complete at {RuleContext.Date(asOf)}{(unborn ? " (unborn child: date of birth, forename and gender waived)" : "")}.");
        }
        else
        {
            var fields = string.Join(", ", missing);
            yield return context.PersonFinding(this, FindingStatus.MissingData,
                $"Key information is incomplete at {RuleContext.Date(asOf)}: {fields} not recorded.", fields);
        }
    }

    private bool IsSchoolAge(LocalDate dob, LocalDate asOf)
    {
        var age = Period.Between(dob, asOf, PeriodUnits.Years).Years;
        return age >= Options.SchoolAgeFrom && age < Options.SchoolAgeTo;
    }

    private static bool IsOpen(CaseRecord r, LocalDate d) =>
        r.Referrals.Any(x => x.IsOpenAt(d)) || r.EarlyHelpEpisodes.Any(x => x.IsOpenAt(d)) || r.Plans.Any(x => x.IsOpenAt(d))
        || r.PeriodsOfCare.Any(x => x.IsOpenAt(d))
        || r.PrivateFostering.Any(x => (x.Start ?? x.Notification) <= d && (x.End is null || x.End >= d))
        || r.CareLeaverAccommodation.Any(x => x.Start <= d && (x.End is null || x.End >= d))
        || r.CareLeaver is not null;
}

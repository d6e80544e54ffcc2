using System.Globalization;
using NodaTime;

namespace CaseCompliance.Generation;

/// <summary>
/// The child's key information (person, address, disability, telephone, ethnicity detail, primary need), with planted
/// gaps as data-quality faults, and the <c>key-information</c> finding it implies at the as-of date.
/// </summary>
internal static class PersonStory
{
    private static readonly string[] Forenames =
        ["Sample", "Example", "Trial", "Demo", "Mock", "Placeholder", "Fixture", "Specimen", "Tester", "Dummy", "Proto", "Stub"];

    private static readonly string[] Surnames =
        ["Testington", "Sampleford", "Exampleton", "Mockley", "Dummyshire", "Stubworth", "Placeby", "Fixtureham", "Trialsworth"];

    private static readonly string[] Ethnicities =
    [
        "WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WIRI", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "AIND", "APKN", "ABAN",
        "BCRB", "BAFR", "CHNE", "WOTH", "MOTH", "AOTH", "BOTH", "OOTH",
    ];

    private static readonly string[] Disabilities = ["NONE", "NONE", "NONE", "NONE", "NONE", "NONE", "MOB", "LD", "AUT", "HEAR", "VIS", "COMM"];
    private static readonly string[] Needs = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"];
    private static readonly string[] Towns = ["Testtown", "Sampleton", "Exampleby"];
    private static readonly string[] Streets = ["Sample Street", "Example Road", "Placeholder Close", "Fixture Lane", "Mock Avenue"];

    /// <summary>Writes the person and the key-information finding (call after every story, when it is known what is open).</summary>
    public static void Write(Child c, long number, LocalDate? expectedBirth, LocalDate livingThereFrom)
    {
        var unborn = c.DateOfBirth is null && expectedBirth is { } edd && edd > c.AsOf;
        var gaps = c.Fault(4) ? c.Rng.Between(1, 2) : 0;
        bool Gap() => gaps > 0 && c.Rng.Chance(0.35) && gaps-- > 0;

        var male = c.Rng.Chance(0.5);
        string? gender = unborn || Gap() ? null : male ? "M" : "F";
        var forename = unborn ? null : c.Rng.Pick(Forenames);
        var surname = c.Rng.Pick(Surnames);
        string? ethnicity = Gap() ? null : c.Rng.Pick(Ethnicities);
        var other = ethnicity is "WOTH" or "MOTH" or "AOTH" or "BOTH" or "OOTH";
        string? detail = other && !Gap() ? "Other background (synthetic)" : null;

        string? upn = null, upnUnknown = null;
        var schoolAge = false;
        if (c.DateOfBirth is { } dob)
        {
            var age = Period.Between(dob, c.AsOf, PeriodUnits.Years).Years;
            schoolAge = age is >= 5 and < 16;
            if (age >= 4 && !(schoolAge && Gap()))
            {
                if (c.Rng.Chance(0.03))
                {
                    upnUnknown = "UN2";
                }
                else
                {
                    upn = "Z99999" + number.ToString("D7", CultureInfo.InvariantCulture);
                }
            }
        }

        c.Row("ssd_person", ("pers_person_id", c.Id), ("pers_forename", forename), ("pers_surname", surname),
            ("pers_sex", gender), ("pers_gender", gender), ("pers_ethnicity", ethnicity), ("pers_dob", Child.D(c.DateOfBirth)),
            ("pers_common_child_id", upn), ("pers_upn_unknown", upnUnknown), ("pers_expected_dob", Child.D(unborn ? expectedBirth : null)),
            ("pers_death_date", null));

        // One address; a gap is an address that ended with no new one recorded.
        var from = c.DateOfBirth ?? livingThereFrom;
        var moved = Gap();
        LocalDate? to = moved ? c.AsOf.PlusDays(-c.Rng.Between(1, 200)) : null;
        if (to is { } left && from > left)
        {
            from = left.PlusDays(-c.Rng.Between(30, 400));
        }
        else if (from > c.AsOf)
        {
            from = c.AsOf;
        }

        var house = (number % 199 + 1).ToString(CultureInfo.InvariantCulture);
        var town = c.Rng.Pick(Towns);
        c.Row("ssd_address", ("addr_person_id", c.Id),
            ("addr_address_json", "{\"line1\": \"" + house + " " + c.Rng.Pick(Streets) + "\", \"town\": \"" + town + "\"}"),
            ("addr_address_postcode", "ZZ99 " + (1 + number % 9).ToString(CultureInfo.InvariantCulture) + (char)('A' + number % 26) + (char)('A' + number / 26 % 26)),
            ("addr_address_start_date", Child.D(from)), ("addr_address_end_date", Child.D(to)));

        var disabilityRecorded = !Gap();
        if (disabilityRecorded)
        {
            c.Row("ssd_disability", ("disa_person_id", c.Id), ("disa_disability_code", c.Rng.Pick(Disabilities)));
        }

        string? telephone = Gap() ? null : "07700 900" + (number % 1000).ToString("D3", CultureInfo.InvariantCulture);

        // The person's own primary need; where left empty, the latest referral's counts.
        var need = c.LatestReferralNeed is not null && c.Rng.Chance(0.5) ? null
            : Gap() && c.LatestReferralNeed is null ? null
            : c.LatestReferralNeed ?? c.Rng.Pick(Needs);
        c.Row("cc_person_details", ("pdet_person_id", c.Id), ("pdet_telephone", telephone), ("pdet_ethnicity_detail", detail),
            ("pdet_primary_need", need));

        if (!c.OpenAtAsOf)
        {
            c.Expect("key-information", c.AsOf, Status.NotApplicable);
            return;
        }

        var complete = !string.IsNullOrEmpty(surname)
            && (unborn || (forename is not null && c.DateOfBirth is not null && gender is not null))
            && !moved
            && telephone is not null
            && ethnicity is not null
            && (!other || detail is not null)
            && (need ?? c.LatestReferralNeed) is not null
            && disabilityRecorded
            && (unborn || !schoolAge || upn is not null || upnUnknown is not null);
        c.Expect("key-information", c.AsOf, complete ? Status.Met : Status.MissingData);
    }
}

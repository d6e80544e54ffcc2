using CaseCompliance.Rules.Tests.Support;
using static CaseCompliance.Rules.Tests.Support.Cases;
using static CaseCompliance.Rules.Tests.Support.Dates;
using static CaseCompliance.Rules.Tests.Support.SocialCareCases;

namespace CaseCompliance.Rules.Tests.Catalogue;

/// <summary>key-information is judged at the as-of date, with no timescale: its statuses are met, missing-data (naming
/// the fields) and not-applicable (no open episode). There is nothing to be late, overdue or due soon.</summary>
public class KeyInformationRuleTests
{
    private static readonly KeyInformationRule Rule = new();

    private static readonly LocalDate AsOf = 10.March(2025);

    /// <summary>Child() has complete key information (born 1 Mar 2015, so of school age, with a UPN); add an open referral.</summary>
    private static CaseRecord Open(LocalDate? closed = null) => Child() with { Referrals = [Referral("R1", 1.January(2025), closed)] };

    [Fact]
    public void Met_Complete()
    {
        var f = Single(Rule, Open(), AsOf);
        f.Is(FindingStatus.Met, AsOf);
        Assert.Equal(AsOf, f.AnchorDate);
        Assert.Equal("Key information is complete at 2025-03-10.", f.Detail);
    }

    [Fact]
    public void NotApplicable_NoOpenEpisode()
    {
        var f = Single(Rule, Child(), AsOf);
        Assert.Equal(FindingStatus.NotApplicable, f.Status);
        Assert.Equal("Key information is not checked: the child has no open episode at 2025-03-10.", f.Detail);
    }

    [Fact]
    public void MissingData_NamesEveryMissingField()
    {
        var record = Open() with { Person = Open().Person with { Surname = " ", Telephone = null, DisabilityRecorded = false } };
        var f = Single(Rule, record, AsOf);
        Assert.Equal(FindingStatus.MissingData, f.Status);
        Assert.Equal("surname, telephone, disability (\"none\" is an answer)", f.MissingField);
        Assert.Equal("Key information is incomplete at 2025-03-10: surname, telephone, disability (\"none\" is an answer) not recorded.", f.Detail);
    }

    [Fact]
    public void NamesNotRecordedBySource_AreNotRequired_TheRestIs()
    {
        var person = Open().Person with { Forename = null, Surname = null, NamesRecorded = false };
        Single(Rule, Open() with { Person = person }, AsOf).Is(FindingStatus.Met, AsOf);

        var f = Single(Rule, Open() with { Person = person with { Ethnicity = null } }, AsOf);
        Assert.Equal(FindingStatus.MissingData, f.Status);
        Assert.Equal("ethnicity", f.MissingField);
    }

    [Theory]
    [InlineData("forename")]
    [InlineData("date of birth")]
    [InlineData("gender")]
    [InlineData("ethnicity")]
    [InlineData("primary category of need")]
    [InlineData("UPN (school-age child)")]
    [InlineData("address")]
    public void MissingData_EachField(string field)
    {
        var p = Open().Person;
        var person = field switch
        {
            "forename" => p with { Forename = null },
            "date of birth" => p with { DateOfBirth = null },
            "gender" => p with { Gender = "" },
            "ethnicity" => p with { Ethnicity = null },
            "primary category of need" => p with { PrimaryNeed = null },
            "UPN (school-age child)" => p with { Upn = null },
            "address" => p with { Addresses = [] },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        var record = Open() with { Person = person, Referrals = [Referral("R1", 1.January(2025), need: null)] };
        var f = Single(Rule, record, AsOf);
        Assert.Equal(FindingStatus.MissingData, f.Status);
        Assert.Equal(field, f.MissingField);
    }

    [Fact]
    public void Unborn_DateOfBirthForenameAndGenderWaived_SurnameNot()
    {
        var unborn = Open().WithPerson(p => p with { Forename = null, Gender = null, DateOfBirth = null, ExpectedDateOfBirth = 1.May(2025), Upn = null });
        var f = Single(Rule, unborn, AsOf);
        f.Is(FindingStatus.Met, AsOf);
        Assert.Equal("Key information is complete at 2025-03-10 (unborn child: date of birth, forename and gender waived).", f.Detail);

        var noSurname = unborn.WithPerson(p => p with { Surname = null });
        Assert.Equal("surname", Single(Rule, noSurname, AsOf).MissingField);
    }

    [Fact]
    public void ExpectedDateReached_NoLongerUnborn()
    {
        // On the expected date itself the child is no longer "unborn at" the as-of date, so a date of birth is owed.
        var record = Open().WithPerson(p => p with { DateOfBirth = null, ExpectedDateOfBirth = AsOf, Upn = null });
        Assert.Equal("date of birth", Single(Rule, record, AsOf).MissingField);
    }

    [Fact]
    public void OtherEthnicity_NeedsADetail_WhereTheSourceRecordsDetails()
    {
        var record = Open().WithPerson(p => p with { Ethnicity = "WOTH" });
        Assert.Equal("ethnicity detail (an \"other\" category is chosen)", Single(Rule, record, AsOf).MissingField);
        Assert.Equal(FindingStatus.Met, Single(Rule, record.WithPerson(p => p with { EthnicityDetail = "Roma" }), AsOf).Status);
        // Without cc_person_details neither telephone nor ethnicity detail can be asked for.
        Assert.Equal(FindingStatus.Met, Single(Rule, record.WithPerson(p => p with { Telephone = null }).Without(Dataset.PersonDetails), AsOf).Status);
    }

    [Fact]
    public void PrimaryNeed_FallsBackToTheLatestReferral()
    {
        var record = Open().WithPerson(p => p with { PrimaryNeed = null });
        Assert.Equal(FindingStatus.Met, Single(Rule, record, AsOf).Status);
    }

    [Fact]
    public void Disability_NotAskedWhereTheSourceRecordsNone()
    {
        var record = Open().WithPerson(p => p with { DisabilityRecorded = false, Disabilities = [] });
        Assert.Equal(FindingStatus.MissingData, Single(Rule, record, AsOf).Status);
        Assert.Equal(FindingStatus.Met, Single(Rule, record.Without(Dataset.Disabilities), AsOf).Status);
    }

    [Fact]
    public void Upn_UnknownReasonSatisfiesIt()
    {
        var record = Open().WithPerson(p => p with { Upn = null, UpnUnknownReason = "UN2" });
        Assert.Equal(FindingStatus.Met, Single(Rule, record, AsOf).Status);
    }

    [Theory]
    [InlineData("2019-09-01", "2024-08-31", FindingStatus.Met, "aged 4 the day before the 5th birthday: no UPN needed")]
    [InlineData("2019-09-01", "2024-09-01", FindingStatus.MissingData, "5th birthday: of school age, UPN needed")]
    [InlineData("2008-09-01", "2024-08-31", FindingStatus.MissingData, "the day before the 16th birthday: still of school age")]
    [InlineData("2008-09-01", "2024-09-01", FindingStatus.Met, "16th birthday: no longer of school age")]
    [InlineData("2016-02-29", "2024-02-29", FindingStatus.MissingData, "born on a leap day, 8 on the leap day: of school age")]
    public void Upn_SchoolAgeBoundaries(string born, string asOf, FindingStatus expected, string because)
    {
        var record = Open().WithPerson(p => p with { DateOfBirth = D(born), Upn = null }) with { Referrals = [Referral("R1", 1.January(2024))] };
        Assert.True(Single(Rule, record, D(asOf)).Status == expected, because);
    }

    [Theory]
    [InlineData("2024-02-28", FindingStatus.MissingData, "an address that ended on 28 Feb is not current on the leap day")]
    [InlineData("2024-02-29", FindingStatus.Met, "an address ending on the leap day is still current on it")]
    public void Address_CurrentOnTheLeapDay(string addressEnd, FindingStatus expected, string because)
    {
        var record = Open().WithPerson(p => p with { Addresses = [new Address("1 Test Street", "ZZ1 1ZZ", 1.January(2015), D(addressEnd))] });
        var f = Single(Rule, record with { Referrals = [Referral("R1", 1.January(2024))] }, 29.February(2024));
        Assert.True(f.Status == expected, because);
    }

    [Fact]
    public void Address_NotAskedWhereTheSourceRecordsNone()
    {
        var record = Open().WithPerson(p => p with { Addresses = [] }).Without(Dataset.Addresses);
        Assert.Equal(FindingStatus.Met, Single(Rule, record, AsOf).Status);
    }

    [Theory]
    [InlineData("2025-03-10", FindingStatus.Met, "a referral closing on the as-of date is still open that day")]
    [InlineData("2025-03-09", FindingStatus.NotApplicable, "a referral closed the day before: no open episode")]
    [InlineData("2025-03-11", FindingStatus.Met, "a closure after the as-of date is not yet known")]
    public void OpenEpisode_ClosureBoundary(string closed, FindingStatus expected, string because)
    {
        Assert.True(Single(Rule, Open(D(closed)), AsOf).Status == expected, because);
    }

    [Fact]
    public void OpenEpisode_AnyKindCounts()
    {
        Assert.Equal(FindingStatus.Met, Single(Rule, Child() with { PeriodsOfCare = [CarePeriod("POC1", 1.January(2025))] }, AsOf).Status);
        Assert.Equal(FindingStatus.Met, Single(Rule, Child() with { CareLeaver = new CareLeaver("C1", null, null, "W1") }, AsOf).Status);
        Assert.Equal(FindingStatus.Met, Single(Rule, Child() with { PrivateFostering = [new PrivateFostering("PF1", "C1", 1.March(2025), null, null)] }, AsOf).Status);
    }

    [Fact]
    public void Config_SchoolAgeFromFour()
    {
        // Born 1 Sept 2020, aged 4 on 10 Mar 2025: no UPN needed by default, needed from age 4 by configuration.
        var record = Open().WithPerson(p => p with { DateOfBirth = 1.September(2020), Upn = null });
        Assert.Equal(FindingStatus.Met, Single(Rule, record, AsOf).Status);
        var rule = new KeyInformationRule(new KeyInformationOptions { SchoolAgeFrom = 4 });
        Assert.Equal("UPN (school-age child)", Single(rule, record, AsOf).MissingField);
    }

    [Fact]
    public void Config_OtherEthnicityCodes()
    {
        var record = Open().WithPerson(p => p with { Ethnicity = "WOTH" });
        var rule = new KeyInformationRule(new KeyInformationOptions { OtherEthnicityCodes = ["OOTH"] });
        Assert.Equal(FindingStatus.Met, Single(rule, record, AsOf).Status);
    }
}

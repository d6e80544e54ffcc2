using System.Collections.Immutable;

namespace CaseCompliance.Rules.Tests.Support;

/// <summary>Builds case records and runs one rule over them.</summary>
public static class Cases
{
    public const string Source = "standard";

    /// <summary>A child with complete key information; every data set recorded unless the test removes one.</summary>
    public static CaseRecord Child(string id = "C1") => new(Source, new Person(id, "Alex", "Testchild", "M", "WBRI",
        1.March(2015), null, "A123456789012", null, null)
    {
        Telephone = "01234 000000",
        PrimaryNeed = "N1",
        DisabilityRecorded = true,
        Disabilities = ["NONE"],
        Addresses = [new Address("1 Test Street", "ZZ1 1ZZ", 1.January(2015), null)],
    })
    {
        Recorded = [.. Enum.GetValues<Dataset>()],
    };

    public static CaseRecord Without(this CaseRecord record, Dataset dataset) =>
        record with { Recorded = record.Recorded.Remove(dataset) };

    /// <summary>Runs <paramref name="rule"/> alone over the record as at <paramref name="asOf"/> (through the engine, so
    /// the as-at truncation applies as in a real scan).</summary>
    public static List<Finding> Evaluate(IRule rule, CaseRecord record, LocalDate asOf, CaseDirectory? directory = null) =>
        new RuleEngine([rule], TestCalendar.EnglandAndWales).Evaluate(record, directory ?? CaseDirectory.Empty, asOf);

    public static Finding Single(IRule rule, CaseRecord record, LocalDate asOf) => Assert.Single(Evaluate(rule, record, asOf));

    public static Visit CpVisit(string id, LocalDate date, string? planId = "CPP1", bool? seen = true, bool? seenAlone = true) =>
        new(id, "C1", planId, VisitKind.ChildProtection, date, seen, seenAlone);

    public static Visit Visit(VisitKind kind, string id, LocalDate date, string? episodeId = null, bool? seen = true, bool? seenAlone = true) =>
        new(id, "C1", episodeId, kind, date, seen, seenAlone);

    public static Meeting Meeting(MeetingType type, string id, LocalDate? date, string? episodeId = null, bool cancelled = false) =>
        new(id, "C1", episodeId, type, date, cancelled);

    public static Allocation Allocation(string id, LocalDate start, string? episodeId, string worker = "W1", LocalDate? end = null) =>
        new(id, "C1", worker, "ALLOCATED CASE WORKER", "T1", start, end, episodeId);

    public static ManagementRecord Management(ManagementKind kind, string id, LocalDate date, string? episodeId = null) =>
        new(id, "C1", episodeId, kind, date, "M1");
}

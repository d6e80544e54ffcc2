using System.Globalization;

namespace CaseCompliance.Generation;

/// <summary>The service areas a child's workers come from.</summary>
internal enum Area
{
    EarlyHelp,
    FrontDoor,
    ChildInNeed,
    ChildProtection,
    ChildrenInCare,
    LeavingCare,
    Reviewing,
}

/// <summary>
/// Teams and workers of the synthetic authority: for every service area one team per 3,000 children (at least one),
/// each a manager and seven practitioners. Ids and names follow from the numbers alone, so nothing per worker is kept.
/// </summary>
internal sealed class Staff
{
    private const int PerTeam = 8; // slot 0 is the manager
    private static readonly Area[] Areas = Enum.GetValues<Area>();

    private static readonly string[] AreaNames =
    [
        "Early Help Team", "Front Door Assessment Team", "Child in Need Team", "Child Protection Team",
        "Children in Care Team", "Leaving Care Team", "Independent Reviewing Service",
    ];

    private static readonly string[] PractitionerTitles =
    [
        "Family Support Worker", "Social Worker", "Social Worker", "Social Worker", "Social Worker", "Personal Adviser",
        "Independent Reviewing Officer",
    ];

    private static readonly string[] Forenames =
        ["Sample", "Example", "Trial", "Demo", "Mock", "Placeholder", "Dummy", "Fixture", "Stub", "Tester"];

    private static readonly string[] Surnames =
        ["Testington", "Sampleford", "Exampleton", "Mockley", "Dummyshire", "Stubworth", "Fakenham-Test", "Placeby"];

    public Staff(int children) => TeamsPerArea = Math.Max(1, (children + 2999) / 3000);

    public int TeamsPerArea { get; }

    public const string RootTeam = "T0000";

    /// <summary>A team of the area, chosen at random.</summary>
    public int Team(ref Prng rng, Area area) => (int)area * TeamsPerArea + rng.Below(TeamsPerArea);

    public static string TeamId(int team) => "T" + (team + 1).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>A practitioner of the team, chosen at random.</summary>
    public static string Practitioner(ref Prng rng, int team) => WorkerId(team, 1 + rng.Below(PerTeam - 1));

    /// <summary>A different practitioner of the same team (a transfer).</summary>
    public static string Other(ref Prng rng, int team, string current)
    {
        var id = Practitioner(ref rng, team);
        return id == current ? WorkerId(team, Slot(current) % (PerTeam - 1) + 1) : id;
    }

    public static string Manager(int team) => WorkerId(team, 0);

    private static string WorkerId(int team, int slot) =>
        "W" + (team * PerTeam + slot + 1).ToString("D6", CultureInfo.InvariantCulture);

    private static int Slot(string workerId) => (int.Parse(workerId.AsSpan(1), CultureInfo.InvariantCulture) - 1) % PerTeam;

    /// <summary>ssd_department and ssd_professionals.</summary>
    public SsdTables Directory()
    {
        var tables = new SsdTables();
        tables.Add("ssd_department", ("dept_team_id", RootTeam), ("dept_team_name", "Children's Services (Synthetic Borough)"));
        for (var a = 0; a < Areas.Length; a++)
        {
            for (var n = 0; n < TeamsPerArea; n++)
            {
                var team = a * TeamsPerArea + n;
                tables.Add("ssd_department", ("dept_team_id", TeamId(team)),
                    ("dept_team_name", AreaNames[a] + " " + (n + 1).ToString(CultureInfo.InvariantCulture)),
                    ("dept_team_parent_id", RootTeam));
            }
        }

        for (var a = 0; a < Areas.Length; a++)
        {
            for (var n = 0; n < TeamsPerArea; n++)
            {
                var team = a * TeamsPerArea + n;
                for (var slot = 0; slot < PerTeam; slot++)
                {
                    var number = team * PerTeam + slot;
                    var name = Forenames[number % Forenames.Length] + " " + Surnames[number / Forenames.Length % Surnames.Length];
                    var title = slot == 0 ? "Team Manager" : slot == 1 && a != (int)Area.Reviewing ? "Senior Practitioner" : PractitionerTitles[a];
                    tables.Add("ssd_professionals", ("prof_professional_id", WorkerId(team, slot)),
                        ("prof_professional_name", name), ("prof_professional_job_title", title),
                        ("prof_professional_department", TeamId(team)));
                }
            }
        }

        return tables;
    }
}

using CaseCompliance.Adapters.Standard;
using CaseCompliance.Adapters.Tables;

namespace CaseCompliance.Generation;

/// <summary>
/// A folder in the <c>standard</c> layout (like samples/standard) as sink input: the shared directory tables
/// (<c>ssd_department</c>, <c>ssd_professionals</c>) and one <see cref="SsdTables"/> per child, in <c>ssd_person</c>
/// order (then any other person named, in order of appearance). Rows of tables without a person column go to the
/// child of the record they name: contact decisions to the contact, review points to the assessment, visit details
/// to the visit (or Early Help contact, other visit, management record), visit frequencies to the plan, placement
/// details to the placement, looked after reviews to the period of care, audit actions to the audit. For small
/// folders (tests, conversions): the whole folder is held in memory. Missing files are empty tables; columns not in
/// the layout are ignored.
/// </summary>
public sealed class StandardFolder
{
    /// <summary>Tables of the directory (not about one child).</summary>
    public static readonly IReadOnlySet<string> DirectoryTables = new HashSet<string>(StringComparer.Ordinal) { "ssd_department", "ssd_professionals" };

    /// <summary>Each table without a person column: its key column and the (table, id column, person column) it names.</summary>
    private static readonly Dictionary<string, (string Key, (string Table, string Id, string Person)[] Owners)> Linked = new(StringComparer.Ordinal)
    {
        ["cc_contact_decisions"] = ("cdec_contact_id", [("ssd_contacts", "cont_contact_id", "cont_person_id")]),
        ["cc_assessment_review_points"] = ("arp_assessment_id", [("ssd_cin_assessments", "cina_assessment_id", "cina_person_id")]),
        ["cc_visit_details"] = ("vdet_visit_id",
        [
            ("ssd_cp_visits", "cppv_cp_visit_id", "cppv_person_id"),
            ("ssd_cla_visits", "clav_cla_visit_id", "clav_person_id"),
            ("ssd_cin_visits", "cinv_cin_visit_id", "cinv_person_id"),
            ("cc_eh_contacts", "ehco_id", "ehco_person_id"),
            ("cc_visits", "visi_id", "visi_person_id"),
            ("cc_management_records", "mgmt_id", "mgmt_person_id"),
        ]),
        ["cc_plan_visit_frequency"] = ("pvf_plan_id",
            [("ssd_cp_plans", "cppl_cp_plan_id", "cppl_person_id"), ("ssd_cin_plans", "cinp_cin_plan_id", "cinp_person_id")]),
        ["cc_placement_details"] = ("pdet_placement_id", [("ssd_cla_placement", "clap_cla_placement_id", "clap_person_id")]),
        ["ssd_cla_reviews"] = ("clar_cla_id", [("ssd_cla_episodes", "clae_cla_id", "clae_person_id")]),
        ["cc_audit_actions"] = ("act_audit_id", [("cc_audits", "aud_id", "aud_person_id")]),
    };

    /// <summary>A table's declared columns, then its optional ones (read where the folder has them).</summary>
    private static string[] All(CaseCompliance.Adapters.TableLayout table) => [.. table.Columns, .. table.OptionalColumns];

    private StandardFolder(SsdTables directory, IReadOnlyList<SsdTables> children)
    {
        Directory = directory;
        Children = children;
    }

    public SsdTables Directory { get; }

    public IReadOnlyList<SsdTables> Children { get; }

    /// <summary>Reads the folder. Throws <see cref="InvalidDataException"/> for a row of a table without a person column
    /// that names no record of a child, and for a row the CSV reader could not split.</summary>
    public static StandardFolder Read(string folder)
    {
        var source = new CsvFolderSource(folder);
        var directory = new SsdTables();
        var children = new Dictionary<string, SsdTables>(StringComparer.Ordinal);
        var order = new List<SsdTables>();
        var rows = new Dictionary<string, List<string?[]>>(StringComparer.Ordinal);

        SsdTables Child(string person)
        {
            if (!children.TryGetValue(person, out var child))
            {
                children[person] = child = new SsdTables { PersonId = person };
                order.Add(child);
            }

            return child;
        }

        foreach (var table in StandardLayout.Tables)
        {
            rows[table.Name] = source.Exists(table.Name) ? [.. source.Read(table.Name).Select(r => Values(All(table), r))] : [];
        }

        // People first, so that children come in ssd_person order.
        foreach (var values in rows["ssd_person"])
        {
            Child(values[0] ?? "");
        }

        foreach (var table in StandardLayout.Tables)
        {
            if (DirectoryTables.Contains(table.Name))
            {
                foreach (var values in rows[table.Name])
                {
                    directory.Add(table.Name, Pairs(All(table), values));
                }

                continue;
            }

            var person = Array.FindIndex(All(table), c => c.EndsWith("_person_id", StringComparison.Ordinal));
            if (person < 0)
            {
                continue;
            }

            foreach (var values in rows[table.Name])
            {
                Child(values[person] ?? "").Add(table.Name, Pairs(All(table), values));
            }
        }

        foreach (var table in StandardLayout.Tables)
        {
            if (!Linked.TryGetValue(table.Name, out var link))
            {
                continue;
            }

            var owners = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (ownerTable, idColumn, personColumn) in link.Owners)
            {
                var columns = All(StandardLayout.Tables.Single(t => t.Name == ownerTable));
                var (id, p) = (Array.IndexOf(columns, idColumn), Array.IndexOf(columns, personColumn));
                foreach (var values in rows[ownerTable])
                {
                    owners.TryAdd(values[id] ?? "", values[p] ?? "");
                }
            }

            var key = Array.IndexOf(All(table), link.Key);
            foreach (var values in rows[table.Name])
            {
                var named = values[key] ?? "";
                var owner = owners.TryGetValue(named, out var o)
                    ? o
                    : throw new InvalidDataException($"{table.Name}: {link.Key} {named} names no record of {string.Join(" or ", link.Owners.Select(x => x.Table))}.");
                Child(owner).Add(table.Name, Pairs(All(table), values));
            }
        }

        return new StandardFolder(directory, order);
    }

    /// <summary>Gives the directory, then every child, to the sink.</summary>
    public void WriteTo(IExtractSink sink)
    {
        sink.Directory(Directory);
        foreach (var child in Children)
        {
            sink.Child(child);
        }
    }

    /// <summary>A row's values in layout column order (null for an empty or missing column).</summary>
    private static string?[] Values(string[] columns, TableRow row)
    {
        // A row the reader could not split has no values: converting it would write a row of nulls.
        if (row.Problem is { } problem)
        {
            throw new InvalidDataException($"{row.File} line {row.Line}: {problem}");
        }

        var values = new string?[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var v = row[columns[i]];
            values[i] = string.IsNullOrEmpty(v) ? null : v;
        }

        return values;
    }

    private static (string Column, string? Value)[] Pairs(string[] columns, string?[] values)
    {
        var pairs = new (string Column, string? Value)[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            pairs[i] = (columns[i], values[i]);
        }

        return pairs;
    }
}

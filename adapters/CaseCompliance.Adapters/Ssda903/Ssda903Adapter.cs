using System.Globalization;
using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Domain;
using NodaTime;
using NodaTime.Text;

using E = CaseCompliance.Adapters.Ssda903.Ssda903Layout.Episodes;
using H = CaseCompliance.Adapters.Ssda903.Ssda903Layout.Header;
using M = CaseCompliance.Adapters.Ssda903.Ssda903Layout.Missing;
using R = CaseCompliance.Adapters.Ssda903.Ssda903Layout.Reviews;
using W = CaseCompliance.Adapters.Ssda903.Ssda903Layout.SwEpisodes;

namespace CaseCompliance.Adapters.Ssda903;

/// <summary>
/// The SSDA903 return (children looked after): a folder of the return's CSV files or its XML file, read through the
/// same tables and columns (docs/sources/ssda903.md). The return has no record ids: periods of care, placements,
/// reviews, missing episodes and social worker episodes get ids made of the child and a date
/// (<c>C123/period/2024-05-01</c>, <c>C123/episode/…</c>, <c>C123/placement/…</c>, <c>C123/review/…</c>). Periods of care are built from the episodes (an <c>RNE</c> of <c>S</c> starts
/// one, a <c>REC</c> other than <c>X1</c> ends it; care whose <c>S</c> episode is before the return starts at its
/// first episode in the return). Returns are often inconsistent: every row or field that cannot be used is a
/// rejected.csv row, and the rest of the child is read where it still makes sense.
/// </summary>
/// <remarks>
/// A return holds every episode open during its collection year but only the reviews held during it: a period that
/// began before the date the reviews are recorded from (<c>Sources:&lt;name&gt;:ReviewsFrom</c>, else the 1 April on
/// or before the earliest review in the file) carries that date as <see cref="PeriodOfCare.ReviewsRecordedFrom"/>, so
/// that lac-review judges it only from what the return can show (ADR 013). Codes are read case-insensitively and
/// stored upper-case; the text <c>NULL</c> (<c>Codes:Placeholders</c>) reads as empty.
/// </remarks>
public sealed class Ssda903Adapter : ISourceAdapter
{
    public const string KindName = "ssda903";

    /// <summary>The earliest date the adapter believes in a children looked after return; anything before is rejected.</summary>
    public static readonly LocalDate Earliest = new(1950, 1, 1);

    public string Kind => KindName;

    public IReadOnlyList<TableLayout> Layout(SourceOptions options) => Ssda903Layout.Tables;

    /// <summary>The shipped code lists (DfE SSDA903 guide).</summary>
    public static readonly IReadOnlyDictionary<string, string> Codes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["PlacementTypes"] = SsdaCodes.PlacementTypes,
        ["LegalStatuses"] = SsdaCodes.LegalStatuses,
        ["CeasedReasons"] = Ssda903Layout.CeasedReasons,
        ["NeedCodes"] = Ssda903Layout.NeedCodes,
        ["ReviewCodes"] = Ssda903Layout.ReviewCodes,

        // What a SQL tool writes for a null (SSMS: NULL): such a field reads as empty. No placeholder dates by default.
        ["Placeholders"] = "NULL",
        ["PlaceholderDates"] = "",
    };

    /// <summary><c>Sources:&lt;name&gt;:ReviewsFrom</c>, if set: a <c>yyyy-MM-dd</c> date, else the source fails.</summary>
    public static LocalDate? ReviewsFromOf(string name, SourceOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ReviewsFrom))
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(options.ReviewsFrom.Trim());
        return parsed.Success
            ? parsed.Value
            : throw new SourceFailedException($"Sources:{name}:ReviewsFrom: '{options.ReviewsFrom}' is not a date (yyyy-MM-dd).");
    }

    /// <summary>The 1 April on or before <paramref name="date"/>: the start of its collection year.</summary>
    public static LocalDate CollectionYearStart(LocalDate date) =>
        new(date.Month >= 4 ? date.Year : date.Year - 1, 4, 1);

    public IReadOnlyDictionary<string, string> DefaultCodes => Codes;

    public SourceExtract Read(string name, ITableSource tables, SourceOptions options, RejectionLog rejections,
        CancellationToken cancellationToken = default) =>
        new Reader(name, tables, options, rejections, cancellationToken).Read();

    /// <summary>The id of a record of a child made from a date: <c>C123/period/2024-05-01</c>.</summary>
    public static string Id(string child, string what, LocalDate date) =>
        $"{child}/{what}/{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static string Dmy(LocalDate date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>One usable row of episodes.csv, kept until the child's periods of care are built.</summary>
    private sealed class Episode
    {
        public required string File { get; init; }
        public required string Line { get; init; }
        public required string Id { get; init; }
        public required LocalDate Decom { get; init; }
        public LocalDate? Dec { get; init; }

        /// <summary>A known RNE code; null when it was missing or unknown (read as a continuation).</summary>
        public string? Rne { get; init; }
        public string? RneText { get; init; }
        public string? Ls { get; init; }
        public string? Place { get; init; }
        public string? Cin { get; init; }

        /// <summary>A known REC code; null when missing or unknown.</summary>
        public string? Rec { get; init; }

        /// <summary>Its end: DEC, else the next episode's start when one follows (an open row a later row contradicts).</summary>
        public LocalDate? End { get; set; }
        public string? Period { get; set; }
    }

    private sealed class Reader(string name, ITableSource tables, SourceOptions options, RejectionLog log, CancellationToken ct)
        : TableReader(name, tables, options, log, Ssda903Layout.Tables, ct, Placeholders.Of(options, Codes))
    {
        private readonly LocalDate? _reviewsFrom = ReviewsFromOf(name, options);
        private readonly ColumnMap _columns = new(options.Columns);
        private readonly string _source = name;
        private readonly RejectionLog _log = log;
        private readonly Dictionary<string, List<Episode>> _episodes = new(StringComparer.Ordinal);

        // The periods of care whose start is not in the return (its first episode there does not start care).
        private readonly HashSet<string> _unknownStart = new(StringComparer.Ordinal);

        // The earliest plausible REVIEW date in the file.
        private LocalDate? _earliestReview;

        public SourceExtract Read()
        {
            CheckLayout();
            ReadHeader();
            ReadEpisodes();
            foreach (var (child, episodes) in _episodes)
            {
                BuildCare(Cases[child], episodes);
            }

            ReadReviews();
            ReviewsRecordedFrom();
            ReadMissing();
            ReadSocialWorkers();
            return Extract(KindName, CaseDirectory.Empty);
        }

        private void ReadHeader()
        {
            var sexes = Ssda903Layout.SexCodes.Split(',');
            Each(H.Table, r =>
            {
                var id = r.Id(H.Child);
                if (id is null)
                {
                    return;
                }

                r.RecordId = id;
                if (Cases.ContainsKey(id))
                {
                    r.Reject(H.Child, $"CHILD {Rejection.Cut(id)} again: the first row is kept and {RowReader.RowUnusable}");
                    return;
                }

                // The 903 codes SEX 1/2; M and F (as other systems write it) are read as 1 and 2.
                var sex = r.Text(H.Sex)?.ToUpperInvariant() switch
                {
                    "M" => "1",
                    "F" => "2",
                    _ => r.Code(H.Sex, sexes),
                };
                var dob = Plausible(r, H.Dob, required: false, dob: null);
                var gender = sex switch
                {
                    "1" => "M",
                    "2" => "F",
                    _ => null,
                };
                // UPN holds the pupil number, or why it is unknown (UN1–UN7).
                var upn = r.Text(H.Upn);
                var unknown = upn is { Length: 3 } && upn.StartsWith("UN", StringComparison.OrdinalIgnoreCase) && upn[2] is >= '1' and <= '7';
                Cases[id] = new CaseBuilder(new Person(id, null, null, gender, r.Text(H.Ethnic), dob, null, unknown ? null : upn,
                    unknown ? upn!.ToUpperInvariant() : null, null));
            });
        }

        private void ReadEpisodes()
        {
            var reasons = Ssda903Layout.EpisodeReasons.Split(',');
            var ceased = Options.CodeList("CeasedReasons", Codes);
            var legal = Options.CodeList("LegalStatuses", Codes);
            var places = Options.CodeList("PlacementTypes", Codes);
            var needs = Options.CodeList("NeedCodes", Codes);
            PersonTable(E.Table, E.Child, null, (r, c, _) =>
            {
                var child = c.Person.Id;
                var decom = Plausible(r, E.Decom, required: true, c.Person.DateOfBirth);
                if (decom is null)
                {
                    return;
                }

                var id = Id(child, "episode", decom.Value);
                r.RecordId = id;
                if (!_episodes.TryGetValue(child, out var list))
                {
                    _episodes[child] = list = [];
                }

                if (list.Any(e => e.Decom == decom))
                {
                    r.Reject(E.Decom, $"a second episode of this child starting on {Dmy(decom.Value)}: the first row is kept and {RowReader.RowUnusable}");
                    return;
                }

                var dec = Plausible(r, E.Dec, required: false, c.Person.DateOfBirth);
                var rneText = r.Text(E.Rne);
                var rne = reasons.FirstOrDefault(x => string.Equals(x, rneText, StringComparison.OrdinalIgnoreCase));
                if (rne is null)
                {
                    r.Reject(E.Rne, (rneText is null ? "missing reason for the new episode (RNE)" : $"unknown code '{Rejection.Cut(rneText)}' (known: {Ssda903Layout.EpisodeReasons.Replace(",", ", ", StringComparison.Ordinal)})")
                        + ": read as continuing the period of care, not as a new start");
                }

                var ls = r.Code(E.Ls, legal);
                if (r.Text(E.Ls) is null)
                {
                    r.Reject(E.Ls, "missing legal status (LS): no legal status is recorded for this episode");
                }

                var place = r.Code(E.Place, places);
                if (r.Text(E.Place) is null)
                {
                    r.Reject(E.Place, "missing placement type (PLACE): the placement is read without a type");
                }

                var cin = r.Code(E.Cin, needs);
                var recText = r.Text(E.Rec);
                var rec = r.Code(E.Rec, ceased);
                if (dec is not null && recText is null)
                {
                    r.Reject(E.Rec, "missing reason the episode ceased (REC) although it has an end date (DEC): the period of care is not read as ended by it");
                }
                else if (dec is null && rec is not null && rec != "X1" && r.Text(E.Dec) is null)
                {
                    r.Reject(E.Rec, $"REC '{rec}' ends the period of care but the episode has no end date (DEC): the period of care is read as still open; the field is ignored");
                    rec = null;
                }

                list.Add(new Episode
                {
                    File = r.Row.File,
                    Line = r.Row.Line,
                    Id = id,
                    Decom = decom.Value,
                    Dec = dec,
                    Rne = rne,
                    RneText = rneText,
                    Ls = ls,
                    Place = place,
                    Cin = cin,
                    Rec = rec,
                });
            });
        }

        /// <summary>
        /// Periods of care, placements and legal statuses of one child from its usable episodes, in DECOM order: an
        /// episode that overlaps the one before is rejected; <c>RNE</c> <c>S</c> starts a period (closing one still open
        /// at the previous episode's end); any other reason continues the open period. With none open, the period
        /// began before this episode: it is a period whose start is not in the return, from this episode's DECOM (its
        /// reviews are judged only from the date they are recorded from, see <see cref="ReviewsRecordedFrom"/>). For the
        /// child's first episode in the return that is normal (care that began before the collection year) and not
        /// rejected; after an earlier period ended it means the episode that began the care is missing, and the RNE is
        /// rejected (the period is still made). A <c>REC</c> other than <c>X1</c> with a <c>DEC</c> ends the period.
        /// </summary>
        private void BuildCare(CaseBuilder c, List<Episode> all)
        {
            var child = c.Person.Id;
            var kept = new List<Episode>();
            PeriodOfCare? open = null;
            foreach (var e in all.OrderBy(x => x.Decom))
            {
                var previous = kept.Count > 0 ? kept[^1] : null;
                if (previous?.Dec is { } ended && e.Decom < ended)
                {
                    Reject(e, E.Decom, $"starts on {Dmy(e.Decom)}, before the previous episode (DECOM {Dmy(previous.Decom)}) ends on {Dmy(ended)}: the episodes overlap and {RowReader.RowUnusable}");
                    continue;
                }

                if (previous is not null && previous.Dec is null)
                {
                    previous.End = e.Decom;
                }

                if (e.Rne == "S")
                {
                    if (open is not null && previous is not null)
                    {
                        var end = previous.End ?? e.Decom;
                        if (previous.Rec == "X1")
                        {
                            Reject(previous, E.Rec, $"REC 'X1' says care continues, but the next episode starts a new period of care (RNE 'S' on {Dmy(e.Decom)}): the period of care is read as ended on {Dmy(end)}; the field is ignored");
                        }

                        c.PeriodsOfCare.Add(open with { End = end });
                    }

                    open = new PeriodOfCare(Id(child, "period", e.Decom), child, null, e.Decom, null);
                }
                else if (open is null)
                {
                    open = new PeriodOfCare(Id(child, "period", e.Decom), child, null, e.Decom, null);
                    _unknownStart.Add(open.Id);
                    if (previous is not null)
                    {
                        Reject(e, E.Rne, $"RNE '{Rejection.Cut(e.RneText) ?? ""}' continues a period of care, but none is open on {Dmy(e.Decom)} (the previous one ended on {Dmy(previous.End ?? previous.Decom)}; the episode that began this care is missing or was rejected): read as a period of care whose start is not in the return, from {Dmy(e.Decom)}; lac-review judges its reviews from then");
                    }
                }

                e.Period = open?.Id;
                e.End = e.Dec;
                kept.Add(e);
                if (e.Dec is not null && e.Rec is { } rec && rec != "X1" && open is not null)
                {
                    c.PeriodsOfCare.Add(open with { End = e.Dec });
                    open = null;
                }
            }

            if (open is not null)
            {
                var last = kept[^1];
                if (last.Dec is { } dec && last.Rec == "X1")
                {
                    Reject(last, E.Rec, $"REC 'X1' says care continues after {Dmy(dec)}, but no later episode follows: the period of care is read as still open");
                }

                c.PeriodsOfCare.Add(open);
            }

            Placements(c, kept);
            LegalStatuses(c, kept);

            if (kept.LastOrDefault(e => e.Cin is not null)?.Cin is { } need)
            {
                c.Person = c.Person with { PrimaryNeed = need };
            }
        }

        /// <summary>A placement per run of episodes in one period where only the legal status changed (RNE <c>L</c>,
        /// same PLACE, no gap): id from the child and the DECOM of its first episode.</summary>
        private static void Placements(CaseBuilder c, List<Episode> kept)
        {
            Placement? current = null;
            Episode? previous = null;
            foreach (var e in kept)
            {
                var continues = current is not null && previous is not null && e.Rne == "L" && e.Period == previous.Period
                    && e.Place == previous.Place && previous.End == e.Decom;
                if (continues)
                {
                    current = current! with { End = e.End };
                }
                else
                {
                    if (current is not null)
                    {
                        c.Placements.Add(current);
                    }

                    current = new Placement(Id(c.Person.Id, "placement", e.Decom), c.Person.Id, e.Period, e.Decom, e.End, e.Place);
                }

                previous = e;
            }

            if (current is not null)
            {
                c.Placements.Add(current);
            }
        }

        /// <summary>A legal status per run of contiguous episodes with the same LS code in one period.</summary>
        private static void LegalStatuses(CaseBuilder c, List<Episode> kept)
        {
            LegalStatus? current = null;
            Episode? previous = null;
            foreach (var e in kept)
            {
                if (current is not null && previous is not null && e.Ls == current.Code && e.Period == previous.Period && previous.End == e.Decom)
                {
                    current = current with { End = e.End };
                }
                else
                {
                    if (current is not null)
                    {
                        c.LegalStatuses.Add(current);
                    }

                    current = e.Ls is { } code ? new LegalStatus(c.Person.Id, code, e.Decom, e.End) : null;
                }

                previous = e;
            }

            if (current is not null)
            {
                c.LegalStatuses.Add(current);
            }
        }

        private void ReadReviews()
        {
            var codes = Options.CodeList("ReviewCodes", Codes);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            PersonTable(R.Table, R.Child, null, (r, c, _) =>
            {
                var child = c.Person.Id;
                var date = Plausible(r, R.Review, required: true, c.Person.DateOfBirth);
                if (date is null)
                {
                    return;
                }

                var id = Id(child, "review", date.Value);
                r.RecordId = id;
                if (_earliestReview is null || date < _earliestReview)
                {
                    _earliestReview = date;
                }

                r.Code(R.ReviewCode, codes);
                var period = c.PeriodsOfCare.FirstOrDefault(p => p.Start <= date && (p.End is null || date <= p.End));
                if (period is null)
                {
                    r.Reject(R.Review, $"review on {Dmy(date.Value)} is outside every period of care of this child in episodes.csv: not counted, {RowReader.RowUnusable}");
                    return;
                }

                if (!seen.Add(id))
                {
                    r.Reject(R.Review, $"a second review of this child on {Dmy(date.Value)}: counted once, {RowReader.RowUnusable}");
                    return;
                }

                c.Meetings.Add(new Meeting(id, child, period.Id, MeetingType.LookedAfterReview, date, false));
            });
        }

        /// <summary>
        /// The date the return holds reviews from (<c>ReviewsFrom</c>, else the 1 April on or before the earliest
        /// review in the file; none when neither is known), put on every period that began before it, and on every
        /// period whose start is not in the return (then the later of that date and the period's first episode).
        /// </summary>
        private void ReviewsRecordedFrom()
        {
            var from = _reviewsFrom ?? (_earliestReview is { } earliest ? CollectionYearStart(earliest) : null);
            foreach (var c in Cases.Values)
            {
                for (var i = 0; i < c.PeriodsOfCare.Count; i++)
                {
                    var p = c.PeriodsOfCare[i];
                    if (_unknownStart.Contains(p.Id))
                    {
                        c.PeriodsOfCare[i] = p with { ReviewsRecordedFrom = from is { } f && f > p.Start ? f : p.Start };
                    }
                    else if (from is { } f && p.Start < f)
                    {
                        c.PeriodsOfCare[i] = p with { ReviewsRecordedFrom = f };
                    }
                }
            }
        }

        private void ReadMissing()
        {
            var kinds = Ssda903Layout.MissingCodes.Split(',');
            var seen = new HashSet<string>(StringComparer.Ordinal);
            PersonTable(M.Table, M.Child, null, (r, c, _) =>
            {
                var child = c.Person.Id;
                var start = Plausible(r, M.Start, required: true, c.Person.DateOfBirth);
                if (start is null)
                {
                    return;
                }

                var id = Id(child, "missing", start.Value);
                r.RecordId = id;
                if (!seen.Add(id))
                {
                    r.Reject(M.Start, $"a second missing episode of this child starting on {Dmy(start.Value)}: the first row is kept and {RowReader.RowUnusable}");
                    return;
                }

                var kind = r.Code(M.Kind, kinds) switch
                {
                    "M" => "missing",
                    "A" => "away",
                    _ => null,
                };
                c.MissingEpisodes.Add(new MissingEpisode(id, child, start.Value, Plausible(r, M.End, required: false, c.Person.DateOfBirth), kind));
            });
        }

        private void ReadSocialWorkers()
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            PersonTable(W.Table, W.Child, null, (r, c, _) =>
            {
                var child = c.Person.Id;
                var worker = r.Id(W.SwId);
                var start = worker is null ? null : Plausible(r, W.SwDecom, required: true, c.Person.DateOfBirth);
                if (worker is null || start is null)
                {
                    return;
                }

                var id = $"{Id(child, "sw", start.Value)}/{worker}";
                r.RecordId = id;
                if (!seen.Add(id))
                {
                    r.Reject(W.SwDecom, $"social worker {Rejection.Cut(worker)} again from {Dmy(start.Value)}: the first row is kept and {RowReader.RowUnusable}");
                    return;
                }

                c.Allocations.Add(new Allocation(id, child, worker, "social worker", null, start.Value,
                    Plausible(r, W.SwDec, required: false, c.Person.DateOfBirth), null));
            });
        }

        /// <summary>
        /// A date of the return that can be believed: one before <see cref="Earliest"/> or before the child's date of
        /// birth is rejected (the row when <paramref name="required"/>, else the field), never used.
        /// </summary>
        private static LocalDate? Plausible(RowReader r, Column column, bool required, LocalDate? dob)
        {
            var date = r.Date(column, required);
            if (date is not { } d)
            {
                return null;
            }

            var why = d < Earliest ? $"before {Dmy(Earliest)}: not a date in a children looked after return"
                : dob is { } born && d < born ? $"before the child's date of birth ({Dmy(born)}, header)"
                : null;
            if (why is null)
            {
                return d;
            }

            r.Reject(column, $"'{Dmy(d)}' is {why}; " + (required ? RowReader.RowUnusable : "the field is ignored"));
            return null;
        }

        /// <summary>A rejection of a row read earlier (an episode found inconsistent once the child's episodes are in order).</summary>
        private void Reject(Episode e, Column column, string problem) =>
            _log.Add(new Rejection(_source, e.File, e.Line, e.Id, _columns.Name(E.Table.Name, column.Name), problem));
    }
}

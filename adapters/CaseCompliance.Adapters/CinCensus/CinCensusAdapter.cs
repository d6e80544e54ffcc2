using System.Collections.Immutable;
using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Domain;
using NodaTime;

using X = CaseCompliance.Adapters.CinCensus.CinCensusLayout;

namespace CaseCompliance.Adapters.CinCensus;

/// <summary>
/// The Children in Need census XML (extracts.md, <c>cin-census</c>; docs/sources/cin-census.md): children, their
/// referrals (<c>CINdetails</c>), social care assessments with their internal review dates, section 47 enquiries with
/// the initial conference, CIN and CP plans, CP review conferences and disabilities. It records no names, addresses,
/// allocations, visits or meetings other than CP reviews: rules needing those report not-applicable.
/// <para>
/// Returns are often inconsistent. Every unusable element is a rejected.csv row naming its element path and field,
/// and the rest of the child is used where it makes sense: a date not in <c>yyyy-MM-dd</c> form, or before 1990 (a
/// placeholder such as 1900-01-01, or decades away from the case), or an end more than 18 years after its start, is a
/// rejected field; an end before its start is
/// read as no end (an authorisation before the assessment start leaves the assessment open, never completed); a
/// review before its plan's start, a conference before its enquiry's start, a conference date with no
/// <c>Section47</c> element, and every element under a Child without a usable <c>LAchildID</c> (missing, or a second
/// Child with the same one) are rejected.
/// </para>
/// </summary>
public sealed class CinCensusAdapter : ISourceAdapter
{
    /// <summary>Dates before this are placeholders or typing errors in a census of children (1900-01-01, 1066-04-13).</summary>
    public static readonly LocalDate Earliest = new(1990, 1, 1);

    /// <summary>An end, conference or review more than this many years after its element's start is a mistyped date:
    /// no episode of a child's social care lasts longer than childhood.</summary>
    public const int MaxSpanYears = 18;

    public string Kind => "cin-census";

    /// <summary>
    /// The census codes are not mapped; the only lists are the placeholders a return's elements may hold for "none":
    /// the text <c>NULL</c> a SQL tool prints for a null (<c>Codes:Placeholders</c>), and no placeholder date
    /// (<c>Codes:PlaceholderDates</c>: a date before 1990 is rejected anyway, naming it).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Codes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Placeholders"] = "NULL",
        ["PlaceholderDates"] = "",
    };

    public IReadOnlyDictionary<string, string> DefaultCodes => Codes;

    public IReadOnlyList<TableLayout> Layout(SourceOptions options) => X.Tables;

    /// <summary>Opens a census file as this adapter's tables (<see cref="SourceCatalog.FileSources"/>).</summary>
    public static ITableSource Open(string file, SourceOptions options) => X.Open(file, options);

    public SourceExtract Read(string name, ITableSource tables, SourceOptions options, RejectionLog rejections,
        CancellationToken cancellationToken = default) =>
        new Reader(name, tables, options, rejections, cancellationToken).Read();

    private sealed class Reader(string name, ITableSource tables, SourceOptions options, RejectionLog log, CancellationToken ct)
        : TableReader(name, tables, options, log, X.Tables, ct, Placeholders.Of(options, Codes))
    {
        private const string Ignored = "; the field is ignored";

        private readonly Dictionary<string, CaseBuilder> _byPath = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _firstPath = new(StringComparer.Ordinal);
        private readonly HashSet<string> _referralsWithEnquiry = new(StringComparer.Ordinal);
        private readonly HashSet<string> _cpPlans = new(StringComparer.Ordinal);
        private bool _reviewPointsRecorded;

        public SourceExtract Read()
        {
            CheckLayout();
            Each(X.ChildTable.Table, ReadChild);
            Under(X.Disability.Table, (r, c, _) =>
            {
                if (r.Text(X.Disability.Code) is { } code)
                {
                    c.Disabilities.Add(code);
                }
                else
                {
                    r.Reject(X.Disability.Code, $"empty Disability element: {RowReader.RowUnusable}");
                }
            });

            // Enquiries first: a referral's own conference date is checked against them.
            Under(X.Section47.Table, ReadSection47);
            Under(X.CinDetails.Table, (r, c, id) =>
            {
                var date = Date(r, X.CinDetails.ReferralDate, required: true);
                var close = Within(r, date, X.CinDetails.ClosureDate);
                var nfa = r.Flag(X.CinDetails.ReferralNfa);
                if (Date(r, X.CinDetails.IcpcDate) is not null && !_referralsWithEnquiry.Contains(id))
                {
                    r.Reject(X.CinDetails.IcpcDate,
                        "an initial conference date with no Section47 element in this CINdetails: it belongs to no enquiry" + Ignored);
                }

                if (date is { } referred)
                {
                    c.Referrals.Add(new Referral(Local(c, id)!, c.Person.Id, referred, close, r.Text(X.CinDetails.PrimaryNeedCode), nfa, null, null));
                }
            });
            Under(X.Assessments.Table, (r, c, id) =>
            {
                _reviewPointsRecorded |= r.Text(X.Assessments.InternalReviewDate) is not null;

                // No start is a missing-data finding, not a dropped assessment: the assessment is kept.
                var start = Date(r, X.Assessments.StartDate);
                var review = Date(r, X.Assessments.InternalReviewDate);
                var authorised = Within(r, start, X.Assessments.AuthorisationDate);
                if (review is { } point && start is { } started && point < started)
                {
                    r.Reject(X.Assessments.InternalReviewDate, Before(point, "the assessment's start", started) + Ignored);
                    review = null;
                }

                c.Assessments.Add(new Assessment(Local(c, id)!, c.Person.Id, Local(c, r.Text(X.Assessments.ReferralId)), AssessmentKind.SocialCare, start,
                    authorised, null));
                if (review is { } held)
                {
                    c.ReviewPoints.Add(new AssessmentReviewPoint(Local(c, id)!, held));
                }
            });
            Under(X.CinPlanDates.Table, (r, c, id) =>
            {
                if (Date(r, X.CinPlanDates.StartDate, required: true) is { } start)
                {
                    c.Plans.Add(new Plan(Local(c, id)!, c.Person.Id, Local(c, r.Text(X.CinPlanDates.ReferralId)), PlanKind.ChildInNeed, start,
                        Within(r, start, X.CinPlanDates.EndDate), null));
                }
            });
            Under(X.ChildProtectionPlans.Table, (r, c, id) =>
            {
                if (Date(r, X.ChildProtectionPlans.StartDate, required: true) is { } start)
                {
                    c.Plans.Add(new Plan(Local(c, id)!, c.Person.Id, Local(c, r.Text(X.ChildProtectionPlans.ReferralId)), PlanKind.ChildProtection, start,
                        Within(r, start, X.ChildProtectionPlans.EndDate), null));
                    _cpPlans.Add(id);
                }
            });
            Under(X.CpReviews.Table, (r, c, id) =>
            {
                var plan = r.Text(X.CpReviews.PlanId);
                if (plan is null || !_cpPlans.Contains(plan))
                {
                    r.Reject(X.CpReviews.PlanId, $"no usable child protection plan {Rejection.Cut(plan)} of this child: {RowReader.RowUnusable}");
                    return;
                }

                if (Date(r, X.CpReviews.ReviewDate, required: true) is not { } date)
                {
                    return;
                }

                if (r.Text(X.CpReviews.PlanStartDate) is { } text && FieldParser.TryParseDate(text, out var planStart))
                {
                    if (date < planStart)
                    {
                        r.Reject(X.CpReviews.ReviewDate, $"{Before(date, "the plan's start", planStart)}: {RowReader.RowUnusable}");
                        return;
                    }

                    if (date > planStart.PlusYears(MaxSpanYears))
                    {
                        r.Reject(X.CpReviews.ReviewDate, $"{TooLate(date, "the plan's start", planStart)}: {RowReader.RowUnusable}");
                        return;
                    }
                }

                c.Meetings.Add(new Meeting(Local(c, id)!, c.Person.Id, Local(c, plan), MeetingType.ChildProtectionReview, date, false));
            });

            return Extract("cin-census", CaseDirectory.Empty);
        }

        /// <summary>Review points are recorded when the return holds any <c>AssessmentInternalReviewDate</c> (returns
        /// from 2024-25 on usually hold none: then <c>assessment-review-point</c> is not applicable, not overdue).</summary>
        protected override ImmutableHashSet<Dataset> Recorded() =>
            _reviewPointsRecorded ? base.Recorded().Add(Dataset.AssessmentReviewPoints) : base.Recorded();

        private void ReadChild(RowReader r)
        {
            var path = r.Text(X.ChildTable.Id)!;
            r.RecordId = path;
            if (r.Id(X.ChildTable.LaChildId) is not { } id)
            {
                return;
            }

            r.RecordId = id;
            if (_firstPath.TryGetValue(id, out var first))
            {
                r.Reject(X.ChildTable.LaChildId,
                    $"LAchildID {Rejection.Cut(id)} again (first in {first}): the first Child is kept and {RowReader.RowUnusable}");
                return;
            }

            var person = new Person(id, null, null, r.Text(X.ChildTable.Sex) ?? r.Text(X.ChildTable.GenderCurrent),
                r.Text(X.ChildTable.Ethnicity), Date(r, X.ChildTable.BirthDate), Date(r, X.ChildTable.ExpectedBirthDate),
                r.Text(X.ChildTable.Upn), r.Text(X.ChildTable.UpnUnknown), Date(r, X.ChildTable.DeathDate));
            var builder = new CaseBuilder(person);
            _firstPath[id] = path;
            Cases[id] = builder;
            _byPath[path] = builder;
        }

        private void ReadSection47(RowReader r, CaseBuilder c, string id)
        {
            var referral = r.Text(X.Section47.ReferralId);
            if (referral is not null)
            {
                _referralsWithEnquiry.Add(referral);
            }

            var start = Date(r, X.Section47.StartDate, required: true);
            var target = Within(r, start, X.Section47.IcpcTarget);
            var icpc = Within(r, start, X.Section47.IcpcDate);
            var notRequired = r.Flag(X.Section47.IcpcNotRequired);
            if (start is not { } started)
            {
                return;
            }

            if (target is { } t && t < started)
            {
                r.Reject(X.Section47.IcpcTarget, Before(t, "the enquiry's start", started) + Ignored);
                target = null;
            }

            // A conference before the enquiry began would make it look held on time: it is not used.
            if (icpc is { } held && held < started)
            {
                r.Reject(X.Section47.IcpcDate, Before(held, "the enquiry's start", started) + Ignored);
                icpc = null;
            }

            // Any conference text contradicts "not required", even one rejected above: the flag is then not believed,
            // so that a garbled conference date never turns an enquiry awaiting its conference into one that needed none.
            if (notRequired == true && r.Text(X.Section47.IcpcDate) is not null)
            {
                r.Reject(X.Section47.IcpcNotRequired, icpc is not null
                    ? "true, but a conference date is recorded: the conference is used" + Ignored
                    : "true, but a conference date is recorded (rejected): the enquiry is read as awaiting its conference" + Ignored);
                notRequired = null;
            }

            // The census has no end date for an enquiry: one whose conference was not required ended without one
            // (dated at its start, the only date it has); one with a conference ended at it.
            LocalDate? end = icpc ?? (notRequired == true ? started : null);
            var enquiry = Local(c, id)!;
            c.S47Enquiries.Add(new S47Enquiry(enquiry, c.Person.Id, Local(c, referral), started, end) { IcpcTarget = target });
            if (icpc is { } date)
            {
                c.Conferences.Add(new InitialConference(enquiry + "/DateOfInitialCPC", c.Person.Id, enquiry, null, Local(c, referral), false, date));
            }
        }

        /// <summary>
        /// A record's id in the canonical record: its element path with the <c>Child[n]</c> step replaced by the
        /// child's <c>LAchildID</c> (<c>C123/CINdetails[2]/Assessments[1]</c>), so that it does not change when a later
        /// return lists the children in another order. rejected.csv keeps the whole path.
        /// </summary>
        private static string? Local(CaseBuilder c, string? path) =>
            path is null ? null : path.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 ? c.Person.Id + path[slash..] : c.Person.Id;

        /// <summary>Rows of a table under a Child: rows under a Child that could not be used are rejected, naming it.</summary>
        private void Under(TableDef table, Action<RowReader, CaseBuilder, string> read) =>
            KeyedTable(table.Name, "child", "id", path => _byPath.GetValueOrDefault(path),
                path => $"the Child {path} could not be used (see its own rejection): {RowReader.RowUnusable}",
                (r, c, id) => read(r, c, id!));

        /// <summary>A census date: <c>yyyy-MM-dd</c> only, not before <see cref="Earliest"/>; anything else is rejected.</summary>
        private static LocalDate? Date(RowReader r, Column column, bool required = false)
        {
            var text = r.Text(column);
            var outcome = required ? $": {RowReader.RowUnusable}" : Ignored;
            if (text is null)
            {
                if (required)
                {
                    // XML names are case-sensitive: a CINReferralDate is not the CINreferralDate the census defines.
                    r.Reject(column, $"missing date: no {Element(r.Column(column))} element, or it is empty (element names are case-sensitive): {RowReader.RowUnusable}");
                }

                return null;
            }

            if (!InCensusForm(text) || !CensusDate.Parse(text).TryGetValue(default, out var date))
            {
                r.Reject(column, $"'{Quote(text)}' is not a date in the census form yyyy-MM-dd" + outcome);
                return null;
            }

            if (date < Earliest)
            {
                r.Reject(column, $"'{text}' is before {IsoDate.Format(Earliest)}: not a plausible date (a placeholder or a typing error)" + outcome);
                return null;
            }

            return date;
        }

        /// <summary>
        /// A date that must fall within <see cref="MaxSpanYears"/> of the element's start: one decades after it (a
        /// mistyped year) is rejected and read as blank, so that an end never closes an episode on a made-up date.
        /// </summary>
        private static LocalDate? Within(RowReader r, LocalDate? start, Column column)
        {
            var date = Date(r, column);
            if (date is { } d && start is { } s && d > s.PlusYears(MaxSpanYears))
            {
                r.Reject(column, TooLate(d, "the start", s) + Ignored);
                return null;
            }

            return date;
        }

        private static string TooLate(LocalDate date, string what, LocalDate other) =>
            $"'{IsoDate.Format(date)}' is more than {MaxSpanYears.ToString(System.Globalization.CultureInfo.InvariantCulture)} years after {what} ({IsoDate.Format(other)}): dates decades apart are not plausible";

        private static string Before(LocalDate date, string what, LocalDate other) =>
            $"'{IsoDate.Format(date)}' is before {what} ({IsoDate.Format(other)})";

        private static readonly NodaTime.Text.LocalDatePattern CensusDate = NodaTime.Text.LocalDatePattern.Iso;

        /// <summary><c>dddd-dd-dd</c>: the form, whether or not it is a calendar date (2024-13-45 is in it, and no date).</summary>
        private static bool InCensusForm(string text)
        {
            if (text.Length != 10 || text[4] != '-' || text[7] != '-')
            {
                return false;
            }

            for (var i = 0; i < text.Length; i++)
            {
                if (i is not (4 or 7) && !char.IsAsciiDigit(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The element a column's path ends at (<c>CINdetails/CINreferralDate</c> → <c>CINreferralDate</c>).</summary>
        private static string Element(string path) => path[(path.LastIndexOf('/') + 1)..];

        private static string Quote(string text) => text.Length <= 24 ? text : text[..24] + "…";
    }
}

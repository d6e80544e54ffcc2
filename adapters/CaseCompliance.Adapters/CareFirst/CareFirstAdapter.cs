using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Domain;
using NodaTime;

namespace CaseCompliance.Adapters.CareFirst;

/// <summary>
/// OLM CareFirst: one CSV per CareFirst record in the layout of docs/sources/carefirst.md (OLM publishes no warehouse
/// schema, so that document is the contract). Person key <c>CLIENT_NO</c>. Every table's file name, every column name
/// and every code list can be changed in configuration; the tables named in CareFirst auditor guidance are required
/// (unless listed in <c>OptionalTables</c>), the rest optional.
/// </summary>
public sealed class CareFirstAdapter : ISourceAdapter
{
    public string Kind => "carefirst";

    public IReadOnlyList<TableLayout> Layout(SourceOptions options) => CareFirstLayout.Tables;

    /// <summary>Visit, meeting, conference, decision record, document, assessment and role codes; SSDA903 PLACE and LS.</summary>
    public static IReadOnlyDictionary<string, string> Codes => CareFirstLayout.DefaultCodes;

    public IReadOnlyDictionary<string, string> DefaultCodes => Codes;

    public Streaming.StreamLayout Streaming => CareFirstLayout.Stream;

    public SourceExtract Read(string name, ITableSource tables, SourceOptions options, RejectionLog rejections,
        CancellationToken cancellationToken = default) =>
        new Reader(name, tables, options, rejections, cancellationToken).Read();

    private sealed class Reader(string name, ITableSource tables, SourceOptions options, RejectionLog log, CancellationToken ct)
        : TableReader(name, tables, options, log, CareFirstLayout.Tables, ct)
    {
        private readonly List<Worker> _workers = [];
        private readonly List<Team> _teams = [];

        // Whether each contact's received date carried a time (a contact decision needs both for "24 hours").
        private readonly Dictionary<string, bool> _contactHasTime = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _auditPerson = new(StringComparer.Ordinal);

        public SourceExtract Read()
        {
            // Configuration errors in the code lists fail the source before anything is read.
            var roles = Classifier(CareFirstLayout.WorkerRoles);
            var outcomes = Classifier(CareFirstLayout.ReferralOutcomes);
            var assessmentTypes = Classifier(CareFirstLayout.AssessmentTypes);
            var visitTypes = Classifier(CareFirstLayout.VisitTypes);
            var meetingTypes = Classifier(CareFirstLayout.MeetingTypes);
            var tafTypes = Classifier(CareFirstLayout.TafMeetingTypes);
            var conferenceTypes = Classifier(CareFirstLayout.ConferenceTypes);
            var decisionTypes = Classifier(CareFirstLayout.DecisionTypes);
            var documentTypes = Classifier(CareFirstLayout.DocumentTypes);
            var bases = Classifier(CareFirstLayout.FrequencyBases);
            var needs = Options.CodeList("PrimaryNeedCodes", CareFirstAdapter.Codes);
            var noDisability = Options.CodeList("NoDisabilityCodes", CareFirstAdapter.Codes);
            var placementTypes = Options.CodeList("PlacementTypes", CareFirstAdapter.Codes);
            var legalStatuses = Options.CodeList("LegalStatuses", CareFirstAdapter.Codes);

            CheckLayout();
            ReadKeyInformation(needs);
            Each("TEAMS", r =>
            {
                if (r.Id("TEAM_NO") is { } id)
                {
                    _teams.Add(new Team(id, r.Text("TEAM_NAME"), r.Text("PARENT_TEAM_NO")));
                }
            });
            Each("WORKERS", r =>
            {
                if (r.Id("WORKER_NO") is { } id)
                {
                    _workers.Add(new Worker(id, r.Text("WORKER_NAME"), r.Text("JOB_TITLE"), r.Text("TEAM_NO")));
                }
            });
            ClientTable("CLIENT_ADDRESSES", null, (r, c, _) =>
                c.Addresses.Add(new Address(r.Text("ADDRESS"), r.Text("POSTCODE"), r.Date("START_DATE"), r.Date("END_DATE"))));
            ClientTable("CLIENT_DISABILITIES", null, (r, c, _) =>
            {
                if (r.Text("DISABILITY_CODE") is { } code)
                {
                    // CaseBuilder reads "NONE" as "recorded: no disability".
                    c.Disabilities.Add(noDisability.Contains(code, StringComparer.OrdinalIgnoreCase) ? "NONE" : code);
                }
            });

            ClientTable("ALLOCATIONS", "ALLOCATION_NO", (r, c, id) =>
            {
                if (roles.Skips(r, "WORKER_ROLE"))
                {
                    return;
                }

                var known = roles.TryRead(r, "WORKER_ROLE", out _);
                if (r.Date("START_DATE", required: true) is { } start && known)
                {
                    c.Allocations.Add(new Allocation(id!, c.Person.Id, r.Text("WORKER_NO"), r.Text("WORKER_ROLE"), r.Text("TEAM_NO"),
                        start, r.Date("END_DATE"), r.Text("EPISODE_NO")));
                }
            });
            ClientTable("CONTACTS", "CONTACT_NO", (r, c, id) =>
            {
                if (r.DateTimeWithFlag("CONTACT_DATE", true, out var hasTime) is { } received)
                {
                    c.Contacts.Add(new Contact(id!, c.Person.Id, received.Date) { ReceivedAt = received, HasTimes = hasTime });
                    _contactHasTime[id!] = hasTime;
                }
            });
            ClientTable("EH_EPISODES", "EH_EPISODE_NO", (r, c, id) =>
            {
                if (r.Date("START_DATE", required: true) is { } start)
                {
                    c.EarlyHelpEpisodes.Add(new EarlyHelpEpisode(id!, c.Person.Id, start, r.Date("END_DATE"), r.Text("WORKER_NO")));
                }
            });
            ClientTable("REFERRALS", "REFERRAL_NO", (r, c, id) =>
            {
                var date = r.Date("REFERRAL_DATE", required: true);
                var need = r.Code("PRIMARY_NEED", needs);
                bool? nfa = outcomes.TryRead(r, "REFERRAL_OUTCOME", out var isNfa, required: false) ? isNfa : null;
                if (date is not null)
                {
                    c.Referrals.Add(new Referral(id!, c.Person.Id, date.Value, r.Date("CLOSURE_DATE"), need, nfa, r.Text("TEAM_NO"),
                        r.Text("WORKER_NO")));
                }
            });
            ClientTable("ASSESSMENTS", "ASSESSMENT_NO", (r, c, id) =>
            {
                if (!assessmentTypes.TryRead(r, "ASSESSMENT_TYPE", out var kind))
                {
                    return;
                }

                c.Assessments.Add(new Assessment(id!, c.Person.Id, r.Text("EPISODE_NO"), kind, r.Date("START_DATE"),
                    r.Date("AUTHORISED_DATE"), r.Flag("CHILD_SEEN")));
                if (r.Date("REVIEW_POINT_DATE") is { } point)
                {
                    c.ReviewPoints.Add(new AssessmentReviewPoint(id!, point));
                }
            });
            ClientTable("S47_ENQUIRIES", "S47_NO", (r, c, id) =>
            {
                if (r.Date("STRATEGY_DISCUSSION_DATE", required: true) is { } start)
                {
                    c.S47Enquiries.Add(new S47Enquiry(id!, c.Person.Id, r.Text("REFERRAL_NO"), start, r.Date("END_DATE")));
                }
            });
            ClientTable("CIN_PLANS", "CIN_PLAN_NO", (r, c, id) =>
            {
                var start = r.Date("START_DATE", required: true);
                var frequency = Frequency(r, bases);
                if (start is not null)
                {
                    c.Plans.Add(new Plan(id!, c.Person.Id, r.Text("REFERRAL_NO"), PlanKind.ChildInNeed, start.Value, r.Date("END_DATE"), null)
                    {
                        VisitFrequency = frequency,
                    });
                }
            });
            ClientTable("CP_REGISTRATIONS", "REGISTRATION_NO", (r, c, id) =>
            {
                var start = r.Date("REGISTRATION_DATE", required: true);
                var frequency = Frequency(r, bases);
                if (start is not null)
                {
                    c.Plans.Add(new Plan(id!, c.Person.Id, r.Text("REFERRAL_NO"), PlanKind.ChildProtection, start.Value,
                        r.Date("DEREGISTRATION_DATE"), r.Text("CONFERENCE_NO"))
                    {
                        VisitFrequency = frequency,
                    });
                }
            });
            ClientTable("CP_CONFERENCES", "CONFERENCE_NO", (r, c, id) =>
            {
                if (!conferenceTypes.TryRead(r, "CONFERENCE_TYPE", out var kind))
                {
                    return;
                }

                var date = r.Date("CONFERENCE_DATE");
                if (kind == ConferenceKind.Review)
                {
                    c.Meetings.Add(new Meeting(id!, c.Person.Id, r.Text("REGISTRATION_NO"), MeetingType.ChildProtectionReview, date, false)
                    {
                        RecordedDueDate = r.Date("DUE_DATE"),
                    });
                }
                else
                {
                    c.Conferences.Add(new InitialConference(id!, c.Person.Id, r.Text("S47_NO"), r.Text("REGISTRATION_NO"),
                        r.Text("REFERRAL_NO"), kind == ConferenceKind.TransferIn, date));
                }
            });

            ReadPeriodsOfCare();
            ClientTable("PLACEMENTS", "PLACEMENT_NO", (r, c, id) =>
            {
                var type = r.Code("PLACEMENT_TYPE", placementTypes);
                var start = r.Date("START_DATE", required: true);
                var end = r.Date("END_DATE");
                var details = ReadPlacementDetails(r, "LONG_TERM", "TEMPORARY_APPROVAL", "CARER_APPROVED_DATE",
                    "REDUCED_VISITS_AGREED", "AGREED_VISIT_INTERVAL_DAYS");
                if (start is not null)
                {
                    c.Placements.Add(details(new Placement(id!, c.Person.Id, r.Text("PERIOD_OF_CARE_NO"), start.Value, end, type)));
                }
            });
            ClientTable("LEGAL_STATUSES", null, (r, c, _) =>
            {
                var code = r.Code("LEGAL_STATUS", legalStatuses, required: true);
                var start = r.Date("START_DATE", required: true);
                if (code is not null && start is not null)
                {
                    c.LegalStatuses.Add(new LegalStatus(c.Person.Id, code, start.Value, r.Date("END_DATE")));
                }
            });
            ClientTable("LAC_REVIEWS", "LAC_REVIEW_NO", (r, c, id) =>
            {
                var period = r.Text("PERIOD_OF_CARE_NO");
                if (period is not null && !c.PeriodsOfCare.Any(p => p.Id == period))
                {
                    r.Reject("PERIOD_OF_CARE_NO", $"no period of care {period} for client {c.Person.Id} in LAC_EPISODES: the row cannot be used");
                    return;
                }

                c.Meetings.Add(new Meeting(id!, c.Person.Id, period, MeetingType.LookedAfterReview, r.Date("REVIEW_DATE"),
                    r.Flag("CANCELLED") == true)
                {
                    RecordedDueDate = r.Date("DUE_DATE"),
                });
            });

            ClientTable("VISIT_TO_CHILD", "VISIT_NO", (r, c, id) =>
            {
                if (visitTypes.Skips(r, "VISIT_TYPE"))
                {
                    return;
                }

                var known = visitTypes.TryRead(r, "VISIT_TYPE", out var kind);
                if (known && !EpisodeOfVisit(r, c, kind))
                {
                    return;
                }

                if (r.Date("VISIT_DATE", required: true) is { } date && known)
                {
                    c.Visits.Add(new Visit(id!, c.Person.Id, r.Text("EPISODE_NO"), kind, date, r.Flag("CHILD_SEEN"), r.Flag("SEEN_ALONE"))
                    {
                        NotSeenAloneReason = r.Text("REASON_NOT_SEEN_ALONE"),
                        RecordedDate = r.Date("DATE_RECORDED"),
                    });
                }
            });
            ClientTable("MEETINGS", "MEETING_NO", (r, c, id) =>
            {
                if (meetingTypes.TryRead(r, "MEETING_TYPE", out var type))
                {
                    c.Meetings.Add(new Meeting(id!, c.Person.Id, r.Text("EPISODE_NO"), type, r.Date("MEETING_DATE"), r.Flag("CANCELLED") == true));
                }
            });
            ClientTable("EH_TAF_MEETINGS", "TAF_MEETING_NO", (r, c, id) =>
            {
                if (tafTypes.TryRead(r, "MEETING_TYPE", out var type))
                {
                    c.Meetings.Add(new Meeting(id!, c.Person.Id, r.Text("EH_EPISODE_NO"), type, r.Date("MEETING_DATE"), r.Flag("CANCELLED") == true));
                }
            });

            ReadDecisionRecords(decisionTypes);
            ClientTable("CASE_SUPERVISION", "SUPERVISION_NO", (r, c, id) =>
            {
                if (r.Date("SUPERVISION_DATE", required: true) is { } date)
                {
                    c.ManagementRecords.Add(new ManagementRecord(id!, c.Person.Id, r.Text("EPISODE_NO"), ManagementKind.Supervision, date,
                        r.Text("SUPERVISOR_NO")));
                }
            });
            ClientTable("DOCUMENTS", "DOCUMENT_NO", (r, c, id) =>
            {
                if (documentTypes.Skips(r, "DOCUMENT_TYPE"))
                {
                    return;
                }

                var known = documentTypes.TryRead(r, "DOCUMENT_TYPE", out var kind);
                if (r.Date("DOCUMENT_DATE", required: true) is { } date && known)
                {
                    c.Documents.Add(new Document(id!, c.Person.Id, r.Text("EPISODE_NO"), kind, date));
                }
            });
            ClientTable("PRIVATE_FOSTERING", "ARRANGEMENT_NO", (r, c, id) =>
                c.PrivateFostering.Add(new PrivateFostering(id!, c.Person.Id, r.Date("NOTIFICATION_DATE"), r.Date("START_DATE"),
                    r.Date("END_DATE"))));
            ClientTable("CARE_LEAVERS", null, (r, c, _) =>
                c.CareLeaver = new CareLeaver(c.Person.Id, r.Date("LATEST_CONTACT_DATE"), r.Date("PATHWAY_PLAN_REVIEW_DATE"),
                    r.Text("WORKER_NO")));
            ClientTable("CARE_LEAVER_ACCOMMODATION", null, (r, c, _) =>
            {
                if (r.Date("START_DATE", required: true) is { } start)
                {
                    c.Accommodation.Add(new CareLeaverAccommodation(c.Person.Id, start, r.Date("END_DATE")));
                }
            });
            ClientTable("CASE_AUDITS", "AUDIT_NO", (r, c, id) =>
            {
                if (r.Date("AUDIT_DATE", required: true) is { } date)
                {
                    c.Audits.Add(new Audit(id!, c.Person.Id, r.Text("EPISODE_NO"), date, r.Text("AUDIT_GRADE")));
                    _auditPerson[id!] = c.Person.Id;
                }
            });
            ChildTable("AUDIT_ACTIONS", "AUDIT_NO", _auditPerson, "ACTION_NO", (r, c, id) =>
                c.AuditActions.Add(new AuditAction(id!, r.Text("AUDIT_NO")!, r.Text("DESCRIPTION"), r.Text("OWNER"), r.Date("DUE_DATE"),
                    r.Date("COMPLETED_DATE"))));

            return Extract("carefirst", new CaseDirectory(_workers, _teams));
        }

        private void ReadKeyInformation(IReadOnlyList<string> needs) =>
            Each(CareFirstLayout.KeyInformation.Table.Name, r =>
            {
                var id = r.Id(CareFirstLayout.KeyInformation.ClientNo);
                if (id is null)
                {
                    return;
                }

                r.RecordId = id;
                var person = new Person(id, r.Text("FORENAME"), r.Text("SURNAME"), r.Text("GENDER"), r.Text("ETHNICITY"),
                    r.Date("DATE_OF_BIRTH"), r.Date("EXPECTED_DATE_OF_BIRTH"), r.Text("UPN"), r.Text("UPN_UNKNOWN_REASON"),
                    r.Date("DATE_OF_DEATH"))
                {
                    Telephone = r.Text("TELEPHONE"),
                    EthnicityDetail = r.Text("ETHNICITY_DETAIL"),
                    PrimaryNeed = r.Code("PRIMARY_NEED", needs),
                };
                if (!Cases.TryAdd(id, new CaseBuilder(person)))
                {
                    r.Reject(CareFirstLayout.KeyInformation.ClientNo, $"duplicate client {id}: the first row is used");
                }
            });

        /// <summary>
        /// LAC episodes (one per change of placement or legal status) grouped by <c>PERIOD_OF_CARE_NO</c> into periods of
        /// care: from the date entered care (else the earliest episode start), open while any episode is open.
        /// </summary>
        private void ReadPeriodsOfCare()
        {
            var episodes = new List<(string PersonId, string Period, LocalDate Start, LocalDate? End, bool Open, string? Referral)>();
            ClientTable("LAC_EPISODES", "LAC_EPISODE_NO", (r, c, _) =>
            {
                var start = r.Date("DATE_ENTERED_CARE") ?? r.Date("START_DATE", required: true);
                if (start is null)
                {
                    return;
                }

                var ceased = r.Date("END_DATE");
                episodes.Add((c.Person.Id, r.Text("PERIOD_OF_CARE_NO") ?? r.RecordId!, start.Value, ceased, ceased is null, r.Text("REFERRAL_NO")));
            });
            foreach (var g in episodes.GroupBy(e => (e.PersonId, e.Period)))
            {
                var end = g.Any(e => e.Open) ? null : g.Max(e => e.End);
                Cases[g.Key.PersonId].PeriodsOfCare.Add(new PeriodOfCare(g.Key.Period, g.Key.PersonId,
                    g.Select(e => e.Referral).FirstOrDefault(x => x is not null), g.Min(e => e.Start), end));
            }
        }

        /// <summary>
        /// Decision records: a contact decision names its contact in <c>LINKED_NO</c> and gives the contact its decision
        /// time (the earliest, when there are several); management oversight and audit discussions become management
        /// records of the episode named in <c>LINKED_NO</c> (or of any episode, when it is empty).
        /// </summary>
        private void ReadDecisionRecords(CodeClassifier<DecisionKind> types) =>
            ClientTable("DECISION_RECORDS", "DECISION_NO", (r, c, id) =>
            {
                if (types.Skips(r, "DECISION_TYPE"))
                {
                    return;
                }

                var known = types.TryRead(r, "DECISION_TYPE", out var kind);
                var at = r.DateTimeWithFlag("DECISION_DATE", true, out var hasTime);
                var linked = r.Text("LINKED_NO");
                if (!known)
                {
                    return;
                }

                if (kind != DecisionKind.ContactDecision)
                {
                    if (at is { } date)
                    {
                        c.ManagementRecords.Add(new ManagementRecord(id!, c.Person.Id, linked,
                            kind == DecisionKind.Oversight ? ManagementKind.Oversight : ManagementKind.AuditDiscussion, date.Date, r.Text("WORKER_NO")));
                    }

                    return;
                }

                var i = linked is null ? -1 : c.Contacts.FindIndex(x => x.Id == linked);
                if (i < 0)
                {
                    r.Reject("LINKED_NO", linked is null
                        ? "a contact decision must name its contact: the row cannot be used"
                        : $"no contact {linked} for client {c.Person.Id} in CONTACTS: the row cannot be used");
                    return;
                }

                if (at is not { } decided || (c.Contacts[i].DecisionAt is { } earlier && earlier <= decided))
                {
                    return;
                }

                c.Contacts[i] = c.Contacts[i] with { DecisionAt = decided, HasTimes = _contactHasTime[linked!] && hasTime };
            });

        /// <summary>
        /// A visit's <c>EPISODE_NO</c> names a record of a table that depends on its type (a CP visit a registration, a
        /// looked-after visit a period of care, read before visits): one the child does not have rejects the row, so
        /// that a visit never makes a plan or period of its own. Other types name episodes read later or none.
        /// </summary>
        private static bool EpisodeOfVisit(RowReader r, CaseBuilder c, VisitKind kind)
        {
            if (r.Text("EPISODE_NO") is not { } episode)
            {
                return true;
            }

            var (found, what) = kind switch
            {
                VisitKind.ChildProtection => (c.Plans.Any(p => p.Kind == PlanKind.ChildProtection && p.Id == episode), "child protection registration"),
                VisitKind.LookedAfter => (c.PeriodsOfCare.Any(p => p.Id == episode), "period of care"),
                _ => (true, ""),
            };
            if (!found)
            {
                r.Reject("EPISODE_NO", $"no {what} {Rejection.Cut(episode)} of this child: {RowReader.RowUnusable}");
            }

            return found;
        }

        private static VisitFrequency? Frequency(RowReader r, CodeClassifier<bool> bases)
        {
            var days = r.Int("VISIT_FREQUENCY_DAYS");
            var working = bases.TryRead(r, "VISIT_FREQUENCY_BASIS", out var w, required: false) && w;
            if (days is <= 0)
            {
                r.Reject("VISIT_FREQUENCY_DAYS", "not a positive number of days; the field is ignored");
                return null;
            }

            return days is { } d ? new VisitFrequency(d, working) : null;
        }

        /// <summary>A table of one client's records: rows naming a client not in KEY_INFORMATION are rejected.</summary>
        private void ClientTable(string table, string? idColumn, Action<RowReader, CaseBuilder, string?> read) =>
            KeyedTable(table, CareFirstLayout.KeyInformation.ClientNo, idColumn, client => Cases.GetValueOrDefault(client),
                client => $"client {client} is not in {CareFirstLayout.KeyInformation.Table.Name}: the row cannot be used", read);

        private CodeClassifier<T> Classifier<T>(CodeGroup<T> group) => CodeClassifier<T>.From(group, Options, CareFirstAdapter.Codes);
    }
}

/// <summary>
/// Reads a coded column against the configured lists of a <see cref="CodeGroup{T}"/>: a listed code gives its value,
/// an ignored one skips the row silently, anything else is a rejected field naming the code.
/// </summary>
internal sealed class CodeClassifier<T>
{
    private readonly Dictionary<string, T> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _ignored = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool _ignoreAll;
    private readonly string[] _known;

    private CodeClassifier(CodeGroup<T> group, SourceOptions options, IReadOnlyDictionary<string, string> defaults)
    {
        var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Claim(string code, string key)
        {
            if (owner.TryGetValue(code, out var other) && !string.Equals(other, key, StringComparison.OrdinalIgnoreCase))
            {
                throw new SourceFailedException(
                    $"configuration: code '{code}' of {group.Column} is listed under both Codes:{other} and Codes:{key}; a code can mean one thing only.");
            }

            owner[code] = key;
        }

        foreach (var (key, value) in group.Keys)
        {
            foreach (var code in options.CodeList(key, defaults))
            {
                Claim(code, key);
                _values[code] = value;
            }
        }

        if (group.IgnoredKey is { } ignoredKey)
        {
            foreach (var code in options.CodeList(ignoredKey, defaults))
            {
                if (code == "*")
                {
                    _ignoreAll = true;
                    continue;
                }

                Claim(code, ignoredKey);
                _ignored.Add(code);
            }
        }

        _known = [.. owner.Keys];
    }

    public static CodeClassifier<T> From(CodeGroup<T> group, SourceOptions options, IReadOnlyDictionary<string, string> defaults) =>
        new(group, options, defaults);

    /// <summary>Whether the row's code is one this site ignores: the caller skips the row without a rejection.</summary>
    public bool Skips(RowReader r, string column) =>
        r.Text(column) is { } code && !_values.ContainsKey(code) && (_ignoreAll || _ignored.Contains(code));

    /// <summary>
    /// The value of the row's code. False when the code is ignored (no rejection), unknown or missing (rejected;
    /// a missing one only when <paramref name="required"/>).
    /// </summary>
    public bool TryRead(RowReader r, string column, out T value, bool required = true)
    {
        value = default!;
        var text = r.Text(column);
        if (text is not null && _values.TryGetValue(text, out var v))
        {
            value = v;
            return true;
        }

        if (text is not null && !_values.ContainsKey(text) && (_ignoreAll || _ignored.Contains(text)))
        {
            return false;
        }

        r.Code(column, _known, required);
        return false;
    }
}

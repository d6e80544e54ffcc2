using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Domain;
using NodaTime;

using CF = CaseCompliance.Adapters.CareFirst.CareFirstLayout;

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
            Each(CF.Teams.Table, r =>
            {
                if (r.Id(CF.Teams.TeamNo) is { } id)
                {
                    _teams.Add(new Team(id, r.Text(CF.Teams.TeamName), r.Text(CF.Teams.ParentTeamNo)));
                }
            });
            Each(CF.Workers.Table, r =>
            {
                if (r.Id(CF.Workers.WorkerNo) is { } id)
                {
                    _workers.Add(new Worker(id, r.Text(CF.Workers.WorkerName), r.Text(CF.Workers.JobTitle), r.Text(CF.Workers.TeamNo)));
                }
            });
            ClientTable(CF.ClientAddresses.Table, CF.ClientAddresses.ClientNo, null, (r, c, _) =>
                c.Addresses.Add(new Address(r.Text(CF.ClientAddresses.Address), r.Text(CF.ClientAddresses.Postcode),
                    r.Date(CF.ClientAddresses.StartDate), r.Date(CF.ClientAddresses.EndDate))));
            ClientTable(CF.ClientDisabilities.Table, CF.ClientDisabilities.ClientNo, null, (r, c, _) =>
            {
                if (r.Text(CF.ClientDisabilities.DisabilityCode) is { } code)
                {
                    // CaseBuilder reads "NONE" as "recorded: no disability".
                    c.Disabilities.Add(noDisability.Contains(code, StringComparer.OrdinalIgnoreCase) ? "NONE" : code);
                }
            });

            ClientTable(CF.Allocations.Table, CF.Allocations.ClientNo, CF.Allocations.AllocationNo, (r, c, id) =>
            {
                if (roles.Skips(r, CF.Allocations.WorkerRole))
                {
                    return;
                }

                var known = roles.TryRead(r, CF.Allocations.WorkerRole, out _);
                if (r.Date(CF.Allocations.StartDate, required: true) is { } start && known)
                {
                    c.Allocations.Add(new Allocation(id!, c.Person.Id, r.Text(CF.Allocations.WorkerNo), r.Text(CF.Allocations.WorkerRole),
                        r.Text(CF.Allocations.TeamNo), start, r.Date(CF.Allocations.EndDate), r.Text(CF.Allocations.EpisodeNo)));
                }
            });
            ClientTable(CF.Contacts.Table, CF.Contacts.ClientNo, CF.Contacts.ContactNo, (r, c, id) =>
            {
                if (r.DateTimeWithFlag(CF.Contacts.ContactDate, true, out var hasTime) is { } received)
                {
                    c.Contacts.Add(new Contact(id!, c.Person.Id, received.Date) { ReceivedAt = received, HasTimes = hasTime });
                    _contactHasTime[id!] = hasTime;
                }
            });
            ClientTable(CF.EhEpisodes.Table, CF.EhEpisodes.ClientNo, CF.EhEpisodes.EhEpisodeNo, (r, c, id) =>
            {
                if (r.Date(CF.EhEpisodes.StartDate, required: true) is { } start)
                {
                    c.EarlyHelpEpisodes.Add(new EarlyHelpEpisode(id!, c.Person.Id, start, r.Date(CF.EhEpisodes.EndDate),
                        r.Text(CF.EhEpisodes.WorkerNo)));
                }
            });
            ClientTable(CF.Referrals.Table, CF.Referrals.ClientNo, CF.Referrals.ReferralNo, (r, c, id) =>
            {
                var date = r.Date(CF.Referrals.ReferralDate, required: true);
                var need = r.Code(CF.Referrals.PrimaryNeed, needs);
                bool? nfa = outcomes.TryRead(r, CF.Referrals.ReferralOutcome, out var isNfa, required: false) ? isNfa : null;
                if (date is not null)
                {
                    c.Referrals.Add(new Referral(id!, c.Person.Id, date.Value, r.Date(CF.Referrals.ClosureDate), need, nfa,
                        r.Text(CF.Referrals.TeamNo), r.Text(CF.Referrals.WorkerNo)));
                }
            });
            ClientTable(CF.Assessments.Table, CF.Assessments.ClientNo, CF.Assessments.AssessmentNo, (r, c, id) =>
            {
                if (!assessmentTypes.TryRead(r, CF.Assessments.AssessmentType, out var kind))
                {
                    return;
                }

                c.Assessments.Add(new Assessment(id!, c.Person.Id, r.Text(CF.Assessments.EpisodeNo), kind, r.Date(CF.Assessments.StartDate),
                    r.Date(CF.Assessments.AuthorisedDate), r.Flag(CF.Assessments.ChildSeen)));
                if (r.Date(CF.Assessments.ReviewPointDate) is { } point)
                {
                    c.ReviewPoints.Add(new AssessmentReviewPoint(id!, point));
                }
            });
            ClientTable(CF.S47Enquiries.Table, CF.S47Enquiries.ClientNo, CF.S47Enquiries.S47No, (r, c, id) =>
            {
                if (r.Date(CF.S47Enquiries.StrategyDiscussionDate, required: true) is { } start)
                {
                    c.S47Enquiries.Add(new S47Enquiry(id!, c.Person.Id, r.Text(CF.S47Enquiries.ReferralNo), start,
                        r.Date(CF.S47Enquiries.EndDate)));
                }
            });
            ClientTable(CF.CinPlans.Table, CF.CinPlans.ClientNo, CF.CinPlans.CinPlanNo, (r, c, id) =>
            {
                var start = r.Date(CF.CinPlans.StartDate, required: true);
                var frequency = Frequency(r, bases, CF.CinPlans.VisitFrequencyDays, CF.CinPlans.VisitFrequencyBasis);
                if (start is not null)
                {
                    c.Plans.Add(new Plan(id!, c.Person.Id, r.Text(CF.CinPlans.ReferralNo), PlanKind.ChildInNeed, start.Value,
                        r.Date(CF.CinPlans.EndDate), null)
                    {
                        VisitFrequency = frequency,
                    });
                }
            });
            ClientTable(CF.CpRegistrations.Table, CF.CpRegistrations.ClientNo, CF.CpRegistrations.RegistrationNo, (r, c, id) =>
            {
                var start = r.Date(CF.CpRegistrations.RegistrationDate, required: true);
                var frequency = Frequency(r, bases, CF.CpRegistrations.VisitFrequencyDays, CF.CpRegistrations.VisitFrequencyBasis);
                if (start is not null)
                {
                    c.Plans.Add(new Plan(id!, c.Person.Id, r.Text(CF.CpRegistrations.ReferralNo), PlanKind.ChildProtection, start.Value,
                        r.Date(CF.CpRegistrations.DeregistrationDate), r.Text(CF.CpRegistrations.ConferenceNo))
                    {
                        VisitFrequency = frequency,
                    });
                }
            });
            ClientTable(CF.CpConferences.Table, CF.CpConferences.ClientNo, CF.CpConferences.ConferenceNo, (r, c, id) =>
            {
                if (!conferenceTypes.TryRead(r, CF.CpConferences.ConferenceType, out var kind))
                {
                    return;
                }

                var date = r.Date(CF.CpConferences.ConferenceDate);
                if (kind == ConferenceKind.Review)
                {
                    c.Meetings.Add(new Meeting(id!, c.Person.Id, r.Text(CF.CpConferences.RegistrationNo), MeetingType.ChildProtectionReview,
                        date, false)
                    {
                        RecordedDueDate = r.Date(CF.CpConferences.DueDate),
                    });
                }
                else
                {
                    c.Conferences.Add(new InitialConference(id!, c.Person.Id, r.Text(CF.CpConferences.S47No), r.Text(CF.CpConferences.RegistrationNo),
                        r.Text(CF.CpConferences.ReferralNo), kind == ConferenceKind.TransferIn, date));
                }
            });

            ReadPeriodsOfCare();
            ClientTable(CF.Placements.Table, CF.Placements.ClientNo, CF.Placements.PlacementNo, (r, c, id) =>
            {
                var type = r.Code(CF.Placements.PlacementType, placementTypes);
                var start = r.Date(CF.Placements.StartDate, required: true);
                var end = r.Date(CF.Placements.EndDate);
                var details = ReadPlacementDetails(r, CF.Placements.LongTerm, CF.Placements.TemporaryApproval, CF.Placements.CarerApprovedDate,
                    CF.Placements.ReducedVisitsAgreed, CF.Placements.AgreedVisitIntervalDays);
                if (start is not null)
                {
                    c.Placements.Add(details(new Placement(id!, c.Person.Id, r.Text(CF.Placements.PeriodOfCareNo), start.Value, end, type)));
                }
            });
            ClientTable(CF.LegalStatuses.Table, CF.LegalStatuses.ClientNo, null, (r, c, _) =>
            {
                var code = r.Code(CF.LegalStatuses.LegalStatus, legalStatuses, required: true);
                var start = r.Date(CF.LegalStatuses.StartDate, required: true);
                if (code is not null && start is not null)
                {
                    c.LegalStatuses.Add(new LegalStatus(c.Person.Id, code, start.Value, r.Date(CF.LegalStatuses.EndDate)));
                }
            });
            ClientTable(CF.LacReviews.Table, CF.LacReviews.ClientNo, CF.LacReviews.LacReviewNo, (r, c, id) =>
            {
                var period = r.Text(CF.LacReviews.PeriodOfCareNo);
                if (period is not null && !c.PeriodsOfCare.Any(p => p.Id == period))
                {
                    r.Reject(CF.LacReviews.PeriodOfCareNo,
                        $"no period of care {period} for client {c.Person.Id} in {CF.LacEpisodes.Table.Name}: the row cannot be used");
                    return;
                }

                c.Meetings.Add(new Meeting(id!, c.Person.Id, period, MeetingType.LookedAfterReview, r.Date(CF.LacReviews.ReviewDate),
                    r.Flag(CF.LacReviews.Cancelled) == true)
                {
                    RecordedDueDate = r.Date(CF.LacReviews.DueDate),
                });
            });

            ClientTable(CF.VisitToChild.Table, CF.VisitToChild.ClientNo, CF.VisitToChild.VisitNo, (r, c, id) =>
            {
                if (visitTypes.Skips(r, CF.VisitToChild.VisitType))
                {
                    return;
                }

                var known = visitTypes.TryRead(r, CF.VisitToChild.VisitType, out var kind);
                if (known && !EpisodeOfVisit(r, c, kind))
                {
                    return;
                }

                if (r.Date(CF.VisitToChild.VisitDate, required: true) is { } date && known)
                {
                    c.Visits.Add(new Visit(id!, c.Person.Id, r.Text(CF.VisitToChild.EpisodeNo), kind, date, r.Flag(CF.VisitToChild.ChildSeen),
                        r.Flag(CF.VisitToChild.SeenAlone))
                    {
                        NotSeenAloneReason = r.Text(CF.VisitToChild.ReasonNotSeenAlone),
                        RecordedDate = r.Date(CF.VisitToChild.DateRecorded),
                    });
                }
            });
            ClientTable(CF.Meetings.Table, CF.Meetings.ClientNo, CF.Meetings.MeetingNo, (r, c, id) =>
            {
                if (meetingTypes.TryRead(r, CF.Meetings.MeetingType, out var type))
                {
                    c.Meetings.Add(new Meeting(id!, c.Person.Id, r.Text(CF.Meetings.EpisodeNo), type, r.Date(CF.Meetings.MeetingDate),
                        r.Flag(CF.Meetings.Cancelled) == true));
                }
            });
            ClientTable(CF.EhTafMeetings.Table, CF.EhTafMeetings.ClientNo, CF.EhTafMeetings.TafMeetingNo, (r, c, id) =>
            {
                if (tafTypes.TryRead(r, CF.EhTafMeetings.MeetingType, out var type))
                {
                    c.Meetings.Add(new Meeting(id!, c.Person.Id, r.Text(CF.EhTafMeetings.EhEpisodeNo), type, r.Date(CF.EhTafMeetings.MeetingDate),
                        r.Flag(CF.EhTafMeetings.Cancelled) == true));
                }
            });

            ReadDecisionRecords(decisionTypes);
            ClientTable(CF.CaseSupervision.Table, CF.CaseSupervision.ClientNo, CF.CaseSupervision.SupervisionNo, (r, c, id) =>
            {
                if (r.Date(CF.CaseSupervision.SupervisionDate, required: true) is { } date)
                {
                    c.ManagementRecords.Add(new ManagementRecord(id!, c.Person.Id, r.Text(CF.CaseSupervision.EpisodeNo), ManagementKind.Supervision,
                        date, r.Text(CF.CaseSupervision.SupervisorNo)));
                }
            });
            ClientTable(CF.Documents.Table, CF.Documents.ClientNo, CF.Documents.DocumentNo, (r, c, id) =>
            {
                if (documentTypes.Skips(r, CF.Documents.DocumentType))
                {
                    return;
                }

                var known = documentTypes.TryRead(r, CF.Documents.DocumentType, out var kind);
                if (r.Date(CF.Documents.DocumentDate, required: true) is { } date && known)
                {
                    c.Documents.Add(new Document(id!, c.Person.Id, r.Text(CF.Documents.EpisodeNo), kind, date));
                }
            });
            ClientTable(CF.PrivateFostering.Table, CF.PrivateFostering.ClientNo, CF.PrivateFostering.ArrangementNo, (r, c, id) =>
                c.PrivateFostering.Add(new PrivateFostering(id!, c.Person.Id, r.Date(CF.PrivateFostering.NotificationDate),
                    r.Date(CF.PrivateFostering.StartDate), r.Date(CF.PrivateFostering.EndDate))));
            ClientTable(CF.CareLeavers.Table, CF.CareLeavers.ClientNo, null, (r, c, _) =>
                c.CareLeaver = new CareLeaver(c.Person.Id, r.Date(CF.CareLeavers.LatestContactDate), r.Date(CF.CareLeavers.PathwayPlanReviewDate),
                    r.Text(CF.CareLeavers.WorkerNo)));
            ClientTable(CF.CareLeaverAccommodation.Table, CF.CareLeaverAccommodation.ClientNo, null, (r, c, _) =>
            {
                if (r.Date(CF.CareLeaverAccommodation.StartDate, required: true) is { } start)
                {
                    c.Accommodation.Add(new CareLeaverAccommodation(c.Person.Id, start, r.Date(CF.CareLeaverAccommodation.EndDate)));
                }
            });
            ClientTable(CF.CaseAudits.Table, CF.CaseAudits.ClientNo, CF.CaseAudits.AuditNo, (r, c, id) =>
            {
                if (r.Date(CF.CaseAudits.AuditDate, required: true) is { } date)
                {
                    c.Audits.Add(new Audit(id!, c.Person.Id, r.Text(CF.CaseAudits.EpisodeNo), date, r.Text(CF.CaseAudits.AuditGrade)));
                    _auditPerson[id!] = c.Person.Id;
                }
            });
            ChildTable(CF.AuditActions.Table, CF.AuditActions.AuditNo, _auditPerson, CF.AuditActions.ActionNo, (r, c, id) =>
                c.AuditActions.Add(new AuditAction(id!, r.Text(CF.AuditActions.AuditNo)!, r.Text(CF.AuditActions.Description),
                    r.Text(CF.AuditActions.Owner), r.Date(CF.AuditActions.DueDate), r.Date(CF.AuditActions.CompletedDate))));

            return Extract("carefirst", new CaseDirectory(_workers, _teams));
        }

        private void ReadKeyInformation(IReadOnlyList<string> needs) =>
            Each(CF.KeyInformation.Table, r =>
            {
                var id = r.Id(CF.KeyInformation.ClientNo);
                if (id is null)
                {
                    return;
                }

                r.RecordId = id;
                var person = new Person(id, r.Text(CF.KeyInformation.Forename), r.Text(CF.KeyInformation.Surname), r.Text(CF.KeyInformation.Gender),
                    r.Text(CF.KeyInformation.Ethnicity), r.Date(CF.KeyInformation.DateOfBirth), r.Date(CF.KeyInformation.ExpectedDateOfBirth),
                    r.Text(CF.KeyInformation.Upn), r.Text(CF.KeyInformation.UpnUnknownReason), r.Date(CF.KeyInformation.DateOfDeath))
                {
                    Telephone = r.Text(CF.KeyInformation.Telephone),
                    EthnicityDetail = r.Text(CF.KeyInformation.EthnicityDetail),
                    PrimaryNeed = r.Code(CF.KeyInformation.PrimaryNeed, needs),
                };
                if (!Cases.TryAdd(id, new CaseBuilder(person)))
                {
                    r.Reject(CF.KeyInformation.ClientNo, $"duplicate client {id}: the first row is used");
                }
            });

        /// <summary>
        /// LAC episodes (one per change of placement or legal status) grouped by <c>PERIOD_OF_CARE_NO</c> into periods of
        /// care: from the date entered care (else the earliest episode start), open while any episode is open.
        /// </summary>
        private void ReadPeriodsOfCare()
        {
            var episodes = new List<(string PersonId, string Period, LocalDate Start, LocalDate? End, bool Open, string? Referral)>();
            ClientTable(CF.LacEpisodes.Table, CF.LacEpisodes.ClientNo, CF.LacEpisodes.LacEpisodeNo, (r, c, _) =>
            {
                var start = r.Date(CF.LacEpisodes.DateEnteredCare) ?? r.Date(CF.LacEpisodes.StartDate, required: true);
                if (start is null)
                {
                    return;
                }

                var ceased = r.Date(CF.LacEpisodes.EndDate);
                episodes.Add((c.Person.Id, r.Text(CF.LacEpisodes.PeriodOfCareNo) ?? r.RecordId!, start.Value, ceased, ceased is null,
                    r.Text(CF.LacEpisodes.ReferralNo)));
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
            ClientTable(CF.DecisionRecords.Table, CF.DecisionRecords.ClientNo, CF.DecisionRecords.DecisionNo, (r, c, id) =>
            {
                if (types.Skips(r, CF.DecisionRecords.DecisionType))
                {
                    return;
                }

                var known = types.TryRead(r, CF.DecisionRecords.DecisionType, out var kind);
                var at = r.DateTimeWithFlag(CF.DecisionRecords.DecisionDate, true, out var hasTime);
                var linked = r.Text(CF.DecisionRecords.LinkedNo);
                if (!known)
                {
                    return;
                }

                if (kind != DecisionKind.ContactDecision)
                {
                    if (at is { } date)
                    {
                        c.ManagementRecords.Add(new ManagementRecord(id!, c.Person.Id, linked,
                            kind == DecisionKind.Oversight ? ManagementKind.Oversight : ManagementKind.AuditDiscussion, date.Date,
                            r.Text(CF.DecisionRecords.WorkerNo)));
                    }

                    return;
                }

                var i = linked is null ? -1 : c.Contacts.FindIndex(x => x.Id == linked);
                if (i < 0)
                {
                    r.Reject(CF.DecisionRecords.LinkedNo, linked is null
                        ? "a contact decision must name its contact: the row cannot be used"
                        : $"no contact {linked} for client {c.Person.Id} in {CF.Contacts.Table.Name}: the row cannot be used");
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
            if (r.Text(CF.VisitToChild.EpisodeNo) is not { } episode)
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
                r.Reject(CF.VisitToChild.EpisodeNo, $"no {what} {Rejection.Cut(episode)} of this child: {RowReader.RowUnusable}");
            }

            return found;
        }

        /// <summary>A plan's visit frequency from its table's days and basis columns (a non-positive number is rejected).</summary>
        private static VisitFrequency? Frequency(RowReader r, CodeClassifier<bool> bases, Column daysColumn, Column basisColumn)
        {
            var days = r.Int(daysColumn);
            var working = bases.TryRead(r, basisColumn, out var w, required: false) && w;
            if (days is <= 0)
            {
                r.Reject(daysColumn, "not a positive number of days; the field is ignored");
                return null;
            }

            return days is { } d ? new VisitFrequency(d, working) : null;
        }

        /// <summary>A table of one client's records: rows naming a client not in KEY_INFORMATION are rejected.</summary>
        private void ClientTable(TableDef table, Column client, Column? idColumn, Action<RowReader, CaseBuilder, string?> read) =>
            KeyedTable(table, client, idColumn?.Name, key => Cases.GetValueOrDefault(key),
                key => $"client {key} is not in {CF.KeyInformation.Table.Name}: the row cannot be used", read);

        private CodeClassifier<T> Classifier<T>(CodeGroup<T> group) => CodeClassifier<T>.From(group, Options, CareFirstAdapter.Codes);
    }
}

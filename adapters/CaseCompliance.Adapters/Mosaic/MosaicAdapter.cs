using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Domain;
using NodaTime;
using static CaseCompliance.Adapters.Mosaic.MosaicLayout;

namespace CaseCompliance.Adapters.Mosaic;

/// <summary>
/// Mosaic data warehouse exports (one CSV per <c>dm_</c> table). Persons, workers, allocations, referrals, child
/// protection registrations, periods of care, placements and legal statuses come from their own tables; every other
/// event is a workflow step (<c>dm_workflow_steps</c>) whose kind is given by its step type id (a configurable map)
/// and whose details (visit date, child seen, seen alone, ...) are form answers (<c>dm_cached_form_answers</c>) found
/// by configurable question user codes. Mosaic steps carry no episode key: an event belongs to the child's latest
/// episode of the matching kind that started on or before it (docs/sources/mosaic.md says which kind for which step).
/// </summary>
public sealed class MosaicAdapter : ISourceAdapter
{
    public string Kind => "mosaic";

    public IReadOnlyList<TableLayout> Layout(SourceOptions options) => MosaicLayout.Tables(options);

    public IReadOnlyDictionary<string, string> DefaultCodes => MosaicLayout.DefaultCodes;

    public Streaming.StreamLayout Streaming => MosaicLayout.Stream;

    public SourceExtract Read(string name, ITableSource tables, SourceOptions options, RejectionLog rejections,
        CancellationToken cancellationToken = default) =>
        new Reader(name, tables, options, rejections, cancellationToken).Read();

    /// <summary>A form answer kept for a step: only answers to configured questions are kept, already parsed.</summary>
    private sealed record Answer(string Code, string? Subject, string Row, string? Text, LocalDateTime? Date, bool Invalid,
        bool? YesNo, int? Number, bool? Working);

    /// <summary>The step being read: its row, id, child and kind.</summary>
    private sealed record Step(RowReader R, string Id, CaseBuilder Case, StepKind Kind, bool Cancelled, bool Planned)
    {
        public string PersonId => Case.Person.Id;
    }

    private sealed record Role(string? Organisation, string? Description, LocalDate? Start, LocalDate? End);

    private sealed class Reader : TableReader
    {
        private readonly string _name;
        private readonly ITableSource _tables;
        private readonly RejectionLog _log;
        private readonly CancellationToken _ct;

        private readonly Dictionary<string, StepKind> _stepKinds = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, HashSet<string>> _questionKeys = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<Answer>> _answers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string? Name, List<Role> Roles)> _workers = new(StringComparer.Ordinal);
        private readonly List<Team> _teams = [];
        private readonly Dictionary<(string Person, string Step), string> _planByConference = [];

        public Reader(string name, ITableSource tables, SourceOptions options, RejectionLog log, CancellationToken ct)
            : base(name, tables, options, log, MosaicLayout.Tables(options), ct)
        {
            _name = name;
            _tables = tables;
            _log = log;
            _ct = ct;
        }

        private readonly Dictionary<string, IReadOnlyList<string>> _codes = new(StringComparer.OrdinalIgnoreCase);

        private IReadOnlyList<string> Codes(string key)
        {
            if (!_codes.TryGetValue(key, out var list))
            {
                _codes[key] = list = Options.CodeList(key, MosaicLayout.DefaultCodes);
            }

            return list;
        }

        public SourceExtract Read()
        {
            ConfigureSteps();
            CheckLayout();
            ReadPersons();
            ReadWorkers();
            ReadReferrals();
            ReadRegistrations();
            ReadCare();
            ReadAnswers();

            // Two passes over the steps: the first opens the episodes other steps attach to (Early Help episodes,
            // section 47 enquiries, private fostering arrangements), the second reads every other step.
            Each(Steps.Table, r => ReadStep(r, firstPass: true));
            if (Has(Steps.Table))
            {
                var reader = new RowReader(_name, Steps.Table.Layout, new ColumnMap(Options.Columns), _log);
                foreach (var row in _tables.Read(Steps.Table, _ct))
                {
                    // The first pass has already rejected the rows the source could not split.
                    if (row.Problem is not null)
                    {
                        continue;
                    }

                    ReadStep(reader.For(row), firstPass: false);
                }
            }

            ReadAllocations();
            var workers = _workers.Select(w =>
            {
                var role = w.Value.Roles.Where(r => r.End is null).MaxBy(r => r.Start ?? LocalDate.MinIsoValue)
                    ?? w.Value.Roles.MaxBy(r => r.Start ?? LocalDate.MinIsoValue);
                return new Worker(w.Key, w.Value.Name, role?.Description, role?.Organisation);
            });
            return Extract("mosaic", new CaseDirectory(workers, _teams));
        }

        /// <summary>Step type id → kind, and question user code → the question keys it is configured under.</summary>
        private void ConfigureSteps()
        {
            // A misspelt key would silently leave the shipped default in force.
            if (Options.Codes.Keys.FirstOrDefault(k => !MosaicLayout.DefaultCodes.ContainsKey(k)) is { } unknown)
            {
                throw new SourceFailedException($"Codes:{unknown} is not a code list of the mosaic adapter (see docs/sources/mosaic.md for the keys).");
            }

            foreach (var kind in StepKinds)
            {
                foreach (var type in Codes(kind.Key))
                {
                    if (_stepKinds.TryGetValue(type, out var other))
                    {
                        var otherKey = StepKinds.First(k => k.Kind == other).Key;
                        throw new SourceFailedException(
                            $"Codes:{otherKey} and Codes:{kind.Key} both list workflow step type {type}: a step type can have one meaning only.");
                    }

                    _stepKinds[type] = kind.Kind;
                }
            }

            foreach (var key in Questions.Keys)
            {
                foreach (var code in Codes(key))
                {
                    if (!_questionKeys.TryGetValue(code, out var keys))
                    {
                        _questionKeys[code] = keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    }

                    keys.Add(key);
                }
            }
        }

        private void ReadPersons()
        {
            Each(Persons.Table, r =>
            {
                var id = r.Id(Persons.PersonId);
                if (id is null)
                {
                    return;
                }

                r.RecordId = id;
                var person = new Person(id, r.Text(Persons.FirstName), r.Text(Persons.LastName), r.Text(Persons.Gender),
                    r.Text(Persons.FullEthnicityCode), r.Date(Persons.DateOfBirth), r.Date(Persons.DueDate), r.Text(Persons.Upn),
                    r.Text(Persons.UpnUnknownReason), r.Date(Persons.DateOfDeath))
                {
                    EthnicityDetail = r.Text(Persons.EthnicityDetail),
                };
                if (!Cases.TryAdd(id, new CaseBuilder(person)))
                {
                    r.Reject(Persons.PersonId, $"duplicate person id {id}: the first row is used");
                }
            });

            PersonTable(Addresses.Table, Addresses.PersonId, null, (r, c, _) =>
                c.Addresses.Add(new Address(r.Text(Addresses.Address), r.Text(Addresses.PostCode), r.Date(Addresses.StartDate),
                    r.Date(Addresses.EndDate))));
            PersonTable(Telephones.Table, Telephones.PersonId, null, (r, c, _) =>
            {
                if (c.Person.Telephone is null && r.Text(Telephones.TelephoneNumber) is { } number)
                {
                    c.Person = c.Person with { Telephone = number };
                }
            });
            PersonTable(Disabilities.Table, Disabilities.PersonId, null, (r, c, _) =>
            {
                if (r.Text(Disabilities.DisabilityCode) is { } code)
                {
                    c.Disabilities.Add(code);
                }
            });

            // The person's primary category of need: the open service user group that started last, else the
            // group that started last.
            var needCodes = Codes("PrimaryNeedCodes");
            var groups = new Dictionary<string, List<(string Code, LocalDate Start, bool Open)>>(StringComparer.Ordinal);
            PersonTable(ServiceUserGroups.Table, ServiceUserGroups.PersonId, null, (r, c, _) =>
            {
                var code = r.Code(ServiceUserGroups.NeedCode, needCodes, required: true);
                var start = r.Date(ServiceUserGroups.StartDate);
                var end = r.Date(ServiceUserGroups.EndDate);
                if (code is null)
                {
                    return;
                }

                if (!groups.TryGetValue(c.Person.Id, out var list))
                {
                    groups[c.Person.Id] = list = [];
                }

                list.Add((code, start ?? LocalDate.MinIsoValue, end is null));
            });
            foreach (var (person, list) in groups)
            {
                var need = list.Any(g => g.Open) ? list.Where(g => g.Open).MaxBy(g => g.Start) : list.MaxBy(g => g.Start);
                Cases[person].Person = Cases[person].Person with { PrimaryNeed = need.Code };
            }
        }

        private void ReadWorkers()
        {
            Each(Organisations.Table, r =>
            {
                if (r.Id(Organisations.OrganisationId) is { } id)
                {
                    _teams.Add(new Team(id, r.Text(Organisations.Name), r.Text(Organisations.ParentOrganisationId)));
                }
            });
            Each(Workers.Table, r =>
            {
                if (r.Id(Workers.WorkerId) is not { } id)
                {
                    return;
                }

                r.RecordId = id;
                var name = string.Join(' ', new[] { r.Text(Workers.FirstNames), r.Text(Workers.LastNames) }.Where(n => n is not null));
                if (!_workers.TryAdd(id, (name.Length == 0 ? null : name, [])))
                {
                    r.Reject(Workers.WorkerId, $"duplicate worker id {id}: the first row is used");
                }
            });
            Each(WorkerRoles.Table, r =>
            {
                if (r.Id(WorkerRoles.WorkerId) is not { } id)
                {
                    return;
                }

                r.RecordId = id;
                var role = new Role(r.Text(WorkerRoles.OrganisationId), r.Text(WorkerRoles.RoleDescription), r.Date(WorkerRoles.StartDate),
                    r.Date(WorkerRoles.EndDate));
                if (!_workers.TryGetValue(id, out var worker))
                {
                    r.Reject(WorkerRoles.WorkerId, $"worker {id} is not in {Workers.Table.Name}: the row cannot be used");
                    return;
                }

                worker.Roles.Add(role);
            });
        }

        private void ReadReferrals()
        {
            var needCodes = Codes("PrimaryNeedCodes");
            PersonTable(Referrals.Table, Referrals.PersonId, Referrals.ReferralId, (r, c, id) =>
            {
                var need = r.Code(Referrals.PrimaryNeedCode, needCodes);
                var nfa = r.Text(Referrals.NfaDate) is not null;
                var nfaDate = r.Date(Referrals.NfaDate);
                var closed = r.Date(Referrals.ClosureDate) ?? nfaDate;
                if (r.Date(Referrals.ReferralDate, required: true) is { } date)
                {
                    c.Referrals.Add(new Referral(id!, c.Person.Id, date, closed, need, nfa, r.Text(Referrals.ResponsibleTeamId),
                        r.Text(Referrals.AssigneeId)));
                }
            });
        }

        private void ReadRegistrations()
        {
            PersonTable(Registrations.Table, Registrations.PersonId, Registrations.RegistrationId, (r, c, id) =>
            {
                // Other registers (and temporary registrations of children from another authority) are not CP plans.
                if (r.Flag(Registrations.IsChildProtectionPlan) != true || r.Flag(Registrations.IsTemporaryChildProtection) == true)
                {
                    return;
                }

                var conference = r.Text(Registrations.RegistrationStepId);
                if (r.Date(Registrations.RegistrationStartDate, required: true) is { } start)
                {
                    c.Plans.Add(new Plan(id!, c.Person.Id, Latest(c.Referrals, x => x.ReferralDate, start)?.Id, PlanKind.ChildProtection,
                        start, r.Date(Registrations.DeregistrationDate), conference));
                    if (conference is not null)
                    {
                        _planByConference[(c.Person.Id, conference)] = id!;
                    }
                }
            });
        }

        private void ReadCare()
        {
            PersonTable(PeriodsOfCare.Table, PeriodsOfCare.PersonId, PeriodsOfCare.PeriodOfCareId, (r, c, id) =>
            {
                if (r.Date(PeriodsOfCare.StartDate, required: true) is { } start)
                {
                    c.PeriodsOfCare.Add(new PeriodOfCare(id!, c.Person.Id, Latest(c.Referrals, x => x.ReferralDate, start)?.Id, start,
                        r.Date(PeriodsOfCare.EndDate)));
                }
            });
            var placementTypes = Codes("PlacementTypes");
            PersonTable(Placements.Table, Placements.PersonId, Placements.PlacementId, (r, c, id) =>
            {
                var type = r.Code(Placements.PlacementType, placementTypes);
                if (r.Date(Placements.StartDate, required: true) is { } start)
                {
                    c.Placements.Add(new Placement(id!, c.Person.Id, r.Text(Placements.PeriodOfCareId), start, r.Date(Placements.EndDate), type));
                }
            });
            Attach(PlacementDetails.Table, PlacementDetails.PlacementId, "placement", c => c.Placements, p => p.Id, r =>
                ReadPlacementDetails(r, PlacementDetails.IsLongTerm, PlacementDetails.TemporaryApproval, PlacementDetails.CarerApprovedDate,
                    PlacementDetails.ReducedVisitsAgreed, PlacementDetails.AgreedVisitIntervalDays));
            var legalStatuses = Codes("LegalStatuses");
            PersonTable(LegalStatuses.Table, LegalStatuses.PersonId, LegalStatuses.LegalStatusId, (r, c, _) =>
            {
                var code = r.Code(LegalStatuses.LegalStatus, legalStatuses, required: true);
                if (code is not null && r.Date(LegalStatuses.StartDate, required: true) is { } start)
                {
                    c.LegalStatuses.Add(new LegalStatus(c.Person.Id, code, start, r.Date(LegalStatuses.EndDate)));
                }
            });
        }

        /// <summary>Keeps the answers to configured questions only (the table holds every form ever filled in).</summary>
        private void ReadAnswers()
        {
            var yes = Codes("YesAnswers");
            var yesNo = yes.Concat(Codes("NoAnswers")).ToList();
            var calendar = Codes("CalendarDaysAnswers");
            var basis = calendar.Concat(Codes("WorkingDaysAnswers")).ToList();
            Each(Answers.Table, r =>
            {
                var code = r.Text(Answers.QuestionUserCode);
                if (code is null || !_questionKeys.TryGetValue(code, out var keys))
                {
                    return;
                }

                if (r.Id(Answers.WorkflowStepId) is not { } step)
                {
                    return;
                }

                r.RecordId = step;
                LocalDateTime? date = null;
                var invalid = false;
                if (DateQuestionKeys.Any(keys.Contains))
                {
                    date = r.DateTime(Answers.DateAnswer);
                    invalid = date is null && r.Text(Answers.DateAnswer) is not null;
                }

                bool? flag = null;
                if (YesNoQuestionKeys.Any(keys.Contains) && r.Code(Answers.TextAnswer, yesNo) is { } answer)
                {
                    flag = yes.Contains(answer, StringComparer.OrdinalIgnoreCase);
                }

                int? number = null;
                if (keys.Contains("VisitFrequencyDaysQuestions"))
                {
                    number = r.Int(Answers.TextAnswer);
                    if (number is <= 0)
                    {
                        r.Reject(Answers.TextAnswer, "not a positive number of days; the field is ignored");
                        number = null;
                    }
                }

                bool? working = null;
                if (keys.Contains("VisitFrequencyBasisQuestions") && r.Code(Answers.TextAnswer, basis) is { } b)
                {
                    working = !calendar.Contains(b, StringComparer.OrdinalIgnoreCase);
                }

                var subject = r.Text(Answers.SubjectPersonId);
                if (subject is not null && long.TryParse(subject, out var n) && n <= 0)
                {
                    subject = null;
                }

                if (!_answers.TryGetValue(step, out var list))
                {
                    _answers[step] = list = [];
                }

                list.Add(new Answer(code, subject, r.Text(Answers.FormAnswerRowId) ?? "1", r.Text(Answers.TextAnswer), date, invalid, flag,
                    number, working));
            });
        }

        private IEnumerable<Answer> AnswersTo(Step s, string key)
        {
            if (!_answers.TryGetValue(s.Id, out var list))
            {
                yield break;
            }

            foreach (var code in Codes(key))
            {
                foreach (var a in list)
                {
                    if (string.Equals(a.Code, code, StringComparison.OrdinalIgnoreCase) && (a.Subject is null || a.Subject == s.PersonId))
                    {
                        yield return a;
                    }
                }
            }
        }

        private LocalDate? DateAnswer(Step s, string key, out bool invalid)
        {
            var answer = AnswersTo(s, key).FirstOrDefault(a => a.Date is not null || a.Invalid);
            invalid = answer?.Invalid == true;
            return answer?.Date?.Date;
        }

        private LocalDate? DateAnswer(Step s, string key) => DateAnswer(s, key, out _);

        private bool? YesNoAnswer(Step s, string key) => AnswersTo(s, key).FirstOrDefault(a => a.YesNo is not null)?.YesNo;

        private string? TextAnswer(Step s, string key) => AnswersTo(s, key).FirstOrDefault(a => a.Text is not null)?.Text;

        /// <summary>The first of the columns that has a value; a value that is not a date is rejected, never skipped.</summary>
        private static LocalDate? FirstDate(RowReader r, bool required, params Column[] columns)
        {
            foreach (var column in columns)
            {
                if (r.Text(column) is not null)
                {
                    return r.Date(column, required);
                }
            }

            return required ? r.Date(columns[0], required: true) : null;
        }

        private void ReadStep(RowReader r, bool firstPass)
        {
            var type = r.Text(Steps.WorkflowStepTypeId);
            if (type is null || !_stepKinds.TryGetValue(type, out var kind)
                || (kind is StepKind.EhReferralDecision or StepKind.S47Enquiry or StepKind.PrivateFostering) != firstPass)
            {
                return;
            }

            if (r.Id(Steps.WorkflowStepId) is not { } id)
            {
                return;
            }

            r.RecordId = id;
            if (r.Id(Steps.PersonId) is not { } personId)
            {
                return;
            }

            if (!Cases.TryGetValue(personId, out var c))
            {
                r.Reject(Steps.PersonId, $"person {personId} is not in {Persons.Table.Name}: the row cannot be used");
                return;
            }

            if (!FirstWithId(r, Steps.Table, Steps.WorkflowStepId, id, personId))
            {
                return;
            }

            var status = r.Code(Steps.StepStatus, Codes("StepStatuses"));
            var cancelled = status is not null && Codes("CancelledStatuses").Contains(status, StringComparer.OrdinalIgnoreCase);
            var planned = status is not null && Codes("PlannedStatuses").Contains(status, StringComparer.OrdinalIgnoreCase);
            var s = new Step(r, id, c, kind, cancelled, planned);
            if (cancelled && !MeetingTypes.ContainsKey(kind))
            {
                return;
            }

            switch (kind)
            {
                case StepKind.Contact:
                    ReadContact(s);
                    break;
                case StepKind.EhReferralDecision:
                    if (r.Date(Steps.IncomingOn, required: true) is { } start)
                    {
                        c.EarlyHelpEpisodes.Add(new EarlyHelpEpisode(id, c.Person.Id, start, null, r.Text(Steps.AssigneeId)));
                    }

                    break;
                case StepKind.EhClosure:
                    CloseEarlyHelp(s);
                    break;
                case StepKind.S47Enquiry:
                    if (FirstDate(r, true, Steps.StartedOn, Steps.IncomingOn) is { } s47Start)
                    {
                        c.S47Enquiries.Add(new S47Enquiry(id, c.Person.Id, Latest(c.Referrals, x => x.ReferralDate, s47Start)?.Id, s47Start,
                            r.Date(Steps.CompletedOn)));
                    }

                    break;
                case StepKind.PrivateFostering:
                    var notified = r.Date(Steps.IncomingOn);
                    var begun = DateAnswer(s, "ArrangementStartQuestions", out var badStart) ?? (badStart ? null : r.Date(Steps.StartedOn));
                    c.PrivateFostering.Add(new PrivateFostering(id, c.Person.Id, notified, begun, DateAnswer(s, "ArrangementEndQuestions")));
                    break;
                case StepKind.Assessment or StepKind.EhFamilyAssessment:
                    ReadAssessment(s);
                    break;
                case StepKind.Icpc or StepKind.TransferInConference:
                    ReadConference(s);
                    break;
                case StepKind.CinPlan:
                    ReadCinPlan(s);
                    break;
                case StepKind.CareLeaver:
                    c.CareLeaver = new CareLeaver(c.Person.Id, DateAnswer(s, "LatestContactQuestions"), DateAnswer(s, "PathwayPlanReviewQuestions"),
                        r.Text(Steps.AssigneeId));
                    break;
                case StepKind.CareLeaverAccommodation:
                    if (FirstDate(r, true, Steps.StartedOn, Steps.IncomingOn) is { } from)
                    {
                        c.Accommodation.Add(new CareLeaverAccommodation(c.Person.Id, from, r.Date(Steps.CompletedOn)));
                    }

                    break;
                case StepKind.CaseAudit:
                    ReadAudit(s);
                    break;
                default:
                    if (VisitKinds.TryGetValue(kind, out var visitKind))
                    {
                        ReadVisit(s, visitKind);
                    }
                    else if (MeetingTypes.TryGetValue(kind, out var meetingType))
                    {
                        ReadMeeting(s, meetingType);
                    }
                    else if (ManagementKinds.TryGetValue(kind, out var managementKind))
                    {
                        if (r.Date(Steps.CompletedOn) is { } recorded)
                        {
                            c.ManagementRecords.Add(new ManagementRecord(id, c.Person.Id, EpisodeFor(s, recorded), managementKind, recorded,
                                r.Text(Steps.AssigneeId)));
                        }
                    }
                    else if (DocumentKinds.TryGetValue(kind, out var documentKind) && r.Date(Steps.CompletedOn) is { } signed)
                    {
                        c.Documents.Add(new Document(id, c.Person.Id, EpisodeFor(s, signed), documentKind, signed));
                    }

                    break;
            }
        }

        private static void ReadContact(Step s)
        {
            var received = s.R.DateTimeWithFlag(Steps.IncomingOn, true, out var receivedTime);
            var decision = s.R.DateTimeWithFlag(Steps.CompletedOn, false, out var decisionTime);
            if (received is null)
            {
                return;
            }

            s.Case.Contacts.Add(new Contact(s.Id, s.PersonId, received.Value.Date)
            {
                ReceivedAt = received,
                DecisionAt = decision,
                HasTimes = receivedTime && (decision is null || decisionTime),
            });
        }

        private static void CloseEarlyHelp(Step s)
        {
            if (s.R.Date(Steps.CompletedOn) is not { } closed)
            {
                return;
            }

            var episodes = s.Case.EarlyHelpEpisodes;
            var open = episodes.Where(e => e.End is null && e.Start <= closed).MaxBy(e => e.Start);
            if (open is null)
            {
                s.R.Reject(Steps.PersonId, $"no open Early Help episode of person {s.PersonId} started on or before the closure on {closed:yyyy-MM-dd}: the row cannot be used");
                return;
            }

            episodes[episodes.IndexOf(open)] = open with { End = closed };
        }

        private void ReadAssessment(Step s)
        {
            var start = FirstDate(s.R, false, Steps.StartedOn, Steps.IncomingOn);
            var completed = s.R.Date(Steps.CompletedOn);
            var social = s.Kind == StepKind.Assessment;
            s.Case.Assessments.Add(new Assessment(s.Id, s.PersonId, EpisodeFor(s, start ?? completed),
                social ? AssessmentKind.SocialCare : AssessmentKind.EarlyHelp, start, completed,
                social ? YesNoAnswer(s, "AssessmentChildSeenQuestions") : null));
            if (social)
            {
                foreach (var point in AnswersTo(s, "ReviewPointQuestions").Where(a => a.Date is not null))
                {
                    s.Case.ReviewPoints.Add(new AssessmentReviewPoint(s.Id, point.Date!.Value.Date));
                }
            }
        }

        private void ReadConference(Step s)
        {
            var date = DateAnswer(s, "MeetingDateQuestions", out var invalid) ?? (invalid ? null : s.R.Date(Steps.CompletedOn));
            var when = date ?? FirstDate(s.R, false, Steps.StartedOn, Steps.IncomingOn);
            var s47 = when is null ? null : Latest(s.Case.S47Enquiries, e => e.Start, when.Value)?.Id;
            s.Case.Conferences.Add(new InitialConference(s.Id, s.PersonId, s47, _planByConference.GetValueOrDefault((s.PersonId, s.Id)),
                EpisodeFor(s, when), s.Kind == StepKind.TransferInConference, date));
        }

        private void ReadCinPlan(Step s)
        {
            if (FirstDate(s.R, true, Steps.StartedOn, Steps.IncomingOn) is not { } start)
            {
                return;
            }

            var days = AnswersTo(s, "VisitFrequencyDaysQuestions").FirstOrDefault(a => a.Number is not null)?.Number;
            var working = AnswersTo(s, "VisitFrequencyBasisQuestions").FirstOrDefault(a => a.Working is not null)?.Working ?? false;
            s.Case.Plans.Add(new Plan(s.Id, s.PersonId, EpisodeFor(s, start), PlanKind.ChildInNeed, start, s.R.Date(Steps.CompletedOn), null)
            {
                VisitFrequency = days is { } d ? new VisitFrequency(d, working) : null,
            });
        }

        private void ReadAudit(Step s)
        {
            if (s.R.Date(Steps.CompletedOn) is not { } date)
            {
                return;
            }

            s.Case.Audits.Add(new Audit(s.Id, s.PersonId, EpisodeFor(s, date), date, TextAnswer(s, "AuditGradeQuestions")));

            // Recommended actions are a repeating group of the audit form: one FORM_ANSWER_ROW_ID per action.
            var rows = AnswersTo(s, "AuditActionQuestions").Concat(AnswersTo(s, "AuditActionOwnerQuestions"))
                .Concat(AnswersTo(s, "AuditActionDueQuestions")).Concat(AnswersTo(s, "AuditActionCompletedQuestions"))
                .Select(a => a.Row).Distinct().ToList();
            foreach (var row in rows)
            {
                LocalDate? InRow(string key) => AnswersTo(s, key).FirstOrDefault(a => a.Row == row && a.Date is not null)?.Date?.Date;
                string? TextInRow(string key) => AnswersTo(s, key).FirstOrDefault(a => a.Row == row && a.Text is not null)?.Text;
                s.Case.AuditActions.Add(new AuditAction($"{s.Id}-A{row}", s.Id, TextInRow("AuditActionQuestions"),
                    TextInRow("AuditActionOwnerQuestions"), InRow("AuditActionDueQuestions"), InRow("AuditActionCompletedQuestions")));
            }
        }

        private void ReadVisit(Step s, VisitKind kind)
        {
            var answered = DateAnswer(s, "VisitDateQuestions", out var invalid);
            if (invalid)
            {
                return; // the answer's row is rejected: the visit cannot be dated
            }

            var completedText = s.R.Text(Steps.CompletedOn);
            var completed = s.R.Date(Steps.CompletedOn);
            var date = answered ?? completed;
            if (date is null)
            {
                if (!s.Planned && completedText is null)
                {
                    s.R.Reject(Steps.CompletedOn, $"no visit date: no answer to {string.Join(", ", Codes("VisitDateQuestions"))} and no completion date; the row cannot be used");
                }

                return;
            }

            s.Case.Visits.Add(new Visit(s.Id, s.PersonId, EpisodeFor(s, date), kind, date.Value,
                YesNoAnswer(s, "ChildSeenQuestions"), YesNoAnswer(s, "SeenAloneQuestions"))
            {
                NotSeenAloneReason = TextAnswer(s, "NotSeenAloneReasonQuestions"),
                RecordedDate = completed,
            });
        }

        private void ReadMeeting(Step s, MeetingType type)
        {
            var date = DateAnswer(s, "MeetingDateQuestions", out var invalid);
            if (date is null && !invalid && !s.Cancelled)
            {
                date = s.R.Date(Steps.CompletedOn);
            }

            var when = date ?? FirstDate(s.R, false, Steps.StartedOn, Steps.IncomingOn);
            s.Case.Meetings.Add(new Meeting(s.Id, s.PersonId, EpisodeFor(s, when), type, date, s.Cancelled)
            {
                RecordedDueDate = s.R.Date(Steps.DueDate),
            });
        }

        private void ReadAllocations()
        {
            var relationships = Codes("AllocatedWorkerRelationships");
            PersonTable(ProfRelationships.Table, ProfRelationships.PersonId, ProfRelationships.ProfRelationshipId, (r, c, id) =>
            {
                var type = r.Text(ProfRelationships.ProfRelTypeCode);
                if (type is null || !relationships.Contains(type, StringComparer.OrdinalIgnoreCase))
                {
                    return; // other professional relationships (IRO, health visitor, ...) are not allocations
                }

                if (r.Date(ProfRelationships.StartDate, required: true) is not { } start)
                {
                    return;
                }

                var worker = r.Text(ProfRelationships.WorkerId);
                string? team = null;
                if (worker is not null && _workers.TryGetValue(worker, out var w))
                {
                    team = (w.Roles.Where(x => (x.Start is null || x.Start <= start) && (x.End is null || x.End >= start)).MaxBy(x => x.Start ?? LocalDate.MinIsoValue)
                        ?? w.Roles.Where(x => x.End is null).MaxBy(x => x.Start ?? LocalDate.MinIsoValue))?.Organisation;
                }

                c.Allocations.Add(new Allocation(id!, c.Person.Id, worker, type, team, start, r.Date(ProfRelationships.EndDate),
                    LatestEpisode(c, start)));
            });
        }

        /// <summary>The episode an event of this step kind belongs to: the child's latest of the matching kind started by then.</summary>
        private static string? EpisodeFor(Step s, LocalDate? date)
        {
            if (date is not { } d)
            {
                return null;
            }

            var c = s.Case;
            return EpisodeOfKind(s.Kind) switch
            {
                EpisodeOf.EarlyHelp => Latest(c.EarlyHelpEpisodes, e => e.Start, d)?.Id,
                EpisodeOf.Referral => Latest(c.Referrals, r => r.ReferralDate, d)?.Id,
                EpisodeOf.EarlyHelpElseReferral => Latest(c.EarlyHelpEpisodes, e => e.Start, d)?.Id ?? Latest(c.Referrals, r => r.ReferralDate, d)?.Id,
                EpisodeOf.LatestEarlyHelpOrReferral => LatestEpisode(c, d),
                EpisodeOf.CpPlan => Latest(c.Plans.Where(p => p.Kind == PlanKind.ChildProtection), p => p.Start, d)?.Id,
                EpisodeOf.PeriodOfCare => Latest(c.PeriodsOfCare, p => p.Start, d)?.Id,
                EpisodeOf.PrivateFostering => Latest(c.PrivateFostering.Where(p => (p.Start ?? p.Notification) is not null),
                    p => (p.Start ?? p.Notification)!.Value, d)?.Id,
                _ => null,
            };
        }

        /// <summary>The Early Help episode or referral that started last on or before the date (a referral on a tie).</summary>
        private static string? LatestEpisode(CaseBuilder c, LocalDate date)
        {
            var eh = Latest(c.EarlyHelpEpisodes, e => e.Start, date);
            var referral = Latest(c.Referrals, r => r.ReferralDate, date);
            return eh is null ? referral?.Id
                : referral is null ? eh.Id
                : eh.Start > referral.ReferralDate ? eh.Id : referral.Id;
        }

        private static T? Latest<T>(IEnumerable<T> items, Func<T, LocalDate> start, LocalDate date)
            where T : class =>
            items.Where(x => start(x) <= date).MaxBy(start);
    }
}

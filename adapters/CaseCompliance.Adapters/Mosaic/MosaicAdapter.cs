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
            Each(Steps, r => ReadStep(r, firstPass: true));
            if (Has(Steps))
            {
                var reader = new RowReader(_name, MosaicLayout.Tables(Options).Single(t => t.Name == Steps), new ColumnMap(Options.Columns), _log);
                foreach (var row in _tables.Read(Steps, _ct))
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
            Each(Persons, r =>
            {
                var id = r.Id("PERSON_ID");
                if (id is null)
                {
                    return;
                }

                r.RecordId = id;
                var person = new Person(id, r.Text("FIRST_NAME"), r.Text("LAST_NAME"), r.Text("GENDER"), r.Text("FULL_ETHNICITY_CODE"),
                    r.Date("DATE_OF_BIRTH"), r.Date("DUE_DATE"), r.Text("UPN"), r.Text("UPN_UNKNOWN_REASON"), r.Date("DATE_OF_DEATH"))
                {
                    EthnicityDetail = r.Text("ETHNICITY_DETAIL"),
                };
                if (!Cases.TryAdd(id, new CaseBuilder(person)))
                {
                    r.Reject("PERSON_ID", $"duplicate person id {id}: the first row is used");
                }
            });

            PersonTable(Addresses, "PERSON_ID", null, (r, c, _) =>
                c.Addresses.Add(new Address(r.Text("ADDRESS"), r.Text("POST_CODE"), r.Date("START_DATE"), r.Date("END_DATE"))));
            PersonTable(Telephones, "PERSON_ID", null, (r, c, _) =>
            {
                if (c.Person.Telephone is null && r.Text("TELEPHONE_NUMBER") is { } number)
                {
                    c.Person = c.Person with { Telephone = number };
                }
            });
            PersonTable(Disabilities, "PERSON_ID", null, (r, c, _) =>
            {
                if (r.Text("DISABILITY_CODE") is { } code)
                {
                    c.Disabilities.Add(code);
                }
            });

            // The person's primary category of need: the open service user group that started last, else the
            // group that started last.
            var needCodes = Codes("PrimaryNeedCodes");
            var groups = new Dictionary<string, List<(string Code, LocalDate Start, bool Open)>>(StringComparer.Ordinal);
            PersonTable(ServiceUserGroups, "PERSON_ID", null, (r, c, _) =>
            {
                var code = r.Code("NEED_CODE", needCodes, required: true);
                var start = r.Date("START_DATE");
                var end = r.Date("END_DATE");
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
            Each(Organisations, r =>
            {
                if (r.Id("ORGANISATION_ID") is { } id)
                {
                    _teams.Add(new Team(id, r.Text("NAME"), r.Text("PARENT_ORGANISATION_ID")));
                }
            });
            Each(Workers, r =>
            {
                if (r.Id("WORKER_ID") is not { } id)
                {
                    return;
                }

                r.RecordId = id;
                var name = string.Join(' ', new[] { r.Text("FIRST_NAMES"), r.Text("LAST_NAMES") }.Where(n => n is not null));
                if (!_workers.TryAdd(id, (name.Length == 0 ? null : name, [])))
                {
                    r.Reject("WORKER_ID", $"duplicate worker id {id}: the first row is used");
                }
            });
            Each(WorkerRoles, r =>
            {
                if (r.Id("WORKER_ID") is not { } id)
                {
                    return;
                }

                r.RecordId = id;
                var role = new Role(r.Text("ORGANISATION_ID"), r.Text("ROLE_DESCRIPTION"), r.Date("START_DATE"), r.Date("END_DATE"));
                if (!_workers.TryGetValue(id, out var worker))
                {
                    r.Reject("WORKER_ID", $"worker {id} is not in {Workers}: the row cannot be used");
                    return;
                }

                worker.Roles.Add(role);
            });
        }

        private void ReadReferrals()
        {
            var needCodes = Codes("PrimaryNeedCodes");
            PersonTable(Referrals, "PERSON_ID", "REFERRAL_ID", (r, c, id) =>
            {
                var need = r.Code("PRIMARY_NEED_CODE", needCodes);
                var nfa = r.Text("NFA_DATE") is not null;
                var nfaDate = r.Date("NFA_DATE");
                var closed = r.Date("CLOSURE_DATE") ?? nfaDate;
                if (r.Date("REFERRAL_DATE", required: true) is { } date)
                {
                    c.Referrals.Add(new Referral(id!, c.Person.Id, date, closed, need, nfa, r.Text("RESPONSIBLE_TEAM_ID"), r.Text("ASSIGNEE_ID")));
                }
            });
        }

        private void ReadRegistrations()
        {
            PersonTable(Registrations, "PERSON_ID", "REGISTRATION_ID", (r, c, id) =>
            {
                // Other registers (and temporary registrations of children from another authority) are not CP plans.
                if (r.Flag("IS_CHILD_PROTECTION_PLAN") != true || r.Flag("IS_TEMPORARY_CHILD_PROTECTION") == true)
                {
                    return;
                }

                var conference = r.Text("REGISTRATION_STEP_ID");
                if (r.Date("REGISTRATION_START_DATE", required: true) is { } start)
                {
                    c.Plans.Add(new Plan(id!, c.Person.Id, Latest(c.Referrals, x => x.ReferralDate, start)?.Id, PlanKind.ChildProtection,
                        start, r.Date("DEREGISTRATION_DATE"), conference));
                    if (conference is not null)
                    {
                        _planByConference[(c.Person.Id, conference)] = id!;
                    }
                }
            });
        }

        private void ReadCare()
        {
            PersonTable(PeriodsOfCare, "PERSON_ID", "PERIOD_OF_CARE_ID", (r, c, id) =>
            {
                if (r.Date("START_DATE", required: true) is { } start)
                {
                    c.PeriodsOfCare.Add(new PeriodOfCare(id!, c.Person.Id, Latest(c.Referrals, x => x.ReferralDate, start)?.Id, start,
                        r.Date("END_DATE")));
                }
            });
            var placementTypes = Codes("PlacementTypes");
            PersonTable(Placements, "PERSON_ID", "PLACEMENT_ID", (r, c, id) =>
            {
                var type = r.Code("PLACEMENT_TYPE", placementTypes);
                if (r.Date("START_DATE", required: true) is { } start)
                {
                    c.Placements.Add(new Placement(id!, c.Person.Id, r.Text("PERIOD_OF_CARE_ID"), start, r.Date("END_DATE"), type));
                }
            });
            Attach(PlacementDetails, "PLACEMENT_ID", "placement", c => c.Placements, p => p.Id, r =>
                ReadPlacementDetails(r, "IS_LONG_TERM", "TEMPORARY_APPROVAL", "CARER_APPROVED_DATE",
                    "REDUCED_VISITS_AGREED", "AGREED_VISIT_INTERVAL_DAYS"));
            var legalStatuses = Codes("LegalStatuses");
            PersonTable(LegalStatuses, "PERSON_ID", "LEGAL_STATUS_ID", (r, c, _) =>
            {
                var code = r.Code("LEGAL_STATUS", legalStatuses, required: true);
                if (code is not null && r.Date("START_DATE", required: true) is { } start)
                {
                    c.LegalStatuses.Add(new LegalStatus(c.Person.Id, code, start, r.Date("END_DATE")));
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
            Each(Answers, r =>
            {
                var code = r.Text("QUESTION_USER_CODE");
                if (code is null || !_questionKeys.TryGetValue(code, out var keys))
                {
                    return;
                }

                if (r.Id("WORKFLOW_STEP_ID") is not { } step)
                {
                    return;
                }

                r.RecordId = step;
                LocalDateTime? date = null;
                var invalid = false;
                if (DateQuestionKeys.Any(keys.Contains))
                {
                    date = r.DateTime("DATE_ANSWER");
                    invalid = date is null && r.Text("DATE_ANSWER") is not null;
                }

                bool? flag = null;
                if (YesNoQuestionKeys.Any(keys.Contains) && r.Code("TEXT_ANSWER", yesNo) is { } answer)
                {
                    flag = yes.Contains(answer, StringComparer.OrdinalIgnoreCase);
                }

                int? number = null;
                if (keys.Contains("VisitFrequencyDaysQuestions"))
                {
                    number = r.Int("TEXT_ANSWER");
                    if (number is <= 0)
                    {
                        r.Reject("TEXT_ANSWER", "not a positive number of days; the field is ignored");
                        number = null;
                    }
                }

                bool? working = null;
                if (keys.Contains("VisitFrequencyBasisQuestions") && r.Code("TEXT_ANSWER", basis) is { } b)
                {
                    working = !calendar.Contains(b, StringComparer.OrdinalIgnoreCase);
                }

                var subject = r.Text("SUBJECT_PERSON_ID");
                if (subject is not null && long.TryParse(subject, out var n) && n <= 0)
                {
                    subject = null;
                }

                if (!_answers.TryGetValue(step, out var list))
                {
                    _answers[step] = list = [];
                }

                list.Add(new Answer(code, subject, r.Text("FORM_ANSWER_ROW_ID") ?? "1", r.Text("TEXT_ANSWER"), date, invalid, flag, number, working));
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
        private static LocalDate? FirstDate(RowReader r, bool required, params string[] columns)
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
            var type = r.Text("WORKFLOW_STEP_TYPE_ID");
            if (type is null || !_stepKinds.TryGetValue(type, out var kind)
                || (kind is StepKind.EhReferralDecision or StepKind.S47Enquiry or StepKind.PrivateFostering) != firstPass)
            {
                return;
            }

            if (r.Id("WORKFLOW_STEP_ID") is not { } id)
            {
                return;
            }

            r.RecordId = id;
            if (r.Id("PERSON_ID") is not { } personId)
            {
                return;
            }

            if (!Cases.TryGetValue(personId, out var c))
            {
                r.Reject("PERSON_ID", $"person {personId} is not in {Persons}: the row cannot be used");
                return;
            }

            if (!FirstWithId(r, Steps, "WORKFLOW_STEP_ID", id, personId))
            {
                return;
            }

            var status = r.Code("STEP_STATUS", Codes("StepStatuses"));
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
                    if (r.Date("INCOMING_ON", required: true) is { } start)
                    {
                        c.EarlyHelpEpisodes.Add(new EarlyHelpEpisode(id, c.Person.Id, start, null, r.Text("ASSIGNEE_ID")));
                    }

                    break;
                case StepKind.EhClosure:
                    CloseEarlyHelp(s);
                    break;
                case StepKind.S47Enquiry:
                    if (FirstDate(r, true, "STARTED_ON", "INCOMING_ON") is { } s47Start)
                    {
                        c.S47Enquiries.Add(new S47Enquiry(id, c.Person.Id, Latest(c.Referrals, x => x.ReferralDate, s47Start)?.Id, s47Start,
                            r.Date("COMPLETED_ON")));
                    }

                    break;
                case StepKind.PrivateFostering:
                    var notified = r.Date("INCOMING_ON");
                    var begun = DateAnswer(s, "ArrangementStartQuestions", out var badStart) ?? (badStart ? null : r.Date("STARTED_ON"));
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
                        r.Text("ASSIGNEE_ID"));
                    break;
                case StepKind.CareLeaverAccommodation:
                    if (FirstDate(r, true, "STARTED_ON", "INCOMING_ON") is { } from)
                    {
                        c.Accommodation.Add(new CareLeaverAccommodation(c.Person.Id, from, r.Date("COMPLETED_ON")));
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
                        if (r.Date("COMPLETED_ON") is { } recorded)
                        {
                            c.ManagementRecords.Add(new ManagementRecord(id, c.Person.Id, EpisodeFor(s, recorded), managementKind, recorded,
                                r.Text("ASSIGNEE_ID")));
                        }
                    }
                    else if (DocumentKinds.TryGetValue(kind, out var documentKind) && r.Date("COMPLETED_ON") is { } signed)
                    {
                        c.Documents.Add(new Document(id, c.Person.Id, EpisodeFor(s, signed), documentKind, signed));
                    }

                    break;
            }
        }

        private static void ReadContact(Step s)
        {
            var received = s.R.DateTimeWithFlag("INCOMING_ON", true, out var receivedTime);
            var decision = s.R.DateTimeWithFlag("COMPLETED_ON", false, out var decisionTime);
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
            if (s.R.Date("COMPLETED_ON") is not { } closed)
            {
                return;
            }

            var episodes = s.Case.EarlyHelpEpisodes;
            var open = episodes.Where(e => e.End is null && e.Start <= closed).MaxBy(e => e.Start);
            if (open is null)
            {
                s.R.Reject("PERSON_ID", $"no open Early Help episode of person {s.PersonId} started on or before the closure on {closed:yyyy-MM-dd}: the row cannot be used");
                return;
            }

            episodes[episodes.IndexOf(open)] = open with { End = closed };
        }

        private void ReadAssessment(Step s)
        {
            var start = FirstDate(s.R, false, "STARTED_ON", "INCOMING_ON");
            var completed = s.R.Date("COMPLETED_ON");
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
            var date = DateAnswer(s, "MeetingDateQuestions", out var invalid) ?? (invalid ? null : s.R.Date("COMPLETED_ON"));
            var when = date ?? FirstDate(s.R, false, "STARTED_ON", "INCOMING_ON");
            var s47 = when is null ? null : Latest(s.Case.S47Enquiries, e => e.Start, when.Value)?.Id;
            s.Case.Conferences.Add(new InitialConference(s.Id, s.PersonId, s47, _planByConference.GetValueOrDefault((s.PersonId, s.Id)),
                EpisodeFor(s, when), s.Kind == StepKind.TransferInConference, date));
        }

        private void ReadCinPlan(Step s)
        {
            if (FirstDate(s.R, true, "STARTED_ON", "INCOMING_ON") is not { } start)
            {
                return;
            }

            var days = AnswersTo(s, "VisitFrequencyDaysQuestions").FirstOrDefault(a => a.Number is not null)?.Number;
            var working = AnswersTo(s, "VisitFrequencyBasisQuestions").FirstOrDefault(a => a.Working is not null)?.Working ?? false;
            s.Case.Plans.Add(new Plan(s.Id, s.PersonId, EpisodeFor(s, start), PlanKind.ChildInNeed, start, s.R.Date("COMPLETED_ON"), null)
            {
                VisitFrequency = days is { } d ? new VisitFrequency(d, working) : null,
            });
        }

        private void ReadAudit(Step s)
        {
            if (s.R.Date("COMPLETED_ON") is not { } date)
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

            var completedText = s.R.Text("COMPLETED_ON");
            var completed = s.R.Date("COMPLETED_ON");
            var date = answered ?? completed;
            if (date is null)
            {
                if (!s.Planned && completedText is null)
                {
                    s.R.Reject("COMPLETED_ON", $"no visit date: no answer to {string.Join(", ", Codes("VisitDateQuestions"))} and no completion date; the row cannot be used");
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
                date = s.R.Date("COMPLETED_ON");
            }

            var when = date ?? FirstDate(s.R, false, "STARTED_ON", "INCOMING_ON");
            s.Case.Meetings.Add(new Meeting(s.Id, s.PersonId, EpisodeFor(s, when), type, date, s.Cancelled)
            {
                RecordedDueDate = s.R.Date("DUE_DATE"),
            });
        }

        private void ReadAllocations()
        {
            var relationships = Codes("AllocatedWorkerRelationships");
            PersonTable(ProfRelationships, "PERSON_ID", "PROF_RELATIONSHIP_ID", (r, c, id) =>
            {
                var type = r.Text("PROF_REL_TYPE_CODE");
                if (type is null || !relationships.Contains(type, StringComparer.OrdinalIgnoreCase))
                {
                    return; // other professional relationships (IRO, health visitor, ...) are not allocations
                }

                if (r.Date("START_DATE", required: true) is not { } start)
                {
                    return;
                }

                var worker = r.Text("WORKER_ID");
                string? team = null;
                if (worker is not null && _workers.TryGetValue(worker, out var w))
                {
                    team = (w.Roles.Where(x => (x.Start is null || x.Start <= start) && (x.End is null || x.End >= start)).MaxBy(x => x.Start ?? LocalDate.MinIsoValue)
                        ?? w.Roles.Where(x => x.End is null).MaxBy(x => x.Start ?? LocalDate.MinIsoValue))?.Organisation;
                }

                c.Allocations.Add(new Allocation(id!, c.Person.Id, worker, type, team, start, r.Date("END_DATE"),
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

using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Domain;
using NodaTime;
using K = CaseCompliance.Adapters.LiquidLogic.LiquidLogicLayout.Keys;
using L = CaseCompliance.Adapters.LiquidLogic.LiquidLogicLayout;

namespace CaseCompliance.Adapters.LiquidLogic;

/// <summary>
/// Liquidlogic LCS and EHM: CSV exports of the reporting warehouse (<c>HDM.Child_Social</c>), one file per table,
/// warehouse column names (<see cref="LiquidLogicLayout"/>). Every table's file name, every column name and every
/// code list can be changed in configuration (<c>Tables</c>, <c>Columns</c>, <c>Codes</c>).
/// <para>
/// How the warehouse maps to the canonical record: the kind of a casenote (visit, Early Help contact, management
/// record) comes from its type code, the kind of a meeting or form from its type code, and the authorised date of
/// an assessment, the decision on a contact, review points and plan visit frequencies from form answers
/// (<c>FACT_FORM_ANSWERS</c>, by <c>ANSWER_NO</c>). Drafts and cancelled assessments are left out by sub-status.
/// An id of <c>-1</c> (configurable) means "none". A code that is neither mapped nor listed as another known code
/// is a rejected field; a code list configured empty means the site does not record that kind of data.
/// </para>
/// </summary>
public sealed class LiquidLogicAdapter : ISourceAdapter
{
    public string Kind => "liquidlogic";

    public IReadOnlyList<TableLayout> Layout(SourceOptions options) => L.Tables;

    public IReadOnlyDictionary<string, string> DefaultCodes => LiquidLogicLayout.DefaultCodes;

    public Streaming.StreamLayout Streaming => LiquidLogicLayout.Stream;

    public SourceExtract Read(string name, ITableSource tables, SourceOptions options, RejectionLog rejections,
        CancellationToken cancellationToken = default) =>
        new Reader(name, tables, options, rejections, cancellationToken).Read();

    /// <summary>What a casenote type means: a visit of some kind, or a management record of some kind.</summary>
    private readonly record struct NoteKind(VisitKind? Visit, ManagementKind? Management);

    private enum FormKind
    {
        EarlyHelpAssessment,
        Consent,
        OutcomeStar,
        Audit,
    }

    /// <summary>What a form (by <c>FACT_FORM_ID</c>) is the form of, so that its answers reach the right record.</summary>
    private enum FormUse
    {
        Contact,
        Assessment,
        Plan,
        Audit,
    }

    private sealed class Reader(string name, ITableSource tables, SourceOptions options, RejectionLog log, CancellationToken ct)
        : TableReader(name, tables, options, log, LiquidLogicLayout.Tables, ct)
    {
        private readonly HashSet<string> _nullIds = new(options.CodeList(K.NullIds, L.DefaultCodes), StringComparer.OrdinalIgnoreCase);
        private readonly List<Worker> _workers = [];
        private readonly List<Team> _teams = [];

        // Look-ups between tables: forms and their answers, conferences and their meetings, audits and their actions.
        // A conference's meeting and plan are the child's own rows (FACT_MEETINGS has a row per child a meeting is
        // about), so they are looked up by child as well as id: a child's record then depends on its rows only.
        private readonly Dictionary<string, List<(FormUse Use, string PersonId, string RecordId)>> _formUses = new(StringComparer.Ordinal);
        private readonly Dictionary<string, bool> _contactHasTime = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string PersonId, int? Days, bool? Working)> _frequencies = new(StringComparer.Ordinal);
        private readonly Dictionary<(string PersonId, string MeetingId), (LocalDate? Date, bool Cancelled)> _conferenceMeetings = [];
        private readonly Dictionary<(string PersonId, string ConferenceId), string> _icpcPlan = [];
        private readonly Dictionary<string, string> _auditPerson = new(StringComparer.Ordinal);

        public SourceExtract Read()
        {
            CheckLayout();
            if (Options.Codes.Keys.FirstOrDefault(k => !L.DefaultCodes.ContainsKey(k)) is { } unknown)
            {
                throw new SourceFailedException(
                    $"Codes:{unknown} is not a code list of the liquidlogic adapter (known: {string.Join(", ", L.DefaultCodes.Keys)}).");
            }

            var casenotes = Classifier<NoteKind>(L.Casenotes.LookupCasntTypeIdCode,
            [
                (K.CpVisitCasenoteTypes, new NoteKind(VisitKind.ChildProtection, null)),
                (K.LacVisitCasenoteTypes, new NoteKind(VisitKind.LookedAfter, null)),
                (K.CinVisitCasenoteTypes, new NoteKind(VisitKind.ChildInNeed, null)),
                (K.HomeVisitCasenoteTypes, new NoteKind(VisitKind.EarlyHelpHomeVisit, null)),
                (K.EarlyHelpContactCasenoteTypes, new NoteKind(VisitKind.EarlyHelpContact, null)),
                (K.PrivateFosteringVisitCasenoteTypes, new NoteKind(VisitKind.PrivateFostering, null)),
                (K.CareLeaverVisitCasenoteTypes, new NoteKind(VisitKind.CareLeaver, null)),
                (K.OversightCasenoteTypes, new NoteKind(null, ManagementKind.Oversight)),
                (K.SupervisionCasenoteTypes, new NoteKind(null, ManagementKind.Supervision)),
                (K.AuditDiscussionCasenoteTypes, new NoteKind(null, ManagementKind.AuditDiscussion)),
            ], K.OtherCasenoteTypes);
            var meetings = Classifier<MeetingType>(L.Meetings.LookupMtgTypeIdCode,
            [
                (K.TafMeetingTypes, MeetingType.TeamAroundFamily),
                (K.TafReviewMeetingTypes, MeetingType.TeamAroundFamilyReview),
                (K.CoreGroupMeetingTypes, MeetingType.CoreGroup),
                (K.CinReviewMeetingTypes, MeetingType.ChildInNeedReview),
                (K.PathwayPlanReviewMeetingTypes, MeetingType.PathwayPlanReview),
                (K.StrategyDiscussionMeetingTypes, MeetingType.StrategyDiscussion),
            ], K.ConferenceMeetingTypes, K.OtherMeetingTypes);
            var forms = Classifier<FormKind>(L.Forms.LookupFormTypeIdCode,
            [
                (K.EarlyHelpAssessmentFormTypes, FormKind.EarlyHelpAssessment),
                (K.ConsentFormTypes, FormKind.Consent),
                (K.OutcomeStarFormTypes, FormKind.OutcomeStar),
                (K.AuditFormTypes, FormKind.Audit),
            ], K.OtherFormTypes);

            ReadPeople();
            ReadDirectory();
            ReadEpisodes();
            ReadAssessmentsAndPlans();
            ReadMeetings(meetings);
            ReadPeriodsOfCare();
            ReadCare();
            ReadForms(forms);
            ReadFormAnswers();
            ReadCasenotes(casenotes);

            var extract = Extract("liquidlogic", new CaseDirectory(_workers, _teams));
            var unrecorded = Unrecorded();
            return unrecorded.Count == 0
                ? extract
                : extract with { Cases = [.. extract.Cases.Select(c => c with { Recorded = c.Recorded.Except(unrecorded) })] };
        }

        protected override bool IsNoLink(string value) => _nullIds.Contains(value);

        private IReadOnlyList<string> Codes(string key) => Options.CodeList(key, L.DefaultCodes);

        /// <summary>The kind each listed type code of a column means; codes of the other keys are known and not used.</summary>
        private CodeClassifier<T> Classifier<T>(Column column, (string Key, T Kind)[] kinds, params string[] otherKeys) =>
            CodeClassifier<T>.From(new CodeGroup<T>(column.ToString(), kinds, otherKeys), Options, L.DefaultCodes);

        private HashSet<string> Set(string key) => new(Codes(key), StringComparer.OrdinalIgnoreCase);

        /// <summary>An id that links to another record; empty or the warehouse's "none" id (<c>-1</c>) is null.</summary>
        private string? Link(RowReader r, Column column) => r.Text(column) is { } v && !_nullIds.Contains(v) ? v : null;

        /// <summary>Rows that name a person (the table's <c>DIM_PERSON_ID</c>); rows for an unknown person are rejected,
        /// rows for the warehouse's "no person" id are skipped.</summary>
        private void PersonRows(TableDef table, Column personColumn, Column? idColumn, Action<RowReader, CaseBuilder, string?> read) =>
            KeyedTable(table, personColumn, idColumn?.Name, person => Cases.GetValueOrDefault(person),
                person => $"person {person} is not in {L.Person.Table.Name}: the row cannot be used", read, skip: _nullIds.Contains);

        /// <summary>The kind a type code maps to; false (and a rejected field) for a missing or unknown code. A code
        /// listed as another known code gives true with no kind: the row is not one the rules use.</summary>
        private static bool TryKind<T>(RowReader r, Column column, CodeClassifier<T> codes, out T? kind)
            where T : struct
        {
            kind = null;
            var text = r.Text(column);
            if (text is not null && codes.TryValue(text, out var k))
            {
                kind = k;
                return true;
            }

            if (text is not null && codes.IsIgnored(text))
            {
                return true;
            }

            r.Code(column, codes.Known, required: true);
            return false;
        }

        /// <summary>Notes the form (<paramref name="formColumn"/>, the row's <c>FACT_FORM_ID</c>) whose answers belong to the record.</summary>
        private void UseForm(RowReader r, Column formColumn, CaseBuilder c, FormUse use, string recordId)
        {
            if (Link(r, formColumn) is not { } form)
            {
                return;
            }

            if (!_formUses.TryGetValue(form, out var uses))
            {
                _formUses[form] = uses = [];
            }

            uses.Add((use, c.Person.Id, recordId));
        }

        private void ReadPeople()
        {
            Each(L.Person.Table, r =>
            {
                var id = r.Id(L.Person.PersonId);
                if (id is null)
                {
                    return;
                }

                r.RecordId = id;
                if (_nullIds.Contains(id))
                {
                    return;
                }

                // The warehouse keeps an unborn child's expected date of birth as an estimated birth date.
                var birth = r.Date(L.Person.BirthDttm);
                var estimated = r.Flag(L.Person.DobEstimated) == true;
                var person = new Person(id, r.Text(L.Person.Forename), r.Text(L.Person.Surname), r.Text(L.Person.GenderMainCode),
                    r.Text(L.Person.EthnicityMainCode), estimated ? null : birth, estimated ? birth : null, r.Text(L.Person.Upn), null,
                    r.Date(L.Person.DeathDttm));
                if (!Cases.TryAdd(id, new CaseBuilder(person)))
                {
                    r.Reject(L.Person.PersonId, $"duplicate person id {id}: the first row is used");
                }
            });
            PersonRows(L.NoUpn.Table, L.NoUpn.PersonId, null, (r, c, _) =>
            {
                if (r.Text(L.NoUpn.NoUpnCode) is { } code)
                {
                    c.Person = c.Person with { UpnUnknownReason = code };
                }
            });
            PersonRows(L.PersonDetails.Table, L.PersonDetails.PersonId, null, (r, c, _) => c.Person = c.Person with
            {
                Telephone = r.Text(L.PersonDetails.TelephoneNo),
                EthnicityDetail = r.Text(L.PersonDetails.EthnicityDetail),
                PrimaryNeed = r.Text(L.PersonDetails.LookupCategoryOfNeedCode),
            });
            PersonRows(L.Address.Table, L.Address.PersonId, L.Address.PersonAddressId, (r, c, _) =>
            {
                var street = string.Join(' ', new[] { r.Text(L.Address.HouseNo), r.Text(L.Address.Street) }.OfType<string>());
                var text = string.Join(", ", new[] { street.Length > 0 ? street : null, r.Text(L.Address.Town) }.OfType<string>());
                c.Addresses.Add(new Address(text.Length > 0 ? text : null, r.Text(L.Address.Postcode), r.Date(L.Address.StartDttm),
                    r.Date(L.Address.EndDttm)));
            });
            PersonRows(L.Disability.Table, L.Disability.PersonId, L.Disability.DisabilityId, (r, c, _) =>
            {
                if (r.Text(L.Disability.LookupDisabCode) is { } code)
                {
                    c.Disabilities.Add(code);
                }
            });
        }

        private void ReadDirectory()
        {
            Each(L.Department.Table, r =>
            {
                if (r.Id(L.Department.DepartmentId) is { } id && !_nullIds.Contains(id))
                {
                    r.RecordId = id;
                    _teams.Add(new Team(id, r.Text(L.Department.Name), Link(r, L.Department.DeptId)));
                }
            });
            Each(L.Worker.Table, r =>
            {
                if (r.Id(L.Worker.WorkerId) is { } id && !_nullIds.Contains(id))
                {
                    r.RecordId = id;
                    _workers.Add(new Worker(id, r.Text(L.Worker.WorkerName), r.Text(L.Worker.JobTitle), Link(r, L.Worker.DepartmentId)));
                }
            });
        }

        private void ReadEpisodes()
        {
            var allocationTypes = Set(K.AllocationInvolvementTypes);
            PersonRows(L.Involvements.Table, L.Involvements.PersonId, L.Involvements.InvolvementsId, (r, c, id) =>
            {
                var type = r.Text(L.Involvements.LookupInvolvementTypeCode);
                if (type is null || !allocationTypes.Contains(type))
                {
                    return;
                }

                if (r.Date(L.Involvements.StartDttm, required: true) is { } start)
                {
                    c.Allocations.Add(new Allocation(id!, c.Person.Id, Link(r, L.Involvements.WorkerId), type, Link(r, L.Involvements.DepartmentId),
                        start, r.Date(L.Involvements.EndDttm), Link(r, L.Involvements.ReferralId) ?? Link(r, L.Involvements.CafEpisodeId)));
                }
            });
            PersonRows(L.Contacts.Table, L.Contacts.PersonId, L.Contacts.ContactId, (r, c, id) =>
            {
                if (r.DateTimeWithFlag(L.Contacts.ContactDttm, true, out var hasTime) is { } received)
                {
                    c.Contacts.Add(new Contact(id!, c.Person.Id, received.Date) { ReceivedAt = received, HasTimes = hasTime });
                    _contactHasTime[id!] = hasTime;
                    UseForm(r, L.Contacts.FormId, c, FormUse.Contact, id!);
                }
            });
            PersonRows(L.CafEpisode.Table, L.CafEpisode.PersonId, L.CafEpisode.CafEpisodeId, (r, c, id) =>
            {
                if (r.Date(L.CafEpisode.EpisodeStartDttm, required: true) is { } start)
                {
                    c.EarlyHelpEpisodes.Add(new EarlyHelpEpisode(id!, c.Person.Id, start, r.Date(L.CafEpisode.EpisodeEndDttm),
                        Link(r, L.CafEpisode.WorkerId)));
                }
            });
            PersonRows(L.Referrals.Table, L.Referrals.PersonId, L.Referrals.ReferralId, (r, c, id) =>
            {
                if (r.Date(L.Referrals.RefrlStartDttm, required: true) is { } date)
                {
                    c.Referrals.Add(new Referral(id!, c.Person.Id, date, r.Date(L.Referrals.RefrlEndDttm), r.Text(L.Referrals.LookupCategoryOfNeedCode),
                        r.Flag(L.Referrals.OutcomeNfaFlag), Link(r, L.Referrals.DepartmentId), Link(r, L.Referrals.WorkerId)));
                }
            });
        }

        private void ReadAssessmentsAndPlans()
        {
            var excluded = Set(K.ExcludedAssessmentSubstatuses);
            PersonRows(L.SingleAssessment.Table, L.SingleAssessment.PersonId, L.SingleAssessment.SingleAssessmentId, (r, c, id) =>
            {
                // Drafts and cancelled assessments are not assessments (extracts.md).
                if (r.Text(L.SingleAssessment.LookupStepSubstatusCode) is { } status && excluded.Contains(status))
                {
                    return;
                }

                c.Assessments.Add(new Assessment(id!, c.Person.Id, Link(r, L.SingleAssessment.ReferralId), AssessmentKind.SocialCare,
                    r.Date(L.SingleAssessment.StartDttm), null, null));
                UseForm(r, L.SingleAssessment.FormId, c, FormUse.Assessment, id!);
            });
            PersonRows(L.S47.Table, L.S47.PersonId, L.S47.S47Id, (r, c, id) =>
            {
                if (r.Date(L.S47.StartDttm, required: true) is { } start)
                {
                    c.S47Enquiries.Add(new S47Enquiry(id!, c.Person.Id, Link(r, L.S47.ReferralId), start, r.Date(L.S47.EndDttm)));
                }
            });
            PersonRows(L.CpPlan.Table, L.CpPlan.PersonId, L.CpPlan.CpPlanId, (r, c, id) =>
            {
                if (r.Date(L.CpPlan.StartDttm, required: true) is { } start)
                {
                    var icpc = Link(r, L.CpPlan.InitialCpConferenceId);
                    c.Plans.Add(new Plan(id!, c.Person.Id, Link(r, L.CpPlan.ReferralId), PlanKind.ChildProtection, start, r.Date(L.CpPlan.EndDttm), icpc));
                    if (icpc is not null)
                    {
                        _icpcPlan.TryAdd((c.Person.Id, icpc), id!);
                    }

                    UseForm(r, L.CpPlan.FormId, c, FormUse.Plan, id!);
                }
            });
            var cinTypes = Set(K.CinPlanTypes);
            var excludedStatuses = Set(K.ExcludedPlanStatuses);
            PersonRows(L.CarePlanSummary.Table, L.CarePlanSummary.PersonId, L.CarePlanSummary.CarePlanSummaryId, (r, c, id) =>
            {
                // Other plan types (pathway plans, care plans) are not child in need plans.
                if (r.Text(L.CarePlanSummary.LookupPlanTypeCode) is not { } type || !cinTypes.Contains(type)
                    || (r.Text(L.CarePlanSummary.LookupPlanStatusIdCode) is { } status && excludedStatuses.Contains(status)))
                {
                    return;
                }

                if (r.Date(L.CarePlanSummary.StartDttm, required: true) is { } start)
                {
                    c.Plans.Add(new Plan(id!, c.Person.Id, Link(r, L.CarePlanSummary.ReferralId), PlanKind.ChildInNeed, start,
                        r.Date(L.CarePlanSummary.EndDttm), null));
                    UseForm(r, L.CarePlanSummary.FormId, c, FormUse.Plan, id!);
                }
            });
        }

        private void ReadMeetings(CodeClassifier<MeetingType> codes)
        {
            var conferences = Set(K.ConferenceMeetingTypes);
            PersonRows(L.Meetings.Table, L.Meetings.PersonId, L.Meetings.MeetingId, (r, c, id) =>
            {
                if (!TryKind(r, L.Meetings.LookupMtgTypeIdCode, codes, out var type))
                {
                    return;
                }

                var date = r.Date(L.Meetings.MeetingDttm);
                var cancelled = r.Flag(L.Meetings.Cancelled) == true;
                if (type is { } t)
                {
                    c.Meetings.Add(new Meeting(id!, c.Person.Id,
                        Link(r, L.Meetings.CpPlanId) ?? Link(r, L.Meetings.ReferralId) ?? Link(r, L.Meetings.CafEpisodeId), t, date, cancelled));
                }
                else if (conferences.Contains(r.Text(L.Meetings.LookupMtgTypeIdCode)!))
                {
                    // Conferences and reviews have their own tables; their meeting gives the date or the cancellation.
                    _conferenceMeetings[(c.Person.Id, id!)] = (date, cancelled);
                }
            });
            PersonRows(L.CpConference.Table, L.CpConference.PersonId, L.CpConference.CpConferenceId, (r, c, id) =>
            {
                var meeting = ConferenceMeeting(r, L.CpConference.MeetingId, c);
                c.Conferences.Add(new InitialConference(id!, c.Person.Id, Link(r, L.CpConference.S47Id), _icpcPlan.GetValueOrDefault((c.Person.Id, id!)),
                    Link(r, L.CpConference.ReferralId), r.Flag(L.CpConference.TransferInFlag) == true, meeting is { Cancelled: false } m ? m.Date : null));
            });
            PersonRows(L.CpReview.Table, L.CpReview.PersonId, L.CpReview.CpReviewId, (r, c, id) =>
                c.Meetings.Add(new Meeting(id!, c.Person.Id, Link(r, L.CpReview.CpPlanId), MeetingType.ChildProtectionReview,
                    r.Date(L.CpReview.MeetingDttm), false) { RecordedDueDate = r.Date(L.CpReview.DueDttm) }));
        }

        /// <summary>The conference or review meeting a row names (<c>FACT_MEETING_ID</c>); a named meeting that is not
        /// in <c>FACT_MEETINGS</c> for the same child with a conference type is a rejected field.</summary>
        private (LocalDate? Date, bool Cancelled)? ConferenceMeeting(RowReader r, Column meetingColumn, CaseBuilder c)
        {
            if (Link(r, meetingColumn) is not { } meeting)
            {
                return null;
            }

            if (_conferenceMeetings.TryGetValue((c.Person.Id, meeting), out var m))
            {
                return m;
            }

            r.Reject(meetingColumn, $"no {L.Meetings.Table.Name} row of a conference type ({K.ConferenceMeetingTypes}) with id {meeting} " +
                $"for person {c.Person.Id}; the field is ignored");
            return null;
        }

        private void ReadPeriodsOfCare()
        {
            var episodes = new List<(string PersonId, string Period, LocalDate Start, LocalDate? End, string? Referral)>();
            PersonRows(L.CareEpisodes.Table, L.CareEpisodes.PersonId, L.CareEpisodes.CareEpisodesId, (r, c, id) =>
            {
                if (r.Date(L.CareEpisodes.CareStartDate, required: true) is { } start)
                {
                    episodes.Add((c.Person.Id, Link(r, L.CareEpisodes.ClaId) ?? id!, start, r.Date(L.CareEpisodes.CareEndDate),
                        Link(r, L.CareEpisodes.ReferralId)));
                }
            });

            // A period of care (FACT_CLA_ID) runs from its first episode and is open while any of its episodes is.
            foreach (var g in episodes.GroupBy(e => (e.PersonId, e.Period)))
            {
                var end = g.Any(e => e.End is null) ? null : g.Max(e => e.End);
                Cases[g.Key.PersonId].PeriodsOfCare.Add(new PeriodOfCare(g.Key.Period, g.Key.PersonId,
                    g.Select(e => e.Referral).FirstOrDefault(x => x is not null), g.Min(e => e.Start), end));
            }
        }

        private void ReadCare()
        {
            var placementTypes = Codes(K.PlacementTypes);
            PersonRows(L.Placement.Table, L.Placement.PersonId, L.Placement.ClaPlacementId, (r, c, id) =>
            {
                var type = r.Code(L.Placement.LookupPlacementTypeCode, placementTypes);
                if (r.Date(L.Placement.StartDttm, required: true) is { } start)
                {
                    c.Placements.Add(new Placement(id!, c.Person.Id, Link(r, L.Placement.ClaId), start, r.Date(L.Placement.EndDttm), type));
                }
            });
            Attach(L.PlacementDetails.Table, L.PlacementDetails.ClaPlacementId, "placement", c => c.Placements, p => p.Id, r =>
                ReadPlacementDetails(r, L.PlacementDetails.LongTermFlag, L.PlacementDetails.TemporaryApprovalFlag, L.PlacementDetails.CarerApprovedDttm,
                    L.PlacementDetails.ReducedVisitsFlag, L.PlacementDetails.AgreedVisitIntervalDays));
            var legalStatuses = Codes(K.LegalStatuses);
            PersonRows(L.LegalStatus.Table, L.LegalStatus.PersonId, L.LegalStatus.LegalStatusId, (r, c, _) =>
            {
                var code = r.Code(L.LegalStatus.LookupLglStatusCode, legalStatuses, required: true);
                if (code is not null && r.Date(L.LegalStatus.StartDttm, required: true) is { } start)
                {
                    c.LegalStatuses.Add(new LegalStatus(c.Person.Id, code, start, r.Date(L.LegalStatus.EndDttm)));
                }
            });
            PersonRows(L.ClaReview.Table, L.ClaReview.PersonId, L.ClaReview.ClaReviewId, (r, c, id) =>
            {
                var meeting = ConferenceMeeting(r, L.ClaReview.MeetingId, c);
                c.Meetings.Add(new Meeting(id!, c.Person.Id, Link(r, L.ClaReview.ClaId), MeetingType.LookedAfterReview,
                    r.Date(L.ClaReview.MeetingDttm), meeting?.Cancelled == true) { RecordedDueDate = r.Date(L.ClaReview.DueDttm) });
            });
            PersonRows(L.CareLeavers.Table, L.CareLeavers.PersonId, L.CareLeavers.ClaCareLeaversId, (r, c, _) =>
                c.CareLeaver = new CareLeaver(c.Person.Id, r.Date(L.CareLeavers.InTouchDttm), r.Date(L.CareLeavers.PathwayPlanReviewDttm),
                    Link(r, L.CareLeavers.WorkerId)));
            PersonRows(L.CareLeaverAccommodation.Table, L.CareLeaverAccommodation.PersonId,
                L.CareLeaverAccommodation.CareLeaverAccommodationId, (r, c, _) =>
            {
                if (r.Date(L.CareLeaverAccommodation.StartDttm, required: true) is { } start)
                {
                    c.Accommodation.Add(new CareLeaverAccommodation(c.Person.Id, start, r.Date(L.CareLeaverAccommodation.EndDttm)));
                }
            });
            PersonRows(L.PrivateFostering.Table, L.PrivateFostering.PersonId, L.PrivateFostering.PrivateFosteringId, (r, c, id) =>
                c.PrivateFostering.Add(new PrivateFostering(id!, c.Person.Id, r.Date(L.PrivateFostering.NotificationDttm),
                    r.Date(L.PrivateFostering.StartDttm), r.Date(L.PrivateFostering.EndDttm))));
        }

        private void ReadForms(CodeClassifier<FormKind> codes)
        {
            PersonRows(L.Forms.Table, L.Forms.PersonId, L.Forms.FormId, (r, c, id) =>
            {
                if (!TryKind(r, L.Forms.LookupFormTypeIdCode, codes, out var kind) || kind is not { } k)
                {
                    return;
                }

                var episode = Link(r, L.Forms.ReferralId) ?? Link(r, L.Forms.CafEpisodeId);
                var start = r.Date(L.Forms.StartDttm);
                var completed = r.Date(L.Forms.CompletedDttm);
                switch (k)
                {
                    case FormKind.EarlyHelpAssessment:
                        c.Assessments.Add(new Assessment(id!, c.Person.Id, episode, AssessmentKind.EarlyHelp, start, completed, null));
                        break;

                    // A consent form, Outcome Star or audit counts once completed; until then it is a draft.
                    case FormKind.Consent or FormKind.OutcomeStar when completed is { } date:
                        c.Documents.Add(new Document(id!, c.Person.Id, episode,
                            k == FormKind.Consent ? DocumentKind.Consent : DocumentKind.OutcomeStar, date));
                        break;
                    case FormKind.Audit when completed is { } date:
                        c.Audits.Add(new Audit(id!, c.Person.Id, episode, date, null));
                        _auditPerson[id!] = c.Person.Id;
                        UseForm(r, L.Forms.FormId, c, FormUse.Audit, id!);
                        break;
                }
            });
            ChildTable(L.AuditActions.Table, L.AuditActions.FormId, _auditPerson, L.AuditActions.AuditActionId, (r, c, id) =>
                c.AuditActions.Add(new AuditAction(id!, r.Text(L.AuditActions.FormId)!, r.Text(L.AuditActions.Description),
                    Link(r, L.AuditActions.WorkerId), r.Date(L.AuditActions.DueDttm), r.Date(L.AuditActions.CompletedDttm))));
        }

        /// <summary>
        /// Answers of the forms read so far (contacts, assessments, plans, audits), by question (<c>ANSWER_NO</c>);
        /// answers of other forms and other questions are not read.
        /// </summary>
        private void ReadFormAnswers()
        {
            var decision = Set(K.ContactDecisionAnswers);
            var authorised = Set(K.AssessmentAuthorisedAnswers);
            var childSeen = Set(K.AssessmentChildSeenAnswers);
            var reviewPoint = Set(K.AssessmentReviewPointAnswers);
            var interval = Set(K.PlanVisitIntervalAnswers);
            var basis = Set(K.PlanVisitBasisAnswers);
            var grade = Set(K.AuditGradeAnswers);
            var yes = Set(K.YesAnswers);
            string[] yesNo = [.. Codes(K.YesAnswers), .. Codes(K.NoAnswers)];
            var working = Set(K.WorkingDayBases);
            string[] bases = [.. Codes(K.WorkingDayBases), .. Codes(K.CalendarDayBases)];

            Each(L.FormAnswers.Table, r =>
            {
                if (r.Text(L.FormAnswers.FormId) is not { } form || !_formUses.TryGetValue(form, out var uses)
                    || r.Text(L.FormAnswers.AnswerNo) is not { } question)
                {
                    return;
                }

                r.RecordId = r.Text(L.FormAnswers.FormAnswerId) ?? form;
                LocalDateTime? at = null;
                var hasTime = false;
                var parsed = false;
                LocalDateTime? When()
                {
                    if (!parsed)
                    {
                        at = r.DateTimeWithFlag(L.FormAnswers.Answer, false, out hasTime);
                        parsed = true;
                    }

                    return at;
                }

                foreach (var (use, personId, recordId) in uses)
                {
                    var c = Cases[personId];
                    switch (use)
                    {
                        case FormUse.Contact when decision.Contains(question):
                            var decided = When();
                            var receivedTime = _contactHasTime.GetValueOrDefault(recordId);
                            Update(c.Contacts, x => x.Id == recordId, x => x with
                            {
                                DecisionAt = decided,
                                HasTimes = receivedTime && (decided is null || hasTime),
                            });
                            break;
                        case FormUse.Assessment when authorised.Contains(question):
                            var completed = When()?.Date;
                            Update(c.Assessments, x => x.Id == recordId, x => x with { Completed = completed });
                            break;
                        case FormUse.Assessment when childSeen.Contains(question):
                            if (r.Code(L.FormAnswers.Answer, yesNo) is { } answer)
                            {
                                Update(c.Assessments, x => x.Id == recordId, x => x with { ChildSeen = yes.Contains(answer) });
                            }

                            break;
                        case FormUse.Assessment when reviewPoint.Contains(question):
                            if (When() is { } point)
                            {
                                c.ReviewPoints.Add(new AssessmentReviewPoint(recordId, point.Date));
                            }

                            break;
                        case FormUse.Plan when interval.Contains(question):
                            var days = r.Int(L.FormAnswers.Answer);
                            if (days is <= 0)
                            {
                                r.Reject(L.FormAnswers.Answer, "not a positive number of days; the field is ignored");
                                days = null;
                            }

                            if (days is not null)
                            {
                                _frequencies[recordId] = Frequency(recordId, personId) with { Days = days };
                            }

                            break;
                        case FormUse.Plan when basis.Contains(question):
                            if (r.Code(L.FormAnswers.Answer, bases) is { } b)
                            {
                                _frequencies[recordId] = Frequency(recordId, personId) with { Working = working.Contains(b) };
                            }

                            break;
                        case FormUse.Audit when grade.Contains(question):
                            var text = r.Text(L.FormAnswers.Answer);
                            Update(c.Audits, x => x.Id == recordId, x => x with { Grade = text });
                            break;
                    }
                }
            });

            foreach (var (plan, (personId, days, working2)) in _frequencies)
            {
                if (days is { } d)
                {
                    Update(Cases[personId].Plans, p => p.Id == plan, p => p with { VisitFrequency = new VisitFrequency(d, working2 == true) });
                }
            }
        }

        private (string PersonId, int? Days, bool? Working) Frequency(string planId, string personId) =>
            _frequencies.TryGetValue(planId, out var f) ? f : (personId, null, null);

        private void ReadCasenotes(CodeClassifier<NoteKind> codes)
        {
            PersonRows(L.Casenotes.Table, L.Casenotes.PersonId, L.Casenotes.CasenoteId, (r, c, id) =>
            {
                if (!TryKind(r, L.Casenotes.LookupCasntTypeIdCode, codes, out var kind) || kind is not { } k
                    || r.Date(L.Casenotes.EventDttm, required: true) is not { } date)
                {
                    return;
                }

                var episode = Link(r, L.Casenotes.ReferralId) ?? Link(r, L.Casenotes.CafEpisodeId);
                if (k.Visit is { } visit)
                {
                    c.Visits.Add(new Visit(id!, c.Person.Id, episode, visit, date, r.Flag(L.Casenotes.SeenFlag), r.Flag(L.Casenotes.SeenAloneFlag))
                    {
                        NotSeenAloneReason = r.Text(L.Casenotes.NotSeenAloneReason),
                        RecordedDate = r.Date(L.Casenotes.CreatedDttm),
                    });
                }
                else if (k.Management is { } management)
                {
                    c.ManagementRecords.Add(new ManagementRecord(id!, c.Person.Id, episode, management, date, Link(r, L.Casenotes.WorkerId)));
                }
            });

            // The warehouse links CP and LAC visit casenotes to their plan and period of care in link tables.
            Attach(L.CpVisit.Table, L.CpVisit.CasenoteId, $"casenote of a visit type in {L.Casenotes.Table.Name}", c => c.Visits, v => v.Id, r =>
                Link(r, L.CpVisit.CpPlanId) is { } plan ? v => v.Kind == VisitKind.ChildProtection ? v with { EpisodeId = plan } : v : null);
            Attach(L.ClaVisit.Table, L.ClaVisit.CasenoteId, $"casenote of a visit type in {L.Casenotes.Table.Name}", c => c.Visits, v => v.Id, r =>
                Link(r, L.ClaVisit.ClaId) is { } cla ? v => v.Kind == VisitKind.LookedAfter ? v with { EpisodeId = cla } : v : null);

            // A private fostering visit names no arrangement: it belongs to the one open on the visit date.
            foreach (var c in Cases.Values.Where(c => c.PrivateFostering.Count > 0))
            {
                for (var i = 0; i < c.Visits.Count; i++)
                {
                    var v = c.Visits[i];
                    if (v.Kind != VisitKind.PrivateFostering || v.EpisodeId is not null)
                    {
                        continue;
                    }

                    var arrangement = c.PrivateFostering
                        .Where(p => Earliest(p.Notification, p.Start) is { } from && from <= v.Date && (p.End is null || p.End >= v.Date))
                        .MaxBy(p => Earliest(p.Notification, p.Start));
                    if (arrangement is not null)
                    {
                        c.Visits[i] = v with { EpisodeId = arrangement.Id };
                    }
                }
            }
        }

        private static LocalDate? Earliest(LocalDate? a, LocalDate? b) => a is null ? b : b is null ? a : LocalDate.Min(a.Value, b.Value);

        private static void Update<T>(List<T> items, Predicate<T> match, Func<T, T> update)
        {
            var i = items.FindIndex(match);
            if (i >= 0)
            {
                items[i] = update(items[i]);
            }
        }

        /// <summary>Data sets whose every code list is configured empty: this site does not record them.</summary>
        private HashSet<Dataset> Unrecorded()
        {
            var off = new HashSet<Dataset>();
            void When(Dataset dataset, params string[] keys)
            {
                if (keys.All(k => Codes(k).Count == 0))
                {
                    off.Add(dataset);
                }
            }

            When(Dataset.ChildProtectionVisits, K.CpVisitCasenoteTypes);
            When(Dataset.LookedAfterVisits, K.LacVisitCasenoteTypes);
            When(Dataset.ChildInNeedVisits, K.CinVisitCasenoteTypes);
            When(Dataset.EarlyHelpContacts, K.HomeVisitCasenoteTypes, K.EarlyHelpContactCasenoteTypes);
            When(Dataset.OtherVisits, K.PrivateFosteringVisitCasenoteTypes, K.CareLeaverVisitCasenoteTypes);
            When(Dataset.ManagementRecords, K.OversightCasenoteTypes, K.SupervisionCasenoteTypes, K.AuditDiscussionCasenoteTypes);
            When(Dataset.Meetings, K.TafMeetingTypes, K.TafReviewMeetingTypes, K.CoreGroupMeetingTypes, K.CinReviewMeetingTypes,
                K.PathwayPlanReviewMeetingTypes, K.StrategyDiscussionMeetingTypes);
            When(Dataset.EarlyHelpAssessments, K.EarlyHelpAssessmentFormTypes);
            When(Dataset.Documents, K.ConsentFormTypes, K.OutcomeStarFormTypes);
            When(Dataset.Audits, K.AuditFormTypes);
            When(Dataset.AuditActions, K.AuditFormTypes);
            When(Dataset.ContactDecisions, K.ContactDecisionAnswers);
            When(Dataset.AssessmentReviewPoints, K.AssessmentReviewPointAnswers);
            When(Dataset.PlanVisitFrequency, K.PlanVisitIntervalAnswers);
            return off;
        }
    }
}

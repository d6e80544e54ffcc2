using System.Globalization;
using CaseCompliance.Adapters;
using CaseCompliance.Adapters.Mosaic;
using CaseCompliance.Adapters.Reading;
using M = CaseCompliance.Adapters.Mosaic.MosaicLayout;
using Row = System.Collections.Generic.IReadOnlyDictionary<string, string>;

namespace CaseCompliance.Generation;

/// <summary>
/// Writes the <c>mosaic</c> layout (docs/sources/mosaic.md, <see cref="MosaicLayout"/>): the data warehouse
/// <c>dm_</c> tables, with the ids, step types, statuses, form answers and <c>yyyy-MM-dd HH:mm:ss</c> texts of the
/// converter that made samples/mosaic from samples/standard. Steps that are not themselves an episode, plan,
/// assessment, contact, enquiry, conference or audit get numeric ids from 500001 on, numbered as written (child by
/// child); relationship, address and legal status rows are numbered from 300001, 800001 and 700001. Streams: only
/// those counters are kept between children. Like the converter it adds what a real warehouse holds and the adapter
/// must skip: a disability register row (<c>IS_CHILD_PROTECTION_PLAN = N</c>) per disability, and a case-note step
/// (type 1402, not configured) with an unread answer for each of the first five children.
/// Mosaic steps name no episode: the adapter infers the links by date, so the sink cannot carry the SSD's own links
/// (the converter checked that the inference gives them back for the sample; the sink does not check). An SSD code
/// with no Mosaic counterpart is written as it is: as a step type, that is one the adapter is not configured for.
/// </summary>
public sealed class MosaicSink : IExtractSink
{
    private const int CaseNoteType = 1402; // a step type the adapter is not configured for
    private const int CaseNoteChildren = 5;

    private readonly List<IDisposable> _files = [];
    private readonly SinkTable _persons, _disabilities, _groups, _organisations, _workers, _roles, _relationships, _referrals,
        _registrations, _periods, _placements, _placementDetails, _legal, _steps;
    private readonly WarehouseTable _addresses, _telephones, _answers;

    private readonly Dictionary<StepKind, string> _type = [];
    private readonly Dictionary<string, string> _departmentOf = new(StringComparer.Ordinal); // directory: worker → team

    private long _nextStep = 500000, _nextAddress = 800000, _nextLegal = 700000, _nextRelationship = 300000;
    private int _children;

    // Look-ups within one child, cleared for the next.
    private readonly Dictionary<string, Row> _decisions = new(StringComparer.Ordinal), _visitDetails = new(StringComparer.Ordinal),
        _frequencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _last = new(StringComparer.Ordinal), _personOfPeriod = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Person, string Start, string End, bool Open)> _periodsOfCare = new(StringComparer.Ordinal);
    private readonly List<string> _periodOrder = [];

    public MosaicSink(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        SinkTable Open(TableDef table)
        {
            var file = new SinkTable(directory, table);
            _files.Add(file);
            return file;
        }

        WarehouseTable OpenAs(TableDef table, params Column[] header)
        {
            var file = new WarehouseTable(directory, table, header);
            _files.Add(file);
            return file;
        }

        _persons = Open(M.Persons.Table);
        _addresses = OpenAs(M.Addresses.Table, [Unread.AddressId, .. M.Addresses.Table.Columns]);
        _telephones = OpenAs(M.Telephones.Table, [.. M.Telephones.Table.Columns, Unread.NumberType]);
        _disabilities = Open(M.Disabilities.Table);
        _groups = Open(M.ServiceUserGroups.Table);
        _organisations = Open(M.Organisations.Table);
        _workers = Open(M.Workers.Table);
        _roles = Open(M.WorkerRoles.Table);
        _referrals = Open(M.Referrals.Table);
        _registrations = Open(M.Registrations.Table);
        _periods = Open(M.PeriodsOfCare.Table);
        _placements = Open(M.Placements.Table);
        _placementDetails = Open(M.PlacementDetails.Table);
        _legal = Open(M.LegalStatuses.Table);
        _relationships = Open(M.ProfRelationships.Table);
        _steps = Open(M.Steps.Table);
        _answers = OpenAs(M.Answers.Table, M.Answers.WorkflowStepId, M.Answers.FormAnswerRowId, M.Answers.SubjectPersonId,
            M.Answers.QuestionUserCode, M.Answers.TextAnswer, M.Answers.DateAnswer);

        foreach (var kind in M.StepKinds)
        {
            _type[kind.Kind] = kind.DefaultTypes.Split(',')[0].Trim();
        }
    }

    public string Format => "mosaic";

    public void Directory(SsdTables tables)
    {
        foreach (var t in tables.Rows("ssd_department"))
        {
            _organisations.Write((M.Organisations.OrganisationId, V(t, "dept_team_id")), (M.Organisations.Name, V(t, "dept_team_name")),
                (M.Organisations.ParentOrganisationId, V(t, "dept_team_parent_id")));
        }

        foreach (var p in tables.Rows("ssd_professionals"))
        {
            var id = V(p, "prof_professional_id");
            var name = V(p, "prof_professional_name");
            var space = name.IndexOf(' ', StringComparison.Ordinal);
            _workers.Write((M.Workers.WorkerId, id), (M.Workers.FirstNames, space < 0 ? name : name[..space]),
                (M.Workers.LastNames, space < 0 ? "" : name[(space + 1)..]));
            _roles.Write((M.WorkerRoles.WorkerId, id), (M.WorkerRoles.OrganisationId, V(p, "prof_professional_department")),
                (M.WorkerRoles.RoleDescription, V(p, "prof_professional_job_title")), (M.WorkerRoles.StartDate, Ts("2020-01-06")));
            _departmentOf[id] = V(p, "prof_professional_department");
        }
    }

    public void Child(SsdTables tables)
    {
        try
        {
            Index(tables);
            People(tables);
            Episodes(tables);
            Steps(tables);
        }
        finally
        {
            _decisions.Clear();
            _visitDetails.Clear();
            _frequencies.Clear();
            _last.Clear();
            _personOfPeriod.Clear();
            _periodsOfCare.Clear();
            _periodOrder.Clear();
        }
    }

    private void Index(SsdTables t)
    {
        foreach (var r in t.Rows("cc_contact_decisions"))
        {
            _decisions[V(r, "cdec_contact_id")] = r;
        }

        foreach (var r in t.Rows("cc_visit_details"))
        {
            _visitDetails[V(r, "vdet_visit_id")] = r;
        }

        foreach (var r in t.Rows("cc_plan_visit_frequency"))
        {
            _frequencies[V(r, "pvf_plan_id")] = r;
        }
    }

    private void People(SsdTables t)
    {
        var details = t.Rows("cc_person_details");
        foreach (var p in t.Rows("ssd_person"))
        {
            var id = V(p, "pers_person_id");
            _persons.Write(
                (M.Persons.PersonId, id),
                (M.Persons.FirstName, V(p, "pers_forename")),
                (M.Persons.LastName, V(p, "pers_surname")),
                (M.Persons.Gender, First(V(p, "pers_gender"), V(p, "pers_sex"))),
                (M.Persons.FullEthnicityCode, V(p, "pers_ethnicity")),
                (M.Persons.DateOfBirth, Ts(V(p, "pers_dob"))),
                (M.Persons.DueDate, Ts(V(p, "pers_expected_dob"))),
                (M.Persons.DateOfDeath, Ts(V(p, "pers_death_date"))),
                (M.Persons.Upn, V(p, "pers_common_child_id")),
                (M.Persons.UpnUnknownReason, V(p, "pers_upn_unknown")),
                (M.Persons.EthnicityDetail, Detail(details, id, "pdet_ethnicity_detail")));
        }

        foreach (var a in t.Rows("ssd_address"))
        {
            _addresses.Write(
                (Unread.AddressId, Number(++_nextAddress)),
                (M.Addresses.PersonId, V(a, "addr_person_id")),
                (M.Addresses.Address, SinkTable.AddressText(V(a, "addr_address_json"))),
                (M.Addresses.PostCode, V(a, "addr_address_postcode")),
                (M.Addresses.StartDate, Ts(V(a, "addr_address_start_date"))),
                (M.Addresses.EndDate, Ts(V(a, "addr_address_end_date"))));
        }

        foreach (var d in details)
        {
            if (V(d, "pdet_telephone") is { Length: > 0 } telephone)
            {
                _telephones.Write((M.Telephones.PersonId, V(d, "pdet_person_id")), (M.Telephones.TelephoneNumber, telephone),
                    (Unread.NumberType, "MOB"));
            }
        }

        foreach (var d in t.Rows("ssd_disability"))
        {
            _disabilities.Write((M.Disabilities.PersonId, V(d, "disa_person_id")), (M.Disabilities.DisabilityCode, V(d, "disa_disability_code")));
        }

        // Primary need from the start of the child's first episode (else birth).
        foreach (var d in details)
        {
            if (V(d, "pdet_primary_need") is not { Length: > 0 } need)
            {
                continue;
            }

            var person = V(d, "pdet_person_id");
            string? first = null;
            foreach (var r in t.Rows("ssd_cin_episodes"))
            {
                first = Earlier(first, person, V(r, "cine_person_id"), V(r, "cine_referral_date"));
            }

            foreach (var e in t.Rows("ssd_early_help_episodes"))
            {
                first = Earlier(first, person, V(e, "earl_person_id"), V(e, "earl_episode_start_date"));
            }

            _groups.Write((M.ServiceUserGroups.PersonId, person), (M.ServiceUserGroups.NeedCode, need),
                (M.ServiceUserGroups.StartDate, Ts(first ?? DateOfBirth(t, person))));
        }

        static string? Earlier(string? first, string person, string rowPerson, string date) =>
            rowPerson != person || date.Length == 0 ? first : first is null || string.CompareOrdinal(date, first) < 0 ? date : first;
    }

    private void Episodes(SsdTables t)
    {
        foreach (var r in t.Rows("ssd_cin_episodes"))
        {
            var closed = V(r, "cine_close_date");
            _referrals.Write(
                (M.Referrals.ReferralId, V(r, "cine_referral_id")),
                (M.Referrals.PersonId, V(r, "cine_person_id")),
                (M.Referrals.ReferralDate, Ts(V(r, "cine_referral_date"))),
                (M.Referrals.PrimaryNeedCode, V(r, "cine_cin_primary_need_code")),
                (M.Referrals.NfaDate, Ts(V(r, "cine_referral_nfa") == "Y" ? closed : "")),
                (M.Referrals.ClosureDate, Ts(closed)),
                (M.Referrals.ResponsibleTeamId, V(r, "cine_referral_team")),
                (M.Referrals.AssigneeId, V(r, "cine_referral_worker_id")));
        }

        foreach (var p in t.Rows("ssd_cp_plans"))
        {
            _registrations.Write(
                (M.Registrations.RegistrationId, V(p, "cppl_cp_plan_id")),
                (M.Registrations.PersonId, V(p, "cppl_person_id")),
                (M.Registrations.RegistrationStepId, V(p, "cppl_icpc_id")),
                (M.Registrations.RegistrationStartDate, Ts(V(p, "cppl_cp_plan_start_date"))),
                (M.Registrations.DeregistrationDate, Ts(V(p, "cppl_cp_plan_end_date"))),
                (M.Registrations.IsChildProtectionPlan, "Y"),
                (M.Registrations.IsTemporaryChildProtection, "N"));
        }

        // Mosaic keeps other registers in the same table: not child protection plans, so the adapter must skip them.
        foreach (var d in t.Rows("ssd_disability"))
        {
            if (V(d, "disa_disability_code") is not ("NONE" or ""))
            {
                var person = V(d, "disa_person_id");
                _registrations.Write(
                    (M.Registrations.RegistrationId, "REGD" + (person.Length > 0 ? person[1..] : "")),
                    (M.Registrations.PersonId, person),
                    (M.Registrations.RegistrationStartDate, Ts(DateOfBirth(t, person))),
                    (M.Registrations.IsChildProtectionPlan, "N"),
                    (M.Registrations.IsTemporaryChildProtection, "N"));
            }
        }

        // Periods of care: one per SSD period (clae_cla_id), from the earliest entry into care to the last episode's end.
        var order = _periodOrder;
        foreach (var e in t.Rows("ssd_cla_episodes"))
        {
            var cla = V(e, "clae_cla_id");
            var start = First(V(e, "clae_entered_care_date"), V(e, "clae_cla_episode_start_date"));
            var end = V(e, "clae_cla_episode_ceased_date");
            if (_periodsOfCare.TryGetValue(cla, out var p))
            {
                _periodsOfCare[cla] = (p.Person, Min(p.Start, start), Max(p.End, end), p.Open || end.Length == 0);
            }
            else
            {
                _periodsOfCare[cla] = (V(e, "clae_person_id"), start, end, end.Length == 0);
                order.Add(cla);
            }
        }

        foreach (var cla in order)
        {
            var p = _periodsOfCare[cla];
            _periods.Write((M.PeriodsOfCare.PeriodOfCareId, cla), (M.PeriodsOfCare.PersonId, p.Person), (M.PeriodsOfCare.StartDate, Ts(p.Start)),
                (M.PeriodsOfCare.EndDate, Ts(p.Open ? "" : p.End)));
            _personOfPeriod[cla] = p.Person;
        }

        foreach (var p in t.Rows("ssd_cla_placement"))
        {
            _placements.Write(
                (M.Placements.PlacementId, V(p, "clap_cla_placement_id")),
                (M.Placements.PersonId, V(p, "clap_person_id")),
                (M.Placements.PeriodOfCareId, V(p, "clap_cla_id")),
                (M.Placements.StartDate, Ts(V(p, "clap_cla_placement_start_date"))),
                (M.Placements.EndDate, Ts(V(p, "clap_cla_placement_end_date"))),
                (M.Placements.PlacementType, V(p, "clap_cla_placement_type")));
        }

        foreach (var p in t.Rows("cc_placement_details"))
        {
            _placementDetails.Write(
                (M.PlacementDetails.PlacementId, V(p, "pdet_placement_id")),
                (M.PlacementDetails.IsLongTerm, V(p, "pdet_long_term")),
                (M.PlacementDetails.TemporaryApproval, V(p, "pdet_temporary_approval")),
                (M.PlacementDetails.CarerApprovedDate, Ts(V(p, "pdet_carer_approved_date"))),
                (M.PlacementDetails.ReducedVisitsAgreed, V(p, "pdet_reduced_visits_agreed")),
                (M.PlacementDetails.AgreedVisitIntervalDays, V(p, "pdet_agreed_interval_days")));
        }

        foreach (var l in t.Rows("ssd_legal_status"))
        {
            _legal.Write(
                (M.LegalStatuses.LegalStatusId, Number(++_nextLegal)),
                (M.LegalStatuses.PersonId, V(l, "lega_person_id")),
                (M.LegalStatuses.LegalStatus, V(l, "lega_legal_status")),
                (M.LegalStatuses.StartDate, Ts(V(l, "lega_legal_status_start_date"))),
                (M.LegalStatuses.EndDate, Ts(V(l, "lega_legal_status_end_date"))));
        }

        foreach (var v in t.Rows("ssd_involvements"))
        {
            var code = V(v, "invo_professional_role_id") switch
            {
                "ALLOCATED CASE WORKER" => V(v, "invo_referral_id").StartsWith("EH", StringComparison.Ordinal) ? "LP" : "AW",
                "INDEPENDENT REVIEWING OFFICER" => "IRO",
                var other => other, // an unknown code as written: the adapter judges it
            };
            _relationships.Write(
                (M.ProfRelationships.ProfRelationshipId, Number(++_nextRelationship)),
                (M.ProfRelationships.PersonId, V(v, "invo_person_id")),
                (M.ProfRelationships.WorkerId, V(v, "invo_professional_id")),
                (M.ProfRelationships.ProfRelTypeCode, code),
                (M.ProfRelationships.StartDate, Ts(V(v, "invo_involvement_start_date"))),
                (M.ProfRelationships.EndDate, Ts(V(v, "invo_involvement_end_date"))));
        }
    }

    private void Steps(SsdTables t)
    {
        // Contacts: received = INCOMING_ON, decided = COMPLETED_ON.
        foreach (var c in t.Rows("ssd_contacts"))
        {
            var id = V(c, "cont_contact_id");
            var decided = _decisions.TryGetValue(id, out var d);
            var received = decided ? V(d!, "cdec_received_at") : V(c, "cont_contact_date");
            Step(id, V(c, "cont_person_id"), StepKind.Contact, received, received, decided ? V(d!, "cdec_decision_at") : "");
        }

        // Early Help episodes: the referral decision opens one, a closure step ends it.
        foreach (var e in t.Rows("ssd_early_help_episodes"))
        {
            var (person, start, worker) = (V(e, "earl_person_id"), V(e, "earl_episode_start_date"), V(e, "earl_episode_worker_id"));
            Step(V(e, "earl_episode_id"), person, StepKind.EhReferralDecision, start, start, start, assignee: worker);
            if (V(e, "earl_episode_end_date") is { Length: > 0 } end)
            {
                Step(NewId(), person, StepKind.EhClosure, end, end, end, assignee: worker);
            }
        }

        foreach (var a in t.Rows("cc_eh_assessments"))
        {
            var start = V(a, "ehas_start_date");
            Step(V(a, "ehas_id"), V(a, "ehas_person_id"), StepKind.EhFamilyAssessment, start, start, V(a, "ehas_completed_date"));
        }

        foreach (var v in t.Rows("cc_eh_contacts"))
        {
            var (person, date) = (V(v, "ehco_person_id"), V(v, "ehco_date"));
            var type = V(v, "ehco_type") switch
            {
                "contact" => _type[StepKind.EhContact],
                "home-visit" => _type[StepKind.EhHomeVisit],
                var other => other, // an unknown code: a step type the adapter is not configured for
            };
            var id = Step(NewId(), person, type, date, date, Recorded(V(v, "ehco_id")), null, "", "");
            Answer(id, person, "ehFLDDateOfContact", date: date);
        }

        // Social care assessments, with review points as a repeating date question.
        var points = t.Rows("cc_assessment_review_points");
        foreach (var a in t.Rows("ssd_cin_assessments"))
        {
            var (id, person, start) = (V(a, "cina_assessment_id"), V(a, "cina_person_id"), V(a, "cina_assessment_start_date"));
            Step(id, person, StepKind.Assessment, start, start, V(a, "cina_assessment_auth_date"));
            if (V(a, "cina_assessment_child_seen") is { Length: > 0 } seen)
            {
                Answer(id, person, "cfaFLDChildSeen", YesNo(seen));
            }

            var n = 0;
            foreach (var p in points)
            {
                if (V(p, "arp_assessment_id") == id)
                {
                    Answer(id, person, "cfaFLDDateOfReviewPoint", date: V(p, "arp_date"), row: Number(++n));
                }
            }
        }

        foreach (var s in t.Rows("ssd_s47_enquiry"))
        {
            var start = V(s, "s47e_s47_start_date");
            Step(V(s, "s47e_s47_enquiry_id"), V(s, "s47e_person_id"), StepKind.S47Enquiry, start, start, V(s, "s47e_s47_end_date"));
        }

        foreach (var c in t.Rows("ssd_initial_cp_conference"))
        {
            var (id, person, date) = (V(c, "icpc_icpc_id"), V(c, "icpc_person_id"), V(c, "icpc_icpc_date"));
            Step(id, person, V(c, "icpc_icpc_transfer_in") == "Y" ? StepKind.TransferInConference : StepKind.Icpc, date, date, date);
            Answer(id, person, "mtgFLDDateOfMeeting", date: date);
        }

        // CIN plans: in force from STARTED_ON to COMPLETED_ON; the visit frequency is on the plan form.
        foreach (var p in t.Rows("ssd_cin_plans"))
        {
            var (id, person, start) = (V(p, "cinp_cin_plan_id"), V(p, "cinp_person_id"), V(p, "cinp_cin_plan_start_date"));
            Step(id, person, StepKind.CinPlan, start, start, V(p, "cinp_cin_plan_end_date"));
            if (_frequencies.TryGetValue(id, out var f))
            {
                Answer(id, person, "cinFLDVisitFrequencyDays", V(f, "pvf_interval_days"));
                Answer(id, person, "cinFLDVisitFrequencyBasis", V(f, "pvf_basis") switch
                {
                    "working" => "Working days",
                    "calendar" or "" => "Calendar days",
                    var other => other, // an unknown code as written: the adapter judges it
                });
            }
        }

        foreach (var p in t.Rows("cc_private_fostering"))
        {
            var (id, person, notified) = (V(p, "pfos_id"), V(p, "pfos_person_id"), V(p, "pfos_notification_date"));
            Step(id, person, StepKind.PrivateFostering, notified, notified, notified);
            if (V(p, "pfos_start_date") is { Length: > 0 } began)
            {
                Answer(id, person, "pfFLDDateArrangementBegan", date: began);
            }

            if (V(p, "pfos_end_date") is { Length: > 0 } ended)
            {
                Answer(id, person, "pfFLDDateArrangementEnded", date: ended);
            }
        }

        foreach (var v in t.Rows("ssd_cp_visits"))
        {
            Visit(Cp, _type[StepKind.CpVisit], V(v, "cppv_person_id"), V(v, "cppv_cp_visit_id"), V(v, "cppv_cp_visit_date"), V(v, "cppv_cp_visit_seen"),
                V(v, "cppv_cp_visit_seen_alone"));
        }

        foreach (var v in t.Rows("ssd_cin_visits"))
        {
            Visit(Cin, _type[StepKind.CinVisit], V(v, "cinv_person_id"), V(v, "cinv_cin_visit_id"), V(v, "cinv_cin_visit_date"), V(v, "cinv_cin_visit_seen"),
                V(v, "cinv_cin_visit_seen_alone"));
        }

        foreach (var v in t.Rows("ssd_cla_visits"))
        {
            Visit(Lac, _type[StepKind.LacVisit], V(v, "clav_person_id"), V(v, "clav_cla_visit_id"), V(v, "clav_cla_visit_date"), V(v, "clav_cla_visit_seen"),
                V(v, "clav_cla_visit_seen_alone"));
        }

        foreach (var v in t.Rows("cc_visits"))
        {
            var type = V(v, "visi_type") switch
            {
                "private-fostering" => _type[StepKind.PrivateFosteringVisit],
                "care-leaver" => _type[StepKind.CareLeaverVisit],
                var other => other, // an unknown code: a step type the adapter is not configured for
            };
            Visit(Lac, type, V(v, "visi_person_id"), V(v, "visi_id"), V(v, "visi_date"), V(v, "visi_seen"), V(v, "visi_seen_alone"));
        }

        foreach (var m in t.Rows("cc_meetings"))
        {
            var type = V(m, "meet_type") switch
            {
                "taf" => _type[StepKind.EhTafMeeting],
                "taf-review" => _type[StepKind.EhTafReview],
                "core-group" => _type[StepKind.CoreGroup],
                "cin-review" => _type[StepKind.CinReview],
                "pathway-plan-review" => _type[StepKind.PathwayPlanReview],
                "strategy-discussion" => _type[StepKind.StrategyDiscussion],
                var other => other, // an unknown code: a step type the adapter is not configured for
            };
            Meeting(type, V(m, "meet_person_id"), V(m, "meet_date"), V(m, "meet_cancelled") == "Y", "", null);
        }

        foreach (var r in t.Rows("ssd_cp_reviews"))
        {
            var (plan, date) = (V(r, "cppr_cp_plan_id"), V(r, "cppr_cp_review_date"));
            var previous = _last.GetValueOrDefault(plan);
            Meeting(_type[StepKind.CpReviewConference], V(r, "cppr_person_id"), date, false, V(r, "cppr_cp_review_due"), previous);
            if (First(date, previous ?? "") is { Length: > 0 } held)
            {
                _last[plan] = held;
            }
        }

        foreach (var r in t.Rows("ssd_cla_reviews"))
        {
            var cla = V(r, "clar_cla_id");
            var person = _personOfPeriod.TryGetValue(cla, out var p) ? p
                : t.PersonId ?? throw new InvalidDataException($"ssd_cla_reviews {V(r, "clar_cla_review_id")}: no period of care {cla}.");
            var cancelled = V(r, "clar_cla_review_cancelled") == "Y";
            var date = V(r, "clar_cla_review_date");
            var previous = _last.GetValueOrDefault(cla);
            Meeting(_type[StepKind.LacReview], person, date, cancelled, V(r, "clar_cla_review_due_date"), previous);
            if (First(cancelled ? "" : date, previous ?? "") is { Length: > 0 } held)
            {
                _last[cla] = held;
            }
        }

        foreach (var m in t.Rows("cc_management_records"))
        {
            var type = V(m, "mgmt_type") switch
            {
                "oversight" => _type[StepKind.Oversight],
                "supervision" => _type[StepKind.Supervision],
                "audit-discussion" => _type[StepKind.AuditDiscussion],
                var other => other, // an unknown code: a step type the adapter is not configured for
            };
            var date = V(m, "mgmt_date");
            Step(NewId(), V(m, "mgmt_person_id"), type, date, date, date, null, V(m, "mgmt_worker_id"), "");
        }

        foreach (var d in t.Rows("cc_documents"))
        {
            var date = V(d, "doc_date");
            var type = V(d, "doc_type") switch
            {
                "consent" => _type[StepKind.EhConsent],
                "outcome-star" => _type[StepKind.EhOutcomeStar],
                var other => other, // an unknown code: a step type the adapter is not configured for
            };
            Step(NewId(), V(d, "doc_person_id"), type, date, date, date, null, "", "");
        }

        // Audits: actions are a repeating group of the audit form (row = the number after the action id's last "-A").
        var actions = t.Rows("cc_audit_actions");
        foreach (var a in t.Rows("cc_audits"))
        {
            var (id, person, date) = (V(a, "aud_id"), V(a, "aud_person_id"), V(a, "aud_date"));
            Step(id, person, StepKind.CaseAudit, date, date, date);
            if (V(a, "aud_grade") is { Length: > 0 } grade)
            {
                Answer(id, person, "auditFLDOverallGrade", grade);
            }

            foreach (var act in actions)
            {
                if (V(act, "act_audit_id") != id)
                {
                    continue;
                }

                var actionId = V(act, "act_id");
                var at = actionId.LastIndexOf("-A", StringComparison.Ordinal);
                var row = at < 0 ? actionId : actionId[(at + 2)..];
                Answer(id, person, "auditCOLActionsFLDAction", V(act, "act_description"), row: row);
                Answer(id, person, "auditCOLActionsFLDOwner", V(act, "act_owner"), row: row);
                if (V(act, "act_due_date") is { Length: > 0 } due)
                {
                    Answer(id, person, "auditCOLActionsFLDDueDate", date: due, row: row);
                }

                if (V(act, "act_completed_date") is { Length: > 0 } completed)
                {
                    Answer(id, person, "auditCOLActionsFLDCompletedDate", date: completed, row: row);
                }
            }
        }

        // Care leavers: the pathway plan record, and the accommodation the authority provides.
        foreach (var c in t.Rows("ssd_care_leavers"))
        {
            var (person, review) = (V(c, "clea_person_id"), V(c, "clea_pathway_plan_review_date"));
            var id = Step(NewId(), person, StepKind.CareLeaver, review, review, "", assignee: V(c, "clea_care_leaver_worker_id"));
            if (V(c, "clea_care_leaver_latest_contact") is { Length: > 0 } latest)
            {
                Answer(id, person, "lcFLDDateOfLatestContact", date: latest);
            }

            if (review.Length > 0)
            {
                Answer(id, person, "lcFLDPathwayPlanReviewDate", date: review);
            }
        }

        foreach (var a in t.Rows("cc_care_leaver_accommodation"))
        {
            var start = V(a, "clac_start_date");
            Step(NewId(), V(a, "clac_person_id"), StepKind.CareLeaverAccommodation, start, start, V(a, "clac_end_date"));
        }

        // Noise a real extract has: a case note (a step type the adapter is not configured for) with an answer to another question.
        foreach (var p in t.Rows("ssd_person"))
        {
            if (_children < CaseNoteChildren)
            {
                _children++;
                var person = V(p, "pers_person_id");
                const string Day = "2026-01-05";
                var id = Step(NewId(), person, CaseNoteType.ToString(CultureInfo.InvariantCulture), Day, Day, Day, null, "", "");
                Answer(id, person, "cnFLDCaseNoteText", "Telephone call with school");
            }
        }
    }

    private static readonly (string Date, string Seen, string Alone, string Reason) Cp =
        ("cpFLDDateAndTimeOfVisit", "cpCOLSubjectsFLDChildYPSeen", "REP_ANXA_cpCOLSubjectsFLDChildYPSeenAlone", "cpFLDReasonChildNotSeenAlone");

    private static readonly (string Date, string Seen, string Alone, string Reason) Cin =
        ("cinFLDDateOfThisVisit", "cpCOLSubjectsFLDChildYPSeen", "REP_ANXA_cpCOLSubjectsFLDChildYPSeenAlone", "cpFLDReasonChildNotSeenAlone");

    private static readonly (string Date, string Seen, string Alone, string Reason) Lac =
        ("lacFLDDateOfVisit", "lacFLDChildSeen", "lacFLDChildSeenAlone", "lacFLDReasonChildNotSeenAlone");

    private void Visit((string Date, string Seen, string Alone, string Reason) questions, string type, string person, string visitId,
        string date, string seen, string alone)
    {
        _visitDetails.TryGetValue(visitId, out var d);
        var id = Step(NewId(), person, type, date, date, d is null ? "" : V(d, "vdet_recorded_date"), null, "", "");
        Answer(id, person, questions.Date, date: date);
        if (seen.Length > 0)
        {
            Answer(id, person, questions.Seen, YesNo(seen));
        }

        if (alone.Length > 0)
        {
            Answer(id, person, questions.Alone, YesNo(alone));
        }

        if (d is not null && V(d, "vdet_not_seen_alone_reason") is { Length: > 0 } reason)
        {
            Answer(id, person, questions.Reason, reason);
        }
    }

    /// <summary>A meeting step: held (COMPLETED), cancelled (CANCELLED), or not held yet (INCOMING since the previous one
    /// was held, or since four weeks before it is due).</summary>
    private void Meeting(string type, string person, string date, bool cancelled, string due, string? heldBefore)
    {
        string status, incoming, started, completed;
        if (date.Length > 0 && cancelled)
        {
            (status, incoming, started, completed) = ("CANCELLED", date, "", "");
        }
        else if (date.Length > 0)
        {
            (status, incoming, started, completed) = ("COMPLETED", date, date, date);
        }
        else
        {
            incoming = heldBefore ?? (due.Length >= 10
                ? DateOnly.ParseExact(due.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(-28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : "");
            (status, started, completed) = ("INCOMING", "", "");
        }

        var id = Step(NewId(), person, type, incoming, started, completed, status, "", due);
        if (date.Length > 0)
        {
            Answer(id, person, "mtgFLDDateOfMeeting", date: date);
        }
    }

    private string Recorded(string visitId) => _visitDetails.TryGetValue(visitId, out var d) ? V(d, "vdet_recorded_date") : "";

    private string Step(string id, string person, StepKind kind, string incoming, string started = "", string completed = "", string assignee = "") =>
        Step(id, person, _type[kind], incoming, started, completed, null, assignee, "");

    private string Step(string id, string person, string type, string incoming, string started, string completed, string? status,
        string assignee, string due)
    {
        status ??= completed.Length > 0 ? "COMPLETED" : started.Length > 0 ? "STARTED" : "INCOMING";
        _steps.Write(
            (M.Steps.WorkflowStepId, id),
            (M.Steps.PersonId, person),
            (M.Steps.WorkflowStepTypeId, type),
            (M.Steps.StepStatus, status),
            (M.Steps.IncomingOn, Ts(incoming)),
            (M.Steps.StartedOn, Ts(started)),
            (M.Steps.CompletedOn, Ts(completed)),
            (M.Steps.AssigneeId, assignee),
            (M.Steps.ResponsibleTeamId, _departmentOf.GetValueOrDefault(assignee, "")),
            (M.Steps.DueDate, Ts(due)));
        return id;
    }

    private void Answer(string step, string person, string question, string text = "", string date = "", string row = "1") =>
        _answers.Write(
            (M.Answers.WorkflowStepId, step),
            (M.Answers.FormAnswerRowId, row),
            (M.Answers.SubjectPersonId, person),
            (M.Answers.QuestionUserCode, question),
            (M.Answers.TextAnswer, text),
            (M.Answers.DateAnswer, date.Length > 0 ? Ts(date, " 10:30:00") : ""));

    private string NewId() => Number(++_nextStep);

    /// <summary>A warehouse date-time <c>yyyy-MM-dd HH:mm:ss</c> (dates at <paramref name="time"/>, midnight by default).</summary>
    internal static string Ts(string value, string time = " 00:00:00") => value.Length switch
    {
        0 => "",
        10 => value + time,
        16 => value + ":00",
        _ => value,
    };

    private static string DateOfBirth(SsdTables t, string person)
    {
        foreach (var p in t.Rows("ssd_person"))
        {
            if (V(p, "pers_person_id") == person)
            {
                return First(V(p, "pers_dob"), V(p, "pers_expected_dob"));
            }
        }

        return "";
    }

    private static string Detail(IReadOnlyList<Row> details, string person, string column)
    {
        var value = "";
        foreach (var d in details)
        {
            if (V(d, "pdet_person_id") == person)
            {
                value = V(d, column);
            }
        }

        return value;
    }

    private static string YesNo(string value) => value switch
    {
        "Y" => "Yes",
        "N" => "No",
        _ => value,
    };

    private static string Min(string a, string b) => string.CompareOrdinal(b, a) < 0 ? b : a;

    private static string Max(string a, string b) => string.CompareOrdinal(b, a) > 0 ? b : a;

    private static string First(string a, string b) => a.Length > 0 ? a : b;

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string V(Row row, string column) => SinkTable.Value(row, column);

    public void Dispose()
    {
        foreach (var file in _files)
        {
            file.Dispose();
        }
    }

    /// <summary>Columns a warehouse export has that the adapter does not read, written as the converter wrote them.</summary>
    private static class Unread
    {
        /// <summary>The address row's own id, first in <c>dm_addresses</c>.</summary>
        public static readonly Column AddressId = new TableDef(M.Addresses.Table.Name, required: false).Column("ADDRESS_ID");

        /// <summary>The kind of number (MOB), last in <c>dm_telephone_numbers</c>.</summary>
        public static readonly Column NumberType = new TableDef(M.Telephones.Table.Name, required: false).Column("NUMBER_TYPE");
    }

    /// <summary>
    /// A file whose header is not its table's declaration as it stands: columns the adapter does not read
    /// (<see cref="Unread"/>) around the declared ones, or the declared ones in the warehouse's order (form answers, with
    /// their optional row and subject after the step id). Rows are written by handle as to a <see cref="SinkTable"/>;
    /// the header must hold every declared column, so that a column added to the layout fails here, not in a scan.
    /// </summary>
    private sealed class WarehouseTable : IDisposable
    {
        private readonly SinkTable _file;
        private readonly Column[] _header;
        private readonly string?[] _row;

        public WarehouseTable(string directory, TableDef table, Column[] header)
        {
            if (table.Columns.FirstOrDefault(c => !header.Contains(c)) is { } missing)
            {
                throw new InvalidOperationException($"{table.Name}: the sink's header has no {missing.Name}.");
            }

            _file = new SinkTable(directory, table.Name, [.. header.Select(c => c.Name)]);
            _header = header;
            _row = new string?[header.Length];
        }

        /// <summary>Writes a row by column handle; columns not given stay empty, a column not in the header throws.</summary>
        public void Write(params ReadOnlySpan<(Column Column, string? Value)> cells)
        {
            Array.Clear(_row);
            foreach (var (column, value) in cells)
            {
                var at = Array.IndexOf(_header, column);
                if (at < 0)
                {
                    throw new InvalidOperationException($"{_file.Name}: {column} is not one of its columns.");
                }

                _row[at] = value;
            }

            _file.Row(_row);
        }

        public void Dispose() => _file.Dispose();
    }
}

using System.Collections.Immutable;
using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Domain;
using NodaTime;

namespace CaseCompliance.Adapters.Standard;

/// <summary>
/// The Standard Safeguarding Dataset (one CSV per SSD table) plus the CaseCompliance <c>cc_</c> extension tables.
/// Every table's file name and every column name can be changed in configuration; the SSD tables are required
/// (unless listed in <c>OptionalTables</c>), the <c>cc_</c> tables optional.
/// </summary>
public sealed class StandardAdapter : ISourceAdapter
{
    public string Kind => "standard";

    public IReadOnlyList<TableLayout> Layout(SourceOptions options) => StandardLayout.Tables;

    /// <summary>Involvement roles that make an allocation; valid SSDA903 PLACE and LS codes.</summary>
    public static readonly IReadOnlyDictionary<string, string> Codes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["AllocatedWorkerRoles"] = "ALLOCATED CASE WORKER",
        ["PlacementTypes"] = SsdaCodes.PlacementTypes,
        ["LegalStatuses"] = SsdaCodes.LegalStatuses,
    };

    public IReadOnlyDictionary<string, string> DefaultCodes => Codes;

    public Streaming.StreamLayout Streaming => StandardLayout.Stream;

    public SourceExtract Read(string name, ITableSource tables, SourceOptions options, RejectionLog rejections,
        CancellationToken cancellationToken = default) =>
        new Reader(name, tables, options, rejections, cancellationToken).Read();

    private sealed class Reader(string name, ITableSource tables, SourceOptions options, RejectionLog log, CancellationToken ct)
        : TableReader(name, tables, options, log, StandardLayout.Tables, ct)
    {
        private readonly List<Worker> _workers = [];
        private readonly List<Team> _teams = [];

        // Look-ups for tables that reference a parent record rather than a person.
        private readonly Dictionary<string, string> _contactPerson = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _assessmentPerson = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _periodPerson = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _auditPerson = new(StringComparer.Ordinal);

        public SourceExtract Read()
        {
            CheckLayout();
            Each("ssd_person", r =>
            {
                var id = r.Id("pers_person_id");
                if (id is null)
                {
                    return;
                }

                r.RecordId = id;
                var person = new Person(id, r.Text("pers_forename"), r.Text("pers_surname"),
                    r.Text("pers_gender") ?? r.Text("pers_sex"), r.Text("pers_ethnicity"), r.Date("pers_dob"),
                    r.Date("pers_expected_dob"), r.Text("pers_common_child_id"), r.Text("pers_upn_unknown"),
                    r.Date("pers_death_date"));
                if (!Cases.TryAdd(id, new CaseBuilder(person)))
                {
                    r.Reject("pers_person_id", $"duplicate person id {id}: the first row is used");
                }
            });

            Each("ssd_department", r =>
            {
                if (r.Id("dept_team_id") is { } id)
                {
                    _teams.Add(new Team(id, r.Text("dept_team_name"), r.Text("dept_team_parent_id")));
                }
            });
            Each("ssd_professionals", r =>
            {
                if (r.Id("prof_professional_id") is { } id)
                {
                    _workers.Add(new Worker(id, r.Text("prof_professional_name"), r.Text("prof_professional_job_title"),
                        r.Text("prof_professional_department")));
                }
            });

            PersonTable("ssd_address", "addr_person_id", null, (r, c, _) =>
                c.Addresses.Add(new Address(r.Text("addr_address_json"), r.Text("addr_address_postcode"),
                    r.Date("addr_address_start_date"), r.Date("addr_address_end_date"))));
            PersonTable("ssd_disability", "disa_person_id", null, (r, c, _) =>
            {
                if (r.Text("disa_disability_code") is { } code)
                {
                    c.Disabilities.Add(code);
                }
            });

            var roles = Options.CodeList("AllocatedWorkerRoles", Codes);
            PersonTable("ssd_involvements", "invo_person_id", "invo_involvements_id", (r, c, id) =>
            {
                var role = r.Text("invo_professional_role_id");
                if (role is null || !roles.Contains(role, StringComparer.OrdinalIgnoreCase))
                {
                    return;
                }

                if (r.Date("invo_involvement_start_date", required: true) is { } start)
                {
                    c.Allocations.Add(new Allocation(id!, c.Person.Id, r.Text("invo_professional_id"), role,
                        r.Text("invo_professional_team"), start, r.Date("invo_involvement_end_date"), r.Text("invo_referral_id")));
                }
            });

            PersonTable("ssd_contacts", "cont_person_id", "cont_contact_id", (r, c, id) =>
            {
                if (r.Date("cont_contact_date", required: true) is { } date)
                {
                    c.Contacts.Add(new Contact(id!, c.Person.Id, date));
                    _contactPerson[id!] = c.Person.Id;
                }
            });
            PersonTable("ssd_early_help_episodes", "earl_person_id", "earl_episode_id", (r, c, id) =>
            {
                if (r.Date("earl_episode_start_date", required: true) is { } start)
                {
                    c.EarlyHelpEpisodes.Add(new EarlyHelpEpisode(id!, c.Person.Id, start, r.Date("earl_episode_end_date"),
                        r.Text("earl_episode_worker_id")));
                }
            });
            PersonTable("ssd_cin_episodes", "cine_person_id", "cine_referral_id", (r, c, id) =>
            {
                if (r.Date("cine_referral_date", required: true) is { } date)
                {
                    c.Referrals.Add(new Referral(id!, c.Person.Id, date, r.Date("cine_close_date"),
                        r.Text("cine_cin_primary_need_code"), r.Flag("cine_referral_nfa"), r.Text("cine_referral_team"),
                        r.Text("cine_referral_worker_id")));
                }
            });
            PersonTable("ssd_cin_assessments", "cina_person_id", "cina_assessment_id", (r, c, id) =>
            {
                c.Assessments.Add(new Assessment(id!, c.Person.Id, r.Text("cina_referral_id"), AssessmentKind.SocialCare,
                    r.Date("cina_assessment_start_date"), r.Date("cina_assessment_auth_date"), r.Flag("cina_assessment_child_seen")));
                _assessmentPerson[id!] = c.Person.Id;
            });
            PersonTable("ssd_cin_plans", "cinp_person_id", "cinp_cin_plan_id", (r, c, id) =>
            {
                if (r.Date("cinp_cin_plan_start_date", required: true) is { } start)
                {
                    c.Plans.Add(new Plan(id!, c.Person.Id, r.Text("cinp_referral_id"), PlanKind.ChildInNeed, start,
                        r.Date("cinp_cin_plan_end_date"), null));
                }
            });
            PersonTable("ssd_cin_visits", "cinv_person_id", "cinv_cin_visit_id", (r, c, id) =>
            {
                if (r.Date("cinv_cin_visit_date", required: true) is { } date)
                {
                    c.Visits.Add(new Visit(id!, c.Person.Id, null, VisitKind.ChildInNeed, date, r.Flag("cinv_cin_visit_seen"),
                        r.Flag("cinv_cin_visit_seen_alone")));
                }
            });
            PersonTable("ssd_s47_enquiry", "s47e_person_id", "s47e_s47_enquiry_id", (r, c, id) =>
            {
                if (r.Date("s47e_s47_start_date", required: true) is { } start)
                {
                    c.S47Enquiries.Add(new S47Enquiry(id!, c.Person.Id, r.Text("s47e_referral_id"), start, r.Date("s47e_s47_end_date")));
                }
            });
            PersonTable("ssd_initial_cp_conference", "icpc_person_id", "icpc_icpc_id", (r, c, id) =>
                c.Conferences.Add(new InitialConference(id!, c.Person.Id, r.Text("icpc_s47_enquiry_id"), r.Text("icpc_cp_plan_id"),
                    r.Text("icpc_referral_id"), r.Flag("icpc_icpc_transfer_in") == true, r.Date("icpc_icpc_date"))));
            PersonTable("ssd_cp_plans", "cppl_person_id", "cppl_cp_plan_id", (r, c, id) =>
            {
                if (r.Date("cppl_cp_plan_start_date", required: true) is { } start)
                {
                    c.Plans.Add(new Plan(id!, c.Person.Id, r.Text("cppl_referral_id"), PlanKind.ChildProtection, start,
                        r.Date("cppl_cp_plan_end_date"), r.Text("cppl_icpc_id")));
                }
            });
            PersonTable("ssd_cp_visits", "cppv_person_id", "cppv_cp_visit_id", (r, c, id) =>
            {
                if (r.Date("cppv_cp_visit_date", required: true) is { } date)
                {
                    c.Visits.Add(new Visit(id!, c.Person.Id, r.Text("cppv_cp_plan_id"), VisitKind.ChildProtection, date,
                        r.Flag("cppv_cp_visit_seen"), r.Flag("cppv_cp_visit_seen_alone")));
                }
            });
            PersonTable("ssd_cp_reviews", "cppr_person_id", "cppr_cp_review_id", (r, c, id) =>
                c.Meetings.Add(new Meeting(id!, c.Person.Id, r.Text("cppr_cp_plan_id"), MeetingType.ChildProtectionReview,
                    r.Date("cppr_cp_review_date"), false) { RecordedDueDate = r.Date("cppr_cp_review_due") }));
            ReadPeriodsOfCare();
            var placementTypes = Options.CodeList("PlacementTypes", Codes);
            PersonTable("ssd_cla_placement", "clap_person_id", "clap_cla_placement_id", (r, c, id) =>
            {
                var type = r.Code("clap_cla_placement_type", placementTypes);
                if (r.Date("clap_cla_placement_start_date", required: true) is { } start)
                {
                    c.Placements.Add(new Placement(id!, c.Person.Id, r.Text("clap_cla_id"), start,
                        r.Date("clap_cla_placement_end_date"), type));
                }
            });
            var legalStatuses = Options.CodeList("LegalStatuses", Codes);
            PersonTable("ssd_legal_status", "lega_person_id", null, (r, c, _) =>
            {
                var code = r.Code("lega_legal_status", legalStatuses, required: true);
                if (code is not null && r.Date("lega_legal_status_start_date", required: true) is { } start)
                {
                    c.LegalStatuses.Add(new LegalStatus(c.Person.Id, code, start, r.Date("lega_legal_status_end_date")));
                }
            });
            ChildTable("ssd_cla_reviews", "clar_cla_id", _periodPerson, "clar_cla_review_id", (r, c, id) =>
                c.Meetings.Add(new Meeting(id!, c.Person.Id, r.Text("clar_cla_id"), MeetingType.LookedAfterReview,
                    r.Date("clar_cla_review_date"), r.Flag("clar_cla_review_cancelled") == true)
                { RecordedDueDate = r.Date("clar_cla_review_due_date") }));
            PersonTable("ssd_cla_visits", "clav_person_id", "clav_cla_visit_id", (r, c, id) =>
            {
                if (r.Date("clav_cla_visit_date", required: true) is { } date)
                {
                    c.Visits.Add(new Visit(id!, c.Person.Id, r.Text("clav_cla_id"), VisitKind.LookedAfter, date,
                        r.Flag("clav_cla_visit_seen"), r.Flag("clav_cla_visit_seen_alone")));
                }
            });
            PersonTable("ssd_care_leavers", "clea_person_id", null, (r, c, _) =>
                c.CareLeaver = new CareLeaver(c.Person.Id, r.Date("clea_care_leaver_latest_contact"),
                    r.Date("clea_pathway_plan_review_date"), r.Text("clea_care_leaver_worker_id")));

            ReadExtensions();
            return Extract("standard", new CaseDirectory(_workers, _teams));
        }

        private void ReadPeriodsOfCare()
        {
            var episodes = new List<(string PersonId, string Period, LocalDate Start, LocalDate? End, bool Open, string? Referral)>();
            PersonTable("ssd_cla_episodes", "clae_person_id", "clae_cla_episode_id", (r, c, _) =>
            {
                var start = r.Date("clae_entered_care_date") ?? r.Date("clae_cla_episode_start_date", required: true);
                if (start is null)
                {
                    return;
                }

                var period = r.Text("clae_cla_id") ?? r.RecordId!;
                var ceased = r.Date("clae_cla_episode_ceased_date");
                episodes.Add((c.Person.Id, period, start.Value, ceased, ceased is null, r.Text("clae_referral_id")));
            });
            foreach (var g in episodes.GroupBy(e => (e.PersonId, e.Period)))
            {
                var end = g.Any(e => e.Open) ? null : g.Max(e => e.End);
                Cases[g.Key.PersonId].PeriodsOfCare.Add(new PeriodOfCare(g.Key.Period, g.Key.PersonId,
                    g.Select(e => e.Referral).FirstOrDefault(x => x is not null), g.Min(e => e.Start), end));
                _periodPerson[g.Key.Period] = g.Key.PersonId;
            }
        }

        private void ReadExtensions()
        {
            PersonTable("cc_meetings", "meet_person_id", "meet_id", (r, c, id) =>
            {
                var type = r.Code("meet_type", [.. StandardLayout.MeetingTypes.Keys], required: true);
                if (type is not null)
                {
                    c.Meetings.Add(new Meeting(id!, c.Person.Id, r.Text("meet_episode_id"), StandardLayout.MeetingTypes[type],
                        r.Date("meet_date"), r.Flag("meet_cancelled") == true));
                }
            });
            PersonTable("cc_eh_assessments", "ehas_person_id", "ehas_id", (r, c, id) =>
                c.Assessments.Add(new Assessment(id!, c.Person.Id, r.Text("ehas_episode_id"), AssessmentKind.EarlyHelp,
                    r.Date("ehas_start_date"), r.Date("ehas_completed_date"), null)));
            PersonTable("cc_eh_contacts", "ehco_person_id", "ehco_id", (r, c, id) =>
            {
                var type = r.Code("ehco_type", [.. StandardLayout.EarlyHelpContactTypes.Keys], required: true);
                if (type is not null && r.Date("ehco_date", required: true) is { } date)
                {
                    c.Visits.Add(new Visit(id!, c.Person.Id, r.Text("ehco_episode_id"), StandardLayout.EarlyHelpContactTypes[type],
                        date, null, null));
                }
            });
            ChildTable("cc_contact_decisions", "cdec_contact_id", _contactPerson, null, (r, c, _) =>
            {
                var contactId = r.Text("cdec_contact_id")!;
                var received = r.DateTimeWithFlag("cdec_received_at", false, out var receivedTime);
                var decision = r.DateTimeWithFlag("cdec_decision_at", false, out var decisionTime);
                var i = c.Contacts.FindIndex(x => x.Id == contactId);
                c.Contacts[i] = c.Contacts[i] with
                {
                    ReceivedAt = received,
                    DecisionAt = decision,
                    HasTimes = receivedTime && (decision is null || decisionTime),
                };
            });
            ChildTable("cc_assessment_review_points", "arp_assessment_id", _assessmentPerson, null, (r, c, _) =>
            {
                if (r.Date("arp_date", required: true) is { } date)
                {
                    c.ReviewPoints.Add(new AssessmentReviewPoint(r.Text("arp_assessment_id")!, date));
                }
            });
            AttachPlanFrequencies();
            AttachPlacementDetails();
            PersonTable("cc_private_fostering", "pfos_person_id", "pfos_id", (r, c, id) =>
                c.PrivateFostering.Add(new PrivateFostering(id!, c.Person.Id, r.Date("pfos_notification_date"),
                    r.Date("pfos_start_date"), r.Date("pfos_end_date"))));
            PersonTable("cc_care_leaver_accommodation", "clac_person_id", null, (r, c, _) =>
            {
                if (r.Date("clac_start_date", required: true) is { } start)
                {
                    c.Accommodation.Add(new CareLeaverAccommodation(c.Person.Id, start, r.Date("clac_end_date")));
                }
            });
            PersonTable("cc_visits", "visi_person_id", "visi_id", (r, c, id) =>
            {
                var type = r.Code("visi_type", [.. StandardLayout.OtherVisitTypes.Keys], required: true);
                if (type is not null && r.Date("visi_date", required: true) is { } date)
                {
                    c.Visits.Add(new Visit(id!, c.Person.Id, r.Text("visi_episode_id"), StandardLayout.OtherVisitTypes[type], date,
                        r.Flag("visi_seen"), r.Flag("visi_seen_alone")));
                }
            });
            // After every visit table (cc_eh_contacts, cc_visits): details may name any visit.
            AttachVisitDetails();
            PersonTable("cc_management_records", "mgmt_person_id", "mgmt_id", (r, c, id) =>
            {
                var type = r.Code("mgmt_type", [.. StandardLayout.ManagementTypes.Keys], required: true);
                if (type is not null && r.Date("mgmt_date", required: true) is { } date)
                {
                    c.ManagementRecords.Add(new ManagementRecord(id!, c.Person.Id, r.Text("mgmt_episode_id"),
                        StandardLayout.ManagementTypes[type], date, r.Text("mgmt_worker_id")));
                }
            });
            PersonTable("cc_documents", "doc_person_id", "doc_id", (r, c, id) =>
            {
                var type = r.Code("doc_type", [.. StandardLayout.DocumentTypes.Keys], required: true);
                if (type is not null && r.Date("doc_date", required: true) is { } date)
                {
                    c.Documents.Add(new Document(id!, c.Person.Id, r.Text("doc_episode_id"), StandardLayout.DocumentTypes[type], date));
                }
            });
            PersonTable("cc_audits", "aud_person_id", "aud_id", (r, c, id) =>
            {
                if (r.Date("aud_date", required: true) is { } date)
                {
                    c.Audits.Add(new Audit(id!, c.Person.Id, r.Text("aud_episode_id"), date, r.Text("aud_grade")));
                    _auditPerson[id!] = c.Person.Id;
                }
            });
            ChildTable("cc_audit_actions", "act_audit_id", _auditPerson, "act_id", (r, c, id) =>
                c.AuditActions.Add(new AuditAction(id!, r.Text("act_audit_id")!, r.Text("act_description"), r.Text("act_owner"),
                    r.Date("act_due_date"), r.Date("act_completed_date"))));
            PersonTable("cc_person_details", "pdet_person_id", null, (r, c, _) => c.Person = c.Person with
            {
                Telephone = r.Text("pdet_telephone"),
                EthnicityDetail = r.Text("pdet_ethnicity_detail"),
                PrimaryNeed = r.Text("pdet_primary_need"),
            });
        }

        private void AttachVisitDetails() =>
            Attach("cc_visit_details", "vdet_visit_id", "visit in the visit tables", c => c.Visits, v => v.Id, r =>
            {
                var reason = r.Text("vdet_not_seen_alone_reason");
                var recorded = r.Date("vdet_recorded_date");
                return v => v with { NotSeenAloneReason = reason, RecordedDate = recorded };
            });

        private void AttachPlanFrequencies() =>
            Attach("cc_plan_visit_frequency", "pvf_plan_id", "plan", c => c.Plans, p => p.Id, r =>
            {
                var days = r.Int("pvf_interval_days");
                var working = (r.Code("pvf_basis", StandardLayout.FrequencyBases) ?? "calendar") == "working";
                if (days is null or <= 0)
                {
                    r.Reject("pvf_interval_days", "missing or not a positive number of days: the row cannot be used");
                    return null;
                }

                return p => p with { VisitFrequency = new VisitFrequency(days.Value, working) };
            });

        private void AttachPlacementDetails() =>
            Attach("cc_placement_details", "pdet_placement_id", "placement", c => c.Placements, p => p.Id, r =>
                ReadPlacementDetails(r, "pdet_long_term", "pdet_temporary_approval", "pdet_carer_approved_date",
                    "pdet_reduced_visits_agreed", "pdet_agreed_interval_days"));

    }
}

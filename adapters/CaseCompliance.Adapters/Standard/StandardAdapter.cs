using System.Collections.Immutable;
using CaseCompliance.Adapters.Reading;
using CaseCompliance.Adapters.Tables;
using CaseCompliance.Domain;
using NodaTime;

using S = CaseCompliance.Adapters.Standard.StandardLayout;

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

    /// <summary>
    /// Involvement roles that make an allocation (Liquidlogic's <c>CW</c> as the SSD exports it, and the SSD v1.2
    /// description); valid SSDA903 PLACE and LS codes and the LS descriptions an export may hold instead; the
    /// placeholders an export writes for "none" (any column) and for "no date".
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Codes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["AllocatedWorkerRoles"] = "CW,ALLOCATED CASE WORKER",
        ["PlacementTypes"] = SsdaCodes.PlacementTypes,
        ["LegalStatuses"] = SsdaCodes.LegalStatuses,
        ["LegalStatusDescriptions"] = SsdaCodes.LegalStatusDescriptions,
        ["Placeholders"] = "NULL,SSD_PH",
        ["PlaceholderDates"] = "1900-01-01",
    };

    public IReadOnlyDictionary<string, string> DefaultCodes => Codes;

    public Streaming.StreamLayout Streaming => StandardLayout.Stream;

    public SourceExtract Read(string name, ITableSource tables, SourceOptions options, RejectionLog rejections,
        CancellationToken cancellationToken = default) =>
        new Reader(name, tables, options, rejections, cancellationToken).Read();

    private sealed class Reader(string name, ITableSource tables, SourceOptions options, RejectionLog log, CancellationToken ct)
        : TableReader(name, tables, options, log, StandardLayout.Tables, ct, Placeholders.Of(options, Codes))
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
            Each(S.Person.Table, r =>
            {
                var id = r.Id(S.Person.PersonId);
                if (id is null)
                {
                    return;
                }

                r.RecordId = id;
                var person = new Person(id, r.Text(S.Person.Forename), r.Text(S.Person.Surname),
                    r.Text(S.Person.Gender) ?? r.Text(S.Person.Sex), r.Text(S.Person.Ethnicity), r.Date(S.Person.Dob),
                    r.Date(S.Person.ExpectedDob), r.Text(S.Person.Upn) ?? r.Text(S.Person.CommonChildId), r.Text(S.Person.UpnUnknown),
                    r.Date(S.Person.DeathDate));
                if (!Cases.TryAdd(id, new CaseBuilder(person)))
                {
                    r.Reject(S.Person.PersonId, $"duplicate person id {id}: the first row is used");
                }
            });

            Each(S.Department.Table, r =>
            {
                if (r.Id(S.Department.TeamId) is { } id)
                {
                    _teams.Add(new Team(id, r.Text(S.Department.TeamName), r.Text(S.Department.TeamParentId)));
                }
            });
            Each(S.Professionals.Table, r =>
            {
                if (r.Id(S.Professionals.ProfessionalId) is { } id)
                {
                    _workers.Add(new Worker(id, r.Text(S.Professionals.ProfessionalName), r.Text(S.Professionals.ProfessionalJobTitle),
                        r.Text(S.Professionals.ProfessionalDepartment)));
                }
            });

            PersonTable(S.Address.Table, S.Address.PersonId, null, (r, c, _) =>
                c.Addresses.Add(new Address(r.Text(S.Address.AddressJson), r.Text(S.Address.AddressPostcode),
                    r.Date(S.Address.AddressStartDate), r.Date(S.Address.AddressEndDate))));
            PersonTable(S.Disability.Table, S.Disability.PersonId, null, (r, c, _) =>
            {
                if (r.Text(S.Disability.DisabilityCode) is { } code)
                {
                    c.Disabilities.Add(code);
                }
            });

            var roles = Options.CodeList("AllocatedWorkerRoles", Codes);
            var otherRoles = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var allocations = 0;
            PersonTable(S.Involvements.Table, S.Involvements.PersonId, S.Involvements.InvolvementsId, (r, c, id) =>
            {
                var role = r.Text(S.Involvements.ProfessionalRoleId);
                if (role is null || !roles.Contains(role, StringComparer.OrdinalIgnoreCase))
                {
                    if (role is not null)
                    {
                        otherRoles[role] = otherRoles.GetValueOrDefault(role) + 1;
                    }

                    return;
                }

                allocations++;

                if (r.Date(S.Involvements.InvolvementStartDate, required: true) is { } start)
                {
                    c.Allocations.Add(new Allocation(id!, c.Person.Id, r.Text(S.Involvements.ProfessionalId), role,
                        r.Text(S.Involvements.ProfessionalTeam), start, r.Date(S.Involvements.InvolvementEndDate), r.Text(S.Involvements.ReferralId)));
                }
            });

            NoAllocationRole(roles, allocations, otherRoles);
            PersonTable(S.Contacts.Table, S.Contacts.PersonId, S.Contacts.ContactId, (r, c, id) =>
            {
                if (r.Date(S.Contacts.ContactDate, required: true) is { } date)
                {
                    c.Contacts.Add(new Contact(id!, c.Person.Id, date));
                    _contactPerson[id!] = c.Person.Id;
                }
            });
            PersonTable(S.EarlyHelpEpisodes.Table, S.EarlyHelpEpisodes.PersonId, S.EarlyHelpEpisodes.EpisodeId, (r, c, id) =>
            {
                if (r.Date(S.EarlyHelpEpisodes.EpisodeStartDate, required: true) is { } start)
                {
                    c.EarlyHelpEpisodes.Add(new EarlyHelpEpisode(id!, c.Person.Id, start, r.Date(S.EarlyHelpEpisodes.EpisodeEndDate),
                        r.Text(S.EarlyHelpEpisodes.EpisodeWorkerId)));
                }
            });
            PersonTable(S.CinEpisodes.Table, S.CinEpisodes.PersonId, S.CinEpisodes.ReferralId, (r, c, id) =>
            {
                if (r.Date(S.CinEpisodes.ReferralDate, required: true) is { } date)
                {
                    c.Referrals.Add(new Referral(id!, c.Person.Id, date, r.Date(S.CinEpisodes.CloseDate),
                        r.Text(S.CinEpisodes.CinPrimaryNeedCode), r.Flag(S.CinEpisodes.ReferralNfa), r.Text(S.CinEpisodes.ReferralTeam),
                        r.Text(S.CinEpisodes.ReferralWorkerId)));
                }
            });
            PersonTable(S.CinAssessments.Table, S.CinAssessments.PersonId, S.CinAssessments.AssessmentId, (r, c, id) =>
            {
                c.Assessments.Add(new Assessment(id!, c.Person.Id, r.Text(S.CinAssessments.ReferralId), AssessmentKind.SocialCare,
                    r.Date(S.CinAssessments.AssessmentStartDate), r.Date(S.CinAssessments.AssessmentAuthDate), r.Flag(S.CinAssessments.AssessmentChildSeen)));
                _assessmentPerson[id!] = c.Person.Id;
            });
            PersonTable(S.CinPlans.Table, S.CinPlans.PersonId, S.CinPlans.CinPlanId, (r, c, id) =>
            {
                if (r.Date(S.CinPlans.CinPlanStartDate, required: true) is { } start)
                {
                    c.Plans.Add(new Plan(id!, c.Person.Id, r.Text(S.CinPlans.ReferralId), PlanKind.ChildInNeed, start,
                        r.Date(S.CinPlans.CinPlanEndDate), null));
                }
            });
            PersonTable(S.CinVisits.Table, S.CinVisits.PersonId, S.CinVisits.CinVisitId, (r, c, id) =>
            {
                if (r.Date(S.CinVisits.CinVisitDate, required: true) is { } date)
                {
                    c.Visits.Add(new Visit(id!, c.Person.Id, null, VisitKind.ChildInNeed, date, r.Flag(S.CinVisits.CinVisitSeen),
                        r.Flag(S.CinVisits.CinVisitSeenAlone)));
                }
            });
            PersonTable(S.S47Enquiry.Table, S.S47Enquiry.PersonId, S.S47Enquiry.S47EnquiryId, (r, c, id) =>
            {
                if (r.Date(S.S47Enquiry.S47StartDate, required: true) is { } start)
                {
                    c.S47Enquiries.Add(new S47Enquiry(id!, c.Person.Id, r.Text(S.S47Enquiry.ReferralId), start, r.Date(S.S47Enquiry.S47EndDate)));
                }
            });
            PersonTable(S.InitialCpConference.Table, S.InitialCpConference.PersonId, S.InitialCpConference.IcpcId, (r, c, id) =>
                c.Conferences.Add(new InitialConference(id!, c.Person.Id, r.Text(S.InitialCpConference.S47EnquiryId), r.Text(S.InitialCpConference.CpPlanId),
                    r.Text(S.InitialCpConference.ReferralId), r.Flag(S.InitialCpConference.IcpcTransferIn) == true, r.Date(S.InitialCpConference.IcpcDate))));
            PersonTable(S.CpPlans.Table, S.CpPlans.PersonId, S.CpPlans.CpPlanId, (r, c, id) =>
            {
                if (r.Date(S.CpPlans.CpPlanStartDate, required: true) is { } start)
                {
                    c.Plans.Add(new Plan(id!, c.Person.Id, r.Text(S.CpPlans.ReferralId), PlanKind.ChildProtection, start,
                        r.Date(S.CpPlans.CpPlanEndDate), r.Text(S.CpPlans.IcpcId)));
                }
            });
            PersonTable(S.CpVisits.Table, S.CpVisits.PersonId, S.CpVisits.CpVisitId, (r, c, id) =>
            {
                if (r.Date(S.CpVisits.CpVisitDate, required: true) is { } date)
                {
                    c.Visits.Add(new Visit(id!, c.Person.Id, r.Text(S.CpVisits.CpPlanId), VisitKind.ChildProtection, date,
                        r.Flag(S.CpVisits.CpVisitSeen), r.Flag(S.CpVisits.CpVisitSeenAlone)));
                }
            });
            PersonTable(S.CpReviews.Table, S.CpReviews.PersonId, S.CpReviews.CpReviewId, (r, c, id) =>
                c.Meetings.Add(new Meeting(id!, c.Person.Id, r.Text(S.CpReviews.CpPlanId), MeetingType.ChildProtectionReview,
                    r.Date(S.CpReviews.CpReviewDate), false) { RecordedDueDate = r.Date(S.CpReviews.CpReviewDue) }));
            ReadPeriodsOfCare();
            var placementTypes = Options.CodeList("PlacementTypes", Codes);
            PersonTable(S.ClaPlacement.Table, S.ClaPlacement.PersonId, S.ClaPlacement.ClaPlacementId, (r, c, id) =>
            {
                var type = r.Code(S.ClaPlacement.ClaPlacementType, placementTypes);
                if (r.Date(S.ClaPlacement.ClaPlacementStartDate, required: true) is { } start)
                {
                    c.Placements.Add(new Placement(id!, c.Person.Id, r.Text(S.ClaPlacement.ClaId), start,
                        r.Date(S.ClaPlacement.ClaPlacementEndDate), type));
                }
            });
            var legalStatuses = Options.CodeList("LegalStatuses", Codes);
            var descriptions = new CodeDescriptions(Options.CodeText("LegalStatusDescriptions", Codes), "LegalStatusDescriptions");
            PersonTable(S.LegalStatus.Table, S.LegalStatus.PersonId, null, (r, c, _) =>
            {
                var code = LegalStatusCode(r, legalStatuses, descriptions);
                if (code is not null && r.Date(S.LegalStatus.LegalStatusStartDate, required: true) is { } start)
                {
                    c.LegalStatuses.Add(new LegalStatus(c.Person.Id, code, start, r.Date(S.LegalStatus.LegalStatusEndDate)));
                }
            });
            ChildTable(S.ClaReviews.Table, S.ClaReviews.ClaId, _periodPerson, S.ClaReviews.ClaReviewId, (r, c, id) =>
                c.Meetings.Add(new Meeting(id!, c.Person.Id, r.Text(S.ClaReviews.ClaId), MeetingType.LookedAfterReview,
                    r.Date(S.ClaReviews.ClaReviewDate), r.Flag(S.ClaReviews.ClaReviewCancelled) == true)
                { RecordedDueDate = r.Date(S.ClaReviews.ClaReviewDueDate) }));
            PersonTable(S.ClaVisits.Table, S.ClaVisits.PersonId, S.ClaVisits.ClaVisitId, (r, c, id) =>
            {
                if (r.Date(S.ClaVisits.ClaVisitDate, required: true) is { } date)
                {
                    c.Visits.Add(new Visit(id!, c.Person.Id, r.Text(S.ClaVisits.ClaId), VisitKind.LookedAfter, date,
                        r.Flag(S.ClaVisits.ClaVisitSeen), r.Flag(S.ClaVisits.ClaVisitSeenAlone)));
                }
            });
            OneVisitPerId();
            PersonTable(S.CareLeavers.Table, S.CareLeavers.PersonId, null, (r, c, _) =>
                c.CareLeaver = new CareLeaver(c.Person.Id, r.Date(S.CareLeavers.CareLeaverLatestContact),
                    r.Date(S.CareLeavers.PathwayPlanReviewDate), r.Text(S.CareLeavers.CareLeaverWorkerId)));

            ReadExtensions();
            return Extract("standard", new CaseDirectory(_workers, _teams));
        }

        private const int MinimumRowsInAWindow = 50;

        /// <summary>
        /// Involvements were read but none has an allocated-worker role: the site's system codes its roles otherwise
        /// (Mosaic <c>REL.*</c>, Eclipse relationship classes). Read silently, every referral would look unallocated;
        /// instead one rejected.csv row names the roles seen, the most frequent first, for <c>Codes:AllocatedWorkerRoles</c>.
        /// </summary>
        private void NoAllocationRole(IReadOnlyList<string> roles, int allocations, Dictionary<string, int> otherRoles)
        {
            // A stream window holds a few thousand children: only enough involvements without one allocation among
            // them say something about the site's codes rather than about the few children of a last, small window.
            if (allocations > 0 || otherRoles.Count == 0 || (Windowed && otherRoles.Values.Sum() < MinimumRowsInAWindow))
            {
                return;
            }

            var seen = string.Join(", ", otherRoles.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(8)
                .Select(kv => $"{Rejection.Cut(kv.Key)} ({kv.Value})"));
            RejectTable(S.Involvements.Table, S.Involvements.ProfessionalRoleId,
                $"no involvement has an allocated-worker role ({string.Join(", ", roles)}; Codes:AllocatedWorkerRoles), so no allocation " +
                $"is read; the roles seen are {seen}{(otherRoles.Count > 8 ? ", …" : "")}");
        }

        /// <summary>
        /// An SSD's legal status as the code or as the guide's description (v1.3 on exports the description);
        /// neither is a rejected row naming it, since a legal status with no code cannot set a visiting schedule.
        /// </summary>
        private static string? LegalStatusCode(RowReader r, IReadOnlyList<string> codes, CodeDescriptions descriptions)
        {
            var text = r.Text(S.LegalStatus.Code);
            if (text is null)
            {
                r.Reject(S.LegalStatus.Code, "missing code: " + RowReader.RowUnusable);
                return null;
            }

            if (codes.FirstOrDefault(k => string.Equals(k, text, StringComparison.OrdinalIgnoreCase)) is { } code)
            {
                return code;
            }

            if (descriptions.CodeOf(text) is { } described && codes.Contains(described, StringComparer.OrdinalIgnoreCase))
            {
                return described;
            }

            r.Reject(S.LegalStatus.Code, $"'{Rejection.Cut(text)}' is neither an SSDA903 legal status code nor a description in " +
                $"Codes:LegalStatusDescriptions; {RowReader.RowUnusable}");
            return null;
        }

        /// <summary>
        /// SSD exports repeat CP and LAC visit case notes in <c>ssd_cin_visits</c> under the same id: one visit, of the
        /// most specific kind, so that no visit is judged twice (or counts towards the wrong plan).
        /// </summary>
        private void OneVisitPerId()
        {
            foreach (var c in Cases.Values)
            {
                if (c.Visits.Count < 2 || !c.Visits.Exists(v => v.Kind == VisitKind.ChildInNeed))
                {
                    continue;
                }

                var specific = c.Visits.Where(v => v.Kind is VisitKind.ChildProtection or VisitKind.LookedAfter)
                    .Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
                if (specific.Count > 0)
                {
                    c.Visits.RemoveAll(v => v.Kind == VisitKind.ChildInNeed && specific.Contains(v.Id));
                }
            }
        }

        private void ReadPeriodsOfCare()
        {
            var episodes = new List<(string PersonId, string Period, LocalDate Start, LocalDate? End, bool Open, string? Referral)>();
            PersonTable(S.ClaEpisodes.Table, S.ClaEpisodes.PersonId, S.ClaEpisodes.ClaEpisodeId, (r, c, _) =>
            {
                var start = r.Date(S.ClaEpisodes.EnteredCareDate) ?? r.Date(S.ClaEpisodes.ClaEpisodeStartDate, required: true);
                if (start is null)
                {
                    return;
                }

                var period = r.Text(S.ClaEpisodes.ClaId) ?? r.RecordId!;
                var ceased = r.Date(S.ClaEpisodes.ClaEpisodeCeasedDate);
                episodes.Add((c.Person.Id, period, start.Value, ceased, ceased is null, r.Text(S.ClaEpisodes.ReferralId)));
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
            PersonTable(S.CcMeetings.Table, S.CcMeetings.PersonId, S.CcMeetings.Id, (r, c, id) =>
            {
                var type = r.Code(S.CcMeetings.Type, [.. StandardLayout.MeetingTypes.Keys], required: true);
                if (type is not null)
                {
                    c.Meetings.Add(new Meeting(id!, c.Person.Id, r.Text(S.CcMeetings.EpisodeId), StandardLayout.MeetingTypes[type],
                        r.Date(S.CcMeetings.Date), r.Flag(S.CcMeetings.Cancelled) == true));
                }
            });
            PersonTable(S.CcEhAssessments.Table, S.CcEhAssessments.PersonId, S.CcEhAssessments.Id, (r, c, id) =>
                c.Assessments.Add(new Assessment(id!, c.Person.Id, r.Text(S.CcEhAssessments.EpisodeId), AssessmentKind.EarlyHelp,
                    r.Date(S.CcEhAssessments.StartDate), r.Date(S.CcEhAssessments.CompletedDate), null)));
            PersonTable(S.CcEhContacts.Table, S.CcEhContacts.PersonId, S.CcEhContacts.Id, (r, c, id) =>
            {
                var type = r.Code(S.CcEhContacts.Type, [.. StandardLayout.EarlyHelpContactTypes.Keys], required: true);
                if (type is not null && r.Date(S.CcEhContacts.Date, required: true) is { } date)
                {
                    c.Visits.Add(new Visit(id!, c.Person.Id, r.Text(S.CcEhContacts.EpisodeId), StandardLayout.EarlyHelpContactTypes[type],
                        date, null, null));
                }
            });
            ChildTable(S.CcContactDecisions.Table, S.CcContactDecisions.ContactId, _contactPerson, null, (r, c, _) =>
            {
                var contactId = r.Text(S.CcContactDecisions.ContactId)!;
                var received = r.DateTimeWithFlag(S.CcContactDecisions.ReceivedAt, false, out var receivedTime);
                var decision = r.DateTimeWithFlag(S.CcContactDecisions.DecisionAt, false, out var decisionTime);
                var i = c.Contacts.FindIndex(x => x.Id == contactId);
                c.Contacts[i] = c.Contacts[i] with
                {
                    ReceivedAt = received,
                    DecisionAt = decision,
                    HasTimes = receivedTime && (decision is null || decisionTime),
                };
            });
            ChildTable(S.CcAssessmentReviewPoints.Table, S.CcAssessmentReviewPoints.AssessmentId, _assessmentPerson, null, (r, c, _) =>
            {
                if (r.Date(S.CcAssessmentReviewPoints.Date, required: true) is { } date)
                {
                    c.ReviewPoints.Add(new AssessmentReviewPoint(r.Text(S.CcAssessmentReviewPoints.AssessmentId)!, date));
                }
            });
            AttachPlanFrequencies();
            AttachPlacementDetails();
            PersonTable(S.CcPrivateFostering.Table, S.CcPrivateFostering.PersonId, S.CcPrivateFostering.Id, (r, c, id) =>
                c.PrivateFostering.Add(new PrivateFostering(id!, c.Person.Id, r.Date(S.CcPrivateFostering.NotificationDate),
                    r.Date(S.CcPrivateFostering.StartDate), r.Date(S.CcPrivateFostering.EndDate))));
            PersonTable(S.CcCareLeaverAccommodation.Table, S.CcCareLeaverAccommodation.PersonId, null, (r, c, _) =>
            {
                if (r.Date(S.CcCareLeaverAccommodation.StartDate, required: true) is { } start)
                {
                    c.Accommodation.Add(new CareLeaverAccommodation(c.Person.Id, start, r.Date(S.CcCareLeaverAccommodation.EndDate)));
                }
            });
            PersonTable(S.CcVisits.Table, S.CcVisits.PersonId, S.CcVisits.Id, (r, c, id) =>
            {
                var type = r.Code(S.CcVisits.Type, [.. StandardLayout.OtherVisitTypes.Keys], required: true);
                if (type is not null && r.Date(S.CcVisits.Date, required: true) is { } date)
                {
                    c.Visits.Add(new Visit(id!, c.Person.Id, r.Text(S.CcVisits.EpisodeId), StandardLayout.OtherVisitTypes[type], date,
                        r.Flag(S.CcVisits.Seen), r.Flag(S.CcVisits.SeenAlone)));
                }
            });
            // After every visit table (cc_eh_contacts, cc_visits): details may name any visit.
            AttachVisitDetails();
            PersonTable(S.CcManagementRecords.Table, S.CcManagementRecords.PersonId, S.CcManagementRecords.Id, (r, c, id) =>
            {
                var type = r.Code(S.CcManagementRecords.Type, [.. StandardLayout.ManagementTypes.Keys], required: true);
                if (type is not null && r.Date(S.CcManagementRecords.Date, required: true) is { } date)
                {
                    c.ManagementRecords.Add(new ManagementRecord(id!, c.Person.Id, r.Text(S.CcManagementRecords.EpisodeId),
                        StandardLayout.ManagementTypes[type], date, r.Text(S.CcManagementRecords.WorkerId)));
                }
            });
            PersonTable(S.CcDocuments.Table, S.CcDocuments.PersonId, S.CcDocuments.Id, (r, c, id) =>
            {
                var type = r.Code(S.CcDocuments.Type, [.. StandardLayout.DocumentTypes.Keys], required: true);
                if (type is not null && r.Date(S.CcDocuments.Date, required: true) is { } date)
                {
                    c.Documents.Add(new Document(id!, c.Person.Id, r.Text(S.CcDocuments.EpisodeId), StandardLayout.DocumentTypes[type], date));
                }
            });
            PersonTable(S.CcAudits.Table, S.CcAudits.PersonId, S.CcAudits.Id, (r, c, id) =>
            {
                if (r.Date(S.CcAudits.Date, required: true) is { } date)
                {
                    c.Audits.Add(new Audit(id!, c.Person.Id, r.Text(S.CcAudits.EpisodeId), date, r.Text(S.CcAudits.Grade)));
                    _auditPerson[id!] = c.Person.Id;
                }
            });
            ChildTable(S.CcAuditActions.Table, S.CcAuditActions.AuditId, _auditPerson, S.CcAuditActions.Id, (r, c, id) =>
                c.AuditActions.Add(new AuditAction(id!, r.Text(S.CcAuditActions.AuditId)!, r.Text(S.CcAuditActions.Description), r.Text(S.CcAuditActions.Owner),
                    r.Date(S.CcAuditActions.DueDate), r.Date(S.CcAuditActions.CompletedDate))));
            PersonTable(S.CcPersonDetails.Table, S.CcPersonDetails.PersonId, null, (r, c, _) => c.Person = c.Person with
            {
                Telephone = r.Text(S.CcPersonDetails.Telephone),
                EthnicityDetail = r.Text(S.CcPersonDetails.EthnicityDetail),
                PrimaryNeed = r.Text(S.CcPersonDetails.PrimaryNeed),
            });
        }

        private void AttachVisitDetails() =>
            Attach(S.CcVisitDetails.Table, S.CcVisitDetails.VisitId, "visit in the visit tables", c => c.Visits, v => v.Id, r =>
            {
                var reason = r.Text(S.CcVisitDetails.NotSeenAloneReason);
                var recorded = r.Date(S.CcVisitDetails.RecordedDate);
                return v => v with { NotSeenAloneReason = reason, RecordedDate = recorded };
            });

        private void AttachPlanFrequencies() =>
            Attach(S.CcPlanVisitFrequency.Table, S.CcPlanVisitFrequency.PlanId, "plan", c => c.Plans, p => p.Id, r =>
            {
                var days = r.Int(S.CcPlanVisitFrequency.IntervalDays);
                var working = (r.Code(S.CcPlanVisitFrequency.Basis, StandardLayout.FrequencyBases) ?? "calendar") == "working";
                if (days is null or <= 0)
                {
                    r.Reject(S.CcPlanVisitFrequency.IntervalDays, "missing or not a positive number of days: the row cannot be used");
                    return null;
                }

                return p => p with { VisitFrequency = new VisitFrequency(days.Value, working) };
            });

        private void AttachPlacementDetails() =>
            Attach(S.CcPlacementDetails.Table, S.CcPlacementDetails.PlacementId, "placement", c => c.Placements, p => p.Id, r =>
                ReadPlacementDetails(r, S.CcPlacementDetails.LongTerm, S.CcPlacementDetails.TemporaryApproval, S.CcPlacementDetails.CarerApprovedDate,
                    S.CcPlacementDetails.ReducedVisitsAgreed, S.CcPlacementDetails.AgreedIntervalDays));

    }
}

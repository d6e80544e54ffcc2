using System.Collections.Immutable;
using CaseCompliance.Domain;
using NodaTime;

namespace CaseCompliance.Rules.Engine;

/// <summary>
/// The case as it was known on the as-of date: records dated after it are dropped, and ends, completions and
/// decisions after it are treated as not yet happened. This makes <c>--as-of</c> replays honest.
/// </summary>
public static class AsAt
{
    public static CaseRecord Truncate(CaseRecord r, LocalDate d)
    {
        // The nightly case: nothing dated after the as-of date, so nothing to copy.
        if (!HasAnythingAfter(r, d))
        {
            return r;
        }

        static LocalDate? Cut(LocalDate? x, LocalDate d) => x is { } v && v > d ? null : x;
        static ImmutableArray<T> Keep<T>(ImmutableArray<T> items, Func<T, bool> keep, Func<T, T>? map = null)
        {
            if (items.All(keep) && map is null)
            {
                return items;
            }

            var kept = items.Where(keep);
            return [.. map is null ? kept : kept.Select(map)];
        }

        return r with
        {
            Contacts = Keep(r.Contacts, c => c.Date <= d, c => c.DecisionAt is { } at && at.Date > d ? c with { DecisionAt = null } : c),
            Referrals = Keep(r.Referrals, x => x.ReferralDate <= d, x => x with { CloseDate = Cut(x.CloseDate, d) }),
            EarlyHelpEpisodes = Keep(r.EarlyHelpEpisodes, x => x.Start <= d, x => x with { End = Cut(x.End, d) }),
            Allocations = Keep(r.Allocations, x => x.Start <= d, x => x with { End = Cut(x.End, d) }),
            Assessments = Keep(r.Assessments, x => (x.Start ?? x.Completed ?? d) <= d, x => x with { Completed = Cut(x.Completed, d) }),
            AssessmentReviewPoints = Keep(r.AssessmentReviewPoints, x => x.Date <= d),
            S47Enquiries = Keep(r.S47Enquiries, x => x.Start <= d, x => x with { End = Cut(x.End, d) }),
            InitialConferences = Keep(r.InitialConferences, _ => true, x => x with { Date = Cut(x.Date, d) }),
            Plans = Keep(r.Plans, x => x.Start <= d, x => x with { End = Cut(x.End, d) }),
            Meetings = Keep(r.Meetings, x => x.Date is null || x.Date <= d),
            Visits = Keep(r.Visits, x => x.Date <= d, x => x with { RecordedDate = Cut(x.RecordedDate, d) }),
            PeriodsOfCare = Keep(r.PeriodsOfCare, x => x.Start <= d, x => x with { End = Cut(x.End, d) }),
            Placements = Keep(r.Placements, x => x.Start <= d, x => x with { End = Cut(x.End, d), CarerApprovedDate = Cut(x.CarerApprovedDate, d) }),
            LegalStatuses = Keep(r.LegalStatuses, x => x.Start <= d, x => x with { End = Cut(x.End, d) }),
            PrivateFostering = Keep(r.PrivateFostering, x => (x.Notification ?? x.Start ?? d) <= d || (x.Start ?? d) <= d,
                x => x with { End = Cut(x.End, d) }),
            CareLeaver = r.CareLeaver is { } cl
                ? cl with { LatestContact = Cut(cl.LatestContact, d), PathwayPlanReviewDate = Cut(cl.PathwayPlanReviewDate, d) }
                : null,
            CareLeaverAccommodation = Keep(r.CareLeaverAccommodation, x => x.Start <= d, x => x with { End = Cut(x.End, d) }),
            ManagementRecords = Keep(r.ManagementRecords, x => x.Date <= d),
            Documents = Keep(r.Documents, x => x.Date <= d),
            Audits = Keep(r.Audits, x => x.Date <= d),
            AuditActions = Keep(r.AuditActions, x => !r.Audits.Any(a => a.Id == x.AuditId && a.Date > d),
                x => x with { Completed = Cut(x.Completed, d) }),
            MissingEpisodes = Keep(r.MissingEpisodes, x => x.Start <= d, x => x with { End = Cut(x.End, d) }),
        };
    }

    private static bool After(LocalDate? x, LocalDate d) => x is { } v && v > d;

    private static bool HasAnythingAfter(CaseRecord r, LocalDate d)
    {
        foreach (var x in r.Contacts)
        {
            if (x.Date > d || (x.DecisionAt is { } at && at.Date > d))
            {
                return true;
            }
        }

        foreach (var x in r.Referrals)
        {
            if (x.ReferralDate > d || After(x.CloseDate, d))
            {
                return true;
            }
        }

        foreach (var x in r.EarlyHelpEpisodes)
        {
            if (x.Start > d || After(x.End, d))
            {
                return true;
            }
        }

        foreach (var x in r.Allocations)
        {
            if (x.Start > d || After(x.End, d))
            {
                return true;
            }
        }

        foreach (var x in r.Assessments)
        {
            if (After(x.Start, d) || After(x.Completed, d))
            {
                return true;
            }
        }

        foreach (var x in r.AssessmentReviewPoints)
        {
            if (x.Date > d)
            {
                return true;
            }
        }

        foreach (var x in r.S47Enquiries)
        {
            if (x.Start > d || After(x.End, d))
            {
                return true;
            }
        }

        foreach (var x in r.InitialConferences)
        {
            if (After(x.Date, d))
            {
                return true;
            }
        }

        foreach (var x in r.Plans)
        {
            if (x.Start > d || After(x.End, d))
            {
                return true;
            }
        }

        foreach (var x in r.Meetings)
        {
            if (After(x.Date, d))
            {
                return true;
            }
        }

        foreach (var x in r.Visits)
        {
            if (x.Date > d || After(x.RecordedDate, d))
            {
                return true;
            }
        }

        foreach (var x in r.PeriodsOfCare)
        {
            if (x.Start > d || After(x.End, d))
            {
                return true;
            }
        }

        foreach (var x in r.Placements)
        {
            if (x.Start > d || After(x.End, d) || After(x.CarerApprovedDate, d))
            {
                return true;
            }
        }

        foreach (var x in r.LegalStatuses)
        {
            if (x.Start > d || After(x.End, d))
            {
                return true;
            }
        }

        foreach (var x in r.PrivateFostering)
        {
            if (After(x.Notification, d) || After(x.Start, d) || After(x.End, d))
            {
                return true;
            }
        }

        if (r.CareLeaver is { } cl && (After(cl.LatestContact, d) || After(cl.PathwayPlanReviewDate, d)))
        {
            return true;
        }

        foreach (var x in r.CareLeaverAccommodation)
        {
            if (x.Start > d || After(x.End, d))
            {
                return true;
            }
        }

        foreach (var x in r.ManagementRecords)
        {
            if (x.Date > d)
            {
                return true;
            }
        }

        foreach (var x in r.Documents)
        {
            if (x.Date > d)
            {
                return true;
            }
        }

        foreach (var x in r.Audits)
        {
            if (x.Date > d)
            {
                return true;
            }
        }

        foreach (var x in r.AuditActions)
        {
            if (After(x.Completed, d))
            {
                return true;
            }
        }

        foreach (var x in r.MissingEpisodes)
        {
            if (x.Start > d || After(x.End, d))
            {
                return true;
            }
        }

        return false;
    }
}

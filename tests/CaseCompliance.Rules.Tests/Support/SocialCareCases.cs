namespace CaseCompliance.Rules.Tests.Support;

/// <summary>Builders for the children's social care records (referrals, plans, care, care leavers) and one
/// assertion that checks the numbers a finding reports.</summary>
public static class SocialCareCases
{
    public static Referral Referral(string id, LocalDate date, LocalDate? close = null, string? need = "N1", bool? nfa = null) =>
        new(id, "C1", date, close, need, nfa, "T1", "W1");

    public static Assessment SocialCareAssessment(string id, LocalDate? start, LocalDate? completed, string? referralId = "R1") =>
        new(id, "C1", referralId, AssessmentKind.SocialCare, start, completed, true);

    public static Plan CpPlan(string id, LocalDate start, LocalDate? end = null, string? icpcId = null, string? referralId = "R1") =>
        new(id, "C1", referralId, PlanKind.ChildProtection, start, end, icpcId);

    public static Plan CinPlan(string id, LocalDate start, LocalDate? end = null, string? referralId = "R1",
        VisitFrequency? frequency = null) =>
        new(id, "C1", referralId, PlanKind.ChildInNeed, start, end, null) { VisitFrequency = frequency };

    public static S47Enquiry S47(string id, LocalDate start, LocalDate? end = null, string? referralId = "R1") =>
        new(id, "C1", referralId, start, end);

    public static InitialConference Icpc(string id, LocalDate? date, string? s47Id = null, string? planId = null,
        string? referralId = "R1", bool transferIn = false) =>
        new(id, "C1", s47Id, planId, referralId, transferIn, date);

    public static PeriodOfCare CarePeriod(string id, LocalDate start, LocalDate? end = null) => new(id, "C1", "R1", start, end);

    public static Placement Placement(string id, LocalDate start, LocalDate? end = null, string? type = "U4", string? periodId = "POC1") =>
        new(id, "C1", periodId, start, end, type);

    public static LegalStatus Legal(string code, LocalDate start, LocalDate? end = null) => new("C1", code, start, end);

    public static ManagementRecord Supervision(string id, LocalDate date, string? episodeId = null) =>
        new(id, "C1", episodeId, ManagementKind.Supervision, date, "M1");

    /// <summary>Adds a held LAC review of period of care POC1.</summary>
    public static CaseRecord WithReview(this CaseRecord record, LocalDate date) =>
        record with { Meetings = [.. record.Meetings, new Meeting("LR1", "C1", "POC1", MeetingType.LookedAfterReview, date, false)] };

    public static CaseRecord WithLegalStatus(this CaseRecord record, params LegalStatus[] statuses) =>
        record with { LegalStatuses = [.. statuses] };

    public static CaseRecord WithPerson(this CaseRecord record, Func<Person, Person> change) => record with { Person = change(record.Person) };

    /// <summary>Asserts status, due date and both lateness counts at once (nulls included: a met finding has no lateness).</summary>
    public static Finding Is(this Finding f, FindingStatus status, LocalDate? due, int? daysLate = null, int? workingDaysLate = null)
    {
        Assert.Equal(status, f.Status);
        Assert.Equal(due, f.DueDate);
        Assert.Equal(daysLate, f.DaysLate);
        Assert.Equal(workingDaysLate, f.WorkingDaysLate);
        return f;
    }
}

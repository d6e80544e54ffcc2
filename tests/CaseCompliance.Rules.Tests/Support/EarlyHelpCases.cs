namespace CaseCompliance.Rules.Tests.Support;

/// <summary>Builders for Early Help episodes and the records hanging from them (episode id <c>EH1</c> by default).</summary>
public static class EarlyHelpCases
{
    public const string EpisodeId = "EH1";

    public static EarlyHelpEpisode Episode(LocalDate start, LocalDate? end = null, string id = EpisodeId) =>
        new(id, "C1", start, end, null);

    /// <summary>A child with one Early Help episode, allocated (to W1, allocation <c>A1</c>) on <paramref name="allocated"/> if given.</summary>
    public static CaseRecord WithEpisode(LocalDate start, LocalDate? end = null, LocalDate? allocated = null) => Cases.Child() with
    {
        EarlyHelpEpisodes = [Episode(start, end)],
        Allocations = allocated is { } a ? [Cases.Allocation("A1", a, EpisodeId)] : [],
    };

    public static Visit EhContact(string id, LocalDate date, string? episodeId = EpisodeId) =>
        Cases.Visit(VisitKind.EarlyHelpContact, id, date, episodeId);

    public static Visit EhHomeVisit(string id, LocalDate date, string? episodeId = EpisodeId) =>
        Cases.Visit(VisitKind.EarlyHelpHomeVisit, id, date, episodeId);

    public static Assessment EhAssessment(string id, LocalDate? start, LocalDate? completed, string? episodeId = EpisodeId) =>
        new(id, "C1", episodeId, AssessmentKind.EarlyHelp, start, completed, true);

    public static Document Consent(string id, LocalDate date, string? episodeId = EpisodeId) =>
        new(id, "C1", episodeId, DocumentKind.Consent, date);

    public static Document OutcomeStar(string id, LocalDate date, string? episodeId = EpisodeId) =>
        new(id, "C1", episodeId, DocumentKind.OutcomeStar, date);
}

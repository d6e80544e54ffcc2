using System.Collections.Immutable;
using System.Reflection;
using CaseCompliance.Rules.Catalogue;
using Microsoft.Extensions.Configuration;

namespace CaseCompliance.Rules.Engine;

/// <summary>Every rule of rules.md, built with its options bound from <c>Rules:&lt;rule-id&gt;</c>.</summary>
public static class RuleCatalogue
{
    private static readonly (string Id, Func<IConfigurationSection, IRule> Create)[] Factories =
    [
        ("allocation", s => new AllocationRule(Bind<AllocationOptions>(s))),
        ("eh-initial-contact", s => new EhInitialContactRule(Bind<EhInitialContactOptions>(s))),
        ("eh-initial-home-visit", s => new EhInitialHomeVisitRule(Bind<EhInitialHomeVisitOptions>(s))),
        ("eh-assessment", s => new EhAssessmentRule(Bind<EhAssessmentOptions>(s))),
        ("eh-taf-review", s => new EhTafReviewRule(Bind<EhTafReviewOptions>(s))),
        ("eh-reassessment", s => new EhReassessmentRule(Bind<EhReassessmentOptions>(s))),
        ("management-oversight", s => new ManagementOversightRule(Bind<ManagementOversightOptions>(s))),
        ("eh-consent", s => new EhConsentRule(Bind<EhConsentOptions>(s))),
        ("eh-outcome-star", s => new EhOutcomeStarRule(Bind<EhOutcomeStarOptions>(s))),
        ("contact-decision", s => new ContactDecisionRule(Bind<ContactDecisionOptions>(s))),
        ("strategy-discussion", s => new StrategyDiscussionRule(Bind<StrategyDiscussionOptions>(s))),
        ("assessment-timescale", s => new AssessmentTimescaleRule(Bind<AssessmentTimescaleOptions>(s))),
        ("assessment-review-point", s => new AssessmentReviewPointRule(Bind<AssessmentReviewPointOptions>(s))),
        ("icpc-timescale", s => new IcpcTimescaleRule(Bind<IcpcTimescaleOptions>(s))),
        ("cp-review-conference", s => new CpReviewConferenceRule(Bind<CpReviewConferenceOptions>(s))),
        ("core-group", s => new CoreGroupRule(Bind<CoreGroupOptions>(s))),
        ("cp-visits", s => new CpVisitsRule(Bind<CpVisitsOptions>(s))),
        ("cin-review", s => new CinReviewRule(Bind<CinReviewOptions>(s))),
        ("cin-visits", s => new CinVisitsRule(Bind<RuleOptions>(s))),
        ("lac-review", s => new LacReviewRule(Bind<LacReviewOptions>(s))),
        ("lac-visits", s => new LacVisitsRule(Bind<LacVisitsOptions>(s))),
        ("private-fostering-visits", s => new PrivateFosteringVisitsRule(Bind<PrivateFosteringVisitsOptions>(s))),
        ("care-leaver-pathway-review", s => new CareLeaverPathwayReviewRule(Bind<CareLeaverPathwayReviewOptions>(s))),
        ("care-leaver-visits", s => new CareLeaverVisitsRule(Bind<CareLeaverVisitsOptions>(s))),
        ("supervision", s => new SupervisionRule(Bind<SupervisionOptions>(s))),
        ("recording-timeliness", s => new RecordingTimelinessRule(Bind<RecordingTimelinessOptions>(s))),
        ("visit-seen-alone", s => new VisitSeenAloneRule(Bind<RuleOptions>(s))),
        ("key-information", s => new KeyInformationRule(Bind<KeyInformationOptions>(s))),
        ("audit-actions", s => new AuditActionsRule(Bind<RuleOptions>(s))),
        ("audit-follow-up", s => new AuditFollowUpRule(Bind<AuditFollowUpOptions>(s))),
    ];

    /// <summary>The rule ids of rules.md, in catalogue order.</summary>
    public static ImmutableArray<string> Ids { get; } = [.. Factories.Select(f => f.Id)];

    /// <summary>Builds every rule with defaults only.</summary>
    public static ImmutableArray<IRule> Defaults() => Build(new ConfigurationBuilder().Build().GetSection("Rules"));

    /// <summary>
    /// Builds every rule, enabled or not, from the <c>Rules</c> section. Unknown rule ids, unknown keys and values
    /// that do not parse are refused with the key that is wrong.
    /// </summary>
    public static ImmutableArray<IRule> Build(IConfigurationSection rules)
    {
        var unknown = rules.GetChildren().Select(c => c.Key)
            .Where(k => !Ids.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            throw new RuleConfigurationException(
                $"{rules.Path}:{unknown[0]}: unknown rule id. Known rules: {string.Join(", ", Ids)}.");
        }

        return [.. Factories.Select(f => f.Create(rules.GetSection(f.Id)))];
    }

    private static T Bind<T>(IConfigurationSection section)
        where T : RuleOptions, new()
    {
        var options = new T();

        // The binder appends to a list that already holds defaults: a configured list must replace them instead.
        foreach (var property in typeof(T).GetProperties().Where(p => p.PropertyType == typeof(List<string>)))
        {
            if (section.GetSection(property.Name).Exists())
            {
                ((List<string>)property.GetValue(options)!).Clear();
            }
        }

        try
        {
            section.Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            var reason = e.InnerException is FormatException fe ? fe.Message : e.Message;
            throw new RuleConfigurationException($"{section.Path}: {reason}", e);
        }

        if (options.Validate().FirstOrDefault() is { } problem)
        {
            throw new RuleConfigurationException($"{section.Path}:{problem}");
        }

        return options;
    }

    /// <summary>The effective options of a rule as key = value pairs, for the <c>rules</c> verb.</summary>
    public static IEnumerable<(string Key, string Value)> Describe(RuleOptions options) =>
        options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .OrderBy(p => p.Name == nameof(RuleOptions.Enabled) ? 0 : p.DeclaringType == typeof(RuleOptions) ? 2 : 1)
            .Select(p => (p.Name, Format(p.GetValue(options))));

    private static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        System.Collections.IEnumerable list and not string => string.Join(",", list.Cast<object>()),
        _ => value.ToString() ?? "",
    };
}

/// <summary>The Rules section of the configuration is wrong; the message names the key.</summary>
public sealed class RuleConfigurationException(string message, Exception? inner = null) : Exception(message, inner);

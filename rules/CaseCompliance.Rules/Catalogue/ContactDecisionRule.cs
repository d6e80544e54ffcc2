using CaseCompliance.Domain;
using CaseCompliance.Rules.Engine;

namespace CaseCompliance.Rules.Catalogue;

/// <summary>Options of <c>contact-decision</c>.</summary>
public sealed class ContactDecisionOptions : RuleOptions
{
    /// <summary>With date-times this is exact; with dates only, 24 hours is 1 working day.</summary>
    public Timescale Within { get; set; } = Timescale.Hours(24);
}

/// <summary>
/// <c>contact-decision</c>: a decision on a contact/referral within 24 hours of receipt (1 working day when the
/// source records dates only). Source: CareFirst guidance; Working Together. Choices: receipt and decision come
/// from the contact-decision records; a contact without one is undecided; days late are whole calendar days
/// between the dates, and the sentence gives hours when it was late on the same day.
/// </summary>
public sealed class ContactDecisionRule(ContactDecisionOptions? options = null) : Rule<ContactDecisionOptions>(options)
{
    public override string Id => "contact-decision";
    public override string Title => "Decision on a contact within 24 hours";
    public override string Citation => "CareFirst guidance; Working Together";
    public override AuditArea Area => AuditArea.ContactAndReferral;

    public override IEnumerable<Finding> Evaluate(CaseRecord record, RuleContext context)
    {
        if (record.Contacts.IsEmpty)
        {
            yield break;
        }

        if (!record.Records(Dataset.ContactDecisions))
        {
            yield return context.NotRecorded(this, "Decision on a contact", "contact decisions (cc_contact_decisions)");
            yield break;
        }

        foreach (var c in record.Contacts)
        {
            var received = c.ReceivedAt ?? c.Date.AtMidnight();
            if (c.HasTimes)
            {
                var dueAt = Options.Within.AddTo(received, context.Calendar);
                yield return context.Judge(this, new Obligation
                {
                    EpisodeId = c.Id,
                    What = "Decision on the contact",
                    Done = "made",
                    Anchor = received.Date,
                    Basis = $"{Options.Within} after it was received at {received:yyyy-MM-dd HH:mm}",
                    Due = dueAt.Date,
                    DueAt = dueAt,
                    Completed = c.DecisionAt?.Date,
                    CompletedAt = c.DecisionAt,
                    Evidence = [c.Id],
                });
            }
            else
            {
                yield return context.Judge(this, new Obligation
                {
                    EpisodeId = c.Id,
                    What = "Decision on the contact",
                    Done = "made",
                    Anchor = received.Date,
                    Basis = $"{DatesOnly(Options.Within)} after it was received on {RuleContext.Date(received.Date)}",
                    Due = Options.Within.AddTo(received.Date, context.Calendar),
                    Completed = c.DecisionAt?.Date,
                    Evidence = [c.Id],
                });
            }
        }
    }

    /// <summary>The timescale as counted with dates only: "24 hours (1 working day with dates only)"; other units as configured.</summary>
    internal static string DatesOnly(Timescale within) => within.Unit == TimescaleUnit.Hours
        ? $"{within} ({RuleContext.Plural((within.Amount + 23) / 24, "working day")} with dates only)"
        : within.ToString();
}

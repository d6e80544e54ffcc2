using MimeKit;
using NodaTime;

namespace CaseCompliance.Alerts;

/// <summary>The <c>Alerts</c> section: what a digest holds, who receives it, and how it is delivered.</summary>
public sealed class AlertOptions
{
    /// <summary>Switch alerts off. Even when on, nothing is sent unless <c>Smtp:Host</c> or <c>Webhook:Url</c> is set.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Undone obligations due within this many working days of the as-of date are "due soon".</summary>
    public int DueSoonWorkingDays { get; set; } = 5;

    /// <summary>The window, in calendar days up to the as-of date, in which repeated breaches make a child "chronic".</summary>
    public int ChronicDays { get; set; } = 90;

    /// <summary>Obligations first breached within <see cref="ChronicDays"/> that make a child "chronic".</summary>
    public int ChronicMinimumBreaches { get; set; } = 3;

    /// <summary>Send a digest even when nothing is newly breached or resolved.</summary>
    public bool SendWhenUnchanged { get; set; }

    /// <summary>Show children's names; by default a digest shows initials only.</summary>
    public bool IncludeNames { get; set; }

    /// <summary>Items listed per section; the rest are counted ("and N more").</summary>
    public int MaxItemsPerSection { get; set; } = 50;

    public SmtpOptions Smtp { get; set; } = new();

    public WebhookOptions Webhook { get; set; } = new();

    public RoutingOptions Routing { get; set; } = new();

    public RetryOptions Retry { get; set; } = new();

    /// <summary>A delivery claimed longer ago than this is taken to have died mid-send: it becomes in-doubt, never resent.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>E-mail is configured (<c>Smtp:Host</c> set).</summary>
    public bool EmailConfigured => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>The webhook is configured (<c>Webhook:Url</c> set).</summary>
    public bool WebhookConfigured => !string.IsNullOrWhiteSpace(Webhook.Url);

    /// <summary>Values the binder accepted but alerts cannot use, each as <c>Key: reason</c>.</summary>
    public IEnumerable<string> Validate()
    {
        if (DueSoonWorkingDays < 0)
        {
            yield return "DueSoonWorkingDays: must be 0 or more.";
        }

        if (ChronicDays < 1)
        {
            yield return "ChronicDays: must be 1 or more.";
        }

        if (ChronicMinimumBreaches < 1)
        {
            yield return "ChronicMinimumBreaches: must be 1 or more.";
        }

        if (MaxItemsPerSection < 1)
        {
            yield return "MaxItemsPerSection: must be 1 or more.";
        }

        if (ClaimLease <= TimeSpan.Zero)
        {
            yield return "ClaimLease: must be longer than zero.";
        }

        foreach (var problem in Smtp.Validate())
        {
            yield return "Smtp:" + problem;
        }

        foreach (var problem in Webhook.Validate())
        {
            yield return "Webhook:" + problem;
        }

        foreach (var problem in Routing.Validate())
        {
            yield return "Routing:" + problem;
        }

        foreach (var problem in Retry.Validate())
        {
            yield return "Retry:" + problem;
        }
    }

    internal static bool IsAddress(string? address) =>
        !string.IsNullOrWhiteSpace(address) && MailboxAddress.TryParse(address, out var parsed) && parsed.Address.Contains('@');
}

/// <summary><c>Alerts:Smtp</c>: the mail server digests are sent through.</summary>
public sealed class SmtpOptions
{
    /// <summary>Unset: no e-mail.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary><c>none</c>, <c>starttls</c>, <c>ssl</c> (TLS from the start, usually port 465) or <c>auto</c>.</summary>
    public string Security { get; set; } = "none";

    /// <summary>Authenticate only when set. Keep the password in <c>CASECOMPLIANCE__Alerts__Smtp__Password</c>.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address; required with <see cref="Host"/>.</summary>
    public string? From { get; set; }

    public string? FromName { get; set; }

    internal static readonly string[] SecurityChoices = ["none", "starttls", "ssl", "auto"];

    internal IEnumerable<string> Validate()
    {
        if (Port is < 1 or > 65535)
        {
            yield return "Port: must be between 1 and 65535.";
        }

        if (!SecurityChoices.Contains(Security, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"Security: '{Security}' is not one of {string.Join(", ", SecurityChoices)}.";
        }

        if (!string.IsNullOrWhiteSpace(Host) && !AlertOptions.IsAddress(From))
        {
            yield return "From: a sender e-mail address is required when Host is set.";
        }
    }
}

/// <summary><c>Alerts:Webhook</c>: a Slack or Teams incoming webhook that receives one message per team.</summary>
public sealed class WebhookOptions
{
    /// <summary>Unset: no webhook. The address is a secret (it carries the token): keep it in an environment variable.</summary>
    public string? Url { get; set; }

    /// <summary><c>slack</c> or <c>teams</c>; both receive <c>{"text": ...}</c>, formatted for their markdown.</summary>
    public string Format { get; set; } = "slack";

    internal static readonly string[] FormatChoices = ["slack", "teams"];

    internal IEnumerable<string> Validate()
    {
        if (!string.IsNullOrWhiteSpace(Url)
            && !(Uri.TryCreate(Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            // The address itself is a secret: the message does not repeat it.
            yield return "Url: must be an absolute http(s) address.";
        }

        if (!FormatChoices.Contains(Format, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"Format: '{Format}' is not one of {string.Join(", ", FormatChoices)}.";
        }
    }
}

/// <summary><c>Alerts:Routing</c>: who manages which team, and their e-mail addresses.</summary>
public sealed class RoutingOptions
{
    /// <summary>Staff with one of these job titles (case-insensitive) receive their team's digest. A configured list replaces these.</summary>
    public List<string> ManagerJobTitles { get; set; } = ["Team Manager", "Practice Manager", "Service Manager"];

    /// <summary>E-mail address per worker id (as the extract gives it, not prefixed).</summary>
    public Dictionary<string, string> WorkerEmails { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An address made from the worker id, e.g. <c>{workerId}@council.example</c>, for workers not in <see cref="WorkerEmails"/>.</summary>
    public string? EmailPattern { get; set; }

    /// <summary>Team name or id → addresses: replaces the managers found in the staff data for that team.</summary>
    public Dictionary<string, List<string>> Teams { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Addresses for teams with no manager (and findings with no team).</summary>
    public List<string> Fallback { get; set; } = [];

    internal const string WorkerIdPlaceholder = "{workerId}";

    internal IEnumerable<string> Validate()
    {
        foreach (var (worker, address) in WorkerEmails)
        {
            if (!AlertOptions.IsAddress(address))
            {
                yield return $"WorkerEmails:{worker}: not an e-mail address.";
            }
        }

        if (EmailPattern is not null
            && (!EmailPattern.Contains(WorkerIdPlaceholder, StringComparison.Ordinal)
                || !AlertOptions.IsAddress(EmailPattern.Replace(WorkerIdPlaceholder, "worker", StringComparison.Ordinal))))
        {
            yield return $"EmailPattern: must be an e-mail address containing {WorkerIdPlaceholder}.";
        }

        foreach (var (team, addresses) in Teams)
        {
            for (var i = 0; i < addresses.Count; i++)
            {
                if (!AlertOptions.IsAddress(addresses[i]))
                {
                    yield return $"Teams:{team}:{i}: not an e-mail address.";
                }
            }
        }

        for (var i = 0; i < Fallback.Count; i++)
        {
            if (!AlertOptions.IsAddress(Fallback[i]))
            {
                yield return $"Fallback:{i}: not an e-mail address.";
            }
        }
    }
}

/// <summary><c>Alerts:Retry</c>: exponential back-off of failed deliveries.</summary>
public sealed class RetryOptions
{
    /// <summary>Attempts before a message is given up (<c>dead</c>).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; each further failure doubles it.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>When to retry after failed attempt number <paramref name="attempt"/> (1-based); null when it was the last.</summary>
    public Instant? RetryAt(int attempt, Instant now)
    {
        if (attempt >= MaxAttempts)
        {
            return null;
        }

        // Doubling stops at the cap before it can overflow.
        var delay = FirstDelay;
        for (var i = 1; i < attempt && delay < MaxDelay; i++)
        {
            delay *= 2;
        }

        return now + Duration.FromTimeSpan(delay < MaxDelay ? delay : MaxDelay);
    }

    internal IEnumerable<string> Validate()
    {
        if (MaxAttempts < 1)
        {
            yield return "MaxAttempts: must be 1 or more.";
        }

        // A zero delay would let one delivery run claim the same failing message again at once.
        if (FirstDelay <= TimeSpan.Zero)
        {
            yield return "FirstDelay: must be longer than zero.";
        }

        if (MaxDelay < FirstDelay)
        {
            yield return "MaxDelay: must not be shorter than FirstDelay.";
        }
    }
}

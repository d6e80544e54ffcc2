using CaseCompliance.Host.Web;
using CaseCompliance.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.Text;

namespace CaseCompliance.Host.Pages.Children;

/// <summary>
/// <c>/children/{id}</c>: one child's findings in the latest scan by audit area, with acknowledgements, the audits recorded
/// here and their actions, and a timeline. Opening it is written to the access log; it is refused (403) outside the
/// user's scope.
/// </summary>
public sealed class ChildModel(CaseData data, ICaseworkStore casework, IClock clock) : PageModel
{
    public const int MaxReason = 2000, MaxAction = 500, ActionRows = 3;

    public static readonly IReadOnlyList<string> Grades = ["outstanding", "good", "requires improvement", "inadequate"];

    public ChildCase Case { get; private set; } = null!;

    public UserScope Scope { get; private set; } = null!;

    public string? Error { get; private set; }

    /// <summary>The form field that the error is about, to put focus and the message next to it.</summary>
    public string? ErrorFor { get; private set; }

    public LocalDate Today => clock.InZone(AppConfiguration.Zone).GetCurrentDate();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await OpenAsync(id, log: true, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAcknowledgeAsync(string id, string? key, string? reason, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, log: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Scope.CanAcknowledge)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var finding = Case.Findings.FirstOrDefault(f => f.IsBreach && f.Finding.ObligationKey == key);
        if (finding is null)
        {
            // Only a breach of this child's latest scan can be acknowledged.
            return BadRequest();
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReason)
        {
            return Invalid($"acknowledge-{finding.Number}-reason", string.IsNullOrEmpty(reason)
                ? "Write the reason before saving the acknowledgement."
                : $"The reason is longer than {MaxReason} characters.");
        }

        await casework.AcknowledgeAsync(finding.Finding.ObligationKey, Case.ChildId, finding.Finding.RuleId, reason, Scope.UserName,
            clock.GetCurrentInstant(), cancellationToken);
        return Redirect(Url.Page("/Children/Child", new { id = Case.ChildId }) + $"#finding-{finding.Number}");
    }

    public async Task<IActionResult> OnPostAuditAsync(string id, string? date, string? grade, string[]? action, string[]? owner, string[]? due,
        CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, log: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Scope.CanAcknowledge)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var parsed = LocalDatePattern.Iso.Parse(date ?? "");
        if (!parsed.Success || parsed.Value > Today)
        {
            return Invalid("audit-date", "Give the date of the audit (not in the future).");
        }

        if (grade is { Length: > 0 } && !Grades.Contains(grade))
        {
            return Invalid("audit-grade", "Choose a grade from the list.");
        }

        var actions = new List<(string Action, string Owner, LocalDate Due)>();
        for (var i = 0; i < ActionRows; i++)
        {
            var what = At(action, i);
            var who = At(owner, i);
            var when = At(due, i);
            if (what.Length == 0 && who.Length == 0 && when.Length == 0)
            {
                continue;
            }

            var dueDate = LocalDatePattern.Iso.Parse(when);
            if (what.Length == 0 || who.Length == 0 || !dueDate.Success || what.Length > MaxAction || who.Length > 200)
            {
                return Invalid($"audit-action-{i + 1}", $"Action {i + 1}: give what is to be done, who owns it and the date it is due by.");
            }

            actions.Add((what, who, dueDate.Value));
        }

        await casework.RecordAuditAsync(Case.ChildId, parsed.Value, grade is { Length: > 0 } ? grade : null, actions, Scope.UserName,
            clock.GetCurrentInstant(), cancellationToken);
        return Redirect(Url.Page("/Children/Child", new { id = Case.ChildId }) + "#audits");
    }

    public async Task<IActionResult> OnPostActionDoneAsync(string id, long actionId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, log: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        // Whoever may open the case may say an action on it is done: actions are often owned by the worker.
        if (!await casework.MarkActionDoneAsync(Case.ChildId, actionId, Today, Scope.UserName, clock.GetCurrentInstant(), cancellationToken))
        {
            return BadRequest();
        }

        return Redirect(Url.Page("/Children/Child", new { id = Case.ChildId }) + $"#action-{actionId}");
    }

    private async Task<IActionResult?> OpenAsync(string id, bool log, CancellationToken cancellationToken)
    {
        Scope = UserScope.Of(User);
        if (id.Length > 200)
        {
            return NotFound();
        }

        var outcome = await ChildAccess.OpenAsync(data, casework, clock, Scope, id, "page", cancellationToken, log);
        if (outcome.Result is { } status)
        {
            return StatusCode(status);
        }

        Case = outcome.Case!;
        return null;
    }

    private PageResult Invalid(string field, string message)
    {
        Error = message;
        ErrorFor = field;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private static string At(string[]? values, int i) => values is not null && i < values.Length ? values[i]?.Trim() ?? "" : "";
}

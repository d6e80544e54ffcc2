using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseCompliance.Host.Pages;

/// <summary>The page shown for an error status (re-executed, so the status code of the original request is kept).</summary>
/// <remarks>A failed form post is re-executed as a post: this page changes nothing, so it needs no antiforgery token.</remarks>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    public void OnGet(int code)
    {
        (Title, Message) = code switch
        {
            403 => ("Not in your caseload", "You do not have access to this page. Managers see their teams' children and workers their allocated children; ask an administrator if you need more."),
            404 => ("Not found", "There is no such page, or no child with this id in the latest scan."),
            400 => ("The form could not be accepted", "The form had expired or was not sent from this site. Go back, reload the page and try again."),
            429 => ("Too many attempts", "Wait a minute and try again."),
            _ => ("Something went wrong", "The request could not be completed."),
        };
    }

    public void OnPost(int code) => OnGet(code);
}

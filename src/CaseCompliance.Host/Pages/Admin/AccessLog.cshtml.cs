using CaseCompliance.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseCompliance.Host.Pages.Admin;

/// <summary><c>/admin/access-log</c> (admins only): who opened which child's page or evidence, newest first.</summary>
public sealed class AccessLogModel(ICaseworkStore casework) : PageModel
{
    public const int Take = 500;

    public string? Child { get; private set; }

    public IReadOnlyList<AccessEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(string? child, CancellationToken cancellationToken)
    {
        Child = string.IsNullOrWhiteSpace(child) ? null : child.Trim();
        Entries = await casework.AccessLogAsync(Child, Take, cancellationToken);
    }
}

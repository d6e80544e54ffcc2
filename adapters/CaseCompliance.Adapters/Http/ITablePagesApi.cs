using Refit;

namespace CaseCompliance.Adapters.Http;

/// <summary>
/// The table-page protocol of extracts.md: <c>GET {base}/tables/{table}?page={n}&amp;pageSize={k}</c> answers
/// <c>{"rows":[{column: value, ...}], "nextPage": n|null}</c>. The body is read by <see cref="HttpTableSource"/> so
/// that a malformed page gets our own message (and its content is never logged).
/// </summary>
public interface ITablePagesApi
{
    [Get("/tables/{table}")]
    Task<HttpResponseMessage> GetPage(string table, int page, int pageSize, string? changedSince, CancellationToken cancellationToken);
}

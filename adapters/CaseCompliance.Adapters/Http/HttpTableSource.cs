using System.Globalization;
using System.Net;
using System.Text.Json;
using CaseCompliance.Adapters.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace CaseCompliance.Adapters.Http;

/// <summary>
/// Tables read as JSON pages over HTTP (extracts.md, HTTP sources), through a Refit client with the standard
/// resilience handler: retries with exponential backoff and jitter for timeouts, 5xx, 408 and 429 (honouring
/// <c>Retry-After</c> up to a configured limit), a circuit breaker, and per-attempt and total timeouts. A 401/403,
/// a malformed page or exhausted retries fail the source with a message that names the table and page, never the
/// response body.
/// </summary>
public sealed class HttpTableSource : ITableSource, IDisposable
{
    private readonly ServiceProvider _services;
    private readonly ITablePagesApi _api;
    private readonly HttpSourceOptions _options;
    private readonly IReadOnlyDictionary<string, string> _tableNames;
    private readonly Dictionary<string, Page?> _firstPages = new(StringComparer.OrdinalIgnoreCase);

    public HttpTableSource(string baseAddress, SourceOptions options, TimeProvider? time = null)
    {
        Location = baseAddress.TrimEnd('/');
        _options = options.Http;
        _tableNames = options.Tables;
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        var http = options.Http;
        var client = services.AddRefitGeneratedClient<ITablePagesApi>()
            .ConfigureHttpClient(c =>
            {
                c.BaseAddress = new Uri(Location + "/");
                c.Timeout = Timeout.InfiniteTimeSpan; // the resilience handler owns every timeout
                if (!string.IsNullOrWhiteSpace(http.BearerToken))
                {
                    c.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", http.BearerToken);
                }
            });
        client.AddStandardResilienceHandler(o => Configure(o, http, time ?? TimeProvider.System));

        // Added after the resilience handler, so it runs inside it, once per attempt.
        client.AddHttpMessageHandler(() => new BufferPageHandler());
        _services = services.BuildServiceProvider();
        _api = _services.GetRequiredService<ITablePagesApi>();
    }

    public string Location { get; }

    public bool Exists(string table)
    {
        if (!_firstPages.TryGetValue(table, out var page))
        {
            page = Fetch(table, 1, missingIsNull: true);
            _firstPages[table] = page;
        }

        return page is not null;
    }

    public string Describe(string table) => $"{Location}/tables/{Name(table)}";

    /// <summary>JSON pages have no header: the first row's columns are checked instead.</summary>
    public IReadOnlyCollection<string>? Header(string table) => null;

    public IEnumerable<TableRow> Read(string table, CancellationToken cancellationToken = default)
    {
        var first = _firstPages.TryGetValue(table, out var cached) && cached is not null
            ? cached
            : Fetch(table, 1, missingIsNull: false, cancellationToken)!;
        return Rows(table, first, cancellationToken);
    }

    private IEnumerable<TableRow> Rows(string table, Page first, CancellationToken cancellationToken)
    {
        var page = first;
        var number = 1;
        while (true)
        {
            var index = 0;
            foreach (var row in page.Rows)
            {
                index++;
                yield return row.Problem is { } problem
                    ? TableRow.Rejected(Describe(table), $"page {number} row {index}", row.Columns, problem)
                    : new TableRow(Describe(table), $"page {number} row {index}", row.Columns, row.Values);
            }

            if (page.NextPage is not { } next)
            {
                yield break;
            }

            if (next <= number || next > _options.MaxPages)
            {
                throw new SourceFailedException($"{Describe(table)}: page {number} names next page {next}; " +
                    (next <= number ? "pages must move forward." : $"more than Http:MaxPages ({_options.MaxPages})."));
            }

            number = next;
            page = Fetch(table, number, missingIsNull: false, cancellationToken)!;
        }
    }

    private Page? Fetch(string table, int number, bool missingIsNull, CancellationToken cancellationToken = default)
    {
        var where = $"{Describe(table)} page {number}";
        HttpResponseMessage response;
        try
        {
            response = _api.GetPage(Name(table), number, _options.PageSize, null, cancellationToken).GetAwaiter().GetResult();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && Failure(e, where) is { } failure)
        {
            throw failure;
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound && missingIsNull)
            {
                return null;
            }

            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new SourceFailedException($"{where}: HTTP {(int)response.StatusCode} {response.StatusCode}: the server refused the credentials " +
                    "(check Sources:<name>:Http:BearerToken).");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new SourceFailedException($"{where}: HTTP {(int)response.StatusCode} {response.StatusCode}" +
                    (IsTransient(response.StatusCode) ? $" after {_options.MaxRetries + 1} attempt(s)." : "."));
            }

            try
            {
                using var stream = response.Content.ReadAsStream(cancellationToken);
                return Page.Parse(stream);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                throw new SourceFailedException($"{where}: malformed page, not {{\"rows\":[...],\"nextPage\":n|null}} ({Describe(e)}).", e);
            }
        }
    }

    /// <summary>Transport failures (Refit wraps them) as a source failure; ApiException.Content is never used.</summary>
    private SourceFailedException? Failure(Exception e, string where)
    {
        var cause = e is ApiRequestException { InnerException: { } inner } ? inner : e;
        var attempts = $"{_options.MaxRetries + 1} attempt(s)";
        return cause switch
        {
            TimeoutRejectedException or OperationCanceledException =>
                new SourceFailedException($"{where}: no answer within the configured timeouts after {attempts}.", e),
            BrokenCircuitException => new SourceFailedException($"{where}: too many failures, the circuit breaker is open; not retried.", e),
            HttpRequestException h => new SourceFailedException($"{where}: connection failed after {attempts} ({h.HttpRequestError}).", e),
            ApiException a => new SourceFailedException($"{where}: HTTP {(int)a.StatusCode}.", e),
            _ => null,
        };
    }

    private static string Describe(Exception e) => e is JsonException j
        ? $"invalid JSON at line {(j.LineNumber ?? 0) + 1}, byte {j.BytePositionInLine ?? 0}"
        : e.Message;

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    private string Name(string table) => _tableNames.TryGetValue(table, out var n) && !string.IsNullOrWhiteSpace(n) ? n : table;

    internal static void Configure(HttpStandardResilienceOptions o, HttpSourceOptions http, TimeProvider time)
    {
        o.Retry.MaxRetryAttempts = Math.Max(1, http.MaxRetries);
        o.Retry.Delay = http.RetryBaseDelay;
        o.Retry.BackoffType = DelayBackoffType.Exponential;
        o.Retry.UseJitter = true;
        o.Retry.ShouldRetryAfterHeader = false;
        o.Retry.DelayGenerator = args =>
            ValueTask.FromResult(RetryAfter.Delay(args.Outcome.Result, http.MaxRetryAfter, time.GetUtcNow()));
        o.AttemptTimeout.Timeout = http.AttemptTimeout;
        o.TotalRequestTimeout.Timeout = http.TotalTimeout;
        o.CircuitBreaker.FailureRatio = http.BreakerFailureRatio;
        o.CircuitBreaker.MinimumThroughput = http.BreakerMinimumThroughput;
        o.CircuitBreaker.SamplingDuration = http.BreakerSamplingDuration;
        o.CircuitBreaker.BreakDuration = http.BreakerBreakDuration;
    }

    public void Dispose() => _services.Dispose();

    /// <summary>One page: its rows (each with its own column index, since JSON rows need not agree) and next page.</summary>
    private sealed record Page(IReadOnlyList<(IReadOnlyDictionary<string, int> Columns, string[] Values, string? Problem)> Rows, int? NextPage)
    {
        public static Page Parse(Stream stream)
        {
            using var doc = JsonDocument.Parse(stream);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("no \"rows\" array");
            }

            int? next = null;
            if (root.TryGetProperty("nextPage", out var np) && np.ValueKind != JsonValueKind.Null)
            {
                next = np.ValueKind == JsonValueKind.Number && np.TryGetInt32(out var n) ? n : throw new FormatException("\"nextPage\" is not a number or null");
            }

            var list = new List<(IReadOnlyDictionary<string, int>, string[], string?)>();
            Dictionary<string, int>? previous = null;
            foreach (var row in rows.EnumerateArray())
            {
                if (row.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"row {list.Count + 1} is not an object");
                }

                var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                var values = new List<string>();
                string? problem = null;
                foreach (var p in row.EnumerateObject())
                {
                    if (!columns.TryAdd(p.Name, values.Count))
                    {
                        // Never read from one copy without a word: the row cannot be trusted.
                        problem ??= $"column {Reading.Rejection.Cut(p.Name)} appears twice in the row: {Reading.RowReader.RowUnusable}";
                    }
                    else
                    {
                        values.Add(p.Value.ValueKind switch
                        {
                            JsonValueKind.String => p.Value.GetString()!,
                            JsonValueKind.Null => "",
                            JsonValueKind.True => "true",
                            JsonValueKind.False => "false",
                            JsonValueKind.Number => p.Value.GetRawText(),
                            _ => throw new FormatException($"row {list.Count + 1}, column {p.Name}: not a plain value"),
                        });
                    }
                }

                // Rows of one shape share one column index, so a reader resolves its columns once, not per row.
                if (previous is not null && SameShape(previous, columns))
                {
                    columns = previous;
                }

                previous = columns;
                list.Add((columns, [.. values], problem));
            }

            return new Page(list, next);
        }

        private static bool SameShape(Dictionary<string, int> a, Dictionary<string, int> b)
        {
            if (a.Count != b.Count)
            {
                return false;
            }

            foreach (var (name, index) in b)
            {
                if (!a.TryGetValue(name, out var i) || i != index)
                {
                    return false;
                }
            }

            return true;
        }
    }
}

/// <summary>
/// Sits inside the resilience pipeline and reads each page whole there, so a connection cut mid-page is an attempt
/// that failed (and is retried) rather than a broken stream after the pipeline has returned.
/// </summary>
internal sealed class BufferPageHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return response;
    }
}

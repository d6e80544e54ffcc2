using System.Net.Http.Headers;

namespace CaseCompliance.Adapters.Http;

/// <summary>How long a server asked us to wait (<c>Retry-After</c>, seconds or an HTTP date), within our limit.</summary>
public static class RetryAfter
{
    /// <summary>The wait the response asks for, capped at <paramref name="max"/>; null when it asks for none.</summary>
    public static TimeSpan? Delay(HttpResponseMessage? response, TimeSpan max, DateTimeOffset now)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        var wait = header.Delta ?? (header.Date is { } date ? date - now : (TimeSpan?)null);
        if (wait is null)
        {
            return null;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > max ? max : wait;
    }

    /// <summary>Parses a header value as a server would send it (for tests and diagnostics).</summary>
    public static RetryConditionHeaderValue Parse(string value) => RetryConditionHeaderValue.Parse(value);
}

using System.Text.Json;
using CaseCompliance.Adapters.Http;
using CaseCompliance.Adapters.Tables;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CaseCompliance.Adapters.Tests.Http;

/// <summary>The table-page protocol against WireMock.Net: one server per test, attempts counted from its log.</summary>
public sealed class HttpTableSourceTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    public void Dispose() => _server.Stop();

    /// <summary>Fast limits: no test waits on real backoff (base delay 0; Retry-After capped at 300 ms).</summary>
    private static SourceOptions Options(int maxRetries = 3, int attemptTimeoutMs = 5000, string? token = "test-token") => new()
    {
        Http = new HttpSourceOptions
        {
            BearerToken = token,
            PageSize = 5,
            MaxRetries = maxRetries,
            RetryBaseDelay = TimeSpan.Zero,
            MaxRetryAfter = TimeSpan.FromMilliseconds(300),
            AttemptTimeout = TimeSpan.FromMilliseconds(attemptTimeoutMs),
            TotalTimeout = TimeSpan.FromSeconds(30),
            BreakerSamplingDuration = TimeSpan.FromSeconds(10),
            BreakerMinimumThroughput = 100,
        },
    };

    private HttpTableSource Source(SourceOptions? options = null) => new(_server.Url!, options ?? Options());

    private static string PageJson(int firstId, int count, int? next) => JsonSerializer.Serialize(new
    {
        rows = Enumerable.Range(firstId, count).Select(i => new Dictionary<string, object?>
        {
            ["pers_person_id"] = $"C{i:000}",
            ["pers_dob"] = "2015-03-01",
            ["pers_upn_unknown"] = null,
            ["age"] = i,
        }),
        nextPage = next,
    });

    private void ServePage(string table, int page, string body, int status = 200) =>
        _server.Given(Request.Create().WithPath($"/tables/{table}").WithParam("page", page.ToString()).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    private int Attempts(string table) => _server.LogEntries.Count(e => e.RequestMessage!.Path == $"/tables/{table}");

    [Fact]
    public void Paging_ReadsEveryPageInOrder_WithPageAndRowForRejections()
    {
        for (var page = 1; page <= 5; page++)
        {
            ServePage("ssd_person", page, PageJson(((page - 1) * 5) + 1, 5, page < 5 ? page + 1 : null));
        }

        using var source = Source();
        var rows = source.Read("ssd_person").ToList();

        Assert.Equal(25, rows.Count);
        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"C{i:000}"), rows.Select(r => r["pers_person_id"]));
        Assert.Equal("page 3 row 2", rows[11].Line);
        Assert.Equal($"{_server.Url}/tables/ssd_person", rows[0].File);
        Assert.Equal("12", rows[11]["age"]);
        Assert.Equal("", rows[0]["pers_upn_unknown"]);
        Assert.Equal(5, Attempts("ssd_person"));
        var requests = _server.LogEntries.Select(e => e.RequestMessage!).ToList();
        Assert.All(requests, r => Assert.Equal("5", r.Query!["pageSize"].Single()));
        Assert.Equal(["1", "2", "3", "4", "5"], requests.Select(r => r.Query!["page"].Single()));
        Assert.All(requests, r => Assert.Equal("Bearer test-token", r.Headers!["Authorization"].Single()));
    }

    [Fact]
    public void RowsOfOneShape_ShareOneColumnIndex_SoTheReaderResolvesColumnsOncePerPage()
    {
        ServePage("ssd_person", 1, PageJson(1, 5, null));

        using var source = Source();
        var rows = source.Read("ssd_person").ToList();

        Assert.All(rows, r => Assert.Same(rows[0].Columns, r.Columns));
    }

    [Fact]
    public void PropertyRepeatedInARow_RejectsThatRow_NeverReadsOneCopy()
    {
        ServePage("ssd_person", 1, """
            {"rows": [
              {"pers_person_id": "C001", "pers_dob": "2015-03-01"},
              {"pers_person_id": "C002", "pers_dob": "2015-03-01", "pers_dob": "1900-01-01"},
              {"pers_person_id": "C003", "pers_dob": "2016-04-02"}
            ], "nextPage": null}
            """);

        using var source = Source();
        var rows = source.Read("ssd_person").ToList();

        Assert.Equal(3, rows.Count);
        Assert.Null(rows[0].Problem);
        Assert.Contains("pers_dob appears twice", rows[1].Problem);
        Assert.Equal("page 1 row 2", rows[1].Line);
        Assert.Null(rows[1]["pers_dob"]);
        Assert.Equal("2016-04-02", rows[2]["pers_dob"]);
    }

    [Fact]
    public void ServiceUnavailable_ThenOk_IsRetried()
    {
        _server.Given(Request.Create().WithPath("/tables/ssd_person").UsingGet()).InScenario("flaky").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(503));
        _server.Given(Request.Create().WithPath("/tables/ssd_person").UsingGet()).InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(PageJson(1, 3, null)));

        using var source = Source();
        Assert.Equal(3, source.Read("ssd_person").Count());
        Assert.Equal(2, Attempts("ssd_person"));
    }

    [Fact]
    public void TooManyRequests_WaitsForRetryAfter_WithinTheConfiguredLimit()
    {
        _server.Given(Request.Create().WithPath("/tables/ssd_person").UsingGet()).InScenario("throttled").WillSetStateTo("allowed")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        _server.Given(Request.Create().WithPath("/tables/ssd_person").UsingGet()).InScenario("throttled").WhenStateIs("allowed")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(PageJson(1, 2, null)));

        using var source = Source();
        Assert.Equal(2, source.Read("ssd_person").Count());

        Assert.Equal(2, Attempts("ssd_person"));
        var times = _server.LogEntries.Select(e => e.RequestMessage!.DateTime).Order().ToList();
        // Base delay is 0, so only the honoured Retry-After (1 s, capped at 300 ms by MaxRetryAfter) separates the attempts.
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(250), $"retried after {(times[1] - times[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public void Timeout_EveryAttempt_FailsTheSourceAfterTheConfiguredAttempts()
    {
        _server.Given(Request.Create().WithPath("/tables/ssd_person").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(PageJson(1, 1, null)).WithDelay(TimeSpan.FromSeconds(1)));

        using var source = Source(Options(maxRetries: 2, attemptTimeoutMs: 200));
        var e = Assert.Throws<SourceFailedException>(() => source.Read("ssd_person").ToList());

        Assert.Contains("ssd_person page 1: no answer within the configured timeouts after 3 attempt(s)", e.Message);
        // WireMock logs a delayed request once it has answered it: wait for the three entries.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Attempts("ssd_person") < 3 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
        }

        Assert.Equal(3, Attempts("ssd_person"));
    }

    [Fact]
    public void ConnectionReset_ThenOk_IsRetried()
    {
        ServePage("ssd_person", 1, PageJson(1, 4, null));
        using var proxy = new ResettingProxy(new Uri(_server.Url!), resets: 1);

        using var source = new HttpTableSource(proxy.Url, Options());
        Assert.Equal(4, source.Read("ssd_person").Count());
        Assert.Equal(2, proxy.Connections); // one reset mid-page, one retry that reached the server
        Assert.Equal(1, Attempts("ssd_person"));
    }

    [Fact]
    public void ConnectionReset_Always_FailsTheSourceWhenRetriesAreExhausted()
    {
        using var proxy = new ResettingProxy(new Uri(_server.Url!), resets: int.MaxValue);

        using var source = new HttpTableSource(proxy.Url, Options(maxRetries: 2));
        var e = Assert.Throws<SourceFailedException>(() => source.Read("ssd_person").ToList());
        Assert.Contains("connection failed after 3 attempt(s)", e.Message);
        Assert.Equal(3, proxy.Connections);
    }

    [Theory]
    [InlineData(FaultType.EMPTY_RESPONSE)]
    [InlineData(FaultType.MALFORMED_RESPONSE_CHUNK)]
    public void BrokenResponse_WithFault_FailsTheSourceAsAMalformedPage(FaultType fault)
    {
        // WireMock.Net's faults answer 200 with an empty or half-garbage body: a page we must not half-use.
        _server.Given(Request.Create().WithPath("/tables/ssd_person").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(PageJson(1, 4, null)).WithFault(fault));

        using var source = Source();
        var e = Assert.Throws<SourceFailedException>(() => source.Read("ssd_person").ToList());
        Assert.Contains("ssd_person page 1: malformed page", e.Message);
        Assert.Equal(1, Attempts("ssd_person"));
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public void Unauthorized_FailsAtOnce_WithoutRetrying(int status)
    {
        ServePage("ssd_person", 1, "{\"error\":\"Sample Testington is not yours\"}", status);

        using var source = Source();
        var e = Assert.Throws<SourceFailedException>(() => source.Read("ssd_person").ToList());
        Assert.Contains($"HTTP {status}", e.Message);
        Assert.Contains("BearerToken", e.Message);
        Assert.DoesNotContain("Testington", e.Message);
        Assert.Equal(1, Attempts("ssd_person"));
    }

    [Theory]
    [InlineData("{\"rows\": [ {\"pers_person_id\": \"C001\"", "invalid JSON")]
    [InlineData("<html>maintenance</html>", "invalid JSON")]
    [InlineData("{\"data\": []}", "no \"rows\" array")]
    [InlineData("{\"rows\": [], \"nextPage\": \"two\"}", "nextPage")]
    public void MalformedPage_FailsTheSourceNamingTableAndPage(string body, string problem)
    {
        ServePage("ssd_person", 1, PageJson(1, 5, 2));
        ServePage("ssd_person", 2, body);

        using var source = Source();
        var e = Assert.Throws<SourceFailedException>(() => source.Read("ssd_person").ToList());
        Assert.Contains("ssd_person page 2: malformed page", e.Message);
        Assert.Contains(problem, e.Message);
        Assert.Equal(2, Attempts("ssd_person"));
    }

    [Fact]
    public void MissingTable_Is404_AndMeansNotThere()
    {
        _server.Given(Request.Create().WithPath("/tables/cc_meetings").UsingGet()).RespondWith(Response.Create().WithStatusCode(404));
        ServePage("ssd_person", 1, PageJson(1, 1, null));

        using var source = Source();
        Assert.False(source.Exists("cc_meetings"));
        Assert.True(source.Exists("ssd_person"));
        Assert.Single(source.Read("ssd_person"));
        Assert.Equal(1, Attempts("ssd_person"));
    }

    [Theory]
    [InlineData("7", 7000)]
    [InlineData("600", 120000)]
    [InlineData("0", 0)]
    public void RetryAfter_SecondsAreHonouredUpToTheLimit(string header, int expectedMs)
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = RetryAfter.Parse(header);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RetryAfter.Delay(response, TimeSpan.FromMinutes(2), DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void RetryAfter_HttpDate_IsCountedFromNow()
    {
        var now = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = RetryAfter.Parse("Mon, 23 Nov 2026 02:00:45 GMT");
        Assert.Equal(TimeSpan.FromSeconds(45), RetryAfter.Delay(response, TimeSpan.FromMinutes(2), now));
        Assert.Null(RetryAfter.Delay(new HttpResponseMessage(), TimeSpan.FromMinutes(2), now));
    }
}

using System.Net;
using Helpdesk.Bot.Channels.BotFramework;
using Helpdesk.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Tests.Channels.BotFramework;

public sealed class BotFrameworkRetryHandlerTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly BotFrameworkScriptedHandler _inner = new();
    private readonly HttpMessageInvoker _invoker;

    public BotFrameworkRetryHandlerTests()
    {
        var options = Options.Create(new BotFrameworkOptions
        {
            MaxRetries = 3,
            RetryBaseDelay = TimeSpan.FromSeconds(1),
            MaxRetryDelay = TimeSpan.FromSeconds(30),
            AttemptTimeout = TimeSpan.FromSeconds(10),
        });
        _invoker = new HttpMessageInvoker(new BotFrameworkRetryHandler(options, _time, NullLogger<BotFrameworkRetryHandler>.Instance) { InnerHandler = _inner });
    }

    public void Dispose()
    {
        _invoker.Dispose();
        _inner.Dispose();
    }

    [Fact]
    public async Task Send_429WithRetryAfter_WaitsExactlyThatLongThenRetries()
    {
        _inner.Then(() => WithRetryAfter(HttpStatusCode.TooManyRequests, "5"));

        var send = SendAsync();
        await _inner.WaitForCallsAsync(1);
        _time.Advance(TimeSpan.FromSeconds(4.9));
        await Task.Delay(50);
        Assert.Equal(1, _inner.Calls);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        using var response = await send.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _inner.Calls);
        Assert.Equal(["{\"a\":1}", "{\"a\":1}"], _inner.Bodies.ToArray());
    }

    [Fact]
    public async Task Send_503WithRetryAfterDate_WaitsUntilThatDate()
    {
        _inner.Then(() => WithRetryAfter(HttpStatusCode.ServiceUnavailable, "Mon, 02 Jun 2025 09:00:20 GMT"));

        var send = SendAsync();
        await _inner.WaitForCallsAsync(1);
        _time.Advance(TimeSpan.FromSeconds(19));
        await Task.Delay(50);
        Assert.Equal(1, _inner.Calls);
        _time.Advance(TimeSpan.FromSeconds(1));
        using var response = await send.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Send_Persistent500_StopsAfterMaxRetriesAndReturnsTheLastAnswer()
    {
        _inner.Fallback = _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError));

        var send = SendAsync();
        using var response = await AdvanceUntilDoneAsync(send);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(4, _inner.Calls);
    }

    [Fact]
    public async Task Send_NetworkFailureThenSuccess_Retries()
    {
        _inner.Then(_ => Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "refused")));

        using var response = await AdvanceUntilDoneAsync(SendAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task Send_PersistentNetworkFailure_ThrowsAfterMaxRetries()
    {
        _inner.Fallback = _ => Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "refused"));

        await Assert.ThrowsAsync<HttpRequestException>(() => AdvanceUntilDoneAsync(SendAsync()));
        Assert.Equal(4, _inner.Calls);
    }

    [Fact]
    public async Task Send_TlsFailure_IsNotRetried()
    {
        _inner.Fallback = _ => Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.SecureConnectionError, "bad cert"));

        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync());
        Assert.Equal(1, _inner.Calls);
    }

    [Fact]
    public async Task Send_AttemptTimesOut_IsRetried()
    {
        _inner.ThenHang();
        _inner.Then(async _ =>
        {
            await Task.Yield();
            return new HttpResponseMessage(HttpStatusCode.Accepted);
        });

        using var response = await AdvanceUntilDoneAsync(SendAsync(), step: TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.NotImplemented)]
    public async Task Send_NonTransientStatus_IsNotRetried(HttpStatusCode status)
    {
        _inner.Fallback = _ => Task.FromResult(new HttpResponseMessage(status));

        using var response = await SendAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(1, _inner.Calls);
    }

    [Fact]
    public async Task Send_RetryAfterBeyondMaximum_GivesUpAtOnce()
    {
        _inner.Fallback = _ => Task.FromResult(WithRetryAfter(HttpStatusCode.TooManyRequests, "3600"));

        using var response = await SendAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1, _inner.Calls);
    }

    [Fact]
    public async Task Send_CallerCancels_StopsWaiting()
    {
        _inner.Fallback = _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        using var cancel = new CancellationTokenSource();

        var send = SendAsync(cancel.Token);
        await _inner.WaitForCallsAsync(1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        Assert.Equal(1, _inner.Calls);
    }

    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 1.0, 1000)]
    [InlineData(2, 1.0, 2000)]
    [InlineData(3, 0.5, 3000)]
    [InlineData(10, 1.0, 30000)]
    public void Backoff_DoublesPerRetryWithJitterAndCap(int retry, double jitter, int expectedMilliseconds)
    {
        var delay = BotFrameworkRetryHandler.Backoff(retry, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), jitter);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), delay);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.NotImplemented, false)]
    [InlineData(HttpStatusCode.HttpVersionNotSupported, false)]
    [InlineData(HttpStatusCode.Conflict, false)]
    [InlineData(HttpStatusCode.Created, false)]
    public void IsTransient_ClassifiesStatuses(HttpStatusCode status, bool expected)
    {
        Assert.Equal(expected, BotFrameworkRetryHandler.IsTransient(status));
    }

    private static HttpResponseMessage WithRetryAfter(HttpStatusCode status, string retryAfter)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        return response;
    }

    private async Task<HttpResponseMessage> SendAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("https://connector.test/v3/conversations/c/activities"))
        {
            Content = new StringContent("{\"a\":1}"),
        };
        return await _invoker.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> AdvanceUntilDoneAsync(Task<HttpResponseMessage> send, TimeSpan? step = null)
    {
        for (var i = 0; i < 200 && !send.IsCompleted; i++)
        {
            await Task.Delay(5);
            _time.Advance(step ?? TimeSpan.FromSeconds(1));
        }

        return await send.WaitAsync(TimeSpan.FromSeconds(5));
    }
}

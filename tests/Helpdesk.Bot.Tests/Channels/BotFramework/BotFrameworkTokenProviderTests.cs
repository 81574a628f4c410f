using System.Net;
using System.Text;
using Helpdesk.Bot.Channels.BotFramework;
using Helpdesk.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Tests.Channels.BotFramework;

public sealed class BotFrameworkTokenProviderTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly BotFrameworkScriptedHandler _endpoint = new();
    private int _issued;

    public BotFrameworkTokenProviderTests() => _endpoint.Fallback = _ => Task.FromResult(TokenResponse(3600));

    public void Dispose() => _endpoint.Dispose();

    [Fact]
    public async Task GetToken_Anonymous_ReturnsNullWithoutCalling()
    {
        using var provider = CreateProvider(new BotFrameworkOptions());

        Assert.Null(await provider.GetTokenAsync(CancellationToken.None));
        Assert.Equal(0, _endpoint.Calls);
    }

    [Fact]
    public async Task GetToken_Twice_UsesTheCachedToken()
    {
        using var provider = CreateProvider();

        var first = await provider.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(54));
        var second = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", second);
        Assert.Equal(1, _endpoint.Calls);
    }

    [Fact]
    public async Task GetToken_WithinFiveMinutesOfExpiry_FetchesANewOne()
    {
        using var provider = CreateProvider();

        await provider.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(55));
        var renewed = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-2", renewed);
        Assert.Equal(2, _endpoint.Calls);
    }

    [Fact]
    public async Task GetToken_ShortLivedToken_IsRenewedAtHalfLife()
    {
        _endpoint.Fallback = _ => Task.FromResult(TokenResponse(120));
        using var provider = CreateProvider();

        await provider.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("token-1", await provider.GetTokenAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", await provider.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetToken_ConcurrentCallers_ShareOneRequest()
    {
        var release = new TaskCompletionSource();
        _endpoint.Then(async _ =>
        {
            await release.Task;
            return TokenResponse(3600);
        });
        using var provider = CreateProvider();

        var callers = Enumerable.Range(0, 8).Select(_ => provider.GetTokenAsync(CancellationToken.None)).ToArray();
        await _endpoint.WaitForCallsAsync(1);
        release.SetResult();
        var tokens = await Task.WhenAll(callers);

        Assert.All(tokens, t => Assert.Equal("token-1", t));
        Assert.Equal(1, _endpoint.Calls);
    }

    [Fact]
    public async Task GetToken_Invalidated_FetchesANewOne()
    {
        using var provider = CreateProvider();

        var first = await provider.GetTokenAsync(CancellationToken.None);
        provider.Invalidate(first!);
        var second = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-2", second);
    }

    [Fact]
    public async Task GetToken_EndpointRefusesCredentials_ThrowsWithErrorCodeButNoSecret()
    {
        _endpoint.Fallback = _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized)
        {
            Content = new StringContent("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret\"}", Encoding.UTF8, "application/json"),
        });
        using var provider = CreateProvider();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => provider.GetTokenAsync(CancellationToken.None));

        Assert.Contains("invalid_client", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task GetToken_SendsClientCredentialsForTheConfiguredScope()
    {
        using var provider = CreateProvider();

        await provider.GetTokenAsync(CancellationToken.None);

        var body = Assert.Single(_endpoint.Bodies);
        Assert.Contains("grant_type=client_credentials", body, StringComparison.Ordinal);
        Assert.Contains("client_id=app-1", body, StringComparison.Ordinal);
        Assert.Contains("client_secret=s3cret", body, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", body, StringComparison.Ordinal);
    }

    private BotFrameworkTokenProvider CreateProvider(BotFrameworkOptions? options = null) => new(
        new BotFrameworkTestHttpClientFactory(_endpoint),
        Options.Create(options ?? new BotFrameworkOptions { AppId = "app-1", AppPassword = "s3cret" }),
        _time,
        NullLogger<BotFrameworkTokenProvider>.Instance);

    private HttpResponseMessage TokenResponse(int expiresIn)
    {
        var number = Interlocked.Increment(ref _issued);
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(
                $"{{\"token_type\":\"Bearer\",\"expires_in\":{expiresIn},\"ext_expires_in\":{expiresIn},\"access_token\":\"token-{number}\"}}",
                Encoding.UTF8,
                "application/json"),
        };
    }
}

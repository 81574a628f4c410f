using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>
/// The bot's own access token for the Bot Connector: OAuth 2.0 client credentials (AppId / AppPassword) against the
/// configured Entra authority with scope <see cref="BotFrameworkOptions.OAuthScope"/>. The token is cached until
/// shortly before it expires; concurrent callers share one refresh. Anonymous bots get no token.
/// </summary>
internal sealed class BotFrameworkTokenProvider(
    IHttpClientFactory httpClientFactory,
    IOptions<BotFrameworkOptions> options,
    TimeProvider timeProvider,
    ILogger<BotFrameworkTokenProvider> logger) : IDisposable
{
    /// <summary>A cached token is renewed this long before it expires (MSAL uses the same margin).</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly BotFrameworkOptions _options = options.Value;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private CachedToken? _cached;

    /// <summary>The bearer token to send, or null when the bot is anonymous.</summary>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_options.IsAnonymous)
        {
            return null;
        }

        var cached = Volatile.Read(ref _cached);
        if (cached is not null && timeProvider.GetUtcNow() < cached.RenewAt)
        {
            return cached.Token;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            cached = Volatile.Read(ref _cached);
            if (cached is not null && timeProvider.GetUtcNow() < cached.RenewAt)
            {
                return cached.Token;
            }

            cached = await RequestTokenAsync(cancellationToken);
            Volatile.Write(ref _cached, cached);
            return cached.Token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Drops the cached token (the Bot Connector refused it), so the next call gets a fresh one.</summary>
    public void Invalidate(string token)
    {
        var cached = Volatile.Read(ref _cached);
        if (cached is not null && cached.Token == token)
        {
            Interlocked.CompareExchange(ref _cached, null, cached);
        }
    }

    public void Dispose() => _refresh.Dispose();

    private async Task<CachedToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var endpoint = _options.GetTokenEndpoint();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _options.AppId!,
            ["client_secret"] = _options.AppPassword!,
            ["scope"] = _options.OAuthScope,
        });
        var client = httpClientFactory.CreateClient(BotFrameworkProtocol.TokenHttpClient);
        var requestedAt = timeProvider.GetUtcNow();
        using var response = await client.PostAsync(endpoint, form, cancellationToken);

        AppTokenResponse? body = null;
        try
        {
            body = await response.Content.ReadFromJsonAsync<AppTokenResponse>(cancellationToken);
        }
        catch (JsonException)
        {
            // Reported below without the body.
        }

        if (!response.IsSuccessStatusCode || string.IsNullOrEmpty(body?.AccessToken))
        {
            logger.LogError(
                "The token endpoint {Host} refused the bot's credentials: HTTP {Status}, error {Error}",
                endpoint.Host, (int)response.StatusCode, body?.Error ?? "(none)");
            throw new HttpRequestException(
                $"Could not obtain the bot's access token from {endpoint.Host} (HTTP {(int)response.StatusCode}, error '{body?.Error ?? "none"}'). Check Bot:AppId, Bot:AppPassword, Bot:AppType and Bot:TenantId.",
                null,
                response.IsSuccessStatusCode ? System.Net.HttpStatusCode.BadGateway : response.StatusCode);
        }

        var lifetime = TimeSpan.FromSeconds(Math.Max(body.ExpiresIn ?? 3600, 0));
        var margin = lifetime > RefreshMargin * 2 ? RefreshMargin : lifetime / 2;
        logger.LogInformation("Obtained the bot's access token from {Host}, valid for {Lifetime}", endpoint.Host, lifetime);
        return new CachedToken(body.AccessToken, requestedAt + lifetime - margin);
    }

    private sealed record CachedToken(string Token, DateTimeOffset RenewAt);
}

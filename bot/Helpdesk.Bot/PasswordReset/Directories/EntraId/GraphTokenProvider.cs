using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Helpdesk.Skills.PasswordReset.Directory;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.PasswordReset.Directories.EntraId;

/// <summary>App-only Graph tokens (OAuth 2.0 client credentials), cached until five minutes before they expire.</summary>
internal sealed class GraphTokenProvider(IHttpClientFactory clients, IOptions<EntraIdOptions> options, TimeProvider time)
{
    public const string ClientName = "password-reset-graph";
    public const string Scope = "https://graph.microsoft.com/.default";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset Expires)? _cached;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } hit && hit.Expires > time.GetUtcNow())
        {
            return hit.Token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && again.Expires > time.GetUtcNow())
            {
                return again.Token;
            }

            var settings = options.Value;
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = settings.ClientId,
                ["client_secret"] = settings.ClientSecret,
                ["scope"] = Scope,
                ["grant_type"] = "client_credentials",
            });
            using var response = await clients.CreateClient(ClientName).PostAsync($"{settings.Authority.TrimEnd('/')}/{Uri.EscapeDataString(settings.TenantId)}/oauth2/v2.0/token", content, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new DirectoryUnavailableException($"Entra ID refused the app's credentials ({(int)response.StatusCode}).");
            }

            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                ?? throw new DirectoryUnavailableException("Entra ID sent an empty token response.");
            _cached = (token.AccessToken, time.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(60, token.ExpiresIn)) - TimeSpan.FromMinutes(5));
            return token.AccessToken;
        }
        catch (HttpRequestException ex)
        {
            throw new DirectoryUnavailableException("Entra ID could not be reached.", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}

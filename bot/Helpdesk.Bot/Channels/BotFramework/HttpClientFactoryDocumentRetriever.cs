using Microsoft.IdentityModel.Protocols;

namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>
/// Fetches OpenID metadata and JWKS documents for <see cref="ConfigurationManager{T}"/> through a named client
/// of <see cref="IHttpClientFactory"/> (fresh handlers over time, testable transport). Refuses non-https
/// addresses except loopback.
/// </summary>
internal sealed class HttpClientFactoryDocumentRetriever(IHttpClientFactory httpClientFactory) : IDocumentRetriever
{
    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!ServiceUrlPolicy.IsAllowed(address, out var uri))
        {
            throw new ArgumentException("OpenID metadata must be fetched over https (plain http only from localhost).", nameof(address));
        }

        var client = httpClientFactory.CreateClient(BotFrameworkProtocol.OpenIdMetadataHttpClient);
        using var response = await client.GetAsync(uri, cancel);
        if (!response.IsSuccessStatusCode)
        {
            throw new IOException($"Fetching OpenID document from {uri.Host} failed: HTTP {(int)response.StatusCode}.");
        }

        return await response.Content.ReadAsStringAsync(cancel);
    }
}

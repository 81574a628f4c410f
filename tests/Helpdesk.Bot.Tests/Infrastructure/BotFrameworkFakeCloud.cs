using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Helpdesk.Bot.Tests.Infrastructure;

/// <summary>
/// Everything the Bot Framework channel talks to, faked in one HTTP handler: the Bot Framework and Entra OpenID
/// metadata and JWKS (signed with test keys), the Entra token endpoint (client credentials), and Bot Connector
/// service URLs on any other host (records requests; answers scripted responses, else 201 with an id).
/// </summary>
internal sealed class BotFrameworkFakeCloud : HttpMessageHandler
{
    public const string AppId = "9a1c2b3d-0000-4000-8000-00000000b0t1";
    public const string AppPassword = "test-client-secret";
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public const string MetadataUrl = "https://login.botframework.test/v1/.well-known/openidconfiguration";
    public const string JwksUrl = "https://login.botframework.test/v1/.well-known/keys";
    public const string EntraMetadataUrl = "https://login.entra.test/" + TenantId + "/v2.0/.well-known/openid-configuration";
    public const string EntraJwksUrl = "https://login.entra.test/" + TenantId + "/discovery/v2.0/keys";
    public const string Authority = "https://login.entra.test/botframework.com";
    public const string TokenUrl = Authority + "/oauth2/v2.0/token";
    public const string ServiceUrl = "https://smba.connector.test/amer/";

    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<Func<HttpResponseMessage>> _connectorScript = new();
    private List<BotFrameworkSigningKey> _botFrameworkKeys = [];
    private List<BotFrameworkSigningKey> _entraKeys = [];
    private int _metadataRequests;
    private int _jwksRequests;
    private int _tokenRequests;
    private int _activityIds;

    public ConcurrentQueue<BotFrameworkRecordedRequest> ConnectorRequests { get; } = new();

    public ConcurrentQueue<string> TokenRequestBodies { get; } = new();

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Lifetime of issued app tokens, in seconds.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Publishes <paramref name="keys"/> as the Bot Framework JWKS (replacing the previous set: key rotation).</summary>
    public void PublishBotFrameworkKeys(params BotFrameworkSigningKey[] keys)
    {
        lock (_gate)
        {
            _botFrameworkKeys = [.. keys];
        }
    }

    public void PublishEntraKeys(params BotFrameworkSigningKey[] keys)
    {
        lock (_gate)
        {
            _entraKeys = [.. keys];
        }
    }

    /// <summary>Queues the answers of the next Bot Connector calls, in order.</summary>
    public void ScriptConnector(params Func<HttpResponseMessage>[] responses)
    {
        foreach (var response in responses)
        {
            _connectorScript.Enqueue(response);
        }
    }

    /// <summary>Waits (up to <paramref name="timeout"/>, default 10 s) until the connector has received <paramref name="count"/> calls.</summary>
    public async Task<BotFrameworkRecordedRequest[]> WaitForConnectorRequestsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = _clock.Elapsed + (timeout ?? TimeSpan.FromSeconds(10));
        while (ConnectorRequests.Count < count && _clock.Elapsed < deadline)
        {
            await Task.Delay(20);
        }

        return [.. ConnectorRequests];
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.AbsoluteUri;
        switch (url)
        {
            case MetadataUrl:
                Interlocked.Increment(ref _metadataRequests);
                return Json(Metadata("https://api.botframework.com", JwksUrl));
            case JwksUrl:
                Interlocked.Increment(ref _jwksRequests);
                return Json(Jwks(_botFrameworkKeys));
            case EntraMetadataUrl:
                return Json(Metadata($"https://login.microsoftonline.com/{TenantId}/v2.0", EntraJwksUrl));
            case EntraJwksUrl:
                return Json(Jwks(_entraKeys));
            case TokenUrl:
                var form = await request.Content!.ReadAsStringAsync(cancellationToken);
                TokenRequestBodies.Enqueue(form);
                var number = Interlocked.Increment(ref _tokenRequests);
                return Json(new JsonObject
                {
                    ["token_type"] = "Bearer",
                    ["expires_in"] = TokenLifetimeSeconds,
                    ["ext_expires_in"] = TokenLifetimeSeconds,
                    ["access_token"] = $"app-token-{number}",
                });
        }

        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        ConnectorRequests.Enqueue(new BotFrameworkRecordedRequest(
            request.Method,
            request.RequestUri,
            request.Headers.Authorization?.ToString(),
            body,
            _clock.Elapsed));
        if (_connectorScript.TryDequeue(out var scripted))
        {
            return scripted();
        }

        return Json(new JsonObject { ["id"] = $"reply-{Interlocked.Increment(ref _activityIds)}" }, HttpStatusCode.Created);
    }

    public static HttpResponseMessage Status(HttpStatusCode status, string? retryAfter = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent("{\"error\":{\"code\":\"ServiceError\"}}", Encoding.UTF8, "application/json") };
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return response;
    }

    private static JsonObject Metadata(string issuer, string jwksUri) => new()
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = "https://invalid.test/authorize",
        ["jwks_uri"] = jwksUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    };

    private JsonObject Jwks(IEnumerable<BotFrameworkSigningKey> keys)
    {
        lock (_gate)
        {
            return new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode)k.ToJwk())]) };
        }
    }

    private static HttpResponseMessage Json(JsonNode node, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json") };
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>
/// Sends the bot's activities through the Bot Connector REST API of the activity's service URL, with the bot's
/// token when it has an app id. Only https (or http to loopback) service URLs are called. Transient failures are
/// retried by <see cref="BotFrameworkRetryHandler"/> in the HTTP client's pipeline.
/// </summary>
internal sealed class ConnectorClient(
    IHttpClientFactory httpClientFactory,
    BotFrameworkTokenProvider tokenProvider,
    ILogger<ConnectorClient> logger)
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    /// <summary>
    /// Posts <paramref name="activity"/> to its conversation: a reply to <see cref="Activity.ReplyToId"/> when set
    /// (ReplyToActivity), otherwise a new activity (SendToConversation). Returns the id the channel assigned.
    /// </summary>
    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!ServiceUrlPolicy.IsAllowed(activity.ServiceUrl, out _))
        {
            throw new InvalidOperationException(string.IsNullOrWhiteSpace(activity.ServiceUrl)
                ? "The activity has no serviceUrl to send to."
                : "Refusing to send to a serviceUrl that is not https (plain http is allowed to localhost only).");
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            throw new InvalidOperationException("The activity has no conversation id to send to.");
        }

        var url = ConnectorUrls.Activities(activity.ServiceUrl, activity.Conversation.Id, activity.ReplyToId);
        var operation = string.IsNullOrWhiteSpace(activity.ReplyToId) ? "SendToConversation" : "ReplyToActivity";
        var token = await tokenProvider.GetTokenAsync(cancellationToken);

        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = new ByteArrayContent(ActivitySerializer.SerializeToUtf8Bytes(activity)) { Headers = { ContentType = JsonContentType } };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var client = httpClientFactory.CreateClient(BotFrameworkProtocol.ConnectorHttpClient);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            if (token is not null && response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                tokenProvider.Invalidate(token);
            }

            var (code, message) = await ReadErrorAsync(response, cancellationToken);
            logger.LogWarning(
                "Bot Connector {Operation} on {Host} failed: HTTP {Status}, error code {ErrorCode}",
                operation, url.Host, (int)response.StatusCode, code ?? "(none)");
            throw new BotConnectorException(
                $"The Bot Connector answered {(int)response.StatusCode} ({response.ReasonPhrase}) to {operation}{(code is null ? string.Empty : $" with error '{code}'")}.",
                response.StatusCode,
                code,
                message);
        }

        return new ResourceResponse(await ReadIdAsync(response, cancellationToken));
    }

    /// <summary>The Bot Connector's error body, <c>{"error":{"code","message"}}</c> (Teams sometimes puts the code in <c>subCode</c>).</summary>
    private static async Task<(string? Code, string? Message)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            return (null, null);
        }

        if (bytes.Length is 0 or > 64 * 1024)
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? e : root;
            if (error.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var code = Text(error, "code");
            var subCode = Text(error, "subCode") ?? (error.TryGetProperty("innerHttpError", out var inner) && inner.ValueKind == JsonValueKind.Object ? Text(inner, "subCode") : null);
            return (subCode is not null && (code is null || code is "Forbidden" or "Unauthorized") ? subCode : code, Text(error, "message"));
        }
        catch (JsonException)
        {
            return (null, null);
        }

        static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    private static async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null; // Delivered; the channel just did not return a resource id.
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Channels.Slack.Wire;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.Slack;

/// <summary>
/// The Slack Web API calls the bot makes (<c>chat.postMessage</c>, <c>chat.update</c>) with the bot token. HTTP 429
/// waits for <c>Retry-After</c> (up to <see cref="SlackOptions.MaxRetryDelay"/>) and retries; 5xx and network failures
/// retry with doubling backoff; Slack's <c>ok:false</c> answers become <see cref="SlackApiException"/> — except
/// <c>invalid_blocks</c>, which is retried once as text only so the user still gets the words.
/// </summary>
internal sealed class SlackApiClient(
    IHttpClientFactory httpClientFactory,
    IOptions<SlackOptions> options,
    TimeProvider timeProvider,
    ILogger<SlackApiClient> logger)
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };
    private readonly SlackOptions _options = options.Value;

    /// <summary>Posts <paramref name="message"/> to <paramref name="channel"/>, in the thread <paramref name="threadTs"/> when given.</summary>
    public async Task<SlackApiResponse> PostMessageAsync(string channel, string? threadTs, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentNullException.ThrowIfNull(message);
        var body = new JsonObject
        {
            ["channel"] = channel,
            ["text"] = message.Text,
            ["blocks"] = message.Blocks.DeepClone(),
            ["unfurl_links"] = false,
            ["unfurl_media"] = false,
        };
        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }

        var response = await CallAsync(SlackProtocol.PostMessageMethod, body, cancellationToken);
        if (!response.Ok && response.Error is "invalid_blocks" or "invalid_blocks_format")
        {
            logger.LogWarning("Slack refused the message's blocks ({Error}); sending it as text only", response.Error);
            body.Remove("blocks");
            response = await CallAsync(SlackProtocol.PostMessageMethod, body, cancellationToken);
        }

        return response.Ok ? response : throw new SlackApiException(SlackProtocol.PostMessageMethod, response.Error ?? "unknown_error");
    }

    /// <summary>Replaces the text and blocks of the bot's message <paramref name="ts"/>.</summary>
    public async Task<SlackApiResponse> UpdateMessageAsync(string channel, string ts, string text, JsonArray blocks, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = text, ["blocks"] = blocks.DeepClone() };
        var response = await CallAsync(SlackProtocol.UpdateMethod, body, cancellationToken);
        return response.Ok ? response : throw new SlackApiException(SlackProtocol.UpdateMethod, response.Error ?? "unknown_error");
    }

    /// <summary>The user's display name (<c>users.info</c>: profile display name, else real name), or null.</summary>
    public async Task<string?> GetUserNameAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var response = await SendAsync(SlackProtocol.UsersInfoMethod, HttpMethod.Get, "?user=" + Uri.EscapeDataString(userId), null, cancellationToken);
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new SlackApiException(SlackProtocol.UsersInfoMethod, $"http_{(int)response.StatusCode}", response.StatusCode);
            }

            JsonObject? body;
            try
            {
                body = await response.Content.ReadFromJsonAsync<JsonObject>(SlackJson.Options, cancellationToken);
            }
            catch (JsonException)
            {
                throw new SlackApiException(SlackProtocol.UsersInfoMethod, "invalid_response", response.StatusCode);
            }

            if (body?["ok"]?.GetValue<bool>() != true)
            {
                throw new SlackApiException(SlackProtocol.UsersInfoMethod, (string?)body?["error"] ?? "unknown_error");
            }

            var user = body["user"];
            var name = (string?)user?["profile"]?["display_name"];
            return string.IsNullOrWhiteSpace(name) ? (string?)user?["profile"]?["real_name"] ?? (string?)user?["real_name"] : name;
        }
    }

    private async Task<SlackApiResponse> CallAsync(string method, JsonObject body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, HttpMethod.Post, string.Empty, Encoding.UTF8.GetBytes(body.ToJsonString(SlackJson.Options)), cancellationToken);
        return await ReadAsync(method, response, cancellationToken);
    }

    /// <summary>Sends one call with retries (429 Retry-After, 5xx, network); returns the first answer that is neither.</summary>
    private async Task<HttpResponseMessage> SendAsync(string method, HttpMethod verb, string query, byte[]? payload, CancellationToken cancellationToken)
    {
        var url = new Uri(new Uri(_options.ApiBaseUrl.TrimEnd('/') + "/"), method + query);
        var client = httpClientFactory.CreateClient(SlackProtocol.ApiHttpClient);
        for (var attempt = 0; ; attempt++)
        {
            TimeSpan wait;
            using (var request = new HttpRequestMessage(verb, url))
            {
                if (payload is not null)
                {
                    request.Content = new ByteArrayContent(payload) { Headers = { ContentType = JsonContentType } };
                }

                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.BotToken);
                HttpResponseMessage? response = null;
                try
                {
                    response = await client.SendAsync(request, cancellationToken);
                }
                catch (HttpRequestException) when (attempt < _options.MaxRetries)
                {
                    // network failure: retried below
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested && attempt < _options.MaxRetries)
                {
                    // time-out of one attempt: retried below
                }

                if (response is not null && response.StatusCode != HttpStatusCode.TooManyRequests && (int)response.StatusCode < 500)
                {
                    return response;
                }

                using (response)
                {
                    if (response is not null && response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        wait = RetryAfter(response) ?? TimeSpan.FromSeconds(1);
                        if (attempt >= _options.MaxRetries || wait > _options.MaxRetryDelay)
                        {
                            logger.LogWarning("Slack {Method} rate-limited; giving up after {Attempts} attempt(s) (Retry-After {Wait})", method, attempt + 1, wait);
                            throw new SlackApiException(method, "ratelimited", HttpStatusCode.TooManyRequests);
                        }

                        logger.LogInformation("Slack {Method} rate-limited; retrying in {Wait}", method, wait);
                    }
                    else
                    {
                        if (attempt >= _options.MaxRetries)
                        {
                            throw new SlackApiException(method, response is null ? "network_error" : $"http_{(int)response.StatusCode}", response?.StatusCode);
                        }

                        wait = _options.RetryBaseDelay * Math.Pow(2, attempt);
                    }
                }
            }

            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }

    private static async Task<SlackApiResponse> ReadAsync(string method, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException(method, $"http_{(int)response.StatusCode}", response.StatusCode);
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<SlackApiResponse>(SlackJson.Options, cancellationToken)
                ?? throw new SlackApiException(method, "empty_response", response.StatusCode);
        }
        catch (JsonException)
        {
            throw new SlackApiException(method, "invalid_response", response.StatusCode);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.TryGetValues("Retry-After", out var values) && int.TryParse(values.FirstOrDefault(), out var seconds) ? TimeSpan.FromSeconds(Math.Max(seconds, 0)) : null);
}

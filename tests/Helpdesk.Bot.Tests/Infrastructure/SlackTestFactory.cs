using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Channels.Slack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Tests.Infrastructure;

/// <summary>
/// The real host (real helpdesk bot, in-memory storage) with the Slack channel switched on and its Web API pointed at
/// <see cref="SlackApiRecorder"/>; helpers post signed Events API and interactivity requests.
/// </summary>
internal sealed class SlackTestFactory : WebApplicationFactory<Program>
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string BotToken = "xoxb-1234-5678-test";
    public const string BotUserId = "UBOT0001";
    public const string TeamId = "T0001";

    private readonly SlackApiRecorder _recorder;

    public SlackTestFactory(SlackApiRecorder recorder)
    {
        _recorder = recorder;
        Settings["Storage:Provider"] = "Memory";
        Settings["Slack:SigningSecret"] = SigningSecret;
        Settings["Slack:BotToken"] = BotToken;
        Settings["Slack:ApiBaseUrl"] = recorder.ApiBaseUrl;
        Settings["Slack:RetryBaseDelay"] = "00:00:00";
    }

    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public SlackApiRecorder Recorder => _recorder;

    /// <summary>An Events API <c>event_callback</c> carrying <paramref name="slackEvent"/>.</summary>
    public static JsonObject EventCallback(JsonObject slackEvent, string eventId = "Ev0001") => new()
    {
        ["token"] = "legacy-verification-token",
        ["team_id"] = TeamId,
        ["api_app_id"] = "A0001",
        ["event"] = slackEvent,
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1772442000,
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = TeamId, ["user_id"] = BotUserId, ["is_bot"] = true }),
    };

    public static JsonObject DirectMessage(string text, string ts = "1772442000.000100", string user = "U0USER1") => new()
    {
        ["type"] = "message",
        ["channel"] = "D0DM0001",
        ["channel_type"] = "im",
        ["user"] = user,
        ["text"] = text,
        ["ts"] = ts,
        ["event_ts"] = ts,
        ["team"] = TeamId,
    };

    public static JsonObject Mention(string text, string ts = "1772442100.000200", string channel = "C0HELP001") => new()
    {
        ["type"] = "app_mention",
        ["channel"] = channel,
        ["user"] = "U0USER1",
        ["text"] = $"<@{BotUserId}> {text}",
        ["ts"] = ts,
        ["event_ts"] = ts,
        ["team"] = TeamId,
    };

    /// <summary>Posts <paramref name="body"/> to <paramref name="route"/> signed at the host's current time (or as given).</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(string route, string body, string contentType, string? signature = null, long? timestamp = null, IDictionary<string, string>? headers = null)
    {
        using var client = CreateClient();
        var ts = (timestamp ?? Time.GetUtcNow().ToUnixTimeSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, route)
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackProtocol.TimestampHeader, ts);
        request.Headers.Add(SlackProtocol.SignatureHeader, signature ?? SlackSignatureVerifier.Sign(SigningSecret, ts, Encoding.UTF8.GetBytes(body)));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        return await client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostEventAsync(JsonObject envelope, IDictionary<string, string>? headers = null) =>
        PostSignedAsync(SlackProtocol.EventsRoute, envelope.ToJsonString(), "application/json", headers: headers);

    public Task<HttpResponseMessage> PostInteractionAsync(JsonObject payload) =>
        PostSignedAsync(SlackProtocol.InteractiveRoute, "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(Settings));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }
}

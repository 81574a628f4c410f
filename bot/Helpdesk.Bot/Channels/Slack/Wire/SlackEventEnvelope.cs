using System.Text.Json;

namespace Helpdesk.Bot.Channels.Slack.Wire;

/// <summary>An Events API request body: <c>url_verification</c> (with <c>challenge</c>) or <c>event_callback</c> (with <c>event</c>).</summary>
internal sealed record SlackEventEnvelope(
    string? Type,
    string? Challenge,
    string? TeamId,
    string? ApiAppId,
    JsonElement Event,
    string? EventId,
    long? EventTime,
    IReadOnlyList<SlackAuthorization>? Authorizations);

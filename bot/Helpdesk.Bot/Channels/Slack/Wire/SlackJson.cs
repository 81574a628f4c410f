using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Bot.Channels.Slack.Wire;

/// <summary>The JSON conventions of Slack's payloads: snake_case, nulls omitted.</summary>
internal static class SlackJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 64,
    };
}

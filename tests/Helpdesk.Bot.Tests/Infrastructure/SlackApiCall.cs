using System.Text.Json.Nodes;

namespace Helpdesk.Bot.Tests.Infrastructure;

/// <summary>A Slack Web API call the recorder received.</summary>
internal sealed record SlackApiCall(string Method, string Authorization, string? ContentType, JsonObject Body)
{
    public string? Channel => (string?)Body["channel"];

    public string? ThreadTs => (string?)Body["thread_ts"];

    public string? Text => (string?)Body["text"];

    public JsonArray Blocks => Body["blocks"] as JsonArray ?? [];

    /// <summary>The labels of every button in the message's blocks.</summary>
    public List<string?> ButtonLabels =>
        [.. Blocks.Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray()).Select(e => (string?)e!["text"]!["text"])];
}

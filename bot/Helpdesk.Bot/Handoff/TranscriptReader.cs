using System.Text.Json;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Handoff.Store;

namespace Helpdesk.Bot.Handoff;

/// <summary>Turns stored (redacted) transcript entries into activities and readable lines.</summary>
internal static class TranscriptReader
{
    /// <summary>Marks a message an agent sent (channel data), so transcripts show it as the agent's.</summary>
    public const string AgentMarker = "helpdeskAgent";

    public static JsonElement ToElement(TranscriptEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var document = JsonDocument.Parse(entry.ActivityJson);
        return document.RootElement.Clone();
    }

    public static IReadOnlyList<TranscriptLine> ToLines(IEnumerable<TranscriptEntry> entries)
    {
        var lines = new List<TranscriptLine>();
        foreach (var entry in entries)
        {
            Activity activity;
            try
            {
                activity = ActivitySerializer.Deserialize(entry.ActivityJson);
            }
            catch (JsonException)
            {
                continue;
            }

            if (!activity.IsType(ActivityTypes.Message))
            {
                continue;
            }

            var text = TextOf(activity);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var from = entry.Inbound ? "user" : IsAgentMessage(activity) ? "agent" : "bot";
            lines.Add(new TranscriptLine(from, activity.From?.Name, text, activity.Timestamp ?? entry.At));
        }

        return lines;
    }

    /// <summary>The text of a message, or its buttons and card submit values when it has no text.</summary>
    public static string? TextOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text;
        if (activity.SuggestedActions?.Actions is { Count: > 0 } actions)
        {
            text = (text is null ? string.Empty : text + " ") + "[" + string.Join(" | ", actions.Select(a => a.Title ?? a.Value?.ToString())) + "]";
        }

        if (string.IsNullOrWhiteSpace(text) && activity.Value is JsonElement { ValueKind: JsonValueKind.Object } value)
        {
            text = value.GetRawText();
        }

        if (string.IsNullOrWhiteSpace(text) && activity.Attachments is { Count: > 0 } attachments)
        {
            text = "(" + string.Join(", ", attachments.Select(a => a.Name ?? a.ContentType)) + ")";
        }

        return text;
    }

    private static bool IsAgentMessage(Activity activity) =>
        activity.ChannelData is JsonElement { ValueKind: JsonValueKind.Object } data && data.TryGetProperty(AgentMarker, out _);
}

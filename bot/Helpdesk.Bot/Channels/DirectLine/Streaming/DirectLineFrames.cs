using System.Buffers;
using System.Text.Json;

namespace Helpdesk.Bot.Channels.DirectLine.Streaming;

/// <summary>
/// Writes Direct Line's ActivitySet (<c>{"activities":[…],"watermark":"n"}</c>) from stored activity JSON without
/// re-serializing it; the same bytes answer <c>GET …/activities</c> and go out as WebSocket frames.
/// </summary>
internal static class DirectLineFrames
{
    public static byte[] ActivitySet(IEnumerable<string> activityJson, long? watermark)
    {
        ArgumentNullException.ThrowIfNull(activityJson);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("activities");
            foreach (var json in activityJson)
            {
                writer.WriteRawValue(json, skipInputValidation: true);
            }

            writer.WriteEndArray();
            if (watermark is { } value)
            {
                writer.WriteString("watermark", DirectLineIds.FormatWatermark(value));
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

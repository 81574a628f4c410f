using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Helpdesk.Bot.Tests.Infrastructure;

/// <summary>Reads Direct Line WebSocket frames in tests (with a real-time timeout so a missing frame fails fast).</summary>
public static class DirectLineStreamReader
{
    public static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The next frame's text ("" for a heartbeat), or null when the server closed the socket.</summary>
    public static async Task<string?> ReceiveFrameAsync(WebSocket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    /// <summary>Reads activity-set frames (skipping heartbeats) until <paramref name="count"/> activities arrived.</summary>
    public static async Task<(List<JsonElement> Activities, string? Watermark)> ReceiveActivitiesAsync(WebSocket socket, int count)
    {
        var activities = new List<JsonElement>();
        string? watermark = null;
        while (activities.Count < count)
        {
            var frame = await ReceiveFrameAsync(socket) ?? throw new InvalidOperationException($"Socket closed after {activities.Count} of {count} activities.");
            if (frame.Length == 0)
            {
                continue;
            }

            var json = JsonDocument.Parse(frame).RootElement.Clone();
            activities.AddRange(json.GetProperty("activities").EnumerateArray());
            if (json.TryGetProperty("watermark", out var mark))
            {
                watermark = mark.GetString();
            }
        }

        return (activities, watermark);
    }
}

namespace Helpdesk.Bot.Channels.DirectLine.Streaming;

/// <summary>
/// What a stream subscriber is told: a stored activity (<see cref="Sequence"/> &gt; 0), an ephemeral one (typing:
/// sequence 0, not stored, no watermark) or a heartbeat (no JSON: an empty frame).
/// </summary>
internal readonly record struct DirectLineStreamItem(long Sequence, string? Json)
{
    public static DirectLineStreamItem Heartbeat => default;

    public bool IsHeartbeat => Json is null;

    public bool IsStored => Sequence > 0 && Json is not null;

    public static DirectLineStreamItem Stored(long sequence, string json) => new(sequence, json);

    public static DirectLineStreamItem Ephemeral(string json) => new(0, json);
}

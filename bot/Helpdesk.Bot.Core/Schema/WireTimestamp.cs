using System.Text.Json.Serialization;

namespace Helpdesk.Bot.Core.Schema;

/// <summary>
/// A timestamp as it travels on the wire: the instant, plus the exact text it was read from (if it was read).
/// Channels format timestamps differently ("…34.567Z", "…34.4468491Z", "…34.567+01:00"); keeping the text lets an
/// activity be written back byte-for-byte instead of in .NET's own format. A timestamp set in code has no text and
/// is written in ISO 8601 by the serializer.
/// </summary>
[JsonConverter(typeof(WireTimestampConverter))]
internal readonly record struct WireTimestamp(DateTimeOffset Value, string? Text)
{
    public static WireTimestamp? From(DateTimeOffset? value) => value is { } v ? new WireTimestamp(v, null) : null;
}

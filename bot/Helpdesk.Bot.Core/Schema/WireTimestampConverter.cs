using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Bot.Core.Schema;

/// <summary>
/// Reads an ISO 8601 timestamp (the same strict format the serializer's own DateTimeOffset reader accepts) and keeps
/// its text; writes the kept text, or the instant when there is none.
/// </summary>
internal sealed class WireTimestampConverter : JsonConverter<WireTimestamp>
{
    /// <summary>Longer than any ISO 8601 text the reader accepts (its limit is 42 characters).</summary>
    private const int MaxTextLength = 64;

    private static readonly SearchValues<char> SafeCharacters =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-:.+ ");

    public override WireTimestamp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value))
        {
            throw new JsonException("A timestamp must be an ISO 8601 date-time string.");
        }

        return new WireTimestamp(value, reader.GetString());
    }

    public override void Write(Utf8JsonWriter writer, WireTimestamp value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Text is null)
        {
            writer.WriteStringValue(value.Value);
            return;
        }

        // Written raw because the writer's default encoder would turn "+01:00" into "\u002B01:00". Text read by
        // this converter passed TryGetDateTimeOffset, so it is short and made of characters that need no escaping.
        if (value.Text.Length > MaxTextLength || value.Text.AsSpan().ContainsAnyExcept(SafeCharacters))
        {
            writer.WriteStringValue(value.Text);
            return;
        }

        Span<byte> quoted = stackalloc byte[MaxTextLength + 2];
        quoted[0] = (byte)'"';
        Ascii.FromUtf16(value.Text, quoted[1..], out var written);
        quoted[written + 1] = (byte)'"';
        writer.WriteRawValue(quoted[..(written + 2)], skipInputValidation: true);
    }
}

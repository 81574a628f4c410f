using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Bot.Core.Schema;

/// <summary>
/// Writes an <see cref="IImmutableJsonValue"/> instance's JSON once and the same bytes after that (kept with the
/// instance, so they go when it goes); reads it as the options without this converter would.
/// </summary>
internal sealed class ImmutableJsonValueConverter<T>(JsonSerializerOptions inner) : JsonConverter<T>
    where T : class, IImmutableJsonValue
{
    private readonly ConditionalWeakTable<T, byte[]> _written = [];

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<T>(ref reader, inner);

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (!_written.TryGetValue(value, out var json))
        {
            json = JsonSerializer.SerializeToUtf8Bytes(value, inner);
            _written.TryAdd(value, json);
        }

        writer.WriteRawValue(json, skipInputValidation: true);
    }
}
